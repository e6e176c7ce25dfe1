from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.clock import Urgency
from qunzhong_desktop.core.intake.records import ItemRow
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.intake.intake_page import IntakePage
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.intake.item_figures import ItemFigures
from qunzhong_desktop.ui.intake.worklist_model import (
    COL_CONTENT,
    COL_NUMBER,
    COL_REQUESTER,
    COL_STATE,
    COL_URGENCY,
    URGENCY_COLOURS,
    WorkListModel,
)
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.register_data import type_text

RED = QColor(URGENCY_COLOURS[Urgency.OVERDUE])
AMBER = QColor(URGENCY_COLOURS[Urgency.DUE_SOON])
GREEN = QColor(URGENCY_COLOURS[Urgency.ON_TIME])
GREY = QColor(URGENCY_COLOURS[Urgency.PAUSED])


def fake_rows(ids: Sequence[str]) -> list[ItemRow]:
    urgencies = list(Urgency)
    return [
        ItemRow(
            id=i,
            number=f"X-2026-{int(i):05d}",
            received_at=FRIDAY,
            requester_name=f"人{i}",
            channel="来访",
            domain="其他",
            grade="B",
            item_type="承诺件",
            content="内容" * 40,
            handler="李秀英",
            state=State.REGISTERED,
            due_on=FRIDAY.date(),
            urgency=urgencies[int(i) % len(urgencies)],
        )
        for i in ids
        if int(i) != 7  # one row deleted meanwhile
    ]


def test_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = WorkListModel(fake_rows)
    model.set_ids([str(i) for i in range(30)])
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(7, COL_REQUESTER)) == "（已删除）"
    content = model.data(model.index(1, COL_CONTENT))
    assert len(content) == 40 and content.endswith("…")
    assert model.data(model.index(1, COL_NUMBER), Qt.ItemDataRole.ToolTipRole).endswith("内容")


def test_rows_are_fetched_lazily_in_blocks() -> None:
    fetched: list[int] = []

    def rows(ids: Sequence[str]) -> list[ItemRow]:
        fetched.append(len(ids))
        return fake_rows(ids)

    model = WorkListModel(rows)
    model.set_ids([str(i) for i in range(250)])
    assert model.fetch_count == 0
    model.data(model.index(0, COL_NUMBER))
    model.data(model.index(99, COL_NUMBER))
    assert fetched == [100]
    model.data(model.index(249, COL_NUMBER))
    assert fetched == [100, 50]
    model.refresh()
    model.data(model.index(5, COL_NUMBER))
    assert model.fetch_count == 3


@pytest.fixture
def items(store: Store) -> dict[str, str]:
    monday = dt.datetime(2026, 11, 2, 9, 0)
    return {
        "overdue": register(store, monday, content="低保复核材料", grade="A"),  # due 9 Nov
        "amber": register(store, dt.datetime(2026, 11, 13, 9, 0), domain="证照代办"),  # 20 Nov
        "green": register(store, FRIDAY, content="路灯不亮", domain="基础设施", channel="来电"),
        "paused": register(store, FRIDAY, item_type="补办件", content="缺户口本"),
        "escalated": register(store, FRIDAY, item_type="上报件", content="河道清淤"),
        "done": register(store, monday, item_type="即办件", result="当场答复", content="政策"),
    }


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(FRIDAY.replace(hour=15))


@pytest.fixture
def page(qtbot: QtBot, store: Store, items: dict[str, str], clock: Clock) -> IntakePage:
    del items
    widget = IntakePage(store, clock=clock)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_view("all")
    return widget


def row_colour(page: IntakePage, number: str) -> QColor | None:
    for row in range(page.model.rowCount()):
        if page.model.data(page.model.index(row, COL_NUMBER)) == number:
            return page.model.data(
                page.model.index(row, COL_CONTENT), Qt.ItemDataRole.BackgroundRole
            )
    raise AssertionError(number)


def numbers(page: IntakePage) -> list[str]:
    return [page.model.data(page.model.index(r, COL_NUMBER)) for r in range(page.model.rowCount())]


def test_urgency_colours_the_rows(page: IntakePage, items: dict[str, str]) -> None:
    assert page.model.rowCount() == 6
    assert row_colour(page, items["overdue"]) == RED
    assert row_colour(page, items["amber"]) == AMBER
    assert row_colour(page, items["green"]) == GREEN
    assert row_colour(page, items["paused"]) == GREY
    assert row_colour(page, items["done"]) is None
    row = numbers(page).index(items["overdue"])
    late = page.model.data(page.model.index(row, COL_URGENCY))
    assert late.startswith("超期 ") and late.endswith(" 天"), late  # a number, not just 已超期
    assert int(late.split()[1]) >= 1


def test_an_item_turns_red_when_its_date_passes(
    page: IntakePage, items: dict[str, str], clock: Clock
) -> None:
    assert row_colour(page, items["green"]) == GREEN
    clock.now = dt.datetime(2026, 12, 14, 9, 0)  # 基础设施: 15 working days → 11 December
    page.refresh()
    assert row_colour(page, items["green"]) == RED
    assert page.views.item(3).text() == "已超期（4）"  # the escalated one too


