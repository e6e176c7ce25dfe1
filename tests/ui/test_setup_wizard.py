from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.setup_wizard import SetupWizard
from tests.conftest import STATION

pytestmark = pytest.mark.gui

PAGE1 = ("code", "name", "township_code", "township_name")


def make_wizard(qtbot: QtBot, store: Store) -> SetupWizard:
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def fill(wizard: SetupWizard, values: dict[str, str]) -> None:
    for key, value in values.items():
        wizard.station_fields.fields[key].edit.setText(value)


def test_valid_input_creates_the_station(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fill(wizard, {k: STATION[k] for k in PAGE1})
    wizard.next()
    assert wizard.currentId() == wizard.contact_page_id
    fill(wizard, {k: v for k, v in STATION.items() if k not in PAGE1})
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert empty_store.is_set_up()
    station = empty_store.register.station()
    assert station is not None
    assert (station.code, station.name, station.operator) == (
        "430121101201",
        "白沙村群众工作站",
        "李秀英",
    )
    assert station.supervision_phone == STATION["supervision_phone"]


def test_invalid_station_code_is_explained_and_nothing_is_lost(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store)
    typed = {
        "code": "43012110120X",
        "name": "白沙村群众工作站",
        "township_code": "430121101",
        "township_name": "白沙镇",
    }
    fill(wizard, typed)
    wizard.next()
    assert wizard.currentId() == wizard.station_page_id  # refused
    fields = wizard.station_fields.fields
    assert "12 位数字" in fields["code"].error_text()
    assert fields["name"].error_text() == ""
    for key, value in typed.items():
        assert fields[key].text() == value
    assert not empty_store.is_set_up()
    # correcting the value clears the message, and the wizard moves on
    fields["code"].edit.clear()
    qtbot.keyClicks(fields["code"].edit, "430121101201")
    assert fields["code"].error_text() == ""
    wizard.next()
    assert wizard.currentId() == wizard.contact_page_id


def test_missing_names_and_bad_phone_are_shown_next_to_their_fields(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fill(wizard, {"code": "430121101201"})
    wizard.next()
    fields = wizard.station_fields.fields
    assert fields["name"].error_text() == "请填写工作站名称。"
    assert fields["township_name"].error_text() == "请填写乡镇名称。"
    assert fields["township_code"].error_text() == ""  # filled in from the station code
    fill(wizard, {"name": "白沙村群众工作站", "township_name": "白沙镇"})
    wizard.next()
    fill(wizard, {"phone": "12345", "operator": "李秀英"})
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible()
    assert "12345" in fields["phone"].error_text()
    assert fields["phone"].text() == "12345"
    assert fields["operator"].text() == "李秀英"
    assert not empty_store.is_set_up()


def test_township_code_follows_the_station_code_until_typed(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fields = wizard.station_fields.fields
    qtbot.keyClicks(fields["code"].edit, "430121101201")
    assert fields["township_code"].text() == "430121101"
    fields["township_code"].edit.clear()
    qtbot.keyClicks(fields["township_code"].edit, "430121102")
    fields["code"].edit.setText("430121103201")
    assert fields["township_code"].text() == "430121102"
    wizard.next()
    assert "前 9 位" in fields["township_code"].error_text()


def test_enter_goes_to_the_next_step(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fill(wizard, {k: STATION[k] for k in PAGE1})
    edit = wizard.station_fields.fields["township_name"].edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.contact_page_id


def test_an_already_set_up_store_is_refused_with_a_message(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "qunzhong_desktop.ui.setup_wizard.show_error",
        lambda _parent, exc: shown.append(str(exc)),
    )
    wizard = make_wizard(qtbot, store)
    fill(wizard, STATION)
    wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert shown and "不能再次初始化" in shown[0]
    assert wizard.station_fields.fields["name"].text() == STATION["name"]
