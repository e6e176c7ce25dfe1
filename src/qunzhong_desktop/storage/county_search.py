"""Residents found across a township's or the county's register, each with its station.

The register search of the station (:func:`.search_index.persons_matching`: FTS5 trigram on
SQLite, pg_trgm on PostgreSQL) finds the persons; each hit is named by the station whose
bundles brought its household (the row's owner, :mod:`.row_owners`), and the scope's
township or station narrows the owners' codes in SQL. No ID number and no phone in a hit:
they are shown, masked, only on the household's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select

from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.ledger_repo import station_labels
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.reads import read_session
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.register_search import limit_unseen
from qunzhong_desktop.storage.report_scope import Scope
from qunzhong_desktop.storage.search_index import persons_stream

DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class ResidentHit:
    """A resident found, with where the household is registered."""

    person_id: str
    name: str
    household_id: str
    household_number: str
    station: str  # the station's code ("" : unknown)
    station_name: str


def search_residents(
    db: Database, query: str, scope: Scope, *, limit: int = DEFAULT_LIMIT
) -> list[ResidentHit]:
    """Live residents matching ``query`` (name, pinyin initials, ID suffix, phone) in ``scope``.

    By station code, household number (natural order) and name; at most ``limit``: when more
    match, those the index gives first (see :mod:`.register_search`). An empty query finds
    nobody.
    """
    stream = persons_stream(db.dialect, query)
    if stream is None:
        return []
    found, params = stream
    # at most ``limit`` from the index in its own order (a LIMIT stops the walk: no sort of
    # every match), the scope's owners checked per candidate; then just those are sorted.
    # One read, never prepared, with a limit the planner does not see (as the register's
    # search: storage/register_search.py)
    streamed = found.subquery("streamed")
    person, household = m.Person, m.Household
    stmt = (
        select(person.id, person.name, household.id, household.number, SyncPeer.code)
        .select_from(streamed)
        .join(person, person.id == streamed.c.id)
        .join(household, household.id == streamed.c.household_id)
        .outerjoin(
            SyncRowVersion,
            and_(
                SyncRowVersion.table_name == household.__tablename__,
                SyncRowVersion.row_id == household.id,
            ),
        )
        .outerjoin(SyncPeer, SyncPeer.node_id == SyncRowVersion.owner)
        .limit(limit_unseen())
    )
    narrowed = scope.owners(SyncPeer.code)
    if narrowed is not None:
        stmt = stmt.where(narrowed)
    labels = station_labels(db)
    with read_session(db) as s:
        rows = list(s.execute(stmt, {**params, "take": max(limit, 0)}))
        rows.sort(key=lambda r: (r[4] or "", natural_key(r[3]), r[1], r[0]))
        local = load_station(s) if any(code is None for *_rest, code in rows) else None
    hits = []
    for person_id, name, household_id, number, owner in rows:
        code = owner or (local.code if local is not None else "")
        hits.append(
            ResidentHit(person_id, name, household_id, number, code, labels.get(code, code))
        )
    return hits
