"""Signing in, locking, switching users and what each role is offered (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.access import Role
from qunzhong_desktop.storage import access_log, keyring
from qunzhong_desktop.storage.sqlite_files import is_encrypted
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.session import DEFAULT_LOCK_MINUTES, LOCK_SETTING
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.register.register_page import RegisterPage
from qunzhong_desktop.ui.settings.accounts_dialog import AccountsDialog
from qunzhong_desktop.ui.shell.application import create_main_window
from qunzhong_desktop.ui.shell.main_window import MainWindow
from qunzhong_desktop.ui.shell.sign_in import FirstHeadDialog, SignInDialog, UnlockDialog
from tests.helpers.cards_data import populate
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.register_data import type_text

HEAD, CLERK, READER = (
    ("王站长", "站长密码123"),
    ("李秀英", "工作人员密码1"),
    ("赵查阅", "查阅密码123"),
)


def people(store: Store) -> None:
    store.accounts.create(*HEAD, Role.HEAD)
    store.accounts.sign_in(*HEAD)
    store.accounts.create(*CLERK, Role.CLERK)
    store.accounts.create(*READER, Role.READER)
    store.accounts.sign_out()


def test_the_first_start_makes_the_heads_account_and_encrypts(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(FirstHeadDialog, "show_recovery", lambda _self, code: shown.append(code))
    dialog = FirstHeadDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.encrypt.isChecked()  # encryption is the default
    assert "站长" in dialog.windowTitle()
    dialog.name.setText("王站长")
    type_text(qtbot, dialog.password, "站长密码123")
    type_text(qtbot, dialog.again, "站长密码12")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "不一致" in dialog.messages.text()
    dialog.again.setText("站长密码123")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.db.operator is not None and store.db.operator.role is Role.HEAD
    assert [a.name for a in store.accounts.accounts()] == ["王站长"]
    assert shown == [dialog.recovery_code] and keyring.exists(store.home)
    assert store.db.key is not None and is_encrypted(store.db.path)
    home = store.home
    store.close()
    # the next start: the password opens the data, then the account
    unlock = UnlockDialog(home)
    qtbot.addWidget(unlock)
    assert [unlock.name.itemText(i) for i in range(unlock.name.count())] == ["王站长"]
    unlock.password.setText("站长密码12")
    unlock.ok_button.click()
    assert unlock.store is None and "姓名或密码不对" in unlock.messages.text()
    unlock.password.setText("站长密码123")
    unlock.ok_button.click()
    assert unlock.store is not None and unlock.store.db.operator is not None
    assert unlock.store.db.operator.name == "王站长"
    unlock.store.close()


def test_sign_in_refuses_a_wrong_password_and_remembers_the_name(
    qtbot: QtBot, store: Store
) -> None:
    people(store)
    dialog = SignInDialog(store)
    qtbot.addWidget(dialog)
    assert [dialog.name.itemText(i) for i in range(dialog.name.count())] == [
        "王站长", "李秀英", "赵查阅"
    ]  # fmt: skip
    dialog.name.setCurrentText("李秀英")
    type_text(qtbot, dialog.password, "不对的密码")
    dialog.ok_button.click()
    assert "姓名或密码不对" in dialog.messages.text() and dialog.password.text() == ""
    assert store.db.operator is None
    type_text(qtbot, dialog.password, CLERK[1])
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.db.operator is not None and store.db.operator.name == "李秀英"
    again = SignInDialog(store)
    qtbot.addWidget(again)
    assert again.name.currentText() == "李秀英"


def window_as(qtbot: QtBot, store: Store, who: tuple[str, str]) -> MainWindow:
    store.accounts.sign_in(*who)
    window = create_main_window(store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_clerk_cannot_show_full_numbers_or_delete(qtbot: QtBot, store: Store) -> None:
    people(store)
    populate(store, 3)
    number = register(store, FRIDAY)
    window = window_as(qtbot, store, CLERK)
    assert "李秀英（工作人员）" in window.station_label.text()
    window.show_page("register")
    page = window.page("register")
    assert isinstance(page, RegisterPage)
    assert page.full_check.isHidden() and page.delete_button.isHidden()
    assert page.bin_button.isHidden() and page.import_button.isHidden()
    assert not page.add_button.isHidden() and not page.cards_button.isHidden()
    page.table.selectRow(0)
    assert [label for label, _run in page.row_actions(0) if label] == [
        "编辑…", "打印联系卡…", "结对干部…", "复制户号", "复制户主姓名"
    ]  # fmt: skip
    window.show_page("ledger")
    ledger = window.page("ledger")
    assert ledger.items_tab.full_check.isHidden()  # type: ignore[attr-defined]
    assert not ledger.items_tab.excel_button.isHidden()  # type: ignore[attr-defined]
    window.show_page("settings")
    assert isinstance(window.page("settings"), QLabel)  # 设置 is the head's
    item = ItemDialog(store, number)
    qtbot.addWidget(item)
    assert "显示" not in item.phone_label.text() and "****" in item.phone_label.text()


def test_a_reader_only_looks(qtbot: QtBot, store: Store) -> None:
    people(store)
    number = register(store, FRIDAY)
    window = window_as(qtbot, store, READER)
    window.show_page("register")
    page = window.page("register")
    assert isinstance(page, RegisterPage) and page.add_button.isHidden()
    window.show_page("sync")
    assert isinstance(window.page("sync"), QLabel)
    window.show_page("intake")
    form = window.page("intake").form  # type: ignore[attr-defined]
    assert form.save_button.isHidden() and form.print_button.isHidden()
    item = ItemDialog(store, number)
    qtbot.addWidget(item)
    assert item.move_buttons == {} and item.correct_button.isHidden()
    assert "只能查阅" in item.hint.text()


def test_the_head_shows_full_numbers_and_reads_who_did_what(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    people(store)
    populate(store, 3)
    window = window_as(qtbot, store, HEAD)
    window.show_page("register")
    page = window.page("register")
    assert isinstance(page, RegisterPage) and not page.full_check.isHidden()
    page.full_check.setChecked(True)
    assert page.model.show_full()
    dialog = AccountsDialog(store)
    qtbot.addWidget(dialog)
    texts = [dialog.log_table.item(r, 3).text() for r in range(dialog.log_table.rowCount())]
    assert texts[0] == "查看完整号码" and "登录" in texts
    assert dialog.log_table.item(0, 5).text() == "3"
    clerk = next(r for r, a in enumerate(dialog.accounts) if a.name == "李秀英")
    dialog.account_table.selectRow(clerk)
    monkeypatch.setattr(dialog, "_ask_password", lambda _name: ("新的密码666", True))
    dialog.reset_password()
    assert store.accounts.verify("李秀英", "新的密码666").role is Role.CLERK
    assert access_log.entries(store.db)[0].what == "重设密码 李秀英"
    from openpyxl import load_workbook

    out = store.home.parent / "访问记录.xlsx"
    dialog.export_log_to(out)
    sheet = load_workbook(out).active
    assert sheet is not None and sheet["A2"].value == "时间"
    kinds = [sheet.cell(r, 4).value for r in range(3, sheet.max_row + 1)]
    assert kinds[0] == "账号管理" and "查看完整号码" in kinds
    assert access_log.entries(store.db)[0].action == "export"  # the export is logged too


def test_the_window_locks_and_another_person_signs_in(qtbot: QtBot, store: Store) -> None:
    people(store)
    populate(store, 2)
    window = window_as(qtbot, store, HEAD)
    window.show_page("register")
    assert window.switch_action.isVisible() and window.idle.minutes == DEFAULT_LOCK_MINUTES
    window.idle.timer.timeout.emit()  # ten idle minutes
    dialog = window.sign_in_dialog
    assert isinstance(dialog, SignInDialog) and "已锁定" in dialog.windowTitle()
    assert window.central.isHidden() and store.db.operator is None
    dialog.name.setCurrentText("李秀英")
    dialog.password.setText(CLERK[1])
    dialog.ok_button.click()
    assert not window.central.isHidden() and window.sign_in_dialog is None
    page = window.page("register")
    assert isinstance(page, RegisterPage) and page.delete_button.isHidden()  # the clerk's
    assert "李秀英" in window.station_label.text()
    window.switch_action.trigger()  # 切换用户
    dialog = window.sign_in_dialog
    assert dialog is not None
    dialog.reject()  # 退出程序
    assert not window.isVisible()


def test_a_cadres_own_account_writes_their_diary_by_default(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qunzhong_desktop.core.entities import Cadre
    from qunzhong_desktop.ui.diary import diary_page

    first = store.register.save_cadre(Cadre(name="刘芳娜"))
    second = store.register.save_cadre(Cadre(name="马龙勇"))
    plain = diary_page.DiaryForm(store, None, cadre_id=None, day=FRIDAY.date())
    qtbot.addWidget(plain)
    # the account's cadre is the one a form would not choose by itself
    cadre, other = (second, first) if plain.cadre.currentData() == first.id else (first, second)
    store.accounts.create(*HEAD, Role.HEAD)
    store.accounts.sign_in(*HEAD)
    store.accounts.create("小刘", "干部密码1234", Role.CLERK, cadre_id=cadre.id)
    window = window_as(qtbot, store, ("小刘", "干部密码1234"))
    window.show_page("diary")
    page = window.page("diary")
    assert isinstance(page, diary_page.DiaryPage) and page.cadre_id() is None  # 全部干部
    opened: list[object] = []
    monkeypatch.setattr(diary_page, "run_dialog", lambda form: opened.append(form) or 0)
    page.new_entry()
    form = opened[0]
    assert isinstance(form, diary_page.DiaryForm)
    assert form.cadre.currentData() == cadre.id != other.id


def test_the_head_sets_the_idle_time(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.ui.settings.settings_page import SettingsPage

    people(store)
    store.accounts.sign_in(*HEAD)
    page = SettingsPage(store)
    qtbot.addWidget(page)
    assert page.lock_minutes.value() == DEFAULT_LOCK_MINUTES
    page.lock_minutes.setValue(0)
    assert store.settings.get(LOCK_SETTING, "") == "0" and page.lock_minutes.text() == "从不"
    window = window_as(qtbot, store, CLERK)
    assert window.idle.minutes == 0 and not window.idle.timer.isActive()  # never locks


def test_an_encryption_that_fails_leaves_the_store_working(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qunzhong_desktop.storage import encryption

    failures: list[str] = []
    monkeypatch.setattr(FirstHeadDialog, "show_failure", lambda _self, why: failures.append(why))

    def full_disk(*_args: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(encryption, "enable", full_disk)
    dialog = FirstHeadDialog(store)
    qtbot.addWidget(dialog)
    dialog.name.setText("王站长")
    dialog.password.setText("站长密码123")
    dialog.again.setText("站长密码123")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and failures
    assert store.db.operator is not None and not keyring.exists(store.home)
    assert store.register.search_households("") == []  # the plain store answers


def test_the_head_backs_up_onto_a_stick_from_settings(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from qunzhong_desktop.ui.settings.settings_page import SettingsPage

    page = SettingsPage(store)
    qtbot.addWidget(page)
    assert "还没有自动备份" in page.backup_label.text()
    stick = tmp_path / "U盘"
    assert page.backup_to(stick / "missing" / "deeper") is not None  # folders are made
    stick.mkdir(exist_ok=True)
    made = page.backup_to(stick)
    assert made is not None and made.parent == stick and "已备份到" in page.backup_label.text()
    assert store.settings.get("ui.last_folder.backup", "") == str(stick)
