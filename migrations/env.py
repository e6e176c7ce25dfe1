"""Alembic environment: SQLite in batch mode (or a PostgreSQL server), models' metadata."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from alembic import context
from sqlalchemy import create_engine, event
from sqlalchemy.exc import SAWarning

from qunzhong_desktop.storage.database import make_engine
from qunzhong_desktop.storage.metadata import metadata
from qunzhong_desktop.storage.search_index import include_name  # the search's own tables

config = context.config
target_metadata = metadata
# the deadline orders' expression indexes (0023, item_order.ORDER_INDEXES) are outside the
# models and left out of the comparison; SQLAlchemy cannot reflect an expression index on
# SQLite and warns of each before include_name is asked
warnings.filterwarnings(
    "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
)


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        include_name=include_name,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=include_name,
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or ""
    if url.startswith("postgresql"):
        _run_on_server(url)
        return
    engine = make_engine(Path(url.removeprefix("sqlite:///")), config.attributes.get("key"))
    # every migration of a run in ONE transaction: the sqlite3 module would commit each
    # CREATE TABLE on its own, and a PC switched off during the first start was left with
    # half a schema ("table … already exists" ever after). Driver autocommit off, an
    # explicit BEGIN IMMEDIATE instead: a kill or a full disk rolls the whole run back.
    event.listen(engine, "connect", _manual_transactions)
    event.listen(engine, "begin", _begin_immediate)
    with engine.connect() as conn:
        context.configure(
            connection=conn,
            target_metadata=target_metadata,
            include_name=include_name,
            render_as_batch=True,
            transactional_ddl=True,  # alembic assumes SQLite cannot; with BEGIN it can
        )
        with context.begin_transaction():
            context.run_migrations()
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:  # raised inside the transaction: the whole run is undone
                raise RuntimeError(f"migration left broken references: {broken[:5]}")
    engine.dispose()


def _run_on_server(url: str) -> None:
    """Every migration in one transaction on PostgreSQL (its DDL is transactional)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        context.configure(
            connection=conn,
            target_metadata=target_metadata,
            include_name=include_name,
            render_as_batch=True,  # batch operations run as plain ALTERs on a server
            transactional_ddl=True,
        )
        with context.begin_transaction():
            # two PCs starting at once: the second waits, then finds nothing left to do
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7173776967726174)")
            context.run_migrations()
            conn.exec_driver_sql(_DEFERRABLE)
    engine.dispose()


# A bundle's rows may come before the rows they refer to; the importer checks references
# once everything is in and the database checks again at COMMIT (SQLite: PRAGMA
# defer_foreign_keys). PostgreSQL can defer only a DEFERRABLE constraint: after every run,
# each foreign key is made DEFERRABLE INITIALLY IMMEDIATE — checked per statement as before,
# unless a transaction says SET CONSTRAINTS ALL DEFERRED (sync/apply_sql.defer_references).
_DEFERRABLE = """
DO $$
DECLARE c record;
BEGIN
    FOR c IN
        SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
        WHERE contype = 'f' AND NOT condeferrable
          AND connamespace = current_schema()::regnamespace
    LOOP
        EXECUTE 'ALTER TABLE ' || c.tbl::text || ' ALTER CONSTRAINT '
            || quote_ident(c.conname) || ' DEFERRABLE INITIALLY IMMEDIATE';
    END LOOP;
END $$;
"""


def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    # batch mode rebuilds a table by copy, drop and rename; with foreign keys on, the drop
    # fails as soon as other rows point at it. Off for the migration (the pragma works only
    # outside a transaction, so here, before BEGIN); every reference is checked at the end.
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
