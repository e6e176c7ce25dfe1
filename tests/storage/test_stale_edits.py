"""No lost update: a form saved over a row changed meanwhile (another window, the CLI, a bundle).

The other writer is a second ``Database`` on the same file, as the command line is beside
the window.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.core.stale import MINE, THEIRS, StaleEdit
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.register_repo import SqlRegister
from qunzhong_desktop.storage.store import Store

ID = "11010519491231002X"


@pytest.fixture
def other(store: Store) -> Iterator[SqlRegister]:
    """The same register through a second connection pool (the CLI's)."""
    db = Database(database_path(store.home), user="命令行", url=store.db.url)
    yield SqlRegister(db)
    db.close()


def _opened(store: Store) -> Household:
    saved = store.register.save_household(
        Household(number="001", phone="0731-84561111",
                  members=[Person(name="张三", id_number=ID, phone="13812345678")])
    )  # fmt: skip
    return store.register.household(saved.id or "")


def test_a_change_made_meanwhile_survives_a_form_that_did_not_touch_it(
    store: Store, other: SqlRegister
) -> None:
    opened = _opened(store)
    meanwhile = other.household(opened.id or "")
    meanwhile.members[0].phone = "13900000000"
    other.save_household(meanwhile)
    form = dataclasses.replace(opened, members=[dataclasses.replace(opened.members[0])])
    form.address = "白沙村一组 3 号"
    store.register.save_household(form, base=opened)
    now = store.register.household(opened.id or "")
    assert now.address == "白沙村一组 3 号"
    assert now.members[0].phone == "13900000000"  # not put back to the form's old value


def test_both_changed_the_same_field_the_clerk_sees_both_and_chooses(
    store: Store, other: SqlRegister
) -> None:
    opened = _opened(store)
    meanwhile = other.household(opened.id or "")
    meanwhile.members[0].phone = "13900000000"
    other.save_household(meanwhile)

    def form() -> Household:
        mine = store.register.household(opened.id or "")  # a fresh copy of what was typed
        mine.members = [dataclasses.replace(opened.members[0], phone="13700000000")]
        return mine

    with pytest.raises(StaleEdit) as caught:
        store.register.save_household(form(), base=opened)
    (clash,) = caught.value.clashes
    assert clash.label == "张三的电话"
    assert (clash.mine, clash.theirs) == ("137****0000", "139****0000")  # masked
    assert "已被修改" in caught.value.message
    assert store.register.household(opened.id or "").members[0].phone == "13900000000"
    store.register.save_household(form(), base=opened, keep={clash.key: THEIRS})
    assert store.register.household(opened.id or "").members[0].phone == "13900000000"
    store.register.save_household(form(), base=opened, keep={clash.key: MINE})
    assert store.register.household(opened.id or "").members[0].phone == "13700000000"


def test_a_household_deleted_meanwhile_is_not_brought_back(
    store: Store, other: SqlRegister
) -> None:
    opened = _opened(store)
    other.delete_household(opened.id or "")
    with pytest.raises(NotFoundError) as caught:
        store.register.save_household(dataclasses.replace(opened, note="x"), base=opened)
    assert "已被删除" in caught.value.message
    assert store.register.search_households() == []


def test_grid_cadre_and_station_forms_merge_too(store: Store, other: SqlRegister) -> None:
    grid = store.register.save_grid(Grid(name="一组", leader_name="王网长"))
    opened = dataclasses.replace(grid)
    other.save_grid(dataclasses.replace(grid, leader_phone="13800000001"))
    store.register.save_grid(dataclasses.replace(grid, leader_name="李网长"), base=opened)
    (stored,) = store.register.grids()
    assert (stored.leader_name, stored.leader_phone) == ("李网长", "13800000001")

    cadre = store.register.save_cadre(Cadre(name="刘芳娜", unit="镇党委"))
    opened_cadre = dataclasses.replace(cadre)
    other.save_cadre(dataclasses.replace(cadre, unit="驻村工作队"))
    with pytest.raises(StaleEdit) as caught:
        store.register.save_cadre(dataclasses.replace(cadre, unit="镇政府"), base=opened_cadre)
    assert [(c.label, c.mine, c.theirs) for c in caught.value.clashes] == [
        ("单位", "镇政府", "驻村工作队")
    ]

    profile = store.register.station()
    assert profile is not None
    other.save_station(dataclasses.replace(profile, phone="0731-99999999"))
    saved = store.register.save_station(
        dataclasses.replace(profile, opening_hours="每天 8:00–18:00"), base=profile
    )
    assert (saved.phone, saved.opening_hours) == ("0731-99999999", "每天 8:00–18:00")
