"""The work lists of intake items, read a page at a time (station, township and county).

A list of 450,000 items (a county; a township of 30 stations reaches 150,000) must show its
first rows without reading the id of every match: :meth:`ItemLists.count` counts the
matches on its own, :meth:`ItemLists.page_ids` reads one window of the ordered list
(``LIMIT``/``OFFSET``) and :meth:`ItemLists.rows` turns a window into list rows. The default
order (newest first: ``received_at``, then ``number``) walks an index (migration 0018), and
so does every order of ``ITEM_SORTS`` (0023; 编号 on a server by 0021, on SQLite by 0024
when every number has the program's shape, else a sort by its Python ``natural_key``).
:meth:`ItemLists.search_ids` (every id, in order) stays for the short lists and the CLI. Every read goes through
:func:`.reads.read_session` (on a server: autocommit, never prepared).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from qunzhong_desktop.core.intake.clock import Calendar, Urgency, urgency
from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.core.intake.worklists import FIGURE_VIEWS, figure_filter
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.item_order import (
    ITEM_SORTS,
    STATION_CODE_DIGITS,
    item_order,
    plain_numbers,
)
from qunzhong_desktop.storage.reads import read_session
from qunzhong_desktop.storage.search_index import item_text_condition


class ItemLists:
    """The reading side of :class:`.SqlItems`: filters, orders, counts and pages."""

    db: Database

    def search_ids(
        self, filters: ItemFilter, *, today: dt.date | None = None, sort: Sort | None = None
    ) -> list[str]:
        """Ids of every item a work list shows, in its order (short lists; see :meth:`page_ids`).

        ``sort``: one of :data:`ITEM_SORTS`, in the database; by default the filter's order
        of receipt (newest first unless ``filters.newest_first`` is off).
        """
        today = today or dt.date.today()
        with read_session(self.db) as s:
            stmt = self._filtered(
                select(m.IntakeItem.id),
                filters,
                load_calendar(s),
                today,
                sort=sort,
                plain=plain_numbers(s, sort),
            )
            return list(s.scalars(stmt))

    def page_ids(
        self,
        filters: ItemFilter,
        *,
        offset: int,
        limit: int,
        today: dt.date | None = None,
        sort: Sort | None = None,
    ) -> list[str]:
        """The ids of rows ``offset`` … ``offset + limit - 1`` of a work list, in its order.

        The same rows in the same order as that slice of :meth:`search_ids` (the order ends
        on the unique number, so windows neither overlap nor skip), without reading the rest.
        """
        if offset < 0 or limit < 0:
            raise ValueError("offset and limit are counts of rows")
        today = today or dt.date.today()
        with read_session(self.db) as s:
            stmt = self._filtered(
                select(m.IntakeItem.id),
                filters,
                _calendar(s, filters),
                today,
                sort=sort,
                plain=plain_numbers(s, sort),
            )
            return list(s.scalars(stmt.offset(offset).limit(limit)))

    def count(self, filters: ItemFilter, *, today: dt.date | None = None) -> int:
        """How many items a work list shows (``len(search_ids(…))`` without reading them)."""
        today = today or dt.date.today()
        with read_session(self.db) as s:
            stmt = self._filtered(
                select(func.count()).select_from(m.IntakeItem),
                filters,
                _calendar(s, filters),
                today,
                ordered=False,
            )
            return int(s.scalar(stmt) or 0)

    def rows(self, ids: Sequence[str], *, today: dt.date | None = None) -> list[ItemRow]:
        """List rows for the given ids, in that order (ids not found are left out)."""
        today = today or dt.date.today()
        if not ids:
            return []
        item = m.IntakeItem
        columns = [getattr(item, name) for name in _ROW_COLUMNS]
        with read_session(self.db) as s:
            calendar = load_calendar(s)
            # the list's columns as plain rows (not ORM objects: a third of a page's time)
            found = {r.id: r for r in s.execute(select(*columns).where(item.id.in_(ids)))}
            return [_row(found[i], calendar, today) for i in ids if i in found]

    def counts(self, *, today: dt.date | None = None) -> dict[str, int]:
        """Today's figures for the start page (工作台)."""
        today = today or dt.date.today()
        received = ItemFilter(received_from=today, received_to=today)
        figures = {key: figure_filter(key, received) for key in FIGURE_VIEWS}
        with read_session(self.db) as s:
            calendar = load_calendar(s)
            result: dict[str, int] = {}
            for key, filters in figures.items():
                stmt = self._filtered(
                    select(func.count(m.IntakeItem.id)), filters, calendar, today, ordered=False
                )
                result[key] = int(s.scalar(stmt) or 0)
            return result

    def counts_by_station(
        self, filters: ItemFilter, *, today: dt.date | None = None
    ) -> dict[str, int]:
        """How many items of each station (code: its numbers' prefix) a filter lists."""
        today = today or dt.date.today()
        station = func.substr(m.IntakeItem.number, 1, STATION_CODE_DIGITS)
        with read_session(self.db) as s:
            stmt = self._filtered(
                select(station, func.count(m.IntakeItem.id)),
                filters,
                load_calendar(s),
                today,
                ordered=False,
            ).group_by(station)
            return {str(code): int(n) for code, n in s.execute(stmt)}

    # helpers ------------------------------------------------------------------------------
    def _filtered(
        self,
        stmt: Select[Any],
        f: ItemFilter,
        calendar: Calendar | None,
        today: dt.date,
        *,
        ordered: bool = True,
        sort: Sort | None = None,
        plain: bool = False,
    ) -> Select[Any]:
        item = m.IntakeItem
        running = [state.value for state in CLOCK_RUNNING]
        if f.states:
            stmt = stmt.where(item.state.in_([state.value for state in f.states]))
        if f.overdue:
            stmt = stmt.where(item.state.in_(running), item.due_on < today)
        if f.due_soon:
            assert calendar is not None  # read for this filter (_calendar)
            stmt = stmt.where(
                item.state.in_(running),
                item.due_on >= today,
                item.due_on <= calendar.add_workdays(today, 1),
            )
        for column, value in (
            (item.handler, f.handler),
            (item.domain, f.domain),
            (item.grade, f.grade),
            (item.channel, f.channel),
        ):
            if value:
                stmt = stmt.where(column == value)
        if f.station_code:
            # a prefix match ("{code}-…") as a range, so the unique index on number serves it
            stmt = stmt.where(
                item.number >= f"{f.station_code}-", item.number < f"{f.station_code}."
            )
        elif f.township_code:  # at the county: its stations' numbers, one range
            stmt = stmt.where(item.number >= f.township_code, item.number < f"{f.township_code}:")
        if f.unit:
            stmt = stmt.where(item.id.in_(self._last_assigned_to(f.unit)))
        if f.grid_id:
            stmt = stmt.join(m.Household, m.Household.id == item.requester_household_id).where(
                m.Household.grid_id == f.grid_id
            )
        if f.received_from:
            stmt = stmt.where(item.received_at >= dt.datetime.combine(f.received_from, dt.time()))
        if f.received_to:
            end = dt.datetime.combine(f.received_to + dt.timedelta(days=1), dt.time())
            stmt = stmt.where(item.received_at < end)
        # number, requester or content holds the text (the search index: search_index.py)
        matches = item_text_condition(self.db.dialect, f.text)
        if matches is not None:
            stmt = stmt.where(matches)
        if ordered and sort is not None and sort.key in ITEM_SORTS:
            stmt = stmt.order_by(*item_order(sort, plain=plain))
        elif ordered:
            order = item.received_at.desc() if f.newest_first else item.received_at.asc()
            stmt = stmt.order_by(order, item.number.desc())
        return stmt

    @staticmethod
    def _last_assigned_to(unit: str) -> Select[Any]:
        """Ids of the items whose last assignment went to ``unit``.

        One pass over the assignment events (about 70 ms for 100,000 items), not a lookup per
        item (about 250 ms): the unit lives in the event's JSON data (``data["unit"]``:
        ``json_extract`` on SQLite, ``->>`` on PostgreSQL).
        """
        event = m.ItemEvent
        later = aliased(m.ItemEvent)
        assigned = State.ASSIGNED.value
        last = (
            select(func.max(later.position))
            .where(later.item_id == event.item_id, later.to_state == assigned)
            .scalar_subquery()
        )
        return select(event.item_id).where(
            event.to_state == assigned,
            event.data["unit"].as_string() == unit,
            event.position == last,
        )


#: The columns of ``intake_item`` a list row shows.
_ROW_COLUMNS = (
    "id", "number", "received_at", "requester_name", "channel", "domain", "grade",
    "item_type", "content", "handler", "state", "due_on",
)  # fmt: skip


def _calendar(s: Session, f: ItemFilter) -> Calendar | None:
    """The working-day calendar, read only for the filter that needs it (due soon)."""
    return load_calendar(s) if f.due_soon else None


def _row(r: Any, calendar: Calendar, today: dt.date) -> ItemRow:
    state = State(r.state)
    level = urgency(state, r.due_on, calendar, today)
    late = (
        calendar.workdays_between(r.due_on, today)
        if level is Urgency.OVERDUE and r.due_on is not None
        else 0
    )
    return ItemRow(
        id=r.id,
        number=r.number,
        received_at=r.received_at,
        requester_name=r.requester_name,
        channel=r.channel,
        domain=r.domain,
        grade=r.grade,
        item_type=r.item_type,
        content=r.content,
        handler=r.handler,
        state=state,
        due_on=r.due_on,
        urgency=level,
        overdue_days=max(late, 1) if level is Urgency.OVERDUE else 0,
    )
