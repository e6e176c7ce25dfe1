"""The item figures of a report over any span of days: a month, or a :class:`.period.Period`.

One pass over the items replays each history up to the end of the span. The monthly report
(:func:`.report.compute`) and the period report (:mod:`.period_report`) both take their item
figures from :func:`item_figures`, so a month's figures are the same by either path.

Also here: who answers for each item (:mod:`qunzhong_desktop.core.units`) — its 主管部门 (the
township's last assignment before the span's end, else the item's own) and its 双联系单位 —
and each unit's tally for the responsibility tables.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from qunzhong_desktop.core.intake.clock import Calendar, assignment_deadline, due_date
from qunzhong_desktop.core.intake.rules import CHANNELS, DOMAIN_DAYS, GRADES, Event
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.core.units import competent_of

SATISFIED: tuple[str, ...] = ("满意", "基本满意")
SATISFACTION_LEVELS: tuple[str, ...] = ("满意", "基本满意", "不满意")
UNIT_BONUS_TENTHS = 10  # +1 per item resolved in the span
UNIT_PENALTY_TENTHS = 3  # −0.3 per item left unresolved at the span's end
OPEN_STATES: frozenset[State] = CLOCK_RUNNING | {State.AWAITING_DOCUMENTS}


class Span(Protocol):
    """Whole days ``first`` to ``last``; ``start``/``end`` the moments that bound them."""

    @property
    def first(self) -> dt.date:
        """The first day."""
        ...

    @property
    def last(self) -> dt.date:
        """The last day."""
        ...

    @property
    def start(self) -> dt.datetime:
        """The first moment."""
        ...

    @property
    def end(self) -> dt.datetime:
        """The first moment after it (exclusive)."""
        ...


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """An intake item with its whole history, in event order."""

    number: str
    received_at: dt.datetime
    channel: str
    domain: str
    grade: str
    item_type: str
    promised_days: int
    events: tuple[Event, ...]
    competent_unit: str = ""  # 主管部门 as the station set it (the township's 交办 overrides)
    paired_unit: str = ""  # 双联系单位


@dataclass(frozen=True, slots=True)
class Rate:
    """A share with its numerator and denominator; no value when the denominator is 0."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """The share in [0, 1], or None."""
        return self.numerator / self.denominator if self.denominator else None

    @property
    def percent(self) -> str:
        """``87.5%`` or ``—``."""
        value = self.value
        return "—" if value is None else f"{100 * value:.1f}%"

    @property
    def text(self) -> str:
        """``87.5%（35/40）`` or ``—（0/0）``."""
        return f"{self.percent}（{self.numerator}/{self.denominator}）"


def score_text(tenths: int) -> str:
    """``+1.4``, ``−0.6``, ``0.0`` of a score in tenths."""
    sign = "+" if tenths > 0 else ("−" if tenths < 0 else "")
    return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}"


@dataclass(frozen=True, slots=True)
class UnitScore:
    """A unit's score by assignment (交办): the monthly report's 单位得分."""

    unit: str
    resolved: int
    unresolved: int

    @property
    def tenths(self) -> int:
        """The score in tenths of a point (exact)."""
        return UNIT_BONUS_TENTHS * self.resolved - UNIT_PENALTY_TENTHS * self.unresolved

    @property
    def score(self) -> float:
        """The score, e.g. 1.4."""
        return self.tenths / 10

    @property
    def score_text(self) -> str:
        """``+1.4``, ``−0.6``, ``0.0``."""
        return score_text(self.tenths)


@dataclass(slots=True)
class UnitTally:
    """What one unit answers for in a span (as 主管部门 or 双联系单位)."""

    answered: int = 0  # received in the span, resolved in it, or open at its end
    resolved: int = 0  # resolved in the span
    unresolved: int = 0  # open at the span's end
    satisfaction: Counter[str] = field(default_factory=Counter)  # follow-ups in the span
    # as 双联系单位: received in the span and resolved in it, by grade
    paired_received: Counter[str] = field(default_factory=Counter)
    paired_resolved: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class ItemFigures:
    """Every item figure of a span."""

    received: int
    by_channel: tuple[tuple[str, int], ...]
    by_domain: tuple[tuple[str, int], ...]
    by_grade: tuple[tuple[str, int], ...]
    resolved: int
    in_progress: int
    overdue: int
    escalations: int
    first_time: Rate
    on_time: Rate
    satisfaction: Rate
    units: tuple[UnitScore, ...]  # by assignment (交办)
    tallies: dict[str, UnitTally]  # by responsibility (主管部门 or 双联系单位)
    resolved_by_grade: tuple[tuple[str, int], ...] = ()


def contains(span: Span, moment: dt.datetime) -> bool:
    """Whether a moment lies in the span."""
    return span.start <= moment < span.end


def replay(events: Sequence[Event], span: Span) -> tuple[State | None, int | None, str, str]:
    """Replay a history up to the end of the span.

    Returns:
        (state at the end, index of the span's last RESOLVED event or None, unit of the
        last assignment at or before the end, unit of the last assignment before that
        resolution).
    """
    state: State | None = None
    resolution: int | None = None
    unit_at_end = unit_at_resolution = ""
    start, end = span.start, span.end
    for index, event in enumerate(events):
        if event.at >= end:
            break
        state = event.to_state
        if state is State.ASSIGNED:
            unit_at_end = str(event.data.get("unit", "")).strip()
        elif state is State.RESOLVED and event.at >= start:
            resolution = index
            unit_at_resolution = unit_at_end
    return state, resolution, unit_at_end, unit_at_resolution


def due_in_force(
    item: ItemRecord, events: Sequence[Event], calendar: Calendar, today: dt.date
) -> dt.date:
    """The promised date given the events so far.

    The last assignment's deadline, else the promised working days after intake plus the
    working days paused for documents (as the repository keeps ``due_on``).
    """
    assigned = assignment_deadline(events)  # 乡镇交办 or 县交办
    if assigned is not None:
        return assigned
    return due_date(item.received_at.date(), item.promised_days, events, calendar, today)


def first_time(events: Sequence[Event], item_type: str = "") -> bool:
    """Whether an item was settled without the resident having to come back (一次办结).

    Up to and including the resolution counted: never waiting for documents (a 补办件, or a
    待补件 step), never reopened, and — if escalated — settled by the township in one pass
    (assigned once). Escalation itself is not a second trip for the resident.
    """
    if item_type == "补办件":
        return False
    assignments = 0
    for event in events:
        if event.to_state is State.AWAITING_DOCUMENTS:
            return False
        if event.to_state is State.IN_PROGRESS and event.from_state is State.FOLLOWED_UP:
            return False
        assignments += event.to_state is State.ASSIGNED
    return assignments <= 1


class MemoCalendar:
    """A calendar that remembers its answers (10,000 items ask the same few questions)."""

    def __init__(self, calendar: Calendar) -> None:
        self._calendar = calendar
        self._add: dict[tuple[dt.date, int], dt.date] = {}
        self._between: dict[tuple[dt.date, dt.date], int] = {}

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """As the calendar says, remembered."""
        key = (start, days)
        found = self._add.get(key)
        if found is None:
            found = self._add[key] = self._calendar.add_workdays(start, days)
        return found

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """As the calendar says, remembered."""
        key = (start, end)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = self._calendar.workdays_between(start, end)
        return found


def ordered(counts: Counter[str], known: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Known keys first in their order (zeros included), then others by count."""
    known = list(known)
    rest = sorted((k for k in counts if k not in known), key=lambda k: (-counts[k], k))
    return tuple((key, counts.get(key, 0)) for key in [*known, *rest])


