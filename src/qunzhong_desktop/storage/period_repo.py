"""Gather what the period report needs from a store (:mod:`.core.monthly.period_report`).

The items of the period, the period before and a year before are read once, for the span
that covers all three, as their kept facts (``storage/item_facts.py``), and only the items
still moving after a period's end are replayed; the activity counts of each period in a
few grouped queries. At the township the store holds every station's rows: the
report covers them all with a row per station, or one station (its items by number, its
diary and cards by the peer whose bundles brought them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from qunzhong_desktop.core.cadre_rules import DiaryDay
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.ledger import station_code_of
from qunzhong_desktop.core.meetings import TALK
from qunzhong_desktop.core.monthly.cadre_period import CadrePeriod, cadre_period
from qunzhong_desktop.core.monthly.items import (
    ItemFigures,
    ItemRecord,
    MemoCalendar,
    item_figures,
    merge,
)
from qunzhong_desktop.core.monthly.period import Period
from qunzhong_desktop.core.monthly.period_report import (
    Activity,
    Cumulative,
    PeriodFigures,
    PeriodReport,
    assemble,
    cumulative,
    periods_of,
)
from qunzhong_desktop.core.monthly.report import CadreRecord, Month
from qunzhong_desktop.core.monthly.stations import COUNTY_ROWS, COUNTY_WHOLE
from qunzhong_desktop.core.monthly.voice import by_station as voice_by_station
from qunzhong_desktop.core.monthly.voice import compute as voice_compute
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.fact_counts import settled_cumulative, settled_figures
from qunzhong_desktop.storage.item_facts import moving_records, refresh_facts, unfacted_records
from qunzhong_desktop.storage.ledger_repo import is_township, require_station, station_names
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.report_repo import cadre_records, domains_of, station_cadre_ids
from qunzhong_desktop.storage.report_scope import resolve, stations_of, townships, voice_within
from qunzhong_desktop.storage.row_owners import row_stations
from qunzhong_desktop.storage.settings_repo import load_rules
from qunzhong_desktop.storage.setup import county_profile, node_role, township_profile
from qunzhong_desktop.storage.units_repo import load_register
from qunzhong_desktop.storage.voice_figures import voice_inputs

log = logging.getLogger(__name__)
ADVICE_POINT = "ask_advice"  # 问建议意见 (core.diary checklist)


def _advice(checklist: object) -> bool:
    if not isinstance(checklist, dict):
        return False
    point = checklist.get(ADVICE_POINT)
    return isinstance(point, dict) and bool(str(point.get("note", "")).strip())


def activity(
    s: Session, periods: Collection[Period], *, at_township: bool, local_code: str = ""
) -> dict[str, dict[Period, Activity]]:
    """The activity counts of each period, by station code ('' : rows made on this PC).

    Contact cards by ``issued_on``; households visited and suggestions (问建议意见 with a
    note) by the diary entry's day; 民情恳谈会 from the meetings register by ``held_on``.
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
    # 民情恳谈会 from the meetings register (issue 18; before it, diary entries of that kind)
    meeting = m.MassMeeting
    meeting_owner = row_stations(s, meeting.__tablename__) if at_township else {}
    for meeting_id, day in s.execute(
        select(meeting.id, meeting.held_on).where(
            meeting.deleted_at.is_(None), meeting.kind == TALK, meeting.held_on.between(first, last)
        )
    ):
        code = meeting_owner.get(meeting_id, local_code)
        for p in periods:
            if p.first <= day <= p.last:
                counts[code][p]["meetings"] += 1
    return {
        code: {p: Activity(**values) for p, values in by_period.items()}
        for code, by_period in counts.items()
    }


def period_cadre_records(
    s: Session, period: Period, cadre_ids: Collection[str] | None, *, at_township: bool
) -> list[CadreRecord]:
    """Every cadre of the period with every diary day from 1 January of its first year.

    One :func:`.report_repo.cadre_records` call per calendar year the period touches (for
    the last month of the period in that year: its ``year_days`` run from 1 January), the
    days joined per cadre; the order and the rest are the last call's (every cadre
    registered by the period's end).
    """
    days: dict[tuple[str, str], tuple[DiaryDay, ...]] = defaultdict(tuple)
    records: list[CadreRecord] = []
    for year in range(period.first.year, period.last.year + 1):
        last = Month.of(min(period.last, dt.date(year, 12, 31)))
        records = cadre_records(s, last, cadre_ids, at_township=at_township)
        for record in records:
            days[(record.cadre_id, record.station)] += record.year_days
    return [
        dataclasses.replace(r, days=days[(r.cadre_id, r.station)], year_days=()) for r in records
    ]


