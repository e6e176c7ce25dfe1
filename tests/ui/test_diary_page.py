from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.diary import DiaryEntry, DiaryVisit
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.diary import diary_form, diary_page
from qunzhong_desktop.ui.diary.diary_form import DiaryForm, FindingDialog
from qunzhong_desktop.ui.diary.diary_page import DiaryPage
from tests.helpers.printing import RecordingOutput
from tests.helpers.register_data import seed, type_text

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def cadre_id(store: Store) -> str:
    seed(store, 8)
    return next(c.id or "" for c in store.register.cadres() if c.name == "刘书记")


def make_form(qtbot: QtBot, store: Store, cadre_id: str, **kw: object) -> DiaryForm:
    form = DiaryForm(store, cadre_id=cadre_id, day=TODAY, today=lambda: TODAY, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def add_zhang(qtbot: QtBot, form: DiaryForm) -> None:
    form.search.setFocus()
    qtbot.keyClicks(form.search, "zsf")
    qtbot.keyClick(form.search, Qt.Key.Key_Return)


def test_refused_save_keeps_what_was_typed(qtbot: QtBot, store: Store, cadre_id: str) -> None:
    form = make_form(qtbot, store, cadre_id)
    assert form.cadre.currentData() == cadre_id and form.kind.currentText() == "入户走访"
    type_text(qtbot, form.text, "走访")
    assert form.save() is None  # 入户走访 without a household
    assert form.messages.isVisible() and "至少添加一户" in form.messages.text()
    assert form_feedback.is_marked(form.visits_group)
    assert form.text.toPlainText() == "走访"
    add_zhang(qtbot, form)
    assert [b.label for b in form.visit_boxes] == ["1-001　张三丰"]
    form.text.clear()
    assert form.save() is None
    assert form_feedback.is_marked(form.text) and len(form.visit_boxes) == 1


def test_visit_checklist_is_saved(qtbot: QtBot, store: Store, cadre_id: str) -> None:
    form = make_form(qtbot, store, cadre_id)
    type_text(qtbot, form.text, "走访张家，屋顶漏雨。")
    add_zhang(qtbot, form)
    form.add_paired()  # 刘书记's paired households; 张三丰 stays once
    numbers = [b.label.split("　")[0] for b in form.visit_boxes]
    assert numbers[0] == "1-001" and len(numbers) == len(set(numbers)) >= 3
    box = form.visit_boxes[0]
    box.boxes["look_kitchen"].setChecked(True)
    type_text(qtbot, box.notes["look_kitchen"], "米缸满")
    box.boxes["leave_contact"].setChecked(True)
    form.remove_box(form.visit_boxes[-1])
    entry_id = form.save()
    assert entry_id and form.banner.isVisible()
    saved = store.diary.entry(entry_id)
    assert len(saved.visits) == len(numbers) - 1
    assert saved.visits[0].checks["look_kitchen"].note == "米缸满"
    assert saved.visits[0].done_count() == 2
    assert not form.is_dirty()

    again = make_form(qtbot, store, cadre_id, entry=saved)
    assert again.visit_boxes[0].boxes["leave_contact"].isChecked()
    assert again.visit_boxes[0].notes["look_kitchen"].text() == "米缸满"


def test_second_entry_of_the_day_is_refused(qtbot: QtBot, store: Store, cadre_id: str) -> None:
    store.diary.save_entry(
        DiaryEntry(cadre_id=cadre_id, day=TODAY, kind="坐班接待", text="值班"), today=TODAY
    )
    form = make_form(qtbot, store, cadre_id)
    form.kind.setCurrentText("电话回访")
    type_text(qtbot, form.text, "回访")
    assert form.save() is None
    assert "已有一篇民情日记（坐班接待）" in form.messages.text()
    assert form_feedback.is_marked(form.day) and form.text.toPlainText() == "回访"


def test_finding_becomes_an_item(
    qtbot: QtBot, store: Store, cadre_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = make_form(qtbot, store, cadre_id)
    type_text(qtbot, form.text, "走访")
    add_zhang(qtbot, form)
    seen: list[FindingDialog] = []

    def fill(dialog: FindingDialog) -> bool:
        seen.append(dialog)
        assert dialog.register() is None  # no content: refused, the dialog stays
        assert not dialog.messages.isHidden()
        dialog.domain.setCurrentText("基础设施")
        type_text(qtbot, dialog.content, "屋顶漏雨")
        return dialog.register() is not None

    monkeypatch.setattr(diary_form, "run_finding_dialog", fill)
    form.visit_boxes[0].finding_button.click()  # saves the entry first
    number = form.last_number
    assert number and number in form.banner.text()
    assert form.entry_id is not None
    item = store.items.item(number)
    assert item.channel == "走访" and item.requester_name == "张三丰"
    assert item.diary_entry_id == form.entry_id and item.domain == "基础设施"
    assert number in form.visit_boxes[0].items_label.text()
    assert number in form.items_label.text()
    rows = store.items.rows(store.items.search_ids(ItemFilter()))
    assert [r.number for r in rows] == [number]  # on the work lists


def test_page_lists_by_cadre_and_month_and_prints(
    qtbot: QtBot,
    store: Store,
    cadre_id: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    printed: RecordingOutput,
) -> None:
    household = store.register.search_households("zsf")[0]
    for n, kind in enumerate(("入户走访", "坐班接待", "电话回访")):
        visits = [DiaryVisit(household)] if kind == "入户走访" else []
        store.diary.save_entry(
            DiaryEntry(
                cadre_id=cadre_id, day=dt.date(2026, 11, 2 + n), kind=kind, text=f"第{n}天",
                visits=visits,
            ),
            today=TODAY,
        )  # fmt: skip
    page = DiaryPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    assert page.month_text() == "2026-11" and len(page.rows) == 3
    assert not page.print_button.isEnabled()  # all cadres: choose one to print
    page.cadre.setCurrentIndex(page.cadre.findData(cadre_id))
    # the visit and the duty day are days in the village; the phone call is not (issue 15)
    assert "在村 2 天，其中坐班 1 天" in page.figures.text()
    assert "乡驻村干部：每月在村 ≥ 10 天" in page.figures.text()  # the category's rule
    # on the 20th the month goes on: not yet "short" (issue 12)
    assert "待月末" in page.figures.text() and "月末须满 10 天" in page.figures.text()
    assert "不达标" not in page.figures.text()
    later = DiaryPage(store, today=lambda: dt.date(2026, 12, 5))
    qtbot.addWidget(later)
    later.month.setDate(QDate(2026, 11, 1))
    later.cadre.setCurrentIndex(later.cadre.findData(cadre_id))
    assert "不达标（在村 2 天，少于 10 天" in later.figures.text()  # November is over
    assert page.table.item(0, 3).text() == "1"

    opened: list[QDialog] = []

    def accept(dialog: QDialog) -> int:
        opened.append(dialog)
        assert isinstance(dialog, DiaryForm)
        assert dialog.text.toPlainText() == "第0天"
        return 0

    monkeypatch.setattr(diary_page, "run_dialog", accept)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 1

    page.print_month()
    [shown] = printed.shown
    assert len(PdfReader(io.BytesIO(shown.pdf)).pages) >= 1
    assert page.month_text() in shown.title and "民情日记" in shown.title

    monkeypatch.setattr(form_feedback, "confirm", lambda *_a: True)
    page.delete_entry()
    assert len(page.rows) == 2
    page.month.setDate(page.month.date().addMonths(-1))
    assert page.rows == [] and page.empty.isVisible()


def test_main_window_has_the_diary_page(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show_page("diary")
    assert isinstance(window.page("diary"), DiaryPage)


def test_one_entry_a_day_is_said_when_the_day_is_chosen(
    qtbot: QtBot, store: Store, cadre_id: str
) -> None:
    """Issue 12: not after the whole entry is typed."""
    from qunzhong_desktop.ui.common.form_feedback import is_marked

    store.diary.save_entry(
        DiaryEntry(cadre_id=cadre_id, day=dt.date(2026, 11, 18), kind="坐班接待", text="值班"),
        today=TODAY,
    )
    form = DiaryForm(store, cadre_id=cadre_id, day=dt.date(2026, 11, 19), today=lambda: TODAY)
    qtbot.addWidget(form)
    form.show()
    assert not form.messages.isVisible() and not is_marked(form.day)
    form.day.setDate(QDate(2026, 11, 18))
    qtbot.waitUntil(lambda: is_marked(form.day))
    assert "已有一篇民情日记" in form.messages.text() and form.text.toPlainText() == ""
    form.day.setDate(QDate(2026, 11, 17))
    qtbot.waitUntil(lambda: not form.messages.isVisible())
    assert not is_marked(form.day)


def test_a_phone_call_from_the_village_records_its_place(
    qtbot: QtBot, store: Store, cadre_id: str
) -> None:
    form = make_form(qtbot, store, cadre_id)
    form.kind.setCurrentText("电话回访")
    type_text(qtbot, form.text, "在村委会给李大爷回电话，低保已办好。")
    type_text(qtbot, form.place, "白沙村村委会")
    entry_id = form.save()
    assert entry_id is not None
    saved = store.diary.entry(entry_id)
    assert saved.place == "白沙村村委会"
    again = make_form(qtbot, store, cadre_id, entry=saved)
    assert again.place.text() == "白沙村村委会"  # the form shows it back
    # with a place in the village, the call is a day there (core/cadre_rules.py)
    assert store.diary.days_by_cadre(TODAY.strftime("%Y-%m"))[cadre_id]["village"] == 1


def test_the_year_view_shows_each_month_against_the_rule(
    qtbot: QtBot, store: Store, cadre_id: str, printed: RecordingOutput
) -> None:
    from qunzhong_desktop.ui.diary.year_dialog import CadreYearDialog

    for day in (dt.date(2026, 10, 12), dt.date(2026, 11, 3)):
        store.diary.save_entry(
            DiaryEntry(cadre_id=cadre_id, day=day, kind="坐班接待", text="值班"), today=TODAY
        )
    page = DiaryPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.cadre.setCurrentIndex(page.cadre.findData(cadre_id))
    assert page.year_button.isEnabled()
    page.year_button.click()
    dialog = page.year_dialog
    assert isinstance(dialog, CadreYearDialog) and dialog.isVisible()
    # from October, the first diary day (before, the cadre was not on the register), to
    # November (the 20th)
    assert dialog.table.rowCount() == 2
    october = [dialog.table.item(0, c).text() for c in range(4)]
    assert october == ["10月", "1", "1", "不达标"]
    assert dialog.table.item(1, 3).text() == "待月末"
    assert "乡驻村干部" in dialog.rule.text()
    assert "10月" in dialog.total.text() and "本年在村 2 天" in dialog.total.text()
    # the year's mass-work record, previewed like every printout
    dialog.record_button.click()
    [shown] = printed.shown
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown.pdf)).pages)
    assert "群众工作实绩记录" in text.replace(" ", "") and "实绩记录" in shown.title
    dialog.year.setValue(2025)
    assert dialog.table.rowCount() == 0  # not on the register yet
