"""Change capture: every write to a synced table lands in the outbox in the same transaction.

One ``before_flush`` listener on the session class sees every insert, update and tombstone
of a :class:`~.models.Synced` row and adds a :class:`~.models.SyncChange` with the changed
fields, a hybrid-logical-clock timestamp and the user. Screens and importers cannot forget
it, and hard deletes of synced rows are refused (SYNC.md: deletes are tombstones).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.hlc import Hlc, tick
from qunzhong_desktop.storage.models import LocalNode, SyncChange, Synced

# Columns that describe the row's bookkeeping, not its content.
_SKIP = frozenset({"id", "created_at", "updated_at", "search_text"})


class HardDeleteRefused(DomainError):
    """A synced row was deleted instead of tombstoned."""

    code = "storage.hard_delete"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _all_fields(obj: Synced) -> dict[str, Any]:
    """Every content column of a new row (defaults are set at construction, see models)."""
    mapper = inspect(obj).mapper
    return {
        attr.key: _jsonable(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _SKIP
    }


def _changed_fields(obj: Synced) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for column in state.mapper.column_attrs:
        if column.key in _SKIP:
            continue
        history = state.attrs[column.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = state.attrs[column.key].value
            if old != new:
                changed[column.key] = _jsonable(new)
    return changed


class _Clock:
    """Hands out HLC readings for one flush and stores the last one on the node row."""

    def __init__(self, session: Session) -> None:
        with session.no_autoflush:
            node = session.query(LocalNode).first()
        if node is None:
            raise DomainError(
                "本机尚未初始化（缺少节点标识），请先完成设置向导。", code="setup.node"
            )
        self.node = node
        self.last = Hlc(node.hlc_millis, node.hlc_counter, node.node_id)

    def next(self) -> str:
        self.last = tick(self.last, int(time.time() * 1000))
        return self.last.encode()

    def store(self) -> None:
        self.node.hlc_millis = self.last.millis
        self.node.hlc_counter = self.last.counter


def _capture(session: Session, _context: object, _instances: object) -> None:
    synced_new = [o for o in session.new if isinstance(o, Synced)]
    synced_dirty = [o for o in session.dirty if isinstance(o, Synced)]
    doomed = [o for o in session.deleted if isinstance(o, Synced)]
    if doomed:
        raise HardDeleteRefused(
            "同步数据不能直接删除，请使用作废（墓碑）标记。", code="storage.hard_delete"
        )
    if not synced_new and not synced_dirty:
        return
    clock = _Clock(session)
    user = str(session.info.get("user", ""))
    records: list[SyncChange] = []
    for obj in synced_new:
        records.append(_record(obj, "insert", _all_fields(obj), clock, user))
    for obj in synced_dirty:
        fields = _changed_fields(obj)
        if not fields:
            continue
        op = "delete" if "deleted_at" in fields and obj.deleted_at is not None else "update"
        records.append(_record(obj, op, fields, clock, user))
    clock.store()
    session.add_all(records)


def _record(obj: Synced, op: str, fields: dict[str, Any], clock: _Clock, user: str) -> SyncChange:
    return SyncChange(
        node_id=clock.node.node_id,
        table_name=type(obj).__table__.name,  # type: ignore[attr-defined]
        row_id=obj.id,
        op=op,
        fields=fields,
        hlc=clock.next(),
        user=user,
    )


def install() -> None:
    """Attach the capture to every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _capture):
        event.listen(Session, "before_flush", _capture)