def period_cadres(
    s: Session,
    period: Period,
    calendar: Calendar,
    *,
    today: dt.date,
    station_code: str | None,
    at_township: bool,
) -> tuple[CadrePeriod, ...]:
    """Each cadre over the period (at the township all stations' and its own; or one station's).

    ``at_township``: each cadre says where it works (the township's own joined by name).
    """
    cadre_ids = station_cadre_ids(s, station_code) if station_code else None
    rules = load_rules(s)
    records = period_cadre_records(s, period, cadre_ids, at_township=at_township)
    return tuple(cadre_period(r, rules, period, calendar, today=today) for r in records)


def _row_figures(
    period: Period,
    per_station: Mapping[str, ItemFigures],
    counts: Mapping[str, Mapping[Period, Activity]],
    code: str,
    domains: Sequence[str],
) -> PeriodFigures:
    """A township's (or a station's) row: the figures of the stations its code begins."""
    items = [f for c, f in per_station.items() if c.startswith(code)]
    parts = [a for c, a in counts.items() if c.startswith(code)]
    return PeriodFigures(period, merge(items, domains=domains), _sum(parts, period))


def _sum(parts: Sequence[Mapping[Period, Activity]], period: Period) -> Activity:
    fields = [f.name for f in dataclasses.fields(Activity)]
    return Activity(
        **{f: sum(getattr(part.get(period, Activity()), f) for part in parts) for f in fields}
    )


