"""The township's petition duty (信访值周, issue 18): one committee member each working day.

Seed 004: the township's 群众工作办公室 receives petitions (信访接待); the committee members
take the duty in turn. The roster runs on the working-day calendar: every working day needs
one member on duty; a working day without one is *uncovered* (shown in red), a duty on a
day off is refused. A reception log records the visits received on a duty day; with units
present it is a joint reception (联合接访).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.core.workcalendar import WorkCalendar

MAX_ROSTER_DAYS = 400
MAX_VISITORS = 1_000


@dataclass(frozen=True, slots=True)
class Duty:
    """A member on duty on a day."""

    day: dt.date
    member: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Reception:
    """Visits received on a duty day."""

    day: dt.date
    member: str
    matter: str
    visitors: int = 1
    units: tuple[str, ...] = ()
    handling: str = ""
    item_id: str | None = None
    id: str | None = None

    @property
    def joint(self) -> bool:
        """A joint reception (联合接访): units were present."""
        return bool(self.units)


def checked_duty(duty: Duty, calendar: WorkCalendar) -> Duty:
    """A member's name, on a working day.

    Raises:
        ValidationError: said in Chinese.
    """
    member = compact(duty.member)
    if not member:
        raise ValidationError("请填写值班的班子成员。", code="duty.member", field="member")
    if len(member) > 50:
        raise ValidationError("值班人员姓名过长。", code="duty.member", field="member")
    if not calendar.is_workday(duty.day):
        raise ValidationError(f"{duty.day:%Y-%m-%d} 不是工作日，不排信访值班。",
                              code="duty.day_off", field="day")  # fmt: skip
    return Duty(duty.day, member, duty.note.strip())


def working_days(calendar: WorkCalendar, first: dt.date, last: dt.date) -> list[dt.date]:
    """The working days from ``first`` to ``last``, both included.

    Raises:
        ValidationError: ``last`` before ``first``, or more than 400 days.
    """
    if last < first:
        raise ValidationError("结束日期早于开始日期。", code="duty.span")
    if (last - first).days >= MAX_ROSTER_DAYS:
        raise ValidationError(f"一次最多排 {MAX_ROSTER_DAYS} 天。", code="duty.span")
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [d for d in days if calendar.is_workday(d)]


def rotation(
    members: Sequence[str], calendar: WorkCalendar, first: dt.date, last: dt.date, *, by: str
) -> list[Duty]:
    """Members in turn over the working days, by "day" or by "week" (值周: one a week).

    Raises:
        ValidationError: no members, a name twice, or a bad span.
    """
    names = [compact(n) for n in members if compact(n)]
    if not names:
        raise ValidationError("请至少填写一名班子成员。", code="duty.members")
    if len(set(names)) != len(names):
        raise ValidationError("班子成员名单中有重复的姓名。", code="duty.members")
    out: list[Duty] = []
    for day in working_days(calendar, first, last):
        if by == "week":
            weeks = (day - first + dt.timedelta(days=first.weekday())).days // 7
            index = weeks
        else:
            index = len(out)
        out.append(Duty(day, names[index % len(names)]))
    return out


@dataclass(frozen=True, slots=True)
class WeekRow:
    """A week of the printed roster: Monday's date and each of its seven days."""

    monday: dt.date
    days: tuple[DayCell, ...]


@dataclass(frozen=True, slots=True)
class DayCell:
    """A day of the roster as printed."""

    day: dt.date
    working: bool
    member: str  # '' when no one is on duty
    receptions: int = 0

    @property
    def uncovered(self) -> bool:
        """A working day without anyone on duty (red)."""
        return self.working and not self.member


@dataclass(frozen=True, slots=True)
class Roster:
    """The duty over a span, week by week."""

    first: dt.date
    last: dt.date
    weeks: tuple[WeekRow, ...]
    uncovered: tuple[dt.date, ...] = field(default_factory=tuple)


def roster(
    duties: Iterable[Duty],
    calendar: WorkCalendar,
    first: dt.date,
    last: dt.date,
    receptions: Mapping[dt.date, int] | None = None,
) -> Roster:
    """The weeks from ``first``'s Monday to ``last``'s Sunday, uncovered working days listed."""
    working_days(calendar, first, last)  # checks the span
    on: dict[dt.date, str] = {d.day: d.member for d in duties}
    counts = receptions or {}
    monday = first - dt.timedelta(days=first.weekday())
    weeks: list[WeekRow] = []
    uncovered: list[dt.date] = []
    while monday <= last:
        cells = []
        for n in range(7):
            day = monday + dt.timedelta(days=n)
            inside = first <= day <= last
            cell = DayCell(day, inside and calendar.is_workday(day), on.get(day, "") if inside else "",
                           counts.get(day, 0))  # fmt: skip
            if cell.uncovered:
                uncovered.append(day)
            cells.append(cell)
        weeks.append(WeekRow(monday, tuple(cells)))
        monday += dt.timedelta(days=7)
    return Roster(first, last, tuple(weeks), tuple(uncovered))


def checked_reception(reception: Reception, *, on_duty: str, today: dt.date) -> Reception:
    """What was raised, by whom received (the member on duty unless said), a day not ahead.

    Raises:
        ValidationError: said in Chinese.
    """
    matter = reception.matter.strip()
    if not matter:
        raise ValidationError("请填写来访反映的事项。", code="reception.matter", field="matter")
    if reception.day > today:
        raise ValidationError("接访日期在今天之后。", code="reception.day", field="day")
    member = compact(reception.member) or on_duty
    if not member:
        raise ValidationError(f"{reception.day:%Y-%m-%d} 无人值班，请填写接访人。",
                              code="reception.member", field="member")  # fmt: skip
    visitors = reception.visitors
    if (
        isinstance(visitors, bool)
        or not isinstance(visitors, int)
        or not 1 <= visitors <= MAX_VISITORS
    ):
        raise ValidationError(f"来访人数应为 1–{MAX_VISITORS} 人。",
                              code="reception.visitors", field="visitors")  # fmt: skip
    units = tuple(dict.fromkeys(compact(u) for u in reception.units if compact(u)))
    return Reception(reception.day, member, matter, visitors, units,
                     reception.handling.strip(), reception.item_id, reception.id)  # fmt: skip
