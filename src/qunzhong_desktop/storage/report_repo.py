"""Gather what the monthly report (民情月报) needs from a store, in a few bulk queries.

Items: those received before the month ends that are open now or have an event since the
month began (an item finished before the month, with no event since, cannot change any
figure of the month); their events in one query. Cadres: diary days grouped in SQL, paired
households in difficulty from two queries. The figures themselves are computed by
:func:`.core.monthly_report.compute`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import Select, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.entities import SUPPORT_TAGS
from qunzhong_desktop.core.intake import DOMAIN_DAYS, Event
from qunzhong_desktop.core.intake_states import State
from qunzhong_desktop.core.monthly_report import (
    DUTY_KIND,
    OPEN_STATES,
    CadreRecord,
    ItemRecord,
    Month,
    MonthlyReport,
    compute,
)
from qunzhong_desktop.core.pinyin_keys import name_keys
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import DOMAIN_DAYS_SETTING
from qunzhong_desktop.storage.register_repo import load_station

_STATES = {state.value: state for state in State}


def _item_ids(month: Month) -> Select[Any]:
    """Ids of the items that may matter for the month (a subquery)."""
    item, event = m.IntakeItem, m.ItemEvent
    touched = select(event.item_id).where(event.at >= month.start)
    return select(item.id).where(
        item.deleted_at.is_(None),
        item.received_at < month.end,
        or_(item.state.in_([s.value for s in OPEN_STATES]), item.id.in_(touched)),
    )


def _data(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # a raw JSON column read through a core select
        value = json.loads(value) if value else {}
    return dict(value or {})


def item_records(s: Session, month: Month) -> list[ItemRecord]:
    """The items of the month with their whole histories (two queries)."""
    item, event = m.IntakeItem, m.ItemEvent
    ids = _item_ids(month).scalar_subquery()
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


def cadre_records(s: Session, month: Month) -> list[CadreRecord]:
    """Every live cadre with the month's diary days and paired households in difficulty."""
    entry = m.DiaryEntry
    duty = entry.kind == DUTY_KIND
    days: dict[str, tuple[int, int]] = {
        cadre_id: (int(village or 0), int(on_duty or 0))
        for cadre_id, village, on_duty in s.execute(
            select(
                entry.cadre_id,
                func.count(distinct(case((~duty, entry.day)))),
                func.count(distinct(case((duty, entry.day)))),
            )
            .where(
                entry.deleted_at.is_(None),
                entry.day >= month.first,
                entry.day < month.next_first,
            )
            .group_by(entry.cadre_id)
        )
    }
    difficult = difficult_households(s)
    cadres = sorted(
        s.scalars(select(m.Cadre).where(m.Cadre.deleted_at.is_(None))),
        key=lambda c: ((name_keys(c.name) or (c.name,))[0], c.name, c.id),
    )  # in pinyin order, as a clerk looks for a name
    records: list[CadreRecord] = []
    for cadre in cadres:
        village, on_duty = days.get(cadre.id, (0, 0))
        records.append(
            CadreRecord(
                name=cadre.name,
                unit=cadre.unit,
                role=cadre.role,
                village_days=village,
                duty_days=on_duty,
                difficult_households=difficult.get(cadre.id, 0),
            )
        )
    return records


def difficult_households(s: Session) -> dict[str, int]:
    """Per cadre id, the live paired households in difficulty.

    A household is in difficulty when it, or a live member, carries a support tag
    (重点帮扶对象).
    """
    support = set(SUPPORT_TAGS)
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

    def monthly_report(self, month: Month, *, today: dt.date | None = None) -> MonthlyReport:
        """Every figure of the month's report (a month under way stands at ``today``)."""
        with self.db.session() as s:
            station = load_station(s)
            return compute(
                month,
                item_records(s, month),
                cadre_records(s, month),
                calendar=load_calendar(s),
                station_name=station.name if station is not None else "",
                domains=_domains(s),
                today=today or dt.date.today(),
            )
