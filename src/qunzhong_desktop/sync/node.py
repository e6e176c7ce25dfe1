"""This PC's keys in its data directory, and the passphrase that protects them."""

from __future__ import annotations

import os
import time
from pathlib import Path

from qunzhong_desktop.sync.keys import (
    PRIVATE_FILE,
    PUBLIC_FILE,
    KeyStoreError,
    NodeKeys,
    PublicKeys,
)

PASSPHRASE_ENV = "QUNZHONG_PASSPHRASE"
MIN_PASSPHRASE = 6


def keys_dir(home: Path) -> Path:
    """The folder of this PC's key files (inside the data directory)."""
    return Path(home) / "keys"


def has_keys(home: Path) -> bool:
    """Whether keys were created in this data directory."""
    return (keys_dir(home) / PUBLIC_FILE).is_file()


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must be at least :data:`MIN_PASSPHRASE` characters.

    Raises:
        KeyStoreError: ``keys.passphrase_short``.
    """
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyStoreError(
            f"密钥口令至少 {MIN_PASSPHRASE} 个字符，请设置一个只有本站知道的口令。",
            code="keys.passphrase_short",
        )


def create_keys(home: Path, passphrase: str) -> NodeKeys:
    """Generate this PC's keys and save them sealed with ``passphrase``.

    Raises:
        KeyStoreError: the passphrase is too short, keys exist already, or the folder
            cannot be written.
    """
    check_new_passphrase(passphrase)
    if has_keys(home):
        raise KeyStoreError(
            "本机已有密钥，不能重复生成（丢失口令时请重新登记本机）。", code="keys.exist"
        )
    folder = keys_dir(home)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    keys = NodeKeys.generate()
    keys.save(folder, passphrase)
    return keys


def load_keys(home: Path, passphrase: str) -> NodeKeys:
    """Open this PC's keys.

    Raises:
        KeyStoreError: missing, wrong passphrase or damaged.
    """
    return NodeKeys.load(keys_dir(home), passphrase)


def public_keys(home: Path) -> PublicKeys:
    """This PC's public keys, without the passphrase.

    Raises:
        KeyStoreError: ``keys.missing`` or ``keys.corrupt``.
    """
    return PublicKeys.load(keys_dir(home))


def passphrase_from_env() -> str | None:
    """The passphrase scripts and tests give in :data:`PASSPHRASE_ENV`, if any."""
    return os.environ.get(PASSPHRASE_ENV) or None


def replace_keys(home: Path, passphrase: str) -> NodeKeys:
    """New keys after a lost passphrase or a suspected leak; the old files are kept aside.

    The old key files move to ``keys/retired-<time>/`` (never deleted: a leaked key is
    still needed to recognise what it signed); the caller bumps the node's epoch.

    Raises:
        KeyStoreError: the passphrase is too short, or the folder cannot be written.
    """
    check_new_passphrase(passphrase)
    folder = keys_dir(home)
    if has_keys(home):
        retired = folder / f"retired-{time.strftime('%Y%m%d-%H%M%S')}"
        retired.mkdir(mode=0o700, parents=True)
        for name in (PUBLIC_FILE, PRIVATE_FILE):
            if (folder / name).exists():
                (folder / name).rename(retired / name)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    keys = NodeKeys.generate()
    keys.save(folder, passphrase)
    return keys
