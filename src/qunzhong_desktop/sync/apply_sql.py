"""The import's writes on the driver: rows of a run, row versions, received changes, references.

The applier (:mod:`.apply`) decides; these write in bulk (:class:`Write`: one
``executemany`` each on SQLite, one ``COPY`` on a server), and ask in bulk (membership tests
of many ids at once, in forms whose plans do not depend on statistics).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Write:
    """One bulk write of the import, ready to run on either engine.

    Without ``sql``: ``params`` are rows of ``names`` inserted into ``table`` (one
    ``executemany`` on SQLite, one ``COPY`` on a server). With ``sql``: that statement, its
    placeholders written ``{0}``, run for each of ``params``.
    """

    table: str
    names: tuple[str, ...]
    params: list[tuple[Any, ...]]
    sql: str = ""


def write(s: Session, writes: list[Write]) -> None:
    """Run ``writes`` now, in order, on the session's connection."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        settle(conn)
        write_on_server(conn.connection.driver_connection, writes)
        return
    for w in writes:
        if not w.params:
            continue
        if w.sql:
            conn.exec_driver_sql(w.sql.format(_mark(conn)), w.params)
        else:
            columns = ", ".join(f'"{n}"' for n in w.names)
            sql = f'INSERT INTO "{w.table}" ({columns}) VALUES ({_marks(conn, len(w.names))})'
            conn.exec_driver_sql(sql, w.params)


def write_on_server(raw: Any, writes: list[Write]) -> None:
    """Run ``writes`` on a psycopg connection, in order.

    Inserts go as ``COPY``: about five times the rows a second of psycopg's pipelined
    executemany, through the same defaults, constraints, indexes and triggers. A unique
    violation is raised as SQLAlchemy's ``IntegrityError``, as the ORM would raise it (the
    importer's ``integrity`` refusal).
    """
    import psycopg

    for w in writes:
        if not w.params:
            continue
        sql = w.sql.format("%s") if w.sql else ""
        try:
            with raw.cursor() as cur:
                if sql:
                    cur.executemany(sql, w.params)
                    continue
                sql = 'COPY "{}" ({}) FROM STDIN'.format(
                    w.table, ", ".join(f'"{n}"' for n in w.names)
                )
                with cur.copy(sql) as copy:
                    for row in w.params:
                        copy.write_row(row)
        except psycopg.errors.IntegrityError as exc:
            raise IntegrityError(sql, None, exc) from exc


#: ``Connection.info`` key of the import's writes running behind it (.apply_behind).
BEHIND = "qunzhong.import_behind"


def settle(conn: Connection) -> None:
    """Wait for the import's writes running behind on this connection, if any.

    Every use of the connection outside SQLAlchemy (the driver's own cursor) calls this
    first; SQLAlchemy's own statements wait through an event (.apply_behind).
    """
    behind = conn.info.get(BEHIND)
    if behind is not None:
        behind.wait()


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


def rows_write(s: Session, table: str, rows: list[dict[str, Any]]) -> Write:
    """An insert of rows of one travelling table (every row with the same keys).

    Values are bound by the columns' own processors, so they are stored as the ORM would.
    """
    dialect = s.get_bind().dialect
    target: Any = schema.model_of(table).__table__
    names = list(rows[0])
    convert = [
        (index, proc)
        for index, name in enumerate(names)
        if (proc := target.c[name].type._cached_bind_processor(dialect)) is not None
    ]
    pick = itemgetter(*names)
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = list(pick(row))
        for index, proc in convert:
            values[index] = proc(values[index])
        params.append(tuple(values))
    return Write(target.name, tuple(names), params)


def updates_write(
    s: Session, table: str, names: tuple[str, ...], rows: list[tuple[str, dict[str, Any]]]
) -> Write:
    """An update of ``names`` in rows of one travelling table: (row id, new values) each.

    One statement run for every row (``executemany``: pipelined on a server); values are
    bound by the columns' own processors, as :func:`rows_write` binds an insert's.
    """
    dialect = s.get_bind().dialect
    target: Any = schema.model_of(table).__table__
    procs = [target.c[name].type._cached_bind_processor(dialect) for name in names]
    params: list[tuple[Any, ...]] = []
    for row_id, values in rows:
        params.append((
            *(value if proc is None else proc(value)
              for proc, value in zip(procs, (values[name] for name in names), strict=True)),
            row_id,
        ))  # fmt: skip
    columns = ", ".join(f'"{name}" = {{0}}' for name in names)
    return Write(
        target.name, (), params, sql=f'UPDATE "{target.name}" SET {columns} WHERE id = {{0}}'
    )


