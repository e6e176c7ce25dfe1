"""Migration 0018: the work lists' indexes, from a database at 0017 (issue 19)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from alembic import command

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.store import Store
from tests.helpers.intake_data import register

NAMES = (
    "ix_intake_item_received_number",
    "ix_intake_item_state_received",
    "ix_intake_item_state_due",
)
NEWEST = "SELECT id FROM intake_item{} ORDER BY received_at DESC, number DESC LIMIT 100 OFFSET 5"
OVERDUE = (
    "SELECT count(*) FROM intake_item WHERE state IN ('registered', 'in_progress')"
    " AND due_on < '2026-12-01'"
)


def plan(conn: sqlite3.Connection, sql: str) -> str:
    return " / ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))


def indexes(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    return {name for (name,) in rows if name in NAMES}


def test_upgrade_from_0017_makes_the_lists_index_walks(sqlite_store: Store) -> None:
    store = sqlite_store
    numbers = [
        register(store, dt.datetime(2026, 11, 2, 9) + dt.timedelta(hours=i)) for i in range(3)
    ]
    path = database_path(store.home)
    store.db.close()
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    with sqlite3.connect(path) as conn:
        at_head = conn.execute(triggers).fetchall()
        assert indexes(conn) == set(NAMES)
    command.downgrade(migrate.alembic_config(path), "0017")
    with sqlite3.connect(path) as conn:
        assert indexes(conn) == set()
        assert "TEMP B-TREE" in plan(conn, NEWEST.format(""))  # every match sorted
    assert migrate.upgrade(path) is not None  # copied first
    with sqlite3.connect(path) as conn:
        assert indexes(conn) == set(NAMES)
        assert conn.execute(triggers).fetchall() == at_head  # no table copy: 0013's stay
        newest = plan(conn, NEWEST.format(""))
        assert "ix_intake_item_received_number" in newest and "TEMP B-TREE" not in newest
        closed = plan(conn, NEWEST.format(" WHERE state = 'closed'"))
        assert "ix_intake_item_state_received" in closed and "TEMP B-TREE" not in closed
        assert "COVERING INDEX ix_intake_item_state_due" in plan(conn, OVERDUE)
    db = Database(path)
    try:
        assert [SqlItems(db).item(n).number for n in numbers] == numbers
    finally:
        db.close()
