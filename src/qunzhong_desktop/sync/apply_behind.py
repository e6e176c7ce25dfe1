"""Writing a chunk's rows on the server while the import checks the next chunk.

The import applies a bundle a chunk at a time: look up what the chunk touches, check and
decide every change (Python), then write the chunk's rows, row versions and received
changes (a COPY each on a server). Done in turn, the server waits for Python and Python
for the server, and a county import's time is nearly the sum of the two. On a server the
applier hands a chunk's writes to :class:`Behind`, whose thread runs them on the
transaction's own connection while the importing thread checks the next chunk.

Nothing else may use the connection while a write runs, and nothing may read before the
writes it depends on are in: every use of the connection waits for the writes in flight
first — SQLAlchemy's statements through a ``before_cursor_execute`` event on the
connection, the driver's own cursors through :func:`.apply_sql.settle`.

The next chunk's look-ups do not depend on the previous chunks' rows: the applier holds
those (their versions, ids and numbers) in memory (:meth:`.apply.Applier.apply`), and asks
the database only about rows this import has not written (.apply_reads). So they need not
wait for the writes either: they run on a second connection, :attr:`Behind.reader`, which
reads the database as it was when the import began — the import transaction's own snapshot
(``pg_export_snapshot``, imported by ``SET TRANSACTION SNAPSHOT`` into a read-only
``REPEATABLE READ`` transaction) — while the import's connection is busy writing. Without a
second connection (the server's connections all taken) they wait on the import's own, as
before. A read that must see this import's writes (one at a change's turn, the reference
checks at the end) uses the import's connection. A write that fails
(a unique violation) is raised at the next use of the connection, or when the import ends,
and the importer refuses the bundle as before; the transaction rolls back either way.

SQLite keeps writing in turn: there the database runs in the importing process, and a
second thread would only contend for it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from qunzhong_desktop.sync import apply_sql

log = logging.getLogger(__name__)


class Behind:
    """Runs one batch of writes at a time on the session's server connection, in a thread."""

    def __init__(self, s: Session) -> None:
        """Write behind on ``s``'s connection (PostgreSQL) until :meth:`close`."""
        self._conn = s.connection()
        self._raw = self._conn.connection.driver_connection
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="import-behind")
        self._pending: Future[None] | None = None
        self.reader = _reader_of(self._conn)
        self._conn.info[apply_sql.BEHIND] = self
        event.listen(self._conn, "before_cursor_execute", self._gate)

    def submit(self, writes: list[apply_sql.Write]) -> None:
        """Start ``writes`` once the writes before them are in."""
        self.wait()
        self._pending = self._pool.submit(apply_sql.write_on_server, self._raw, writes)

    def wait(self) -> None:
        """Return once the writes in flight are in; raise what they raised."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self, *, failed: bool) -> None:
        """Wait for the writes in flight and stop; their error is dropped if ``failed``."""
        try:
            if failed:
                if self._pending is not None:
                    wait([self._pending])
                self._pending = None
            else:
                self.wait()
        finally:
            self._pool.shutdown(wait=True)
            if self.reader is not None:
                self.reader.close()  # (its read-only transaction rolled back)
                self.reader = None
            if not self._conn.closed:  # (a rollback inside the block released it)
                event.remove(self._conn, "before_cursor_execute", self._gate)
                self._conn.info.pop(apply_sql.BEHIND, None)

    def _gate(self, *_: Any) -> None:
        self.wait()


def _reader_of(conn: Connection) -> Connection | None:
    """A second connection reading in ``conn``'s transaction's snapshot; None if refused."""
    snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
    if not re.fullmatch(r"[0-9A-Fa-f-]+", snapshot):  # (a utility statement: no parameters)
        raise ValueError(f"unexpected snapshot name {snapshot!r}")
    try:
        reader = conn.engine.connect()
    except DBAPIError as exc:  # e.g. max_connections reached: read on the import's own
        log.warning("import look-ups on the import's connection: %s", type(exc.orig).__name__)
        return None
    try:
        reader.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        reader.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
    except BaseException:
        reader.close()
        raise
    return reader


@contextmanager
def writing_behind(s: Session) -> Iterator[Behind | None]:
    """A :class:`Behind` on a server for the duration of the block; None on SQLite."""
    if s.get_bind().dialect.name != "postgresql":
        yield None
        return
    behind = Behind(s)
    failed = True
    try:
        yield behind
        failed = False
    finally:
        behind.close(failed=failed)
