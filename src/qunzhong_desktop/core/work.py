"""Long work's vocabulary, one for the CLI and the window: progress, a cancel token, Cancelled.

Work that can take more than a moment (an import, a PDF of a thousand cards, a ledger
of a year) takes two keyword arguments and nothing else to talk to whoever waits:

- ``progress(done, total, text="")`` after each step; ``total`` 0 means "not known";
- ``cancel``, a :class:`CancelToken` or None: the work calls
  ``cancel.raise_if_cancelled()`` between steps, which raises :class:`Cancelled` once
  someone asked it to stop.

The window hands in its task's (``ui/common/tasks.py``: a progress dialog with 取消),
the CLI a line on the terminal and Ctrl+C (``cli/progress.py``); tests hand in nothing
or a list. The work never knows which.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from qunzhong_desktop.core.errors import DomainError


class Progress(Protocol):
    """Told after each step of the work."""

    def __call__(self, done: int, total: int, text: str = "", /) -> None:
        """``done`` of ``total`` steps (``total`` 0: unknown); ``text`` says what now."""


def no_progress(done: int, total: int, text: str = "", /) -> None:
    """A :class:`Progress` that tells no one."""
    del done, total, text


class Cancelled(DomainError):
    """The work stopped because someone asked it to.

    The message says what became of its writes (usually: nothing was written).
    """

    code = "cancelled"

    def __init__(self, message: str = "已取消。", **kwargs: Any) -> None:
        super().__init__(message, **kwargs)


class CancelToken:
    """Set by whoever waits (the GUI thread, a Ctrl+C), read by the work (thread-safe)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether someone asked the work to stop."""
        return self._event.is_set()

    def raise_if_cancelled(self, error: Cancelled | None = None) -> None:
        """Stop the work here, with ``error`` or a plain :class:`Cancelled`, if asked to."""
        if self.cancelled:
            raise error if error is not None else Cancelled()


def checkpoint(
    progress: Progress | None,
    cancel: CancelToken | None,
    done: int,
    total: int = 0,
    text: str = "",
) -> None:
    """The one call a loop makes between steps: stop if asked to, else tell the progress."""
    if cancel is not None:
        cancel.raise_if_cancelled()
    if progress is not None:
        progress(done, total, text)
