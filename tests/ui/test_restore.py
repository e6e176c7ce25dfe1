"""设置 › 备份 › 从备份恢复… (issue 14, item 5): shown, confirmed, restored, pages rebuilt."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.storage import backups
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync import node
from qunzhong_desktop.ui.register.register_page import RegisterPage
from qunzhong_desktop.ui.settings import restore
from qunzhong_desktop.ui.settings.settings_page import SettingsPage
from qunzhong_desktop.ui.shell.main_window import MainWindow
from qunzhong_desktop.ui.sync.key_dialogs import NewKeysDialog
from tests.helpers.sealed import PASSPHRASE


class Clerk:
    """Answers the confirmation and keeps what the window said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, agree: bool = True) -> None:
        self.shown: list[str] = []
        self.told: list[str] = []
        self.errors: list[str] = []

        def confirm(_flow: object, summary: backups.Summary) -> bool:
            self.shown.append(summary.describe())
            return agree

        monkeypatch.setattr(restore.RestoreFlow, "confirm", confirm)
        monkeypatch.setattr(restore.RestoreFlow, "tell", lambda _f, text: self.told.append(text))
        monkeypatch.setattr(
            restore, "show_error", lambda _parent, exc, **_kw: self.errors.append(str(exc))
        )


def _add(store: Store, count: int) -> None:
    start = len(store.register.search_households(""))
    for n in range(start, start + count):
        store.register.save_household(
            Household(number=f"{n + 1:03d}", members=[Person(name=f"王{n:02d}", relation="户主")])
        )


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show_page("register")
    return window


def _households(window: MainWindow) -> int:
    page = window.page("register")
    assert isinstance(page, RegisterPage)
    return page.model.rowCount()


def test_a_backup_is_shown_confirmed_and_put_back_with_the_pages_rebuilt(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(store, 3)
    copy = backups.make_backup(store.db, tmp_path / "U盘 备份", "manual")
    _add(store, 2)  # typed after the copy: gone after the restore
    clerk = Clerk(monkeypatch)
    window = _window(qtbot, store)
    assert _households(window) == 5

    assert window.restore_backup(copy)

    assert "户：3 户" in clerk.shown[0] and "备份时间" in clerk.shown[0]
    assert "已恢复" in clerk.told[0] and "beforerestore" in clerk.told[0]
    assert len(store.register.search_households("")) == 3
    assert _households(window) == 3  # the page was built anew on the restored data
    assert "已从备份恢复" in window.statusBar().currentMessage()
    assert not window.findChildren(NewKeysDialog)  # never synced: no new keys needed
    aside = next((store.home / "backups").glob("*-beforerestore.sqlite3.gz"))
    assert backups.inspect(aside, None, tmp_path / "scratch").households == 5


def test_declining_or_a_damaged_copy_changes_nothing(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(store, 2)
    copy = backups.make_backup(store.db, tmp_path / "stick", "manual")
    _add(store, 1)
    window = _window(qtbot, store)
    no = Clerk(monkeypatch, agree=False)
    assert not window.restore_backup(copy)
    assert no.shown and not no.told and len(store.register.search_households("")) == 3

    damaged = tmp_path / "stick" / "cut.sqlite3.gz"
    damaged.write_bytes(gzip.compress(copy.read_bytes()[:4096]))
    clerk = Clerk(monkeypatch)
    assert not window.restore_backup(damaged)
    assert "已损坏" in clerk.errors[0] and not clerk.shown  # never offered for restore
    assert len(store.register.search_households("")) == 3
    assert not list((store.home / "backups").glob("*-beforerestore*"))


@pytest.mark.usefixtures("keys_made_once")  # sealed once per run (tests/helpers/ui_keys.py)
def test_a_pc_that_syncs_is_led_to_new_keys(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node.create_keys(store.home, PASSPHRASE)
    copy = backups.make_backup(store.db, tmp_path / "stick", "manual")
    clerk = Clerk(monkeypatch)
    window = _window(qtbot, store)
    assert window.restore_backup(copy)
    assert "更换本机密钥" in clerk.told[0] and "重新登记" in clerk.told[0]
    (dialog,) = window.findChildren(NewKeysDialog)
    assert dialog.isVisible() and dialog.replace


def test_the_settings_page_offers_the_restore(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SettingsPage(store)
    qtbot.addWidget(page)
    chosen = tmp_path / "qunzhong-20261201-080000-daily.sqlite3.gz"
    monkeypatch.setattr(
        "qunzhong_desktop.ui.settings.settings_page.QFileDialog.getOpenFileName",
        lambda *_a, **_k: (str(chosen), ""),
    )
    with qtbot.waitSignal(page.restore_requested) as got:
        page.restore_button.click()
    assert got.args == [chosen]
