"""Ledger files are written through :func:`.output.write_atomically`; this names their error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from qunzhong_desktop.core.safe_write import OutputError
from qunzhong_desktop.core.safe_write import write_atomically as _write

T = TypeVar("T")


class LedgerOutputError(OutputError):
    """The ledger file cannot be written where the user asked."""

    code = "ledger.output"


def write_atomically(out: Path, write: Callable[[Path], T]) -> T:
    """Write a ledger file safely (see :func:`.output.write_atomically`).

    Raises:
        LedgerOutputError: the file cannot be written there; nothing is left behind.
    """
    return _write(out, write, error=LedgerOutputError)
