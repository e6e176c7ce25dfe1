"""Report files are written through :func:`.output.write_atomically`; this names their error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from qunzhong_desktop.core.safe_write import OutputError
from qunzhong_desktop.core.safe_write import write_atomically as _write


class ReportOutputError(OutputError):
    """The report file cannot be written where the user asked."""

    code = "report.output"


def write_atomically(out: Path, write: Callable[[Path], None]) -> Path:
    """Write a report file safely (see :func:`.output.write_atomically`); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there; nothing is left behind.
    """
    _write(out, write, error=ReportOutputError)
    return Path(out)
