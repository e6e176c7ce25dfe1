"""Clicking a column title sorts the list in the database, naturally (issue 12, item 2)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.entities import Grid, Household, Person
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.intake.intake_page import IntakePage
from qunzhong_desktop.ui.intake.item_dialog import ItemDialog
from qunzhong_desktop.ui.intake.worklist_model import COL_CONTENT, COL_NUMBER, COL_RECEIVED
from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
from qunzhong_desktop.ui.register.household_model import COL_GRID, COL_ID
from qunzhong_desktop.ui.register.household_model import COL_NUMBER as HH_NO
from qunzhong_desktop.ui.register.register_page import RegisterPage
from tests.helpers.intake_data import FRIDAY, register


def click_header(qtbot: QtBot, table, column: int) -> None:  # type: ignore[no-untyped-def]
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def not_elided(table, column: int, text: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a key column is wide enough for ``text`` at the default width."""
    return table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(text) + 8


def test_register_sorts_by_its_headers(qtbot: QtBot, store: Store, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    grids = {n: store.register.save_grid(Grid(name=n)) for n in ("十组", "二组", "一组")}
    for number, grid in (("0020", "一组"), ("002", "十组"), ("0019", "二组")):
        store.register.save_household(
            Household(number=number, grid_id=grids[grid].id, members=[Person(name="户主", relation="户主")])
        )  # fmt: skip
    page = RegisterPage(store)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    model = page.model

    def shown(column: int) -> list[str]:
        return [model.data(model.index(r, column)) for r in range(model.rowCount())]

    assert shown(HH_NO) == ["002", "0019", "0020"]  # natural, not "0019", "002", "0020"
    click_header(qtbot, page.table, COL_GRID)
    assert shown(COL_GRID) == ["一组", "二组", "十组"]
    click_header(qtbot, page.table, COL_GRID)
    assert shown(COL_GRID) == ["十组", "二组", "一组"]
    click_header(qtbot, page.table, COL_ID)  # an ID number does not sort: the order stays
    assert shown(COL_GRID) == ["十组", "二组", "一组"]
    assert page.table.horizontalHeader().sortIndicatorSection() == COL_GRID
    qtmodeltester.check(model)


def test_work_list_sorts_by_number_and_back_to_its_own_order(
    qtbot: QtBot,
    store: Store,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    numbers = [register(store, FRIDAY + dt.timedelta(hours=h)) for h in range(3)]
    page = IntakePage(store, clock=lambda: FRIDAY + dt.timedelta(days=1))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.show_view("all")
    model = page.model

    def shown() -> list[str]:
        return [model.data(model.index(r, COL_NUMBER)) for r in range(model.rowCount())]

    assert shown() == numbers[::-1]  # newest first
    assert not_elided(page.table, COL_NUMBER, numbers[0])
    click_header(qtbot, page.table, COL_NUMBER)
    assert shown() == numbers
    click_header(qtbot, page.table, COL_CONTENT)  # content does not sort
    assert shown() == numbers
    click_header(qtbot, page.table, COL_RECEIVED)
    assert shown() == numbers
    page.order.setCurrentIndex(0)
    page.order.setCurrentIndex(1)  # 最早受理在前: the column titles are unmarked again
    assert page.table.horizontalHeader().sortIndicatorSection() == -1
    assert shown() == numbers
    qtmodeltester.check(model)


def test_ledger_sorts_and_double_click_opens_the_item(qtbot: QtBot, store: Store) -> None:
    numbers = [register(store, FRIDAY + dt.timedelta(hours=h)) for h in range(3)]
    page = LedgerPage(store, clock=FRIDAY.date)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    tab = page.items_tab
    assert not_elided(tab.table, 1, numbers[0])
    click_header(qtbot, tab.table, 1)  # 编号
    click_header(qtbot, tab.table, 1)
    assert [tab.model.data(tab.model.index(r, 1)) for r in range(3)] == numbers[::-1]
    tab.table.activated.emit(tab.model.index(0, 3))
    assert isinstance(tab.dialog, ItemDialog)
    assert tab.dialog.item.number == numbers[-1]
    tab.dialog.close()


def test_right_click_menus_fit_the_row(qtbot: QtBot, store: Store) -> None:
    from PySide6.QtWidgets import QApplication

    from qunzhong_desktop.ui.common.list_parts import menu_for

    store.register.save_household(
        Household(number="007", members=[Person(name="王大爷", relation="户主")])
    )
    page = RegisterPage(store)
    qtbot.addWidget(page)
    page.show()
    menu = menu_for(page.table, 0)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "编辑…", "打印联系卡…", "结对干部…", "显示完整号码", "复制户号", "复制户主姓名", "删除…",
    ]  # fmt: skip
    next(a for a in menu.actions() if a.text() == "复制户号").trigger()
    assert QApplication.clipboard().text() == "007"
    next(a for a in menu.actions() if a.text() == "显示完整号码").trigger()
    assert page.full_check.isChecked()
    assert "隐藏完整号码" in [a.text() for a in menu_for(page.table, 0).actions()]

    number = register(store, FRIDAY)
    intake = IntakePage(store, clock=lambda: FRIDAY + dt.timedelta(days=1))
    qtbot.addWidget(intake)
    intake.show()
    intake.show_view("all")
    actions = {a.text(): a for a in menu_for(intake.table, 0).actions()}
    actions["复制编号"].trigger()
    assert QApplication.clipboard().text() == number
    actions["打开事项…"].trigger()
    assert isinstance(intake.dialog, ItemDialog) and intake.dialog.item.number == number
    intake.dialog.close()
