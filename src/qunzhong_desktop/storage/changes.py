"""Change capture: every write to a synced table lands in the outbox in the same transaction.

One ``before_flush`` listener on the session class sees every insert, update and tombstone
of a :class:`~.models.Synced` row and adds a :class:`~.models.SyncChange` with the changed
fields, a hybrid-logical-clock timestamp and the user; one ``do_orm_execute`` listener does
the same for ORM bulk statements (``session.execute(insert(Person), rows)``). Screens and
importers cannot forget it, and hard deletes of synced rows are refused (SYNC.md: deletes
are tombstones).

The outbox is in dependency order whatever the write path: a flush records its new rows
parents first (table rank), and a bulk statement first flushes what the unit of work holds,
so a roster import's bulk INSERT of people comes after the grids and households it refers
to. Raw SQL and Core statements on a synced table bypass both listeners, so an engine
guard (:func:`guard_raw_writes`) refuses them outside the sync importer: a write that
could not travel is not made at all.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import weakref
from functools import cache
from typing import Any

from sqlalchemy import Engine, String, Text, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from qunzhong_desktop.core import labels
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.hlc import Hlc, tick
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.text import has_controls
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.models import (
    Base,
    LocalNode,
    SyncChange,
    Synced,
    column_defaults,
    utcnow,
)

# Columns that describe the row's bookkeeping, not its content.
# search_text travels: the township searches every station's residents without running
# pypinyin again for each of them (it follows from the person and household, both sent)
_SKIP = frozenset({"id", "created_at", "updated_at", "origin"})


class HardDeleteRefused(DomainError):
    """A synced row was deleted instead of tombstoned."""

    code = "storage.hard_delete"


class UnlistedWritePath(DomainError):
    """A synced write ran outside every function marked ``@write_path`` (tests only)."""

    code = "storage.unlisted_write_path"


#: The longest text a Text column takes (String(n) columns take n).
TEXT_CAP = 20_000
_TEXT_LIMITS: dict[str, dict[str, int]] = {}


def _text_limits(table: str, cls: type[Synced]) -> dict[str, int]:
    found = _TEXT_LIMITS.get(table)
    if found is None:
        found = {}
        for attr in inspect(cls).column_attrs:
            sql_type = attr.columns[0].type
            if isinstance(sql_type, (String, Text)):
                found[attr.key] = getattr(sql_type, "length", None) or TEXT_CAP
        _TEXT_LIMITS[table] = found
    return found


def _check_texts(table: str, cls: type[Synced], fields: dict[str, Any]) -> None:
    """The last line of the text policy: nothing too long or with control characters.

    Whichever path wrote it: the forms, the CLI and the roster check first, with their own
    messages; this refuses what slips past them.
    """
    for key, limit in _text_limits(table, cls).items():
        value = fields.get(key)
        if not isinstance(value, str):
            continue
        label = f"{labels.TABLES.get(table, table)}的“{labels.FIELDS.get(key, key)}”"
        if len(value) > limit:
            raise ValidationError(
                f"{label}太长（最多 {limit} 个字，现在有 {len(value)} 个字），没有保存，请删减后再试。",
                code="storage.too_long", table=table, field=key,
            )  # fmt: skip
        if has_controls(value, lines=limit == TEXT_CAP):
            raise ValidationError(
                f"{label}含有控制字符，没有保存，请重新输入。",
                code="storage.control_characters", table=table, field=key,
            )  # fmt: skip


def _listed(tables: set[str]) -> None:
    if write_paths.required() and write_paths.active() is None:
        raise UnlistedWritePath(
            f"程序错误：写入同步数据（{'、'.join(sorted(tables))}）的功能没有标记为写入路径"
            "（storage.write_paths），同步一致性测试不会覆盖它。",
            code="storage.unlisted_write_path",
        )


class UncapturedWrite(DomainError):
    """Raw SQL or a Core statement tried to write a synced table past the change capture."""

    code = "storage.uncaptured_write"


def _jsonable(value: Any) -> Any:
    # hot path of every import: plain values first, tuples rather than X | Y unions
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
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


_PARENT_KEYS: dict[str, tuple[tuple[str, str, str], ...]] = {}


def _parent_keys(cls: type[Synced]) -> tuple[tuple[str, str, str], ...]:
    """(foreign-key attribute, relationship, parent key attribute) of each many-to-one."""
    found = _PARENT_KEYS.get(cls.__name__)
    if found is None:
        pairs = []
        mapper = inspect(cls)
        for rel in mapper.relationships:
            if rel.direction.name != "MANYTOONE":
                continue
            for local, remote in rel.local_remote_pairs or ():
                local_attr = mapper.get_property_by_column(local).key
                remote_attr = rel.mapper.get_property_by_column(remote).key
                pairs.append((local_attr, rel.key, remote_attr))
        found = tuple(pairs)
        _PARENT_KEYS[cls.__name__] = found
    return found


def _fill_parent_keys(obj: Synced, fields: dict[str, Any]) -> dict[str, Any]:
    """Foreign keys the ORM sets only during the flush, from the parent object.

    ``household.members.append(person)`` leaves ``person.household_id`` empty until the
    flush runs, after this capture; the parent object already has its id (models set
    defaults at construction), so the outbox gets the value the table will get.
    """
    values = vars(obj)
    for fk, rel, parent_key in _parent_keys(type(obj)):
        if fk in fields and fields[fk] is None:
            parent = values.get(rel)
            if parent is not None:
                fields[fk] = _jsonable(getattr(parent, parent_key))
    return fields


def _all_fields(obj: Synced) -> dict[str, Any]:
    """Every content column of a new row (defaults are set at construction, see models)."""
    values = vars(obj)  # every column is set by Base.__init__; skip the descriptors
    fields = {key: _jsonable(values.get(key)) for key in _content_keys(type(obj))}
    return _fill_parent_keys(obj, fields)


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
    for fk, rel, parent_key in _parent_keys(type(obj)):
        history = attrs[rel].history
        if history.added and history.added[0] is not None:
            changed[fk] = _jsonable(getattr(history.added[0], parent_key))
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


#: ``session.info`` key set by the sync importer: rows written from a peer's bundle are the
#: peer's changes, not this PC's, and must not go back out in this PC's outbox.
REMOTE = "sync.remote"


def _capture(session: Session, _context: object, _instances: object) -> None:
    if session.info.get(REMOTE):
        return
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
        fields = _all_fields(obj)
        _check_texts(_table_name(obj), type(obj), fields)
        rows.append(_row(obj, "insert", fields, clock, user))
    for obj in _ordered(synced_dirty):
        fields = _changed_fields(obj)
        if not fields:
            continue
        _check_texts(_table_name(obj), type(obj), fields)
        op = "delete" if "deleted_at" in fields and obj.deleted_at is not None else "update"
        rows.append(_row(obj, op, fields, clock, user))
    if not rows:
        return
    _listed({row["table_name"] for row in rows})
    clock.store()
    # one executemany on the session's connection: same transaction, no ORM overhead
    session.connection().execute(insert(SyncChange), rows)


def _capture_bulk(state: ORMExecuteState) -> Any:
    """Capture ORM bulk statements on synced classes (``session.execute(insert(X), rows)``).

    Importers write thousands of new rows this way without building ORM objects. A bulk
    INSERT gets the same column defaults as :class:`~.models.Base` gives objects; a bulk
    UPDATE must name each row by ``id``; DELETE and criteria UPDATEs are refused, because
    the outbox could not say which rows they touched.
    """
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    if state.session.info.get(REMOTE):
        return
    if mapper is None or not issubclass(mapper.class_, Synced):
        return
    cls: type[Synced] = mapper.class_
    if state.is_delete:
        raise HardDeleteRefused(
            "同步数据不能直接删除，请使用作废（墓碑）标记。", code="storage.hard_delete"
        )
    session = state.session
    _listed({str(cls.__table__.name)})  # type: ignore[attr-defined]
    # what the unit of work holds goes first (the autoflush would run only after this
    # listener): people bulk-inserted into new households follow those households' inserts
    session.flush()
    params: Any = state.parameters
    # the caller's own dicts: defaults filled in below reach the INSERT too
    batch: list[dict[str, Any]] = params if isinstance(params, list) else [params] if params else []
    if not batch or (state.is_update and any("id" not in values for values in batch)):
        raise DomainError(
            "同步数据只能逐行（按 id）批量写入，以便记录每一处变更。", code="storage.bulk_criteria"
        )
    clock = _Clock(session)
    user = str(session.info.get("user", ""))
    table = str(cls.__table__.name)  # type: ignore[attr-defined]
    keys = _content_keys(cls)
    records: list[dict[str, Any]] = []
    for values in batch:
        if state.is_insert:
            for key, default in column_defaults(cls):
                if key not in values:
                    values[key] = default.arg(None) if default.is_callable else default.arg
            fields = {key: _jsonable(values.get(key)) for key in keys}
            op = "insert"
        else:
            fields = {key: _jsonable(value) for key, value in values.items() if key in keys}
            op = "delete" if fields.get("deleted_at") is not None else "update"
        _check_texts(table, cls, fields)
        records.append(_record(table, str(values["id"]), op, fields, clock=clock, user=user))
    clock.store()
    session.connection().execute(insert(SyncChange), records)
    session.info[_BULK] = True
    try:
        return state.invoke_statement()
    finally:
        session.info[_BULK] = False


def _row(obj: Synced, op: str, fields: dict[str, Any], clock: _Clock, user: str) -> dict[str, Any]:
    return _record(_table_name(obj), obj.id, op, fields, clock=clock, user=user)


def _record(
    table: str, row_id: str, op: str, fields: dict[str, Any], *, clock: _Clock, user: str
) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "node_id": clock.node.node_id,
        "table_name": table,
        "row_id": row_id,
        "op": op,
        "fields": fields,
        "hlc": clock.next(),
        "user": user,
        "created_at": utcnow(),
    }


def outbox_reached(session: Session) -> int:
    """The last sequence number this PC's outbox has handed out (pruned rows included)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # the sequence behind sync_change.seq (NULL until it first handed one out)
        value = conn.exec_driver_sql(
            "SELECT pg_sequence_last_value(pg_get_serial_sequence('sync_change', 'seq'))"
        ).scalar()
        return int(value) if value is not None else 0
    row = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'sync_change'").first()
    return int(row[0]) if row else 0


