"""Matters escalated to the county (重大疑难事项, issue 19): the county's rules.

The township escalates an item it holds (上报县, with a reason). The county assigns it to one
of its departments (县直部门) with a deadline of N working days from the assignment (the
calendar code the township's 交办 uses), or sends it back to the township (退回乡镇, with a
reason), and records the result (办结); the station follows up and closes as ever. Major
matters get coordination meetings (协调会): a lead department (牵头单位), co-operating ones
(配合单位), attendees and decisions. Pure: the repository is :mod:`.storage.county_repo`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from qunzhong_desktop.core import limits
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.rules import DAYS_MAX, DAYS_MIN
from qunzhong_desktop.core.text import clean, compact

#: Where an item must be for the township to escalate it (its Chinese, for refusals).
ESCALATE_FROM_TEXT = "已上报、待交办或已交办"
TOPIC = 100  # a meeting's topic


@dataclass(frozen=True, slots=True)
class Department:
    """A county department (县直部门) matters are assigned to."""

    name: str
    note: str = ""
    retired: bool = False


@dataclass(frozen=True, slots=True)
class Meeting:
    """A coordination meeting (协调会) on major matters."""

    held_on: dt.date
    items: tuple[str, ...]  # item numbers
    lead: str  # 牵头单位
    cooperating: tuple[str, ...] = ()  # 配合单位
    attendees: str = ""
    decisions: str = ""
    topic: str = ""
    id: str = ""


@dataclass(frozen=True, slots=True)
class Matter:
    """A matter at the county: one row of its waiting or assigned list."""

    number: str
    station: str  # the station that took it in (its number's prefix)
    township: str  # that station's township (the station code's first nine digits)
    requester_name: str
    domain: str
    content: str
    state: str
    escalated_at: dt.datetime | None
    reason: str  # the township's reason for 上报县
    department: str = ""
    days: int = 0
    due_on: dt.date | None = None
    overdue_days: int = 0  # working days past due_on, 0 when not overdue
    meetings: int = 0  # coordination meetings that named it
    extra: dict[str, str] = field(default_factory=dict)


def department_name(name: str) -> str:
    """A department's name as kept (spaces compacted).

    Raises:
        ValidationError: empty or too long (``field`` name).
    """
    name = compact(name)
    if not name:
        raise ValidationError("请填写县直部门名称。", code="county.department_name", field="name")
    if limits.too_long(name, limits.NAME):
        raise ValidationError(
            limits.message("县直部门名称", limits.NAME, name), code="county.too_long", field="name"
        )
    return name


def checked_days(days: int) -> int:
    """The working days of a county assignment: 1–60.

    Raises:
        ValidationError: 0, negative or more than 60 (``field`` days).
    """
    if isinstance(days, bool) or not isinstance(days, int) or not DAYS_MIN <= days <= DAYS_MAX:
        raise ValidationError(
            f"办理时限应为 {DAYS_MIN}–{DAYS_MAX} 个工作日，现在是“{days}”。",
            code="county.days",
            field="days",
        )
    return days


def county_deadline(calendar: Calendar, assigned_on: dt.date, days: int) -> dt.date:
    """The due date of a county assignment: ``days`` working days after ``assigned_on``.

    The same working-day calendar as the township's 交办 (holidays, 调休 working weekends).

    Raises:
        ValidationError: days not within 1–60.
    """
    return calendar.add_workdays(assigned_on, checked_days(days))


def checked_text(text: str, label: str, field_name: str, *, required: bool = True) -> str:
    """A reason, a result or minutes as kept.

    Raises:
        ValidationError: empty when required, or too long.
    """
    text = clean(text)
    if required and not text:
        raise ValidationError(f"请填写{label}。", code=f"county.{field_name}", field=field_name)
    if limits.too_long(text, limits.NOTE):
        raise ValidationError(
            limits.message(label, limits.NOTE, text), code="county.too_long", field=field_name
        )
    return text


def checked_meeting(meeting: Meeting, departments: Sequence[str], *, today: dt.date) -> Meeting:
    """A coordination meeting as kept: known departments, at least one matter, its decisions.

    Args:
        meeting: as typed.
        departments: the names of the county's departments in service.
        today: a meeting is not recorded before it is held.

    Raises:
        ValidationError: the first wrong field (``field`` in its data).
    """
    if meeting.held_on > today:
        raise ValidationError(
            f"协调会日期不能晚于今天（{today.isoformat()}）。", code="county.meeting_day",
            field="held_on",
        )  # fmt: skip
    items = tuple(dict.fromkeys(n.strip() for n in meeting.items if n.strip()))
    if not items:
        raise ValidationError(
            "请至少选择一件协调的事项。", code="county.meeting_items", field="items"
        )
    lead = compact(meeting.lead)
    if not lead:
        raise ValidationError("请选择牵头单位。", code="county.meeting_lead", field="lead")
    known = set(departments)
    for name in (lead, *meeting.cooperating):
        if compact(name) not in known:
            raise ValidationError(
                f"“{compact(name)}”不是县直部门（请先在县直部门中添加）。",
                code="county.unknown_department",
                field="lead" if name == meeting.lead else "cooperating",
            )
    cooperating = tuple(
        dict.fromkeys(compact(n) for n in meeting.cooperating if compact(n) != lead)
    )
    return Meeting(
        held_on=meeting.held_on,
        items=items,
        lead=lead,
        cooperating=cooperating,
        attendees=checked_text(meeting.attendees, "参会人员", "attendees", required=False),
        decisions=checked_text(meeting.decisions, "会议议定事项", "decisions"),
        topic=_topic(meeting.topic),
        id=meeting.id,
    )


def _topic(topic: str) -> str:
    topic = compact(topic)
    if limits.too_long(topic, TOPIC):
        raise ValidationError(
            limits.message("会议议题", TOPIC, topic), code="county.too_long", field="topic"
        )
    return topic
