"""The wrapped keys of an encrypted store (``qunzhong.keys.json`` beside the database).

An encrypted store has one random 32-byte key. This file keeps it wrapped, never in the
clear: once per operator (AES-256-GCM under a key derived from their password with Argon2id,
the operator's name as associated data) and once under a recovery code the head writes
down when encryption is switched on. So any operator's password opens the store, a head
resets a forgotten password by wrapping the key again, a lost head's password is recovered
with the code, and the database file, or the whole folder, copied alone reveals nothing.
Operators' names are the only thing readable here (to offer them at sign-in).
"""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.safe_write import atomic_path
from qunzhong_desktop.core.text import compact

FILE = "qunzhong.keys.json"
RECOVERY = "\0recovery"  # the recovery code's entry (no operator has this name)
WRONG = "姓名或密码不对，请再试一次；忘记密码请找站长重设。"
_KDF = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}  # as argon2-cffi's default


def path_of(home: Path) -> Path:
    """The keyring of a data folder."""
    return Path(home) / FILE


def exists(home: Path) -> bool:
    """Whether the data folder's store is encrypted (it has a keyring)."""
    return path_of(home).is_file()


def _load(home: Path) -> dict[str, Any]:
    try:
        data = json.loads(path_of(home).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError(
            f"密钥文件 {FILE} 无法读取（{exc}），加密的数据无法打开。请从备份恢复这个文件。",
            code="keyring.unreadable",
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("wraps"), dict):
        raise ValidationError(f"密钥文件 {FILE} 已损坏。", code="keyring.unreadable")
    return data


def _save(home: Path, data: dict[str, Any]) -> None:
    with atomic_path(path_of(home)) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _kek(secret: str, salt: bytes) -> bytes:
    return hash_secret_raw(secret.encode(), salt, hash_len=32, type=Type.ID, **_KDF)


def _wrap(key: bytes, secret: str, label: str) -> dict[str, str]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_kek(secret, salt)).encrypt(nonce, key, label.encode())
    enc = base64.b64encode
    return {"salt": enc(salt).decode(), "nonce": enc(nonce).decode(), "key": enc(sealed).decode()}


def _unwrap(entry: Any, secret: str, label: str) -> bytes:
    try:
        dec = base64.b64decode
        salt, nonce, sealed = dec(entry["salt"]), dec(entry["nonce"]), dec(entry["key"])
        return AESGCM(_kek(secret, salt)).decrypt(nonce, sealed, label.encode())
    except (InvalidTag, KeyError, TypeError, ValueError):
        raise ValidationError(WRONG, code="account.sign_in", field="password") from None


def create(home: Path, key: bytes, name: str, password: str) -> str:
    """A new keyring: the head's wrap and a recovery code's; returns the code to write down."""
    code = "-".join(secrets.token_hex(3).upper() for _ in range(5))  # 5×6 hex digits
    _save(
        home,
        {
            "format": 1,
            "cipher": "sqlcipher4",
            "wraps": {compact(name): _wrap(key, password, compact(name))},
            "recovery": _wrap(key, code, RECOVERY),
        },
    )
    return code


def names(home: Path) -> list[str]:
    """The operators who can open the store, in the order they were added."""
    return list(_load(home)["wraps"])


def unwrap(home: Path, name: str, password: str) -> bytes:
    """The store's key, opened with an operator's password.

    Raises:
        ValidationError: no such operator here, or the password is wrong (one sentence).
    """
    entry = _load(home)["wraps"].get(compact(name))
    if entry is None:
        raise ValidationError(WRONG, code="account.sign_in", field="password")
    return _unwrap(entry, password, compact(name))


def recover(home: Path, code: str) -> bytes:
    """The store's key, opened with the recovery code (every password forgotten).

    Raises:
        ValidationError: the code is wrong.
    """
    try:
        return _unwrap(_load(home).get("recovery"), compact(code).upper(), RECOVERY)
    except ValidationError:
        raise ValidationError("恢复码不对，请核对抄下的恢复码。", code="keyring.recovery") from None


def put(home: Path, key: bytes, name: str, password: str) -> None:
    """Wrap the key for an operator (a new account, or a password set again)."""
    data = _load(home)
    data["wraps"][compact(name)] = _wrap(key, password, compact(name))
    _save(home, data)


def remove(home: Path, name: str) -> None:
    """An operator can no longer open the store (the account was stopped)."""
    data = _load(home)
    if data["wraps"].pop(compact(name), None) is not None:
        _save(home, data)
