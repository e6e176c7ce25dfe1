"""The item ledger (民情台账) read from SQLite as a stream of rows.

A ledger may hold 100,000 items: rows are read in chunks by keyset pagination on
``(received_at, id)`` (each chunk a fresh ``LIMIT`` query after the last key, never an
``OFFSET``), and the events of a chunk's items are fetched with the chunk. Plain column
tuples, not ORM objects, so memory stays flat and the cost per row small.

At the township the store holds the items of every station: the ledger can be narrowed to
one station (by the code its numbers begin with) and its rows then name each item's station.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, func, select, tuple_
from sqlalchemy.engine import Row as SqlRow
from sqlalchemy.orm import InstrumentedAttribute

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.intake.worklists import view_filter
from qunzhong_desktop.core.ledger import (
    LEDGER_EVENT_STATES,
    LedgerEvent,
    LedgerFilter,
    LedgerItem,
    Row,
    item_row,
    station_code_of,
    with_station,
)
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.item_order import ITEM_SORTS, item_order, plain_numbers
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.setup import node_role

DEFAULT_CHUNK = 2000
_EVENT_STATES = [state.value for state in LEDGER_EVENT_STATES]


def is_township(db: Database) -> bool:
    """Whether the store holds several stations' data: a township's, a county's, or more.

    Each row there carries the station whose bundles brought it (:mod:`.row_owners`).
    """
    if node_role(db) in ("township", "county"):
        return True
    return len(station_names(db)) > 1


def station_names(db: Database) -> dict[str, str]:
    """Code → name of the live stations the store knows, by code."""
    with db.session() as s:
        rows = s.execute(
            select(m.Station.code, m.Station.name)
            .where(m.Station.deleted_at.is_(None))
            .order_by(m.Station.code)
        )
        return {code: name for code, name in rows}


@dataclass(frozen=True, slots=True)
class StationSummary:
    """One station's line of the township's 各站汇总: its items by where they stand."""

    code: str
    name: str
    received: int
    open: int
    overdue: int
    done: int


def station_summaries(db: Database, today: dt.date) -> list[StationSummary]:
    """The township's summary per station, by code.

    Each figure counts the work list of the same name (``core/intake/worklists.py``), so
    it always equals that list filtered to the station.
    """
    items = SqlItems(db)
    done = view_filter("done")
    open_states = tuple(state for state in State if state not in done.states)
    counts = [
        items.counts_by_station(f, today=today)
        for f in (ItemFilter(), ItemFilter(states=open_states), view_filter("overdue"), done)
    ]
    return [
        StationSummary(code, name, *(c.get(code, 0) for c in counts))
        for code, name in station_names(db).items()
    ]


def county_station_labels(db: Database) -> dict[str, str]:
    """At the county: station code → ``白沙镇群众工作办 第1村群众工作站`` (the ledger's 工作站)."""
    with db.session() as s:
        peers = {
            code: (role, name)
            for code, role, name in s.execute(
                select(SyncPeer.code, SyncPeer.role, SyncPeer.name).where(
                    SyncPeer.role.in_(("station", "township"))
                )
            )
        }
    names = {code: name for code, (role, name) in peers.items() if role == "station"}
    names.update(station_names(db))
    labels = {}
    for code, name in names.items():
        role, township = peers.get(code[:9], ("", ""))
        labels[code] = f"{township} {name or code}" if role == "township" else name or code
    return labels


def station_labels(db: Database) -> dict[str, str]:
    """Code → how a row names its station: the name; at the county with its township's."""
    return county_station_labels(db) if node_role(db) == "county" else station_names(db)


def require_station(db: Database, code: str) -> str:
    """The name of station ``code`` at a township store.

    Raises:
        ValidationError: the store is a station's, or holds no station of that code.
    """
    if not is_township(db):
        raise ValidationError(
            "只有乡镇群众工作办才能按工作站筛选：本机是工作站，只有本站的数据。",
            code="station.not_township",
        )
    names = station_names(db)
    name = names.get(code.strip())
    if name is None:
        known = "、".join(f"{c} {n}" for c, n in names.items()) or "（还没有导入任何工作站）"
        raise ValidationError(
            f"没有编码为“{code.strip()}”的工作站。已导入的工作站：{known}。",
            code="station.unknown",
            value=code,
        )
    return name


def station_numbers(number: InstrumentedAttribute[str], code: str) -> ColumnElement[bool]:
    """Numbers given by station ``code`` (``{code}-…``), as a range the unique index serves."""
    return and_(number >= f"{code}-", number < f"{code}.")


def _columns() -> Any:  # a Select of 16 columns
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
            item.competent_unit,
            item.paired_unit,
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
    if f.station_code:
        stmt = stmt.where(station_numbers(item.number, f.station_code))
    elif f.township_code:  # at the county: every station of the township (a number range)
        stmt = stmt.where(item.number >= f.township_code, item.number < f"{f.township_code}:")
    return stmt


class SqlLedger:
    """The item ledger of one store.

    Args:
        db: the store's database.
        township: rows carry the 工作站 column (:data:`.ledger.TOWNSHIP_ITEM_COLUMNS`).
    """

    def __init__(self, db: Database, *, township: bool = False) -> None:
        self.db = db
        self.township = township
        self._stations: dict[str, str] = station_names(db) if township else {}
        if township and node_role(db) == "county":  # 第1村 may be in two townships
            self._stations = county_station_labels(db)

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

    def ids(self, f: LedgerFilter, sort: Sort | None = None) -> list[str]:
        """The ids of the listed items in ledger order (received, oldest first) or ``sort``'s.

        ``sort``: one of :data:`.items_repo.ITEM_SORTS`, or ``grid`` (所属网格, natural order).
        """
        stmt = _narrowed(
            select(m.IntakeItem.id)
            .select_from(m.IntakeItem)
            .outerjoin(m.Household, m.Household.id == m.IntakeItem.requester_household_id),
            f,
        )
        with self.db.session() as s:
            if sort is not None and sort.key == "grid":
                grid = func.natural_key(
                    select(m.Grid.name).where(m.Grid.id == m.Household.grid_id).scalar_subquery()
                )
                key = grid.desc() if sort.descending else grid
                stmt = stmt.order_by(key, m.IntakeItem.received_at, m.IntakeItem.id)
            elif sort is not None and sort.key in ITEM_SORTS:
                stmt = stmt.order_by(*item_order(sort, plain=plain_numbers(s, sort)))
            else:
                stmt = stmt.order_by(m.IntakeItem.received_at, m.IntakeItem.id)
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
                rows.append(self._row(first_seq + offset, r, events.get(item_id, ()), today))
        return rows

    def stream(
        self,
        f: LedgerFilter,
        *,
        today: dt.date | None = None,
        chunk: int = DEFAULT_CHUNK,
        full: bool = False,
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
                yield self._row(seq, r, events.get(r.id, ()), today, full=full)
            if len(items) < chunk:
                return
            after = (items[-1].received_at, items[-1].id)

    def _row(
        self,
        seq: int,
        r: SqlRow[Any],
        events: Sequence[SqlRow[Any]],
        today: dt.date | None,
        *,
        full: bool = False,
    ) -> Row:
        # a Row has the attributes the core protocols name (selected under the same labels)
        item, history = cast(LedgerItem, r), cast(Sequence[LedgerEvent], events)
        row = item_row(seq, item, history, today, full=full)
        if not self.township:
            return row
        code = station_code_of(r.number)
        return with_station(row, self._stations.get(code, code))


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
