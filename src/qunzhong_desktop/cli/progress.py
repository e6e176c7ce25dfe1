"""The command line's side of long work (core/work.py): a progress line and Ctrl+C.

On a terminal the progress keeps one line of stderr up to date (``正在导入…  1200/5000``),
at most ten times a second; into a pipe or a file it writes nothing, so scripts read only
the result lines. Ctrl+C sets the cancel token: the work stops at its next step with its
own sentence (an import says nothing was written); a second Ctrl+C interrupts at once.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from qunzhong_desktop.core.work import CancelToken, Progress

INTERVAL = 0.1


class TerminalProgress:
    """A :class:`~qunzhong_desktop.core.work.Progress` that redraws one terminal line."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.shown = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last = 0.0
        self._width = 0

    def __call__(self, done: int, total: int, text: str = "", /) -> None:
        """Redraw the line (skipped if the last redraw was under 0.1 s ago)."""
        now = time.monotonic()
        if not self.shown or (now - self._last < INTERVAL and done < total):
            return
        self._last = now
        amount = f"{done}/{total}" if total > 0 else str(done)
        line = f"{text or self.label}  {amount}"
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = max(self._width, len(line))

    def close(self) -> None:
        """Clear the line, so the result prints where it began."""
        if self.shown and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


@contextmanager
def long_work(label: str, *, cancellable: bool = True) -> Iterator[tuple[Progress, CancelToken]]:
    """A progress line and a cancel token set by Ctrl+C, for one long step of a command.

    ``cancellable=False`` for work that does not look at the token: Ctrl+C then
    interrupts it at once, as anywhere else in the CLI.
    """
    progress = TerminalProgress(label)
    token = CancelToken()
    handler_set = cancellable and threading.current_thread() is threading.main_thread()
    previous: Any = signal.getsignal(signal.SIGINT) if handler_set else None

    def interrupted(signum: int, frame: Any) -> None:
        if token.cancelled:  # the second Ctrl+C: at once
            raise KeyboardInterrupt
        token.cancel()

    if handler_set:
        signal.signal(signal.SIGINT, interrupted)
    try:
        yield progress, token
    finally:
        if handler_set:
            signal.signal(signal.SIGINT, previous)
        progress.close()
