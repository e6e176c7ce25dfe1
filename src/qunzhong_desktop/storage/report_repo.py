"""Gather what the monthly report (民情月报) needs from a store, in a few bulk queries.

Items: those received before the month ends that are open now or have an event since the
month began (an item finished before the month, with no event since, cannot change any
figure of the month); their events in one query. Cadres: diary days grouped in SQL, paired
households in difficulty from two queries. The figures themselves are computed by
:func:`.core.monthly_report.compute`.

At the township the store holds every station's items: its report covers them all, with a
row per station (:func:`.core.monthly_stations.township_report`), or one station's items and
cadres (the cadres its bundles brought) as that station's report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.cadre_rules import DiaryDay, category_or_default
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS, Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.cadre_year import CadreYear, cadre_year
from qunzhong_desktop.core.monthly.report import (
    OPEN_STATES,
    CadreFigures,
    CadreRecord,
    ItemRecord,
    Month,
    MonthlyReport,
    cadre_figures,
    compute,
)
from qunzhong_desktop.core.monthly.stations import TownshipReport, township_report
from qunzhong_desktop.core.pinyin_keys import name_keys
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.item_settings import DOMAIN_DAYS_SETTING
from qunzhong_desktop.storage.ledger_repo import (
    is_township,
    require_station,
    station_names,
    station_numbers,
)
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.settings_repo import load_rules, load_support_tags
from qunzhong_desktop.storage.setup import township_profile

_STATES = {state.value: state for state in State}


def _item_ids(month: Month, station_code: str | None = None) -> Select[Any]:
    """Ids of the items that may matter for the month (a subquery), of one station if given."""
    item, event = m.IntakeItem, m.ItemEvent
    touched = select(event.item_id).where(event.at >= month.start)
    stmt = select(item.id).where(
        item.deleted_at.is_(None),
        item.received_at < month.end,
        or_(item.state.in_([s.value for s in OPEN_STATES]), item.id.in_(touched)),
    )
    if station_code:
        stmt = stmt.where(station_numbers(item.number, station_code))
    return stmt


def _data(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # a raw JSON column read through a core select
        value = json.loads(value) if value else {}
    return dict(value or {})


def item_records(s: Session, month: Month, station_code: str | None = None) -> list[ItemRecord]:
    """The items of the month with their whole histories (two queries).

    With ``station_code`` (at the township) only the items that station numbered.
    """
    item, event = m.IntakeItem, m.ItemEvent
    ids = _item_ids(month, station_code).scalar_subquery()
    histories: dict[str, list[Event]] = defaultdict(list)
    rows = s.execute(
        select(
            event.item_id,
            event.at,
            event.actor,
            event.from_state,
            event.to_state,
            event.note,
            event.data,
        )
        .where(event.item_id.in_(ids), event.deleted_at.is_(None))
        .order_by(event.item_id, event.position)
    )
    for item_id, at, actor, source, target, note, data in rows:
        histories[item_id].append(
            Event(
                at=at,
                actor=actor,
                from_state=_STATES[source] if source else None,
                to_state=_STATES[target],
                note=note,
                data=_data(data),
            )
        )
    records: list[ItemRecord] = []
    for row in s.execute(
        select(
            item.id,
            item.number,
            item.received_at,
            item.channel,
            item.domain,
            item.grade,
            item.item_type,
            item.promised_days,
        ).where(item.id.in_(ids))
    ):
        records.append(
            ItemRecord(
                number=row.number,
                received_at=row.received_at,
                channel=row.channel,
                domain=row.domain,
                grade=row.grade,
                item_type=row.item_type,
                promised_days=row.promised_days,
                events=tuple(histories.get(row.id, ())),
            )
        )
    records.sort(key=lambda r: r.number)
    return records


def station_cadre_ids(s: Session, station_code: str) -> set[str]:
    """At the township: the cadres that station's bundles brought (their rows' owner)."""
    rows = s.scalars(
        select(SyncRowVersion.row_id)
        .join(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .where(SyncRowVersion.table_name == m.Cadre.__tablename__, SyncPeer.code == station_code)
    )
    return set(rows)


def cadre_records(
    s: Session, month: Month, cadre_ids: Collection[str] | None = None
) -> list[CadreRecord]:
    """Every live cadre with the month's diary days and paired households in difficulty.

    With ``cadre_ids`` (one station's, at the township) only those cadres. The days come
    as diary entries (day, kind, place): the core counts them by the rules.
    """
    entry = m.DiaryEntry
    month_days: dict[str, list[DiaryDay]] = defaultdict(list)
    year_days: dict[str, list[DiaryDay]] = defaultdict(list)
    year_start = dt.date(month.first.year, 1, 1)
    for cadre_id, day, kind, place in s.execute(
        select(entry.cadre_id, entry.day, entry.kind, entry.place).where(
            entry.deleted_at.is_(None), entry.day >= year_start, entry.day < month.next_first
        )
    ):
        record = DiaryDay(day, kind, place)
        year_days[cadre_id].append(record)
        if day >= month.first:
            month_days[cadre_id].append(record)
    difficult = difficult_households(s)
    first_day = dict(
        s.execute(
            select(entry.cadre_id, func.min(entry.day))
            .where(entry.deleted_at.is_(None))
            .group_by(entry.cadre_id)
        ).all()
    )

    def since(cadre: m.Cadre) -> dt.date:
        registered = cadre.created_at.date()
        first = first_day.get(cadre.id)
        return min(registered, first) if first is not None else registered

    cadres = sorted(
        (
            cadre
            for cadre in s.scalars(select(m.Cadre).where(m.Cadre.deleted_at.is_(None)))
            if (cadre_ids is None or cadre.id in cadre_ids) and since(cadre) <= month.last
        ),
        key=lambda c: ((name_keys(c.name) or (c.name,))[0], c.name, c.id),
    )  # in pinyin order, as a clerk looks for a name
    return [
        CadreRecord(
            name=cadre.name,
            unit=cadre.unit,
            role=cadre.role,
            category=category_or_default(cadre.category, cadre.role),
            days=tuple(month_days.get(cadre.id, ())),
            difficult_households=difficult.get(cadre.id, 0),
            year_days=tuple(year_days.get(cadre.id, ())),
            since=since(cadre),
        )
        for cadre in cadres
    ]


def difficult_households(s: Session) -> dict[str, int]:
    """Per cadre id, the live paired households in difficulty.

    A household is in difficulty when it, or a live member, carries a support tag
    (重点帮扶对象).
    """
    support = set(load_support_tags(s))
    household, person = m.Household, m.Person
    paired = household.cadre_id.is_not(None), household.deleted_at.is_(None)
    cadre_of: dict[str, str] = {}
    tagged: set[str] = set()
    for household_id, cadre_id, tags in s.execute(
        select(household.id, household.cadre_id, household.tags).where(*paired)
    ):
        cadre_of[household_id] = str(cadre_id)
        if support.intersection(tags or ()):
            tagged.add(household_id)
    for household_id, tags in s.execute(
        select(person.household_id, person.tags)
        .join(household, household.id == person.household_id)
        .where(*paired, person.deleted_at.is_(None))
    ):
        if support.intersection(tags or ()):
            tagged.add(household_id)
    counts: dict[str, int] = defaultdict(int)
    for household_id in tagged:
        counts[cadre_of[household_id]] += 1
    return dict(counts)


def _domains(s: Session) -> list[str]:
    domains = list(DOMAIN_DAYS)
    row = s.get(m.Setting, DOMAIN_DAYS_SETTING)
    if row is not None and row.value:
        domains += [str(k) for k in json.loads(row.value) if str(k) not in domains]
    return domains


class SqlReports:
    """The monthly report of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def records(self, month: Month) -> tuple[list[ItemRecord], list[CadreRecord]]:
        """The core's input for a month (for tests and other reports)."""
        with self.db.session() as s:
            return item_records(s, month), cadre_records(s, month)

    def cadre_month(
        self, cadre_id: str, month: Month, *, today: dt.date | None = None
    ) -> CadreFigures | None:
        """One cadre's figures of a month against the rule of the category (None: no cadre).

        The diary page and the printed diary show these, as the monthly report does.
        """
        today = today or dt.date.today()
        as_of = today if month.first <= today < month.last else None
        with self.db.session() as s:
            records = cadre_records(s, month, {cadre_id})
            if not records:
                return None
            return cadre_figures(records[0], load_rules(s), month, load_calendar(s), as_of=as_of)

    def cadre_year(
        self, cadre_id: str, year: int, *, today: dt.date | None = None
    ) -> CadreYear | None:
        """One cadre's year month by month, and the year figure (None: no such cadre)."""
        today = today or dt.date.today()
        december = Month(year, 12)
        with self.db.session() as s:
            records = cadre_records(s, december, {cadre_id})  # not listed: came later
            if not records:
                return None
            whole = dataclasses.replace(records[0], days=records[0].year_days)
            return cadre_year(whole, load_rules(s), year, load_calendar(s), today=today)

    def monthly_report(
        self, month: Month, *, today: dt.date | None = None, station_code: str | None = None
    ) -> MonthlyReport:
        """Every figure of the month's report (a month under way stands at ``today``).

        With ``station_code`` (at the township): that station's report, from the items it
        numbered and the cadres it sent.

        Raises:
            ValidationError: a station is asked for at a station's store, or is unknown.
        """
        name = require_station(self.db, station_code) if station_code else None
        with self.db.session() as s:
            if name is None:
                station = load_station(s)
                name = station.name if station is not None else ""
            cadre_ids = station_cadre_ids(s, station_code) if station_code else None
            return compute(
                month,
                item_records(s, month, station_code),
                cadre_records(s, month, cadre_ids),
                calendar=load_calendar(s),
                station_name=name,
                domains=_domains(s),
                today=today or dt.date.today(),
                rules=load_rules(s),
            )

    def township_report(self, month: Month, *, today: dt.date | None = None) -> TownshipReport:
        """The township's report of the month: all its stations, and a row for each."""
        stations = list(station_names(self.db).items())
        township_name = township_profile(self.db)[1]
        with self.db.session() as s:
            return township_report(
                month,
                item_records(s, month),
                cadre_records(s, month),
                stations,
                calendar=load_calendar(s),
                township_name=township_name,
                domains=_domains(s),
                today=today or dt.date.today(),
                rules=load_rules(s),
            )

    def report_for(
        self, month: Month, *, today: dt.date | None = None, station_code: str | None = None
    ) -> MonthlyReport | TownshipReport:
        """The report the 月报 tab and ``qunzhong report`` make.

        A station's own report at a station; at the township the whole township's (or one
        station's, with ``station_code``).

        Raises:
            ValidationError: a station is asked for at a station's store, or is unknown.
        """
        if station_code or not is_township(self.db):
            return self.monthly_report(month, today=today, station_code=station_code)
        return self.township_report(month, today=today)
