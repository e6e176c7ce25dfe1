"""The engine (a SQLite file, or a PostgreSQL server) and the units of work.

A SQLite file runs with WAL, foreign keys and full sync.

Two kinds of unit of work: :meth:`Database.session` for reading (and for writes that do not
depend on what was read), and :meth:`Database.writing` for read-check-write work — a new
item number, a form saved over a row that may have changed, a bundle import. ``writing``
takes SQLite's write lock before its first read (``BEGIN IMMEDIATE``), so what it checks
cannot change before it writes, and two processes (the window and the CLI) queue instead
of failing or overwriting each other. On a PostgreSQL server (the county, issue 19) the same
promise comes from one transaction-scoped advisory lock that every ``writing`` takes first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, String, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import GenericFunction

from qunzhong_desktop.core.access import Operator
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage import changes
from qunzhong_desktop.storage.environment import explain
from qunzhong_desktop.storage.sqlite_files import dbapi, key_pragma

BUSY_MILLIS = 15_000
#: The key of the advisory lock every writing unit of work takes on a server ("qzwrite").
WRITE_LOCK = 0x717A7772697465


class NaturalKey(GenericFunction[str]):
    """``func.natural_key(text)``, the natural order of hand-typed numbers, in SQL.

    SQLite calls the Python function registered on each connection, PostgreSQL the PL/pgSQL
    one of migration 0015, compared byte-wise there (``COLLATE "C"``) as SQLite compares
    text, whatever the server's locale.
    """

    identifier = "natural_key"
    name = "natural_key"
    type = String()
    inherit_cache = True


@compiles(NaturalKey, "postgresql")
def _natural_key_on_server(element: NaturalKey, compiler: SQLCompiler, **kw: Any) -> str:
    return f'(natural_key({compiler.process(element.clauses, **kw)}) COLLATE "C")'


def is_server_url(target: str | Path) -> bool:
    """Whether ``target`` names a database server (``postgresql+psycopg://…``), not a file."""
    return isinstance(target, str) and target.startswith("postgresql")


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


def make_server_engine(url: str) -> Engine:
    """An engine on a PostgreSQL server (``postgresql+psycopg://user:pw@host/db``)."""
    return create_engine(url, future=True, pool_pre_ping=True)


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
    """One store: engine, sessions, and the change capture installed.

    ``path`` is the SQLite file in the data directory; with ``url`` the data lives on that
    PostgreSQL server instead and ``path`` only names the data directory (keys, backups
    folder, scratch files stay there).
    """

    def __init__(
        self, path: Path, *, user: str = "", key: bytes | None = None, url: str | None = None
    ) -> None:
        self.path = path
        self.url = url
        self.key = key  # the SQLCipher key of an encrypted store (None: plain SQLite)
        self.engine = make_server_engine(url) if url else make_engine(path, key)
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
            if self.on_server:
                session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            else:
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    @property
    def on_server(self) -> bool:
        """Whether the data lives on a PostgreSQL server rather than in a SQLite file."""
        return self.url is not None

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every connection (the file can then be copied or removed)."""
        self.engine.dispose()

    def reopen(self, key: bytes | None) -> None:
        """Open the file again, with ``key`` (after it was encrypted in place)."""
        self.engine.dispose()
        self.key = key
        self.engine = make_server_engine(self.url) if self.url else make_engine(self.path, key)
        changes.guard_raw_writes(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