# the raw-write guard ----------------------------------------------------------------------
_BULK = "changes.bulk"  # session.info: a captured ORM bulk statement is executing
_SESSION = "changes.session"  # connection info: the session whose transaction uses it
_DML = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)


@cache
def synced_tables() -> frozenset[str]:
    """The names of the tables whose writes go to the outbox."""
    return frozenset(
        str(table.name)
        for table in Base.metadata.sorted_tables
        if any(
            issubclass(mapper.class_, Synced) and mapper.local_table is table
            for mapper in Base.registry.mappers
        )
    )


def _bind_session(session: Session, _transaction: object, connection: Any) -> None:
    connection.info[_SESSION] = weakref.ref(session)


def _unbind(_dbapi_connection: object, record: Any) -> None:
    record.info.pop(_SESSION, None)


def _guard(
    conn: Any,
    _cursor: object,
    statement: str,
    _parameters: object,
    _context: object,
    _executemany: bool,
) -> None:
    """Refuse a write to a synced table that neither listener saw (see the module doc)."""
    match = _DML.match(statement)
    if match is None or match.group(1).lower() not in synced_tables():
        return
    ref = conn.info.get(_SESSION)
    session: Session | None = ref() if ref is not None else None
    if session is not None and (
        session.info.get(REMOTE) or session.info.get(_BULK) or session._flushing
    ):
        return
    raise UncapturedWrite(
        f"程序错误：对同步数据表 {match.group(1)} 的写入绕过了变更记录，已拒绝；"
        "请改用程序的保存功能（数据没有改变）。",
        code="storage.uncaptured_write",
        table=match.group(1),
    )


def guard_raw_writes(engine: Engine) -> None:
    """Refuse raw SQL and Core writes to synced tables on ``engine`` (idempotent)."""
    if not event.contains(engine, "before_cursor_execute", _guard):
        event.listen(engine, "before_cursor_execute", _guard)
        event.listen(engine, "checkin", _unbind)


def install() -> None:
    """Attach the capture to every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _capture):
        event.listen(Session, "before_flush", _capture)
    if not event.contains(Session, "do_orm_execute", _capture_bulk):
        event.listen(Session, "do_orm_execute", _capture_bulk)
    if not event.contains(Session, "after_begin", _bind_session):
        event.listen(Session, "after_begin", _bind_session)
