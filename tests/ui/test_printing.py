"""print_document: written in the background, previewed, the scratch folder always removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.work import Cancelled, CancelToken, Progress
from qunzhong_desktop.home import SCRATCH
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.printing import document_name, print_document, safe_file_name
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
    parent: QWidget, store: Store, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    results: list[str] = []
    printed.printed = True

    def write(path: Path, progress: Progress, cancel: CancelToken) -> str:
        progress(1, 1)
        path.write_bytes(b"%PDF-1.4 test")
        return "写好了"

    print_document(
        parent, store, write, file_name="回执.pdf", label="生成", title="受理回执",
        on_printed=results.append,
    )  # fmt: skip
    assert [(s.title, s.pdf, s.direct) for s in printed.shown] == [
        ("受理回执", b"%PDF-1.4 test", False)
    ]
    assert results == ["写好了"]
    assert leftovers(store.home) == []
    assert boxes == []


def test_not_printed_from_the_preview_records_nothing(
    parent: QWidget, store: Store, printed: RecordingOutput
) -> None:
    results: list[str] = []

    def write(path: Path, progress: Progress, cancel: CancelToken) -> str:
        path.write_bytes(b"%PDF")
        return "x"

    print_document(
        parent, store, write, file_name="a.pdf", label="", title="", direct=True,
        on_printed=results.append,
    )  # fmt: skip
    assert printed.shown[0].direct
    assert results == []
    assert leftovers(store.home) == []


def test_a_failure_is_shown_under_the_title_and_leaves_nothing(
    parent: QWidget, store: Store, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    failures: list[BaseException] = []

    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"half a PDF")
        raise DomainError("磁盘已满，文件没有写成。", code="output.full")

    print_document(
        parent, store, write, file_name="a.pdf", label="", title="民情月报",
        on_failed=failures.append,
    )  # fmt: skip
    assert boxes == [("民情月报", "磁盘已满，文件没有写成。")]
    assert [type(f) for f in failures] == [DomainError]
    assert printed.shown == []
    assert leftovers(store.home) == []


def test_a_cancelled_document_is_quiet_and_leaves_nothing(
    parent: QWidget, store: Store, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"half")
        cancel.cancel()
        cancel.raise_if_cancelled()

    task = print_document(parent, store, write, file_name="a.pdf", label="", title="")
    assert task.token.cancelled
    assert boxes == []
    assert printed.shown == []
    assert leftovers(store.home) == []


def test_a_preview_that_cannot_open_the_file_says_so(
    parent: QWidget, store: Store, printed: RecordingOutput, boxes: list[tuple[str, str]]
) -> None:
    def broken(path: Path) -> None:
        raise DomainError("无法打开打印预览。", code="print.preview")

    printed.check = broken

    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"%PDF")

    print_document(parent, store, write, file_name="a.pdf", label="", title="联系卡")
    assert boxes == [("联系卡", "无法打开打印预览。")]
    assert leftovers(store.home) == []


def test_cancelled_is_the_core_vocabulary() -> None:
    assert issubclass(Cancelled, DomainError)
    assert Cancelled().message == "已取消。"


def test_a_previewed_pdf_is_saved_with_a_meaningful_name(
    parent: QWidget,
    store: Store,
    printed: RecordingOutput,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """另存为 PDF in the preview: a named copy, in the folder chosen last time for PDFs."""
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []
    usb = tmp_path / "U盘 文件"
    usb.mkdir()

    def choose(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(usb / Path(start).stem), ""  # the clerk drops ".pdf": it comes back

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)

    def save_from_the_preview(path: Path) -> None:
        save = printed.shown[-1].save
        assert save is not None  # the preview offers 另存为 PDF
        save(path)

    printed.check = save_from_the_preview

    def write(path: Path, progress: Progress, cancel: CancelToken) -> None:
        path.write_bytes(b"%PDF-1.4 report")

    for _ in range(2):
        print_document(
            parent, store, write, file_name="report.pdf", label="", title="民情月报",
            save_name=document_name(store, "民情月报", "2026年11月"),
        )  # fmt: skip
    name = "白沙村群众工作站-民情月报-2026年11月.pdf"
    assert Path(offered[0]).name == name
    assert Path(offered[0]).parent != usb  # the first time: Documents or home
    assert Path(offered[1]).parent == usb  # then the folder chosen before
    assert (usb / name).read_bytes() == b"%PDF-1.4 report"
    assert leftovers(store.home) == []


def test_file_names_are_safe_on_windows() -> None:
    assert safe_file_name('a/b:c*?"<>|d') == "a-b-c-d"
    assert safe_file_name("..") == "文件"