def test_the_lists_and_their_counts(page: IntakePage, items: dict[str, str]) -> None:
    texts = [page.views.item(i).text() for i in range(page.views.count())]
    assert texts == [
        "新登记", "我的事项（6）", "即将到期（1）", "已超期（1）", "待补件（1）", "已上报（1）",
        "待领取（0）", "待回访/销号（1）", "已办结/已销号（1）", "全部事项（6）",
    ]  # fmt: skip
    page.show_view("overdue")
    assert numbers(page) == [items["overdue"]]
    assert page.count_label.text() == "共 1 件"
    page.show_view("documents")
    assert numbers(page) == [items["paused"]]
    page.show_view("new")
    assert page.stack.currentWidget() is page.form


def test_filters_narrow_the_list(qtbot: QtBot, page: IntakePage, items: dict[str, str]) -> None:
    page.grade.setCurrentIndex(page.grade.findData("A"))
    assert numbers(page) == [items["overdue"]]
    page.grade.setCurrentIndex(0)
    page.channel.setCurrentIndex(page.channel.findData("来电"))
    assert numbers(page) == [items["green"]]
    page.channel.setCurrentIndex(0)
    page.domain.setCurrentIndex(page.domain.findData("证照代办"))
    assert numbers(page) == [items["amber"]]
    page.domain.setCurrentIndex(0)
    page.state.setCurrentIndex(page.state.findData(State.ESCALATED.value))
    assert numbers(page) == [items["escalated"]]
    page.show_view("overdue")  # 已超期 and 已上报 exclude each other
    assert numbers(page) == []
    page.state.setCurrentIndex(0)
    page.show_view("all")
    page.period.setCurrentIndex(page.period.findData(0))  # today
    assert set(numbers(page)) == {items["green"], items["paused"], items["escalated"]}
    page.period.setCurrentIndex(0)
    page.order.setCurrentIndex(1)  # oldest first
    assert numbers(page)[0] in (items["overdue"], items["done"])
    type_text(qtbot, page.text, "路灯")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert numbers(page) == [items["green"]]


def test_grid_filter(qtbot: QtBot, store: Store, clock: Clock) -> None:
    from tests.helpers.register_data import seed

    seed(store, 3)
    zhang = store.register.search_persons("zsf")[0]
    register(store, FRIDAY, requester_name="", requester_phone="", requester_person_id=zhang.id)
    register(store, FRIDAY)
    page = IntakePage(store, clock=clock)
    qtbot.addWidget(page)
    page.show_view("all")
    assert page.model.rowCount() == 2
    page.grid.setCurrentIndex(page.grid.findText("第1网格"))
    assert page.model.rowCount() == 1


def test_enter_opens_the_item_page(qtbot: QtBot, page: IntakePage, items: dict[str, str]) -> None:
    page.table.setFocus()
    page.table.selectRow(numbers(page).index(items["green"]))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, ItemDialog)
    assert dialog.item.number == items["green"]
    dialog.apply_move(State.IN_PROGRESS, "", {})
    dialog.accept()
    assert (
        page.model.data(page.model.index(numbers(page).index(items["green"]), COL_STATE))
        == "办理中"
    )


def test_dashboard_figures(qtbot: QtBot, store: Store, items: dict[str, str]) -> None:
    del items
    figures = ItemFigures(store, today=FRIDAY.date)
    qtbot.addWidget(figures)
    figures.refresh()
    assert figures.buttons["received_today"].text() == "3\n今日受理"
    assert figures.buttons["overdue"].text() == "1\n已超期"
    assert "#ffcdd2" in figures.buttons["overdue"].styleSheet()
    with qtbot.waitSignal(figures.open_view) as signal:
        figures.buttons["overdue"].click()
    assert signal.args == ["overdue"]


def test_every_start_page_figure_is_the_length_of_the_list_it_opens(
    qtbot: QtBot, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12: 待回访 said 23 while its list held 33; 已超期 = ``items list --overdue``."""
    import json

    from qunzhong_desktop.cli import main
    from qunzhong_desktop.core.intake.worklists import FIGURE_VIEWS, view_filter

    assert main(["--home", str(store.home), "demo", "--households", "30", "--items", "150"]) == 0
    figures = ItemFigures(store)
    qtbot.addWidget(figures)
    figures.refresh()
    shown = {key: int(b.text().split()[0]) for key, b in figures.buttons.items()}
    for key, view in FIGURE_VIEWS.items():
        if view is not None:
            assert shown[key] == len(store.items.search_ids(view_filter(view))), key
    capsys.readouterr()
    assert main(["--home", str(store.home), "items", "list", "--overdue", "--json"]) == 0
    assert shown["overdue"] == len(json.loads(capsys.readouterr().out)) > 0
    assert shown["to_follow_up"] > 0
