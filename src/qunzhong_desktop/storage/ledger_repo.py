"""The item ledger (民情台账) read from SQLite as a stream of rows.

A ledger may hold 100,000 items: rows are read in chunks by keyset pagination on
``(received_at, id)`` (each chunk a fresh ``LIMIT`` query after the last key, never an
``OFFSET``), and the events of a chunk's items are fetched with the chunk. Plain column
tuples, not ORM objects, so memory stays flat and the cost per row small.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.engine import Row as SqlRow

from qunzhong_desktop.core.ledger import (
    LEDGER_EVENT_STATES,
    LedgerEvent,
    LedgerFilter,
    LedgerItem,
    Row,
    item_row,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database

DEFAULT_CHUNK = 2000
_EVENT_STATES = [state.value for state in LEDGER_EVENT_STATES]


def _columns() -> Any:  # a Select of 14 columns
    item = m.IntakeItem
    return (
        select(
            item.id,
            item.number,
            item.received_at,
            item.channel,
            item.requester_name,
            item.requester_phone,
            m.Grid.name.label("grid_name"),
            item.domain,
            item.grade,
            item.content,
            item.item_type,
            item.due_on,
            item.handler,
            item.state,
        )
        .select_from(item)
        .outerjoin(m.Household, m.Household.id == item.requester_household_id)
        .outerjoin(m.Grid, m.Grid.id == m.Household.grid_id)
    )


def _narrowed(stmt: Select[Any], f: LedgerFilter) -> Select[Any]:
    item = m.IntakeItem
    stmt = stmt.where(item.deleted_at.is_(None))
    if f.date_from:
        stmt = stmt.where(item.received_at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to:
        end = dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
        stmt = stmt.where(item.received_at < end)
    if f.states:
        stmt = stmt.where(item.state.in_([state.value for state in f.states]))
    if f.domain:
        stmt = stmt.where(item.domain == f.domain)
    if f.grid_id:
        stmt = stmt.where(m.Household.grid_id == f.grid_id)
    return stmt


class SqlLedger:
    """The item ledger of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self, f: LedgerFilter) -> int:
        """How many items the ledger lists."""
        stmt = _narrowed(
            select(func.count(m.IntakeItem.id))
            .select_from(m.IntakeItem)
            .outerjoin(m.Household, m.Household.id == m.IntakeItem.requester_household_id),
            f,
        )
        with self.db.session() as s:
            return int(s.scalar(stmt) or 0)

    def ids(self, f: LedgerFilter) -> list[str]:
        """The ids of the listed items in ledger order (received, oldest first)."""
        stmt = _narrowed(
            select(m.IntakeItem.id)
            .select_from(m.IntakeItem)
            .outerjoin(m.Household, m.Household.id == m.IntakeItem.requester_household_id),
            f,
        ).order_by(m.IntakeItem.received_at, m.IntakeItem.id)
        with self.db.session() as s:
            return list(s.scalars(stmt))

    def rows_for(
        self, ids: Sequence[str], *, first_seq: int = 1, today: dt.date | None = None
    ) -> list[Row]:
        """Ledger rows of the given ids, in that order, numbered from ``first_seq``."""
        with self.db.session() as s:
            found = {r.id: r for r in s.execute(_columns().where(m.IntakeItem.id.in_(ids)))}
            events = _events(s, list(found))
        rows: list[Row] = []
        for offset, item_id in enumerate(ids):
            r = found.get(item_id)
            if r is not None:
                rows.append(_row(first_seq + offset, r, events.get(item_id, ()), today))
        return rows

    def stream(
        self, f: LedgerFilter, *, today: dt.date | None = None, chunk: int = DEFAULT_CHUNK
    ) -> Iterator[Row]:
        """Yield the ledger's rows in order, reading ``chunk`` items at a time.

        Each chunk is its own short read (keyset pagination on ``(received_at, id)``), so a
        long export neither holds a transaction open nor keeps more than one chunk in memory.
        """
        item = m.IntakeItem
        base = _narrowed(_columns(), f).order_by(item.received_at, item.id).limit(chunk)
        after: tuple[dt.datetime, str] | None = None
        seq = 0
        while True:
            stmt = base
            if after is not None:
                stmt = stmt.where(tuple_(item.received_at, item.id) > tuple_(*after))
            with self.db.session() as s:
                items = list(s.execute(stmt))
                events = _events(s, [r.id for r in items])
            for r in items:
                seq += 1
                yield _row(seq, r, events.get(r.id, ()), today)
            if len(items) < chunk:
                return
            after = (items[-1].received_at, items[-1].id)


def _events(s: Any, ids: list[str]) -> dict[str, list[SqlRow[Any]]]:
    found: dict[str, list[SqlRow[Any]]] = defaultdict(list)
    if not ids:
        return found
    ev = m.ItemEvent
    stmt = (
        select(ev.item_id, ev.at, ev.to_state, ev.note, ev.data)
        .where(ev.item_id.in_(ids), ev.to_state.in_(_EVENT_STATES))
        .order_by(ev.item_id, ev.position)
    )
    for r in s.execute(stmt):
        found[r.item_id].append(r)
    return found


def _row(seq: int, r: SqlRow[Any], events: Sequence[SqlRow[Any]], today: dt.date | None) -> Row:
    # a Row has the attributes the core protocols name (selected under the same labels)
    return item_row(seq, cast(LedgerItem, r), cast(Sequence[LedgerEvent], events), today)
