"""The monthly report's figures, each against a small fixture computed by hand.

The month is November 2026 (1 November is a Sunday). The calendar counts weekends only, so
every promised date below can be checked with a wall calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.report import (
    DEFINITIONS,
    ItemRecord,
    Month,
    Rate,
    UnitScore,
    compute,
    replay,
)
from tests.helpers.monthly_data import (
    CADRES,
    ITEMS,
    NOV,
    S,
    Weekdays,
    at,
    cadre,
    item,
    reg,
    step,
)

# The fixture. Due dates: received date + promised working days (+ paused working days), or
# the township's deadline once assigned.


@pytest.fixture(scope="module")
def report() -> Any:
    return compute(NOV, ITEMS, CADRES, calendar=Weekdays(), station_name="白沙村群众工作站")


def test_received_in_the_month_by_channel_domain_and_grade(report: Any) -> None:
    # A B D E G H J L M P (C, I in October, F in September, K on 12-01 00:00) = 10
    assert report.received == 10
    channels = dict(report.by_channel)
    # 来访 A E H M, 来电 B P, 来信 G, 网络 J, 走访 L, 上级交办 D
    assert channels == {
        "来访": 4, "来电": 2, "来信": 1, "网络": 1, "走访": 1, "民情恳谈会": 0, "上级交办": 1,
    }  # fmt: skip
    assert [name for name, _ in report.by_channel][:2] == ["来访", "来电"]  # CHANNELS order
    # A: B D, C: H M, the rest B
    assert report.by_grade == (("A", 2), ("B", 6), ("C", 2))
    domains = {k: v for k, v in report.by_domain if v}
    # 社会保障 A G P, 基础设施 B L, 矛盾纠纷 D E, 政策咨询 H M, 其他 J
    assert domains == {"社会保障": 3, "基础设施": 2, "矛盾纠纷": 2, "政策咨询": 2, "其他": 1}
    assert sum(v for _, v in report.by_domain) == 10


def test_resolved_in_progress_overdue_and_escalations(report: Any) -> None:
    # resolved in November: A (11-05), B (11-20 and 11-26: once), C (11-09), H, P = 5;
    # F's resolution is in December
    assert report.resolved == 5
    # open at month end: D E F (assigned), G (待补件), J (registered), L (in progress) = 6;
    # B was resolved again on 11-26, M rejected
    assert report.in_progress == 6
    # clock running and due before 11-30: D (11-20), F (09-15), L (11-06) = 3;
    # E due 12-10, J due 12-03, G paused
    assert report.overdue == 3
    # ESCALATED events in November: D, E (C's and F's are older) = 2
    assert report.escalations == 2


def test_first_time_rate_excludes_escalated_and_reopened(report: Any) -> None:
    # resolved 5: A yes, B no (reopened 11-24), C no (escalated), H yes, P yes → 3/5
    assert report.first_time == Rate(3, 5)
    assert report.first_time.text == "60.0%（3/5）"


def test_on_time_rate_uses_the_due_date_in_force_at_resolution(report: Any) -> None:
    # A 11-05 ≤ 11-09 yes; B 11-26 > 11-06 no; C 11-09 ≤ deadline 11-10 yes;
    # H 11-25 ≤ 11-25 yes; P 11-11 ≤ 11-12 (paused 5 working days) yes → 4/5
    assert report.on_time == Rate(4, 5)
    assert report.on_time.text == "80.0%（4/5）"


def test_satisfaction_rate_counts_follow_ups_of_the_month(report: Any) -> None:
    # follow-ups dated in November: A 满意, B 不满意, H 基本满意, I 满意 = 4 (not the 5
    # resolved); satisfied: A H I = 3 → 3/4
    assert report.satisfaction == Rate(3, 4)
    assert report.satisfaction.text == "75.0%（3/4）"


def test_unit_scores(report: Any) -> None:
    # 镇民政办: C resolved in the month +1, D assigned and open at month end −0.3 → +0.7
    # 镇派出所: E and F open at month end (F assigned in September) −0.3 × 2 → −0.6
    assert report.units == (UnitScore("镇民政办", 1, 1), UnitScore("镇派出所", 0, 2))
    assert [u.tenths for u in report.units] == [7, -6]
    assert [u.score for u in report.units] == [0.7, -0.6]
    assert [u.score_text for u in report.units] == ["+0.7", "−0.6"]


def test_cadres_against_the_rules_of_their_category(report: Any) -> None:
    """Issue 15: each category by its own rule; duty days are days in the village."""
    verdicts = {c.name: (c.verdict, c.reasons) for c in report.cadres}
    assert verdicts["甲"] == ("达标", ())  # 8 visits + 2 duty = 10 days; no pairing rule
    assert verdicts["乙"] == ("不达标", ("在村 9 天，少于 10 天", "坐班 1 天，少于 2 天"))
    assert verdicts["丙"] == ("达标", ())  # 村两委其他干部: 5 days, 3 households
    assert verdicts["丁"] == ("不考核", ())  # 党员 are never flagged on days
    assert verdicts["戊"] == ("不达标", ("本月第一周集中工作日没有在村记录",))
    assert verdicts["己"] == ("不达标", ("结对困难户 6 户，多于 5 户",))
    assert [c.name for c in report.shortfalls] == ["乙", "戊", "己"]
    by_name = {c.name: c for c in report.cadres}
    assert (by_name["乙"].village_days, by_name["乙"].duty_days) == (9, 1)
    assert by_name["甲"].rule == "每月在村 ≥ 10 天；坐班 ≥ 2 天（记民情日记）"


def test_nine_visits_and_a_duty_day_are_ten_days_in_the_village() -> None:
    """The issue's second example read by its own definition: only the duty rule fails."""
    nine = cadre("庚", "乡驻村干部", visits=9, duty=1, phone=3)
    (figures,) = compute(NOV, [], [nine], calendar=Weekdays()).cadres
    assert (figures.village_days, figures.duty_days) == (10, 1)
    assert figures.reasons == ("坐班 1 天，少于 2 天",)


