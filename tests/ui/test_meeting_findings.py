"""问题转受理 at a 民情恳谈会: the entry's own button, a group or the village asks (issue 15)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.diary import diary_form
from qunzhong_desktop.ui.diary.diary_form import DiaryForm, FindingDialog
from tests.helpers.register_data import seed, type_text

TODAY = dt.date(2026, 11, 20)
SHOTS = os.environ.get("QUNZHONG_SHOTS")


@pytest.fixture
def form(qtbot: QtBot, store: Store) -> DiaryForm:
    seed(store, 8)
    cadre_id = next(c.id or "" for c in store.register.cadres() if c.name == "刘书记")
    form = DiaryForm(store, cadre_id=cadre_id, day=TODAY, today=lambda: TODAY)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_the_meeting_button_shows_only_for_a_meeting(form: DiaryForm) -> None:
    assert form.meeting_button.isHidden()  # 入户走访: findings are the visits'
    form.kind.setCurrentText("民情恳谈会")
    assert form.meeting_button.isVisibleTo(form)
    form.kind.setCurrentText("坐班接待")
    assert form.meeting_button.isHidden()


def test_a_group_at_a_meeting_raises_an_item_of_the_meetings_channel(
    qtbot: QtBot, store: Store, form: DiaryForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    form.kind.setCurrentText("民情恳谈会")
    type_text(qtbot, form.text, "在村部召开民情恳谈会，三组群众代表反映路灯问题。")
    seen: list[FindingDialog] = []

    def fill(dialog: FindingDialog) -> bool:
        seen.append(dialog)
        assert dialog.requester.isVisibleTo(dialog)
        offered = [dialog.requester.itemText(i) for i in range(dialog.requester.count())]
        assert offered[0] == "白沙村" and "村民代表" in offered  # the village first
        type_text(qtbot, dialog.content, "村道路灯坏了一半，晚上出行不便")
        assert dialog.register() is None  # nobody named: refused, the dialog stays
        assert "诉求人" in dialog.messages.text()
        dialog.requester.setEditText("第三村民小组")
        dialog.domain.setCurrentText("基础设施")
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(Path(SHOTS) / "meeting-finding.png"))
        return dialog.register() is not None

    monkeypatch.setattr(diary_form, "run_finding_dialog", fill)
    form.meeting_button.click()  # saves the entry first
    assert seen and seen[0].channel == "民情恳谈会"
    number = form.last_number
    assert number and "（来源：民情恳谈会）" in form.banner.text()
    item = store.items.item(number)
    assert (item.channel, item.requester_name, item.requester_person_id) == (
        "民情恳谈会", "第三村民小组", None,
    )  # fmt: skip
    assert item.diary_entry_id == form.entry_id
    assert number in form.items_label.text()


def test_a_visits_finding_asks_no_group(qtbot: QtBot, store: Store) -> None:
    dialog = FindingDialog(store, "e", "h", "1-001　张三丰")
    qtbot.addWidget(dialog)
    assert dialog.channel == "走访" and dialog.requester.isHidden()
