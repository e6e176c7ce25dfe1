"""The assistance figures of a period, worked out by hand on small tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from fractions import Fraction

import pytest

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import NeedState, Step
from qunzhong_desktop.core.assistance_figures import (
    DEFINITIONS,
    Member,
    NeedRecord,
    PoorHousehold,
    compute,
    is_poor_tag,
    state_on,
)

NOV1, NOV30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def give(
    household: str,
    day: dt.date,
    kind: str = "其他",
    yuan: int | None = None,
    person: str | None = None,
) -> AssistanceRecord:
    return AssistanceRecord(
        household_id=household, given_on=day, helping_unit="镇民政办", helper="孙超峰",
        content="帮扶", kind=kind, amount_fen=None if yuan is None else yuan * 100,
        person_id=person,
    )  # fmt: skip


def need(
    nid: str, *steps: tuple[int, int, Step], limit: dt.date | None = None, household: str = "h1"
) -> NeedRecord:
    days = tuple((dt.date(2026, month, day), step) for month, day, step in steps)
    return NeedRecord(
        id=nid, household_id=household, reported_on=days[0][0], steps=days, time_limit=limit,
        what="修缮危房", household_number="0001", beneficiary="王大爷",
    )  # fmt: skip


R, VC, TC, BACK, CLOSE = (
    Step.REPORT,
    Step.VILLAGE_CHECK,
    Step.TOWNSHIP_CHECK,
    Step.SEND_BACK,
    Step.CLOSE,
)
WANG = PoorHousehold(
    id="h1", number="0001", head_name="王大爷", tags=("低保户",),
    members=(Member("p1", "王大爷", ("特困供养(五保)",)), Member("p2", "王小妹")),
    cadre_id="c1",
)  # fmt: skip
LI = PoorHousehold(
    id="h2", number="0002", head_name="李奶奶", tags=("特困供养(五保)",),
    members=(Member("p3", "李奶奶"), Member("p4", "李小宝")),
)  # fmt: skip
ZHAO = PoorHousehold(
    id="h3", number="0003", head_name="赵四", tags=(), members=(Member("p5", "赵四", ("残疾人",)),)
)


def figures(help_given=(), needs=(), households=(WANG, LI, ZHAO), **kw):  # type: ignore[no-untyped-def]
    return compute(NOV1, NOV30, help_given, needs, households, **kw)


def test_totals_by_kind_count_the_period_only_and_keep_fen() -> None:
    f = figures([
        give("h1", dt.date(2026, 11, 3), "资金", 800),
        give("h1", dt.date(2026, 11, 4), "资金", 1),
        give("h2", dt.date(2026, 11, 5), "物品", 350),
        give("h2", dt.date(2026, 11, 6), "致富信息"),
        give("h2", dt.date(2026, 11, 7), "创业项目"),
        give("h2", dt.date(2026, 11, 8), "就业岗位"),
        give("h2", dt.date(2026, 11, 9), "就业岗位"),
        give("h1", dt.date(2026, 10, 31), "资金", 5000),  # October: not in the month
        give("h1", dt.date(2026, 12, 1), "资金", 5000),  # after the period: ignored
    ])  # fmt: skip
    assert (f.money_fen, f.goods_fen) == (80100, 35000)
    assert (f.information, f.projects, f.jobs, f.records) == (1, 1, 2, 7)
    assert f.households_helped == 2
    assert f.kind("资金").amount_text == "801"
    assert f.kind("致富信息").amount_fen is None and f.kind("致富信息").amount_text == ""
    assert [k.kind for k in f.kinds][:3] == ["资金", "物品", "致富信息"]
    assert f.as_json()["help"]["money_yuan"] == "801"


def test_cents_are_not_lost() -> None:
    records = [replace(give("h1", dt.date(2026, 11, 3), "资金"), amount_fen=33) for _ in range(3)]
    f = figures(records)
    assert f.money_fen == 99 and f.kind("资金").amount_text == "0.99"


@pytest.mark.parametrize(
    ("steps", "counts", "open_"),
    [
        ([(11, 2, R)], (1, 0, 0), 1),
        ([(10, 2, R), (11, 3, VC), (11, 4, TC)], (0, 1, 0), 1),
        ([(10, 2, R), (10, 3, VC), (10, 4, TC), (11, 20, CLOSE)], (0, 0, 1), 0),
        ([(11, 2, R), (11, 3, BACK)], (1, 0, 0), 1),  # 已退回 is still open
        ([(10, 2, R), (10, 3, VC), (10, 4, TC), (10, 20, CLOSE)], (0, 0, 0), 0),
        ([(10, 2, R), (10, 3, VC), (10, 4, TC), (12, 2, CLOSE)], (0, 0, 0), 1),  # closed later
        ([(12, 2, R)], (0, 0, 0), 0),  # reported after the month
    ],
)
def test_needs_reported_checked_closed_and_open_at_the_end(
    steps: list[tuple[int, int, Step]], counts: tuple[int, int, int], open_: int
) -> None:
    f = figures(needs=[need("n", *steps)])
    assert (f.needs_reported, f.needs_checked, f.needs_closed) == counts
    assert f.needs_open == open_


def test_overdue_needs_are_open_past_their_time_limit_with_the_days_over() -> None:
    late = need("a", (10, 2, R), (10, 3, VC), (10, 4, TC), limit=dt.date(2026, 11, 20))
    on_limit = need("b", (11, 2, R), limit=NOV30)  # due on the last day: not past it
    closed = need("c", (10, 2, R), (10, 3, VC), (10, 4, TC), (11, 5, CLOSE), limit=NOV1)
    no_limit = need("d", (10, 2, R))
    f = figures(needs=[late, on_limit, closed, no_limit])
    assert [(o.days_over, o.state_name) for o in f.overdue] == [(10, "实施中")]
    # the month under way stands at today
    f = figures(needs=[late], today=dt.date(2026, 11, 25))
    assert f.as_of == dt.date(2026, 11, 25) and f.overdue[0].days_over == 5
    f = figures(needs=[late], today=dt.date(2026, 11, 20))
    assert f.overdue == ()


def test_state_on_replays_the_steps_up_to_a_day() -> None:
    n = need("a", (10, 2, R), (10, 3, VC), (10, 4, TC), (11, 5, CLOSE))
    assert state_on(n, dt.date(2026, 10, 1)) is None
    assert state_on(n, dt.date(2026, 10, 3)) is NeedState.VILLAGE_CHECKED
    assert state_on(n, dt.date(2026, 11, 5)) is NeedState.CLOSED
    crossed = need("b", (10, 2, R), (10, 3, TC), (10, 4, VC))  # 复核 before 初核: skipped
    assert state_on(crossed, dt.date(2026, 10, 4)) is NeedState.VILLAGE_CHECKED


def test_households_without_a_helper() -> None:
    # WANG is paired; LI and ZHAO are not: LI was helped in March, ZHAO never
    f = figures([give("h2", dt.date(2026, 3, 1), "政策办理")])
    assert [(u.household_number, u.head_name) for u in f.unhelped] == [("0003", "赵四")]
    assert f.difficult_households == 3
    # help of the year before does not count
    f = figures([give("h2", dt.date(2025, 12, 31), "政策办理")])
    assert [u.household_number for u in f.unhelped] == ["0002", "0003"]


def test_the_extremely_poor_under_the_threshold_in_the_year() -> None:
    help_given = [
        give("h1", dt.date(2026, 2, 1), "资金", 1500, person="p1"),  # 王大爷 himself
        give("h1", dt.date(2026, 11, 2), "资金", 1000),  # the household: 500 each
        give("h1", dt.date(2026, 11, 3), "政策办理"),  # no amount
        give("h2", dt.date(2026, 6, 1), "物品", 3000),  # 李 household: 1,500 each
        give("h2", dt.date(2026, 7, 1), "资金", 600, person="p4"),  # 李小宝: 2,100
        give("h2", dt.date(2025, 12, 1), "资金", 9000),  # last year: not counted
    ]
    f = figures(help_given)
    # 王大爷 2,000 (not under), 王小妹 not 特困; 李奶奶 1,500 (under), 李小宝 2,100
    assert f.poor_people == 3
    assert [(p.name, p.received_text) for p in f.poor] == [("李奶奶", "1,500")]
    f = figures(help_given, poor_threshold_yuan=2001)
    assert [(p.name, p.received_text) for p in f.poor] == [("王大爷", "2,000"), ("李奶奶", "1,500")]
    assert f.as_json()["poor_under_threshold"][0] == {
        "household": "0001", "name": "王大爷", "received_yuan": "2,000", "received_fen": 200000,
    }  # fmt: skip


def test_household_help_shared_among_three_keeps_thirds_exact() -> None:
    three = PoorHousehold(
        id="h9", number="0009", head_name="甲", tags=("特困人员",),
        members=(Member("x", "甲"), Member("y", "乙"), Member("z", "丙")),
    )  # fmt: skip
    f = figures([give("h9", dt.date(2026, 5, 1), "资金", 6000)], households=[three])
    assert f.poor == ()  # exactly 2,000 each
    f = figures([give("h9", dt.date(2026, 5, 1), "资金", 5999)], households=[three])
    assert f.poor[0].received == Fraction(599900, 3) and f.poor[0].received_text == "1,999.67"


def test_nobody_helped_at_all_received_zero() -> None:
    f = figures()
    assert [(p.name, p.received_text) for p in f.poor] == [
        ("王大爷", "0"),
        ("李奶奶", "0"),
        ("李小宝", "0"),
    ]


def test_poor_tags_and_definitions() -> None:
    assert is_poor_tag("特困供养(五保)") and is_poor_tag("特困人员") and not is_poor_tag("低保户")
    terms = [term for term, _ in DEFINITIONS]
    assert terms == ["帮扶需求", "超时限需求", "帮扶次数", "无人帮扶困难户", "特困人员年度帮扶"]
    assert "平均分摊" in dict(DEFINITIONS)["特困人员年度帮扶"]


def test_json_keys() -> None:
    keys = figures().as_json().keys()
    assert {
        "needs", "help", "overdue_needs", "unhelped_households", "poor_threshold_yuan",
        "poor_under_threshold", "difficult_households", "poor_people",
    } <= set(keys)  # fmt: skip
