"""Reading a verified bundle's changes a chunk ahead of the import, fields converted.

The import applies a bundle a chunk at a time; each chunk ends with the database writing it
(a COPY on a server), during which the importing thread only waits. A reader thread reads
the next chunk meanwhile and converts each change's fields (:func:`.schema.convert`, the
largest share of the import's own work), so that work overlaps the database's.

Strictness is unchanged: the conversion is a pure function of the table, the fields and
whether the change is an insert, so a value prepared here is exactly the one the applier
would make; a change whose conversion fails gets none, and the applier converts it again
itself, at its turn, raising the very refusal (with its line number) it always raised. The
applier still runs every check, in order, before using a prepared value.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from typing import Any

from qunzhong_desktop.sync import schema

#: Chunks read ahead at most (memory: two chunks of changes and their values).
AHEAD = 2


def prepared(change: dict[str, Any]) -> dict[str, Any] | None:
    """``change``'s converted fields, or None when they do not convert (or it is odd)."""
    fields, table = change.get("fields"), change.get("table_name")
    if not isinstance(fields, dict) or not isinstance(table, str) or table not in _TABLES:
        return None
    try:
        return schema.convert(table, fields, number=0, full=change.get("op") == "insert")
    except Exception:  # the applier converts it again, and refuses it at its turn
        return None


_TABLES = schema.table_names("station") | schema.table_names("township-up")


class Ahead:
    """Chunks of ``changes`` with their prepared values, read by a thread.

    Use as a context manager: leaving it stops the thread, waits for it and closes
    ``changes`` (the changes' temp file may be removed only then).
    """

    def __init__(self, changes: Iterator[dict[str, Any]], size: int) -> None:
        self._changes = changes
        self._size = size
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="import-ahead", daemon=True)

    def __enter__(self) -> Ahead:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):  # unblock a reader waiting to put
                self._queue.get(timeout=0.05)
        self._thread.join()
        # the reader has stopped: close the changes' generator here, so that its temp file
        # is closed before the bundle's temp folder is removed (Windows refuses to remove
        # an open file); a refusal's traceback would otherwise keep it open
        close = getattr(self._changes, "close", None)
        if close is not None:
            close()

    def __iter__(self) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any] | None]]]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _read(self) -> None:
        try:
            chunk: list[dict[str, Any]] = []
            values: list[dict[str, Any] | None] = []
            for change in self._changes:
                chunk.append(change)
                values.append(prepared(change))
                if len(chunk) >= self._size:
                    if not self._put((chunk, values)):
                        return
                    chunk, values = [], []
                if self._stop.is_set():
                    return
            if chunk and not self._put((chunk, values)):
                return
            self._put(None)
        except BaseException as exc:  # raised in the importing thread
            self._put(exc)
