"""The conflict log (SYNC.md, SORMAS): every overwritten value and flagged change, with undo.

Undo puts the value that lost back in place. On a row this PC owns, that is an ordinary
edit (captured, so it travels on); on a row a peer owns, it is a local correction marked
with a fresh clock reading, so that the peer's next edit of the same field still applies.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qunzhong_desktop.core import labels
from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, NotFoundError
from qunzhong_desktop.core.hlc import Hlc, tick
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import REMOTE
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncConflict, SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.write_paths import write_path
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.views import ConflictView

KIND_NAMES = {
    "overwrite": "值被覆盖",
    "transition": "办理步骤冲突",
    "delete_edit": "作废与修改冲突",
    "skew": "时间异常",
    "duplicate": "同一居民两处登记",
}
FIELD_NAMES = labels.FIELDS
TABLE_NAMES = labels.TABLES


class ConflictError(DomainError):
    """A conflict entry that cannot be undone."""

    code = "sync.conflict"


def list_conflicts(db: Database, *, open_only: bool = True) -> list[ConflictView]:
    """The conflict log, newest first."""
    with db.session() as s:
        stmt = select(SyncConflict).order_by(SyncConflict.at.desc(), SyncConflict.id.desc())
        if open_only:
            stmt = stmt.where(SyncConflict.resolved_at.is_(None))
        names = {p.node_id: p.name for p in s.scalars(select(SyncPeer))}
        local = s.scalars(select(m.LocalNode.node_id)).first() or ""
        return [_view(s, row, names, local) for row in s.scalars(stmt)]


def _view(s: Session, row: SyncConflict, names: dict[str, str], local: str) -> ConflictView:
    return ConflictView(
        id=row.id,
        at=row.at,
        kind=row.kind,
        kind_name=KIND_NAMES.get(row.kind, row.kind),
        table_name=row.table_name,
        row_id=row.row_id,
        what=_what(s, row),
        field=row.field,
        field_name=FIELD_NAMES.get(row.field, row.field),
        kept_value=_readable(row.field, row.kept_value),
        lost_value=_readable(row.field, row.lost_value),
        kept_by=_who(row.kept_hlc, names, local),
        lost_by=_who(row.lost_hlc, names, local) or names.get(row.sender, ""),
        kept_time=_time(row.kept_hlc),
        lost_time=_time(row.lost_hlc),
        note=row.note or _note(row),
        resolved_at=row.resolved_at,
        resolution=row.resolution,
        can_undo=_can_undo(row),
    )


def _readable(field: str, value: Any) -> Any:
    """An item state's name (已上报) rather than its code (escalated)."""
    if field == "state" and isinstance(value, str):
        try:
            return STATE_NAMES[State(value)]
        except ValueError:
            return value
    return value


def _can_undo(row: SyncConflict) -> bool:
    return (
        row.resolved_at is None
        and row.table_name != "item_event"
        and bool(row.field)
        and row.kind in ("overwrite", "skew", "delete_edit")
    )


def _note(row: SyncConflict) -> str:
    if row.kind == "overwrite":
        return "两份记录修改了同一项，保留了较新的值；如需要，可以撤销恢复被覆盖的值。"
    if row.kind == "delete_edit":
        return "一方作废了这条记录，另一方同时做了修改。"
    return ""


def _who(hlc: str, names: dict[str, str], local: str) -> str:
    if not hlc:
        return ""
    try:
        node = Hlc.decode(hlc).node
    except ValueError:
        return ""
    return "本机" if node == local else names.get(node, node[:8])


def _time(hlc: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(Hlc.decode(hlc).millis / 1000) if hlc else None
    except (ValueError, OverflowError, OSError):
        return None


def _what(s: Session, row: SyncConflict) -> str:
    label = TABLE_NAMES.get(row.table_name, row.table_name)
    rid = row.row_id
    if row.table_name == "household":
        number = s.scalar(select(m.Household.number).where(m.Household.id == rid))
        return f"户 {number}" if number else label
    if row.table_name == "person":
        name = s.scalar(select(m.Person.name).where(m.Person.id == rid))
        return f"居民 {name}" if name else label
    item_id = rid
    if row.table_name == "item_event":
        item_id = str(row.change.get("fields", {}).get("item_id", ""))
    if row.table_name in ("intake_item", "item_event"):
        number = s.scalar(select(m.IntakeItem.number).where(m.IntakeItem.id == item_id))
        return f"事项 {number}" if number else label
    return label


@write_path(needs=Permission.SYNC)
def undo(db: Database, conflict_id: int) -> None:
    """Put the lost value back and close the entry.

    Raises:
        NotFoundError: no such entry.
        ConflictError: the entry cannot be undone (closed already, or a whole change).
    """
    with db.writing() as s:
        row = s.get(SyncConflict, conflict_id)
        if row is None:
            raise NotFoundError(f"冲突记录 {conflict_id} 不存在。", code="sync.conflict_missing")
        if not _can_undo(row):
            raise ConflictError(
                "这条冲突不能撤销（已处理过，或需要在事项页面中处理），可以标记为已核对。",
                code="sync.conflict_no_undo",
            )
        try:
            values = schema.convert(
                row.table_name, {row.field: row.lost_value}, number=0, full=False
            )
        except BundleRefused as exc:
            raise ConflictError("被覆盖的值已无法恢复。", code="sync.conflict_value") from exc
        version = s.get(SyncRowVersion, (row.table_name, row.row_id))
        cls: Any = schema.model_of(row.table_name)
        if version is None:
            target = s.get(cls, row.row_id)
            if target is None:
                raise ConflictError("这条记录已不存在。", code="sync.conflict_row")
            setattr(target, row.field, values[row.field])  # captured: it travels on
        else:
            _local_correction(s, version, cls, row.row_id, field=row.field, value=values[row.field])
        row.resolved_at, row.resolution = m.utcnow(), "undone"


def _local_correction(
    s: Session, version: SyncRowVersion, cls: Any, row_id: str, *, field: str, value: Any
) -> None:
    node = s.scalars(select(m.LocalNode)).one()
    clock = tick(Hlc(node.hlc_millis, node.hlc_counter, node.node_id), int(time.time() * 1000))
    node.hlc_millis, node.hlc_counter = clock.millis, clock.counter
    versions = dict(version.versions or {})
    epoch = (versions.get(field) or [version.hlc, version.epoch])[1]
    versions[field] = [clock.encode(), epoch]
    version.versions = versions
    s.info[REMOTE] = True  # the owner's row: corrected here, not sent back
    s.execute(update(cls).where(cls.id == row_id).values({field: value, "updated_at": m.utcnow()}))


def dismiss(db: Database, conflict_id: int) -> None:
    """Close an entry, keeping what is in place.

    Raises:
        NotFoundError: no such entry.
    """
    with db.session() as s:
        row = s.get(SyncConflict, conflict_id)
        if row is None:
            raise NotFoundError(f"冲突记录 {conflict_id} 不存在。", code="sync.conflict_missing")
        if row.resolved_at is None:
            row.resolved_at, row.resolution = m.utcnow(), "dismissed"
