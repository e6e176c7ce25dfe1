"""代办 in the window: the item page's tab and moves, 待领取 in amber, 即将到龄."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.palette import DUE_SOON_TINT
from qunzhong_desktop.ui.intake.due_dialog import DueDialog
from qunzhong_desktop.ui.intake.intake_page import IntakePage
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.intake.move_dialog import MoveDialog
from qunzhong_desktop.ui.intake.worklist_model import COL_NUMBER, COL_URGENCY
from tests.helpers.agency_data import NOW, RECEIVED, TURNING_70, agency_item, resolve, seed_elders
from tests.helpers.printing import RecordingOutput
from tests.helpers.register_data import type_text


@pytest.fixture
def people(store: Store) -> dict[str, str]:
    return seed_elders(store)


def open_item(qtbot: QtBot, store: Store, number: str) -> ItemDialog:
    dialog = ItemDialog(store, number, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def labels(dialog: ItemDialog) -> list[str]:
    return [b.text() for b in dialog.move_buttons.values()]


def test_an_item_marked_agency_from_its_page(
    qtbot: QtBot, store: Store, people: dict[str, str], printed: RecordingOutput
) -> None:
    number = store.items.register_item(_new(people["王建明"]), actor="李秀英", now=RECEIVED).number
    dialog = open_item(qtbot, store, number)
    panel = dialog.agency
    assert dialog.tabs.tabText(1) == "代办与上门服务"
    dialog.tabs.setCurrentIndex(1)
    assert not panel.print_button.isEnabled() and not panel.entry_row.isEnabled()
    # 上门代办 without an agent: refused, the field marked, what was chosen stays
    panel.mode.setCurrentText("上门代办")
    panel.auth_kind.setCurrentIndex(panel.auth_kind.findData("书面"))
    panel.auth_on.setDate(panel.auth_on.date().addDays(-5))
    panel.office.setText("县政务服务中心")
    panel.save_button.click()
    assert panel.messages.isVisible() and "上门代办须填写代办干部" in panel.messages.text()
    assert form_feedback.is_marked(panel.agent)
    assert panel.mode.currentText() == "上门代办" and panel.office.text() == "县政务服务中心"
    assert not store.agency.of(number).active and not dialog.changed
    panel.agent.setCurrentText("张华")
    panel.save_button.click()
    saved = store.agency.of(number).agency
    assert (saved.mode, saved.agent, saved.auth_kind) == ("上门代办", "张华", "书面")
    assert saved.auth_on == dt.date(2026, 11, 15) and dialog.changed
    assert dialog.tabs.tabText(1) == "代办与上门服务（上门代办）"
    assert not panel.messages.isVisible()
    # a record needs its text; then it is listed and the field is empty again
    panel.entry_buttons["收件"].click()
    assert "收到群众的哪些材料" in panel.messages.text()
    type_text(qtbot, panel.entry_text, "户口簿、身份证复印件")
    panel.entry_buttons["收件"].click()
    assert (
        panel.entries.rowCount() == 1 and panel.entries.item(0, 2).text() == "户口簿、身份证复印件"
    )
    assert panel.entry_text.text() == ""
    # the form the resident signs
    panel.print_button.click()
    assert [s.title for s in printed.shown] == [f"代办委托书 {number}"]
    assert printed.shown[0].pdf.startswith(b"%PDF")


def test_collection_moves_before_the_follow_up(
    qtbot: QtBot, store: Store, people: dict[str, str]
) -> None:
    number = agency_item(store, people)
    resolve(store, number, dt.datetime(2026, 11, 13, 15))
    dialog = open_item(qtbot, store, number)
    assert labels(dialog) == ["通知领取", "已领取"]  # no follow-up before collection
    assert "请通知群众领取" in dialog.hint.text()
    dialog.move_buttons[State.NOTIFIED].click()
    asked = dialog.move_dialog
    assert isinstance(asked, MoveDialog) and asked.how.isVisible() and not asked.by.isVisible()
    asked.how.setCurrentText("短信")
    asked.ok_button.click()
    assert dialog.item.state is State.NOTIFIED and labels(dialog) == ["已领取"]
    assert dialog.history.item(3, 4).text() == "2026-11-20 短信通知领取"
    assert not dialog.agency.clear_button.isEnabled()  # told: the agency stays
    dialog.move_buttons[State.COLLECTED].click()
    collect = dialog.move_dialog
    assert isinstance(collect, MoveDialog) and collect.by.text() == "本人"
    collect.by.clear()
    collect.ok_button.click()
    assert collect.isVisible() and "领取人" in collect.messages.text()
    assert form_feedback.is_marked(collect.by)
    assert store.items.item(number).state is State.NOTIFIED
    type_text(qtbot, collect.by, "配偶代领")
    collect.ok_button.click()
    assert not collect.isVisible() and dialog.item.state is State.COLLECTED
    assert labels(dialog) == ["回访"] and "请回访群众" in dialog.hint.text()
    assert store.agency.of(number).collected.data == {  # type: ignore[union-attr]
        "collected_on": "2026-11-20", "by": "配偶代领",
    }  # fmt: skip


def test_home_service_links_the_visit(qtbot: QtBot, store: Store, people: dict[str, str]) -> None:
    from tests.helpers.agency_data import visit

    number = agency_item(store, people)
    entry = visit(store, "E01", dt.date(2026, 11, 13))
    dialog = open_item(qtbot, store, number)
    panel = dialog.agency
    assert panel.visit.count() == 2 and panel.visit.itemData(1) == entry
    panel.at_home.setChecked(True)
    panel.visit.setCurrentIndex(1)
    panel.home_button.click()
    saved = store.agency.of(number)
    assert saved.at_home and saved.diary_entry_id == entry
    assert not panel.visit.isEnabled() and "关联" in panel.visit_label.text()
    assert dialog.tabs.tabText(1) == "代办与上门服务（上门代办、上门服务）"
    assert "来源" in dialog.content.text()  # the page names the diary entry


def test_waiting_for_collection_turns_amber(
    qtbot: QtBot, store: Store, people: dict[str, str]
) -> None:
    late, recent = agency_item(store, people), agency_item(store, people, "赵桂兰")
    for number, told in ((late, "2026-11-10"), (recent, "2026-11-19")):
        resolve(store, number, dt.datetime(2026, 11, 10, 15))
        store.items.move(number, State.NOTIFIED, actor="x",
                         data={"notified_on": told, "how": "电话"}, now=NOW)  # fmt: skip
    page = IntakePage(store, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.show_view("collect")
    assert page.views.currentItem().text() == "待领取（2）"
    assert "超过 5 个工作日" in page.count_label.text()
    model = page.model
    rows = {model.index(r, COL_NUMBER).data(): r for r in range(model.rowCount())}
    colour = model.index(rows[late], 0).data(Qt.ItemDataRole.BackgroundRole)
    assert colour == QColor(DUE_SOON_TINT)
    assert model.index(rows[late], COL_URGENCY).data() == "待领取 8 个工作日"
    assert model.index(rows[recent], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(rows[recent], COL_URGENCY).data() == "已办结"


def test_turning_70_makes_three_agency_items(
    qtbot: QtBot,
    store: Store,
    people: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    printed: RecordingOutput,
) -> None:
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        form_feedback, "confirm", lambda _p, _t, text, _y: asked.append(text) or True
    )
    monkeypatch.setattr(form_feedback, "inform", lambda _p, _t, text: told.append(text))
    dialog = DueDialog(store, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 5  # 60, 70 and 80 this month and the next
    dialog.ages.setText("七十")
    dialog.search_button.click()
    assert "填写数字" in dialog.messages.text() and form_feedback.is_marked(dialog.ages)
    assert dialog.table.rowCount() == 5  # the list found before stays
    dialog.ages.setText("70")
    dialog.search_button.click()
    assert [dialog.table.item(r, 1).text() for r in range(3)] == TURNING_70
    assert "共 3 人，已选 3 人" in dialog.count.text()
    dialog.mode.setCurrentText("上门代办")
    dialog.create_button.click()  # no agent for 上门代办
    assert "须填写代办干部" in dialog.messages.text() and form_feedback.is_marked(dialog.agent)
    assert store.items.search_ids(_all()) == []
    dialog.agent.setCurrentText("张华")
    dialog.create_button.click()
    assert "将为以下 3 位居民各登记一件代办事项（上门代办，社会保障）" in asked[-1]
    assert all(name in asked[-1] for name in TURNING_70)
    assert len(dialog.made) == 3 and told == ["已登记 3 件代办事项。"]
    for number in dialog.made:
        assert store.agency.of(number).agency.mode == "上门代办"
    # made: unticked now, named in the last column
    assert "已选 0 人" in dialog.count.text() and dialog.table.item(0, 8).text() == dialog.made[0]
    dialog.tick_all(False)
    dialog.create_button.click()
    assert "请先勾选" in dialog.messages.text()
    dialog.print_button.click()
    assert [s.title for s in printed.shown] == ["即将到龄名单"]


def _all():  # type: ignore[no-untyped-def]
    from qunzhong_desktop.core.intake.records import ItemFilter

    return ItemFilter()


def _new(person_id: str):  # type: ignore[no-untyped-def]
    from qunzhong_desktop.core.intake.records import NewItem

    return NewItem(channel="来访", domain="社会保障", grade="B", item_type="承诺件",
                   content="代办高龄津贴申请", requester_person_id=person_id)  # fmt: skip
