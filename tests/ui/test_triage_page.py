"""分流交办: the township's queue, driven through its buttons and dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from qunzhong_desktop.core.intake.clock import Urgency
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.intake.worklist_model import URGENCY_COLOURS
from qunzhong_desktop.ui.triage.assign_dialog import (
    AssignDialog,
    RejectDialog,
    ResultDialog,
    to_qdate,
)
from qunzhong_desktop.ui.triage.triage_page import (
    COL_STATION,
    COL_UNIT,
    TownshipItemDialog,
    TriagePage,
)
from qunzhong_desktop.ui.triage.units_dialog import UnitRegisterDialog
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.register_data import type_text

MONDAY = FRIDAY - dt.timedelta(days=4)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Questions and notices the page showed; every question is answered yes."""
    shown: list[str] = []

    def confirm(_parent: object, _title: str, text: str, _yes: str) -> bool:
        shown.append(text)
        return True

    monkeypatch.setattr(form_feedback, "confirm", confirm)
    monkeypatch.setattr(form_feedback, "inform", lambda _p, _t, text: shown.append(text))
    return shown


def escalate(store: Store, content: str, **values: object) -> str:
    return register(store, MONDAY, item_type="上报件", content=content, **values)


def open_page(qtbot: QtBot, store: Store) -> TriagePage:
    page = TriagePage(store, clock=lambda: FRIDAY)
    qtbot.addWidget(page)
    page.resize(1030, 560)
    page.show()
    qtbot.waitExposed(page)
    return page


def listed(page: TriagePage) -> list[str]:
    rows = [page.model.item_row(row) for row in range(page.model.rowCount())]
    return [r.number for r in rows if r is not None]


def assign(store: Store, number: str, unit: str, deadline: str = "2026-11-27") -> None:
    store.items.move(
        number,
        State.ASSIGNED,
        actor="乡镇",
        role=Role.TOWNSHIP,
        data={"unit": unit, "deadline": deadline},
        now=MONDAY,
    )


def event_row(store: Store, number: str) -> m.ItemEvent:
    """The last event of an item as stored."""
    with store.db.session() as s:
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()
        return item.events[-1]


def test_the_queue_lists_escalated_items_and_filters(qtbot: QtBot, store: Store) -> None:
    road = escalate(store, "村道塌方需要修复")
    land = escalate(store, "宅基地边界纠纷", domain="土地山林宅基地")
    here = register(store, MONDAY, content="养老保险咨询")  # stays at the station
    done = escalate(store, "低保审核")
    assign(store, land, "国土所", "2026-11-19")  # past the deadline on Friday
    assign(store, done, "民政办")
    store.items.move(
        done, State.RESOLVED, actor="乡镇", role=Role.TOWNSHIP, data={"result": "已审"}
    )
    page = open_page(qtbot, store)
    assert page.view.currentText() == "待交办"
    assert listed(page) == [road]  # oldest first
    page.show_view("assigned")
    assert listed(page) == [land]
    row = page.model.index(0, COL_UNIT)
    assert page.model.data(row) == "国土所"
    assert page.model.data(page.model.index(0, COL_STATION)) == "白沙村"
    red = QColor(URGENCY_COLOURS[Urgency.OVERDUE])
    assert page.model.data(row, Qt.ItemDataRole.BackgroundRole) == red
    page.show_view("overdue")
    assert listed(page) == [land]
    page.show_view("done")
    assert listed(page) == [done]
    page.show_view("all")
    assert set(listed(page)) == {road, land, here, done}
    page.unit.setCurrentIndex(page.unit.findData("民政办"))
    assert listed(page) == [done]
    page.unit.setCurrentIndex(0)
    page.station.setCurrentIndex(page.station.findData("430121101201"))
    assert page.station.currentText() == "白沙村群众工作站"
    assert len(listed(page)) == 4
    type_text(qtbot, page.text, "宅基地")
    page.search()  # the search box waits for a pause in typing
    assert listed(page) == [land]
    assert page.count_label.text() == "共 1 件"


def test_assign_with_unit_and_working_day_deadline(
    qtbot: QtBot, store: Store, asked: list[str]
) -> None:
    number = escalate(store, "村道塌方需要修复", domain="基础设施")
    store.settings.set("township.name", "白沙镇群众工作办")
    page = open_page(qtbot, store)
    assert page.select_number(number)
    assert page.assign_button.isEnabled() and not page.result_button.isEnabled()
    page.assign_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AssignDialog)
    # 基础设施 gets 15 working days by default, counted from Friday 2026-11-20
    assert dialog.days.value() == 15
    assert dialog.deadline_date() == dt.date(2026, 12, 11)
    dialog.ok_button.click()  # no unit yet
    assert dialog.isVisible() and dialog.unit_error.text() == "请选择责任单位。"
    assert store.items.item(number).state is State.ESCALATED
    dialog.unit.setCurrentIndex(dialog.unit.findText("城建办"))
    assert dialog.unit_error.text() == ""
    dialog.days.setValue(1)
    assert dialog.deadline_date() == dt.date(2026, 11, 23)  # over the weekend
    dialog.deadline.setDate(to_qdate(dt.date(2026, 11, 19)))
    dialog.ok_button.click()
    assert dialog.deadline_error.text() == "办结期限不能早于今天。"
    dialog.deadline.setDate(to_qdate(dt.date(2026, 11, 25)))
    type_text(qtbot, dialog.note, "会同交通站")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    item = store.items.item(number)
    assert item.state is State.ASSIGNED
    assert item.due_on == dt.date(2026, 11, 25)
    last = item.events[-1]
    assert last.data == {"unit": "城建办", "deadline": "2026-11-25"}
    assert last.note == "会同交通站" and last.actor == "白沙镇群众工作办"
    assert event_row(store, number).actor_role == "township"
    assert listed(page) == []  # gone from 待交办
    page.show_view("assigned")
    assert page.model.data(page.model.index(0, COL_UNIT)) == "城建办"
    assert asked == []


