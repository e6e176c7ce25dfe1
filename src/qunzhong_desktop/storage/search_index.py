"""The search indexes of residents and items, on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm).

The meaning of a search does not change with the index: a person matches when the lower-case
needle (spaces removed, :func:`core.text.compact`) is a substring of ``person.search_text``;
an item when it is a substring of its number, requester's name or content (ASCII letters in
any case). The indexes only find the candidates fast; every candidate is checked again with
the same ``LIKE`` as before.

SQLite: ``search_person`` / ``search_item`` hold one row per live person / item (an INTEGER
key, so that VACUUM and SQLCipher's export keep the FTS rowids), kept by triggers on
``person`` and ``intake_item``; ``*_fts`` are FTS5 tables with the ``trigram`` tokenizer over
them (external content), ``*_terms`` their vocabulary (fts5vocab). A needle of 3 characters
or more is a ``LIKE`` the trigram index answers; a needle of 2 is the OR of the indexed
trigrams that begin with it (found in the vocabulary; every text ends with a space, so an
occurrence at the end has a trigram too); a needle of 1 character scans as before (it finds
most of the register anyway). All of it is this PC's own: never synced, rebuilt from the
source rows by :func:`rebuild` (the migration does).

PostgreSQL: ``pg_trgm`` GIN indexes answer the ``LIKE``/``ILIKE`` of 3 ASCII characters or
more. A needle of 1 or 2 characters, or one with a Chinese character, goes to the gram index
instead (migration 0020): ``qz_grams(text)`` is the set of the text's single characters and
pairs of neighbouring characters (none with a space), a GIN index over
``qz_grams(person.search_text)`` of the live persons, and the needle's own grams (itself
for 1 character, its pairs otherwise) must all be there (``@>``) before the ``LIKE`` checks
the candidate. pg_trgm cannot serve those: it makes no trigram of a 1–2 character needle, and
in a database whose character type is ``C`` (``initdb --no-locale``, the test cluster, many
servers) it takes Chinese characters for separators and indexes none of them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, bindparam, cast, func, or_, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.item_order import ORDER_INDEXES, SERVER_INDEXES, SQLITE_INDEXES

#: The separator between an item's number, requester's name and content in its search text:
#: a control character, which :func:`compact` removes from every needle.
ITEM_SEPARATOR = "\x1f"

#: Every table, index and function the search adds outside the models (alembic's comparison
#: leaves them alone: :func:`include_name`).
SQLITE_TABLES = ("search_person", "search_item")
SQLITE_VIRTUAL = (
    "search_person_fts",
    "search_item_fts",
    "search_person_terms",
    "search_item_terms",
)
_FTS_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")
PG_INDEXES = (
    "ix_person_search_grams",
    "ix_person_search_trgm",
    "ix_intake_item_number_trgm",
    "ix_intake_item_requester_trgm",
    "ix_intake_item_content_trgm",
)
LOCAL_NAMES = frozenset(
    [*SQLITE_TABLES, *SQLITE_VIRTUAL, *PG_INDEXES, *SERVER_INDEXES, *ORDER_INDEXES, *SQLITE_INDEXES]
    + [f"{fts}{suffix}" for fts in SQLITE_VIRTUAL[:2] for suffix in _FTS_SHADOWS]
)


def include_name(name: str | None, type_: str, _parents: dict[str, Any]) -> bool:
    """For alembic's ``include_name``: leave the search's own tables and indexes out."""
    return name not in LOCAL_NAMES


def _sqlite_item_text(row: str) -> str:
    return f"{row}.number || char(31) || {row}.requester_name || char(31) || {row}.content || ' '"


def rebuild(conn: Any) -> None:
    """Fill the SQLite search tables again from the persons and items (a repair, or the start)."""
    conn.exec_driver_sql("DELETE FROM search_person")
    conn.exec_driver_sql("DELETE FROM search_item")
    conn.exec_driver_sql(
        "INSERT INTO search_person (person_id, household_id, text) "
        "SELECT id, household_id, search_text || ' ' FROM person WHERE deleted_at IS NULL"
    )
    conn.exec_driver_sql(
        f"INSERT INTO search_item (item_id, text) SELECT r.id, {_sqlite_item_text('r')} "
        "FROM intake_item AS r"
    )
    for table in SQLITE_TABLES:
        conn.exec_driver_sql(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")


# -- queries --------------------------------------------------------------------------------
def needle_of(query: str) -> str:
    """The needle a query searches for: full-width folded, spaces removed, lower case."""
    return compact(query).lower()


def like_pattern(needle: str) -> str:
    """``%needle%`` with LIKE's wildcards in the needle taken literally (a backslash escapes)."""
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _sqlite_keys(table: str, key: str, needle: str) -> str:
    """SQL selecting ``key`` of the rows of ``search_*`` holding ``needle``.

    Its parameters: ``:pattern``, ``:loose`` (3 characters or more), ``:low``/``:high`` (2).
    """
    sql = f"SELECT {key} FROM {table} WHERE text LIKE :pattern ESCAPE '\\'"
    if len(needle) >= 3:  # the trigram index answers a LIKE (FTS5 takes none with ESCAPE:
        # the needle's own % and _ find more candidates there, the check above drops them)
        return f"{sql} AND id IN (SELECT rowid FROM {table}_fts WHERE text LIKE :loose)"
    if len(needle) == 2:  # every indexed trigram beginning with the pair (or none at all)
        terms = (
            f"SELECT group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR ') "
            f"FROM {table}_terms WHERE term >= :low AND term < :high"
        )
        return (
            f"{sql} AND id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH "
            f"coalesce(({terms}), '\"' || char(1, 2, 3) || '\"'))"
        )
    return sql  # one character: a scan, as before


