"""Lists sort in the database, in natural order (issue 12): the register, items, the ledger."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.ledger import LedgerFilter
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.ledger_repo import SqlLedger
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.write_paths import scope
from tests.helpers.intake_data import FRIDAY, register

NUMBERS = ["0020", "002", "0019", "1", "010"]
GRIDS = ["十组", "二组", "一组", "九组"]


def households(store: Store) -> dict[str, str]:
    """Number → id; grids and members vary so that each order differs."""
    grids = [store.register.save_grid(Grid(name=name)) for name in GRIDS]
    cadre = store.register.save_cadre(Cadre(name="张三"))
    ids = {}
    for i, number in enumerate(NUMBERS):
        saved = store.register.save_household(
            Household(
                number=number,
                grid_id=grids[i % len(grids)].id,
                cadre_id=cadre.id if i == 2 else None,
                members=[Person(name=f"户主{9 - i}", relation="户主")]
                + [Person(name=f"成员{i}{k}", relation="子女") for k in range(i)],
            )
        )
        ids[number] = saved.id or ""
    return ids


def numbers(store: Store, ids: list[str], by_id: dict[str, str]) -> list[str]:
    back = {v: k for k, v in by_id.items()}
    return [back[i] for i in ids]


def test_register_sorts_by_number_naturally_by_default(store: Store) -> None:
    by_id = households(store)
    found = store.register.search_households()
    assert numbers(store, found, by_id) == ["1", "002", "010", "0019", "0020"]
    down = store.register.search_households(sort=Sort("number", descending=True))
    assert numbers(store, down, by_id) == ["0020", "0019", "010", "002", "1"]


def test_register_sorts_by_grid_members_head_and_cadre(store: Store) -> None:
    by_id = households(store)

    def order(key: str) -> list[str]:
        return numbers(store, store.register.search_households(sort=Sort(key)), by_id)

    # 0020 十组, 002 二组, 0019 一组, 1 九组, 010 十组: 一组 … 十组, then by 户号
    assert order("grid") == ["0019", "002", "1", "010", "0020"]
    assert order("members") == ["0020", "002", "0019", "1", "010"]  # 1, 2, 3, 4, 5 people
    assert order("head") == ["010", "1", "0019", "002", "0020"]  # 户主5 … 户主9
    assert order("cadre")[-1] == "0019"  # the one with a cadre; the others have none
    assert [g.name for g in store.register.grids()] == ["一组", "二组", "九组", "十组"]


def test_items_sort_by_number_due_date_and_days_overdue(store: Store) -> None:
    with scope("test: set due dates"):
        _items_sort(store)


def _items_sort(store: Store) -> None:
    first = register(store, FRIDAY)
    second = register(store, FRIDAY + dt.timedelta(hours=1))
    third = register(store, FRIDAY + dt.timedelta(hours=2))
    due = {first: dt.date(2026, 3, 10), second: dt.date(2026, 3, 2), third: dt.date(2026, 3, 5)}
    with store.db.session() as s:
        for number, day in due.items():
            row = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()
            row.due_on = day
    by_number = {store.items.item(n).id: n for n in due}

    def order(sort: Sort | None) -> list[str]:
        ids = store.items.search_ids(ItemFilter(), sort=sort)
        return [by_number[i] for i in ids]

    assert order(None) == [third, second, first]  # newest first, as before
    assert order(Sort("number")) == [first, second, third]
    assert order(Sort("due")) == [second, third, first]
    assert order(Sort("overdue")) == [first, third, second]  # fewest days overdue first
    assert order(Sort("overdue", descending=True)) == [second, third, first]
    ledger = SqlLedger(store.db).ids(LedgerFilter(), Sort("due"))
    assert [by_number[i] for i in ledger] == [second, third, first]
    ledger = SqlLedger(store.db).ids(LedgerFilter(), Sort("number", descending=True))
    assert [by_number[i] for i in ledger] == [third, second, first]  # (0024's index on SQLite)
