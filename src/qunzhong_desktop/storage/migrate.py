"""Find the migrations, copy the database file, then upgrade it to the head revision."""

from __future__ import annotations

import datetime as dt
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from qunzhong_desktop.storage.sqlite_files import connect

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in migrations/versions. Start-up compares the database with it and
# imports alembic (~0.35 s) only when a migration is due; a test keeps it equal to the
# head alembic computes.
HEAD_REVISION = "0025"


def migrations_dir() -> Path:
    """The alembic environment: inside the installed package, else the source tree's."""
    packaged = Path(str(resources.files("qunzhong_desktop"))) / "migrations"
    if (packaged / "env.py").is_file():
        return packaged
    source = Path(__file__).resolve().parents[3] / "migrations"
    if (source / "env.py").is_file():
        return source
    raise FileNotFoundError("找不到数据库迁移脚本（migrations），安装包可能不完整。")


def alembic_config(db_path: Path, key: bytes | None = None) -> Config:
    """An alembic configuration for one database file (``key``: an encrypted one)."""
    from alembic.config import Config

    # alembic's default ``stdout`` is the sys.stdout of the moment alembic was imported,
    # which may be a stream closed since (the CLI wraps stdout while a command runs)
    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    config.attributes["key"] = key
    return config


def server_config(url: str) -> Config:
    """An alembic configuration for a database server (``postgresql+psycopg://…``)."""
    from alembic.config import Config

    config = Config(stdout=sys.stdout)
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escapes
    return config


def head_revision() -> str:
    """The newest revision this program knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def current_revision(db_path: Path, key: bytes | None = None) -> str | None:
    """The revision a database file is at (None for an empty or new file)."""
    if not db_path.exists():
        return None
    connection = connect(db_path, key)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        connection.close()


def backup(db_path: Path, revision: str | None, key: bytes | None = None) -> Path:
    """Copy a database with SQLite's online backup (WAL-safe) into ``backups/``.

    The copy of an encrypted store is encrypted with the same key.
    """
    folder = db_path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{revision or 'empty'}.sqlite3"
    source = connect(db_path, key)
    try:
        destination = connect(target, key)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def refuse_newer(db_path: Path, key: bytes | None = None) -> None:
    """A data folder a newer program has upgraded cannot be opened by this one.

    Raises:
        StoreUnavailable: ``store.newer``.
    """
    _refuse(current_revision(db_path, key))


def _refuse(current: str | None) -> None:
    if current is None or current == HEAD_REVISION:
        return
    if not current.isdigit() or int(current) > int(HEAD_REVISION):
        from qunzhong_desktop.storage.environment import StoreUnavailable

        raise StoreUnavailable(
            f"这个数据目录已由更新版本的程序使用过（数据库版本 {current}，本程序只认识到 "
            f"{HEAD_REVISION}），本程序不能打开它，以免损坏数据。请安装新版本的程序。",
            code="store.newer",
        )


def upgrade(db_path: Path, key: bytes | None = None) -> Path | None:
    """Bring a database to the head revision; returns the backup made, if any.

    A file that already holds data is copied before any migration runs, so a failed
    upgrade can always be undone by putting the copy back.
    """
    current = current_revision(db_path, key)
    if current == HEAD_REVISION:
        return None
    from alembic import command

    # nothing to keep in a file no migration has finished on (a first start that was cut
    # off rolled back to nothing): no backup for it, so retries do not pile copies up
    has = current is not None or _has_tables(db_path, key)
    copy = backup(db_path, current, key) if has else None
    command.upgrade(alembic_config(db_path, key), "head")
    return copy


def server_revision(url: str) -> str | None:
    """The revision a server database is at (None for an empty one)."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            return None if value is None else str(value)
    finally:
        engine.dispose()


def upgrade_server(url: str) -> bool:
    """Bring a server database to the head revision; whether a migration ran.

    Every migration of the run is one transaction (a failure leaves the database as it was)
    under an advisory lock, so two county PCs starting at once do not both migrate. The
    server is backed up by its administrator (pg_dump, README); a newer database is refused.

    Raises:
        StoreUnavailable: ``store.newer``.
    """
    current = server_revision(url)
    _refuse(current)
    if current == HEAD_REVISION:
        return False
    from alembic import command

    command.upgrade(server_config(url), "head")
    return True


def _has_tables(db_path: Path, key: bytes | None) -> bool:
    if not db_path.exists() or not db_path.stat().st_size:
        return False
    connection = connect(db_path, key)
    try:
        return connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None
    finally:
        connection.close()
