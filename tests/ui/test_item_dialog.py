from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.intake.move_dialog import MoveDialog
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.register_data import type_text


def open_item(qtbot: QtBot, store: Store, number: str) -> ItemDialog:
    dialog = ItemDialog(store, number, clock=lambda: FRIDAY + dt.timedelta(days=3))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def move(qtbot: QtBot, dialog: ItemDialog, target: State, text: str = "") -> MoveDialog:
    dialog.move_buttons[target].click()
    asked = dialog.move_dialog
    assert isinstance(asked, MoveDialog) and asked.target is target
    if text:
        type_text(qtbot, asked.note, text)
    asked.ok_button.click()
    return asked


def labels(dialog: ItemDialog) -> list[str]:
    return [b.text() for b in dialog.move_buttons.values()]


def test_only_the_allowed_moves_are_offered(qtbot: QtBot, store: Store) -> None:
    dialog = open_item(qtbot, store, register(store, FRIDAY))
    assert set(dialog.move_buttons) == {
        State.IN_PROGRESS, State.AWAITING_DOCUMENTS, State.ESCALATED, State.RESOLVED,
        State.REJECTED, State.WITHDRAWN,
    }  # fmt: skip
    assert labels(dialog) == ["开始办理", "待补件", "上报乡镇", "办结", "不予受理", "撤回"]
    assert dialog.title.text().endswith("王大爷")
    assert dialog.state_label.text() == "已受理　正常"
    escalated = open_item(qtbot, store, register(store, FRIDAY, item_type="上报件"))
    assert labels(escalated) == ["撤回"]  # assignment is the township's
    assert "乡镇" in escalated.hint.text()


def test_walk_an_item_to_closed(qtbot: QtBot, store: Store) -> None:
    dialog = open_item(qtbot, store, register(store, FRIDAY, item_type="补办件"))
    assert dialog.state_label.text().startswith("待补件")
    assert labels(dialog) == ["材料已补齐，开始办理", "撤回"]
    move(qtbot, dialog, State.IN_PROGRESS, "户口本已交")
    assert dialog.item.state is State.IN_PROGRESS and dialog.changed
    move(qtbot, dialog, State.RESOLVED, "已办好补缴手续")
    assert dialog.item.state is State.RESOLVED
    assert labels(dialog) == ["回访"]
    dialog.move_buttons[State.FOLLOWED_UP].click()
    follow_up = dialog.move_dialog
    assert isinstance(follow_up, MoveDialog)
    follow_up.way.setCurrentText("当面")
    follow_up.satisfaction.setCurrentText("满意")
    type_text(qtbot, follow_up.note, "群众表示感谢")
    follow_up.ok_button.click()
    assert dialog.item.state is State.FOLLOWED_UP
    move(qtbot, dialog, State.CLOSED)
    assert dialog.item.state is State.CLOSED
    assert dialog.move_buttons == {}
    assert dialog.hint.text() == "这件事已经结束，不能再办理。"
    history = [
        [dialog.history.item(r, c).text() for c in range(5)]
        for r in range(dialog.history.rowCount())
    ]
    assert [row[3] for row in history] == [
        "已受理",
        "待补件",
        "办理中",
        "已办结",
        "已回访",
        "已销号",
    ]
    assert history[3][4] == "已办好补缴手续"
    assert history[4][4] == "当面回访，满意；群众表示感谢"
    assert history[2][1] == "李秀英" and history[2][2] == "待补件"
    assert store.items.item(dialog.item.number).state is State.CLOSED


def test_a_refused_move_says_why_and_changes_nothing(qtbot: QtBot, store: Store) -> None:
    number = register(store, FRIDAY)
    dialog = open_item(qtbot, store, number)
    asked = move(qtbot, dialog, State.RESOLVED)  # no result typed
    assert asked.isVisible()
    assert asked.messages.text() == "办结时请填写办理结果。"
    assert form_feedback.is_marked(asked.note)
    assert store.items.item(number).state is State.REGISTERED
    assert not dialog.changed
    type_text(qtbot, asked.note, "已答复")
    asked.ok_button.click()
    assert store.items.item(number).state is State.RESOLVED


def test_reopening_needs_an_unsatisfied_follow_up(qtbot: QtBot, store: Store) -> None:
    """A satisfied follow-up offers 销号 only (the core refuses 重新办理 anyway)."""
    number = register(store, FRIDAY, item_type="即办件", result="当场答复")
    store.items.move(number, State.FOLLOWED_UP, actor="x", data={"satisfaction": "满意"})
    dialog = open_item(qtbot, store, number)
    assert labels(dialog) == ["销号"]
    assert len(store.items.item(number).events) == 3


