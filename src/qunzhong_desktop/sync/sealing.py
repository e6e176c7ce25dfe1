"""A secret sealed with a passphrase (age's scrypt mode), where it cannot freeze a window.

pyrage holds Python's GIL for the whole scrypt, about a second by design: run on a worker
thread it still stops the window's event loop (measured: a 10 ms timer got 1 tick in
1.26 s). With :func:`isolate` switched on — the window does it at start — sealing and
opening run in a short-lived child process (``spawn``: safe beside Qt's threads, and the
way PyInstaller builds support), and the calling thread only waits on a pipe. The CLI
and most tests run scrypt in their own process: nothing else needs to go on meanwhile.

Only the passphrase and the sealed or opened bytes cross the pipe; nothing touches disk.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import ParamSpec, TypeVar

import pyrage

P = ParamSpec("P")
R = TypeVar("R")

_isolated = False


class WrongPassphrase(Exception):
    """The passphrase does not open the sealed bytes (or they are not age's)."""


def isolate(on: bool) -> None:
    """Run scrypt in a child process from now on (``on``) or in this one."""
    global _isolated  # noqa: PLW0603 - one switch per process, set by the window
    _isolated = on


def isolated() -> bool:
    """Whether scrypt runs in a child process."""
    return _isolated


def seal(plain: bytes, passphrase: str) -> bytes:
    """``plain`` encrypted with ``passphrase`` (age, scrypt)."""
    return _run(_seal_here, plain, passphrase)


def unseal(sealed: bytes, passphrase: str) -> bytes:
    """The bytes :func:`seal` sealed.

    Raises:
        WrongPassphrase: the passphrase does not open them, or they are not sealed bytes.
    """
    ok, value = _run(_unseal_here, sealed, passphrase)
    if not ok:
        raise WrongPassphrase
    return value


def _seal_here(plain: bytes, passphrase: str) -> bytes:
    return bytes(pyrage.passphrase.encrypt(plain, passphrase))


def _unseal_here(sealed: bytes, passphrase: str) -> tuple[bool, bytes]:
    # an outcome, not an exception: pyrage's exception types need not survive the pipe
    try:
        return True, bytes(pyrage.passphrase.decrypt(sealed, passphrase))
    except pyrage.DecryptError:
        return False, b""


def _run(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    if not _isolated:
        return fn(*args, **kwargs)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(fn, *args, **kwargs).result()
