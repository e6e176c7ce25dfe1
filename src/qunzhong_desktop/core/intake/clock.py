"""The working-day clock of an item: promised date, pauses while waiting for documents, urgency.

A promised item (承诺件) is due N working days after intake. While it waits for documents
(待补件) its clock stands still: the working days spent waiting are added to the deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import DONE, FINAL, State


class Calendar(Protocol):
    """Working days on the Chinese calendar (implemented by :mod:`.workcalendar`)."""

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
        ...

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in ``(start, end]``."""
        ...


class Urgency(StrEnum):
    """How a list colours an item: green, amber, red; grey while paused; none when done."""

    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    PAUSED = "paused"
    DONE = "done"


URGENCY_NAMES: dict[Urgency, str] = {
    Urgency.ON_TIME: "正常",
    Urgency.DUE_SOON: "即将到期",
    Urgency.OVERDUE: "已超期",
    Urgency.PAUSED: "暂停计时",
    Urgency.DONE: "已办结",
}


def paused_workdays(events: Sequence[Event], calendar: Calendar, today: dt.date) -> int:
    """Working days spent waiting for documents, up to ``today`` for a wait still open."""
    total = 0
    since: dt.date | None = None
    for event in events:
        if event.to_state is State.AWAITING_DOCUMENTS and since is None:
            since = event.at.date()
        elif since is not None and event.to_state is not State.AWAITING_DOCUMENTS:
            total += calendar.workdays_between(since, event.at.date())
            since = None
    if since is not None:
        total += calendar.workdays_between(since, today)
    return total


#: The moves that set an item's deadline outright (data ``deadline``): the township's 交办
#: and the county's (县已交办); the last of them is in force.
DEADLINE_MOVES: frozenset[State] = frozenset({State.ASSIGNED, State.COUNTY_ASSIGNED})


def assignment_deadline(events: Sequence[Event]) -> dt.date | None:
    """The deadline of the last assignment (乡镇交办 or 县交办), None if never assigned."""
    for event in reversed(events):
        if event.to_state in DEADLINE_MOVES and event.data.get("deadline"):
            return dt.date.fromisoformat(str(event.data["deadline"]))
    return None


def due_date(
    received: dt.date,
    days: int,
    events: Sequence[Event],
    calendar: Calendar,
    today: dt.date,
) -> dt.date:
    """The promised date: ``days`` working days after intake, plus the paused working days."""
    return calendar.add_workdays(received, days + paused_workdays(events, calendar, today))


def urgency(
    state: State | None,
    due: dt.date | None,
    calendar: Calendar,
    today: dt.date,
) -> Urgency:
    """Green, amber (due today or on the next working day) or red (past the date)."""
    if state is None or state in DONE or state in FINAL:
        return Urgency.DONE
    if state is State.AWAITING_DOCUMENTS:
        return Urgency.PAUSED
    if due is None:
        return Urgency.ON_TIME
    if today > due:
        return Urgency.OVERDUE
    if due <= calendar.add_workdays(today, 1):
        return Urgency.DUE_SOON
    return Urgency.ON_TIME
