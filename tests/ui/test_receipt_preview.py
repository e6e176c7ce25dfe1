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
from qunzhong_desktop.ui.common.pdf_print import PdfPreviewDialog, paint_pdf
from qunzhong_desktop.ui.intake import receipt_preview
from tests.helpers.printing import pdf_printer


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
    qtbot: QtBot, store: Store, number: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[Path] = []
    render = receipt_preview.render_receipt_file

    def spy(store: Store, number: str, folder: Path) -> Path:
        seen.append(render(store, number, folder))
        return seen[-1]

    def run(dialog: PdfPreviewDialog) -> bool:
        path = seen[-1]
        assert path.is_file() and number in path.name
        assert number in dialog.windowTitle()
        assert dialog.document.pageCount() == 1
        printed = tmp_path / "printed.pdf"
        assert paint_pdf(pdf_printer(printed), dialog.document) == 1  # what "print" does
        assert printed.stat().st_size > 0
        return True

    monkeypatch.setattr(receipt_preview, "render_receipt_file", spy)
    monkeypatch.setattr(receipt_preview, "run_preview", run)
    assert receipt_preview.show_receipt(store, number, parent) is True
    assert len(seen) == 1
    assert not seen[0].exists() and not seen[0].parent.exists()


def test_real_dialog_opens_and_closes(qtbot: QtBot, store: Store, number: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    def close_preview() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PdfPreviewDialog) and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.reject()

    QTimer.singleShot(200, close_preview)
    assert receipt_preview.show_receipt(store, number, parent) is False
    assert shown and number in shown[0]
    gc.collect()


def test_missing_item_is_explained(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def show(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", show)
    monkeypatch.setattr(receipt_preview, "run_preview", lambda dialog: pytest.fail("no preview"))
    assert receipt_preview.show_receipt(store, "430121101201-2026-09999", None) is False
    assert shown and "找不到" in shown[0]
