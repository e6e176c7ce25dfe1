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
connection, the driver's own cursors through :func:`.apply_sql.settle`. The next chunk's
look-ups do not depend on the previous chunk's rows: the applier holds those (their
versions, ids and numbers) in memory (:meth:`.apply.Applier.apply`). A write that fails
(a unique violation) is raised at the next use of the connection, or when the import ends,
and the importer refuses the bundle as before; the transaction rolls back either way.

SQLite keeps writing in turn: there the database runs in the importing process, and a
second thread would only contend for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from qunzhong_desktop.sync import apply_sql


class Behind:
    """Runs one batch of writes at a time on the session's server connection, in a thread."""

    def __init__(self, s: Session) -> None:
        """Write behind on ``s``'s connection (PostgreSQL) until :meth:`close`."""
        self._conn = s.connection()
        self._raw = self._conn.connection.driver_connection
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="import-behind")
        self._pending: Future[None] | None = None
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
            if not self._conn.closed:  # (a rollback inside the block released it)
                event.remove(self._conn, "before_cursor_execute", self._gate)
                self._conn.info.pop(apply_sql.BEHIND, None)

    def _gate(self, *_: Any) -> None:
        self.wait()


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
