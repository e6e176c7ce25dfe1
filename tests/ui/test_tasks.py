from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.ui.common import errors, tasks
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_fake_pool_runs_work_synchronously(parent: QWidget) -> None:
    seen: list[object] = []

    def work(progress: Progress, cancel: CancelToken) -> int:
        progress(1, 2, "一半")
        return 42

    task = run_task(parent, work, label="计算", on_done=seen.append)
    assert seen == [42]
    assert task.finished
    assert QApplication.overrideCursor() is None


def test_errors_reach_the_error_callback(parent: QWidget) -> None:
    seen: list[BaseException] = []

    def work(progress: Progress, cancel: CancelToken) -> None:
        raise ValidationError("不对。")

    run_task(parent, work, label="检查", on_error=seen.append)
    assert isinstance(seen[0], ValidationError)


def test_errors_without_callback_are_shown(
    parent: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    def work(progress: Progress, cancel: CancelToken) -> None:
        raise ValidationError("身份证号码校验位不对。")

    run_task(parent, work, label="检查")
    assert shown == ["身份证号码校验位不对。"]


def test_cancelled_work_ends_quietly(parent: QWidget) -> None:
    seen: list[object] = []

    def work(progress: Progress, cancel: CancelToken) -> None:
        cancel.cancel()
        cancel.raise_if_cancelled()

    task = run_task(parent, work, label="取消", on_done=seen.append, on_error=seen.append)
    assert seen == []
    assert task.token.cancelled


def test_real_thread_result_arrives_on_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    gui = threading.get_ident()
    threads: dict[str, int] = {}
    done: list[int] = []

    def work(progress: Progress, cancel: CancelToken) -> int:
        threads["work"] = threading.get_ident()
        return 7

    def on_done(value: int) -> None:
        threads["done"] = threading.get_ident()
        done.append(value)

    pool = QThreadPool()
    run_task(parent, work, label="线程", on_done=on_done, pool=pool)
    qtbot.waitUntil(lambda: done == [7])
    assert threads["work"] != gui
    assert threads["done"] == gui
    pool.waitForDone()


def test_slow_work_shows_busy_cursor_then_a_cancellable_dialog(
    qtbot: QtBot, parent: QWidget
) -> None:
    release = threading.Event()
    outcome: list[object] = []

    def work(progress: Progress, cancel: CancelToken) -> str:
        progress(3, 10, "第 3 户")
        while not cancel.cancelled and not release.wait(0.01):
            pass
        cancel.raise_if_cancelled()
        return "完成"

    pool = QThreadPool()
    task = run_task(parent, work, label="导入", on_done=outcome.append, pool=pool)
    qtbot.waitUntil(lambda: QApplication.overrideCursor() is not None, timeout=2000)
    dialogs: list[QProgressDialog] = []

    def dialog_shown() -> bool:
        dialogs[:] = [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]
        return bool(dialogs)

    try:
        qtbot.waitUntil(dialog_shown, timeout=2000)
        assert dialogs[0].labelText() == "第 3 户"
        assert dialogs[0].value() == 3
        (cancel_button,) = dialogs[0].findChildren(QPushButton)
        assert cancel_button.text() == "取消"
        cancel_button.click()
        qtbot.waitUntil(lambda: task.finished, timeout=2000)
    finally:
        release.set()
        pool.waitForDone()
    assert outcome == []
    assert QApplication.overrideCursor() is None


def test_unexpected_errors_are_logged_and_explained(caplog: pytest.LogCaptureFixture) -> None:
    box = errors.error_box(None, RuntimeError("boom"))
    assert "意外" in box.text()
    assert "qunzhong.log" in box.informativeText()
    assert "RuntimeError: boom" in box.detailedText()
    assert "boom" in caplog.text
    box.deleteLater()


def test_domain_errors_say_what_to_do() -> None:
    box = errors.error_box(None, ValidationError("电话号码不对。"))
    assert box.text() == "电话号码不对。"
    assert "不会丢失" in box.informativeText()
    box.deleteLater()


def test_use_pool_switches_the_default(sync_tasks: tasks.FakeThreadPool) -> None:
    assert tasks.current_pool() is sync_tasks
    tasks.use_pool(None)
    assert tasks.current_pool() is QThreadPool.globalInstance()
