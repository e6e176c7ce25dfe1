"""The applier's reads: what a chunk needs from the database, once per chunk (.apply).

Before a chunk's changes are checked, the applier reads in one query per table what they
touch: the row versions of the rows they write (``_load_versions``), the current values of
the rows they update for the first time in this import (``_load_current``), the owners,
last steps and tombstones of the items their steps are of (``_load_items``), and what was
received before of a resent sequence (``_load_seen``). A read a chunk ahead answers as the
database would at the change's turn only for rows no write still to come can have touched;
each read says why its rows are such, and anything else is read at its turn (.apply).

Those rows are ones this import has not written at all, so on a server the reads ahead ask
the database as it was when the import began (:meth:`ChunkReads._reader`: .apply_behind's
second connection), without waiting for the writes in flight. What was received before
(``_load_seen``) is asked on the import's own connection: a new epoch's changes are looked
up by their ids, and those of this bundle are among the writes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncReceived
from qunzhong_desktop.sync import apply_rows, apply_sql, schema
from qunzhong_desktop.sync.apply_writes import ChunkWrites

#: An item's numbering: a change of it is checked against the numbers here (_own_number).
NUMBERING = frozenset({"number", "year", "sequence"})


class ChunkReads(ChunkWrites):
    """The per-chunk reads of :class:`.apply.Applier`."""

    last_seq: int
    new_epoch: bool
    sender: str
    epoch: int
    allowed: frozenset[str]
    _present: set[tuple[str, str]]
    _current: dict[tuple[str, str], dict[str, Any]]
    _item_state: dict[str, str | None]
    _item_deleted: dict[str, bool]
    _renumbered: bool

    def _reader(self) -> Connection:
        """Where a read of rows this import has not written goes.

        On a server, the database as it was when the import began, while the import's
        connection writes (:attr:`.apply_behind.Behind.reader`); else the import's own.
        """
        behind = self.behind
        if behind is not None and behind.reader is not None:
            return behind.reader
        return self.s.connection()

    def _load_seen(self, chunk: list[dict[str, Any]]) -> None:
        # within one epoch the sequence alone says what was had (and the unique change
        # id refuses a forged repeat); a new epoch may resend changes of the old one
        new_ids = [c["change_id"] for c in chunk if c["seq"] > self.last_seq and self.new_epoch]
        self._known: set[str] = set()
        for start in range(0, len(new_ids), 500):
            self._known.update(
                self.s.scalars(
                    select(SyncReceived.change_id).where(
                        SyncReceived.change_id.in_(new_ids[start : start + 500])
                    )
                )
            )
        seqs = [c["seq"] for c in chunk if 0 < c["seq"] <= self.last_seq]
        self._seen: dict[int, str] = {}
        if seqs:
            rows = self.s.execute(
                select(SyncReceived.seq, SyncReceived.change_id).where(
                    SyncReceived.node_id == self.sender,
                    SyncReceived.epoch == self.epoch,
                    SyncReceived.seq.in_(seqs),
                )
            )
            self._seen = {seq: change_id for seq, change_id in rows}

    def _load_versions(self, chunk: list[dict[str, Any]]) -> None:
        """Cache the versions of the rows this chunk touches that exist here already.

        A version exists only for a row that exists, so an insert's row is first looked
        up in its own table (the primary key): most inserts are new rows and need no
        version lookup. A row that exists without a version is this PC's own.
        """
        fresh = [c for c in chunk if c["seq"] > self.last_seq and c["table_name"] in self.allowed]
        inserted: dict[str, list[str]] = {}
        for c in fresh:
            key = (c["table_name"], c["row_id"])
            if c["op"] == "insert" and key not in self._versions and key not in self._present:
                inserted.setdefault(c["table_name"], []).append(c["row_id"])
        for table, table_ids in inserted.items():
            self._present.update(
                (table, row_id)
                for row_id in apply_sql.present_ids(self._reader(), table, table_ids)
            )
        # (no set(self._versions): a copy of every version of the bundle, made each chunk)
        known = self._versions
        wanted = {
            key
            for c in fresh
            if (key := (c["table_name"], c["row_id"])) not in known
            and (c["op"] != "insert" or key in self._present)
        }
        by_table: dict[str, list[str]] = {}
        for table, row_id in sorted(wanted):
            by_table.setdefault(table, []).append(row_id)
        for table, ids in by_table.items():  # (table_name, row_id) is the primary key
            self._read_versions(table, ids)

    def _read_versions(self, table: str, ids: list[str]) -> None:
        """Cache the stored versions of ``table``'s rows among ``ids`` (``fresh``: as read)."""
        for row_id, owner, hlc, epoch, versions in apply_sql.row_versions(
            self._reader(), table, ids
        ):
            self._versions[(table, row_id)] = apply_rows.Version(
                owner, [hlc, epoch], versions, "clean", fresh=True
            )

    def _load_current(self, chunk: list[dict[str, Any]]) -> None:
        """Read the current values of the rows this chunk updates for the first time.

        One query per table instead of one per update, and the update itself is then
        buffered with the inserts (:meth:`_update`). Only a row the database has as it was
        before this import (its version ``fresh``) is read ahead: a row inserted or updated
        by this import may be in the writes not yet made, and is read at its turn, after
        them. A change of an item's number is read at its turn too (its number is checked
        against the database, :meth:`_own_number`).
        """
        wanted: dict[str, dict[str, set[str]]] = {}
        for c in chunk:
            if c["op"] != "update" or c["seq"] <= self.last_seq:
                continue
            table, fields = c["table_name"], c["fields"]
            version = self._versions.get((table, c["row_id"]))
            if version is None or not version.fresh or not isinstance(fields, dict):
                continue
            if table == "intake_item" and NUMBERING & set(fields):
                continue
            wanted.setdefault(table, {}).setdefault(c["row_id"], set()).update(fields)
        self._current = {}
        for table, rows in wanted.items():
            cls = schema.model_of(table)
            columns = sorted(set().union(*rows.values()) & set(cls.__table__.c.keys()))
            ids = sorted(rows)
            for start in range(0, len(ids), 500):
                found = self._reader().execute(
                    select(cls.id, *(cls.__table__.c[name] for name in columns)).where(  # type: ignore[attr-defined]
                        cls.id.in_(ids[start : start + 500])  # type: ignore[attr-defined]
                    )
                )
                for row_id, *values in found:
                    self._current[(table, row_id)] = dict(zip(columns, values, strict=True))

    def _load_numbers(self, chunk: list[dict[str, Any]]) -> None:
        """Read which items hold the numbers this chunk's items bring (``_numbers``).

        The items this import wrote are in ``_numbers`` already (.apply_writes), so the
        database as it was answers for the rest, until a number changed hands in this
        import (:meth:`.apply.Applier._update` clears ``_numbers``): from then on the
        import's own connection answers, after the writes in flight.
        """
        source = self.s if self._renumbered else self._reader()
        apply_sql.load_numbers(source, chunk, self._numbers)

    def _load_items(self, chunk: list[dict[str, Any]]) -> None:
        """Read the owner, state and tombstone of the items this chunk's steps are of.

        One query each per chunk instead of three per item (:meth:`_item_owner`,
        :meth:`_state_of`), for items this import has not met yet. Such an item has no step
        and no insert in the writes not yet made (either would have put it in
        ``_item_state``), so the database answers as it would at the step's turn; a
        tombstone this import wrote (``_touch``) is kept over the database's.
        """
        ids = sorted({
            item_id
            for c in chunk
            if c["table_name"] == "item_event" and c["op"] == "insert"
            and c["seq"] > self.last_seq and isinstance(c["fields"], dict)
            and isinstance(item_id := c["fields"].get("item_id"), str)
            and item_id not in self._item_state
        })  # fmt: skip
        if not ids:
            return
        self._read_versions(
            "intake_item", [i for i in ids if ("intake_item", i) not in self._versions]
        )
        item, event = m.IntakeItem, m.ItemEvent
        latest = (
            select(event.to_state)
            .where(event.item_id == item.id)
            .order_by(event.position.desc(), event.at.desc())
            .limit(1)
            .scalar_subquery()
        )
        for start in range(0, len(ids), 500):
            found = self._reader().execute(
                select(item.id, latest, item.deleted_at).where(
                    item.id.in_(ids[start : start + 500])
                )
            )
            for item_id, state, deleted_at in found:
                self._item_state[item_id] = state
                self._item_deleted.setdefault(item_id, deleted_at is not None)
