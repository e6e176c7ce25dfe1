"""The list of every way the program writes synced data (the sync conformance harness's list).

Issue 9's worst defect passed every test: a roster import wrote what no test sent through a
bundle. Each function that writes synced tables is marked ``@write_path``; the change
capture (:mod:`.changes`) can refuse a captured write made outside any marked function
(``require(True)``, which the test suite sets), and the conformance harness
(``tests/sync/test_conformance.py``) fails when a marked function is not among the paths it
drives. A new write path therefore joins the harness in the same commit, or the tests fail.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: name → how many times it ran (in this process)
REGISTRY: dict[str, int] = {}
_ACTIVE: ContextVar[str | None] = ContextVar("write_path", default=None)
_REQUIRED = [False]


def name_of(fn: Callable[..., object]) -> str:
    """``module.Class.method`` of a function (the module without the package)."""
    return f"{fn.__module__.removeprefix('qunzhong_desktop.')}.{fn.__qualname__}"


def write_path(fn: Callable[P, R]) -> Callable[P, R]:
    """Mark a function that writes synced tables (see the module docstring)."""
    name = name_of(fn)
    REGISTRY.setdefault(name, 0)

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        REGISTRY[name] += 1
        token = _ACTIVE.set(_ACTIVE.get() or name)
        try:
            return fn(*args, **kwargs)
        finally:
            _ACTIVE.reset(token)

    return run


@contextmanager
def scope(name: str) -> Iterator[None]:
    """Writes of a test or a tool that are deliberately not a program path (named)."""
    token = _ACTIVE.set(_ACTIVE.get() or name)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active() -> str | None:
    """The outermost write path running in this context, if any."""
    return _ACTIVE.get()


def require(on: bool) -> None:
    """Make a captured write outside any write path an error (the test suite turns it on)."""
    _REQUIRED[0] = on


def required() -> bool:
    """Whether :func:`require` is on."""
    return _REQUIRED[0]
