"""The import's look-ups on a server probe by index whatever the statistics (issue 19).

A county's first imports run before autovacuum has analysed anything (and a county with
autovacuum off never does): the planner then took the membership tests of
``sync/apply_sql.py`` for joins cheaper done by hashing a sequential scan of every resident,
0.2–0.5 s a query at 440,000 residents (docs/county-import.md, "Fifth round"). Each look-up
is asked here on tables never analysed and again after ``ANALYZE``; every query the driver
ran is explained with its own values and must reach the large tables by index only, and
the answers must be right (a dangling reference, a foreign owner, a shared ID number, a
taken item number planted among many rows).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from qunzhong_desktop.sync import apply_sql
from tests.helpers.backends import EMPTY
from tests.helpers.postgres import Cluster

pytestmark = pytest.mark.pg

HOUSEHOLDS, PEOPLE, ITEMS = 2_000, 6_000, 1_500
OWNERS = "SELECT row_id, owner FROM sync_row_version WHERE table_name = 'person'"
LARGE = ("person", "household", "intake_item", "sync_row_version")

FILL = f"""
INSERT INTO household (id, number, address, phone, tags, note, created_at, updated_at, origin)
SELECT 'h' || g, lpad(g::text, 5, '0'), '', '', '[]', '', now(), now(), 'st' || mod(g, 4)
FROM generate_series(1, {HOUSEHOLDS}) g;
INSERT INTO person (id, household_id, position, name, relation, gender, phone, tags, flags,
                    note, search_text, id_number, created_at, updated_at, origin)
SELECT 'p' || g, 'h' || (mod(g, {HOUSEHOLDS}) + 1), 1, '居民' || g, '户主', '男', '', '[]', '[]',
       '', 'jm 居民' || g, 'ID' || g, now(), now(), 'st' || mod(mod(g, {HOUSEHOLDS}) + 1, 4)
FROM generate_series(1, {PEOPLE}) g;
INSERT INTO intake_item (id, number, year, sequence, received_at, channel, requester_name,
                         requester_phone, domain, grade, item_type, content, handler,
                         promised_days, query_code, state, created_at, updated_at)
SELECT 'i' || g, 'N-' || g, 2026, g, now(), '来访', '', '', '社会保障', 'C', '即办件', '',
       '', 5, 'q' || g, 'registered', now(), now()
FROM generate_series(1, {ITEMS}) g;
INSERT INTO sync_row_version (table_name, row_id, owner, hlc, epoch)
SELECT 'household', id, origin, '', 1 FROM household;
INSERT INTO sync_row_version (table_name, row_id, owner, hlc, epoch)
SELECT 'person', id, origin, '', 1 FROM person;
-- planted: a resident of st1 in a household of st2 (a foreign reference) and one ID number
-- registered by two stations (the test adds a household that is gone)
UPDATE person SET household_id = 'h2', origin = 'st1' WHERE id = 'p7';
UPDATE sync_row_version SET owner = 'st1' WHERE table_name = 'person' AND row_id = 'p7';
UPDATE person SET id_number = 'ID13', origin = 'st3' WHERE id = 'p5013';
"""


@pytest.fixture
def county(pg_cluster: Cluster, request: pytest.FixtureRequest) -> Iterator[str]:
    """A migrated database with thousands of rows and no statistics."""
    request.getfixturevalue("_pg_templates")
    url = pg_cluster.create_database(template=EMPTY)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql(FILL)
    engine.dispose()
    yield url


def _recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """The SELECTs the driver runs from now on, with their values."""
    ran: list[tuple[str, Any]] = []
    execute = psycopg.Cursor.execute

    def recording(self: psycopg.Cursor[Any], query: Any, params: Any = None, **kw: Any) -> Any:
        if isinstance(query, str) and query.lstrip().upper().startswith("SELECT"):
            ran.append((query, params))
        return execute(self, query, params, **kw)

    monkeypatch.setattr(psycopg.Cursor, "execute", recording)
    return ran


def _plan(s: Session, query: str, params: Any) -> str:
    raw: Any = s.connection().connection.driver_connection
    with raw.cursor() as cur:
        cur.execute("EXPLAIN " + query, params, prepare=False)
        return "\n".join(row[0] for row in cur.fetchall())


@pytest.mark.parametrize("analysed", [False, True], ids=["never-analysed", "analysed"])
def test_the_imports_look_ups_probe_by_index_and_find_what_is_planted(
    county: str, analysed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine(county)
    try:
        with Session(engine) as s:
            if analysed:
                s.execute(text("ANALYZE"))
            # as inside an import: references are checked by the importer, not yet by the FKs
            apply_sql.defer_references(s)
            s.execute(text("UPDATE person SET household_id = 'gone' WHERE id = 'p11'"))
            people = [f"p{g}" for g in range(1, PEOPLE + 1)]
            asked = [*people, "absent"]
            owner: dict[str, str] = {r[0]: r[1] for r in s.execute(text(OWNERS))}
            ran = _recorded(monkeypatch)

            assert apply_sql.present_ids(s, "person", asked) == set(people)
            versions = apply_sql.row_versions(s, "person", asked)
            assert {(v[0], v[1]) for v in versions} == set(owner.items())
            assert apply_sql.dangling_rows(s, "person", "household_id", "household", asked) == [
                "p11"
            ]
            pairs = [(p, owner[p]) for p in people]
            foreign = apply_sql.foreign_rows_of(s, "person", "household_id", "household", pairs)
            assert sorted(foreign) == ["p11", "p7"]  # another's household; one that is gone
            shared = apply_sql.shared_id_numbers(s, asked)
            assert sorted((r[0], r[1], r[2]) for r in shared) == [
                ("p13", "ID13", "居民5013"),
                ("p5013", "ID13", "居民13"),
            ]
            numbers = [f"N-{g}" for g in range(1, ITEMS + 1)]
            taken = apply_sql.items_with_numbers(s, [*numbers, "N-0"])
            assert taken == {"N-0": None} | {f"N-{g}": f"i{g}" for g in range(1, ITEMS + 1)}

            assert len(ran) == 6  # one query a look-up
            for query, params in ran:
                plan = _plan(s, query, params)
                for table in LARGE:
                    assert f"Seq Scan on {table}" not in plan, plan[:2000]
                assert "Hash" not in plan, plan[:2000]
            s.rollback()
    finally:
        engine.dispose()
