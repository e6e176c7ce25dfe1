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
    CadreRecord,
    ItemRecord,
    Month,
    Rate,
    UnitScore,
    compute,
    replay,
)

S = State
NOV = Month(2026, 11)


class Weekdays:
    """Monday to Friday are working days."""

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        day = start
        while days > 0:
            day += dt.timedelta(days=1)
            days -= day.weekday() < 5
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += day.weekday() < 5
        return count


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute)


def item(
    number: str,
    steps: list[tuple[dt.datetime, State, dict[str, Any]]],
    *,
    channel: str = "来访",
    domain: str = "社会保障",
    grade: str = "B",
    item_type: str = "承诺件",
    promised: int = 5,
) -> ItemRecord:
    """An item received at its first step (受理登记), then the moves of ``steps``."""
    events: list[Event] = []
    for when, target, data in steps:
        previous = events[-1].to_state if events else None
        events.append(Event(when, "测试", previous, target, "", data))
    return ItemRecord(
        number=number,
        received_at=steps[0][0],
        channel=channel,
        domain=domain,
        grade=grade,
        item_type=item_type,
        promised_days=promised,
        events=tuple(events),
    )


def reg(when: dt.datetime) -> tuple[dt.datetime, State, dict[str, Any]]:
    return (when, S.REGISTERED, {})


def step(
    when: dt.datetime, target: State, **data: Any
) -> tuple[dt.datetime, State, dict[str, Any]]:
    return (when, target, data)


def assigned(
    when: dt.datetime, unit: str, deadline: str
) -> tuple[dt.datetime, State, dict[str, Any]]:
    return (when, S.ASSIGNED, {"unit": unit, "deadline": deadline})


def followed(when: dt.datetime, satisfaction: str) -> tuple[dt.datetime, State, dict[str, Any]]:
    return (when, S.FOLLOWED_UP, {"satisfaction": satisfaction, "way": "电话"})


