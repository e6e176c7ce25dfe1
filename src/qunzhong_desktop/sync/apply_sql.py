"""The import's writes on the driver: rows of a run, row versions, received changes, references.

The applier (:mod:`.apply`) decides; these write in bulk (one ``executemany`` each), with
values bound by the columns' own SQLAlchemy processors so they are stored exactly as the ORM
would store them.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from qunzhong_desktop.sync import schema


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
        target.name, ", ".join(f'"{n}"' for n in names), ", ".join("?" * len(names))
    )
    conn.exec_driver_sql(sql, params)


def write_versions(s: Session, new: list[tuple[Any, ...]], dirty: list[tuple[Any, ...]]) -> None:
    """Insert new row versions (table, row, owner, hlc, epoch, versions) and update changed ones."""
    conn = s.connection()
    if new:
        conn.exec_driver_sql(
            "INSERT INTO sync_row_version (table_name, row_id, owner, hlc, epoch, versions)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            new,
        )
    if dirty:
        conn.exec_driver_sql(
            "UPDATE sync_row_version SET versions = ? WHERE table_name = ? AND row_id = ?",
            dirty,
        )


def write_received(s: Session, rows: list[tuple[str, int, int, str, str]]) -> None:
    """Record received changes: (node, epoch, seq, change id, bundle id)."""
    s.connection().exec_driver_sql(
        "INSERT INTO sync_received (node_id, epoch, seq, change_id, bundle_id)"
        " VALUES (?, ?, ?, ?, ?)",
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
        rows = conn.exec_driver_sql(sql.format(marks=", ".join("?" * len(part))), tuple(part))
        found.extend(row[0] for row in rows)
    return found


def foreign_rows(
    s: Session, table: str, column: str, parent: str, ids: list[str], *, owner: str
) -> list[str]:
    """Which of ``ids`` in ``table`` name (by ``column``) a ``parent`` row ``owner`` does not own."""
    found: list[str] = []
    sql = (
        f'SELECT c.id FROM "{table}" c WHERE c.id IN ({{marks}}) AND c."{column}" IS NOT NULL'
        " AND NOT EXISTS (SELECT 1 FROM sync_row_version v WHERE v.table_name = ?"
        f' AND v.row_id = c."{column}" AND v.owner = ?)'
    )
    conn = s.connection()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        query = sql.format(marks=", ".join("?" * len(part)))
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
        rows = conn.exec_driver_sql(sql.format(marks=", ".join("?" * len(part))), tuple(part))
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
