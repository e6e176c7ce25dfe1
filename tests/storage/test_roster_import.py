import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.roster.parse import load_roster
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import roster_import
from qunzhong_desktop.storage.roster_import import apply_roster, import_roster, preview_roster
from qunzhong_desktop.storage.store import Store
from tests.helpers.roster_builder import (
    LI,
    ROWS,
    WANG_FANG,
    ZHANG,
    build_messy_roster,
    build_simple_roster,
    make_id,
)


def _count(store: Store, model: type[m.Base]) -> int:
    with store.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _person(store: Store, name: str) -> m.Person:
    with store.db.session() as s:
        person = s.scalars(select(m.Person).where(m.Person.name == name)).one()
        person.household.grid  # noqa: B018  (load before the session closes)
        return person


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    return build_messy_roster(tmp_path / "花名册.xlsx")


def test_preview_writes_nothing(store: Store, messy: Path) -> None:
    before = _count(store, m.SyncChange)
    plan = preview_roster(store.db, messy)
    assert plan.summary()["persons"] == {"created": 6, "updated": 0}
    assert _count(store, m.Person) == 0 and _count(store, m.SyncChange) == before


def test_import_messy_roster(store: Store, messy: Path) -> None:
    plan = import_roster(store.db, messy)
    summary = plan.summary()
    assert summary["households"] == {"created": 3, "updated": 0}
    assert summary["persons"] == {"created": 6, "updated": 0}
    assert [i["row"] for i in summary["rejected"]] == [ROWS["王大山"], ROWS["钱七"]]
    assert [i["row"] for i in summary["flagged"]] == [
        ROWS["张小明"],
        ROWS["王芳"],
        ROWS["赵六"],
        ROWS["孙八"],
    ]
    zhang = _person(store, "张建国")
    assert zhang.id_number == ZHANG and zhang.household.number == "001"
    assert zhang.household.grid is not None and zhang.household.grid.name == "第一网格"
    assert zhang.household.tags == ["低保户"] and zhang.household.phone == "13812345678"
    assert "zjg" in zhang.search_text and ZHANG.lower() in zhang.search_text
    fang = _person(store, "王芳")
    assert fang.id_number == WANG_FANG and fang.birth_date == dt.date(1962, 5, 15)
    assert fang.phone == "12345" and len(fang.flags) == 2
    ming = _person(store, "张小明")
    assert ming.id_number is None and ming.flags and ming.position == 2
    assert _person(store, "李秀兰").id_number == LI
    assert [g.name for g in store.register.grids()] == ["第一网格", "第二网格"]
    # the register sees them, and the change capture recorded every write
    assert len(store.register.search_households("zjg")) == 1
    with store.db.session() as s:
        tables = list(s.scalars(select(m.SyncChange.table_name).where(m.SyncChange.op == "insert")))
    assert tables.count("person") == 6 and tables.count("household") == 3
    assert tables.count("grid") == 2


def test_reimport_creates_no_duplicates(store: Store, messy: Path) -> None:
    import_roster(store.db, messy)
    changes = _count(store, m.SyncChange)
    again = import_roster(store.db, messy).summary()
    assert again["households"] == {"created": 0, "updated": 0}
    assert again["persons"] == {"created": 0, "updated": 0}
    assert _count(store, m.Person) == 6 and _count(store, m.Household) == 3
    assert _count(store, m.Grid) == 2
    assert _count(store, m.SyncChange) == changes  # nothing rewritten


def test_reimport_updates_by_id_then_household_and_name(store: Store, tmp_path: Path) -> None:
    a = make_id("19800101")
    first = build_simple_roster(
        tmp_path / "1.xlsx",
        [
            ["1", "甲", "户主", a, "13800000000", "一组", "网格一"],
            ["1", "乙", "配偶", "", "", "", ""],
        ],
    )
    import_roster(store.db, first)
    b = make_id("19810101", "024")
    second = build_simple_roster(
        tmp_path / "2.xlsx",
        [
            ["1", "甲", "户主", a, "13900000000", "", ""],  # phone changed, address kept
            ["1", "乙", "配偶", b, "", "", ""],  # now has an ID
            ["1", "丙", "子女", "", "", "", ""],  # new member
        ],
    )
    summary = import_roster(store.db, second).summary()
    assert summary["persons"] == {"created": 1, "updated": 2}
    assert summary["households"] == {"created": 0, "updated": 0}
    jia, yi = _person(store, "甲"), _person(store, "乙")
    assert jia.phone == "13900000000" and jia.household.address == "一组"
    assert yi.id_number == b and yi.flags == []
    assert _person(store, "丙").position == 2
    assert _count(store, m.Person) == 3


def test_grid_matched_by_name(store: Store, tmp_path: Path) -> None:
    from qunzhong_desktop.core.entities import Grid

    store.register.save_grid(Grid(name="网格一", leader_name="李网长"))
    path = build_simple_roster(
        tmp_path / "r.xlsx", [["1", "甲", "户主", make_id("19800101"), "", "", " 网格一 "]]
    )
    import_roster(store.db, path)
    assert [g.leader_name for g in store.register.grids()] == ["李网长"]


def test_failure_mid_write_leaves_the_register_unchanged(
    store: Store, messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (_count(store, m.Person), _count(store, m.SyncChange))
    original = roster_import.member_search_text
    calls = 0

    def failing(*args: object) -> str:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("disk full")
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(roster_import, "member_search_text", failing)
    with pytest.raises(RuntimeError):
        apply_roster(store.db, load_roster(messy))
    assert (_count(store, m.Person), _count(store, m.SyncChange)) == before
    assert _count(store, m.Household) == 0


def test_dry_run_plans_without_writing(store: Store, messy: Path) -> None:
    plan = import_roster(store.db, messy, dry_run=True)
    assert plan.summary()["households"]["created"] == 3
    assert _count(store, m.Household) == 0


def test_tombstoned_household_is_revived_not_duplicated(store: Store, tmp_path: Path) -> None:
    a = make_id("19800101")
    path = build_simple_roster(tmp_path / "r.xlsx", [["1", "甲", "户主", a, "", "", ""]])
    import_roster(store.db, path)
    hid = store.register.search_households("")[0]
    store.register.delete_household(hid)
    summary = import_roster(store.db, path).summary()
    assert summary["households"] == {"created": 0, "updated": 1}
    assert summary["persons"] == {"created": 0, "updated": 1}
    assert store.register.search_households("") == [hid]
    assert _count(store, m.Person) == 1
