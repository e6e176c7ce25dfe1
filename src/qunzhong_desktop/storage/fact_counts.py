"""The figures of settled items counted by the database, a row per station.

A span's settled items (nothing happened to them at or after its end) are counted from
their kept facts (:mod:`qunzhong_desktop.core.monthly.facts`) as :func:`.items.item_figures`
would count them by replaying: a township's year has 300,000 of them, so the database
groups them (``item_fact``, and ``item_flow`` for the escalations and follow-ups of the
span) and only the groups come back, a few thousand rows. The tests hold this equal to
replaying every item.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.intake.rules import CHANNELS, DOMAIN_DAYS, GRADES
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.core.monthly.facts import DONE_STATES
from qunzhong_desktop.core.monthly.items import (
    OPEN_STATES,
    SATISFACTION_LEVELS,
    SATISFIED,
    ItemFigures,
    Rate,
    Span,
    UnitScore,
    UnitTally,
    as_of_day,
    ordered,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.code_ranges import code_is


@dataclass
class _Station:
    """One station's counters while the groups come in."""

    channel: Counter[str] = field(default_factory=Counter)
    domain: Counter[str] = field(default_factory=Counter)
    grade: Counter[str] = field(default_factory=Counter)
    resolved_grade: Counter[str] = field(default_factory=Counter)
    resolved: int = 0
    first: int = 0
    on_time: int = 0
    in_progress: int = 0
    overdue: int = 0
    escalations: int = 0
    followed: int = 0
    satisfied: int = 0
    unit_resolved: Counter[str] = field(default_factory=Counter)
    unit_open: Counter[str] = field(default_factory=Counter)
    tallies: dict[str, UnitTally] = field(default_factory=dict)

    def tally(self, unit: str) -> UnitTally:
        found = self.tallies.get(unit)
        if found is None:
            found = self.tallies[unit] = UnitTally()
        return found

    def figures(self, domains: Sequence[str]) -> ItemFigures:
        units = sorted(
            (
                UnitScore(unit, self.unit_resolved[unit], self.unit_open[unit])
                for unit in set(self.unit_resolved) | set(self.unit_open)
            ),
            key=lambda u: (-u.tenths, -u.resolved, u.unit),
        )
        return ItemFigures(
            received=sum(self.channel.values()),
            by_channel=ordered(self.channel, CHANNELS),
            by_domain=ordered(self.domain, domains),
            by_grade=ordered(self.grade, GRADES),
            resolved=self.resolved,
            in_progress=self.in_progress,
            overdue=self.overdue,
            escalations=self.escalations,
            first_time=Rate(self.first, self.resolved),
            on_time=Rate(self.on_time, self.resolved),
            satisfaction=Rate(self.satisfied, self.followed),
            units=tuple(units),
            tallies=self.tallies,
            resolved_by_grade=ordered(self.resolved_grade, GRADES),
        )


def _flag(condition: ColumnElement[bool]) -> Any:
    return case((condition, 1), else_=0)


