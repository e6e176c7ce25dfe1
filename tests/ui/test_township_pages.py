"""台账 and 月报 at the township: the 工作站 filter, the 工作站 column, the per-station table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.list_parts import caption_of
from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
from qunzhong_desktop.ui.ledgers.report_page import ReportPage
from tests.helpers.reports_built import township as built_township
from tests.helpers.township_data import AFTER, TOWNSHIP_NAME, Township

ONE, TWO = "第1村群众工作站", "第2村群众工作站"


@pytest.fixture(scope="module")
def tw(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Township]:
    built = built_township(
        _template_dirs[0], tmp_path_factory, tmp_path_factory.mktemp("township") / "net"
    )
    yield built
    built.close()


def test_item_ledger_at_the_township_filters_by_station(
    qtbot: QtBot, tw: Township, tmp_path: Path
) -> None:
    page = LedgerPage(tw.township.store, clock=lambda: AFTER)
    qtbot.addWidget(page)
    tab = page.items_tab
    assert not tab.station.isHidden()
    assert [tab.station.itemText(i) for i in range(tab.station.count())] == [
        "全部工作站",
        ONE,
        TWO,
    ]
    model = tab.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "工作站"
    assert model.rowCount() == 6 and tab.count_label.text() == "共 6 件"
    tab.station.setCurrentIndex(tab.station.findData(tw.two.code))
    assert model.rowCount() == 3
    assert {model.data(model.index(r, 1)) for r in range(3)} == {TWO}
    assert [model.data(model.index(r, 2)) for r in range(3)] == tw.b
    out = tmp_path / "two.xlsx"
    tab.export_to(out)
    ws = load_workbook(out).active
    assert ws is not None and ws.max_row == 2 + 3
    assert ws["A1"].value == f"{TOWNSHIP_NAME}民情台账（{TWO}）（全部）"
    page.refresh()  # keeps the choice
    assert tab.station.currentData() == tw.two.code and model.rowCount() == 3


def test_the_township_sees_a_summary_per_station(qtbot: QtBot, tw: Township) -> None:
    """Issue 12, township extras: 各站汇总 — each station's items at a glance."""
    from qunzhong_desktop.core.intake.records import ItemFilter

    page = LedgerPage(tw.township.store, clock=lambda: AFTER)
    qtbot.addWidget(page)
    assert page.summary_tab is not None
    assert page.tabText(page.indexOf(page.summary_tab)) == "各站汇总"
    assert page.needs_tab is None  # 帮扶需求 are reported and checked at the stations only
    table = page.summary_tab.table
    items = tw.township.store.items
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert len(rows) == 2
    for node in (tw.one, tw.two):
        (row,) = [r for text, r in rows.items() if node.code in text]
        received = len(items.search_ids(ItemFilter(station_code=node.code)))
        overdue = len(
            items.search_ids(ItemFilter(station_code=node.code, overdue=True), today=AFTER)
        )
        assert int(table.item(row, 1).text()) == received > 0
        assert int(table.item(row, 3).text()) == overdue
    assert f"受理 {len(items.search_ids(ItemFilter()))} 件" in page.summary_tab.total_label.text()


def test_item_ledger_at_a_station_has_no_station_filter(qtbot: QtBot, store: Store) -> None:
    page = LedgerPage(store, clock=lambda: AFTER)
    qtbot.addWidget(page)
    tab = page.items_tab
    assert page.summary_tab is None  # a station has no stations to sum up
    caption = caption_of(tab.station)
    assert caption is not None and caption.text() == "工作站"
    assert tab.station.isHidden() and caption.isHidden()
    assert tab.model.headerData(1, Qt.Orientation.Horizontal) == "编号"
    assert tab.current_filter().station_code is None


def test_report_tab_at_the_township_shows_each_station(qtbot: QtBot, tw: Township) -> None:
    page = ReportPage(tw.township.store, clock=lambda: AFTER)
    qtbot.addWidget(page)
    page.month_edit.setDate(QDate(2026, 11, 1))
    assert not page.station_combo.isHidden() and not page.stations_table.isHidden()
    table = page.stations_table
    cells = [[table.item(r, c).text() for c in range(8)] for r in range(table.rowCount())]
    assert cells == [
        [ONE, "3", "2", "1", "1", "100.0%（2/2）", "100.0%（2/2）", "50.0%（1/2）"],
        [TWO, "2", "1", "1", "0", "100.0%（1/1）", "0.0%（0/1）", "—（0/0）"],
        ["合计", "5", "3", "2", "1", "100.0%（3/3）", "66.7%（2/3）", "50.0%（1/2）"],
    ]
    assert page.values["received"].text() == "5 件"
    assert page.values["units"].text() == "民政办 +1.0"
    # one station: its own report, without the per-station table
    page.station_combo.setCurrentIndex(page.station_combo.findData(tw.one.code))
    assert page.stations_table.isHidden()
    assert page.values["received"].text() == "3 件"
    assert page.report is not None and page.report.station_name == ONE


def test_report_tab_at_a_station_has_no_station_choice(qtbot: QtBot, store: Store) -> None:
    page = ReportPage(store, clock=lambda: AFTER)
    qtbot.addWidget(page)
    assert page.station_combo.isHidden() and page.stations_table.isHidden()
    assert page.station_code() is None and page.township_report is None


def test_the_township_prints_a_stations_contact_cards(
    qtbot: QtBot, _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    """Issue 12, township extras: contact cards for a chosen station (or all)."""
    from pypdf import PdfReader

    from qunzhong_desktop.core.entities import Household, Person
    from qunzhong_desktop.ui.register import CardsDialog
    from tests.helpers.network import make_station, make_township

    township = make_township(_template_dirs[0], tmp_path / "township")
    one = make_station(_template_dirs[0], tmp_path / "s1", township, 1)
    two = make_station(_template_dirs[0], tmp_path / "s2", township, 2)
    try:
        for node, count in ((one, 2), (two, 3)):
            for n in range(count):
                node.store.register.save_household(
                    Household(number=f"{n + 1:03d}", members=[Person(name=f"户主{n}")])
                )
            township.sync.import_bundle(node.export(tmp_path / node.code)[0], township.keys)
        page = LedgerPage(township.store, clock=lambda: AFTER)
        qtbot.addWidget(page)
        tab = page.summary_tab
        assert tab is not None and tab.cards_button.text() == "打印联系卡…"
        tab.table.selectRow(tab.codes.index(two.code))
        tab.cards_button.click()
        dialog = tab.cards_dialog
        assert isinstance(dialog, CardsDialog) and dialog.station() == two.code
        assert dialog.selected_radio.isHidden()  # no households are selected at a township
        assert dialog.all_radio.text() == "全部（3 户）"
        assert dialog._document_name() == f"白沙镇群众工作办-{TWO}-便民服务联系卡-{_today()}.pdf"
        out = tmp_path / "two.pdf"
        dialog.set_scope("all")
        with qtbot.waitSignal(dialog.cardsIssued) as blocker:
            dialog.save_pdf_to(out)
        assert blocker.args == [0]  # nothing recorded at the township
        text = "".join(p.extract_text() for p in PdfReader(out).pages)
        assert TWO in text and ONE not in text
        dialog.station_combo.setCurrentIndex(0)  # 全部工作站
        assert dialog.station() is None and dialog.all_radio.text() == "全部（5 户）"
        dialog.close()
    finally:
        for node in (township, one, two):
            node.close()


def _today() -> str:
    import datetime as dt

    return f"{dt.date.today():%Y年%m月%d日}"
