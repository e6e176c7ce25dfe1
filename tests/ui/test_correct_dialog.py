"""更正 on the item page (issue 12 item 3): correct, see it in the history, refusals keep input."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.session import operator_name
from qunzhong_desktop.ui.intake.correct_dialog import CorrectDialog
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.triage import TownshipItemDialog
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.register_data import type_text

NOW = FRIDAY + dt.timedelta(days=3)


def open_item(qtbot: QtBot, store: Store, number: str) -> ItemDialog:
    dialog = ItemDialog(store, number, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def open_correction(qtbot: QtBot, page: ItemDialog) -> CorrectDialog:
    qtbot.mouseClick(page.correct_button, Qt.MouseButton.LeftButton)
    dialog = page.correct_dialog
    assert isinstance(dialog, CorrectDialog) and dialog.isVisible()
    return dialog


def history(page: ItemDialog) -> list[list[str]]:
    table = page.history
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_a_correction_shows_in_the_history_and_on_the_page(qtbot: QtBot, store: Store) -> None:
    page = open_item(qtbot, store, register(store, FRIDAY))
    dialog = open_correction(qtbot, page)
    # the dialog opens with the item as saved: an outsider with a phone
    assert dialog.requester.is_outsider() and dialog.requester.name.text() == "王大爷"
    assert dialog.content.toPlainText() == "咨询城乡居民养老保险补缴"
    dialog.grade.setCurrentIndex(dialog.grade.findData("A"))
    dialog.content.selectAll()
    type_text(qtbot, dialog.content, "补缴养老保险，老人生病急需")
    type_text(qtbot, dialog.reason, "群众补充说明")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and page.changed
    assert page.item.grade == "A" and "老人生病急需" in page.content.text()
    last = history(page)[-1]
    assert last[1] == operator_name(store) != ""
    assert last[3] == "更正"
    assert last[4] == (
        "等级：B 一般 → A 重大紧急；诉求内容：咨询城乡居民养老保险补缴 → "
        "补缴养老保险，老人生病急需（原因：群众补充说明）"
    )
    assert store.items.item(page.item.number).corrections[0].reason == "群众补充说明"


def test_refusals_keep_what_was_typed(qtbot: QtBot, store: Store) -> None:
    page = open_item(qtbot, store, register(store, FRIDAY))
    dialog = open_correction(qtbot, page)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # nothing changed
    assert dialog.isVisible() and "没有改动" in dialog.messages.text()
    dialog.requester.phone.setText("1381234")
    dialog.content.setPlainText("改过的内容")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and form_feedback.is_marked(dialog.requester.phone)
    assert "位" in dialog.messages.text()  # says what is wrong with the number
    assert dialog.content.toPlainText() == "改过的内容"
    type_text(qtbot, dialog.requester.phone, "5678")  # typing clears the red border
    assert not form_feedback.is_marked(dialog.requester.phone)
    assert store.items.item(page.item.number).corrections == []


def test_the_requester_can_be_picked_from_the_register(qtbot: QtBot, store: Store) -> None:
    store.register.save_household(
        Household(number="001", members=[Person(name="张三丰", phone="13900000000")])
    )
    page = open_item(qtbot, store, register(store, FRIDAY, requester_name="张三风"))
    dialog = open_correction(qtbot, page)
    dialog.requester.outsider.setChecked(False)
    type_text(qtbot, dialog.requester.search, "zsf")
    dialog.requester.run_search()
    dialog.requester.pick(0)
    dialog.requester.phone.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.messages.text()
    assert page.item.requester_name == "张三丰" and page.item.requester_person_id
    assert page.item.requester_phone == "13900000000"
    # opened again, the picked person is shown as picked
    again = open_correction(qtbot, page)
    assert not again.requester.is_outsider() and "张三丰" in again.requester.picked_label.text()


def test_the_township_reads_corrections_but_cannot_correct(qtbot: QtBot, store: Store) -> None:
    number = register(store, FRIDAY)
    page = open_item(qtbot, store, number)
    dialog = open_correction(qtbot, page)
    dialog.domain.setCurrentText("教育")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    township = TownshipItemDialog(store, number, clock=lambda: NOW)
    qtbot.addWidget(township)
    assert history(township)[-1][3] == "更正" and "诉求类别" in history(township)[-1][4]
    assert not hasattr(township, "correct_button")  # read-only: only the station corrects