def as_of_day(span: Span, today: dt.date | None) -> dt.date | None:
    """The day the "at the end" figures stand at while the span is under way (else None)."""
    return today if today is not None and span.first <= today < span.last else None


def item_figures(
    span: Span,
    items: Iterable[ItemRecord],
    *,
    calendar: Calendar,
    domains: Sequence[str] = tuple(DOMAIN_DAYS),
    today: dt.date | None = None,
) -> ItemFigures:
    """Every item figure of a span (the definitions: :data:`.report.DEFINITIONS`).

    Args:
        span: the days counted.
        items: the items that may matter: received before the span's end and open at its
            start or touched since (others are ignored by the definitions anyway).
        calendar: the working-day calendar (promised dates).
        domains: the configured domains, in the order the report lists them.
        today: while the span is under way, its "at the end" figures (in progress,
            overdue) stand at this day instead of its last day.
    """
    cal = calendar if isinstance(calendar, MemoCalendar) else MemoCalendar(calendar)
    channel: Counter[str] = Counter()
    domain: Counter[str] = Counter()
    grade: Counter[str] = Counter()
    resolved_grade: Counter[str] = Counter()
    resolved = in_progress = overdue = escalations = 0
    first = on_time = followed = satisfied = 0
    unit_resolved: Counter[str] = Counter()
    unit_open: Counter[str] = Counter()
    tallies: dict[str, UnitTally] = {}
    last_day = as_of_day(span, today) or span.last
    start, end = span.start, span.end
    for item in items:
        received = start <= item.received_at < end
        if received:
            channel[item.channel] += 1
            domain[item.domain] += 1
            grade[item.grade] += 1
        answers: Counter[str] = Counter()
        for event in item.events:
            if event.at < start or event.at >= end:
                continue
            if event.to_state is State.ESCALATED:
                escalations += 1
            elif event.to_state is State.FOLLOWED_UP:
                followed += 1
                answer = event.data.get("satisfaction")
                satisfied += answer in SATISFIED
                if answer in SATISFACTION_LEVELS:
                    answers[str(answer)] += 1
        state, resolution, unit_at_end, unit_at_resolution = replay(item.events, span)
        if resolution is not None:
            resolved += 1
            resolved_grade[item.grade] += 1
            history = item.events[: resolution + 1]
            first += first_time(history, item.item_type)
            at = history[-1].at.date()
            on_time += at <= due_in_force(item, history, cal, at)
            if unit_at_resolution:
                unit_resolved[unit_at_resolution] += 1
        is_open = state in OPEN_STATES
        if is_open:
            in_progress += 1
            if unit_at_end:
                unit_open[unit_at_end] += 1
            if state in CLOCK_RUNNING:
                so_far = [e for e in item.events if e.at < end]
                if due_in_force(item, so_far, cal, last_day) < last_day:
                    overdue += 1
        if received or resolution is not None or is_open:
            competent = competent_of(item.competent_unit, unit_at_end)
            for unit in dict.fromkeys(u for u in (competent, item.paired_unit.strip()) if u):
                tally = tallies.get(unit)
                if tally is None:
                    tally = tallies[unit] = UnitTally()
                tally.answered += 1
                tally.resolved += resolution is not None
                tally.unresolved += is_open
                tally.satisfaction.update(answers)
            paired = item.paired_unit.strip()
            if paired:
                tally = tallies[paired]
                if received:
                    tally.paired_received[item.grade] += 1
                if resolution is not None:
                    tally.paired_resolved[item.grade] += 1
    units = sorted(
        (
            UnitScore(unit, unit_resolved[unit], unit_open[unit])
            for unit in set(unit_resolved) | set(unit_open)
        ),
        key=lambda u: (-u.tenths, -u.resolved, u.unit),
    )
    return ItemFigures(
        received=sum(channel.values()),
        by_channel=ordered(channel, CHANNELS),
        by_domain=ordered(domain, domains),
        by_grade=ordered(grade, GRADES),
        resolved=resolved,
        in_progress=in_progress,
        overdue=overdue,
        escalations=escalations,
        first_time=Rate(first, resolved),
        on_time=Rate(on_time, resolved),
        satisfaction=Rate(satisfied, followed),
        units=tuple(units),
        tallies=tallies,
        resolved_by_grade=ordered(resolved_grade, GRADES),
    )


