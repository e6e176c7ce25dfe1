"""Migration 0019: residents by ID number alone, from a database at 0018 (issue 19).

The import's check for a resident another origin has registered too
(``apply_sql.shared_id_numbers``) seeks this index instead of scanning every resident.
"""

from __future__ import annotations

import sqlite3

from alembic import command

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage.store import Store

NAME = "ix_person_id_number_live"
OTHERS = (
    "SELECT p.id FROM person p JOIN person o ON o.id_number = p.id_number AND o.id != p.id"
    " AND o.origin != p.origin AND o.deleted_at IS NULL"
    " WHERE p.id IN ('a', 'b') AND p.deleted_at IS NULL AND p.id_number IS NOT NULL"
)


def plan(conn: sqlite3.Connection, sql: str) -> str:
    return " / ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))


def has_index(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (NAME,)).fetchone() is not None
    )


def test_upgrade_from_0018_seeks_residents_by_id_number(sqlite_store: Store) -> None:
    path = database_path(sqlite_store.home)
    sqlite_store.db.close()
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    with sqlite3.connect(path) as conn:
        at_head = conn.execute(triggers).fetchall()
        assert has_index(conn)
    command.downgrade(migrate.alembic_config(path), "0018")
    with sqlite3.connect(path) as conn:
        assert not has_index(conn)
        assert NAME not in plan(conn, OTHERS)
    assert migrate.upgrade(path) is not None
    with sqlite3.connect(path) as conn:
        assert has_index(conn)
        assert conn.execute(triggers).fetchall() == at_head  # no table copy: 0016's stay
        assert f"USING INDEX {NAME}" in plan(conn, OTHERS)
