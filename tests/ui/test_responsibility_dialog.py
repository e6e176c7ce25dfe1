"""属地, 主管部门 and 双联系单位 on the item page, and 修改责任单位… (issue 17)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.access import Operator, Role
from qunzhong_desktop.core.intake.states import Role as StepRole
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.intake.correct_dialog import ResponsibilityDialog
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.responsibility_data import REGISTER, put_register

NOW = FRIDAY + dt.timedelta(days=3)


def open_item(qtbot: QtBot, store: Store, number: str) -> ItemDialog:
    dialog = ItemDialog(store, number, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.resize(1024, 740)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fields(page: ItemDialog) -> dict[str, str]:
    labels = [page.fields.itemAt(i).widget() for i in range(page.fields.count())]
    texts = [w.text() for w in labels if isinstance(w, QLabel)]
    return {texts[i].rstrip("："): texts[i + 1] for i in range(0, len(texts) - 1, 2)}


def open_units(qtbot: QtBot, page: ItemDialog) -> ResponsibilityDialog:
    qtbot.mouseClick(page.responsibility_button, Qt.MouseButton.LeftButton)
    dialog = page.responsibility_dialog
    assert isinstance(dialog, ResponsibilityDialog) and dialog.isVisible()
    return dialog


def test_the_page_names_who_answers_and_the_dialog_changes_it(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    put_register(store)
    page = open_item(qtbot, store, register(store, FRIDAY))
    shown = fields(page)
    assert shown["属地"] == "白沙村群众工作站"
    assert shown["主管部门"] == "镇民政办" and shown["双联系单位"] == "县农业农村局"
    dialog = open_units(qtbot, page)
    names = [dialog.competent.itemText(i) for i in range(dialog.competent.count())]
    assert names == ["（不指定）", *(u.name for u in REGISTER)]
    assert dialog.competent.currentText() == "镇民政办"
    if os.environ.get("QUNZHONG_SHOTS"):  # looked at by eye
        page.grab().save(str(Path(os.environ["QUNZHONG_SHOTS"]) / "item_units.png"))
        dialog.grab().save(str(Path(os.environ["QUNZHONG_SHOTS"]) / "units_dialog.png"))
    dialog.competent.setCurrentIndex(dialog.competent.findData("镇城建办"))
    dialog.paired.setCurrentIndex(0)  # 不指定
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and page.changed
    assert fields(page)["主管部门"] == "镇城建办"
    assert fields(page)["双联系单位"] == "（未指定）"
    saved = store.items.item(page.item.number)
    assert (saved.competent_unit, saved.paired_unit) == ("镇城建办", "")
    assert saved.corrections == []  # not a correction


def test_a_refusal_is_shown_and_nothing_changes(qtbot: QtBot, store: Store) -> None:
    put_register(store)
    page = open_item(qtbot, store, register(store, FRIDAY))
    dialog = open_units(qtbot, page)
    dialog.paired.setCurrentIndex(dialog.paired.findData("镇城建办"))
    put_register(store, REGISTER[:1])  # the township's new register arrived meanwhile
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "双联系单位“镇城建办”不在责任单位名册中" in dialog.messages.text()
    assert form_feedback.is_marked(dialog.paired)
    assert store.items.item(page.item.number).paired_unit == "县农业农村局"
    dialog.reject()
    # a unit the register no longer holds is still offered while the item names it
    again = open_units(qtbot, page)
    assert again.paired.currentText() == "县农业农村局"
    assert again.paired.count() == 3  # 不指定, the item's own, 镇民政办


def test_the_townships_assignment_is_named_and_a_reader_cannot_change(
    qtbot: QtBot, store: Store
) -> None:
    put_register(store)
    number = register(store, FRIDAY, item_type="上报件")
    with write_paths.scope("test: a dispatch's step"):
        store.items.move(number, State.ASSIGNED, actor="乡镇", role=StepRole.TOWNSHIP,
                         data={"unit": "镇城建办", "deadline": "2026-12-04"}, now=FRIDAY)  # fmt: skip
    store.db.operator = Operator("op-9", "周查阅", Role.READER)
    page = open_item(qtbot, store, number)
    assert fields(page)["主管部门"] == "镇城建办（乡镇交办；登记时为镇民政办）"
    assert not page.responsibility_button.isVisible()
