"""A hash of a full, ordered dump of a database: equal hashes, unchanged data."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store


def db_hash(path: Path) -> str:
    """SHA-256 of every table's rows in primary-key order, schema included."""
    assert path.is_file(), f"no SQLite file at {path} (a server store? use unchanged_mark)"
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8"))
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        ):
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                digest.update(repr(row).encode("utf-8"))
        return digest.hexdigest()
    finally:
        conn.close()


def store_digest(store: Store) -> str:
    """Every row of every table of the models, in key order, on either engine."""
    found = hashlib.sha256()
    with store.db.session() as s:
        for table in sorted(m.Base.metadata.sorted_tables, key=lambda t: t.name):
            keys = list(table.primary_key.columns) or list(table.columns)
            found.update(repr(s.execute(select(table).order_by(*keys)).all()).encode())
    return found.hexdigest()


def unchanged_mark(store: Store) -> tuple[str, str]:
    """What must not change when an import is refused: on a server every model table, on
    SQLite the whole file's dump (schema, local tables, and every model table's rows with
    them: the models' digest read again through SQLAlchemy adds nothing there)."""
    if store.db.on_server:
        return store_digest(store), ""
    return "", db_hash(store.db.path)
