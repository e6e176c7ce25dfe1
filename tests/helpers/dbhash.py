"""A hash of a full, ordered dump of a database: equal hashes, unchanged data."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def db_hash(path: Path) -> str:
    """SHA-256 of every table's rows in primary-key order, schema included."""
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
