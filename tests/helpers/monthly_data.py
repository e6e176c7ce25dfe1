"""The monthly report's hand-computed fixture: November 2026, weekends off."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qunzhong_desktop.core.cadre_rules import DiaryDay
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.report import (
    CadreRecord,
    ItemRecord,
    Month,
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


def cadre(
    name: str,
    category: str,
    *,
    visits: int = 0,
    duty: int = 0,
    phone: int = 0,
    difficult: int = 0,
    first_week: bool = True,
    unit: str = "镇政府",
) -> CadreRecord:
    """A cadre's November: ``visits`` 入户走访, ``duty`` 坐班接待 and ``phone`` 电话回访 days,
    one a day on the weekdays from the 2nd on (from the 9th if not in the first week)."""
    weekdays = [
        d
        for d in (dt.date(2026, 11, n) for n in range(2, 31))
        if d.weekday() < 5 and (first_week or d.day >= 9)
    ]
    kinds = ["入户走访"] * visits + ["坐班接待"] * duty + ["电话回访"] * phone
    assert len(kinds) <= len(weekdays)
    days = tuple(DiaryDay(day, kind) for day, kind in zip(weekdays, kinds, strict=False))
    role = {"党员": "党员", "工作队员": "工作队员"}.get(category, "干部")
    return CadreRecord(name, unit, role, category, days, difficult)


# the rules' boundaries (core/cadre_rules.py DEFAULT_RULES), as issue 15 tries them
CADRES = [
    cadre("甲", "乡驻村干部", visits=8, duty=2),  # 10 days in the village, 2 on duty
    cadre("乙", "乡驻村干部", visits=8, duty=1, phone=3),  # 9 and 1: phone calls don't count
    cadre("丙", "村两委其他干部", visits=5, difficult=3, unit="村两委"),
    cadre("丁", "党员", unit="村两委"),  # listed, never assessed on days
    cadre("戊", "工作队员", visits=12, first_week=False, unit="县农业农村局"),
    cadre("己", "村两委主要负责人", visits=10, difficult=6, unit="村两委"),
]
