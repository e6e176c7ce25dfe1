from __future__ import annotations

import datetime as dt

import pytest

from qunzhong_desktop.core.diary import (
    CHECK_GROUPS,
    KINDS,
    POINT_CODES,
    POINTS,
    CheckMark,
    DiaryEntry,
    DiaryInvalid,
    DiaryVisit,
    check_entry,
    checklist_json,
    checklist_of,
    duplicate,
    is_duty,
    parse_month,
    problems,
)
from qunzhong_desktop.core.errors import ValidationError

TODAY = dt.date(2026, 11, 20)


def entry(**values: object) -> DiaryEntry:
    fields: dict[str, object] = dict(
        cadre_id="c1",
        day=TODAY,
        kind="入户走访",
        text="走访了三户，王大爷家屋顶漏雨。",
        visits=[DiaryVisit("h1")],
    )
    fields.update(values)
    return DiaryEntry(**fields)  # type: ignore[arg-type]


def test_vocabulary() -> None:
    assert KINDS == ("入户走访", "集中工作日", "坐班接待", "民情恳谈会", "电话回访")
    assert [g for g, _ in CHECK_GROUPS] == ["三必看", "三必问", "三必留"]
    assert len(POINT_CODES) == 9 and len(set(POINTS.values())) == 9
    # the practice's wording (issue 15): 三必看、三必问、三必留
    assert [POINTS[c] for c in POINT_CODES] == [
        "看厨房（吃得怎么样）", "看卧室（住得怎么样）", "看厕所（卫生怎么样）",
        "问生活冷暖", "问就业发展", "问建议意见",
        "留下关怀的话语", "留下解决问题的承诺", "留下联系方式",
    ]  # fmt: skip
    assert is_duty("坐班接待") and not is_duty("电话回访") and not is_duty("入户走访")


def test_a_good_entry_passes() -> None:
    check_entry(entry(), today=TODAY)
    check_entry(entry(kind="坐班接待", visits=[]), today=TODAY)
    check_entry(entry(kind="集中工作日", visits=[]), today=TODAY)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"day": TODAY + dt.timedelta(days=1)}, "day"),
        ({"kind": "开会"}, "kind"),
        ({"text": "  "}, "text"),
        ({"kind": "电话回访"}, "visits"),  # visits only for 入户走访 / 集中工作日
        ({"visits": []}, "visits"),  # 入户走访 needs a household
        ({"visits": [DiaryVisit("h1"), DiaryVisit("h1")]}, "visits"),
        ({"visits": [DiaryVisit("h1", {"look_garden": CheckMark(True)})]}, "visits"),
        ({"cadre_id": ""}, "cadre"),
    ],
)
def test_rules(values: dict[str, object], field: str) -> None:
    with pytest.raises(DiaryInvalid) as caught:
        check_entry(entry(**values), today=TODAY)
    assert caught.value.data["field"] == field
    assert isinstance(caught.value, ValidationError)


def test_problems_lists_them_all() -> None:
    found = problems(entry(day=TODAY + dt.timedelta(days=3), text=""), today=TODAY)
    assert [p.data["field"] for p in found] == ["day", "text"]


def test_checklist_round_trip_keeps_order_and_drops_empty_points() -> None:
    marks = {
        "leave_contact": CheckMark(True, "留了电话"),
        "look_kitchen": CheckMark(True, " 米缸满 "),
        "ask_income": CheckMark(False, ""),
        "ask_advice": CheckMark(False, "下次再问"),
    }
    stored = checklist_json(marks)
    assert list(stored) == ["look_kitchen", "ask_advice", "leave_contact"]
    assert stored["look_kitchen"] == {"done": True, "note": "米缸满"}
    back = checklist_of(stored)
    assert back["leave_contact"] == CheckMark(True, "留了电话")
    assert checklist_of({"look_toilet": True, "bogus": 1}) == {"look_toilet": CheckMark(True)}
    assert checklist_of(None) == {}
    visit = DiaryVisit("h", back)
    assert visit.done_count() == 2 and visit.mark("ask_living") == CheckMark()


def test_parse_month() -> None:
    assert parse_month("2026-11") == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert parse_month("2026年2月") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert parse_month("2026-12")[1] == dt.date(2026, 12, 31)
    for bad in ("2026-13", "11月", ""):
        with pytest.raises(ValidationError):
            parse_month(bad)


def test_duplicate_names_the_existing_entry() -> None:
    error = duplicate("刘书记", TODAY, "坐班接待", "e1")
    assert "刘书记" in error.message and "2026-11-20" in error.message
    assert "坐班接待" in error.message and error.data["existing_id"] == "e1"