def versions_writes(new: list[tuple[Any, ...]], dirty: list[tuple[Any, ...]]) -> list[Write]:
    """Row versions to write.

    ``new``: (table, row, owner, hlc, epoch, versions); ``dirty``: (versions, table, row).
    """
    update = "UPDATE sync_row_version SET versions = {0} WHERE table_name = {0} AND row_id = {0}"
    return [
        Write("sync_row_version", _VERSION_COLUMNS, new),
        Write("sync_row_version", (), dirty, sql=update),
    ]


def received_write(rows: list[tuple[str, int, int, str, str]]) -> Write:
    """Records of received changes: (node, epoch, seq, change id, bundle id)."""
    return Write("sync_received", _RECEIVED_COLUMNS, list(rows))


_VERSION_COLUMNS = ("table_name", "row_id", "owner", "hlc", "epoch", "versions")
_RECEIVED_COLUMNS = ("node_id", "epoch", "seq", "change_id", "bundle_id")


#: Where a read runs: the import's session, or a connection of its own (.apply_behind's reader).
Reading = Session | Connection


def _connection(source: Reading) -> Connection:
    return source if isinstance(source, Connection) else source.connection()


def _select_in(
    s: Reading, sql: str, values: list[str], before: tuple[Any, ...] = (), *, server: str
) -> list[Any]:
    """Rows of a membership test of ``values``, asked in parts.

    SQLite runs ``sql``, whose ``{IN}`` becomes ``IN (?, …)``, in parts of 500 (its limit on
    parameters); ``{mark}`` is the driver's placeholder, bound from ``before``, which come
    before the values. A server runs ``server`` instead, in parts of 10,000: the values are
    its first parameter, one array (``unnest(%s::text[]) AS x(id)``, the array's text built
    here: :func:`text_array`), ``before`` the parameters after it.

    The server's form is chosen so that its plan does not depend on statistics
    (:func:`_probes`). The statement is never prepared: psycopg prepares a statement on its
    fifth run, and PostgreSQL's generic plan of an array of unknown size took 1–2 s a query
    in the county import where the plan for the values at hand takes a millisecond.
    """
    conn = _connection(s)
    on_server = conn.dialect.name == "postgresql"
    size = 10_000 if on_server else 500
    found: list[Any] = []
    for start in range(0, len(values), size):
        part = values[start : start + size]
        if on_server:
            found.extend(_server_rows(conn, server, (text_array(part), *before)))
        else:
            query = sql.format(IN=f"IN ({_marks(conn, len(part))})", mark=_mark(conn))
            found.extend(conn.exec_driver_sql(query, (*before, *part)))
    return found


def _server_rows(conn: Connection, sql: str, params: tuple[Any, ...]) -> list[Any]:
    """Run ``sql`` on the server unprepared (see :func:`_select_in`); its rows."""
    settle(conn)
    with conn.connection.driver_connection.cursor() as cur:  # type: ignore[union-attr]
        cur.execute(sql, params, prepare=False)
        rows: list[Any] = cur.fetchall()
        return rows


def _probes(table: str, where: str, columns: str = "1") -> str:
    """A subquery that looks up rows of ``table`` by ``where``, one outer row at a time.

    The import's membership tests on a server are written as the ids (``unnest``) driving a
    correlated subquery per id. ``OFFSET 0`` keeps the planner from turning the subquery
    into a join, so each id is an index probe whatever the statistics say. As a plain join,
    tables that had not been analysed yet — a county's first imports, or a server with
    autovacuum off — got a hash join over a sequential scan of every resident: 0.2–0.5 s a
    query at 440,000 residents, the largest part of the import's work on the server.
    """
    return f'(SELECT {columns} FROM "{table}" WHERE {where} OFFSET 0)'


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


_IDS = "FROM unnest(%s::text[]) AS x(id)"


def present_ids(s: Reading, table: str, ids: list[str]) -> set[str]:
    """Which of ``ids`` are rows of ``table`` here."""
    server = f"SELECT x.id {_IDS} WHERE EXISTS {_probes(table, 'id = x.id')}"
    sql = f'SELECT id FROM "{table}" WHERE id {{IN}}'
    return {row[0] for row in _select_in(s, sql, ids, server=server)}