def _params(needle: str, pattern: str) -> dict[str, Any]:
    if len(needle) >= 3:
        return {"pattern": pattern, "loose": f"%{needle}%"}
    if len(needle) == 1:
        return {"pattern": pattern}
    pair = needle.lower()  # the trigrams are folded to lower case
    return {"pattern": pattern, "low": pair, "high": pair[0] + chr(ord(pair[1]) + 1)}


def grams_of(needle: str) -> list[str]:
    """The grams a text holding ``needle`` must hold: the character itself, or its pairs."""
    if len(needle) <= 1:
        return [needle] if needle else []
    return sorted({needle[i : i + 2] for i in range(len(needle) - 1)})


def needs_grams(needle: str) -> bool:
    """Whether PostgreSQL's gram index answers ``needle`` (pg_trgm does not: see the doc)."""
    return len(needle) < 3 or not needle.isascii()


def person_grams() -> ColumnElement[Any]:
    """``qz_grams(person.search_text)``: the expression the gram index (0020) is built on."""
    return func.qz_grams(m.Person.search_text)


def dialect_of(s: Session) -> str:
    """The engine's name for a session: ``sqlite`` or ``postgresql``."""
    return s.get_bind().dialect.name


def persons_matching(dialect: str, query: str) -> Select[Any] | None:
    """``(id, household_id)`` of the live persons whose search text holds the query.

    None for an empty query (everyone). ``dialect``: the engine's name
    (:func:`dialect_of`). Persons of a deleted household are still in it: the caller keeps
    to live households.
    """
    needle = needle_of(query)
    if not needle:
        return None
    pattern = like_pattern(needle)
    person = m.Person
    if dialect == "sqlite":
        sql = _sqlite_keys("search_person", "person_id AS id, household_id", needle)
        found = text(sql).bindparams(**_params(needle, pattern))
        sub = found.columns(person.id, person.household_id).subquery("found")
        found_stmt: Select[Any] = select(sub.c.id, sub.c.household_id)
        return found_stmt
    live = person.search_text.like(pattern, escape="\\")
    stmt: Select[Any] = select(person.id, person.household_id)  # type: ignore[assignment]
    stmt = stmt.where(person.deleted_at.is_(None), live)
    if needs_grams(needle):
        grams = cast(postgresql.array(grams_of(needle)), postgresql.ARRAY(Text))
        stmt = stmt.where(person_grams().op("@>")(grams))
    return stmt


def _fts_query(needle: str) -> str:
    """The FTS5 query of a needle of 3+ characters: every trigram in it (each quoted)."""
    grams = sorted({needle[i : i + 3] for i in range(len(needle) - 2)})
    return " AND ".join('"' + gram.replace('"', '""') + '"' for gram in grams)


#: A candidate's household is live (a correlated look-up per candidate: a join would make
#: SQLite build a Bloom filter over every household before the first row).
_LIVE_HOUSEHOLD = (
    "NOT EXISTS (SELECT 1 FROM household AS h "
    "WHERE h.id = sp.household_id AND h.deleted_at IS NOT NULL)"
)


