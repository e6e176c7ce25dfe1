"""编辑 › 撤销 (Ctrl+Z) takes back a deletion of households, a diary entry or a help record."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import SUPPORT_TAGS, Cadre, Household, Person
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.diary.diary_page import DiaryPage
from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
from qunzhong_desktop.ui.register.register_page import RegisterPage
from qunzhong_desktop.ui.shell import main_window
from qunzhong_desktop.ui.shell.application import create_main_window
from qunzhong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.assistance_data import checked_need
from tests.helpers.cards_data import populate


@pytest.fixture
def window(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(form_feedback, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr("qunzhong_desktop.ui.ledgers.ledger_page.confirm", lambda *_a: True)
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_undo_takes_back_the_latest_deletion_first(window: MainWindow, store: Store) -> None:
    action = window.undo_action
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert not action.isEnabled() and action.text() == "撤销(&U)"
    ids = populate(store, 3)
    window.show_page("register")
    register = window.page("register")
    assert isinstance(register, RegisterPage)
    register.select_ids(ids[:1])
    register.delete_selected()
    assert action.isEnabled() and action.text().startswith("撤销删除户 ")
    cadre = store.register.save_cadre(Cadre(name="李四"))
    entry = store.diary.save_entry(
        DiaryEntry(cadre_id=cadre.id or "", day=dt.date.today(), kind="坐班接待", text="接待")
    )
    window.show_page("diary")
    diary = window.page("diary")
    assert isinstance(diary, DiaryPage)
    diary.refresh()
    diary.delete_entry()
    assert store.diary.entries() == [] and "民情日记" in action.text()
    # the latest first: the diary entry, then the households
    action.trigger()
    assert [e.id for e in store.diary.entries()] == [entry.id]
    assert diary.rows and "已撤销" in window.statusBar().currentMessage()
    assert action.text().startswith("撤销删除户 ")
    action.trigger()
    assert store.register.deleted_households() == [] and not action.isEnabled()
    assert register.selected_ids() == ids[:1]


def test_a_help_record_comes_back(window: MainWindow, store: Store) -> None:
    household = store.register.save_household(
        Household(number="001", tags=[SUPPORT_TAGS[0]], members=[Person(name="张三")])
    )
    ids = [household.id or ""]
    help_given = AssistanceRecord(
        household_id=ids[0], given_on=dt.date.today(), helping_unit="镇民政办",
        helper="刘芳娜", content="送米送油",
        need_id=checked_need(store, ids[0], day=dt.date.today()),
    )  # fmt: skip
    record = store.assistance.save(help_given)
    window.show_page("ledger")
    ledger = window.page("ledger")
    assert isinstance(ledger, LedgerPage)
    tab = ledger.support_tab
    tab.search()
    row = tab.row_records.index(record.id)
    tab.delete_row(row)
    assert not store.assistance.records_of(ids).get(ids[0])
    assert window.undo_action.text().startswith("撤销删除帮扶记录")
    window.undo_action.trigger()
    assert store.assistance.get(record.id or "").content == "送米送油"
    assert record.id in tab.row_records


def test_a_step_that_can_no_longer_be_undone_is_explained(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda _p, exc, **_k: shown.append(exc.message))
    cadre = store.register.save_cadre(Cadre(name="李四"))
    day = dt.date.today()
    store.diary.save_entry(DiaryEntry(cadre_id=cadre.id or "", day=day, kind="坐班接待", text="一"))
    window.show_page("diary")
    diary = window.page("diary")
    assert isinstance(diary, DiaryPage)
    diary.refresh()
    diary.delete_entry()
    # meanwhile the cadre's day got a new entry: the old one cannot come back over it
    store.diary.save_entry(DiaryEntry(cadre_id=cadre.id or "", day=day, kind="坐班接待", text="二"))
    window.undo_action.trigger()
    assert len(shown) == 1 and "李四" in shown[0] and "不能恢复" in shown[0]
    assert [e.id for e in store.diary.entries()] != [] and not window.undo_action.isEnabled()
    with pytest.raises(DomainError):
        store.diary.restore_entry(store.diary.entries()[0].id)  # a live entry: nothing to restore
