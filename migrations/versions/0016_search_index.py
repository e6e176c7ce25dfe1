"""the search indexes of residents and items (issue 19): FTS5 trigram on SQLite, pg_trgm on a server

SQLite: ``search_person`` and ``search_item`` (one row per live person / item, an INTEGER key)
with FTS5 ``trigram`` tables over them and their vocabulary, kept by triggers on ``person``
and ``intake_item``; filled here from the rows already there. This PC's own, never synced.
PostgreSQL: the ``pg_trgm`` extension, GIN trigram indexes on ``person.search_text`` and on
an item's number, requester and content. See storage/search_index.py.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# the text of an item, as the SQLite triggers and PostgreSQL's index build it
def _sqlite_item_text(row: str) -> str:
    return f"{row}.number || char(31) || {row}.requester_name || char(31) || {row}.content || ' '"


_SOURCES = (
    # (table, the source table, its key column, the watched columns, the row's text, the
    #  condition for a row to be indexed)
    ("search_person", "person", "person_id", ("search_text", "deleted_at", "household_id"),
     "{r}.search_text || ' '", "{r}.deleted_at IS NULL"),
    ("search_item", "intake_item", "item_id", ("number", "requester_name", "content"),
     None, "1 = 1"),
)  # fmt: skip


def _sqlite_ddl() -> list[str]:
    ddl: list[str] = []
    for table, source, key, watched, body, live in _SOURCES:
        extra = ", household_id TEXT NOT NULL" if source == "person" else ""
        extra_values = ", NEW.household_id" if source == "person" else ""
        row_text = (body or _sqlite_item_text("{r}")).format(r="NEW")
        condition = live.format(r="NEW")
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
        insert = (
            f"INSERT INTO {table} ({key}{', household_id' if extra else ''}, text) "
            f"SELECT NEW.id{extra_values}, {row_text} WHERE {condition};"
        )
        ddl += [
            f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {key} TEXT NOT NULL UNIQUE{extra},"
            " text TEXT NOT NULL)",
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5(text, content='{table}',"
            " content_rowid='id', tokenize='trigram', detail='none')",
            f"CREATE VIRTUAL TABLE {table}_terms USING fts5vocab({table}_fts, 'row')",
            f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts (rowid, text) VALUES (NEW.id, NEW.text); END",
            f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts ({table}_fts, rowid, text) "
            "VALUES ('delete', OLD.id, OLD.text); END",
            f"CREATE TRIGGER {table}_source_insert AFTER INSERT ON {source} BEGIN {insert} END",
            f"CREATE TRIGGER {table}_source_update AFTER UPDATE ON {source} WHEN {changed} BEGIN "
            f"DELETE FROM {table} WHERE {key} = OLD.id; {insert} END",
            f"CREATE TRIGGER {table}_source_delete AFTER DELETE ON {source} BEGIN "
            f"DELETE FROM {table} WHERE {key} = OLD.id; END",
        ]
    return ddl


def _pg_ddl() -> list[str]:
    trgm = "USING gin ({} gin_trgm_ops)"
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        f"CREATE INDEX ix_person_search_trgm ON person {trgm.format('search_text')}"
        " WHERE deleted_at IS NULL",
        f"CREATE INDEX ix_intake_item_number_trgm ON intake_item {trgm.format('number')}",
        f"CREATE INDEX ix_intake_item_requester_trgm ON intake_item "
        f"{trgm.format('requester_name')}",
        f"CREATE INDEX ix_intake_item_content_trgm ON intake_item {trgm.format('content')}",
    ]


_PG_INDEXES = (
    "ix_person_search_trgm",
    "ix_intake_item_number_trgm",
    "ix_intake_item_requester_trgm",
    "ix_intake_item_content_trgm",
)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for statement in _sqlite_ddl():
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(
            "INSERT INTO search_person (person_id, household_id, text) "
            "SELECT id, household_id, search_text || ' ' FROM person WHERE deleted_at IS NULL"
        )
        conn.exec_driver_sql(
            f"INSERT INTO search_item (item_id, text) SELECT r.id, {_sqlite_item_text('r')} "
            "FROM intake_item AS r"
        )
        for table in ("search_person", "search_item"):
            conn.exec_driver_sql(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
    else:
        for statement in _pg_ddl():
            conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for table in ("search_person", "search_item"):
            for suffix in ("fts_insert", "fts_delete", "source_insert", "source_update",
                           "source_delete"):  # fmt: skip
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
            for name in (f"{table}_terms", f"{table}_fts", table):
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    else:
        for name in _PG_INDEXES:
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