class SqlPeriodReports:
    """The report of any period of one store (issue 17)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def refresh(self) -> int:
        """Fill the kept facts of the items that have none (the report does it first)."""
        with self.db.writing() as s:
            return refresh_facts(s, MemoCalendar(load_calendar(s)))

    def period_report(
        self,
        period: Period,
        *,
        today: dt.date | None = None,
        station_code: str | None = None,
        township_code: str | None = None,
        since: dt.date | None = None,
        fill: bool = True,
    ) -> PeriodReport:
        """Every figure of the period beside the period before and a year before.

        At the township: the whole township with a row per station, or one station with
        ``station_code``. ``since`` starts the cumulative figures (default: the period's
        first day). Items settled before a period's end are counted from their kept facts,
        the others replayed (:mod:`qunzhong_desktop.core.monthly.facts`). The missing facts
        are filled first unless ``fill`` is False or the disk refuses them; items without
        facts are then replayed, so the figures are the same either way.

        At the county: the whole county with a row per township, one township
        (``township_code``) with a row per station, or one station.

        Raises:
            ValidationError: a station asked for at a station's store, or unknown; a filter
                the store cannot take (:func:`.report_scope.resolve`).
        """
        today = today or dt.date.today()
        code = station_code.strip() if station_code else None
        county = node_role(self.db) == "county"
        scope = None
        if county or township_code:
            scope = resolve(self.db, township=township_code, station=station_code)
            code, name = scope.code or None, scope.name or None
            township, stations = True, stations_of(self.db, scope.township or None)
            if scope.county_wide:
                name = county_profile(self.db)[1]
        else:
            name = require_station(self.db, code) if code else None
            township = is_township(self.db)
            stations = station_names(self.db)
        # what a row is: a township at the county, a station elsewhere
        rows_of = townships(self.db) if scope is not None and scope.county_wide else stations
        spans = periods_of(period)
        first = min(*(p.first for p in spans), since or period.first)
        try:
            if fill:  # the kept facts first (a cache; never synced)
                with self.db.writing() as s:
                    refresh_facts(s, MemoCalendar(load_calendar(s)))
        except OperationalError as exc:  # a full disk: the items without facts are replayed
            log.warning("report facts not filled (%s): replaying", type(exc.orig).__name__)
        with self.db.session() as s:
            calendar = MemoCalendar(load_calendar(s))
            local = load_station(s)
            if name is None:
                name = township_profile(self.db)[1] if township else (local.name if local else "")
            counts = activity(
                s, spans, at_township=township, local_code=local.code if local else ""
            )
            domains = domains_of(s)
            register = load_register(s)
            codes = [code] if code else list(stations)
            settled = {
                span: settled_figures(
                    s, span, station_code=code, stations=codes, domains=domains, today=today
                )
                for span in spans
            }
            moving = moving_records(s, [p.end for p in spans], first, code)
            unfacted = unfacted_records(s, period.end, code)  # none once the facts are filled
            moving += unfacted
            replay_all = {r.number for r in unfacted}
            totals = settled_cumulative(s, since or period.first, period.end, code)
            joined = township and (not code or (county and not (scope and scope.station)))
            cadres = period_cadres(
                s, period, calendar, today=today, station_code=code, at_township=joined
            )
            voice = voice_inputs(s, min(p.first for p in spans), period.last, at_township=township)

        def count(span: Period) -> dict[str, ItemFigures]:
            """Station → the span's figures: settled items counted, moving ones replayed."""
            end = span.end
            groups: dict[str, list[ItemRecord]] = defaultdict(list)
            for record in moving:
                if record.received_at < end and (
                    record.number in replay_all or any(e.at >= end for e in record.events)
                ):
                    groups[station_code_of(record.number)].append(record)
            found = dict(settled[span])
            for c, records in groups.items():
                replayed = item_figures(
                    span, records, calendar=calendar, domains=domains, today=today
                )
                found[c] = merge([found[c], replayed], domains=domains) if c in found else replayed
            return found

        figures = {}
        rows: tuple[tuple[str, str, PeriodFigures], ...] = ()
        for span in spans:
            per_station = count(span)
            figures[span] = merge(list(per_station.values()), domains=domains)
            if span == period and township and not code:  # a row per station
                rows = tuple(
                    (
                        c,
                        stations.get(c, c),
                        PeriodFigures(
                            period, per_station[c], counts.get(c, {}).get(period, Activity())
                        ),
                    )
                    for c in sorted(per_station)
                )
            if (
                span == period
                and scope is not None
                and scope.role == "county"
                and not (scope.station)
            ):  # the county's: a row per township; a township's: a row per station
                rows = tuple(
                    (c, n, _row_figures(period, per_station, counts, c, domains))
                    for c, n in rows_of.items()
                )
        end = period.end
        replayed = cumulative(
            [r for r in moving if r.number in replay_all or any(e.at >= end for e in r.events)],
            since or period.first,
            period,
        )
        chosen = (
            [v for c, v in counts.items() if c.startswith(code)] if code else list(counts.values())
        )
        report = assemble(
            period,
            figures,
            {p: _sum(chosen, p) for p in spans},
            Cumulative(replayed.since, totals[0] + replayed.combed, totals[1] + replayed.closed),
            register=register,
            station_names=stations,
            name=name,
            today=today,
        )
        if code:
            voice = voice_within(voice, code)
        names = stations if township and (not code or county) else None
        said = {
            span: voice_compute(
                voice, span.first, span.last, calendar=calendar, today=today, names=names
            )
            for span in spans
        }
        said_rows = (
            voice_by_station(
                voice, list(stations.items()), period.first, period.last,
                calendar=calendar, today=today,
            )
            if township and not code and not county
            else ()
        )  # fmt: skip
        if scope is not None and scope.role == "county" and not scope.station:
            said_rows = tuple(
                (c, n, voice_compute(voice_within(voice, c), period.first, period.last,
                                     calendar=calendar, today=today))
                for c, n in rows_of.items()
            )  # fmt: skip
        return dataclasses.replace(
            report,
            stations=rows,
            cadres=cadres,
            voice=(said[period], said[period.previous()], said[period.year_before()]),
            voice_stations=said_rows,
            rows_label=COUNTY_ROWS if scope and scope.county_wide else report.rows_label,
            whole=COUNTY_WHOLE if scope and scope.county_wide else report.whole,
        )
