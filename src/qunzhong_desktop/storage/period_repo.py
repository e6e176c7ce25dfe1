"""Gather what the period report needs from a store (:mod:`.core.monthly.period_report`).

The items of the period, the period before and a year before are read once, for the span
that covers all three (:func:`lean_records`); the activity counts of each
period in a few grouped queries. At the township the store holds every station's rows: the
report covers them all with a row per station, or one station (its items by number, its
diary and cards by the peer whose bundles brought them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import String, case, select, type_coerce
from sqlalchemy.orm import Session

from qunzhong_desktop.core.diary import KINDS as DIARY_KINDS
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.ledger import station_code_of
from qunzhong_desktop.core.monthly.items import ItemRecord, MemoCalendar, item_figures, merge
from qunzhong_desktop.core.monthly.period import Period, between
from qunzhong_desktop.core.monthly.period_report import (
    Activity,
    PeriodFigures,
    PeriodReport,
    period_report,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.ledger_repo import is_township, require_station, station_names
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.report_repo import _domains, _item_ids
from qunzhong_desktop.storage.setup import township_profile
from qunzhong_desktop.storage.units_repo import load_register

MEETING_KIND = "民情恳谈会"
ADVICE_POINT = "ask_advice"  # 问建议意见 (core.diary checklist)
assert MEETING_KIND in DIARY_KINDS


_STATES = {state.value: state for state in State}
_WITH_DATA = (State.ASSIGNED.value, State.FOLLOWED_UP.value)  # the figures read only these


def _moment(value: str | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def lean_records(s: Session, span: Period, station_code: str | None = None) -> list[ItemRecord]:
    """The items that may matter for the span, with the histories the figures read.

    As :func:`.report_repo.item_records`, read leaner for a township's years: plain rows
    through the connection, moments parsed by ``fromisoformat``, and an event's data only
    where the figures look (交办: unit and deadline; 回访: satisfaction); actor and note are
    left out.
    """
    item, event = m.IntakeItem, m.ItemEvent
    ids = _item_ids(span, station_code).scalar_subquery()
    conn = s.connection()
    data = case((event.to_state.in_(_WITH_DATA), type_coerce(event.data, String)), else_=None)
    histories: dict[str, list[Event]] = defaultdict(list)
    for item_id, at, source, target, raw in conn.execute(
        select(event.item_id, type_coerce(event.at, String), event.from_state, event.to_state, data)
        .where(event.item_id.in_(ids), event.deleted_at.is_(None))
        .order_by(event.item_id, event.position)
    ).all():
        histories[item_id].append(
            Event(
                at=_moment(at),
                actor="",
                from_state=_STATES[source] if source else None,
                to_state=_STATES[target],
                note="",
                data=json.loads(raw) if raw else {},
            )
        )
    records = [
        ItemRecord(
            number=row.number,
            received_at=_moment(row.received_at),
            channel=row.channel,
            domain=row.domain,
            grade=row.grade,
            item_type=row.item_type,
            promised_days=row.promised_days,
            events=tuple(histories.get(row.id, ())),
            competent_unit=row.competent_unit,
            paired_unit=row.paired_unit,
        )
        for row in conn.execute(
            select(
                item.id,
                item.number,
                type_coerce(item.received_at, String).label("received_at"),
                item.channel,
                item.domain,
                item.grade,
                item.item_type,
                item.promised_days,
                item.competent_unit,
                item.paired_unit,
            ).where(item.id.in_(ids))
        ).all()
    ]
    records.sort(key=lambda r: r.number)
    return records


def row_stations(s: Session, table: str) -> dict[str, str]:
    """At the township: row id → the code of the peer whose bundles brought the row."""
    rows = s.execute(
        select(SyncRowVersion.row_id, SyncPeer.code)
        .join(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .where(SyncRowVersion.table_name == table)
    )
    return {row_id: code for row_id, code in rows}


def _advice(checklist: object) -> bool:
    if not isinstance(checklist, dict):
        return False
    point = checklist.get(ADVICE_POINT)
    return isinstance(point, dict) and bool(str(point.get("note", "")).strip())


def activity(
    s: Session, periods: Collection[Period], *, at_township: bool, local_code: str = ""
) -> dict[str, dict[Period, Activity]]:
    """The activity counts of each period, by station code ('' : rows made on this PC).

    Contact cards by ``issued_on``; households visited, suggestions (问建议意见 with a note)
    and 民情恳谈会 (station and day) by the diary entry's day.
    """
    first = min(p.first for p in periods)
    last = max(p.last for p in periods)
    cards_owner = row_stations(s, m.CardIssue.__tablename__) if at_township else {}
    entry_owner = row_stations(s, m.DiaryEntry.__tablename__) if at_township else {}
    counts: dict[str, dict[Period, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    card = m.CardIssue
    for row_id, day in s.execute(
        select(card.id, card.issued_on).where(
            card.deleted_at.is_(None), card.issued_on.between(first, last)
        )
    ):
        code = cards_owner.get(row_id, local_code)
        for p in periods:
            if p.first <= day <= p.last:
                counts[code][p]["cards_issued"] += 1
    entry, visit = m.DiaryEntry, m.DiaryVisit
    visited: dict[tuple[str, Period], set[str]] = defaultdict(set)
    for entry_id, day, household_id, checklist in s.execute(
        select(entry.id, entry.day, visit.household_id, visit.checklist)
        .join(visit, visit.entry_id == entry.id)
        .where(
            entry.deleted_at.is_(None),
            visit.deleted_at.is_(None),
            entry.day.between(first, last),
        )
    ):
        code = entry_owner.get(entry_id, local_code)
        advice = _advice(checklist)
        for p in periods:
            if p.first <= day <= p.last:
                visited[(code, p)].add(household_id)
                counts[code][p]["suggestions"] += advice
    for (code, p), households in visited.items():
        counts[code][p]["households_visited"] = len(households)
    meetings: set[tuple[str, Period, dt.date]] = set()
    for entry_id, day in s.execute(
        select(entry.id, entry.day).where(
            entry.deleted_at.is_(None), entry.kind == MEETING_KIND, entry.day.between(first, last)
        )
    ):
        code = entry_owner.get(entry_id, local_code)
        for p in periods:
            if p.first <= day <= p.last:
                meetings.add((code, p, day))
    for code, p, _day in meetings:
        counts[code][p]["meetings"] += 1
    return {
        code: {p: Activity(**values) for p, values in by_period.items()}
        for code, by_period in counts.items()
    }


def _sum(parts: Sequence[Mapping[Period, Activity]], period: Period) -> Activity:
    fields = [f.name for f in dataclasses.fields(Activity)]
    return Activity(
        **{f: sum(getattr(part.get(period, Activity()), f) for part in parts) for f in fields}
    )


class SqlPeriodReports:
    """The report of any period of one store (issue 17)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def period_report(
        self,
        period: Period,
        *,
        today: dt.date | None = None,
        station_code: str | None = None,
        since: dt.date | None = None,
    ) -> PeriodReport:
        """Every figure of the period beside the period before and a year before.

        At the township: the whole township with a row per station, or one station with
        ``station_code``. ``since`` starts the cumulative figures (default: the period's
        first day).

        Raises:
            ValidationError: a station asked for at a station's store, or unknown.
        """
        today = today or dt.date.today()
        code = station_code.strip() if station_code else None
        name = require_station(self.db, code) if code else None
        township = is_township(self.db)
        stations = station_names(self.db)
        periods = (period, period.previous(), period.year_before())
        start = min(*(p.first for p in periods), since or period.first)
        with self.db.session() as s:
            local = load_station(s)
            if name is None:
                name = township_profile(self.db)[1] if township else (local.name if local else "")
            covering = between(start, period.last)
            items = lean_records(s, covering, code)
            counts = activity(
                s, periods, at_township=township, local_code=local.code if local else ""
            )
            calendar = MemoCalendar(load_calendar(s))
            domains = _domains(s)
            register = load_register(s)
        chosen = [counts.get(code, {})] if code else list(counts.values())
        rows: tuple[tuple[str, str, PeriodFigures], ...] = ()
        merged = None
        if township and not code:  # a row per station; the township's total is their sum
            groups: dict[str, list[ItemRecord]] = {c: [] for c in stations}
            for record in items:
                groups.setdefault(station_code_of(record.number), []).append(record)
            rows = tuple(
                (
                    c,
                    stations.get(c, c),
                    PeriodFigures(
                        period,
                        item_figures(
                            period, groups[c], calendar=calendar, domains=domains, today=today
                        ),
                        counts.get(c, {}).get(period, Activity()),
                    ),
                )
                for c in sorted(groups)
            )
            merged = merge([f.items for _c, _n, f in rows], domains=domains)
        report = period_report(
            period,
            items,
            {p: _sum(chosen, p) for p in periods},
            calendar=calendar,
            register=register,
            station_names=stations,
            name=name,
            domains=domains,
            today=today,
            since=since,
            current_items=merged,
        )
        return dataclasses.replace(report, stations=rows) if rows else report
