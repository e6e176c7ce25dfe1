"""A form saved over a household changed meanwhile shows both values and lets the clerk choose."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.stale import MINE, THEIRS, Clash, StaleEdit
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.register_repo import SqlRegister
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import stale_dialog
from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog


@pytest.fixture
def other(store: Store) -> Iterator[SqlRegister]:
    db = Database(database_path(store.home), user="命令行")
    yield SqlRegister(db)
    db.close()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[StaleEdit]:
    seen: list[StaleEdit] = []

    def choose(_parent: object, error: StaleEdit) -> dict[str, str]:
        seen.append(error)
        return {clash.key: MINE for clash in error.clashes}

    monkeypatch.setattr(stale_dialog, "ask", choose)
    return seen


def _household(store: Store) -> str:
    saved = store.register.save_household(
        Household(number="001", members=[Person(name="张三", phone="13812345678")])
    )
    return saved.id or ""


def test_a_phone_saved_meanwhile_is_kept_when_the_form_changed_something_else(
    qtbot, store: Store, other: SqlRegister, asked: list[StaleEdit]
) -> None:
    hid = _household(store)
    dialog = HouseholdDialog(store, hid)
    qtbot.addWidget(dialog)
    changed = other.household(hid)
    changed.members[0].phone = "13900000000"
    other.save_household(changed)  # e.g. `qunzhong` at the command line
    dialog.address.setText("白沙村二组 8 号")
    assert dialog.save()
    now = store.register.household(hid)
    assert (now.address, now.members[0].phone) == ("白沙村二组 8 号", "13900000000")
    assert not asked


def test_both_changed_the_phone_the_clerk_is_asked_and_chooses(
    qtbot, store: Store, other: SqlRegister, asked: list[StaleEdit]
) -> None:
    hid = _household(store)
    dialog = HouseholdDialog(store, hid)
    qtbot.addWidget(dialog)
    changed = other.household(hid)
    changed.members[0].phone = "13900000000"
    other.save_household(changed)
    dialog.members.rows[0].phone.setText("13700000000")
    assert dialog.save()
    (error,) = asked
    assert [(c.label, c.mine, c.theirs) for c in error.clashes] == [
        ("张三的电话", "137****0000", "139****0000")
    ]
    assert store.register.household(hid).members[0].phone == "13700000000"


def test_going_back_to_the_form_saves_nothing_and_keeps_the_typing(
    qtbot, store: Store, other: SqlRegister, monkeypatch: pytest.MonkeyPatch
) -> None:
    hid = _household(store)
    dialog = HouseholdDialog(store, hid)
    qtbot.addWidget(dialog)
    changed = other.household(hid)
    changed.members[0].phone = "13900000000"
    other.save_household(changed)
    monkeypatch.setattr(stale_dialog, "ask", lambda _p, _e: None)
    dialog.members.rows[0].phone.setText("13700000000")
    assert not dialog.save()
    assert dialog.members.rows[0].phone.text() == "13700000000"
    assert store.register.household(hid).members[0].phone == "13900000000"
    monkeypatch.setattr(HouseholdDialog, "reject", lambda self: None)  # no "discard?" at teardown


def test_the_choice_dialog_preselects_the_saved_value(qtbot, tmp_path: Path) -> None:
    error = StaleEdit(
        "户 001",
        [Clash("p.phone", "张三的电话", "137****0000", "139****0000"),
         Clash("address", "地址", "二组 8 号", "三组 1 号")],
    )  # fmt: skip
    dialog = stale_dialog.StaleDialog(error)
    qtbot.addWidget(dialog)
    dialog.resize(760, 320)
    dialog.show()
    assert dialog.keep() == {"p.phone": THEIRS, "address": THEIRS}
    box = dialog.table.cellWidget(1, 3)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(1)
    assert dialog.keep() == {"p.phone": THEIRS, "address": MINE}
    texts = [dialog.table.item(0, c).text() for c in range(3)]
    assert texts == ["张三的电话", "137****0000", "139****0000"]
    dialog.grab().save(str(tmp_path / "stale.png"))
