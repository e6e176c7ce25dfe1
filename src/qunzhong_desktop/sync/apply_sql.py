"""The import's writes on the driver: rows of a run, row versions, received changes, references.

The applier (:mod:`.apply`) decides; these write in bulk (one ``executemany`` each on SQLite,
one ``COPY`` on a server: about five times the rows per second of psycopg's pipelined
executemany, the same rows, defaults, checks and triggers), with values bound by the columns'
own SQLAlchemy processors so they are stored exactly as the ORM would store them.
"""

from __future__ import annotations

import json
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qunzhong_desktop.sync import schema


def _mark(conn: Connection) -> str:
    """The driver's placeholder: ``?`` for sqlite3, ``%s`` for psycopg."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _marks(conn: Connection, count: int) -> str:
    return ", ".join([_mark(conn)] * count)


def _bulk(conn: Connection, table: str, names: list[str], params: list[tuple[Any, ...]]) -> None:
    """Insert ``params`` (values of ``names``) into ``table``: COPY on a server."""
    if conn.dialect.name != "postgresql":
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            table, ", ".join(f'"{n}"' for n in names), _marks(conn, len(names))
        )
        conn.exec_driver_sql(sql, params)
        return
    import psycopg

    sql = 'COPY "{}" ({}) FROM STDIN'.format(table, ", ".join(f'"{n}"' for n in names))
    raw: Any = conn.connection.driver_connection
    try:
        with raw.cursor().copy(sql) as copy:
            for row in params:
                copy.write_row(row)
    except psycopg.errors.IntegrityError as exc:  # as SQLAlchemy would raise it
        raise IntegrityError(sql, None, exc) from exc


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
    _bulk(conn, target.name, names, params)


def write_versions(s: Session, new: list[tuple[Any, ...]], dirty: list[tuple[Any, ...]]) -> None:
    """Insert new row versions (table, row, owner, hlc, epoch, versions) and update changed ones."""
    conn = s.connection()
    if new:
        _bulk(conn, "sync_row_version", _VERSION_COLUMNS, new)
    if dirty:
        conn.exec_driver_sql(
            "UPDATE sync_row_version SET versions = {0} WHERE table_name = {0} AND row_id = {0}".format(
                _mark(conn)
            ),
            dirty,
        )


def write_received(s: Session, rows: list[tuple[str, int, int, str, str]]) -> None:
    """Record received changes: (node, epoch, seq, change id, bundle id)."""
    _bulk(s.connection(), "sync_received", _RECEIVED_COLUMNS, rows)


_VERSION_COLUMNS = ["table_name", "row_id", "owner", "hlc", "epoch", "versions"]
_RECEIVED_COLUMNS = ["node_id", "epoch", "seq", "change_id", "bundle_id"]


def _select_in(s: Session, sql: str, values: list[str], before: tuple[Any, ...] = ()) -> list[Any]:
    """Rows of ``sql`` whose ``{IN}`` is a membership test in ``values``, asked in parts.

    A server takes the values as one array (``= ANY(%s::text[])``, the array's text built
    here: :func:`text_array`): one parameter, few round trips; SQLite ``IN (?, …)`` in
    parts of 500 (its limit on parameters). ``{mark}`` is the driver's placeholder, bound
    from ``before``, which come before the values. On a server the statement is never
    prepared: psycopg prepares a statement on its fifth run, and PostgreSQL's generic plan
    of ``= ANY($1)`` (the array's size unknown) took 1–2 s a query in the county import
    where the plan for the values at hand takes a millisecond.
    """
    conn = s.connection()
    server = conn.dialect.name == "postgresql"
    size = 10_000 if server else 500
    found: list[Any] = []
    for start in range(0, len(values), size):
        part = values[start : start + size]
        if server:
            condition, params = "= ANY(%s::text[])", (*before, text_array(part))
        else:
            condition, params = f"IN ({_marks(conn, len(part))})", (*before, *part)
        query = sql.format(IN=condition, mark=_mark(conn))
        if server:  # never prepared: see the docstring
            with conn.connection.driver_connection.cursor() as cur:  # type: ignore[union-attr]
                cur.execute(query, params, prepare=False)
                found.extend(cur.fetchall())
        else:
            found.extend(conn.exec_driver_sql(query, params))
    return found


def text_array(values: list[str]) -> str:
    """``values`` as the text of a PostgreSQL ``text[]``, every element quoted and escaped.

    Exact for any text (quotes, backslashes, commas, braces, spaces, ``NULL``); several times
    cheaper than psycopg's dumping of a list, which escapes element by element in Python
    (~2 ms a part of 2,000 ids, ~5 % of the county import).
    """
    if not values:
        return "{}"
    flat = "".join(values)
    if '"' in flat or "\\" in flat:  # only then element by element (ids have neither)
        values = [v.replace("\\", "\\\\").replace('"', '\\"') for v in values]
    return '{"' + '","'.join(values) + '"}'


def present_ids(s: Session, table: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` are rows of ``table`` here."""
    return {row[0] for row in _select_in(s, f'SELECT id FROM "{table}" WHERE id {{IN}}', ids)}


def row_versions(s: Session, table: str, ids: list[str]) -> list[tuple[str, str, str, int, Any]]:
    """(row id, owner, hlc, epoch, versions) of the rows of ``table`` among ``ids`` with one."""
    rows = _select_in(
        s,
        "SELECT row_id, owner, hlc, epoch, versions FROM sync_row_version"
        " WHERE table_name = {mark} AND row_id {IN}",
        ids,
        (table,),
    )
    # the driver's own value: JSON text on SQLite, already decoded by psycopg
    return [
        (r[0], r[1], r[2], r[3], json.loads(r[4]) if isinstance(r[4], str) else r[4]) for r in rows
    ]


def dangling_rows(s: Session, table: str, column: str, parent: str, ids: list[str]) -> list[str]:
    """Which of ``ids`` in ``table`` name a ``parent`` row (by ``column``) that is not there."""
    sql = (
        f'SELECT c.id FROM "{table}" c WHERE c.id {{IN}} AND c."{column}" IS NOT NULL'
        f' AND NOT EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = c."{column}")'
    )
    return [row[0] for row in _select_in(s, sql, ids)]


def foreign_rows(
    s: Session, table: str, column: str, parent: str, ids: list[str], *, owner: str
) -> list[str]:
    """Which of ``ids`` in ``table`` name (by ``column``) a ``parent`` row ``owner`` does not own."""
    sql = (
        f'SELECT c.id FROM "{table}" c WHERE c."{column}" IS NOT NULL'
        " AND NOT EXISTS (SELECT 1 FROM sync_row_version v WHERE v.table_name = {mark}"
        f' AND v.row_id = c."{column}" AND v.owner = {{mark}}) AND c.id {{IN}}'
    )
    return [row[0] for row in _select_in(s, sql, ids, (parent, owner))]


def foreign_rows_of(
    s: Session, table: str, column: str, parent: str, pairs: list[tuple[str, str]]
) -> list[str]:
    """:func:`foreign_rows` for rows of several owners at once: (row id, owner) pairs.

    A server asks once (the pairs as two arrays, unnested side by side); SQLite once per
    owner.
    """
    conn = s.connection()
    if conn.dialect.name != "postgresql":
        by_owner: dict[str, list[str]] = {}
        for row_id, owner in pairs:
            by_owner.setdefault(owner, []).append(row_id)
        return [
            row_id
            for owner, ids in by_owner.items()
            for row_id in foreign_rows(s, table, column, parent, ids, owner=owner)
        ]
    sql = (
        f'SELECT c.id FROM unnest(%s::text[], %s::text[]) AS x(id, owner) JOIN "{table}" c'
        f' ON c.id = x.id WHERE c."{column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM'
        f' sync_row_version v WHERE v.table_name = %s AND v.row_id = c."{column}"'
        " AND v.owner = x.owner)"
    )
    found: list[str] = []
    for start in range(0, len(pairs), 10_000):
        part = pairs[start : start + 10_000]
        params = (text_array([p[0] for p in part]), text_array([p[1] for p in part]), parent)
        with conn.connection.driver_connection.cursor() as cur:  # type: ignore[union-attr]
            cur.execute(sql, params, prepare=False)  # never prepared: see _select_in
            found.extend(row[0] for row in cur.fetchall())
    return found


def shared_id_numbers(s: Session, ids: list[str]) -> list[tuple[str, str, str, str]]:
    """Live people among ``ids`` whose ID number another origin has live too.

    Returns:
        (person id, ID number, the other person's name, the other station's code).
    """
    sql = (
        "SELECT p.id, p.id_number, o.name, COALESCE(peer.code, '') FROM person p"
        " JOIN person o ON o.id_number = p.id_number AND o.id != p.id AND o.origin != p.origin"
        " AND o.deleted_at IS NULL"
        " LEFT JOIN sync_peer peer ON peer.node_id = o.origin"
        " WHERE p.id {IN} AND p.deleted_at IS NULL AND p.id_number IS NOT NULL"
    )
    return [(r[0], r[1], r[2], r[3]) for r in _select_in(s, sql, ids)]


def received_from(s: Session, change_id: str, sender: str) -> bool:
    """Whether a change of this id was already received from ``sender`` (any epoch)."""
    row = s.execute(
        text("SELECT 1 FROM sync_received WHERE change_id = :c AND node_id = :n LIMIT 1"),
        {"c": change_id, "n": sender},
    ).first()
    return row is not None


def load_numbers(s: Session, chunk: list[dict[str, Any]], known: dict[str, str | None]) -> None:
    """Add to ``known`` (number → item id here, or None) the numbers ``chunk``'s items bring."""
    wanted = {
        number
        for c in chunk
        if c["table_name"] == "intake_item" and c["op"] == "insert"
        and isinstance(c["fields"], dict)
        and isinstance(number := c["fields"].get("number"), str)
        and number not in known
    }  # fmt: skip
    known.update(items_with_numbers(s, sorted(wanted)))


def items_with_numbers(s: Session, numbers: list[str]) -> dict[str, str | None]:
    """Each of ``numbers`` → the id of the item here that has it (None when none has)."""
    found: dict[str, str | None] = dict.fromkeys(numbers)
    sql = "SELECT number, id FROM intake_item WHERE number {IN}"
    found.update((row[0], str(row[1])) for row in _select_in(s, sql, numbers))
    return found


def item_with_number(s: Session, number: str) -> str | None:
    """The id of the item here that has ``number``, if any."""
    value = s.execute(text("SELECT id FROM intake_item WHERE number = :n"), {"n": number}).scalar()
    return None if value is None else str(value)