def merge(
    parts: Sequence[ItemFigures], *, domains: Sequence[str] = tuple(DOMAIN_DAYS)
) -> ItemFigures:
    """The figures of disjoint sets of items together (every figure is a sum over items).

    ``item_figures(span, a + b) == merge([item_figures(span, a), item_figures(span, b)])``
    for items ``a`` and ``b`` with no item in common: the township's total from its stations'.
    """

    def counts(pairs: Iterable[tuple[tuple[str, int], ...]]) -> Counter[str]:
        total: Counter[str] = Counter()
        for part in pairs:
            for key, value in part:
                total[key] += value
        return total

    def rate(rates: Iterable[Rate]) -> Rate:
        pairs = [(r.numerator, r.denominator) for r in rates]
        return Rate(sum(n for n, _ in pairs), sum(d for _, d in pairs))

    resolved: Counter[str] = Counter()
    unresolved: Counter[str] = Counter()
    tallies: dict[str, UnitTally] = {}
    for part in parts:
        for score in part.units:
            resolved[score.unit] += score.resolved
            unresolved[score.unit] += score.unresolved
        for name, tally in part.tallies.items():
            into = tallies.setdefault(name, UnitTally())
            into.answered += tally.answered
            into.resolved += tally.resolved
            into.unresolved += tally.unresolved
            into.satisfaction.update(tally.satisfaction)
            into.paired_received.update(tally.paired_received)
            into.paired_resolved.update(tally.paired_resolved)
    units = sorted(
        (UnitScore(unit, resolved[unit], unresolved[unit]) for unit in resolved),
        key=lambda u: (-u.tenths, -u.resolved, u.unit),
    )
    channel = counts(p.by_channel for p in parts)
    return ItemFigures(
        received=sum(p.received for p in parts),
        by_channel=ordered(channel, CHANNELS),
        by_domain=ordered(counts(p.by_domain for p in parts), domains),
        by_grade=ordered(counts(p.by_grade for p in parts), GRADES),
        resolved=sum(p.resolved for p in parts),
        in_progress=sum(p.in_progress for p in parts),
        overdue=sum(p.overdue for p in parts),
        escalations=sum(p.escalations for p in parts),
        first_time=rate(p.first_time for p in parts),
        on_time=rate(p.on_time for p in parts),
        satisfaction=rate(p.satisfaction for p in parts),
        units=tuple(units),
        tallies=tallies,
        resolved_by_grade=ordered(counts(p.resolved_by_grade for p in parts), GRADES),
    )
