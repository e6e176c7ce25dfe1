from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qunzhong_desktop.reports import documents
from qunzhong_desktop.reports.fonts import FONT_SETTING, find_cjk_font
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.pdf_print import PdfPreviewDialog, open_pdf, paint_pdf
from qunzhong_desktop.ui.register.cards_dialog import CardsDialog
from tests.helpers.cards_data import populate
from tests.helpers.printing import RecordingOutput, pdf_printer


@pytest.fixture(autouse=True)
def _needs_font() -> None:
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warn(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


def test_choices_show_counts(qtbot: QtBot, store: Store) -> None:
    ids = populate(store, 7)
    SqlCards(store.db).record_issues(SqlCards(store.db).cards(ids[:3]))
    dialog = CardsDialog(store, ids[2:4])
    qtbot.addWidget(dialog)
    assert dialog.scope() == "selected"
    assert "2 户" in dialog.selected_radio.text() and "需更新 1 户" in dialog.selected_radio.text()
    assert "7 户" in dialog.all_radio.text()
    assert "4 户" in dialog.stale_radio.text() and "从未打印 4 户" in dialog.stale_radio.text()
    assert [c.household_id for c in dialog.chosen_cards()] == sorted(
        ids[2:4], key=lambda i: store.register.household(i).number
    )
    dialog.set_scope("stale")
    assert len(dialog.chosen_cards()) == 4
    assert "WenQuanYi" in dialog.font_label.text() or dialog.font_label.text()


def test_without_selection_starts_on_stale_and_disables_selected(
    qtbot: QtBot, store: Store
) -> None:
    populate(store, 3)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    assert not dialog.selected_radio.isEnabled()
    assert dialog.scope() == "stale" and dialog.save_button.isEnabled()


def test_save_pdf_records_issues(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    populate(store, 12)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    dialog.set_scope("all")
    dialog.set_layout_name("single")
    assert store.settings.get("cards.layout") == "single"
    out = tmp_path / "cards.pdf"
    with qtbot.waitSignal(dialog.cardsIssued) as blocker:
        dialog.save_pdf_to(out)
    assert blocker.args == [12]
    assert len(PdfReader(out).pages) == 12
    assert "12 张" in dialog.status_label.text()
    assert SqlCards(store.db).counts().stale == 0
    assert "0 户" in dialog.stale_radio.text() and not dialog.stale_radio.isEnabled()


def test_save_button_asks_for_a_path(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(store, 2)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: tmp_path / "a.pdf")
    dialog.save_button.click()
    assert (tmp_path / "a.pdf").is_file()
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: None)
    dialog.save_button.click()  # cancelled: nothing happens


def test_print_records_only_when_printed(
    qtbot: QtBot, store: Store, tmp_path: Path, printed: RecordingOutput
) -> None:
    populate(store, 11)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    dialog.print_button.click()  # the user cancelled the print dialog
    assert printed.shown[-1].direct
    assert SqlCards(store.db).counts().stale == 11

    paper = tmp_path / "printed.pdf"

    def print_to_pdf(path: Path) -> None:
        doc = open_pdf(path, dialog)
        assert paint_pdf(pdf_printer(paper), doc) > 0
        doc.close()

    printed.check, printed.printed = print_to_pdf, True
    dialog.print_button.click()
    assert SqlCards(store.db).counts().stale == 0
    assert len(PdfReader(paper).pages) == 2
    assert "已打印 11 张" in dialog.status_label.text()


def test_preview_paints_every_page_and_records_when_printed_from_it(
    qtbot: QtBot, store: Store, tmp_path: Path, printed: RecordingOutput
) -> None:
    populate(store, 23)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    painted: list[int] = []

    def paint(path: Path) -> None:
        preview = PdfPreviewDialog(path, dialog)
        qtbot.addWidget(preview)
        out = tmp_path / "preview.pdf"
        preview.paintRequested.emit(pdf_printer(out))
        preview.document.close()
        painted.append(len(PdfReader(out).pages))

    printed.check, printed.printed = paint, True
    dialog.preview_button.click()
    assert painted == [3] and not printed.shown[0].direct
    assert SqlCards(store.db).counts().stale == 0


def test_paint_pdf_at_true_size_on_a4(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    populate(store, 1)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    written = documents.cards(store, tmp_path / "one.pdf")
    preview = PdfPreviewDialog(written.result.path, dialog)
    qtbot.addWidget(preview)
    assert preview.pdf_printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    out = tmp_path / "printed.pdf"
    assert paint_pdf(pdf_printer(out), preview.document) == 1
    box = PdfReader(out).pages[0].mediabox
    assert round(float(box.width)) == 595 and round(float(box.height)) == 842


def test_font_problems_are_explained(
    qtbot: QtBot, store: Store, tmp_path: Path, warnings: list[str]
) -> None:
    populate(store, 1)
    store.settings.set(FONT_SETTING, str(tmp_path / "gone.ttf"))
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    assert "不存在" in dialog.font_label.text()
    dialog.save_pdf_to(tmp_path / "x.pdf")
    assert warnings and "字体" in warnings[0] and not (tmp_path / "x.pdf").exists()
    assert SqlCards(store.db).counts().stale == 1

    bogus = tmp_path / "bogus.otf"
    bogus.write_bytes(b"OTTO" + b"\0" * 64)
    assert not dialog.use_font_file(bogus)
    assert "TrueType" in warnings[-1]
    good = find_cjk_font().path
    assert dialog.use_font_file(good)
    assert store.settings.get(FONT_SETTING) == str(good)
    dialog.save_pdf_to(tmp_path / "x.pdf")
    assert (tmp_path / "x.pdf").is_file()


def test_unwritable_path_shows_a_message(
    qtbot: QtBot, store: Store, tmp_path: Path, warnings: list[str]
) -> None:
    populate(store, 1)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    dialog.save_pdf_to(tmp_path / "missing" / "x.pdf")
    assert "不存在" in warnings[0] and "不存在" in dialog.status_label.text()


def test_the_preview_leaves_no_file(qtbot: QtBot, store: Store, printed: RecordingOutput) -> None:
    populate(store, 1)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    dialog.preview_button.click()
    [shown] = printed.shown
    assert shown.pdf.startswith(b"%PDF")
    assert not shown.path.exists() and not shown.path.parent.exists()


def test_preview_dialog_shows_pages(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    populate(store, 12)
    dialog = CardsDialog(store)
    qtbot.addWidget(dialog)
    written = documents.cards(store, tmp_path / "cards.pdf")
    preview = PdfPreviewDialog(written.result.path, dialog)
    qtbot.addWidget(preview)
    calls: list[bool] = []
    preview.paintRequested.connect(lambda printer: calls.append(True))
    preview.show()
    qtbot.waitUntil(lambda: bool(calls))
    preview.grab().save(str(tmp_path / "preview.png"))
    preview.reject()
