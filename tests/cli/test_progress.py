"""The CLI's long work: one progress line on a terminal, nothing in a pipe, Ctrl+C cancels."""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator

import pytest

from qunzhong_desktop.cli.progress import TerminalProgress, long_work
from qunzhong_desktop.core.work import Cancelled


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_one_line_redrawn_on_a_terminal_then_cleared() -> None:
    screen = Terminal()
    progress = TerminalProgress("正在导入……", screen)
    progress(0, 3)
    progress(3, 3, "第 3 户")  # the last step is always drawn, however soon
    progress.close()
    text = screen.getvalue()
    assert "\n" not in text
    assert "正在导入……  0/3" in text and "第 3 户  3/3" in text
    assert text.endswith("\r")


def test_nothing_into_a_pipe() -> None:
    pipe = io.StringIO()
    progress = TerminalProgress("正在导入……", pipe)
    progress(1, 2)
    progress.close()
    assert pipe.getvalue() == ""


@pytest.fixture
def terminal_sigint() -> Iterator[None]:
    """Ctrl+C as in a terminal: a process started in the background of a script (as CI may
    run the suite) inherits SIGINT ignored, and Python then installs no handler."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.mark.usefixtures("terminal_sigint")
def test_ctrl_c_sets_the_token_and_a_second_one_interrupts() -> None:
    before = signal.getsignal(signal.SIGINT)
    with long_work("正在导入……") as (_progress, cancel):
        signal.raise_signal(signal.SIGINT)
        assert cancel.cancelled
        with pytest.raises(Cancelled):
            cancel.raise_if_cancelled()
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before


@pytest.mark.usefixtures("terminal_sigint")
def test_work_that_cannot_stop_is_interrupted_at_once() -> None:
    with pytest.raises(KeyboardInterrupt), long_work("演示", cancellable=False) as (_p, cancel):
        signal.raise_signal(signal.SIGINT)
    assert not cancel.cancelled
