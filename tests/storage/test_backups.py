"""Automatic backups (issue 14, item 5): daily and before imports, checked, rotated, private."""

from __future__ import annotations

import datetime as dt
import gzip
import sqlite3
import stat
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.access import Role
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.storage import backups, encryption
from qunzhong_desktop.storage.sqlite_files import connect, is_encrypted
from qunzhong_desktop.storage.store import Store
from tests.helpers.backends import sqlite_only_empty_store, sqlite_only_store

# about the SQLite file itself: these run on SQLite alone (the suite's store runs on both)
store = sqlite_only_store
empty_store = sqlite_only_empty_store

NOW = dt.datetime(2026, 12, 2, 9, 0, 0)


def _households(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM household").fetchone()[0])
    finally:
        connection.close()


def test_a_daily_copy_is_checked_compressed_private_and_made_once_a_day(
    store: Store, tmp_path: Path
) -> None:
    store.register.save_household(Household(number="001", members=[Person(name="欧阳秀珍")]))
    made = backups.daily(store.db, now=NOW)
    assert made is not None and made.name == "qunzhong-20261202-090000-daily.sqlite3.gz"
    assert backups.daily(store.db, now=NOW.replace(hour=15)) is None  # once a day
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    plain = tmp_path / "restored.sqlite3"
    plain.write_bytes(gzip.decompress(made.read_bytes()))
    assert _households(plain) == 1
    assert "欧阳秀珍".encode() not in made.read_bytes()  # compressed, not readable at a glance


def test_the_rotation_keeps_days_weeks_and_months(store: Store) -> None:
    for days in range(60):
        backups.make_backup(store.db, backups.folder_of(store.db), "daily",
                            now=NOW - dt.timedelta(days=days))  # fmt: skip
    removed = backups.rotate(backups.folder_of(store.db), now=NOW)
    kept = backups.backups(backups.folder_of(store.db))
    assert len(kept) + len(removed) == 60 and len(kept) <= 7 + 4 + 12
    assert kept[0].made_at == NOW
    assert [b.made_at.day for b in kept[:7]] == [2, 1, 30, 29, 28, 27, 26]  # the last 7 days


def test_imports_make_a_copy_first(store: Store, tmp_path: Path) -> None:
    from qunzhong_desktop.storage.roster_import import import_roster

    messy = Path(__file__).parents[1] / "data" / "roster_messy.xlsx"
    import_roster(store.db, messy)
    found = backups.backups(backups.folder_of(store.db))
    assert [b.reason for b in found] == ["import"]
    assert _households(_unpacked(found[0].path, tmp_path)) == 0  # taken before the import


def _unpacked(path: Path, tmp_path: Path) -> Path:
    plain = tmp_path / "copy.sqlite3"
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    return plain


def test_an_encrypted_store_is_copied_encrypted(store: Store) -> None:
    store.register.save_household(Household(number="001", members=[Person(name="欧阳秀珍")]))
    store.accounts.create("王站长", "站长密码123", Role.HEAD)
    encryption.enable(store, "王站长", "站长密码123")
    made = backups.daily(store.db, now=NOW)
    assert made is not None and made.suffix == ".sqlite3" and is_encrypted(made)
    with pytest.raises(sqlite3.DatabaseError):
        _households(made)
    copy = connect(made, store.db.key)
    assert copy.execute("SELECT count(*) FROM household").fetchone()[0] == 1
    copy.close()


def test_the_cli_backs_up_onto_a_stick(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, stick = tmp_path / "home", tmp_path / "U盘 备份"
    h = ["--home", str(home)]
    assert main(["init", "station", *h, "--code", "430121101201", "--name", "白沙村群众工作站",
                 "--township-code", "430121101", "--township-name", "白沙镇"]) == 0  # fmt: skip
    assert main(["backup", "--out", str(stick), *h]) == 1  # no such folder: said, not made
    assert "不存在" in capsys.readouterr().err
    stick.mkdir()
    assert main(["backup", "--out", str(stick), *h]) == 0
    assert "已备份" in capsys.readouterr().out and len(list(stick.glob("*.sqlite3.gz"))) == 1
    assert main(["backup", *h]) == 0 and main(["backup", "--list", *h]) == 0
    assert "manual" in capsys.readouterr().out
