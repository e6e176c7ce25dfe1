"""Switching a data folder's store to encryption at rest (SQLCipher), resumably.

It happens once, when the head's account is made (the set-up's last step, or the first
start after the upgrade that brought accounts), so the head's password is the first to
open it; other operators' wraps are added as their accounts are made. The steps:

1. write an encrypted copy of the database beside it (``qunzhong.sqlite3.encrypting``),
   synced to disk, and check it opens with the new key;
2. write the keyring (the head's wrap and the recovery code's) — from here the folder is
   "encrypted", and a start that finds the copy still waiting finishes the next step;
3. move the copy onto the database (atomic) and remove the plain WAL files;
4. encrypt the copies in ``backups/`` the same way (plain copies would defeat it all).

A power cut before 2 leaves the plain store as it was (the half copy is removed next time);
after 2, the next start completes 3 and 4 (:func:`resume`). The plain file is never
changed in place, so it stays the backup until the encrypted one has replaced it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from qunzhong_desktop.storage import keyring
from qunzhong_desktop.storage.sqlite_files import KEY_BYTES, connect, encrypt_copy, is_encrypted
from qunzhong_desktop.storage.store import Store

PENDING_SUFFIX = ".encrypting"


def pending_path(db_path: Path) -> Path:
    """The encrypted copy waiting to replace the database."""
    return db_path.with_name(db_path.name + PENDING_SUFFIX)


def enable(store: Store, name: str, password: str) -> str:
    """Encrypt the store with a new key wrapped for ``name``; returns the recovery code.

    The store stays open (on the encrypted file afterwards).
    """
    db_path, home = store.db.path, store.home
    if store.db.key is not None or keyring.exists(home):
        raise RuntimeError("the store is encrypted already")
    key = secrets.token_bytes(KEY_BYTES)
    pending = pending_path(db_path)
    with contextlib.suppress(FileNotFoundError):
        pending.unlink()  # a half copy of an earlier attempt
    store.db.close()
    encrypt_copy(db_path, pending, key)
    _check(pending, key)
    code = keyring.create(home, key, name, password)
    _finish(db_path, key)
    store.db.reopen(key)
    return code


def resume(home: Path, db_path: Path, key: bytes) -> None:
    """Finish a switch-over a power cut interrupted after the keyring was written."""
    if pending_path(db_path).exists() and not is_encrypted(db_path):
        _finish(db_path, key)
    elif pending_path(db_path).exists():
        pending_path(db_path).unlink()
    _encrypt_backups(db_path.parent / "backups", key)


def _check(path: Path, key: bytes) -> None:
    connection = connect(path, key)
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        connection.close()
    if result != "ok":
        raise RuntimeError(f"the encrypted copy is damaged: {result}")


def _finish(db_path: Path, key: bytes) -> None:
    os.replace(pending_path(db_path), db_path)
    for suffix in ("-wal", "-shm"):  # the plain file's, empty after its checkpoint
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    _encrypt_backups(db_path.parent / "backups", key)


def _encrypt_backups(folder: Path, key: bytes) -> None:
    if not folder.is_dir():
        return
    for plain in sorted(folder.glob("*.sqlite3")):
        if is_encrypted(plain):
            continue
        copy = plain.with_name(plain.name + PENDING_SUFFIX)
        with contextlib.suppress(FileNotFoundError):
            copy.unlink()
        encrypt_copy(plain, copy, key)
        os.replace(copy, plain)
