"""A node's keys: Ed25519 to sign bundles, an age X25519 identity to receive them.

Private keys are only ever written encrypted with an age passphrase (scrypt, through
:mod:`.sealing`, which keeps it off the window's thread); the public parts are kept in
clear JSON next to them so they can be exported and printed.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.safe_write import OutputError, atomic_path
from qunzhong_desktop.sync import sealing

PRIVATE_FILE = "node-keys.age"
PUBLIC_FILE = "node-keys.public.json"
KEYS_FORMAT = "qunzhong-node-keys"
_FINGERPRINT_CONTEXT = b"qunzhong-node-fingerprint-v1\x00"


class KeyStoreError(DomainError):
    """Keys cannot be saved or loaded; ``code`` says why."""

    code = "keys"


def key_id(public_signing: bytes) -> str:
    """A short stable id of a public signing key, as carried in a manifest's sender.

    Args:
        public_signing: the raw 32-byte Ed25519 public key.

    Returns:
        The first 16 hex digits of its SHA-256.
    """
    return hashlib.sha256(public_signing).hexdigest()[:16]


def fingerprint(public_signing: bytes, age_recipient: str) -> str:
    """The fingerprint a person compares on the enrollment sheet or over the phone.

    Args:
        public_signing: the raw 32-byte Ed25519 public key.
        age_recipient: the ``age1…`` recipient string.

    Returns:
        SHA-256 over both public keys, the first 16 bytes as 8 groups of 4 hex digits,
        e.g. ``"3F2A 9C01 …"``.
    """
    digest = hashlib.sha256(
        _FINGERPRINT_CONTEXT + public_signing + age_recipient.encode("ascii")
    ).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4)).upper()


def verify_signature(public_signing: bytes, signature: bytes, message: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` by the key.

    Args:
        public_signing: the raw 32-byte Ed25519 public key.
        signature: the raw 64-byte signature.
        message: the exact bytes signed.

    Returns:
        True if valid; False for a bad signature or a malformed key.
    """
    try:
        Ed25519PublicKey.from_public_bytes(public_signing).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class PublicKeys:
    """The public half of a node's keys, safe to export.

    Attributes:
        signing: the raw 32-byte Ed25519 public key.
        age_recipient: the ``age1…`` X25519 recipient string.
    """

    signing: bytes
    age_recipient: str

    @property
    def fingerprint(self) -> str:
        """See :func:`fingerprint`."""
        return fingerprint(self.signing, self.age_recipient)

    @property
    def key_id(self) -> str:
        """See :func:`key_id`."""
        return key_id(self.signing)

    def to_json(self) -> dict[str, str]:
        """The public keys as a JSON object (also what ``save`` writes in clear)."""
        return {
            "format": KEYS_FORMAT,
            "signing_public": base64.b64encode(self.signing).decode("ascii"),
            "age_recipient": self.age_recipient,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_json(cls, data: object) -> PublicKeys:
        """Parse :meth:`to_json`'s output, checking the key sizes and the fingerprint.

        Raises:
            ValueError: not public keys, or a fingerprint that does not match them.
        """
        if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT:
            raise ValueError("not public keys")
        signing = base64.b64decode(str(data.get("signing_public", "")), validate=True)
        recipient = str(data.get("age_recipient", ""))
        if len(signing) != 32:
            raise ValueError("signing key size")
        Ed25519PublicKey.from_public_bytes(signing)
        try:
            pyrage.x25519.Recipient.from_str(recipient)
        except pyrage.RecipientError as exc:
            raise ValueError("age recipient") from exc
        keys = cls(signing, recipient)
        if data.get("fingerprint") not in (None, keys.fingerprint):
            raise ValueError("fingerprint mismatch")
        return keys

    @classmethod
    def load(cls, folder: Path) -> PublicKeys:
        """Read the public key file :meth:`NodeKeys.save` wrote.

        Raises:
            KeyStoreError: ``keys.missing`` or ``keys.corrupt``.
        """
        try:
            return cls.from_json(json.loads((Path(folder) / PUBLIC_FILE).read_text("utf-8")))
        except FileNotFoundError as exc:
            raise KeyStoreError(
                f"在 {folder} 中找不到本机密钥文件。", code="keys.missing", folder=str(folder)
            ) from exc
        except (OSError, ValueError) as exc:
            raise _corrupt(folder) from exc


class NodeKeys:
    """A node's private keys: an Ed25519 signing key and an age X25519 identity."""

    def __init__(self, signing: Ed25519PrivateKey, identity: Any) -> None:
        """Wrap existing keys.

        Args:
            signing: the Ed25519 private key.
            identity: a ``pyrage.x25519.Identity``.
        """
        self._signing = signing
        self._identity = identity

    @classmethod
    def generate(cls) -> NodeKeys:
        """Fresh random keys."""
        return cls(Ed25519PrivateKey.generate(), pyrage.x25519.Identity.generate())

    @property
    def identity(self) -> Any:
        """The ``pyrage.x25519.Identity`` that decrypts bundles sent to this node."""
        return self._identity

    @property
    def public_signing_bytes(self) -> bytes:
        """The raw 32-byte Ed25519 public key."""
        return self._signing.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def age_recipient(self) -> str:
        """The ``age1…`` recipient string others encrypt to."""
        return str(self._identity.to_public())

    @property
    def public(self) -> PublicKeys:
        """The public parts."""
        return PublicKeys(self.public_signing_bytes, self.age_recipient)

    @property
    def fingerprint(self) -> str:
        """The human fingerprint of the public keys."""
        return self.public.fingerprint

    def sign(self, message: bytes) -> bytes:
        """A raw 64-byte Ed25519 signature of ``message``."""
        return self._signing.sign(message)

    def _private_json(self) -> bytes:
        raw = self._signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return json.dumps(
            {
                "format": KEYS_FORMAT,
                "signing_private": base64.b64encode(raw).decode("ascii"),
                "age_identity": str(self._identity),
            }
        ).encode("utf-8")

    def save(self, folder: Path, passphrase: str) -> None:
        """Write the private keys encrypted with ``passphrase`` and the public ones in clear.

        Args:
            folder: an existing folder; receives :data:`PRIVATE_FILE` and :data:`PUBLIC_FILE`.
            passphrase: protects the private keys (age passphrase mode, scrypt).

        Raises:
            KeyStoreError: the passphrase is empty or the files cannot be written.
        """
        if not passphrase:
            raise KeyStoreError("密钥口令不能为空，请设置一个口令。", code="keys.passphrase_empty")
        folder = Path(folder)
        sealed = sealing.seal(self._private_json(), passphrase)
        try:
            with atomic_path(folder / PRIVATE_FILE) as tmp:
                tmp.write_bytes(sealed)
            with atomic_path(folder / PUBLIC_FILE) as tmp:
                tmp.write_text(json.dumps(self.public.to_json(), indent=2), encoding="utf-8")
        except (OSError, OutputError) as exc:
            raise KeyStoreError(
                f"无法保存密钥到 {folder}（{getattr(exc, 'strerror', None) or exc}），请检查文件夹和权限。",
                code="keys.write",
                folder=str(folder),
            ) from exc

    @classmethod
    def load(cls, folder: Path, passphrase: str) -> NodeKeys:
        """Read keys written by :meth:`save`.

        Args:
            folder: the folder holding the key files.
            passphrase: the passphrase given to :meth:`save`.

        Returns:
            The keys.

        Raises:
            KeyStoreError: ``keys.missing`` (no key files), ``keys.wrong_passphrase`` or
                ``keys.corrupt`` (damaged, or the public file does not match).
        """
        folder = Path(folder)
        try:
            sealed = (folder / PRIVATE_FILE).read_bytes()
            public = json.loads((folder / PUBLIC_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise KeyStoreError(
                f"在 {folder} 中找不到本机密钥文件。请从备份恢复密钥，或重新登记本机。",
                code="keys.missing",
                folder=str(folder),
            ) from exc
        except (OSError, ValueError) as exc:
            raise _corrupt(folder) from exc
        try:
            plain = sealing.unseal(sealed, passphrase)
        except sealing.WrongPassphrase as exc:
            raise KeyStoreError(
                "密钥口令不正确，请重新输入（注意大小写和输入法）。", code="keys.wrong_passphrase"
            ) from exc
        try:
            data = json.loads(plain)
            raw = base64.b64decode(data["signing_private"], validate=True)
            keys = cls(
                Ed25519PrivateKey.from_private_bytes(raw),
                pyrage.x25519.Identity.from_str(data["age_identity"]),
            )
        except (ValueError, KeyError, TypeError, pyrage.IdentityError) as exc:
            raise _corrupt(folder) from exc
        if not isinstance(public, dict) or public != keys.public.to_json():
            raise _corrupt(folder)
        return keys


def _corrupt(folder: Path) -> KeyStoreError:
    return KeyStoreError(
        f"{folder} 中的密钥文件已损坏或不一致，请从备份恢复密钥，或重新登记本机。",
        code="keys.corrupt",
        folder=str(folder),
    )
