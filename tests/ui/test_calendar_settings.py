"""设置 › 工作日历 and 承诺办结时限, and the warning while a year's holidays are unknown."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS, urgent_days
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import calendar_banner
from qunzhong_desktop.ui.settings.settings_page import SettingsPage
from qunzhong_desktop.ui.shell.application import create_main_window
from qunzhong_desktop.ui.shell.dashboard_page import DashboardPage
from qunzhong_desktop.ui.shell.main_window import MainWindow

SCHEDULE = """\
# 2027 年部分节假日安排
年份 2027
2027-01-01 休 元旦
2027-02-06..2027-02-12 休 春节
2027-02-14 班 春节调休
"""
SHOTS = os.environ.get("QUNZHONG_SHOTS")


def _today(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    monkeypatch.setattr(calendar_banner, "today", lambda: day)


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _settings(window: MainWindow) -> SettingsPage:
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    return page


def _dashboard(window: MainWindow) -> DashboardPage:
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    return page


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]


def test_no_warning_while_the_year_is_known(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, dt.date(2026, 6, 1))
    window = _window(qtbot, store)
    assert not _dashboard(window).calendar_banner.isVisibleTo(window)
    assert not window.calendar_label.isVisibleTo(window)
    page = _settings(window)
    assert "内置：2004—2026 年" in page.calendar_box.years_label.text()
    assert "已导入：无" in page.calendar_box.years_label.text()
    assert not page.calendar_box.warning_label.isVisibleTo(page)


def test_unknown_year_warns_and_the_banner_leads_to_settings(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _today(monkeypatch, dt.date(2027, 3, 1))
    window = _window(qtbot, store)
    banner = _dashboard(window).calendar_banner
    assert banner.isVisibleTo(window)
    assert "2027 年节假日安排未导入，期限暂按周末计算" in banner.label.text()
    assert window.calendar_label.text() == "⚠ 2027 年节假日安排未导入，期限暂按周末计算"
    _shot(window, "dashboard-banner")

    banner.button.click()
    assert window.current_key() == "settings"
    page = _settings(window)
    box = page.calendar_box
    assert box.warning_label.isVisibleTo(page)
    assert "2027 年节假日安排未导入" in box.warning_label.text()

    path = tmp_path / "2027.txt"
    path.write_text(SCHEDULE, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )
    box.import_button.click()
    assert box.result_label.text() == "已导入 2027 年节假日安排：休息日 8 天，调休上班日 1 天。"
    assert "已导入：2027 年（2027.txt）" in box.years_label.text()
    assert not box.warning_label.isVisibleTo(page)
    assert not window.calendar_label.isVisibleTo(window)
    assert not banner.isVisibleTo(window)
    assert store.calendar.loaded_years() == [2027]
    qtbot.wait(20)
    _shot(window, "settings-imported")


def test_december_warns_about_next_year(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, dt.date(2026, 12, 1))
    window = _window(qtbot, store)
    assert "2027 年节假日安排未导入" in _dashboard(window).calendar_banner.label.text()


def test_a_bad_file_lists_every_problem_and_changes_nothing(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _today(monkeypatch, dt.date(2027, 3, 1))
    window = _window(qtbot, store)
    page = _settings(window)
    box = page.calendar_box
    path = tmp_path / "bad.txt"
    path.write_text(
        "年份 2027\n2027-01-01 休\n2027-01-04 班\n2027-02-30 休\n" + "x\n" * 10, encoding="utf-8"
    )
    with qtbot.assertNotEmitted(box.calendar_changed):
        assert not box.import_file(path)
    text = box.result_label.text()
    assert text.startswith("没有导入")
    assert "第 3 行：2027-01-04 是星期一" in text and "第 4 行" in text
    assert "另有 4 处问题" in text
    assert store.calendar.loaded_years() == []
    assert box.warning_label.isVisibleTo(page)
    page.show_calendar()
    qtbot.wait(20)
    _shot(window, "settings-errors")


def test_domain_days_are_edited_and_saved(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    box = _settings(window).domain_days_box
    assert box.values() == DOMAIN_DAYS
    spin = box.spins["矛盾纠纷"]
    assert (spin.minimum(), spin.maximum()) == (1, 60)
    spin.setValue(10)
    box.spins["政策咨询"].setValue(99)  # clamped to 60
    box.save_button.click()
    assert box.saved_label.text() == "已保存。"
    saved = store.items.domain_days()
    assert saved["矛盾纠纷"] == 10 and saved["政策咨询"] == 60
    spin.setValue(11)
    assert box.saved_label.text() == ""
    box.default_button.click()
    assert box.values() == DOMAIN_DAYS
    assert store.items.domain_days()["矛盾纠纷"] == 10  # not saved until 保存


def test_grade_a_days_follow_the_domain_until_set_apart(qtbot: QtBot, store: Store) -> None:
    window = _window(qtbot, store)
    box = _settings(window).domain_days_box
    assert box.urgent_values() == {d: urgent_days(days) for d, days in DOMAIN_DAYS.items()}
    spin, urgent = box.spins["矛盾纠纷"], box.urgent_spins["矛盾纠纷"]
    assert (urgent.value(), urgent.maximum()) == (4, 7)
    spin.setValue(10)  # A was at its default: it follows, and may go up to 10
    assert (urgent.value(), urgent.maximum()) == (5, 10)
    urgent.setValue(2)  # set apart: it stays when the domain's days change
    spin.setValue(12)
    assert urgent.value() == 2
    spin.setValue(1)  # but is never longer than the domain's
    assert (urgent.value(), urgent.maximum()) == (1, 1)
    spin.setValue(12)
    urgent.setValue(2)
    box.spins["基础设施"].setValue(20)
    box.save_button.click()
    assert box.saved_label.text() == "已保存。"
    assert store.items.domain_days()["矛盾纠纷"] == 12
    assert store.items.grade_a_days() == {"矛盾纠纷": 2}  # 基础设施's A follows its days
    assert store.items.deadlines().urgent("基础设施") == 10
    box.default_button.click()
    assert box.values() == DOMAIN_DAYS and urgent.value() == 4
    assert store.items.grade_a_days() == {"矛盾纠纷": 2}  # not saved until 保存
    _shot(box, "settings-deadlines")


def test_settings_page_shot(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _today(monkeypatch, dt.date(2027, 3, 1))
    window = _window(qtbot, store)
    page = _settings(window)
    page.show_calendar()
    content = page.scroll_area.widget()
    assert content is not None
    _shot(content, "settings-full")
    _shot(window, "settings-window")
