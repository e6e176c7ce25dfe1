"""Change capture: every write to a synced table lands in the outbox in the same transaction.

One ``before_flush`` listener on the session class sees every insert, update and tombstone
of a :class:`~.models.Synced` row and adds a :class:`~.models.SyncChange` with the changed
fields, a hybrid-logical-clock timestamp and the user. Screens and importers cannot forget
it, and hard deletes of synced rows are refused (SYNC.md: deletes are tombstones).
"""

from __future__ import annotations

import datetime as dt
import time
from functools import cache
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.hlc import Hlc, tick
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.storage.models import Base, LocalNode, SyncChange, Synced, utcnow

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


_CONTENT_KEYS: dict[str, tuple[str, ...]] = {}


def _content_keys(cls: type[Synced]) -> tuple[str, ...]:
    """The content columns of a synced class, looked up once per class."""
    keys = _CONTENT_KEYS.get(cls.__name__)
    if keys is None:
        keys = tuple(a.key for a in inspect(cls).column_attrs if a.key not in _SKIP)
        _CONTENT_KEYS[cls.__name__] = keys
    return keys


@cache
def _table_rank(table_name: str) -> int:
    """Position in dependency order, so a household's insert precedes its members'."""
    names = [t.name for t in Base.metadata.sorted_tables]
    return names.index(table_name) if table_name in names else len(names)


def _all_fields(obj: Synced) -> dict[str, Any]:
    """Every content column of a new row (defaults are set at construction, see models)."""
    return {key: _jsonable(getattr(obj, key)) for key in _content_keys(type(obj))}


def _changed_fields(obj: Synced) -> dict[str, Any]:
    attrs = inspect(obj).attrs
    changed: dict[str, Any] = {}
    for key in _content_keys(type(obj)):
        history = attrs[key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = attrs[key].value
            if old != new:
                changed[key] = _jsonable(new)
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


def _ordered(objects: list[Synced]) -> list[Synced]:
    return sorted(objects, key=lambda o: (_table_rank(_table_name(o)), o.id or ""))


def _table_name(obj: Synced) -> str:
    return str(type(obj).__table__.name)  # type: ignore[attr-defined]


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
    rows: list[dict[str, Any]] = []
    for obj in _ordered(synced_new):
        rows.append(_row(obj, "insert", _all_fields(obj), clock, user))
    for obj in _ordered(synced_dirty):
        fields = _changed_fields(obj)
        if not fields:
            continue
        op = "delete" if "deleted_at" in fields and obj.deleted_at is not None else "update"
        rows.append(_row(obj, op, fields, clock, user))
    if not rows:
        return
    clock.store()
    # one executemany on the session's connection: same transaction, no ORM overhead
    session.connection().execute(insert(SyncChange), rows)


def _row(obj: Synced, op: str, fields: dict[str, Any], clock: _Clock, user: str) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "node_id": clock.node.node_id,
        "table_name": _table_name(obj),
        "row_id": obj.id,
        "op": op,
        "fields": fields,
        "hlc": clock.next(),
        "user": user,
        "created_at": utcnow(),
    }


def install() -> None:
    """Attach the capture to every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _capture):
        event.listen(Session, "before_flush", _capture)
