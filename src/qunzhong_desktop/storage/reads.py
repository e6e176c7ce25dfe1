"""One read on its own connection, with as few round trips to a server as it can take.

The county's search boxes and lists run one or a few SELECTs per call. Through a session on
a PostgreSQL server each call also paid ``BEGIN`` and ``COMMIT``/``ROLLBACK`` (each a wake-up
of the server's process: 2–4 ms on a busy machine), and psycopg prepares a statement on its
fifth run, after which PostgreSQL may serve every value from one generic plan (a search for
a common needle planned as if for a rare one: 0.2 s where its own plan takes 2 ms).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from qunzhong_desktop.storage.database import Database


@contextmanager
def reading(db: Database) -> Iterator[Connection]:
    """A connection for one read, in autocommit on a server and never prepared there.

    No ``BEGIN`` / ``ROLLBACK`` around the SELECTs, and each statement planned for its own
    parameters (``prepare_threshold`` is a client-side attribute: no ``SET`` is sent). On
    SQLite an ordinary connection (a read there costs no round trip).
    """
    with db.engine.connect() as conn:
        if not db.on_server:
            yield conn
            return
        raw = conn.connection.dbapi_connection
        threshold = raw.prepare_threshold  # type: ignore[union-attr]
        raw.prepare_threshold = None  # type: ignore[union-attr]
        try:
            yield conn.execution_options(isolation_level="AUTOCOMMIT")
        finally:
            raw.prepare_threshold = threshold  # type: ignore[union-attr]


@contextmanager
def read_session(db: Database) -> Iterator[Session]:
    """An ORM session over :func:`reading`'s connection (for helpers that take a session)."""
    with reading(db) as conn, Session(bind=conn) as session:
        session.info["user"] = db.user
        yield session
