"""The SQLite engine (WAL, foreign keys, full sync) and the units of work.

Two kinds of unit of work: :meth:`Database.session` for reading (and for writes that do not
depend on what was read), and :meth:`Database.writing` for read-check-write work — a new
item number, a form saved over a row that may have changed, a bundle import. ``writing``
takes SQLite's write lock before its first read (``BEGIN IMMEDIATE``), so what it checks
cannot change before it writes, and two processes (the window and the CLI) queue instead
of failing or overwriting each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qunzhong_desktop.core.access import Operator
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage import changes
from qunzhong_desktop.storage.environment import explain
from qunzhong_desktop.storage.sqlite_files import dbapi, key_pragma

BUSY_MILLIS = 15_000


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    # ORDER BY natural_key(household.number): "002" before "0019", 九组 before 十组
    dbapi_connection.create_function("natural_key", 1, natural_key, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # FULL: a commit is on disk when it returns; a power cut loses nothing committed.
    cursor.execute("PRAGMA synchronous=FULL")
    # a writer waits for another (the window, the CLI, an import) rather than failing
    cursor.execute(f"PRAGMA busy_timeout={BUSY_MILLIS}")
    cursor.close()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """An engine on a SQLite file with the project's pragmas (SQLCipher with ``key``)."""
    if key is None:
        engine = create_engine(f"sqlite:///{path}", future=True)
    else:
        engine = create_engine(f"sqlite:///{path}", future=True, module=dbapi(key))

        @event.listens_for(engine, "connect", insert=True)
        def _key(dbapi_connection: Any, _record: Any) -> None:  # before every other statement
            dbapi_connection.execute(key_pragma(key))

    event.listen(engine, "connect", _pragmas)
    return engine


class Database:
    """One SQLite store: engine, sessions, and the change capture installed."""

    def __init__(self, path: Path, *, user: str = "", key: bytes | None = None) -> None:
        self.path = path
        self.key = key  # the SQLCipher key of an encrypted store (None: plain SQLite)
        self.engine = make_engine(path, key)
        self.user = user
        # who is signed in: the write paths and the guarded reads check their role
        self.operator: Operator | None = None
        changes.install()
        changes.guard_raw_writes(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def actor(self) -> str:
        """Who a record names as its writer: the operator signed in, else the store's user."""
        return self.operator.name if self.operator is not None else self.user

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self._sessions()
        session.info["user"] = self.user
        try:
            yield session
            session.commit()
        except OperationalError as exc:  # disk full, read-only, locked: a sentence
            session.rollback()
            explained = explain(exc, self.path)
            if explained is None:
                raise
            raise explained from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work holding the write lock from the start (waits for another writer).

        Reads inside it see the latest committed data and nothing else can write until it
        commits or rolls back: a check made here still holds when the write lands.
        """
        with self.session() as session:
            session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    def close(self) -> None:
        """Release every connection (the file can then be copied or removed)."""
        self.engine.dispose()

    def reopen(self, key: bytes | None) -> None:
        """Open the file again, with ``key`` (after it was encrypted in place)."""
        self.engine.dispose()
        self.key = key
        self.engine = make_engine(self.path, key)
        changes.guard_raw_writes(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
