"""Find the migrations, copy the database file, then upgrade it to the head revision."""

from __future__ import annotations

import datetime as dt
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from qunzhong_desktop.storage.database import make_engine


def migrations_dir() -> Path:
    """The alembic environment: inside the installed package, else the source tree's."""
    packaged = Path(str(resources.files("qunzhong_desktop"))) / "migrations"
    if (packaged / "env.py").is_file():
        return packaged
    source = Path(__file__).resolve().parents[3] / "migrations"
    if (source / "env.py").is_file():
        return source
    raise FileNotFoundError("找不到数据库迁移脚本（migrations），安装包可能不完整。")


def alembic_config(db_path: Path) -> Config:
    """An alembic configuration for one database file."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    return config


def head_revision() -> str:
    """The newest revision this program knows."""
    head = ScriptDirectory.from_config(alembic_config(Path("unused"))).get_current_head()
    assert head is not None
    return head


def current_revision(db_path: Path) -> str | None:
    """The revision a database file is at (None for an empty or new file)."""
    if not db_path.exists():
        return None
    engine = make_engine(db_path)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def backup(db_path: Path, revision: str | None) -> Path:
    """Copy a database with SQLite's online backup (WAL-safe) into ``backups/``."""
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{revision or 'empty'}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def upgrade(db_path: Path) -> Path | None:
    """Bring a database to the head revision; returns the backup made, if any.

    A file that already holds data is copied before any migration runs, so a failed
    upgrade can always be undone by putting the copy back.
    """
    current = current_revision(db_path)
    if current == head_revision():
        return None
    copy = backup(db_path, current) if db_path.exists() and db_path.stat().st_size else None
    command.upgrade(alembic_config(db_path), "head")
    return copy