@pytest.mark.parametrize(
    ("category", "fields", "verdict"),
    [
        ("乡驻村干部", dict(visits=8, duty=2), "达标"),
        ("乡驻村干部", dict(visits=7, duty=3), "达标"),
        ("乡驻村干部", dict(visits=7, duty=2, phone=5), "不达标"),  # 9 days: calls don't count
        ("乡驻村干部", dict(visits=9, duty=1), "不达标"),  # 10 days, but 1 duty day
        ("乡主要领导", dict(visits=5), "达标"),
        ("乡主要领导", dict(visits=4), "不达标"),
        ("乡副科级以上领导", dict(visits=2), "达标"),
        ("乡副科级以上领导", dict(visits=1), "不达标"),
        ("村两委主要负责人", dict(visits=10, difficult=3), "达标"),
        ("村两委主要负责人", dict(visits=9, difficult=5), "不达标"),
        ("村两委主要负责人", dict(visits=10, difficult=2), "不达标"),
        ("村两委其他干部", dict(visits=5, difficult=5), "达标"),
        ("村两委其他干部", dict(visits=4, difficult=3), "不达标"),
        ("村两委其他干部", dict(visits=5, difficult=6), "不达标"),
        ("工作队员", dict(visits=1), "达标"),  # on the 2nd: the first week
        ("工作队员", dict(visits=1, first_week=False), "不达标"),
        ("党员", dict(), "不考核"),
        ("联户党员", dict(difficult=9), "不考核"),
        ("县、镇机关干部", dict(visits=3), "按年计"),
    ],
)
def test_every_rule_at_its_boundary(category: str, fields: dict[str, Any], verdict: str) -> None:
    record = cadre("某", category, **fields)
    (figures,) = compute(NOV, [], [record], calendar=Weekdays()).cadres
    assert figures.verdict == verdict, figures.remarks


def test_an_organ_cadre_is_judged_on_the_year() -> None:
    record = cadre("辛", "县、镇机关干部", visits=3)
    (figures,) = compute(NOV, [], [record], calendar=Weekdays()).cadres
    # 2026 has 261 weekdays: a third, rounded up, is 87
    assert (figures.year_days, figures.year_required) == (3, 87)
    assert figures.pending == ("本年在村 3 天（全年须满 87 天）",) and figures.meets


def test_a_month_under_way_does_not_flag_days_still_to_come() -> None:
    """Issue 12 item 6: on the 2nd nobody has 10 days in the village yet."""
    mid = compute(NOV, ITEMS, CADRES, calendar=Weekdays(), today=dt.date(2026, 11, 2))
    cadres = {c.name: c for c in mid.cadres}
    second = cadres["乙"]  # 9 village days, 1 duty day
    assert second.verdict == "待月末"
    assert second.pending == ("在村 9 天（月末须满 10 天）", "坐班 1 天（月末须满 2 天）")
    assert cadres["己"].verdict == "不达标"  # too many households is true on any day
    assert cadres["戊"].verdict == "待月末"  # the first week is not over on the 2nd
    assert cadres["丁"].verdict == "不考核"
    assert [c.name for c in mid.shortfalls] == ["己"]
    after = compute(NOV, [], CADRES, calendar=Weekdays(), today=dt.date(2026, 12, 1))
    assert [c.name for c in after.shortfalls] == ["乙", "戊", "己"]


