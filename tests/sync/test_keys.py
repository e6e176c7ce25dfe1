from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from qunzhong_desktop.sync.keys import (
    PRIVATE_FILE,
    PUBLIC_FILE,
    KeyStoreError,
    NodeKeys,
    verify_signature,
)
from tests.helpers.sealed import SealedKeys


@pytest.mark.real_scrypt
def test_save_load_round_trip(sealed_keys: tuple[SealedKeys, SealedKeys]) -> None:
    sealed = sealed_keys[0]
    keys = sealed.keys
    loaded = NodeKeys.load(sealed.folder, sealed.passphrase)
    assert loaded.public == keys.public
    assert loaded.fingerprint == keys.fingerprint
    assert str(loaded.identity) == str(keys.identity)
    signature = loaded.sign(b"hello")
    assert verify_signature(keys.public_signing_bytes, signature, b"hello")
    public = json.loads((sealed.folder / PUBLIC_FILE).read_text(encoding="utf-8"))
    assert base64.b64decode(public["signing_public"]) == keys.public_signing_bytes
    assert public["age_recipient"] == keys.age_recipient
    assert public["fingerprint"] == keys.fingerprint


def test_wrong_passphrase(sealed_keys: tuple[SealedKeys, SealedKeys]) -> None:
    with pytest.raises(KeyStoreError) as info:
        NodeKeys.load(sealed_keys[1].folder, sealed_keys[1].passphrase + "x")
    assert info.value.code == "keys.wrong_passphrase"
    assert "口令不正确" in info.value.message


def test_private_keys_are_not_written_in_clear(
    sealed_keys: tuple[SealedKeys, SealedKeys],
) -> None:
    for sealed in sealed_keys:
        keys = sealed.keys
        raw = keys._signing.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        stored = (sealed.folder / PRIVATE_FILE).read_bytes()
        assert stored.startswith(b"age-encryption.org/v1")
        assert raw not in stored
        assert base64.b64encode(raw) not in stored
        assert str(keys.identity).encode() not in stored
        for path in sealed.folder.iterdir():
            assert str(keys.identity).encode() not in path.read_bytes()
            assert base64.b64encode(raw) not in path.read_bytes()


def test_missing_and_empty_passphrase(tmp_path: Path) -> None:
    with pytest.raises(KeyStoreError) as info:
        NodeKeys.load(tmp_path, "pw")
    assert info.value.code == "keys.missing"
    with pytest.raises(KeyStoreError) as info:
        NodeKeys.generate().save(tmp_path, "")
    assert info.value.code == "keys.passphrase_empty"


def test_fingerprint_is_eight_groups_of_four_hex() -> None:
    a, b = NodeKeys.generate(), NodeKeys.generate()
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", a.fingerprint)
    assert a.fingerprint != b.fingerprint
