"""Items read for the reports: lean histories, and the kept facts of each item (``item_fact``).

:func:`lean_records` reads items with the parts of their histories the figures look at.
:func:`refresh_facts` fills the facts and flows (:mod:`qunzhong_desktop.core.monthly.facts`)
of the live items that have no facts: migration 0013's triggers drop an item's facts and
flows whenever the item or one of its events is written (a move, a correction, an import)
and every item's facts when the working-day calendar changes, so a missing row is the only
way they go stale, and the report refills before it reads. The tables are this PC's cache
and never travel. :func:`moving_records` reads the items a span must replay.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, String, and_, case, delete, insert, or_, select, type_coerce
from sqlalchemy.orm import Session

from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.rules import Event
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.ledger import station_code_of
from qunzhong_desktop.core.monthly.facts import ItemFact, fact_of, flows_of
from qunzhong_desktop.core.monthly.items import OPEN_STATES, ItemRecord
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.code_ranges import code_is, code_numbers

_STATES = {state.value: state for state in State}


def _same(value: Any) -> Any:
    return value


def _parser(rows: Sequence[Any], column: int) -> Any:
    """How to read the moments of a column: stored text (SQLite) or a datetime (a server).

    SQLite hands the text, read by the fast ``fromisoformat``; a server's driver a datetime.
    """
    sample = next((row[column] for row in rows if row[column] is not None), None)
    return dt.datetime.fromisoformat if isinstance(sample, str) else _same


_WITH_DATA = (State.ASSIGNED.value, State.FOLLOWED_UP.value)  # the figures read only these
_FLOWS = (State.ESCALATED.value, State.FOLLOWED_UP.value)
BATCH = 2000


def _moment(value: str | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def _data(value: str | dict[str, Any] | None) -> dict[str, Any]:
    """An event's data: JSON text (SQLite) or already parsed (a server's driver)."""
    if isinstance(value, dict):
        return value
    return json.loads(value) if value else {}


def _day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def lean_records(s: Session, ids: Select[Any] | Sequence[str]) -> dict[str, ItemRecord]:
    """Items by id with the histories the figures read (plain rows, parsed by fromisoformat).

    An event's data is read only where the figures look (交办: unit and deadline; 回访:
    satisfaction); actor and note are left out.
    """
    item, event = m.IntakeItem, m.ItemEvent
    chosen: Any = ids.scalar_subquery() if isinstance(ids, Select) else list(ids)
    conn = s.connection()
    data = case((event.to_state.in_(_WITH_DATA), type_coerce(event.data, String)), else_=None)
    histories: dict[str, list[Event]] = defaultdict(list)
    for item_id, at, source, target, raw in conn.execute(
        select(event.item_id, type_coerce(event.at, String), event.from_state, event.to_state, data)
        .where(event.item_id.in_(chosen), event.deleted_at.is_(None))
        .order_by(event.item_id, event.position)
    ).all():
        histories[item_id].append(
            Event(
                at=_moment(at),
                actor="",
                from_state=_STATES[source] if source else None,
                to_state=_STATES[target],
                note="",
                data=_data(raw),
            )
        )
    return {
        row.id: ItemRecord(
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
            ).where(item.id.in_(chosen))
        ).all()
    }


def refresh_facts(s: Session, calendar: Calendar) -> int:
    """Fill the facts (and flows) of the live items that have none; returns how many."""
    fact = m.ItemFact
    missing = list(
        s.scalars(
            select(m.IntakeItem.id).where(
                m.IntakeItem.deleted_at.is_(None),
                m.IntakeItem.id.not_in(select(fact.item_id)),
            )
        )
    )
    conn = s.connection()
    flow = m.ItemFlow
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        records = lean_records(s, chunk)
        rows = [_row(fact_of(item_id, record, calendar)) for item_id, record in records.items()]
        moves = [
            {
                "item_id": f.item_id,
                "position": f.position,
                "at": f.at,
                "kind": f.state.value,
                "answer": f.satisfaction,
            }
            for item_id, record in records.items()
            for f in flows_of(item_id, record)
        ]
        conn.execute(delete(fact).where(fact.item_id.in_(chunk)))
        conn.execute(delete(flow).where(flow.item_id.in_(chunk)))
        if rows:
            conn.execute(insert(fact), rows)
        if moves:
            conn.execute(insert(flow), moves)
    return len(missing)


def _row(f: ItemFact) -> dict[str, Any]:
    return {
        "item_id": f.item_id,
        "number": f.number,
        "station": station_code_of(f.number),
        "received_at": f.received_at,
        "channel": f.channel,
        "domain": f.domain,
        "grade": f.grade,
        "state": f.state.value if f.state else "",
        "last_at": f.last_at,
        "resolved_at": f.resolved_at,
        "first_time": f.first_time,
        "on_time": f.on_time,
        "resolved_unit": f.resolved_unit,
        "assigned_unit": f.assigned_unit,
        "due_on": f.due_on,
        "competent_now": f.competent_now,
        "paired": f.paired,
    }


def moving_records(
    s: Session, ends: Sequence[dt.datetime], first: dt.date, station_code: str | None = None
) -> list[ItemRecord]:
    """The items received before one of the ``ends`` that moved at or after it, replayed.

    Only those that may matter from ``first`` (received, resolved or moved since, or open).
    """
    f = m.ItemFact
    since = dt.datetime.combine(first, dt.time())
    straddles = or_(*(and_(f.received_at < end, f.last_at >= end) for end in ends))
    stmt = select(f.item_id).where(
        straddles,
        or_(
            f.received_at >= since,
            f.resolved_at >= since,
            f.last_at >= since,
            f.state.in_([st.value for st in OPEN_STATES]),
        ),
    )
    if station_code:  # a station's, or a township's at the county
        stmt = stmt.where(code_is(f.station, station_code))
    return sorted(lean_records(s, stmt).values(), key=lambda r: r.number)


def unfacted_records(
    s: Session, end: dt.datetime, station_code: str | None = None
) -> list[ItemRecord]:
    """The live items received before ``end`` that have no kept facts, replayed instead.

    None once the facts are filled; when they could not be (a read-only or full disk) the
    report still counts every item.
    """
    item = m.IntakeItem
    stmt = select(item.id).where(
        item.deleted_at.is_(None),
        item.received_at < end,
        item.id.not_in(select(m.ItemFact.item_id)),
    )
    if station_code:
        stmt = stmt.where(code_numbers(item.number, station_code))
    return sorted(lean_records(s, stmt).values(), key=lambda r: r.number)
