"""Applying a verified bundle's changes inside the import transaction (SYNC.md, "Protocol").

Every change is checked before it is written: the table and fields must be ones the
sender may write, the row must be the sender's own, and each field's type must fit.
Fields are last-writer-wins on (HLC, node), but only between two histories of the same
owner (epochs) or under clock skew does that overwrite anything: the losing value goes to
the conflict log. Item events are append-only; an event whose starting state no longer
holds is logged for review instead of applied. Any refusal raises and the caller's
transaction rolls back, so nothing of the bundle is written.

Order inside a bundle never turns valid data into a refusal: references (foreign keys) are
checked once, when every line is in (:meth:`Applier.finish`), and an item's steps that come
before the item itself wait for it. A reference to a row that neither this PC nor the
bundle holds is still refused.

A chunk's reads are made once per chunk before its changes are checked (.apply_reads), its
writes buffered and made when it is done (.apply_writes).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.intake.states import MOVES, Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncConflict
from qunzhong_desktop.sync import apply_rows, apply_sql, schema
from qunzhong_desktop.sync.apply_reads import NUMBERING, ChunkReads
from qunzhong_desktop.sync.apply_writes import UPDATE
from qunzhong_desktop.sync.bundle_container import refuse

#: A remote time further ahead of this PC's clock than this is marked as skewed.
SKEW_MILLIS = 24 * 3600 * 1000
LATEST_MILLIS = 10 * 366 * 24 * 3600 * 1000
_UNWRITTEN = object()  # a reference this import did not write (Applier._settled)
Ready = list[dict[str, Any] | None] | None


class Applier(ChunkReads):
    """Applies the change lines of one bundle, in order, in one session."""

    def __init__(
        self,
        s: Session,
        *,
        sender: str,
        sender_role: str,
        epoch: int,
        bundle_id: str,
        last_seq: int,
        new_epoch: bool = False,
        continues: bool = False,
        sender_code: str = "",
    ) -> None:
        """Prepare to apply ``sender``'s changes after ``last_seq`` of ``epoch``.

        ``new_epoch``: the sender has earlier epochs here, whose changes may come again.
        ``continues``: this epoch continues everything received of the earlier ones (new
        keys on the same PC), so their values are its own past, not a rival history.
        """
        super().__init__()
        self.new_epoch = new_epoch
        self.continues = continues
        self.sender_code = sender_code
        self.s, self.sender, self.role = s, sender, sender_role
        self.epoch = epoch
        self.bundle_id = bundle_id
        self.last_seq = last_seq
        self.allowed = schema.table_names(sender_role)
        self.counts: Counter[str] = Counter()
        self.summary: Counter[str] = Counter()
        self.config: dict[str, Any] | None = None
        self.max_hlc: str | None = None  # the newest HLC seen that is not skewed
        self.skew_limit = int(time.time() * 1000) + SKEW_MILLIS
        self.latest = int(time.time() * 1000) + LATEST_MILLIS
        # items whose state and deadline must be derived again here (sync/derive.py)
        self.stale: set[str] = set()
        self.unwritten: dict[str, list[str]] = {}  # change id → fields not written (lost)
        self._inserted_state: dict[str, str] = {}
        self._item_state: dict[str, str | None] = {}
        self._item_deleted: dict[str, bool] = {}
        self._versions: dict[tuple[str, str], apply_rows.Version] = {}
        self._present: set[tuple[str, str]] = set()
        # the current values of rows the chunk updates, read ahead (_load_current)
        self._current: dict[tuple[str, str], dict[str, Any]] = {}
        # item number → id of the item holding it here (None: free), for the numbers the
        # chunks' inserts bring: one query per chunk instead of one per item
        self._numbers: dict[str, str | None] = {}
        self._renumbered = False  # a number changed hands in this import (_load_numbers)
        self._number = 0
        self._ready: dict[str, Any] | None = None  # the current change's converted fields
        # rows whose references must be checked at the end: table → {row id: line}
        self._refs: dict[str, dict[str, int]] = {}
        # the references those rows were given here: (table, column) → row id → value
        self._ref_values: dict[tuple[str, str], dict[str, Any]] = {}
        # steps of items not (yet) known, in bundle order: item id → [(line, change, values)]
        self._waiting: dict[str, list[tuple[int, dict[str, Any], dict[str, Any]]]] = {}

    # the whole chunk ----------------------------------------------------------------------
    def apply(self, changes: Iterable[dict[str, Any]], ready: Ready = None) -> None:
        """Apply a chunk of change lines in order; ``ready``: their converted fields (.apply_ahead).

        With :attr:`behind` (a server), the chunk's writes are handed to it when the next
        chunk's look-ups are done, and run while that chunk is checked. The look-ups do not
        need them: the rows this bundle wrote are known here (their versions in
        ``_versions``, their ids in ``_present``, their item numbers in ``_numbers``). A
        received change of a new epoch is looked up by its id, so then they go first.
        """
        chunk = list(changes)
        self._now = m.utcnow()
        if self.new_epoch:
            self._write_held()
        self._load_versions(chunk)
        self._load_current(chunk)
        self._load_items(chunk)
        self._load_seen(chunk)
        self._load_numbers(chunk)
        self._write_held()
        for index, change in enumerate(chunk):
            self._number += 1
            self._ready = ready[index] if ready else None
            self._one(change)
        self._held = self._chunk_writes()
        if self.behind is None:
            self._write_held()

    def _one(self, change: dict[str, Any]) -> None:
        table, op = change["table_name"], change["op"]
        if change["node_id"] != self.sender:
            raise refuse(
                "change_sender",
                f"数据包第 {self._number} 条变更不是发送方本身的变更，已拒绝导入。",
                line=self._number,
            )
        if table == schema.CONFIG_TABLE and self.role == "township" and change["seq"] == 0:
            self.config = change["fields"]
            self.summary["config"] += 1
            return
        seq = change["seq"]
        if seq <= self.last_seq:
            self._already(change)
            return
        if change["change_id"] in self._known:
            # the same change again in a later epoch (new keys, the outbox not yet pruned)
            self.counts["skipped"] += 1
            return
        if table not in self.allowed:
            if table not in schema.table_names("station"):
                raise refuse(
                    "unknown_table",
                    f"数据包第 {self._number} 条变更写入了未知的表 {table}，已拒绝导入。",
                    line=self._number,
                )
            raise self._not_owned(table, "发送方无权写入这张表")
        self._track_hlc(change["hlc"])
        self.summary[apply_rows.summary_key(table)] += 1
        fields, full = change["fields"], op == "insert"
        values = self._ready or schema.convert(table, fields, number=self._number, full=full)
        if not values:
            raise refuse(
                "change_malformed",
                f"数据包中第 {self._number} 条变更没有任何字段，已拒绝导入。",
                line=self._number,
            )
        if table == "item_event":
            self._event(change, values)
        elif op == "insert":
            self._insert(change, values)
        else:
            self._update(change, values)

    # seen before (read a chunk at a time: .apply_reads) -------------------------------------
    def _already(self, change: dict[str, Any]) -> None:
        if self._seen.get(change["seq"]) != change["change_id"] and not self._received_before(
            change["change_id"]
        ):
            raise apply_rows.cloned(change["seq"])
        self.counts["skipped"] += 1

    def _received_before(self, change_id: str) -> bool:
        """A change of an earlier epoch that the first bundle of this one carried again.

        Such a line was known, so it was not recorded under this epoch's sequence; a
        bundle sent again over the same range (its acknowledgement not back yet) carries
        it once more. A cloned PC's line has a change id never seen.
        """
        return self.epoch > 1 and apply_sql.received_from(self.s, change_id, self.sender)

    # rows (their versions and current values read a chunk at a time: .apply_reads) ---------
    def _insert(self, change: dict[str, Any], values: dict[str, Any]) -> None:
        table, row_id = change["table_name"], change["row_id"]
        version = self._versions.get((table, row_id))
        if version is not None:
            if version.owner != self.sender:
                raise self._not_owned(table, "该记录属于其他站点")
            self._update(change, values)  # the owner's row again, from another epoch
            return
        if (table, row_id) in self._present:
            raise self._not_owned(table, "该记录已存在且不属于发送方")
        self._present.add((table, row_id))  # a second insert of it in this bundle: refused
        row = dict(values, id=row_id, created_at=self._now, updated_at=self._now)
        if table in schema.WITH_ORIGIN:
            row["origin"] = self.sender
        if table == "intake_item":
            self._own_number(row)
            self._inserted_state[row_id] = row["state"]
            self._item_state[row_id] = None
            self._item_deleted[row_id] = row.get("deleted_at") is not None
        self._inserts.append((table, row))
        if refs := schema.references(table):
            self._refs.setdefault(table, {}).setdefault(row_id, self._number)
            self._note_refs(table, row_id, row, refs)
        self._versions[(table, row_id)] = apply_rows.Version(
            self.sender, self._stamp(change), None, "new"
        )
        self._pending_versions.append((table, row_id))
        self._received_line(change)
        self.counts["applied"] += 1
        self._skewed(change, "", old=None, new="新增")

    def _update(self, change: dict[str, Any], values: dict[str, Any]) -> None:
        table, row_id = change["table_name"], change["row_id"]
        version = self._versions.get((table, row_id))
        if version is None or version.owner != self.sender:
            raise self._not_owned(table, "该记录不属于发送方")
        cls = schema.model_of(table)
        derived = schema.DERIVED.get(table, frozenset())
        ahead = self._current.pop((table, row_id), None) if version.fresh else None
        version.fresh = False
        if ahead is not None and all(name in ahead for name in values):
            current: Any = [ahead[name] for name in values]
        elif values and all(name in derived for name in values):  # derived here: no comparison
            current = [None] * len(values)
        else:  # read at its turn, after every write before it
            ahead = None
            self._flush_inserts()
            current = self.s.execute(
                select(*(getattr(cls, name) for name in values)).where(cls.id == row_id)  # type: ignore[attr-defined]
            ).one()
        stamp = self._stamp(change)
        versions = dict(version.versions)
        write: dict[str, Any] = {}
        flagged = False
        for (name, value), old in zip(values.items(), current, strict=True):
            if name in derived:  # the station moved it: derive here, from the events here
                self.stale.add(row_id)
                continue
            had = version.of(name)
            one_history = had[1] == stamp[1] or (self.continues and had[1] < stamp[1])
            if one_history or stamp[0] > had[0]:
                write[name], versions[name] = value, stamp
                if not one_history and old != value:
                    flagged |= self._conflict(
                        "delete_edit" if name == "deleted_at" else "overwrite",
                        change, name, kept=value, lost=old, kept_hlc=stamp[0], lost_hlc=had[0],
                    )  # fmt: skip
                elif old != value:
                    self._skewed(change, name, old=old, new=value)
                continue
            self.unwritten.setdefault(change["change_id"], []).append(name)  # nor relayed
            if old != value:
                flagged |= self._conflict(
                    "delete_edit" if name == "deleted_at" else "overwrite",
                    change, name, kept=old, lost=value, kept_hlc=had[0], lost_hlc=stamp[0],
                )  # fmt: skip
        if table == "intake_item" and NUMBERING & set(write):
            self._own_number({**self._item_numbering(row_id), **write})
            self._numbers.clear()  # a number changes hands: ask the database again
            self._renumbered = True
        if write:
            refs = schema.references(table)
            if any(name in refs for name in write):
                self._refs.setdefault(table, {}).setdefault(row_id, self._number)
                self._note_refs(table, row_id, write, refs)
            write["updated_at"] = m.utcnow()
            if ahead is not None:  # written with the chunk's inserts, in order
                self._inserts.append((UPDATE, (table, row_id, write)))
            else:
                self.s.execute(update(cls).where(cls.id == row_id).values(**write))  # type: ignore[attr-defined]
            version.versions = versions
            if version.state == "clean":
                version.state = "dirty"
                self._pending_versions.append((table, row_id))
        self._touch(table, row_id, write)
        self._received_line(change)
        self.counts["flagged" if flagged else "applied"] += 1

    def _touch(self, table: str, row_id: str, write: dict[str, Any]) -> None:
        if table == "intake_item" and "deleted_at" in write:
            self._item_deleted[row_id] = write["deleted_at"] is not None

    def stale_items(self) -> set[str]:
        """Items to derive again: moved here, or arrived in a state their events don't reach."""
        return self.stale | {
            item
            for item, state in self._inserted_state.items()
            if self._item_state.get(item) not in (None, state)
        }

    # item events ---------------------------------------------------------------------------
    def _event(self, change: dict[str, Any], values: dict[str, Any]) -> None:
        if change["op"] != "insert":
            raise self._not_owned("item_event", "办理记录只能追加，不能修改")
        if values["actor_role"] != self.role:
            raise self._not_owned("item_event", "办理记录的角色与发送方不符")
        item_id = values["item_id"]
        owner = self._item_owner(item_id)
        if self.role == "station" and (owner is None or item_id in self._waiting):
            # the item may come later in the bundle: its steps wait for it, in order
            self._waiting.setdefault(item_id, []).append((self._number, change, values))
            return
        self._step(change, values, owner)

    def _step(self, change: dict[str, Any], values: dict[str, Any], owner: str | None) -> None:
        item_id = values["item_id"]
        if self.role == "station" and owner != self.sender:
            raise self._not_owned("item_event", "该事项不属于发送方")
        if self.role == "township" and owner != "":
            raise self._not_owned("item_event", "该事项不属于本站")
        state = self._state_of(item_id)
        source, target = values["from_state"], values["to_state"]
        if self.role == "township" and not self._township_move(source, target):
            raise self._not_owned("item_event", "乡镇无权做这一步办理")
        if self.role == "station" and not self._station_move(source, target):
            raise self._not_owned("item_event", "工作站无权做这一步办理")
        if target == State.ASSIGNED.value and not apply_rows.is_date(
            values["data"].get("deadline")
        ):
            raise refuse(
                "wrong_type",
                f"数据包第 {self._number} 条变更（交办）的办结期限不是日期，已拒绝导入。",
                line=self._number,
            )
        if self._item_deleted.get(item_id):
            self._conflict("delete_edit", change, "", kept=None, lost=target, note="事项已作废")
            self._received_line(change)
            self.counts["flagged"] += 1
            return
        if source != state:
            self._conflict(
                "transition", change, "state", kept=state, lost=target,
                note=f"这一步从“{apply_rows.state_name(source)}”出发，但事项现在是“{apply_rows.state_name(state)}”，"
                "两边可能同时办理了这件事，请核对后处理",
            )  # fmt: skip
            self._received_line(change)
            self.counts["flagged"] += 1
            return
        self._insert(change, values)
        self._item_state[item_id] = target
        if item_id not in self._inserted_state:
            self.stale.add(item_id)

    @staticmethod
    def _township_move(source: str | None, target: str) -> bool:
        try:
            key = (State(source), State(target)) if source else None
        except ValueError:
            return False
        return key is not None and Role.TOWNSHIP in MOVES.get(key, frozenset())

    @staticmethod
    def _station_move(source: str | None, target: str) -> bool:
        if source is None:
            return target == State.REGISTERED.value
        return Role.STATION in MOVES.get((State(source), State(target)), frozenset())

    def _item_owner(self, item_id: str) -> str | None:
        """The sender owning an item, "" for this PC's own, None when unknown."""
        key = ("intake_item", item_id)
        if key not in self._versions:
            self._read_versions("intake_item", [item_id])
        version = self._versions.get(key)
        if version is not None:
            return version.owner
        if item_id in self._item_state or apply_sql.present_ids(self.s, "intake_item", [item_id]):
            return ""
        return None

    def _state_of(self, item_id: str) -> str | None:
        if item_id not in self._item_state:
            self._flush_inserts()
            row = self.s.execute(
                select(m.ItemEvent.to_state)
                .where(m.ItemEvent.item_id == item_id)
                .order_by(m.ItemEvent.position.desc(), m.ItemEvent.at.desc())
                .limit(1)
            ).first()
            self._item_state[item_id] = row[0] if row else None
            deleted = self.s.execute(
                select(m.IntakeItem.deleted_at).where(m.IntakeItem.id == item_id)
            ).first()
            self._item_deleted[item_id] = bool(deleted and deleted[0] is not None)
        return self._item_state[item_id]

    # the end of the bundle -----------------------------------------------------------------
    def finish(self) -> None:
        """Apply the steps that waited for their item, then check every reference.

        Raises:
            BundleRefused: ``reference``: a row refers to one that is neither here nor in
                the bundle (the caller rolls the whole bundle back).
        """
        self._write_held()
        waiting, self._waiting = self._waiting, {}
        for item_id, steps in waiting.items():
            owner = self._item_owner(item_id)
            for number, change, values in steps:
                self._number = number
                if owner is None:
                    raise self._dangling("item_event", "intake_item")
                self._step(change, values, owner)
        self._flush_inserts()
        apply_sql.write(self.s, self._version_writes())
        self._check_references({self.sender: (self.role, self._refs)})
        self._duplicate_people(self._refs.get("person", {}))
        self._refs = {}

    def _check_references(self, origins: dict[str, tuple[str, dict[str, dict[str, int]]]]) -> None:
        """Every reference of all origins' rows, one query a column (apply_rows.merge_refs).

        A reference this import wrote to a row it holds — inserted by it or found here, and
        for a station's row one of that station's own — is settled without the database
        (:meth:`_settled`); the rest is asked, one query a column.
        """
        tables, owned = apply_rows.merge_refs(origins)
        for table, rows in tables.items():
            for column, parent in schema.references(table).items():
                values = self._ref_values.get((table, column), {})
                ask = [row_id for row_id in rows if not self._settled(values, row_id, parent)]
                missing = ask and apply_sql.dangling_rows(self.s, table, column, parent, ask)
                if missing:
                    self._number = min(rows[row_id] for row_id in missing)
                    raise self._dangling(table, parent)
                pairs = [
                    (row_id, owner)
                    for row_id, owner in owned.get(table, ())
                    if not self._settled(values, row_id, parent, owner)
                ]
                if foreign := pairs and apply_sql.foreign_rows_of(
                    self.s, table, column, parent, pairs
                ):
                    self._number = min(rows[row_id] for row_id in foreign)
                    label = schema.LABELS.get(parent, parent)
                    raise self._not_owned(table, f"引用了其他站点或本机的{label}")
        self._ref_values = {}

    def _note_refs(
        self, table: str, row_id: str, values: dict[str, Any], refs: dict[str, str]
    ) -> None:
        for column in refs.keys() & values.keys():
            self._ref_values.setdefault((table, column), {})[row_id] = values[column]

    def _settled(
        self, values: dict[str, Any], row_id: str, parent: str, owner: str | None = None
    ) -> bool:
        """Whether the row's reference, as this import last wrote it, needs no query.

        It does not if it is empty, or names a row this import inserted or found in the
        database (``_present``: rows are never deleted, only marked), owned — where
        ``owner`` is given — by ``owner`` (its version: as written, or as read from
        ``sync_row_version``). A reference this import did not write is asked.
        """
        value = values.get(row_id, _UNWRITTEN)
        if value is None:
            return True
        if value is _UNWRITTEN or (parent, value) not in self._present:
            return False
        if owner is None:
            return True
        version = self._versions.get((parent, value))
        return version is not None and version.owner == owner

    def _own_number(self, row: dict[str, Any]) -> None:
        """A station numbers only its own items: ``{its code}-{year}-{sequence}``."""
        if self.role != "station":
            return
        expected = f"{self.sender_code}-{row['year']}-{row['sequence']:05d}"
        if row["number"] != expected:
            raise self._not_owned(
                "intake_item", f"事项编号 {row['number']} 不是发送方（{self.sender_code}）的编号"
            )
        # rows already here (an insert of this bundle clashing with another of it is a
        # duplicate the unique index refuses)
        holder = (
            self._numbers[expected]
            if expected in self._numbers
            else apply_sql.item_with_number(self.s, expected)
        )
        if holder is not None and holder != row.get("id", holder):
            raise apply_rows.number_reused(expected, self._number)

    def _item_numbering(self, row_id: str) -> dict[str, Any]:
        self._flush_inserts()
        number, year, sequence = self.s.execute(
            select(m.IntakeItem.number, m.IntakeItem.year, m.IntakeItem.sequence).where(
                m.IntakeItem.id == row_id
            )
        ).one()
        return {"number": number, "year": year, "sequence": sequence}

    def _duplicate_people(self, rows: dict[str, int]) -> None:
        """A resident another station has registered too: applied, and put up for review.

        Refusing would let the first station to register an ID number block every later
        bundle of the other for good; the 冲突 page shows both so the townships staff can
        settle where the person lives.
        """
        for person_id, id_number, other_name, other_code in apply_sql.shared_id_numbers(
            self.s, list(rows)
        ):
            self._number = rows[person_id]
            self._conflict(
                "duplicate", {"table_name": "person", "row_id": person_id, "hlc": ""},
                "id_number", kept=citizen_id.mask(id_number), lost=None,
                note=f"同一身份证号已在{other_code or '本机'}登记为“{other_name}”，请核实该居民的户籍在哪个村",
            )  # fmt: skip
            self.counts["flagged"] += 1

    def _dangling(self, table: str, parent: str) -> Exception:
        return apply_rows.dangling(table, parent, self._number)

    # bookkeeping -------------------------------------------------------------------------
    def _stamp(self, change: dict[str, Any]) -> list[Any]:
        return [change["hlc"], self.epoch]

    def _track_hlc(self, text: str) -> None:
        millis = apply_rows.hlc_millis(text, self._number, self.latest)
        # fixed width: text order is time order, so the newest reading is the largest text
        if millis <= self.skew_limit and (self.max_hlc is None or text > self.max_hlc):
            self.max_hlc = text

    def _skewed(self, change: dict[str, Any], name: str, *, old: Any, new: Any) -> None:
        """A change stamped far in the future is applied, but marked for review."""
        millis = int(change["hlc"][:16])
        if millis > self.skew_limit:
            when = dt.datetime.fromtimestamp(millis / 1000).strftime("%Y-%m-%d %H:%M")
            self._conflict(
                "skew", change, name, kept=new, lost=old, kept_hlc=change["hlc"],
                note=f"发送方电脑的时间（{when}）比本机快一天以上，请核对其系统时间",
            )  # fmt: skip
            self.counts["skew"] += 1

    def _conflict(
        self,
        kind: str,
        change: dict[str, Any],
        name: str,
        *,
        kept: Any,
        lost: Any,
        kept_hlc: str = "",
        lost_hlc: str = "",
        note: str = "",
    ) -> bool:
        self.s.add(
            SyncConflict(
                kind=kind, table_name=change["table_name"], row_id=change["row_id"], field=name,
                kept_value=apply_rows.plain(kept), lost_value=apply_rows.plain(lost), kept_hlc=kept_hlc,
                lost_hlc=lost_hlc or (change["hlc"] if kind != "skew" else ""),
                sender=self.sender, change=change, note=note,
            )
        )  # fmt: skip
        return True

    def _received_line(self, change: dict[str, Any]) -> None:
        self._received.append(
            (self.sender, self.epoch, change["seq"], change["change_id"], self.bundle_id)
        )

    def _not_owned(self, table: str, why: str) -> Exception:
        return apply_rows.not_owned(table, why, self._number)
