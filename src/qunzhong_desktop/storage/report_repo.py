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
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.cadre_rules import (
    ORGAN_CADRE,
    TOWNSHIP_CATEGORIES,
    DiaryDay,
    category_or_default,
)
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS, Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.cadre_year import CadreYear, cadre_year
from qunzhong_desktop.core.monthly.items import MemoCalendar, Span
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
from qunzhong_desktop.core.monthly.stations import (
    COUNTY_ROWS,
    COUNTY_WHOLE,
    TownshipReport,
    township_of,
    township_report,
)
from qunzhong_desktop.core.monthly.voice import by_station as voice_by_station
from qunzhong_desktop.core.monthly.voice import compute as voice_compute
from qunzhong_desktop.core.pinyin_keys import name_keys
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.assistance_figures import figure_inputs
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.code_ranges import code_numbers, code_prefix
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.item_settings import DOMAIN_DAYS_SETTING
from qunzhong_desktop.storage.ledger_repo import is_township, require_station, station_names
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.report_scope import (
    Scope,
    assistance_within,
    resolve,
    stations_of,
    townships,
    voice_within,
)
from qunzhong_desktop.storage.settings_repo import (
    load_category_fixes,
    load_rules,
    load_support_tags,
)
from qunzhong_desktop.storage.setup import county_profile, node_role, township_profile
from qunzhong_desktop.storage.voice_figures import voice_inputs

_STATES = {state.value: state for state in State}


def _item_ids(month: Span, station_code: str | None = None) -> Select[Any]:
    """Ids of the items that may matter for the span (a subquery), of one station if given."""
    item, event = m.IntakeItem, m.ItemEvent
    touched = select(event.item_id).where(event.at >= month.start)
    stmt = select(item.id).where(
        item.deleted_at.is_(None),
        item.received_at < month.end,
        or_(item.state.in_([s.value for s in OPEN_STATES]), item.id.in_(touched)),
    )
    if station_code:  # a station's code, or a township's at the county
        stmt = stmt.where(code_numbers(item.number, station_code))
    return stmt


