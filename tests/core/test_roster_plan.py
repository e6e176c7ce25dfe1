import datetime as dt

from qunzhong_desktop.core.roster.parse import parse_roster
from qunzhong_desktop.core.roster.plan import (
    Action,
    KnownHousehold,
    KnownPerson,
    RegisterSnapshot,
    plan_import,
)
from qunzhong_desktop.core.roster.reader import SheetData
from tests.helpers.roster_builder import make_id

HEADER = ["户号", "姓名", "与户主关系", "身份证号", "联系电话", "家庭住址", "网格", "帮扶类型"]
A, B, C = make_id("19800101"), make_id("19810202"), make_id("19900303")


def _roster(*rows: list[object]):  # type: ignore[no-untyped-def]
    return parse_roster([SheetData("花名册", [HEADER, *map(list, rows)])], "t.xlsx")


def _person(pid: str, number: str, name: str, id_number: str = "", **kw: object) -> KnownPerson:
    values: dict[str, object] = dict(
        relation="户主", gender="", birth_date=None, phone="", tags=(), flags=(), note=""
    )
    values.update(kw)
    return KnownPerson(pid, number, name, id_number=id_number, **values)  # type: ignore[arg-type]


def _snapshot(*people: KnownPerson, households: dict[str, KnownHousehold] | None = None):  # type: ignore[no-untyped-def]
    snap = RegisterSnapshot(households=households or {})
    for p in people:
        if p.id_number:
            snap.by_id_number[p.id_number] = p
        snap.by_household_name[(p.household_number, p.name)] = p
        snap.households.setdefault(
            p.household_number,
            KnownHousehold(f"h{p.household_number}", p.household_number, "", "", "", ()),
        )
    return snap


def test_empty_register_creates_everything() -> None:
    plan = plan_import(
        _roster(["1", "甲", "户主", A, "", "一组", "网格一", "低保"], ["1", "乙", "配偶", B]),
        RegisterSnapshot(),
    )
    assert [h.action for h in plan.households] == [Action.CREATE]
    assert plan.households[0].values == {
        "address": "一组",
        "grid_name": "网格一",
        "phone": "",
        "tags": ["低保户"],
    }
    assert [p.action for p in plan.persons] == [Action.CREATE, Action.CREATE]
    assert plan.persons[0].values["birth_date"] == dt.date(1980, 1, 1)
    assert plan.summary() == {
        "households": {"created": 1, "updated": 0},
        "persons": {"created": 2, "updated": 0},
        "flagged": [],
        "rejected": [],
    }


def test_match_by_id_then_by_household_and_name() -> None:
    snap = _snapshot(
        _person("p1", "1", "甲", A, phone="13800000000"),
        _person("p2", "1", "乙", relation="配偶"),
    )
    plan = plan_import(
        _roster(["1", "甲改", "户主", A, ""], ["1", "乙", "配偶", B, "13900000000"]), snap
    )
    first, second = plan.persons
    assert first.person_id == "p1" and first.action == Action.UPDATE
    assert first.values["name"] == "甲改" and "phone" not in first.values  # empty keeps
    assert second.person_id == "p2" and second.values["id_number"] == B
    assert second.values["phone"] == "13900000000"
    assert plan.count("persons", Action.CREATE) == 0


def test_same_values_are_unchanged() -> None:
    snap = _snapshot(
        _person("p1", "1", "甲", A, gender="男", birth_date=dt.date(1980, 1, 1)),
    )
    plan = plan_import(_roster(["1", "甲", "户主", A]), snap)
    assert plan.persons[0].action == Action.UNCHANGED
    assert plan.households[0].action == Action.UNCHANGED
    assert plan.summary()["persons"] == {"created": 0, "updated": 0}


def test_same_name_other_id_in_household_is_rejected_not_merged() -> None:
    snap = _snapshot(_person("p1", "1", "甲", A))
    plan = plan_import(_roster(["1", "甲", "户主", C]), snap)
    assert plan.persons == [] and plan.rejected[0].row == 2
    assert "身份证号" in plan.rejected[0].reason and "4301" in plan.rejected[0].reason


def test_person_found_by_id_moves_and_tombstoned_is_revived() -> None:
    gone = _person("p1", "1", "甲", A, deleted=True)
    snap = _snapshot(gone)
    snap.households["1"] = KnownHousehold("h1", "1", "", "", "", (), deleted=True)
    plan = plan_import(_roster(["2", "甲", "户主", A]), snap)
    change = plan.persons[0]
    assert change.action == Action.UPDATE and change.values["household_number"] == "2"
    assert change.values["deleted_at"] is None
    assert [h.action for h in plan.households] == [Action.CREATE]


def test_no_household_number_column_updates_known_people_only() -> None:
    snap = _snapshot(_person("p1", "7", "甲", A))
    roster = parse_roster(
        [
            SheetData(
                "s", [["姓名", "身份证号", "联系电话"], ["甲", A, "13900000000"], ["乙", B, ""]]
            )
        ]
    )
    plan = plan_import(roster, snap)
    assert plan.persons[0].household_number == "7"
    assert plan.rejected[0].row == 3 and "缺少户号" in plan.rejected[0].reason


def test_second_head_in_known_household_is_flagged() -> None:
    snap = _snapshot(_person("p1", "1", "甲", A))
    snap.households["1"] = KnownHousehold("h1", "1", "", "", "", (), head_person_id="p1")
    plan = plan_import(_roster(["1", "乙", "户主", B]), snap)
    assert plan.persons[0].action == Action.CREATE
    assert plan.flagged[0].row == 2 and "户主" in plan.flagged[0].reason
    assert "户主" in plan.persons[0].values["flags"][0]


def test_planning_twice_gives_the_same_plan() -> None:
    roster = _roster(["1", "甲", "", ""], ["1", "甲", "子女", ""])
    first = plan_import(roster, RegisterSnapshot())
    second = plan_import(roster, RegisterSnapshot())
    assert first.summary() == second.summary()
    assert len(second.rejected) == 1 and second.rejected[0].reason.count("重复") == 1
