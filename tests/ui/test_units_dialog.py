"""责任单位 at the township: the register's table and the form of one unit (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.rules import DEFAULT_UNITS
from qunzhong_desktop.core.units import Unit
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.triage.triage_page import TriagePage
from qunzhong_desktop.ui.triage.units_dialog import UnitForm, UnitRegisterDialog
from tests.helpers.register_data import type_text
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

ONE, TWO = "430121101201", "430121101202"


@pytest.fixture
def township(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    store = make_township(copy_store(_template_dirs[0], tmp_path / "township"))
    store.units.save([Unit("民政办", domains=("社会保障",)), Unit("司法所"), Unit("水利站")])
    yield store
    store.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The answers to the questions asked, in turn (yes when none left)."""
    given: list[bool] = []
    monkeypatch.setattr(form_feedback, "confirm", lambda *_a: given.pop(0) if given else True)
    return given


def open_register(qtbot: QtBot, store: Store) -> UnitRegisterDialog:
    page = TriagePage(store)
    qtbot.addWidget(page)
    page.units_button.click()
    dialog = page.dialog
    assert isinstance(dialog, UnitRegisterDialog)
    return dialog


def form_of(dialog: UnitRegisterDialog) -> UnitForm:
    assert dialog.form is not None and dialog.form.isVisible()
    return dialog.form


def tick(box: object, label_part: str) -> None:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(box, QListWidget)
    (item,) = [box.item(r) for r in range(box.count()) if label_part in box.item(r).text()]
    box.setCurrentItem(item)
    item.setCheckState(Qt.CheckState.Checked)


def test_add_a_county_unit_paired_with_a_village_and_save(
    qtbot: QtBot, township: Store, answers: list[bool]
) -> None:
    dialog = open_register(qtbot, township)
    assert dialog.row_texts(0) == ["民政办", "乡镇", "职能部门", "", "", "社会保障"]
    qtbot.keyClick(dialog, Qt.Key.Key_Insert)
    form = form_of(dialog)
    type_text(qtbot, form.name, "县水利局")
    form.level.setCurrentText("县直")
    form.kind.setCurrentText("双联系单位")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # Enter moves on, never closes
    assert form.isVisible() and form.focusWidget() is form.level
    tick(form.villages, "青山村")
    type_text(qtbot, form.contacts, "张局长、李干事")
    tick(form.domains, "基础设施")
    form.domains.setFocus()
    form.domains.setCurrentRow(0)
    qtbot.keyClick(form.domains, Qt.Key.Key_Space)  # ticks from the keyboard
    assert form.unit().domains == (form.domains.item(0).text(), "基础设施")
    qtbot.keyClick(form.domains, Qt.Key.Key_Space)  # and back
    assert form.unit().domains == ("基础设施",)
    form.ok_button.click()
    assert not form.isVisible()
    assert dialog.row_texts(3) == [
        "县水利局", "县直", "双联系单位", "青山村群众工作站", "张局长、李干事", "基础设施"
    ]  # fmt: skip
    assert township.units.register()[-1].name == "水利站"  # not saved yet
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert township.units.register()[-1] == Unit(
        "县水利局", "县直", "双联系单位", (TWO,), ("张局长", "李干事"), ("基础设施",)
    )
    assert township.items.units()[-1] == "县水利局"


def test_the_form_says_what_is_wrong_by_its_field_and_stays_open(
    qtbot: QtBot, township: Store
) -> None:
    dialog = open_register(qtbot, township)
    dialog.table.selectRow(1)  # 司法所
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter edits
    form = form_of(dialog)
    assert form.name.text() == "司法所"
    tick(form.domains, "社会保障")
    form.ok_button.click()
    assert form.isVisible()
    assert "已由“民政办”主管" in form.domains_error.text()
    form.domains.item(form.domains.currentRow()).setCheckState(Qt.CheckState.Unchecked)
    form.name.clear()
    type_text(qtbot, form.name, "民政办")
    form.ok_button.click()
    assert form.isVisible() and "重复" in form.name_error.text()
    assert form.domains_error.text() == ""
    form.name.clear()
    form.ok_button.click()
    assert "没有名称" in form.name_error.text()
    type_text(qtbot, form.name, "司法所")
    form.contacts.setText("王" * 101)
    form.ok_button.click()
    assert "联系干部" in form.contacts_error.text()
    form.reject()
    assert dialog.row_texts(1)[0] == "司法所"


def test_remove_asks_first_move_and_a_refused_save_is_said_under_the_table(
    qtbot: QtBot, township: Store, answers: list[bool]
) -> None:
    dialog = open_register(qtbot, township)
    dialog.table.selectRow(2)
    answers.append(False)
    dialog.remove_button.click()
    assert [u.name for u in dialog.units()] == ["民政办", "司法所", "水利站"]
    dialog.remove_button.click()  # yes
    assert [u.name for u in dialog.units()] == ["民政办", "司法所"]
    dialog.table.selectRow(1)
    dialog.up_button.click()
    assert [u.name for u in dialog.units()] == ["司法所", "民政办"]
    assert dialog.current_row() == 0 and not dialog.up_button.isEnabled()
    # the store refuses what the form cannot see: here, a village it no longer knows
    dialog._units[1] = Unit("民政办", villages=("430121101299",))
    dialog.ok_button.click()
    assert dialog.isVisible() and "不是本乡镇已登记的工作站" in dialog.table_error.text()
    assert dialog.current_row() == 1
    assert [u.name for u in township.units.register()] == ["民政办", "司法所", "水利站"]
    dialog._units[1] = Unit("民政办")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert township.items.units() == ["司法所", "民政办"]


def test_the_last_unit_cannot_be_removed(
    qtbot: QtBot, township: Store, answers: list[bool]
) -> None:
    township.units.save([Unit("民政办")])
    dialog = open_register(qtbot, township)
    assert not dialog.remove_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Delete)
    assert len(dialog.units()) == 1


def test_the_register_at_1024_by_768(qtbot: QtBot, township: Store, tmp_path: Path) -> None:
    township.units.pair("民政办", [ONE, TWO])
    township.units.update(
        "司法所", Unit("县司法局", "县直", "双联系单位", (ONE,), ("赵科长", "钱干事"))
    )
    dialog = open_register(qtbot, township)
    dialog.resize(1024, 768)
    dialog.grab().save(str(tmp_path / "register.png"))
    dialog.table.selectRow(1)
    dialog.edit()
    form = form_of(dialog)
    assert form.sizeHint().height() <= 768
    form.grab().save(str(tmp_path / "form.png"))
    assert [DEFAULT_UNITS[0]] != [u.name for u in dialog.units()]