def row_versions(s: Reading, table: str, ids: list[str]) -> list[tuple[str, str, str, int, Any]]:
    """(row id, owner, hlc, epoch, versions) of the rows of ``table`` among ``ids`` with one."""
    columns = "row_id, owner, hlc, epoch, versions"
    probe = _probes("sync_row_version", "table_name = %s AND row_id = x.id", columns)
    rows = _select_in(
        s,
        f"SELECT {columns} FROM sync_row_version WHERE table_name = {{mark}} AND row_id {{IN}}",
        ids,
        (table,),
        server=f"SELECT v.* {_IDS} CROSS JOIN LATERAL {probe} AS v",
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
    row = _probes(table, "id = x.id", f'id, "{column}" AS ref')
    server = (
        f"SELECT c.id {_IDS} CROSS JOIN LATERAL {row} AS c"
        f" WHERE c.ref IS NOT NULL AND NOT EXISTS {_probes(parent, 'id = c.ref')}"
    )
    return [row[0] for row in _select_in(s, sql, ids, server=server)]


def foreign_rows_of(
    s: Session, table: str, column: str, parent: str, pairs: list[tuple[str, str]]
) -> list[str]:
    """Which rows of ``table`` name (by ``column``) a ``parent`` row their owner does not own.

    ``pairs``: (row id, owner). A server asks once a part (the pairs as two arrays, unnested
    side by side); SQLite once per owner.
    """
    conn = s.connection()
    if conn.dialect.name != "postgresql":
        by_owner: dict[str, list[str]] = {}
        for row_id, owner in pairs:
            by_owner.setdefault(owner, []).append(row_id)
        sql = (
            f'SELECT c.id FROM "{table}" c WHERE c."{column}" IS NOT NULL'
            " AND NOT EXISTS (SELECT 1 FROM sync_row_version v WHERE v.table_name = {mark}"
            f' AND v.row_id = c."{column}" AND v.owner = {{mark}}) AND c.id {{IN}}'
        )
        return [
            row[0]
            for owner, ids in by_owner.items()
            for row in _select_in(s, sql, ids, (parent, owner), server="")
        ]
    row = _probes(table, "id = x.id", f'id, "{column}" AS ref')
    owned = _probes("sync_row_version", "table_name = %s AND row_id = c.ref AND owner = x.owner")
    sql = (
        f"SELECT c.id FROM unnest(%s::text[], %s::text[]) AS x(id, owner)"
        f" CROSS JOIN LATERAL {row} AS c WHERE c.ref IS NOT NULL AND NOT EXISTS {owned}"
    )
    found: list[str] = []
    for start in range(0, len(pairs), 10_000):
        part = pairs[start : start + 10_000]
        params = (text_array([p[0] for p in part]), text_array([p[1] for p in part]), parent)
        found.extend(row[0] for row in _server_rows(conn, sql, params))
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
    live = "deleted_at IS NULL AND id_number IS NOT NULL"
    person = _probes("person", f"id = x.id AND {live}", "id, id_number, origin")
    other = _probes(
        "person",
        "id_number = p.id_number AND id != p.id AND origin != p.origin AND deleted_at IS NULL",
        "name, origin",
    )
    server = (
        f"SELECT p.id, p.id_number, o.name, COALESCE(peer.code, '') {_IDS}"
        f" CROSS JOIN LATERAL {person} AS p CROSS JOIN LATERAL {other} AS o"
        " LEFT JOIN sync_peer peer ON peer.node_id = o.origin"
    )
    return [(r[0], r[1], r[2], r[3]) for r in _select_in(s, sql, ids, server=server)]


def received_from(s: Session, change_id: str, sender: str) -> bool:
    """Whether a change of this id was already received from ``sender`` (any epoch)."""
    row = s.execute(
        text("SELECT 1 FROM sync_received WHERE change_id = :c AND node_id = :n LIMIT 1"),
        {"c": change_id, "n": sender},
    ).first()
    return row is not None


def load_numbers(s: Reading, chunk: list[dict[str, Any]], known: dict[str, str | None]) -> None:
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


def items_with_numbers(s: Reading, numbers: list[str]) -> dict[str, str | None]:
    """Each of ``numbers`` → the id of the item here that has it (None when none has)."""
    found: dict[str, str | None] = dict.fromkeys(numbers)
    sql = "SELECT number, id FROM intake_item WHERE number {IN}"
    probe = _probes("intake_item", "number = x.id", "number, id")
    server = f"SELECT i.* {_IDS} CROSS JOIN LATERAL {probe} AS i"
    found.update((row[0], str(row[1])) for row in _select_in(s, sql, numbers, server=server))
    return found


def item_with_number(s: Session, number: str) -> str | None:
    """The id of the item here that has ``number``, if any."""
    value = s.execute(text("SELECT id FROM intake_item WHERE number = :n"), {"n": number}).scalar()
    return None if value is None else str(value)
