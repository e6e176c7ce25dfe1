"""The work list's model read by pages (issue 19): a count, and windows read as painted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.clock import Urgency
from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.intake.intake_page import IntakePage
from qunzhong_desktop.ui.intake.worklist_model import COL_NUMBER, COL_REQUESTER, WorkListModel
from tests.helpers.intake_data import FRIDAY, register


def fake_rows(ids: Sequence[str]) -> list[ItemRow]:
    """Rows for the ids given (the store's ``rows``: an id not found, here none, is left out)."""
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
            content="内容",
            handler="李秀英",
            state=State.REGISTERED,
            due_on=FRIDAY.date(),
            urgency=Urgency.ON_TIME,
        )
        for i in ids
    ]


class Pages:
    """A list of ``total`` fake rows, read a window at a time (the windows are recorded)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.windows: list[tuple[int, int]] = []

    def __call__(self, start: int, end: int) -> list[ItemRow]:
        self.windows.append((start, end))
        return fake_rows([str(i) for i in range(start, min(end, self.total))])


def test_pages_are_read_only_as_painted(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    pages = Pages(450_000)
    model = WorkListModel(fake_rows)
    model.set_pages(450_000, pages)
    assert model.rowCount() == 450_000 and pages.windows == []
    assert model.data(model.index(0, COL_NUMBER)) == "X-2026-00000"
    assert model.data(model.index(99, COL_NUMBER)) == "X-2026-00099"
    assert pages.windows == [(0, 100)]
    assert model.data(model.index(449_999, COL_NUMBER)) == "X-2026-449999"
    assert pages.windows == [(0, 100), (449_900, 450_000)]
    assert model.id_at(450) == "450" and model.id_at(450_000) is None and model.id_at(-1) is None
    assert model.ids() == [
        str(i) for i in (*range(100), *range(400, 500), *range(449_900, 450_000))
    ]
    small = WorkListModel(fake_rows)
    small.set_pages(30, Pages(30))
    qtmodeltester.check(small, force_py=True)


def test_a_row_is_found_again_near_where_it_was() -> None:
    pages = Pages(5_000)
    model = WorkListModel(fake_rows)
    model.set_pages(5_000, pages)
    assert model.row_of("4321") is None  # not read, and no hint: not searched
    assert pages.windows == []
    assert model.row_of("4321", near=4_250) == 4_321  # the block after the hint
    assert model.row_of("4321") == 4_321  # kept now
    assert model.row_of("12", near=4_250) is None  # far from the hint: not read for it
    assert (0, 100) not in pages.windows


def test_rows_the_window_no_longer_reaches_show_as_gone() -> None:
    model = WorkListModel(fake_rows)
    model.set_pages(120, Pages(110))  # counted 120; ten left before they were read
    assert model.data(model.index(105, COL_NUMBER)) == "X-2026-00105"
    assert model.data(model.index(115, COL_REQUESTER)) == "（已删除）"
    assert model.item_row(115) is None and model.id_at(115) is None
    model.set_ids(["1", "2"])  # back to a short list of ids
    assert model.rowCount() == 2 and model.ids() == ["1", "2"] and model.id_at(1) == "2"


def test_the_intake_page_counts_and_reads_the_first_page_only(qtbot: QtBot, store: Store) -> None:
    numbers = [register(store, FRIDAY + dt.timedelta(minutes=i)) for i in range(130)]
    page = IntakePage(store, clock=lambda: FRIDAY.replace(hour=15))
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    page.show_view("all")
    qtbot.waitUntil(lambda: page.model.rowCount() == 130)
    assert page.count_label.text().startswith("共 130 件")
    qtbot.waitUntil(lambda: page.model.fetch_count >= 1)
    assert page.model.fetch_count == 1  # the painted rows' block, not all 130
    assert page.model.item_row(0).number == numbers[-1]  # newest first
    assert page.model.item_row(129).number == numbers[0]
    page.table.selectRow(120)
    chosen = page.selected_id()
    assert chosen == store.items.search_ids(ItemFilter())[120]
    page.search()  # run again (as after an edit): the same item stays selected
    assert page.selected_id() == chosen and page.table.currentIndex().row() == 120
