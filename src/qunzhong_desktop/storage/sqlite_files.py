"""SQLite files, plain or encrypted with SQLCipher (``sqlcipher3``, SQLCipher 4).

A data folder's store is either an ordinary SQLite file (tests, and users who choose it) or
an SQLCipher file opened with a 32-byte raw key (:mod:`.keyring` keeps the key, wrapped for
each operator). Every connection to the file — the engine, the migrations, the copies made
before them — goes through :func:`connect`, so the key is given as the first statement and
nothing reads the file without it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

KEY_BYTES = 32
PLAIN_HEADER = b"SQLite format 3\x00"
#: What a failing SQLite call raises, whichever module made the connection.
ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def key_pragma(key: bytes) -> str:
    """``PRAGMA key`` with a raw key: no key derivation, the key is already random."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def dbapi(key: bytes | None) -> Any:
    """The DB-API module for a file: ``sqlite3``, or ``sqlcipher3`` when it has a key."""
    return sqlite3 if key is None else sqlcipher3


def connect(path: Path, key: bytes | None = None) -> Any:
    """A DB-API connection to ``path``, keyed first when the file is encrypted."""
    connection = dbapi(key).connect(str(path))
    if key is not None:
        connection.execute(key_pragma(key))
    return connection


def is_encrypted(path: Path) -> bool:
    """Whether a (non-empty) file is not plain SQLite: encrypted, or not a database at all."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != PLAIN_HEADER


def encrypt_copy(plain: Path, out: Path, key: bytes) -> None:
    """Write an encrypted copy of a plain database (SQLCipher's ``sqlcipher_export``).

    ``out`` must not exist; it is made owner-only (0600) before anything is written to it,
    and it is complete and synced to disk when this returns.
    """
    os.close(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    connection = sqlcipher3.connect(str(plain))
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(out),))
        connection.execute("SELECT sqlcipher_export('encrypted')")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        connection.execute("DETACH DATABASE encrypted")
    finally:
        connection.close()
    with open(out, "rb+") as f:
        os.fsync(f.fileno())
