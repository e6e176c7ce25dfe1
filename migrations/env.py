"""Alembic environment: SQLite in batch mode, models' metadata as the target."""

from __future__ import annotations

from pathlib import Path

from alembic import context

from qunzhong_desktop.storage.database import make_engine
from qunzhong_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or ""
    engine = make_engine(Path(url.removeprefix("sqlite:///")))
    with engine.connect() as conn:
        # batch mode rebuilds a table by copy, drop and rename; with foreign keys on, the
        # drop fails as soon as other rows point at it. Off for the migration (the pragma
        # only works outside a transaction), then every reference is checked.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()
        if broken:
            raise RuntimeError(f"migration left broken references: {broken[:5]}")
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
