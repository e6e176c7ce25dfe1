"""帮助 › 使用手册: offline, Chinese (English too), F1 opens the page's section (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.shell.application import create_main_window
from qunzhong_desktop.ui.shell.help_dialog import manual_path

STATION_KEYS = ["dashboard", "register", "intake", "diary", "ledger", "sync", "conflicts"]


def test_both_guides_have_a_section_for_every_page(store: Store, empty_store: Store) -> None:
    keys = set(STATION_KEYS) | {"settings", "triage", "keys", "safety"}
    for english in (False, True):
        text = manual_path(english).read_text(encoding="utf-8")
        missing = [k for k in sorted(keys) if f'<a name="{k}">' not in text]
        assert missing == [], (english, missing)
    assert "户籍" in manual_path(False).read_text(encoding="utf-8")
    assert "Register" in manual_path(True).read_text(encoding="utf-8")


def test_f1_opens_the_guide_at_the_page_shown(qtbot: QtBot, store: Store) -> None:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.manual_action.shortcut() == QKeySequence(Qt.Key.Key_F1)
    positions = {}
    for key in ["register", "ledger", "sync"]:
        window.show_page(key)
        window.manual_action.trigger()  # F1 (the offscreen platform has no key focus)
        dialog = window.help_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.windowTitle() == "使用手册"
        assert "群众工作站桌面版 使用手册" in dialog.browser.toPlainText()
        positions[key] = dialog.browser.verticalScrollBar().value()
    assert 0 < positions["register"] < positions["ledger"] < positions["sync"]


def test_the_township_guide_opens_at_triage(qtbot: QtBot, empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    window = create_main_window(empty_store)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.show_page("triage")
    window.manual_action.trigger()
    assert window.help_dialog is not None
    assert window.help_dialog.browser.verticalScrollBar().value() > 0