def test_rates_without_denominator_are_a_dash() -> None:
    empty = compute(NOV, [], [], calendar=Weekdays())
    assert empty.received == empty.resolved == empty.in_progress == 0
    for rate in (empty.first_time, empty.on_time, empty.satisfaction):
        assert rate.value is None
        assert rate.text == "—（0/0）"
    assert empty.units == ()


def test_replay_stops_at_the_end_of_the_month() -> None:
    f = next(i for i in ITEMS if i.number == "F")
    assert replay(f.events, NOV) == (S.ASSIGNED, None, "镇派出所", "")
    assert replay(f.events, Month(2026, 12)) == (S.RESOLVED, 3, "镇派出所", "镇派出所")
    last_moment = item("Z", [reg(at(11, 30, 23, 59)), step(dt.datetime(2026, 12, 1), S.RESOLVED)])
    assert replay(last_moment.events, NOV)[0] is S.REGISTERED


def test_definitions_are_written_once_for_every_figure(report: Any) -> None:
    terms = [term for term, _ in DEFINITIONS]
    for term in ("本月受理", "本月办结", "月末在办", "月末超期", "一次办结率", "按期办结率",
                 "满意率", "上报", "单位得分", "在村天数", "坐班天数", "结对困难户",
                 "考核规则"):  # fmt: skip
        assert term in terms
    assert report.definitions is DEFINITIONS
    assert "分母为本月回访次数" in dict(DEFINITIONS)["满意率"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11", (2026, 11)),
        ("2026-1", (2026, 1)),
        ("202612", (2026, 12)),
        ("2026年3月", (2026, 3)),
    ],
)
def test_month_parse(text: str, expected: tuple[int, int]) -> None:
    month = Month.parse(text)
    assert (month.year, month.month) == expected


@pytest.mark.parametrize("text", ["2026-13", "11-2026", "", "2026-00"])
def test_month_parse_refuses(text: str) -> None:
    with pytest.raises(ValidationError):
        Month.parse(text)


def test_month_bounds() -> None:
    dec = Month(2026, 12)
    assert (dec.first, dec.last, dec.next_first) == (
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
    )
    assert str(dec) == "2026-12" and dec.title == "2026年12月"
    assert Month(2027, 1).previous() == dec
    assert NOV.contains(dt.datetime(2026, 11, 30, 23, 59)) and not NOV.contains(dec.start)


def test_a_month_under_way_counts_overdue_as_of_today() -> None:
    import datetime as dt

    from qunzhong_desktop.core.monthly.report import Month, compute
    from qunzhong_desktop.core.workcalendar import WorkCalendar

    at = dt.datetime(2026, 11, 16, 9)  # Monday; 5 working days → due Monday 23rd
    item = ItemRecord(
        "N-1", at, "来访", "社会保障", "B", "承诺件", 5, (Event(at, "x", None, State.REGISTERED),)
    )
    month = Month.parse("2026-11")
    cal = WorkCalendar()
    # by hand: due 23 Nov. On 21 Nov it is not overdue; at the end of November it is.
    mid = compute(month, [item], [], calendar=cal, today=dt.date(2026, 11, 21))
    assert (mid.in_progress, mid.overdue, mid.as_of) == (1, 0, dt.date(2026, 11, 21))
    assert mid.period_title == "2026年11月（截至 11月21日）"
    done = compute(month, [item], [], calendar=cal, today=dt.date(2026, 12, 3))
    assert (done.overdue, done.as_of, done.period_title) == (1, None, "2026年11月")


def test_first_time_means_the_resident_did_not_have_to_come_back() -> None:
    """Issue 15: 一次办结率, "settled without the resident having to come back"."""
    from qunzhong_desktop.core.monthly.report import first_time

    def history(*targets: State) -> tuple[Any, ...]:
        steps = [reg(at(11, 2))] + [step(at(11, 3 + n), t) for n, t in enumerate(targets)]
        return item("X", steps).events

    resolved = history(S.IN_PROGRESS, S.RESOLVED)
    escalated_once = history(S.ESCALATED, S.AWAITING_ASSIGNMENT, S.ASSIGNED, S.RESOLVED)
    assigned_twice = history(
        S.ESCALATED, S.AWAITING_ASSIGNMENT, S.ASSIGNED, S.AWAITING_ASSIGNMENT, S.ASSIGNED,
        S.RESOLVED,
    )  # fmt: skip
    documents = history(S.AWAITING_DOCUMENTS, S.IN_PROGRESS, S.RESOLVED)
    reopened = history(S.RESOLVED, S.FOLLOWED_UP, S.IN_PROGRESS, S.RESOLVED)
    assert first_time(resolved) and first_time(escalated_once)
    assert not first_time(assigned_twice)
    assert not first_time(documents) and not first_time(reopened)
    assert not first_time(resolved, "补办件")  # it waited for documents by its type
    assert "乡镇一次交办办结的也计入" in dict(DEFINITIONS)["一次办结率"]
