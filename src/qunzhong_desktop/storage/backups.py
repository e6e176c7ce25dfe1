"""Automatic backups (自动备份): a consistent copy each day and before every import.

A copy is made with SQLite's online backup API (consistent while the window works), checked
(``PRAGMA integrity_check``) and kept in ``backups/auto`` of the data folder: compressed
(``.sqlite3.gz``) for a plain store; as is for an encrypted one, whose copy keeps the key
(encrypted pages do not compress, and a plain copy would give the data away). The first
start of each day makes one, and so does every import of a bundle or a roster; then the
rotation (:mod:`qunzhong_desktop.core.rotation`: 7 days, 4 weeks, 12 months) removes the
rest. ``qunzhong backup --out DIR`` puts a fresh copy on a stick; ``qunzhong restore FILE``
shows what a copy holds and puts it back (:func:`restore`), the current file set aside.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.core.rotation import to_keep
from qunzhong_desktop.storage import item_numbers
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.sqlite_files import ERRORS, connect

AUTO = "auto"
_NAME = re.compile(r"^qunzhong-(\d{8}-\d{6})-([a-z]+)\.sqlite3(\.gz)?$")


@dataclass(frozen=True, slots=True)
class Backup:
    """One copy in ``backups/auto`` (or elsewhere)."""

    path: Path
    made_at: dt.datetime
    reason: str  # daily, import, manual


def folder_of(db: Database) -> Path:
    """Where the automatic copies of a store go."""
    return db.path.parent / "backups" / AUTO


def make_backup(db: Database, folder: Path, reason: str, *, now: dt.datetime | None = None) -> Path:
    """Copy the store into ``folder`` now, checked; returns the file.

    Raises:
        OSError: the folder cannot be written (disk full …); nothing is left behind.
        RuntimeError: the copy does not pass its integrity check (it is removed).
    """
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = f"qunzhong-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    partial = folder / f".{name}.part"
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        source = connect(db.path, db.key)
        try:
            destination = connect(partial, db.key)
            try:
                source.backup(destination)
                verdict = destination.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                destination.close()
        finally:
            source.close()
        if verdict != "ok":
            raise RuntimeError(f"the copy failed its integrity check: {verdict}")
        if db.key is None:
            target = folder / f"{name}.gz"
            with open(partial, "rb") as raw, gzip.open(_private(target), "wb") as packed:
                shutil.copyfileobj(raw, packed)
            partial.unlink()
        else:
            target = folder / name
            os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return target


def _private(path: Path) -> Path:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    return path


def backups(folder: Path) -> list[Backup]:
    """The copies in a folder, the newest first (other files are ignored)."""
    found = []
    for path in folder.glob("qunzhong-*.sqlite3*"):
        match = _NAME.match(path.name)
        if match:
            made = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(Backup(path, made, match.group(2)))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def rotate(folder: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Remove the copies the rotation does not keep; returns what was removed."""
    present = backups(folder)
    keep = to_keep([b.made_at for b in present], now or dt.datetime.now())
    removed = []
    for backup in present:
        if backup.made_at not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            removed.append(backup.path)
    return removed


