import datetime as dt

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import DuplicateError
from qunzhong_desktop.core.register import HouseholdInvalid
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.demo.load import load_demo, taken
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2025, 6, 1)
CODE = "430121101201"


def _count(store: Store, stmt: object) -> int:
    with store.db.session() as s:
        return int(s.scalar(stmt) or 0)  # type: ignore[call-overload]


def _outbox(store: Store, table: str) -> int:
    return _count(
        store,
        select(func.count()).select_from(m.SyncChange).where(m.SyncChange.table_name == table),
    )


def test_load_writes_everything_through_the_outbox(store: Store) -> None:
    data = generate(CODE, "白沙村", households=120, seed=5, today=TODAY)
    summary = load_demo(store.db, data)
    assert summary.households == 120 and summary.persons == data.persons
    assert summary.grids == 4 and summary.cadres == len(data.cadres)
    assert store.register.count_households() == 120
    assert [g.name for g in store.register.grids()] == sorted(
        (g.name for g in data.grids), key=natural_key
    )  # 一组, 二组, 三组: natural order
    assert len(store.register.cadres()) == len(data.cadres)
    assert _outbox(store, "household") == 120
    assert _outbox(store, "person") == data.persons
    assert _outbox(store, "grid") == 4
    assert _outbox(store, "cadre") == len(data.cadres)
    # grid, cadre and member rows are where the generator put them
    item = next(h for h in data.households if h.cadre is not None)
    back = store.register.household(item.household.id or "")
    assert back.grid_id == data.grids[item.grid].id
    assert back.cadre_id == data.cadres[item.cadre or 0].id
    assert [p.name for p in back.members] == [p.name for p in item.household.members]
    assert store.register.search_households(grid_id=data.grids[0].id) == [
        h.household.id for h in data.households[:30]
    ]
    (row,) = store.register.household_rows([item.household.id or ""])
    assert row.cadre_name == data.cadres[item.cadre or 0].name
    # the search finds a generated person by pinyin initials and ID suffix
    person = data.households[7].household.members[0]
    assert data.households[7].household.id in store.register.search_households(person.name)
    assert data.households[7].household.id in store.register.search_households(
        person.id_number[-6:]
    )


def test_loading_twice_appends_with_free_numbers_and_ids(store: Store) -> None:
    first = generate(CODE, "白沙村", households=40, seed=1, today=TODAY)
    load_demo(store.db, first)
    start, used = taken(store.db)
    assert start == 41 and len(used) == sum(
        1 for h in first.households for p in h.household.members if p.id_number
    )
    again = generate(
        CODE, "白沙村", households=40, seed=1, today=TODAY, first_number=start, avoid_ids=used
    )
    summary = load_demo(store.db, again, batch=15)
    assert summary.grids == 0  # 一组 and 二组 are reused
    assert summary.cadres == 0  # same seed, same cadres
    assert store.register.count_households() == 80
    assert len(store.register.grids()) == 2


def test_same_ids_twice_are_refused_and_nothing_is_written(store: Store) -> None:
    data = generate(CODE, "白沙村", households=10, seed=1, today=TODAY)
    load_demo(store.db, data)
    clash = generate(CODE, "白沙村", households=10, seed=1, today=TODAY, first_number=11)
    with pytest.raises(DuplicateError) as info:
        load_demo(store.db, clash)
    assert info.value.code == "person.id_taken"
    assert store.register.count_households() == 10


def test_save_households_checks_the_batch(store: Store) -> None:
    register = store.register
    saved = register.save_households(
        [
            Household(
                number="001", members=[Person(name="张三丰", id_number="11010519491231002X")]
            ),
            Household(number="002", members=[Person(name="单志生", phone="13812345678")]),
        ]
    )
    assert all(h.id for h in saved) and all(p.id for h in saved for p in h.members)
    assert register.search_households("szs") == [saved[1].id]
    with pytest.raises(DuplicateError, match="出现了两次"):
        register.save_households(
            [
                Household(number="003", members=[Person(name="甲")]),
                Household(number="003", members=[Person(name="乙")]),
            ]
        )
    with pytest.raises(DuplicateError) as info:
        register.save_households(
            [
                Household(
                    number="004", members=[Person(name="甲", id_number="110105195001010012")]
                ),
                Household(
                    number="005", members=[Person(name="乙", id_number="110105195001010012")]
                ),
            ]
        )
    assert info.value.code == "person.id_taken"
    with pytest.raises(DuplicateError) as info:
        register.save_households([Household(number="001", members=[Person(name="丙")])])
    assert info.value.code == "household.number_taken"
    with pytest.raises(HouseholdInvalid) as bad:
        register.save_households(
            [Household(number="006", members=[Person(name="丁")]), Household(number="007")]
        )
    assert bad.value.data["index"] == 1
    assert register.count_households() == 2
    # an existing household can be saved again in a batch (its own numbers are no clash)
    saved[0].members.append(Person(name="张小宝", relation="子女"))
    register.save_households([saved[0]])
    assert [p.name for p in register.household(saved[0].id or "").members] == ["张三丰", "张小宝"]


def test_demo_cases_load_through_the_outbox_and_show_in_the_figures(store: Store) -> None:
    from qunzhong_desktop.core.assistance_case import NeedState
    from qunzhong_desktop.demo.assistance import generate_assistance
    from qunzhong_desktop.demo.load import load_assistance
    from qunzhong_desktop.storage.assistance_cases import NeedFilter

    today = dt.date.today()  # the figures' year is this one
    data = generate(CODE, "白沙村", households=50, seed=1, today=today)
    load_demo(store.db, data)
    cases = generate_assistance(data, seed=1, today=today)
    given = load_assistance(store.db, cases, data)
    assert given == sum(len(c.help) for c in cases) > 0
    assert _outbox(store, "assistance_need") == len(cases)
    assert _outbox(store, "assistance_step") == sum(len(c.steps) for c in cases)
    assert _outbox(store, "assistance") == given
    loaded = store.needs.cases(NeedFilter())
    assert {c.state for c in loaded} == set(NeedState)  # every state, from its steps
    for case in loaded:
        assert bool(case.help) == (case.state in (NeedState.VERIFIED, NeedState.CLOSED))
        assert all(h.helper_ids and h.need_id == case.need.id for h in case.help)
    assert any(len(h.helper_ids) == 2 for c in loaded for h in c.help)  # 多对一
    figures = store.assistance_figures.figures(dt.date(today.year, 1, 1), today, today=today)
    assert figures.poor, "a 特困 person under the yearly minimum"
    assert all(p.received_fen < 200_000 for p in figures.poor)
    assert any(p.received_fen == 60_000 for p in figures.poor)  # the gift of 600 元