def test_a_grade_a_item_is_offered_the_a_days(qtbot: QtBot, store: Store) -> None:
    # 急事急办 (issue 15): the deadline offered is the one the station would promise
    number = escalate(store, "村道塌方，车辆无法通行", domain="基础设施", grade="A")
    page = open_page(qtbot, store)
    assert page.select_number(number)
    page.assign_button.click()
    dialog = page.dialog
    assert isinstance(dialog, AssignDialog)
    assert dialog.days.value() == 8  # half of 基础设施's 15, rounded up
    assert dialog.deadline_date() == dt.date(2026, 12, 2)


def test_awaiting_assignment_items_are_in_the_queue_too(qtbot: QtBot, store: Store) -> None:
    number = escalate(store, "河堤渗水")
    store.items.move(number, State.AWAITING_ASSIGNMENT, actor="乡镇", role=Role.TOWNSHIP)
    page = open_page(qtbot, store)
    assert listed(page) == [number]
    page.assign()
    dialog = page.dialog
    assert isinstance(dialog, AssignDialog)
    dialog.unit.setCurrentIndex(dialog.unit.findText("水利站"))
    dialog.submit()
    assert store.items.item(number).state is State.ASSIGNED


def test_record_the_units_result(qtbot: QtBot, store: Store, asked: list[str]) -> None:
    number = escalate(store, "低保申请请乡镇审核")
    assign(store, number, "民政办")
    page = open_page(qtbot, store)
    page.show_view("assigned")
    assert page.select_number(number)
    assert page.result_button.isEnabled()
    assert not page.assign_button.isEnabled() and not page.reject_button.isEnabled()
    page.result_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ResultDialog)
    assert dialog.unit_label.text().startswith("民政办")
    dialog.ok_button.click()
    assert dialog.text_error.text() == "请填写办理结果。"
    assert store.items.item(number).state is State.ASSIGNED
    type_text(qtbot, dialog.text, "已审核，下月起发放低保金")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    item = store.items.item(number)
    assert item.state is State.RESOLVED
    assert item.events[-1].data == {"result": "已审核，下月起发放低保金", "unit": "民政办"}
    assert event_row(store, number).actor_role == "township"
    assert item.events[-1].actor == "测试员"  # no township name set: the user
    page.show_view("done")
    assert listed(page) == [number]


def test_reject_needs_a_reason_and_asks_first(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = escalate(store, "要求乡镇出资修建私人车库")
    answers = [False, True]
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str, _yes: str) -> bool:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(form_feedback, "confirm", confirm)
    page = open_page(qtbot, store)
    assert page.select_number(number)
    page.reject_button.click()
    dialog = page.dialog
    assert isinstance(dialog, RejectDialog)
    dialog.ok_button.click()
    assert dialog.text_error.text() == "请写明不予受理的原因。" and questions == []
    type_text(qtbot, dialog.text, "不属于政府办理事项")
    dialog.ok_button.click()  # answered no
    assert dialog.isVisible() and number in questions[0]
    assert store.items.item(number).state is State.ESCALATED
    dialog.ok_button.click()  # answered yes
    assert not dialog.isVisible()
    item = store.items.item(number)
    assert item.state is State.REJECTED
    assert item.events[-1].note == "不属于政府办理事项"
    assert event_row(store, number).actor_role == "township"
    assert listed(page) == []


def test_a_refused_move_is_shown_in_the_dialog(
    qtbot: QtBot, store: Store, asked: list[str]
) -> None:
    number = escalate(store, "村道塌方需要修复")
    page = open_page(qtbot, store)
    assert page.select_number(number)
    page.assign()
    dialog = page.dialog
    assert isinstance(dialog, AssignDialog)
    # meanwhile the item was settled (e.g. the station withdrew it, and a bundle arrived)
    store.items.move(number, State.WITHDRAWN, actor="李秀英", note="群众撤回")
    dialog.unit.setCurrentIndex(0)
    dialog.submit()
    assert dialog.isVisible() and "已撤回" in dialog.unit_error.text()
    assert store.items.item(number).state is State.WITHDRAWN


def test_units_button_opens_the_register(qtbot: QtBot, store: Store) -> None:
    """The editor itself: tests/ui/test_units_dialog.py."""
    page = open_page(qtbot, store)
    page.units_button.click()
    dialog = page.dialog
    assert isinstance(dialog, UnitRegisterDialog)
    assert dialog.units() == list(store.units.register())
    assert dialog.table.rowCount() == len(store.items.units())


def test_double_click_shows_the_item_read_only(qtbot: QtBot, store: Store) -> None:
    number = escalate(store, "低保申请请乡镇审核")
    assign(store, number, "民政办")
    store.items.move(
        number,
        State.RESOLVED,
        actor="乡镇",
        role=Role.TOWNSHIP,
        data={"result": "已审核", "unit": "民政办"},
        now=MONDAY,
    )
    page = open_page(qtbot, store)
    page.show_view("done")
    page.open_item(0)
    dialog = page.dialog
    assert isinstance(dialog, TownshipItemDialog)
    assert dialog.move_buttons == {}
    texts = [dialog.history.item(row, 4).text() for row in range(dialog.history.rowCount())]
    assert texts[-2:] == ["交办 民政办，期限 2026-11-27", "民政办办结：已审核"]
    dialog.accept()
    assert store.items.item(number).state is State.RESOLVED
