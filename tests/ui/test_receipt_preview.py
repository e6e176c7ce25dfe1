import datetime as dt
import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import printing
from qunzhong_desktop.ui.common.pdf_print import PdfPreviewDialog, open_pdf, paint_pdf
from qunzhong_desktop.ui.intake import receipt_preview
from tests.helpers.printing import RecordingOutput, pdf_printer


@pytest.fixture(autouse=True)
def _needs_font() -> None:
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


@pytest.fixture
def number(store: Store) -> str:
    new = NewItem(
        channel="来访", domain="社会保障", grade="B", item_type="承诺件",
        content="咨询城乡居民养老保险补缴", requester_name="王大爷", requester_phone="13812345678",
    )  # fmt: skip
    return store.items.register_item(new, actor="李秀英", now=dt.datetime(2026, 11, 16, 9)).number


def test_preview_shows_the_receipt_and_removes_its_file(
    qtbot: QtBot, store: Store, number: str, tmp_path: Path, printed: RecordingOutput
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def check(path: Path) -> None:  # what "print" in the preview does, on the very file
        document = open_pdf(path, parent)
        out = tmp_path / "printed.pdf"
        assert document.pageCount() == 1
        assert paint_pdf(pdf_printer(out), document) == 1
        assert out.stat().st_size > 0
        document.close()

    printed.check = check
    receipt_preview.show_receipt(store, number, parent)
    [shown] = printed.shown
    assert number in shown.path.name and number in shown.title and not shown.direct
    assert shown.pdf.startswith(b"%PDF")
    assert not shown.path.exists() and not shown.path.parent.exists()


def test_real_dialog_opens_and_closes(qtbot: QtBot, store: Store, number: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    def close_preview() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PdfPreviewDialog) and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.reject()

    printing.use_output(None)  # the real preview, closed by the timer
    QTimer.singleShot(200, close_preview)
    receipt_preview.show_receipt(store, number, parent)
    assert shown and number in shown[0]
    gc.collect()


def test_missing_item_is_explained(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch, printed: RecordingOutput
) -> None:
    shown: list[str] = []

    def show(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", show)
    receipt_preview.show_receipt(store, "430121101201-2026-09999", None)
    assert shown and "找不到" in shown[0]
    assert printed.shown == []