def _data(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # a raw JSON column read through a core select
        value = json.loads(value) if value else {}
    return dict(value or {})


def item_records(s: Session, month: Span, station_code: str | None = None) -> list[ItemRecord]:
    """The items of a month (or any span) with their whole histories (two queries).

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
            item.competent_unit,
            item.paired_unit,
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
                competent_unit=row.competent_unit,
                paired_unit=row.paired_unit,
            )
        )
    records.sort(key=lambda r: r.number)
    return records


def station_cadre_ids(s: Session, station_code: str) -> set[str]:
    """At the township: the cadres that station's bundles brought (their rows' owner).

    At the county a township's code gives its stations' cadres and the township's own.
    """
    rows = s.scalars(
        select(SyncRowVersion.row_id)
        .join(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .where(
            SyncRowVersion.table_name == m.Cadre.__tablename__,
            code_prefix(SyncPeer.code, station_code),
        )
    )
    return set(rows)


def cadre_owners(s: Session) -> dict[str, tuple[str, str]]:
    """At the township: cadre id → (code, name) of the peer whose bundles brought the row.

    Cadres made on this PC are not listed.
    """
    rows = s.execute(
        select(SyncRowVersion.row_id, SyncPeer.code, SyncPeer.name)
        .join(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .where(SyncRowVersion.table_name == m.Cadre.__tablename__)
    )
    return {row_id: (code, name) for row_id, code, name in rows}


@dataclass(frozen=True, slots=True)
class _Person:
    """A cadre as the report lists it: the row shown and the rows whose days count."""

    shown: m.Cadre
    rows: tuple[m.Cadre, ...]
    station: str = ""


def _people(s: Session, cadres: Sequence[m.Cadre], at_township: bool) -> list[_Person]:
    """Each cadre row as a person; at the township, its own cadres with their station rows.

    A township cadre (registered at the township, 包村 a village) writes the diary at the
    village station, which registers the same person again. The township lists the person
    once: its own row, counting the days of every station row of the **same name** and a
    township category (乡驻村干部, 乡主要领导, 乡副科级以上领导, 县、镇机关干部). Village
    cadres, work-team members and party members are never joined by name: namesakes are
    common among them.
    """
    if not at_township:
        return [_Person(c, (c,)) for c in cadres]
    owners = cadre_owners(s)
    fixes = load_category_fixes(s)
    names: dict[str, str] = {
        code: name
        for code, name in s.execute(
            select(m.Station.code, m.Station.name).where(m.Station.deleted_at.is_(None))
        )
    }
    joinable = TOWNSHIP_CATEGORIES | {ORGAN_CADRE}
    taken: set[str] = set()
    people: list[_Person] = []
    for own in (c for c in cadres if c.id not in owners):
        name = compact(own.name)
        rows = [own] + [
            c
            for c in cadres
            if c.id in owners
            and c.id not in taken
            and compact(c.name) == name
            and (fixes.get(c.id) or category_or_default(c.category, c.role)) in joinable
        ]
        taken.update(c.id for c in rows)
        village = names.get(own.village_code, own.village_code)
        station = f"乡镇本级（包村：{village}）" if village else "乡镇本级"
        people.append(_Person(own, tuple(rows), station))
    for c in cadres:
        if c.id in owners and c.id not in taken:
            code, peer_name = owners[c.id]
            people.append(_Person(c, (c,), names.get(code) or peer_name or code))
    return people


def cadre_records(
    s: Session,
    month: Month,
    cadre_ids: Collection[str] | None = None,
    *,
    at_township: bool = False,
) -> list[CadreRecord]:
    """Every live cadre with the month's diary days and paired households in difficulty.

    With ``cadre_ids`` (one station's, at the township) only those cadres. The days come
    as diary entries (day, kind, place): the core counts them by the rules. With
    ``at_township`` the township's own cadres count the days their stations recorded for
    them (:func:`_people`) and each cadre says where it works.
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

    def since(person: _Person) -> dt.date:
        dates = [c.created_at.date() for c in person.rows]
        dates += [first_day[c.id] for c in person.rows if c.id in first_day]
        return min(dates)

    live = list(s.scalars(select(m.Cadre).where(m.Cadre.deleted_at.is_(None))))
    fixes = load_category_fixes(s)  # 核定类别: the township's word on a station's cadre
    people = sorted(
        (
            person
            for person in _people(s, live, at_township)
            if (cadre_ids is None or person.shown.id in cadre_ids) and since(person) <= month.last
        ),
        key=lambda p: ((name_keys(p.shown.name) or (p.shown.name,))[0], p.shown.name, p.station),
    )  # in pinyin order, as a clerk looks for a name

    def days(source: dict[str, list[DiaryDay]], person: _Person) -> tuple[DiaryDay, ...]:
        return tuple(d for c in person.rows for d in source.get(c.id, ()))

    return [
        CadreRecord(
            name=p.shown.name,
            unit=p.shown.unit,
            role=p.shown.role,
            category=fixes.get(p.shown.id) or category_or_default(p.shown.category, p.shown.role),
            days=days(month_days, p),
            difficult_households=sum(difficult.get(c.id, 0) for c in p.rows),
            year_days=days(year_days, p),
            since=since(p),
            station=p.station,
            cadre_id=p.shown.id,
        )
        for p in people
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


def domains_of(s: Session) -> list[str]:
    """The configured domains in the order the reports list them (defaults, then 设置's)."""
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
        township = is_township(self.db)
        with self.db.session() as s:
            records = cadre_records(s, month, {cadre_id}, at_township=township)
            if not records:
                return None
            return cadre_figures(records[0], load_rules(s), month, load_calendar(s), as_of=as_of)

    def cadre_table(self, month: Month, *, today: dt.date | None = None) -> list[CadreFigures]:
        """Every cadre's figures of a month, as the report's cadre table has them.

        At the township: every station's cadres and its own (each with where it works).
        """
        today = today or dt.date.today()
        as_of = today if month.first <= today < month.last else None
        township = is_township(self.db)
        with self.db.session() as s:
            rules, calendar = load_rules(s), load_calendar(s)
            return [
                cadre_figures(record, rules, month, calendar, as_of=as_of)
                for record in cadre_records(s, month, at_township=township)
            ]

    def cadre_year(
        self, cadre_id: str, year: int, *, today: dt.date | None = None
    ) -> CadreYear | None:
        """One cadre's year month by month, and the year figure (None: no such cadre)."""
        today = today or dt.date.today()
        december = Month(year, 12)
        township = is_township(self.db)
        with self.db.session() as s:
            # not listed: registered after that year
            records = cadre_records(s, december, {cadre_id}, at_township=township)
            if not records:
                return None
            whole = dataclasses.replace(records[0], days=records[0].year_days)
            return cadre_year(whole, load_rules(s), year, load_calendar(s), today=today)

    def monthly_report(
        self,
        month: Month,
        *,
        today: dt.date | None = None,
        station_code: str | None = None,
        scope: Scope | None = None,
    ) -> MonthlyReport:
        """Every figure of the month's report (a month under way stands at ``today``).

        With ``station_code`` (at the township): that station's report, from the items it
        numbered and the cadres it sent.

        Raises:
            ValidationError: a station is asked for at a station's store, or is unknown.
        """
        name: str | None = None
        if scope is not None and scope.station:  # at the county, checked by resolve
            station_code, name = scope.station, scope.name
        else:
            name = require_station(self.db, station_code) if station_code else None
        with self.db.session() as s:
            if name is None:
                station = load_station(s)
                name = station.name if station is not None else ""
            cadre_ids = station_cadre_ids(s, station_code) if station_code else None
            assistance = figure_inputs(s, month.first, month.last)
            voice = voice_inputs(s, month.first, month.last, at_township=bool(station_code))
            if station_code:
                assistance = assistance_within(assistance, station_code.strip())
                voice = voice_within(voice, station_code.strip())
            calendar = MemoCalendar(load_calendar(s))
            report = compute(
                month,
                item_records(s, month, station_code),
                cadre_records(s, month, cadre_ids),
                calendar=load_calendar(s),
                station_name=name,
                domains=domains_of(s),
                today=today or dt.date.today(),
                rules=load_rules(s),
            )
        day = today or dt.date.today()
        figures = assistance.compute(month.first, month.last, day)
        said = voice_compute(voice, month.first, month.last, calendar=calendar, today=day)
        return dataclasses.replace(report, assistance=figures, voice=said)

    def township_report(
        self, month: Month, *, today: dt.date | None = None, scope: Scope | None = None
    ) -> TownshipReport:
        """The township's report of the month: all its stations, and a row for each.

        At the county (``scope`` from :func:`.report_scope.resolve`): the whole county with a
        row per township, or one township with a row per station of its signed list.
        """
        today = today or dt.date.today()
        code, code_of = "", None
        label, whole = "工作站", "全乡镇"
        if scope is not None and scope.county_wide:
            stations = list(townships(self.db).items())
            township_name, code_of = county_profile(self.db)[1], township_of
            label, whole = COUNTY_ROWS, COUNTY_WHOLE
        elif scope is not None and scope.role == "county":
            code, township_name = scope.township, scope.name
            stations = list(stations_of(self.db, code).items())
        else:
            stations = list(station_names(self.db).items())
            township_name = township_profile(self.db)[1]
        with self.db.session() as s:
            assistance = figure_inputs(s, month.first, month.last)
            voice = voice_inputs(s, month.first, month.last, at_township=True)
            if code:
                assistance, voice = assistance_within(assistance, code), voice_within(voice, code)
            calendar = MemoCalendar(load_calendar(s))
            cadre_ids = station_cadre_ids(s, code) if code else None
            report = township_report(
                month,
                item_records(s, month, code or None),
                cadre_records(s, month, cadre_ids, at_township=True),
                stations,
                calendar=load_calendar(s),
                township_name=township_name,
                domains=domains_of(s),
                today=today,
                rules=load_rules(s),
                **({"code_of": code_of} if code_of else {}),
            )
            names = dict(stations) if not code_of else stations_of(self.db)
        overall = assistance.compute(month.first, month.last, today)
        per_row = tuple(
            (c, name, assistance_within(assistance, c).compute(month.first, month.last, today))
            for c, name in stations
        )
        said = voice_compute(
            voice, month.first, month.last, calendar=calendar, today=today, names=names
        )
        if scope is None or scope.role != "county":
            voice_rows = voice_by_station(
                voice, stations, month.first, month.last, calendar=calendar, today=today
            )
        else:  # each township's (or station's) rows: its own code is their prefix
            voice_rows = tuple(
                (c, name, voice_compute(voice_within(voice, c), month.first, month.last,
                                        calendar=calendar, today=today))
                for c, name in stations
            )  # fmt: skip
        return dataclasses.replace(
            report,
            overall=dataclasses.replace(report.overall, assistance=overall, voice=said),
            assistance=per_row,
            voice=voice_rows,
            rows_label=label,
            whole=whole,
        )

    def report_for(
        self,
        month: Month,
        *,
        today: dt.date | None = None,
        station_code: str | None = None,
        township_code: str | None = None,
    ) -> MonthlyReport | TownshipReport:
        """The report the 月报 tab and ``qunzhong report`` make.

        A station's own report at a station; at the township the whole township's (or one
        station's, with ``station_code``); at the county the whole county's with a row per
        township, one township's (``township_code``) with a row per station, or a station's.

        Raises:
            ValidationError: a filter the store cannot take (:func:`.report_scope.resolve`).
        """
        role = node_role(self.db)
        if role == "county" or township_code:
            scope = resolve(self.db, township=township_code, station=station_code)
            if scope.station:
                return self.monthly_report(month, today=today, scope=scope)
            return self.township_report(month, today=today, scope=scope)
        if station_code or not is_township(self.db):
            return self.monthly_report(month, today=today, station_code=station_code)
        return self.township_report(month, today=today)
