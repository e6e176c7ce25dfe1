"""Keys made in a GUI or command-line test: the same few keys each time, each sealed once
per passphrase (the ``keys_made_once`` fixture, tests/conftest.py).

Making a PC's keys (the set-up wizard's last step, 生成密钥 on the sync page, a restore that
leads to new keys) seals them with scrypt: a second of CPU each, nine times in the wizard's
tests alone. With :func:`keys_made_once` the n-th key pair a test makes is the n-th of a
pool made once per process (a test still gets distinct keys for each pair it makes), and
sealing the same key pair with the same passphrase again returns the blob the real age code
made the first time. The pool begins with the session's ``sealed_keys`` (tests/helpers/
sealed.py), whose blobs under :data:`~tests.helpers.sealed.PASSPHRASE` are made already: a
test that makes keys with that passphrase runs no scrypt to seal them. Those blobs are real: a wrong passphrase fails to open them with real
scrypt, and the files the test writes are the files a user's PC gets. Tests about the keys
themselves (tests/sync) do not use this; the command line's key commands (tests/cli/
test_sync*.py, test_backup.py) do, with the pool's passphrase the fixture returns.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from qunzhong_desktop.sync import sealing
from qunzhong_desktop.sync.keys import PRIVATE_FILE, NodeKeys
from tests.helpers.sealed import SealedKeys

_POOL: list[NodeKeys] = []
_SEALED: dict[tuple[bytes, str], bytes] = {}


def keys_made_once(monkeypatch: pytest.MonkeyPatch, sealed: tuple[SealedKeys, ...]) -> None:
    """Patch key generation and sealing for one test (see the module's docstring)."""
    if not _POOL:
        for one in sealed:
            _POOL.append(one.keys)
            plain = one.keys._private_json()
            _SEALED[(plain, one.passphrase)] = (one.folder / PRIVATE_FILE).read_bytes()
    real_generate: Callable[[], NodeKeys] = NodeKeys.generate
    real_seal = sealing._seal_here  # the one place scrypt seals
    made = [0]

    def generate(cls: type[NodeKeys]) -> NodeKeys:
        del cls
        if made[0] == len(_POOL):
            _POOL.append(real_generate())
        made[0] += 1
        return _POOL[made[0] - 1]

    def seal(plain: bytes, passphrase: str) -> bytes:
        key = (plain, passphrase)
        if key not in _SEALED:
            _SEALED[key] = real_seal(plain, passphrase)
        return _SEALED[key]

    monkeypatch.setattr(NodeKeys, "generate", classmethod(generate))
    monkeypatch.setattr(sealing, "_seal_here", seal)
