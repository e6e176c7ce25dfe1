"""print_document: written in the background, previewed, the scratch folder always removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.work import Cancelled, CancelToken, Progress
from qunzhong_desktop.home import SCRATCH
from qunzhong_desktop.ui.common.printing import print_document
from tests.helpers.printing import RecordingOutput


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def leftovers(home: Path) -> list[Path]:
    root = home / SCRATCH
    return list(root.iterdir()) if root.is_dir() else []


def test_preview_sees_the_file_then_the_folder_goes(
    parent: QWidget, tmp_path: Path, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    results: list[str] = []
    printed.printed = True

    def write(path: Path, progress: Progress, cancel: CancelToken) -> str:
        progress(1, 1)
        path.write_bytes(b"%PDF-1.4 test")
        return "写好了"

    print_document(
        parent, tmp_path, write, file_name="回执.pdf", label="生成", title="受理回执",
        on_printed=results.append,
    )  # fmt: skip
    assert [(s.title, s.pdf, s.direct) for s in printed.shown] == [
        ("受理回执", b"%PDF-1.4 test", False)
    ]
    assert results == ["写好了"]
    assert leftovers(tmp_path) == []
    assert boxes == []


def test_not_printed_from_the_preview_records_nothing(
    parent: QWidget, tmp_path: Path, printed: RecordingOutput
) -> None:
    results: list[str] = []

    def write(path: Path, progress: Progress, cancel: CancelToken) -> str:
        path.write_bytes(b"%PDF")
        return "x"

    print_document(
        parent, tmp_path, write, file_name="a.pdf", label="", title="", direct=True,
        on_printed=results.append,
    )  # fmt: skip
    assert printed.shown[0].direct
    assert results == []
    assert leftovers(tmp_path) == []


def test_a_failure_is_shown_under_the_title_and_leaves_nothing(
    parent: QWidget, tmp_path: Path, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    failures: list[BaseException] = []

    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"half a PDF")
        raise DomainError("磁盘已满，文件没有写成。", code="output.full")

    print_document(
        parent, tmp_path, write, file_name="a.pdf", label="", title="民情月报",
        on_failed=failures.append,
    )  # fmt: skip
    assert boxes == [("民情月报", "磁盘已满，文件没有写成。")]
    assert [type(f) for f in failures] == [DomainError]
    assert printed.shown == []
    assert leftovers(tmp_path) == []


def test_a_cancelled_document_is_quiet_and_leaves_nothing(
    parent: QWidget, tmp_path: Path, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"half")
        cancel.cancel()
        cancel.raise_if_cancelled()

    task = print_document(parent, tmp_path, write, file_name="a.pdf", label="", title="")
    assert task.token.cancelled
    assert boxes == []
    assert printed.shown == []
    assert leftovers(tmp_path) == []


def test_a_preview_that_cannot_open_the_file_says_so(
    parent: QWidget, tmp_path: Path, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    def broken(path: Path) -> None:
        raise DomainError("无法打开打印预览。", code="print.preview")

    printed.check = broken

    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"%PDF")

    print_document(parent, tmp_path, write, file_name="a.pdf", label="", title="联系卡")
    assert boxes == [("联系卡", "无法打开打印预览。")]
    assert leftovers(tmp_path) == []


def test_cancelled_is_the_core_vocabulary() -> None:
    assert issubclass(Cancelled, DomainError)
    assert Cancelled().message == "已取消。"