# The fixture. Due dates: received date + promised working days (+ paused working days), or
# the township's deadline once assigned.
ITEMS = [
    # A: received 11-02 (Mon), 5 days → due 11-09; resolved 11-05 on time, first time;
    #    followed up 11-06 满意
    item(
        "A",
        [
            reg(at(11, 2)),
            step(at(11, 2, 10), S.IN_PROGRESS),
            step(at(11, 5), S.RESOLVED),
            followed(at(11, 6), "满意"),
        ],
        channel="来访",
        domain="社会保障",
        grade="B",
        promised=5,
    ),
    # B: received 11-03, 3 days → due 11-06; resolved 11-20 (late), followed up 11-23 不满意,
    #    reopened 11-24, resolved again 11-26 (counted once, the last: late and not first time)
    item(
        "B",
        [
            reg(at(11, 3)),
            step(at(11, 3, 10), S.IN_PROGRESS),
            step(at(11, 20), S.RESOLVED),
            followed(at(11, 23), "不满意"),
            step(at(11, 24), S.IN_PROGRESS),
            step(at(11, 26), S.RESOLVED),
        ],
        channel="来电",
        domain="基础设施",
        grade="A",
        promised=3,
    ),
    # C: received and escalated in October, assigned to 镇民政办 (deadline 11-10), resolved
    #    11-09: resolved in the month, on time, not first time (escalated); 镇民政办 +1
    item(
        "C",
        [
            reg(at(10, 20)),
            step(at(10, 20), S.ESCALATED),
            assigned(at(10, 22), "镇民政办", "2026-11-10"),
            step(at(11, 9), S.RESOLVED),
        ],
        channel="来访",
        domain="矛盾纠纷",
        item_type="上报件",
    ),
    # D: received 11-10, escalated, assigned to 镇民政办 (deadline 11-20), open at month end:
    #    in progress, overdue (11-20 < 11-30); 镇民政办 −0.3; one escalation
    item(
        "D",
        [
            reg(at(11, 10)),
            step(at(11, 10), S.ESCALATED),
            assigned(at(11, 11), "镇民政办", "2026-11-20"),
        ],
        channel="上级交办",
        domain="矛盾纠纷",
        grade="A",
        item_type="上报件",
    ),
    # E: received 11-12, escalated, assigned to 镇派出所 (deadline 12-10): in progress, not
    #    overdue; 镇派出所 −0.3; one escalation
    item(
        "E",
        [
            reg(at(11, 12)),
            step(at(11, 12), S.ESCALATED),
            assigned(at(11, 13), "镇派出所", "2026-12-10"),
        ],
        channel="来访",
        domain="矛盾纠纷",
        item_type="上报件",
    ),
    # F: from September, assigned to 镇派出所 (deadline 09-15), resolved only on 12-02: at the
    #    end of November still assigned → in progress, overdue; 镇派出所 −0.3; not resolved
    item(
        "F",
        [
            reg(at(9, 1)),
            step(at(9, 1), S.ESCALATED),
            assigned(at(9, 2), "镇派出所", "2026-09-15"),
            step(at(12, 2), S.RESOLVED),
        ],
        channel="来访",
        domain="其他",
        item_type="上报件",
    ),
    # G: received 11-16, waiting for documents since: in progress, clock paused → not overdue
    item(
        "G",
        [reg(at(11, 16)), step(at(11, 16), S.AWAITING_DOCUMENTS)],
        channel="来信",
        domain="社会保障",
        item_type="补办件",
        promised=5,
    ),
    # H: immediate item 11-25, resolved at intake (due 11-25): on time, first time;
    #    followed up 11-27 基本满意
    item(
        "H",
        [reg(at(11, 25)), step(at(11, 25), S.RESOLVED), followed(at(11, 27), "基本满意")],
        channel="来访",
        domain="政策咨询",
        grade="C",
        item_type="即办件",
        promised=0,
    ),
    # I: received and resolved in October, followed up 11-03 满意: a follow-up of the month
    #    (the satisfaction rate's denominator counts follow-ups, not items resolved)
    item(
        "I",
        [
            reg(at(10, 28)),
            step(at(10, 28), S.IN_PROGRESS),
            step(at(10, 30), S.RESOLVED),
            followed(at(11, 3), "满意"),
        ],
        promised=3,
    ),
    # J: received on the last evening (11-30 23:00), 3 days → due 12-03: in progress, not overdue
    item("J", [reg(at(11, 30, 23))], channel="网络", domain="其他", promised=3),
    # K: received at the first moment of December: outside the month entirely
    item("K", [reg(dt.datetime(2026, 12, 1))], channel="来访", promised=3),
    # L: received 11-04, 2 days → due 11-06, in progress since: overdue
    item(
        "L",
        [reg(at(11, 4)), step(at(11, 4, 10), S.IN_PROGRESS)],
        channel="走访",
        domain="基础设施",
        promised=2,
    ),
    # M: received 11-05 and rejected: received, neither resolved nor in progress
    item(
        "M",
        [reg(at(11, 5)), step(at(11, 5, 10), S.REJECTED)],
        channel="来访",
        domain="政策咨询",
        grade="C",
    ),
    # P: received 11-02, 3 days, waiting for documents 11-02 → 11-09 (paused working days in
    #    (11-02, 11-09]: 3,4,5,6,9 = 5) → due 11-02 + 8 working days = 11-12; resolved 11-11:
    #    on time (it would be late without the pause: 11-05), first time
    item(
        "P",
        [
            reg(at(11, 2)),
            step(at(11, 2), S.AWAITING_DOCUMENTS),
            step(at(11, 9), S.IN_PROGRESS),
            step(at(11, 11), S.RESOLVED),
        ],
        channel="来电",
        domain="社会保障",
        item_type="补办件",
        promised=3,
    ),
]

CADRES = [
    CadreRecord("甲", "村两委", "干部", village_days=10, duty_days=2, difficult_households=3),
    CadreRecord("乙", "镇政府", "干部", village_days=9, duty_days=1, difficult_households=6),
    CadreRecord(
        "丙", "县农业农村局", "工作队员", village_days=12, duty_days=2, difficult_households=2
    ),
    CadreRecord("丁", "村两委", "党员", village_days=0, duty_days=0, difficult_households=0),
]


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

    from qunzhong_desktop.core.intake.rules import Event
    from qunzhong_desktop.core.intake.states import State
    from qunzhong_desktop.core.monthly.report import ItemRecord, Month, compute
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
