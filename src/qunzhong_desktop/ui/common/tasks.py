"""The one way the UI runs long work: a pool worker, progress, cancel, result on the GUI thread.

Work is a plain callable ``fn(progress, cancel) -> result`` in the core's vocabulary
(``core/work.py``: the same progress and cancel token the CLI hands in): it reports through
``progress(done, total, text)`` and stops at ``cancel.raise_if_cancelled()``. It never
touches a widget. The runner shows a busy cursor after 300 ms and a progress dialog with a
cancel button after 600 ms (Anki's ``progress.py``), so quick work shows nothing at all.

Tests make every task synchronous with :func:`use_pool` and :class:`FakeThreadPool`
(Picard's idea): the work runs inside ``start`` and its callbacks run before ``run`` returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from qunzhong_desktop.core.work import Cancelled, CancelToken, Progress

__all__ = ["CancelToken", "Cancelled", "Progress", "Task", "run_task", "use_pool", "wait_for"]

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_CURSOR_MS = 300
DIALOG_MS = 600


class Pool(Protocol):
    """What the runner needs of a thread pool."""

    def start(self, runnable: QRunnable) -> None:
        """Run ``runnable`` (now, or on a worker thread)."""


class FakeThreadPool:
    """A pool that runs the work at once on the calling thread (tests)."""

    def start(self, runnable: QRunnable) -> None:
        """Run the work synchronously."""
        runnable.run()


_pool: Pool | None = None
_running: set[Task] = set()  # a task without a parent widget must outlive its caller's reference


def use_pool(pool: Pool | None) -> None:
    """Make every later task use ``pool`` (``None``: Qt's global pool)."""
    global _pool  # noqa: PLW0603 - one switch for the whole UI, set by tests
    _pool = pool


def current_pool() -> Pool:
    """The pool tasks start on."""
    return _pool if _pool is not None else QThreadPool.globalInstance()


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, fn: Callable[[Progress, CancelToken], Any], token: CancelToken) -> None:
        super().__init__()
        self.fn = fn
        self.token = token
        self.signals = _Signals()

    def _progress(self, done: int, total: int, text: str = "", /) -> None:
        try:
            self.signals.progressed.emit(done, total, text)
        except RuntimeError:  # the window closed meanwhile
            self.token.cancel()

    def run(self) -> None:
        try:
            result = self.fn(self._progress, self.token)
        except Exception as exc:  # handed to the GUI thread, which shows or logs it
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.succeeded, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed meanwhile: nobody is left to tell
            log.info("a background task finished after its window closed")


class Task(QObject):
    """One running piece of work and the feedback the user sees while it runs."""

    def __init__(
        self,
        fn: Callable[[Progress, CancelToken], Any],
        *,
        parent: QWidget | None,
        label: str,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_cancel: Callable[[Cancelled], None] | None = None,
        cancellable: bool,
    ) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.label = label
        self.finished = False
        self._widget = parent
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._cancellable = cancellable
        self._busy = False
        self._dialog: QProgressDialog | None = None
        self._last: tuple[int, int, str] = (0, 0, label)
        self._cursor_timer = self._timer(BUSY_CURSOR_MS, self._show_busy_cursor)
        self._dialog_timer = self._timer(DIALOG_MS, self._show_dialog)
        self._worker = _Worker(fn, self.token)
        self._worker.setAutoDelete(False)  # Python keeps it alive until finished
        signals = self._worker.signals
        signals.progressed.connect(self._progress)
        signals.succeeded.connect(self._succeeded)
        signals.failed.connect(self._failed)

    def _timer(self, ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def start(self, pool: Pool) -> None:
        """Start the timers, then the work."""
        self._cursor_timer.start()
        self._dialog_timer.start()
        pool.start(self._worker)

    def cancel(self) -> None:
        """Ask the work to stop."""
        self.token.cancel()

    # feedback ---------------------------------------------------------------------------
    def _show_busy_cursor(self) -> None:
        if not self.finished and not self._busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._busy = True

    def _show_dialog(self) -> None:
        if self.finished:
            return
        dialog = QProgressDialog(self._widget)
        dialog.setWindowTitle(self.tr("请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.setCancelButtonText(self.tr("取消"))
            dialog.canceled.connect(self._cancel_from_dialog)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        self._progress(*self._last)
        dialog.show()

    def _cancel_from_dialog(self) -> None:
        self.token.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("正在取消，请稍候……"))

    def _progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text or self.label)
        dialog = self._dialog
        if dialog is None or self.token.cancelled:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)
        dialog.setLabelText(text or self.label)

    def _end(self) -> None:
        self.finished = True
        _running.discard(self)
        self._cursor_timer.stop()
        self._dialog_timer.stop()
        if self._busy:
            QApplication.restoreOverrideCursor()
            self._busy = False
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _succeeded(self, result: object) -> None:
        self._end()
        if self._on_done is not None:
            self._on_done(result)
        self.deleteLater()

    def _failed(self, exc: object) -> None:
        self._end()
        assert isinstance(exc, BaseException)
        if isinstance(exc, Cancelled):
            log.info("%s: cancelled by the user", self.label)
            if self._on_cancel is not None:
                self._on_cancel(exc)
        elif self._on_error is not None:
            self._on_error(exc)
        else:
            from qunzhong_desktop.ui.common.errors import show_error

            show_error(self._widget, exc)
        self.deleteLater()


def run_task(
    parent: QWidget | None,
    fn: Callable[[Progress, CancelToken], Any],
    *,
    label: str,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[Cancelled], None] | None = None,
    cancellable: bool = True,
    pool: Pool | None = None,
) -> Task:
    """Run ``fn(progress, cancel)`` off the GUI thread and hand back its outcome on it.

    Args:
        parent: the widget the progress dialog and error messages belong to.
        fn: the work; must not touch widgets. Raising :class:`Cancelled` ends it quietly
            (``on_cancel`` is told, ``on_error`` is not).
        label: what the progress dialog says, e.g. "正在导入花名册……".
        on_done: called on the GUI thread with the result.
        on_error: called on the GUI thread with the exception; by default the error is
            shown with :func:`qunzhong_desktop.ui.common.errors.show_error`.
        on_cancel: called on the GUI thread when the work stopped with :class:`Cancelled`.
        cancellable: whether the dialog offers 取消.
        pool: a pool for this task only; by default :func:`current_pool`.

    Returns:
        The task (it deletes itself once finished).
    """
    task = Task(
        fn,
        parent=parent,
        label=label,
        on_done=on_done,
        on_error=on_error,
        on_cancel=on_cancel,
        cancellable=cancellable,
    )
    _running.add(task)
    task.start(pool if pool is not None else current_pool())
    return task


def wait_for(parent: QWidget | None, fn: Callable[[], T], *, label: str) -> T:
    """``fn()``'s result, computed off the GUI thread while the window keeps painting.

    For the short waits a dialog cannot go on without (opening the keys: scrypt, about a
    second): the caller gets the value back like a plain call, but the event loop turns
    meanwhile, ignoring clicks and keys, and the usual busy cursor and dialog appear if it
    takes long. An exception ``fn`` raises is raised here.
    """
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    run_task(
        parent, lambda _p, _c: fn(), label=label, on_done=done, on_error=failed, cancellable=False
    )
    if not outcome:  # a synchronous pool (tests) has already answered
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result
