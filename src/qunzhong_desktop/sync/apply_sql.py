"""The import's writes on the driver: rows of a run, row versions, received changes, references.

The applier (:mod:`.apply`) decides; these write in bulk (one ``executemany`` each), with
values bound by the columns' own SQLAlchemy processors so they are stored exactly as the ORM
would store them.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from qunzhong_desktop.sync import schema


def _mark(conn: Connection) -> str:
    """The driver's placeholder: ``?`` for sqlite3, ``%s`` for psycopg."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _marks(conn: Connection, count: int) -> str:
    return ", ".join([_mark(conn)] * count)


def defer_references(s: Session) -> None:
    """Check foreign keys at COMMIT, not per row, for the rest of this transaction.

    The importer checks references itself once every line is in (``Applier.finish``); the
    database checks again at COMMIT. SQLite: a pragma that ends with the transaction;
    PostgreSQL: ``SET CONSTRAINTS`` (every foreign key is DEFERRABLE there, migrations/env.py).
    """
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
    else:
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def insert_rows(s: Session, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows of one travelling table (every row with the same keys)."""
    conn = s.connection()
    target: Any = schema.model_of(table).__table__
    names = list(rows[0])
    convert = [
        (index, proc)
        for index, name in enumerate(names)
        if (proc := target.c[name].type._cached_bind_processor(conn.dialect)) is not None
    ]
    pick = itemgetter(*names)
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = list(pick(row))
        for index, proc in convert:
            values[index] = proc(values[index])
        params.append(tuple(values))
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        target.name, ", ".join(f'"{n}"' for n in names), _marks(conn, len(names))
    )
    conn.exec_driver_sql(sql, params)


def write_versions(s: Session, new: list[tuple[Any, ...]], dirty: list[tuple[Any, ...]]) -> None:
    """Insert new row versions (table, row, owner, hlc, epoch, versions) and update changed ones."""
    conn = s.connection()
    if new:
        conn.exec_driver_sql(
            "INSERT INTO sync_row_version (table_name, row_id, owner, hlc, epoch, versions)"
            f" VALUES ({_marks(conn, 6)})",
            new,
        )
    if dirty:
        conn.exec_driver_sql(
            "UPDATE sync_row_version SET versions = {0} WHERE table_name = {0} AND row_id = {0}".format(
                _mark(conn)
            ),
            dirty,
        )


def write_received(s: Session, rows: list[tuple[str, int, int, str, str]]) -> None:
    """Record received changes: (node, epoch, seq, change id, bundle id)."""
    conn = s.connection()
    conn.exec_driver_sql(
        f"INSERT INTO sync_received (node_id, epoch, seq, change_id, bundle_id) VALUES ({_marks(conn, 5)})",
        rows,
    )


def dangling_rows(s: Session, table: str, column: str, parent: str, ids: list[str]) -> list[str]:
    """Which of ``ids`` in ``table`` name a ``parent`` row (by ``column``) that is not there."""
    found: list[str] = []
    sql = (
        f'SELECT c.id FROM "{table}" c WHERE c.id IN ({{marks}}) AND c."{column}" IS NOT NULL'
        f' AND NOT EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = c."{column}")'
    )
    conn = s.connection()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        rows = conn.exec_driver_sql(sql.format(marks=_marks(conn, len(part))), tuple(part))
        found.extend(row[0] for row in rows)
    return found


def foreign_rows(
    s: Session, table: str, column: str, parent: str, ids: list[str], *, owner: str
) -> list[str]:
    """Which of ``ids`` in ``table`` name (by ``column``) a ``parent`` row ``owner`` does not own."""
    found: list[str] = []
    sql = (
        f'SELECT c.id FROM "{table}" c WHERE c.id IN ({{marks}}) AND c."{column}" IS NOT NULL'
        " AND NOT EXISTS (SELECT 1 FROM sync_row_version v WHERE v.table_name = {mark}"
        f' AND v.row_id = c."{column}" AND v.owner = {{mark}})'
    )
    conn = s.connection()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        query = sql.format(marks=_marks(conn, len(part)), mark=_mark(conn))
        found.extend(row[0] for row in conn.exec_driver_sql(query, (*part, parent, owner)))
    return found


def shared_id_numbers(s: Session, ids: list[str]) -> list[tuple[str, str, str, str]]:
    """Live people among ``ids`` whose ID number another origin has live too.

    Returns:
        (person id, ID number, the other person's name, the other station's code).
    """
    found: list[tuple[str, str, str, str]] = []
    sql = (
        "SELECT p.id, p.id_number, o.name, COALESCE(peer.code, '') FROM person p"
        " JOIN person o ON o.id_number = p.id_number AND o.id != p.id AND o.origin != p.origin"
        " AND o.deleted_at IS NULL"
        " LEFT JOIN sync_peer peer ON peer.node_id = o.origin"
        " WHERE p.id IN ({marks}) AND p.deleted_at IS NULL AND p.id_number IS NOT NULL"
    )
    conn = s.connection()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        rows = conn.exec_driver_sql(sql.format(marks=_marks(conn, len(part))), tuple(part))
        found.extend((r[0], r[1], r[2], r[3]) for r in rows)
    return found


def received_from(s: Session, change_id: str, sender: str) -> bool:
    """Whether a change of this id was already received from ``sender`` (any epoch)."""
    row = s.execute(
        text("SELECT 1 FROM sync_received WHERE change_id = :c AND node_id = :n LIMIT 1"),
        {"c": change_id, "n": sender},
    ).first()
    return row is not None


def item_with_number(s: Session, number: str) -> str | None:
    """The id of the item here that has ``number``, if any."""
    value = s.execute(text("SELECT id FROM intake_item WHERE number = :n"), {"n": number}).scalar()
    return None if value is None else str(value)
