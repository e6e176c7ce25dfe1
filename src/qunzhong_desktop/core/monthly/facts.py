"""An item's report facts, kept so a township's year need not replay a million events.

An item whose history ended before a span's end (its last event lies before it) stands at
the span's end as it stands now: its state, its last assignment, its due date in force and
its last resolution with whether that resolution was first-time and on time. Those facts do
not depend on the span, so they are computed once per item (:func:`fact_of`, with the same
rules :func:`.items.item_figures` applies: :func:`.items.first_time`,
:func:`.items.due_in_force`) and kept with the item's escalations and follow-ups
(:func:`flows_of`); a change to the item or its events drops them (``storage/item_facts.py``).

The store counts a span's *settled* items from their facts and flows
(``storage/fact_counts.py``) and replays the items still moving after the span's end with
:func:`.items.item_figures`; the tests hold the two equal to replaying every item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.core.monthly.items import (
    ItemRecord,
    due_in_force,
    first_time,
)
from qunzhong_desktop.core.units import competent_of


@dataclass(frozen=True, slots=True)
class ItemFact:
    """What an item's whole history says, for any span ending after its last event."""

    item_id: str
    number: str
    received_at: dt.datetime
    channel: str
    domain: str
    grade: str
    state: State | None  # the last event's
    last_at: dt.datetime | None  # the last event's moment
    resolved_at: dt.datetime | None = None  # the last resolution
    first_time: bool = False  # of that resolution
    on_time: bool = False
    resolved_unit: str = ""  # the last assignment before that resolution
    assigned_unit: str = ""  # the last assignment
    due_on: dt.date | None = None  # in force now, for an item whose clock runs
    competent_now: str = ""  # 主管部门: the last assignment's unit, else the item's
    paired: str = ""  # 双联系单位

    def settled(self, end: dt.datetime) -> bool:
        """Whether nothing happened to the item at or after ``end``."""
        return self.last_at is None or self.last_at < end


@dataclass(frozen=True, slots=True)
class Flow:
    """An escalation or a follow-up (with its answer) of an item, at a moment."""

    item_id: str
    position: int  # the event's place in the item's history
    at: dt.datetime
    state: State  # ESCALATED or FOLLOWED_UP
    satisfaction: str = ""


def fact_of(item_id: str, record: ItemRecord, calendar: Calendar) -> ItemFact:
    """The facts of an item's whole history."""
    events = record.events
    state: State | None = None
    resolution: int | None = None
    unit = unit_at_resolution = ""
    for index, event in enumerate(events):
        state = event.to_state
        if state is State.ASSIGNED:
            unit = str(event.data.get("unit", "")).strip()
        elif state is State.RESOLVED:
            resolution, unit_at_resolution = index, unit
    fresh = first = on_time = False
    resolved_at = None
    if resolution is not None:
        history = events[: resolution + 1]
        fresh = first_time(history, record.item_type)
        resolved_at = history[-1].at
        first = fresh
        on_time = resolved_at.date() <= due_in_force(record, history, calendar, resolved_at.date())
    due = None
    if state in CLOCK_RUNNING:  # no wait is open: the day asked does not matter
        due = due_in_force(record, events, calendar, events[-1].at.date())
    return ItemFact(
        item_id=item_id,
        number=record.number,
        received_at=record.received_at,
        channel=record.channel,
        domain=record.domain,
        grade=record.grade,
        state=state,
        last_at=events[-1].at if events else None,
        resolved_at=resolved_at,
        first_time=first,
        on_time=on_time,
        resolved_unit=unit_at_resolution,
        assigned_unit=unit,
        due_on=due,
        competent_now=competent_of(record.competent_unit, unit),
        paired=record.paired_unit.strip(),
    )


def flows_of(item_id: str, record: ItemRecord) -> list[Flow]:
    """An item's escalations and follow-ups, kept beside its facts."""
    return [
        Flow(item_id, index, e.at, e.to_state, str(e.data.get("satisfaction", "") or "")[:16])
        for index, e in enumerate(record.events)
        if e.to_state in (State.ESCALATED, State.FOLLOWED_UP)
    ]


DONE_STATES = frozenset({State.RESOLVED, State.FOLLOWED_UP, State.CLOSED})