def daily(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """The day's copy, unless today has one already; then the rotation."""
    now = now or dt.datetime.now()
    folder = folder_of(db)
    if any(b.made_at.date() == now.date() for b in backups(folder)):
        return None
    made = make_backup(db, folder, "daily", now=now)
    rotate(folder, now=now)
    return made


def before_import(db: Database, *, now: dt.datetime | None = None) -> Path:
    """A copy just before a bundle or a roster changes the store; then the rotation."""
    made = make_backup(db, folder_of(db), "import", now=now)
    rotate(folder_of(db), now=now)
    return made


@dataclass(frozen=True, slots=True)
class Summary:
    """What a backup holds, shown before anything is replaced."""

    path: Path
    ok: bool  # passed its integrity check (a copy that fails is never restored)
    revision: str | None
    households: int
    items: int
    outbox_seq: int  # the last change it had numbered for the township

    @property
    def made_at(self) -> dt.datetime:
        """When the copy was made: from its name, else the file's time."""
        match = _NAME.match(self.path.name)
        if match:
            return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        return dt.datetime.fromtimestamp(self.path.stat().st_mtime)

    def describe(self) -> str:
        """What the clerk is shown before confirming a restore (the CLI and the window)."""
        return (
            f"备份时间：{self.made_at:%Y-%m-%d %H:%M}\n"
            f"户：{self.households} 户　事项：{self.items} 件\n"
            f"最后一条同步变更序号：{self.outbox_seq}　数据库版本：{self.revision}"
        )


def inspect(path: Path, key: bytes | None, scratch: Path) -> Summary:
    """Open a copy (unpacked into ``scratch`` if compressed) and say what it holds.

    A copy that cannot be unpacked (cut short, not gzip) is reported as failing its check.
    """
    try:
        plain = _unpacked(path, scratch)
    except (OSError, EOFError):  # gzip.BadGzipFile is an OSError
        (scratch / path.name.removesuffix(".gz")).unlink(missing_ok=True)
        return Summary(path, False, None, 0, 0, 0)
    try:
        connection = connect(plain, key)
        try:
            ok = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

            def one(sql: str) -> int:
                return int(connection.execute(sql).fetchone()[0] or 0)

            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return Summary(
                path, ok, str(revision[0]) if revision else None,
                one("SELECT count(*) FROM household WHERE deleted_at IS NULL"),
                one("SELECT count(*) FROM intake_item WHERE deleted_at IS NULL"),
                one("SELECT max(seq) FROM sync_change")
                or one("SELECT coalesce(max(seq_to), 0) FROM sync_bundle"),
            )  # fmt: skip
        finally:
            connection.close()
    except ERRORS:
        return Summary(path, False, None, 0, 0, 0)
    finally:
        if plain != path:
            plain.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Restored:
    """What :func:`restore` did."""

    aside: Path  # the store as it was before, checked and compressed like any backup
    # False: the replaced store was another PC's, so the township may hold item numbers
    # the backup does not know; the next dispatch settles them (storage/item_numbers.py)
    numbers_safe: bool


def restore(db: Database, path: Path, scratch: Path, *, now: dt.datetime | None = None) -> Restored:
    """Replace the store's file by a backup, the current one put aside.

    The store is closed first and opened again by the caller. The current file is copied
    into ``backups/…-beforerestore`` (checked, like any backup); the backup is unpacked
    beside the store, its item numbers carried past the current file's (same PC), and only
    then put in place atomically.

    Raises:
        ValueError: the backup fails its integrity check (nothing is replaced).
    """
    summary = inspect(path, db.key, scratch)
    if not summary.ok:
        raise ValueError("the backup fails its integrity check")
    aside = make_backup(db, db.path.parent / "backups", "beforerestore", now=now)
    current = connect(db.path, db.key)
    try:
        previous = item_numbers.lineage(current)
    finally:
        current.close()
    db.close()
    plain = _unpacked(path, scratch)
    staged = db.path.with_name(db.path.name + ".restoring")
    try:
        if plain == path:
            shutil.copyfile(path, staged)
        else:
            os.replace(plain, staged)
        os.chmod(staged, 0o600)
        staged_db = connect(staged, db.key)
        try:
            safe = item_numbers.carry_forward(staged_db, previous)
        finally:
            staged_db.close()
        os.replace(staged, db.path)
        for suffix in ("-wal", "-shm"):  # the replaced file's: they would not match
            db.path.with_name(db.path.name + suffix).unlink(missing_ok=True)
    finally:
        for leftover in ("", "-wal", "-shm", "-journal"):
            staged.with_name(staged.name + leftover).unlink(missing_ok=True)
        if plain != path:
            plain.unlink(missing_ok=True)
    return Restored(aside, safe)


def _unpacked(path: Path, scratch: Path) -> Path:
    if path.suffix != ".gz":
        return path
    scratch.mkdir(mode=0o700, parents=True, exist_ok=True)
    plain = scratch / path.name.removesuffix(".gz")
    with gzip.open(path, "rb") as packed, open(_private(plain), "wb") as raw:
        shutil.copyfileobj(packed, raw)
    return plain
