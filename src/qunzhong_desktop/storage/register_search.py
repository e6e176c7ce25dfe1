"""The register's search boxes: the first N persons or households, found without sorting all.

A search for a common needle (a surname, two initials) matches tens of thousands of persons
at a county. The windows show a few: the requester picker 30 persons, the register page a
few hundred households. So these take at most N + 1 persons from the search index in the
index's own order (:func:`.search_index.persons_stream`: no ORDER BY over every match; a
LIMIT stops the walk), then read and sort just those, and say whether there were more than
N. Which rows match is the search's rule, unchanged; when there are more than N, the N shown
are the first the index gives (sorted among themselves), not the first N in 户号 order —
the window says 超过 N 条 and asks for more characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, select

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.reads import reading
from qunzhong_desktop.storage.search_index import persons_stream

#: How many households the register page lists for a typed search before it says 超过.
HOUSEHOLD_LIMIT = 200
#: How many persons a search box lists (the requester picker).
PERSON_LIMIT = 30


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A person found by :meth:`SqlRegister.search_persons` (e.g. to pick a requester)."""

    id: str
    name: str
    id_masked: str
    phone: str
    household_number: str
    household_id: str


@dataclass(frozen=True, slots=True)
class PersonSearch:
    """The persons found (at most the limit, by 户号 then name) and whether there were more."""

    hits: list[PersonHit]
    more: bool


@dataclass(frozen=True, slots=True)
class HouseholdOrder:
    """The register page's sort: its key on ``household`` and whether it is natural.

    The households come by the key (going up: none first; down: none last), then 户号 in
    natural order, then 户号 as typed — the order ``register_repo._household_order`` gives in
    SQL. ``natural``: the key compares as ``natural_key(key)``.
    """

    key: Any
    natural: bool
    descending: bool
    #: the sort's name (``HOUSEHOLD_SORTS``): the statement is kept per name ("" for none)
    name: str = ""


@dataclass(frozen=True, slots=True)
class HouseholdSearch:
    """The household ids found (at most the limit, in the sort) and whether there were more."""

    ids: list[str]
    more: bool


def find_persons(db: Database, query: str, limit: int = PERSON_LIMIT) -> PersonSearch:
    """Live persons of live households matching ``query``: at most ``limit``, and ``more``.

    An empty query finds nobody. The hits come by 户号 (natural order), then name. One
    statement: the first ``limit + 1`` of the stream joined to their person and household.
    """
    stream = persons_stream(db.dialect, query)
    limit = max(limit, 0)
    if stream is None:
        return PersonSearch([], False)
    streamed, params = stream
    with reading(db) as conn:
        rows = conn.execute(_hits_of(streamed), {**params, "take": limit + 1}).all()
    hits = [
        PersonHit(pid, name, citizen_id.mask(id_number), phone or home or "", number, hid)
        for pid, name, id_number, phone, home, number, hid in rows
    ]
    hits.sort(key=lambda h: (natural_key(h.household_number), h.name, h.id))
    return PersonSearch(hits[:limit], len(rows) > limit)


@lru_cache(maxsize=16)
def _hits_of(streamed: Select[Any]) -> Select[Any]:
    """The first ``:take`` persons of ``streamed`` with their household (one per shape)."""
    person, household = m.Person, m.Household
    found = streamed.limit(limit_unseen()).subquery("found")
    stmt = (
        select(
            person.id,
            person.name,
            person.id_number,
            person.phone,
            household.phone,
            household.number,
            household.id,
        )
        .join(found, found.c.id == person.id)
        .join(household, household.id == person.household_id)
    )
    return stmt  # type: ignore[return-value]


def flagged_households() -> Select[Any]:
    """Household ids of live persons with a 需核对 flag."""
    return select(m.Person.household_id).where(
        m.Person.deleted_at.is_(None), func.json_array_length(m.Person.flags) > 0
    )


