"""The monthly report's figures, each against a small fixture computed by hand.

The month is November 2026 (1 November is a Sunday). The calendar counts weekends only, so
every promised date below can be checked with a wall calendar.
"""

from __future__ import annotations

import dataclasses
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


def test_cadres_against_the_rules(report: Any) -> None:
    verdicts = {c.name: (c.verdict, c.reasons) for c in report.cadres}
    assert verdicts["甲"] == ("达标", ())  # exactly 10, 2 and 3
    assert verdicts["乙"] == (
        "不达标",
        ("在村 9 天，少于 10 天", "坐班 1 天，少于 2 天", "结对困难户 6 户，多于 5 户"),
    )
    assert verdicts["丙"] == ("不达标", ("结对困难户 2 户，少于 3 户",))
    assert verdicts["丁"] == ("不考核", ())  # party members are listed, not assessed
    assert [c.name for c in report.shortfalls] == ["乙", "丙"]


def test_a_month_under_way_does_not_flag_days_still_to_come() -> None:
    """Issue 12 item 6: on the 2nd nobody has 10 days in the village yet."""
    from tests.helpers.monthly_data import CADRES

    mid = compute(NOV, ITEMS, CADRES, calendar=Weekdays(), today=dt.date(2026, 11, 2))
    cadres = {c.name: c for c in mid.cadres}
    second = cadres["乙"]  # 9 village days, 1 duty day, 6 paired households
    assert second.verdict == "不达标"  # too many households is true on any day
    assert second.reasons == ("结对困难户 6 户，多于 5 户",)
    assert second.pending == ("在村 9 天（月末须满 10 天）", "坐班 1 天（月末须满 2 天）")
    assert second.remarks.startswith("结对困难户 6 户，多于 5 户；在村 9 天（")
    assert cadres["甲"].verdict == "达标" and cadres["丁"].verdict == "不考核"
    assert [c.name for c in mid.shortfalls] == ["乙", "丙"]
    few = [dataclasses.replace(c, village_days=1, difficult_households=3) for c in CADRES[:2]]
    early = compute(NOV, [], few, calendar=Weekdays(), today=dt.date(2026, 11, 2))
    assert [c.verdict for c in early.cadres] == ["待月末", "待月末"] and not early.shortfalls
    after = compute(NOV, [], few, calendar=Weekdays(), today=dt.date(2026, 12, 1))
    assert [c.verdict for c in after.cadres] == ["不达标", "不达标"]
    assert after.cadres[0].reasons == ("在村 1 天，少于 10 天",)


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
                 "满意率", "上报", "单位得分", "在村天数", "坐班天数", "结对困难户"):  # fmt: skip
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