def settled_figures(
    s: Session,
    span: Span,
    *,
    station_code: str | None = None,
    stations: Sequence[str] = (),
    domains: Sequence[str] = tuple(DOMAIN_DAYS),
    today: dt.date | None = None,
) -> dict[str, ItemFigures]:
    """Station code → the figures of its items settled before the span's end.

    Every station of ``stations`` gets a row, items or not. With ``station_code`` only that
    station's items are counted.
    """
    f, flow = m.ItemFact, m.ItemFlow
    start, end = span.start, span.end
    last_day = as_of_day(span, today) or span.last
    base = [
        f.received_at < end,
        or_(f.last_at.is_(None), f.last_at < end),
    ]
    if station_code:
        base.append(code_is(f.station, station_code))
    received = and_(f.received_at >= start, f.received_at < end)
    solved = and_(f.resolved_at >= start, f.resolved_at < end)
    is_open = f.state.in_([st.value for st in OPEN_STATES])
    running = f.state.in_([st.value for st in CLOCK_RUNNING])
    rows: dict[str, _Station] = defaultdict(_Station)
    for code in stations:
        rows[code] = _Station()
    conn = s.connection()
    count = func.count()

    for code, channel, domain, grade, n in conn.execute(
        select(f.station, f.channel, f.domain, f.grade, count)
        .where(*base, received)
        .group_by(f.station, f.channel, f.domain, f.grade)
    ):
        row = rows[code]
        row.channel[channel] += n
        row.domain[domain] += n
        row.grade[grade] += n

    for code, grade, unit, first, on_time, n in conn.execute(
        select(f.station, f.grade, f.resolved_unit, f.first_time, f.on_time, count)
        .where(*base, solved)
        .group_by(f.station, f.grade, f.resolved_unit, f.first_time, f.on_time)
    ):
        row = rows[code]
        row.resolved += n
        row.resolved_grade[grade] += n
        row.first += n if first else 0
        row.on_time += n if on_time else 0
        if unit:
            row.unit_resolved[unit] += n

    late = _flag(and_(running, f.due_on.is_not(None), f.due_on < last_day))
    for code, unit, overdue, n in conn.execute(
        select(f.station, f.assigned_unit, late, count)
        .where(*base, is_open)
        .group_by(f.station, f.assigned_unit, late)
    ):
        row = rows[code]
        row.in_progress += n
        row.overdue += n if overdue else 0
        if unit:
            row.unit_open[unit] += n

    flags = (_flag(received), _flag(solved), _flag(is_open))
    for code, competent, paired, grade, got, done, still, n in conn.execute(
        select(f.station, f.competent_now, f.paired, f.grade, *flags, count)
        .where(*base, or_(received, solved, is_open), or_(f.competent_now != "", f.paired != ""))
        .group_by(f.station, f.competent_now, f.paired, f.grade, *flags)
    ):
        row = rows[code]
        for unit in dict.fromkeys(u for u in (competent, paired) if u):
            tally = row.tally(unit)
            tally.answered += n
            tally.resolved += n if done else 0
            tally.unresolved += n if still else 0
        if paired:
            tally = row.tally(paired)
            if got:
                tally.paired_received[grade] += n
            if done:
                tally.paired_resolved[grade] += n

    relevant = _flag(or_(received, solved, is_open))
    for code, target, said, competent, paired, counts, n in conn.execute(
        select(f.station, flow.kind, flow.answer, f.competent_now, f.paired, relevant, count)
        .join(f, f.item_id == flow.item_id)
        .where(*base, flow.at >= start, flow.at < end)
        .group_by(f.station, flow.kind, flow.answer, f.competent_now, f.paired, relevant)
    ):
        row = rows[code]
        if target == State.ESCALATED.value:
            row.escalations += n
            continue
        row.followed += n
        row.satisfied += n if said in SATISFIED else 0
        if counts and said in SATISFACTION_LEVELS:
            for unit in dict.fromkeys(u for u in (competent, paired) if u):
                row.tally(unit).satisfaction[said] += n
    return {code: row.figures(domains) for code, row in rows.items()}


def settled_cumulative(
    s: Session, since: dt.date, end: dt.datetime, station_code: str | None = None
) -> tuple[int, int]:
    """梳理问题 and 办结 (:func:`.period_report.cumulative`) of items settled before ``end``."""
    f = m.ItemFact
    done = f.state.in_([st.value for st in DONE_STATES])
    stmt = select(func.count(), func.coalesce(func.sum(_flag(done)), 0)).where(
        f.received_at >= dt.datetime.combine(since, dt.time()),
        f.received_at < end,
        or_(f.last_at.is_(None), f.last_at < end),
    )
    if station_code:
        stmt = stmt.where(code_is(f.station, station_code))
    combed, closed = s.connection().execute(stmt).one()
    return int(combed), int(closed)
