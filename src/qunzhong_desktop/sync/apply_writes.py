"""The applier's writes: a chunk's rows, row versions and received changes (.apply).

The applier buffers what a chunk writes — inserts (one write per run of a table), updates
whose rows' values it read ahead (one write per run of a table and its columns: see
:meth:`.apply.Applier._update`), row versions created or changed, received changes — and
writes them when the chunk is done, or hands them to :attr:`ChunkWrites.behind` on a server
(.apply_behind), which runs them while the next chunk is checked. Inserts and updates are
written in the order they were applied. Reads that need the rows written so far call
:meth:`ChunkWrites._flush_inserts` first.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from qunzhong_desktop.sync import apply_rows, apply_sql
from qunzhong_desktop.sync.apply_behind import Behind

#: The mark of a buffered update in :attr:`ChunkWrites._inserts` (no table's name).
UPDATE = "\x00update"


class ChunkWrites:
    """The write side of :class:`.apply.Applier`."""

    s: Session
    _versions: dict[tuple[str, str], apply_rows.Version]
    # item number → id of the item holding it here (None: free)
    _numbers: dict[str, str | None]

    def __init__(self) -> None:
        """Nothing buffered, nothing held."""
        self._received: list[tuple[str, int, int, str, str]] = []
        #: writes the server runs while the next chunk is checked (.apply_behind), if any
        self.behind: Behind | None = None
        self._held: list[apply_sql.Write] = []  # the last chunk's writes, not yet handed over
        self._pending_versions: list[tuple[str, str]] = []
        # inserts (table, row) and updates (UPDATE, (table, row id, values)), in order
        self._inserts: list[tuple[str, Any]] = []

    def _write_held(self) -> None:
        """Write (or hand to :attr:`behind`) the last chunk's rows, versions and changes."""
        held, self._held = self._held, []
        if not held:
            return
        if self.behind is not None:
            self.behind.submit(held)
        else:
            apply_sql.write(self.s, held)

    def _chunk_writes(self) -> list[apply_sql.Write]:
        writes = self._insert_writes()
        writes.extend(self._version_writes())
        if self._received:
            writes.append(apply_sql.received_write(self._received))
            self._received = []
        return writes

    def _version_writes(self) -> list[apply_sql.Write]:
        """The versions created or changed since they were last written."""
        new: list[tuple[Any, ...]] = []
        dirty: list[tuple[Any, ...]] = []
        for key in self._pending_versions:
            version = self._versions[key]
            versions = json.dumps(version.versions) if version.versions else None
            if version.state == "new":
                new.append((*key, version.owner, version.base[0], version.base[1], versions))
            elif version.state == "dirty":
                dirty.append((versions, *key))
            version.state = "clean"
        self._pending_versions = []
        return apply_sql.versions_writes(new, dirty)

    def _flush_inserts(self) -> None:
        """Write the buffered inserts and updates now (after the writes held or in flight)."""
        self._write_held()
        writes = self._insert_writes()
        if writes:
            apply_sql.write(self.s, writes)

    def _insert_writes(self) -> list[apply_sql.Write]:
        """The buffered inserts and updates, in order: one write per run of the same kind."""
        writes: list[apply_sql.Write] = []
        run: list[Any] = []
        kind: Any = None
        for name, entry in self._inserts:
            if name == UPDATE:
                table, row_id, values = entry
                here: Any = (table, tuple(values))
                item: Any = (row_id, values)
            else:
                here, item = name, entry
                if name == "intake_item":
                    self._numbers[entry["number"]] = entry["id"]
            if here != kind and run:
                writes.append(self._run_write(kind, run))
                run = []
            kind = here
            run.append(item)
        if run:
            writes.append(self._run_write(kind, run))
        self._inserts = []
        return writes

    def _run_write(self, kind: Any, run: list[Any]) -> apply_sql.Write:
        if isinstance(kind, tuple):  # updates of one table's same columns
            return apply_sql.updates_write(self.s, kind[0], kind[1], run)
        return apply_sql.rows_write(self.s, kind, run)