def test_an_unsatisfied_follow_up_offers_reopening_not_closing(qtbot: QtBot, store: Store) -> None:
    number = register(store, FRIDAY, item_type="即办件", result="当场答复")
    store.items.move(number, State.FOLLOWED_UP, actor="x", data={"satisfaction": "不满意"})
    dialog = open_item(qtbot, store, number)
    assert labels(dialog) == ["重新办理"]
    move(qtbot, dialog, State.IN_PROGRESS, "群众不满意，重新办理")
    assert store.items.item(number).state is State.IN_PROGRESS


def test_follow_up_needs_a_satisfaction(qtbot: QtBot, store: Store) -> None:
    number = register(store, FRIDAY, item_type="即办件", result="当场答复")
    dialog = open_item(qtbot, store, number)
    asked = move(qtbot, dialog, State.FOLLOWED_UP, "电话回访")
    assert "满意度" in asked.messages.text()
    assert form_feedback.is_marked(asked.satisfaction)
    assert asked.focusWidget() is asked.satisfaction


def test_reject_needs_a_reason(qtbot: QtBot, store: Store) -> None:
    number = register(store, FRIDAY)
    dialog = open_item(qtbot, store, number)
    asked = move(qtbot, dialog, State.REJECTED)
    assert asked.messages.text() == "“不予受理”必须写明原因。"
    type_text(qtbot, asked.note, "不属于本站受理范围")
    asked.ok_button.click()
    assert dialog.item.state is State.REJECTED
    assert dialog.history.item(1, 4).text() == "不属于本站受理范围"


def test_receipt_button(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from qunzhong_desktop.ui.intake import receipt_preview

    shown: list[str] = []
    monkeypatch.setattr(
        receipt_preview, "show_receipt", lambda _store, number, _parent=None: shown.append(number)
    )
    number = register(store, FRIDAY)
    open_item(qtbot, store, number).receipt_button.click()
    assert shown == [number]


def test_the_phone_is_masked_until_asked_for(qtbot: QtBot, store: Store) -> None:
    number = register(store, FRIDAY)
    dialog = open_item(qtbot, store, number)
    phone = store.items.item(number).requester_phone
    assert phone and phone not in dialog.phone_label.text()
    assert phone[-4:] in dialog.phone_label.text()
    dialog.phone_label.linkActivated.emit("show")
    assert dialog.phone_label.text() == phone


def test_a_finding_names_its_diary_entry(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.core.diary import DiaryEntry, DiaryVisit
    from qunzhong_desktop.core.entities import Cadre, Household, Person

    cadre = store.register.save_cadre(Cadre(name="刘书记", unit="镇党委"))
    home = store.register.save_household(Household(number="0001", members=[Person(name="李桂兰")]))
    entry = store.diary.save_entry(
        DiaryEntry(
            cadre_id=cadre.id or "",
            day=FRIDAY.date(),
            kind="入户走访",
            text="查看住房",
            visits=[DiaryVisit(household_id=home.id or "")],
        ),
        today=FRIDAY.date(),
    )
    item = store.diary.finding_to_item(
        entry.id or "", home.id or "", content="屋顶漏雨", domain="基础设施", grade="B",
        actor="刘书记", now=FRIDAY,
    )  # fmt: skip
    dialog = open_item(qtbot, store, item.number)
    assert f"刘书记 {FRIDAY.date().isoformat()} 的民情日记（入户走访）" in dialog.content.text()


def test_the_townships_assignment_and_result_read_plainly(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.core.intake.states import Role

    number = register(store, FRIDAY, item_type="上报件")
    data = {"unit": "城建办", "deadline": "2026-12-04"}
    store.items.move(number, State.ASSIGNED, actor="乡镇", role=Role.TOWNSHIP, data=data)
    store.items.move(
        number, State.RESOLVED, actor="乡镇", role=Role.TOWNSHIP, note="已修复",
        data={"result": "已修复", "unit": "城建办"},
    )  # fmt: skip
    dialog = open_item(qtbot, store, number)
    rows = dialog.history.rowCount()
    assert dialog.history.item(rows - 2, 4).text() == "交办 城建办，期限 2026-12-04"
    assert dialog.history.item(rows - 1, 4).text() == "已修复；责任单位 城建办"


def test_a_matter_at_the_county_says_so_and_offers_no_move(qtbot: QtBot, store: Store) -> None:
    from tests.helpers.county_data import at_township, set_role

    number = register(store, FRIDAY, item_type="上报件")
    set_role(store, "township")
    at_township(store, number, now=FRIDAY + dt.timedelta(hours=1))
    store.items.escalate_to_county(number, "跨乡镇权属", actor="乡镇干部",
                                   now=FRIDAY + dt.timedelta(hours=2))  # fmt: skip
    set_role(store, "station")
    dialog = open_item(qtbot, store, number)
    assert labels(dialog) == []  # 上报县 is beyond the station: not even 撤回
    assert dialog.state_label.text().startswith("已上报县")
    assert "已上报县" in dialog.hint.text() and "县直部门" in dialog.hint.text()