def find_households(
    db: Database,
    query: str,
    filters: list[ColumnElement[bool]],
    order: HouseholdOrder,
    limit: int = HOUSEHOLD_LIMIT,
) -> HouseholdSearch | None:
    """The households of the persons matching ``query``: at most ``limit``, and ``more``.

    ``filters``: the page's other conditions on ``household`` (grid, tag, 需核对); ``order``
    the page's sort. None for an empty query (the caller lists every household). One
    statement takes the first persons of the stream (half as many again as the households
    wanted) and gives their households with the sort's keys; only when those persons give
    too few households and the stream has more is it asked again, for as many more as the
    rate of households per person asks for.
    """
    # the 户号 order without filters: on a server the 户号 comes with each person
    stream = persons_stream(db.dialect, query, numbered=order.name == "number" and not filters)
    if stream is None:
        return None
    streamed, params = stream
    limit = max(limit, 0)
    stmt = None if filters else _HOUSEHOLDS.get((streamed, order.name))
    if stmt is None:
        stmt = _households_of(streamed, filters, order)
        if not filters and order.name:  # the search box's, once per shape of needle and sort
            _HOUSEHOLDS[streamed, order.name] = stmt
    wanted = limit + 1
    take = wanted + wanted // 2 + 8
    with reading(db) as conn:
        while True:
            found = conn.execute(stmt, {**params, "take": take}).all()
            rows, persons = [row[:4] for row in found], int(found[0][4]) if found else 0
            if len(rows) >= wanted or persons < take:
                break
            # the persons taken gave too few households (two or three members of each hold
            # the surname, the 户号 or its phone): take as many more as that rate asks for
            per_household = persons / max(len(rows), 1)
            take = int(take + (wanted - len(rows)) * per_household * 1.5) + 8
            take = take if take <= _WHOLE else _ALL
    return HouseholdSearch([row[0] for row in _in_order(rows, order)][:limit], len(rows) > limit)


#: Past this many persons the stream is read to its end (:data:`_ALL`).
_WHOLE, _ALL = 50_000, 2**62
#: :func:`_households_of` without filters, by stream and sort (a few shapes × seven sorts).
_HOUSEHOLDS: dict[tuple[Select[Any], str], Select[Any]] = {}


def limit_unseen() -> Any:
    """``LIMIT (SELECT :take)``: a limit the planner does not see.

    With a plain ``LIMIT 31`` PostgreSQL, which overrates how many persons hold a needle of
    digits (8,148 for ``8301`` where 850 do), found it cheaper to walk ``person`` in
    ``household_id`` order and merge-join the households than to use the search index —
    15,000 rows read for 31 (29 ms instead of 3). A limit it cannot read at planning is taken
    as a tenth of the rows, for which the index is the cheaper plan; it still stops at
    ``:take`` rows.
    """
    return select(bindparam("take", type_=Integer)).scalar_subquery()


def _households_of(
    streamed: Select[Any], filters: list[ColumnElement[bool]], order: HouseholdOrder
) -> Select[Any]:
    """The households of the first ``:take`` persons of ``streamed`` holding ``filters``.

    Each as (id, 户号, the sort's key or its rank, the 户号's rank, how many persons were
    taken).
    """
    household_id = streamed.selected_columns[1]
    numbered = len(streamed.selected_columns) > 2  # the 户号 with each person (a server)
    first = streamed.with_only_columns(household_id.label("hid"), *streamed.selected_columns[2:])
    if filters:  # the live household is checked by the stream already
        first = first.where(
            select(m.Household.id).where(m.Household.id == household_id, *filters).exists()
        )
    taken = first.limit(limit_unseen()).cte("taken").prefix_with("MATERIALIZED")
    count = select(func.count()).select_from(taken).scalar_subquery()
    if numbered:  # the 户号 order: nothing more to read from household
        found = select(taken.c.hid, taken.c.number).distinct().subquery("found")
        by_number: Select[Any] = select(
            found.c.hid,
            found.c.number,
            found.c.number,
            func.dense_rank().over(order_by=found.c.number),
            count,
        )
        return by_number
    household = m.Household
    number_rank = func.dense_rank().over(order_by=household.number)
    key = order.key
    if not order.natural:
        key = func.dense_rank().over(order_by=key.asc().nulls_first())
    stmt: Select[Any] = select(household.id, household.number, key, number_rank, count).where(
        household.id.in_(select(taken.c.hid))
    )
    return stmt


def _in_order(rows: list[Any], order: HouseholdOrder) -> list[Any]:
    """The households' rows in the page's sort.

    The same order as ``ORDER BY`` the key, ``natural_key(number)``, ``number`` in SQL, but
    the natural keys are made here (core.sorting.natural_key, the rule the SQL function
    follows): on PostgreSQL the PL/pgSQL function costs ~0.1 ms a row, most of a search's time.
    A key that is not natural, and the 户号 as typed, are ranked by the database (its own
    collation and NULL rule, as the SQL order has them).
    """

    def sort_key(row: Any) -> tuple[Any, str, int]:
        _id, number, value, rank = row
        number_key = natural_key(number)
        if order.natural:  # the 户号 itself in the default sort: its key made once
            value = number_key if value == number else natural_key(value)
        return (value, number_key, rank)

    return sorted(rows, key=sort_key, reverse=order.descending)
