"""One window per data directory: a second start brings the first window to the front."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from qunzhong_desktop.ui.shell import application
from qunzhong_desktop.ui.shell.single_window import LOCK_FILE, SingleWindow


def _start_second(home: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QUNZHONG_LANG="zh")
    return subprocess.Popen(
        [sys.executable, "-m", "qunzhong_desktop", "--home", str(home)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def test_a_second_start_raises_the_first_window_and_ends(qtbot, tmp_path: Path) -> None:
    first = SingleWindow(tmp_path)
    assert first.claim()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=20_000):
            second = _start_second(tmp_path)
        _, err = second.communicate(timeout=20)
        assert second.returncode == 0, err
        assert not (tmp_path / "qunzhong.sqlite3").exists()  # it never opened the store
    finally:
        first.release()


def test_when_the_first_cannot_be_reached_the_user_is_told_where_it_is_open(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = SingleWindow(tmp_path)
    assert first.claim()
    first._server.close()  # type: ignore[union-attr]  # a hung window: nobody answers
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    try:
        assert application.claim_or_wake(tmp_path) is None
    finally:
        first.release()
    (text,) = told
    assert str(tmp_path) in text and f"本机（进程 {os.getpid()}）" in text
    # released: the next start gets the directory
    again = application.claim_or_wake(tmp_path)
    assert again is not None
    again.release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_lock_of_a_crashed_window_is_taken_over(tmp_path: Path) -> None:
    crash = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0); assert lock.tryLock(0)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(tmp_path / LOCK_FILE)], check=False)
    assert (tmp_path / LOCK_FILE).exists()
    started = time.monotonic()
    guard = SingleWindow(tmp_path)
    assert guard.claim()
    assert time.monotonic() - started < 3
    guard.release()
