"""The register's search boxes: the first N persons or households, found without sorting all.

A search for a common needle (a surname, two initials) matches tens of thousands of persons
at a county. The windows show a few: the requester picker 30 persons, the register page a
few hundred households. So these take at most N + 1 persons from the search index in the
index's own order (:func:`.search_index.persons_streamed`: no ORDER BY over every match; a
LIMIT stops the walk), then read and sort just those, and say whether there were more than
N. Which rows match is the search's rule, unchanged; when there are more than N, the N shown
are the first the index gives (sorted among themselves), not the first N in 户号 order —
the window says 超过 N 条 and asks for more characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, any_, bindparam, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.search_index import dialect_of, persons_streamed

#: How many households the register page lists for a typed search before it says 超过.
HOUSEHOLD_LIMIT = 200
#: How many persons a search box lists (the requester picker).
PERSON_LIMIT = 30
#: Persons read from the index at a time while households are collected.
_BATCH = 256


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


@dataclass(frozen=True, slots=True)
class HouseholdSearch:
    """The household ids found (at most the limit, in the sort) and whether there were more."""

    ids: list[str]
    more: bool


def _among(column: Any, ids: list[str], dialect: str) -> ColumnElement[bool]:
    """``column IN ids``: on PostgreSQL one array parameter (``= ANY``).

    One parameter per id costs several ms to bind and plan there for a few hundred ids.
    """
    if dialect == "postgresql":
        among: ColumnElement[bool] = column == any_(
            bindparam("ids", ids, type_=postgresql.ARRAY(String))
        )
        return among
    listed: ColumnElement[bool] = column.in_(ids)
    return listed


def find_persons(db: Database, query: str, limit: int = PERSON_LIMIT) -> PersonSearch:
    """Live persons of live households matching ``query``: at most ``limit``, and ``more``.

    An empty query finds nobody. The hits come by 户号 (natural order), then name.
    """
    streamed = persons_streamed(db.dialect, query)
    limit = max(limit, 0)
    if streamed is None:
        return PersonSearch([], False)
    person, household = m.Person, m.Household
    with db.session() as s:
        ids = [row[0] for row in s.execute(streamed.limit(limit + 1))]
        rows = s.execute(
            select(
                person.id,
                person.name,
                person.id_number,
                person.phone,
                household.phone,
                household.number,
                household.id,
            )
            .join(household, household.id == person.household_id)
            .where(_among(person.id, ids, db.dialect))
        ).all()
    hits = [
        PersonHit(pid, name, citizen_id.mask(id_number), phone or home or "", number, hid)
        for pid, name, id_number, phone, home, number, hid in rows
    ]
    hits.sort(key=lambda h: (natural_key(h.household_number), h.name, h.id))
    return PersonSearch(hits[:limit], len(ids) > limit)


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
    the page's sort. None for an empty query (the caller lists every household). The persons
    are read from the index a batch at a time until ``limit + 1`` households are found.
    """
    streamed = persons_streamed(db.dialect, query)
    if streamed is None:
        return None
    limit = max(limit, 0)
    stmt = streamed
    if filters:  # the live household is checked by the stream already
        household_id = streamed.selected_columns[1]
        stmt = stmt.where(
            select(m.Household.id).where(m.Household.id == household_id, *filters).exists()
        )
    found: dict[str, None] = {}
    with db.session() as s:
        result = s.execute(stmt.execution_options(yield_per=_BATCH))
        for _id, household_id in result:
            found[household_id] = None
            if len(found) > limit:
                break
        result.close()
        ids = list(found)
        ordered = _in_order(s, ids, order)
    return HouseholdSearch(ordered[:limit], len(ids) > limit)


def _in_order(s: Session, ids: list[str], order: HouseholdOrder) -> list[str]:
    """``ids`` (a few hundred households) in the page's sort.

    The same order as ``ORDER BY`` the key, ``natural_key(number)``, ``number`` in SQL, but
    the natural keys are made here (core.sorting.natural_key, the rule the SQL function
    follows): on PostgreSQL the PL/pgSQL function costs ~0.1 ms a row, most of a search's time.
    A key that is not natural, and the 户号 as typed, are ranked by the database (its own
    collation and NULL rule, as the SQL order has them).
    """
    if not ids:
        return []
    household = m.Household
    number_rank = func.dense_rank().over(order_by=household.number)
    key = order.key
    if not order.natural:
        key = func.dense_rank().over(order_by=key.asc().nulls_first())
    rows = list(
        s.execute(
            select(household.id, household.number, key, number_rank).where(
                _among(household.id, ids, dialect_of(s))
            )
        )
    )

    def sort_key(row: Any) -> tuple[Any, str, int]:
        _id, number, value, rank = row
        return (natural_key(value) if order.natural else value, natural_key(number), rank)

    rows.sort(key=sort_key, reverse=order.descending)
    return [row[0] for row in rows]
