"""Encryption at rest (issue 13, item 4): SQLCipher, keys wrapped per operator, resumable."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import stat
import subprocess

import pytest

from qunzhong_desktop.core.access import Role
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import encryption, keyring, migrate
from qunzhong_desktop.storage.item_order import plain_numbers
from qunzhong_desktop.storage.sqlite_files import encrypt_copy, is_encrypted
from qunzhong_desktop.storage.store import Store, StoreLocked, open_store
from tests.helpers.backends import sqlite_only_empty_store, sqlite_only_store
from tests.helpers.intake_data import register

# about the SQLite file itself: these run on SQLite alone (the suite's store runs on both)
store = sqlite_only_store
empty_store = sqlite_only_empty_store

NAME = "欧阳秀珍"
HEAD = ("王站长", "站长密码123")


def _village(store: Store) -> None:
    store.register.save_household(
        Household(number="001", phone="13912345678", members=[Person(name=NAME)])
    )


@pytest.mark.real_argon2  # the keyring at the shipped cost, here once
def test_an_encrypted_store_opens_only_with_a_password(store: Store) -> None:
    _village(store)
    numbers = [register(store, dt.datetime(2026, 3, 2, 9, i)) for i in range(2)]
    store.accounts.create(*HEAD, Role.HEAD)
    code = encryption.enable(store, *HEAD)
    # the open store carries on, on the encrypted file
    store.register.save_household(Household(number="002", members=[Person(name="李四")]))
    home, path = store.home, database_path(store.home)
    store.close()
    raw = path.read_bytes()
    assert is_encrypted(path) and NAME.encode() not in raw and b"13912345678" not in raw
    with pytest.raises(sqlite3.DatabaseError):  # `sqlite3 qunzhong.sqlite3 .dump` fails
        sqlite3.connect(path).execute("SELECT * FROM household").fetchall()
    with pytest.raises(StoreLocked):
        open_store(home)
    with pytest.raises(ValidationError) as wrong:
        keyring.unwrap(home, HEAD[0], "错误的密码")
    assert wrong.value.message.startswith("姓名或密码不对")
    with open_store(home, key=keyring.unwrap(home, *HEAD)) as again:
        assert len(again.register.search_households("")) == 2
        # sqlcipher_export copied 0024's indexes (built-in functions only): 编号 walks one
        with again.db.session() as s:
            assert plain_numbers(s, Sort("number", descending=True))
        by_number = again.items.search_ids(ItemFilter(), sort=Sort("number", descending=True))
        assert [r.number for r in again.items.rows(by_number)] == numbers[::-1]
        # a new operator's password opens it too; a stopped account's no longer does
        again.accounts.sign_in(*HEAD)
        clerk = again.accounts.create("李秀英", "工作人员密码1", Role.CLERK)
        assert keyring.names(home) == ["王站长", "李秀英"]
        assert keyring.unwrap(home, "李秀英", "工作人员密码1") == again.db.key
        again.accounts.reset_password(clerk.id, "新的密码666")  # forgotten: the head sets it
        assert keyring.unwrap(home, "李秀英", "新的密码666") == again.db.key
        again.accounts.update(clerk.id, role=Role.CLERK, cadre_id=None, retired=True)
        assert keyring.names(home) == ["王站长"]
        key = again.db.key
    assert keyring.recover(home, code.lower()) == key  # every password lost: the code
    with pytest.raises(ValidationError):
        keyring.recover(home, "000000-000000-000000-000000-000000")
    assert "keys.json" in keyring.FILE and NAME not in keyring.path_of(home).read_text("utf-8")


def test_a_power_cut_after_the_keyring_is_finished_at_the_next_start(store: Store) -> None:
    """The plain file is the backup until the encrypted copy replaces it."""
    _village(store)
    home, path = store.home, database_path(store.home)
    backup = migrate.backup(path, migrate.current_revision(path))  # a plain copy in backups/
    store.close()
    key = b"k" * 32
    encrypt_copy(path, encryption.pending_path(path), key)  # step 1 done
    keyring.create(home, key, *HEAD)  # step 2 done; then the power went
    assert not is_encrypted(path) and encryption.pending_path(path).exists()
    with open_store(home, key=key) as resumed:
        assert [h.number for h in resumed.register.household_rows(
            resumed.register.search_households(""))] == ["001"]  # fmt: skip
    assert is_encrypted(path) and not encryption.pending_path(path).exists()
    assert is_encrypted(backup)  # plain copies would give it all away


def test_a_half_copy_without_a_keyring_leaves_the_plain_store_working(store: Store) -> None:
    _village(store)
    path = database_path(store.home)
    encryption.pending_path(path).write_bytes(b"half a copy")
    home = store.home
    store.close()
    with open_store(home) as plain:  # nothing was switched yet
        assert len(plain.register.search_households("")) == 1
        plain.accounts.create(*HEAD, Role.HEAD)
        encryption.enable(plain, *HEAD)  # the stale half copy is replaced
    assert is_encrypted(path)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 shell is not installed")
def test_the_sqlite3_shell_cannot_dump_it_and_every_file_is_private(store: Store) -> None:
    _village(store)
    store.accounts.create(*HEAD, Role.HEAD)
    encryption.enable(store, *HEAD)
    store.register.save_household(Household(number="002", members=[Person(name="李四")]))
    home = store.home
    store.close()
    dump = subprocess.run(
        ["sqlite3", str(database_path(home)), ".dump"], capture_output=True, text=True, check=False
    )
    assert "not a database" in dump.stdout + dump.stderr and NAME not in dump.stdout
    assert "INSERT INTO" not in dump.stdout
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in home.rglob("*") if p.is_file()}
    assert modes and all(mode & 0o077 == 0 for mode in modes.values()), modes
