from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.migrate import HEAD_REVISION
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.settings.settings_page import SettingsPage
from qunzhong_desktop.ui.shell.application import create_main_window
from qunzhong_desktop.ui.shell.dashboard_page import DashboardPage
from qunzhong_desktop.ui.shell.main_window import MainWindow

TITLES = ["工作台", "户籍", "受理", "日记", "民意", "台账", "同步", "冲突", "设置"]


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_navigation_lists_the_station_pages(window: MainWindow) -> None:
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == TITLES
    assert window.current_key() == "dashboard"
    assert isinstance(window.stack.currentWidget(), DashboardPage)
    assert set(window.pages) == {"dashboard"}  # the rest is built when first shown


def test_every_page_can_be_shown(window: MainWindow) -> None:
    from qunzhong_desktop.ui.register.register_page import RegisterPage

    for row, key in enumerate(window.page_keys()):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
    assert isinstance(window.pages["register"], RegisterPage)
    assert isinstance(window.pages["settings"], SettingsPage)
    from qunzhong_desktop.ui.intake.intake_page import IntakePage

    assert isinstance(window.pages["intake"], IntakePage)


def test_sync_and_conflicts_are_working_pages(window: MainWindow) -> None:
    from qunzhong_desktop.ui.sync.conflicts_page import ConflictsPage
    from qunzhong_desktop.ui.sync.sync_page import SyncPage

    window.show_page("sync")
    assert isinstance(window.stack.currentWidget(), SyncPage)
    window.show_page("conflicts")
    assert isinstance(window.stack.currentWidget(), ConflictsPage)


def test_township_office_gets_its_own_pages(qtbot: QtBot, empty_store: Store) -> None:
    from qunzhong_desktop.storage.setup import init_township
    from qunzhong_desktop.ui.triage.triage_page import TriagePage

    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    window = create_main_window(empty_store)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["站点与同步", "分流交办", "台账", "民意", "干部", "冲突", "设置"]
    assert "白沙镇群众工作办" in window.windowTitle()
    assert window.station_label.text() == "白沙镇群众工作办（430121101）"
    for key in window.page_keys():
        window.show_page(key)
        assert window.stack.currentWidget() is window.pages[key]
    assert isinstance(window.pages["triage"], TriagePage)
    settings = window.pages["settings"]
    assert isinstance(settings, SettingsPage)


def test_ctrl_number_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "settings"
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "conflicts"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "voice"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "register"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "dashboard"


def test_status_bar_and_title_show_station_and_operator(window: MainWindow) -> None:
    assert window.station_label.text() == "白沙村群众工作站（430121101201）　操作员：李秀英"
    assert "白沙村群众工作站" in window.windowTitle()


def test_dashboard_shows_station_and_household_count(window: MainWindow) -> None:
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    assert page.title.text() == "白沙村群众工作站"
    assert "430121101201" in page.details.text()
    assert page.households.value.text() == "0"
    page.register_button.click()
    assert window.current_key() == "register"


def test_menus_and_about(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "文件(&F)" and titles[-1] == "帮助(&H)"
    assert "群众工作站桌面版" in window.about_text()


def test_settings_saves_the_profile_and_updates_the_status_bar(
    window: MainWindow, store: Store
) -> None:
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    fields = page.station_fields.fields
    assert fields["code"].edit.isReadOnly()
    fields["operator"].edit.setText("王建国")
    fields["phone"].edit.setText("0731-8456")  # too short
    assert not page.save_station()
    assert fields["phone"].error_text()
    assert fields["operator"].text() == "王建国"  # nothing typed is lost
    assert store.register.station().operator == "李秀英"  # type: ignore[union-attr]
    fields["phone"].edit.setText("13812345678")
    assert page.save_station()
    station = store.register.station()
    assert station is not None
    assert (station.operator, station.phone) == ("王建国", "13812345678")
    assert window.station_label.text().endswith("操作员：王建国")


def test_settings_font_line_and_choice(window: MainWindow, store: Store, tmp_path) -> None:
    from qunzhong_desktop.reports.fonts import FONT_SETTING

    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    assert page.font_label.text().startswith("联系卡使用")
    not_a_font = tmp_path / "x.ttf"
    not_a_font.write_bytes(b"nothing")
    assert not page.set_font_path(str(not_a_font))
    assert page.font_error.isVisibleTo(page)
    assert store.settings.get(FONT_SETTING) == ""
    assert page.set_font_path("")


def test_labels_are_not_clipped(window: MainWindow) -> None:
    for key in window.page_keys():
        window.show_page(key)
        for label in window.stack.currentWidget().findChildren(QLabel):
            if label.isVisibleTo(window) and not label.wordWrap() and label.text():
                assert label.width() >= label.minimumSizeHint().width(), label.text()


def test_dashboard_counts_and_flagged_shortcut(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    from qunzhong_desktop.core.entities import Household, Person
    from qunzhong_desktop.ui.shell.application import create_main_window

    store.register.save_household(
        Household(
            number="001",
            members=[Person(name="甲"), Person(name="乙", relation="子女", flags=["未填身份证号"])],
        )
    )
    store.register.save_household(Household(number="002", members=[Person(name="丙")]))
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.cards.value.text() == "2")
    assert dashboard.households.value.text() == "2"
    assert dashboard.persons.value.text() == "3"
    assert dashboard.flagged.value.text() == "1"
    dashboard.flagged_button.click()
    assert window.current_key() == "register"
    assert window.page("register").model.rowCount() == 1


def test_an_uncaught_error_is_explained_and_about_says_where_things_are(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from qunzhong_desktop.ui.common import errors
    from qunzhong_desktop.ui.shell.application import install_error_hook

    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc, **_k: shown.append(exc))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_error_hook()
    boom = RuntimeError("意外")
    sys.excepthook(RuntimeError, boom, None)
    assert shown == [boom] and window.isVisible()  # the window (and its forms) stay
    text = window.about_text()
    assert f"数据库版本：{HEAD_REVISION}" in text and "qunzhong.log" in text
