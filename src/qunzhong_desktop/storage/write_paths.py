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
from typing import Any, ParamSpec, TypeVar, overload

from qunzhong_desktop.core import access
from qunzhong_desktop.core.access import Operator, Permission

P = ParamSpec("P")
R = TypeVar("R")

#: name → how many times it ran (in this process)
REGISTRY: dict[str, int] = {}
#: name → (the function as marked, the permission it needs)
MARKED: dict[str, tuple[Callable[..., object], Permission | None]] = {}
_ACTIVE: ContextVar[str | None] = ContextVar("write_path", default=None)
_REQUIRED = [False]


def name_of(fn: Callable[..., object]) -> str:
    """``module.Class.method`` of a function (the module without the package)."""
    return f"{fn.__module__.removeprefix('qunzhong_desktop.')}.{fn.__qualname__}"


@overload
def write_path(fn: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def write_path(
    *, needs: Permission | None = Permission.WRITE
) -> Callable[[Callable[P, R]], Callable[P, R]]: ...
def write_path(
    fn: Callable[P, R] | None = None, /, *, needs: Permission | None = Permission.WRITE
) -> Callable[P, R] | Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a function that writes synced tables (see the module docstring).

    It also refuses to run for an operator whose role lacks ``needs`` (``WRITE`` unless
    said otherwise; None: anyone, e.g. the access log): the store it writes is its first
    argument or that argument's ``db``, and the store knows who is signed in
    (:attr:`Database.operator`).
    """
    if fn is None:
        return lambda inner: _mark(inner, needs)
    return _mark(fn, needs)


def _mark(fn: Callable[P, R], needs: Permission | None) -> Callable[P, R]:
    name = name_of(fn)
    REGISTRY.setdefault(name, 0)

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if needs is not None:
            access.require(operator_of(args[0] if args else None), needs)
        REGISTRY[name] += 1
        token = _ACTIVE.set(_ACTIVE.get() or name)
        try:
            return fn(*args, **kwargs)
        finally:
            _ACTIVE.reset(token)

    MARKED[name] = (run, needs)
    return run


def operator_of(first: Any) -> Operator | None:
    """Who is signed in to the store a write path was called on (None: not limited)."""
    db = getattr(first, "db", first)
    operator = getattr(db, "operator", None)
    return operator if isinstance(operator, Operator) else None


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