def _sqlite_stream(shape: int) -> str:
    """SQL of :func:`persons_stream` on SQLite for a needle of ``shape`` characters (1, 2, 3+).

    Its parameters: ``:pattern``, and ``:terms`` (3 characters or more) or ``:low``/``:high``.
    """
    check = f"sp.text LIKE :pattern ESCAPE '\\' AND {_LIVE_HOUSEHOLD}"
    cols = "sp.person_id AS id, sp.household_id AS household_id"
    if shape == 1:  # a scan in rowid order: a common character stops at once
        return f"SELECT {cols} FROM search_person AS sp WHERE {check}"
    # the FTS table drives (CROSS JOIN keeps it first): its rowids come in order and a LIMIT
    # stops the walk; MATCH rather than LIKE there, so FTS5 does not read each candidate's
    # text back from the content table before the check here
    match = ":terms"
    if shape == 2:
        terms = (
            "SELECT group_concat('\"' || replace(term, '\"', '\"\"') || '\"', ' OR ') "
            "FROM search_person_terms WHERE term >= :low AND term < :high"
        )
        match = f"coalesce(({terms}), '\"' || char(1, 2, 3) || '\"')"
    return (
        f"SELECT {cols} FROM search_person_fts AS f CROSS JOIN search_person AS sp "
        f"ON sp.id = f.rowid WHERE f.search_person_fts MATCH {match} AND {check}"
    )


@lru_cache(maxsize=16)
def _stream_statement(dialect: str, shape: int, numbered: bool = False) -> Select[Any]:
    """The statement of :func:`persons_stream` for one shape of needle, with bound parameters.

    Built once per shape: building and keying a statement costs about as much Python as the
    search's SQL takes on a server.
    """
    person = m.Person
    if dialect == "sqlite":
        found = text(_sqlite_stream(shape)).columns(person.id, person.household_id)
        sub = found.subquery("streamed")
        stmt: Select[Any] = select(sub.c.id, sub.c.household_id)
        return stmt
    household = m.Household
    matching = (
        person.deleted_at.is_(None),
        person.search_text.like(bindparam("pattern", type_=Text), escape="\\"),
    )
    if numbered:  # the live household joined (one row each): its 户号 comes with the person
        stmt = (
            select(person.id, person.household_id, household.number)  # type: ignore[assignment]
            .join(household, household.id == person.household_id)
            .where(*matching, household.deleted_at.is_(None))
        )
    else:
        live = (
            select(household.id)
            .where(household.id == person.household_id, household.deleted_at.is_(None))
            .exists()
        )
        stmt = select(person.id, person.household_id).where(  # type: ignore[assignment]
            *matching, live
        )
    if shape == _GRAMS:
        grams = bindparam("grams", type_=postgresql.ARRAY(Text))
        stmt = stmt.where(person_grams().op("@>")(grams))
    return stmt


#: The server's shape of a needle the gram index answers (see :func:`needs_grams`).
_GRAMS = 1


def persons_stream(
    dialect: str, query: str, *, numbered: bool = False
) -> tuple[Select[Any], dict[str, Any]] | None:
    """``(id, household_id)`` of the live persons of live households holding the query.

    ``numbered``: on a server the household's ``number`` (户号) comes as a third column (the
    household is read for the live check anyway); on SQLite it is not there.

    The statement (one per shape of needle, built once) and its parameters; None for an empty
    query. The same persons as :func:`persons_matching` (less those of a deleted household),
    in the index's own order and with no ORDER BY: a ``LIMIT`` on it stops the index walk
    early, so a caller that wants N takes N + 1 and sorts just those (SQLite: the FTS5
    rowids, or the rows of ``search_person`` for one character; PostgreSQL: the GIN bitmap's
    heap order).
    """
    needle = needle_of(query)
    if not needle:
        return None
    params: dict[str, Any] = {"pattern": like_pattern(needle)}
    if dialect == "sqlite":
        shape = min(len(needle), 3)
        if shape == 3:
            params["terms"] = _fts_query(needle)
        elif shape == 2:
            params.update(low=needle, high=needle[0] + chr(ord(needle[1]) + 1))
        return _stream_statement(dialect, shape), params
    if needs_grams(needle):
        params["grams"] = grams_of(needle)
        return _stream_statement(dialect, _GRAMS, numbered), params
    return _stream_statement(dialect, 0, numbered), params


def item_text_condition(dialect: str, query: str) -> ColumnElement[bool] | None:
    """A condition on ``intake_item``: its number, requester's name or content holds the query.

    ASCII letters in any case, ``%`` and ``_`` as typed; None for an empty query.
    """
    needle = compact(query)
    if not needle:
        return None
    item = m.IntakeItem
    pattern = like_pattern(needle)
    if dialect == "sqlite":
        sql = _sqlite_keys("search_item", "item_id", needle)
        found = text(sql).bindparams(**_params(needle, pattern)).columns(item.id)
        return item.id.in_(found)
    columns = (item.number, item.requester_name, item.content)
    if needle.lower() == needle.upper():  # no letter with a case (Chinese, digits): the same
        # rows as ILIKE, about twice as fast where the server must read every item (pg_trgm
        # makes no trigram of a Chinese needle on a `C` server: 400 → 190 ms at 450,000)
        return or_(*(column.like(pattern, escape="\\") for column in columns))
    return or_(*(column.ilike(pattern, escape="\\") for column in columns))
