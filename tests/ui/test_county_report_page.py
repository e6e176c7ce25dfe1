"""The 月报 and 台账 pages at the county: a 乡镇 combo beside the 工作站 one, rows per township."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from qunzhong_desktop.ui.ledgers.assessment_dialog import AssessmentDialog
from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
from qunzhong_desktop.ui.ledgers.report_page import ReportPage
from tests.helpers.county_network import CountyNetwork, county_network

T1, T2 = "430121101", "430121102"


@pytest.fixture(scope="module")
def net(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CountyNetwork]:
    network = county_network(_template_dirs[0], tmp_path_factory.mktemp("county-ui"))
    yield network
    network.close()


def names(page: ReportPage) -> list[str]:
    table = page.stations_table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_county_page_has_rows_per_township_and_a_township_combo(
    qtbot: QtBot, net: CountyNetwork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ReportPage(net.county.store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(page)
    assert page.county and not page.township_combo.isHidden()
    combo = page.township_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "全县", "白沙镇群众工作办", "第1镇群众工作办"
    ]  # fmt: skip
    assert page.station_combo.count() == 4 and page.station_combo.itemText(0) == "全县"
    assert page.stations_caption.text() == "各乡镇情况"
    assert names(page) == ["白沙镇群众工作办", "第1镇群众工作办", "合计"]
    assert page.values["received"].text() == "12 件"
    combo.setCurrentIndex(combo.findData(T1))
    assert page.station_combo.count() == 3 and page.station_combo.itemText(0) == "全乡镇"
    assert page.stations_caption.text() == "各工作站情况"
    assert names(page) == ["第1村群众工作站", "第2村群众工作站", "合计"]
    assert page.values["received"].text() == "8 件"
    page.station_combo.setCurrentIndex(2)
    assert page.values["received"].text() == "3 件" and page.stations_table.isHidden()
    combo.setCurrentIndex(combo.findData(T2))
    assert page.values["received"].text() == "4 件"
    out = tmp_path / "t2.xlsx"
    monkeypatch.setattr(page, "ask_save_path", lambda: out)
    page.export_excel()
    sheet = load_workbook(out)["各工作站"]
    assert [sheet.cell(r, 1).value for r in (4, 5)] == ["第1镇第1村工作站", "合计"]


def test_the_township_page_has_no_township_combo(qtbot: QtBot, net: CountyNetwork) -> None:
    page = ReportPage(net.townships[T1].store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(page)
    assert not page.county and page.township_combo.isHidden()
    assert page.township_code() is None
    assert names(page) == ["第1村群众工作站", "第2村群众工作站", "合计"]


def test_the_county_ledger_has_a_township_combo(qtbot: QtBot, net: CountyNetwork) -> None:
    page = LedgerPage(net.county.store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(page)
    tab = page.items_tab
    assert tab.county and not tab.township_filter.isHidden()
    assert tab.count_label.text() == "共 12 件"
    assert tab.station.count() == 4  # 全部工作站 and the county's three
    tab.township_filter.setCurrentIndex(tab.township_filter.findData(T2))
    assert tab.station.count() == 2 and tab.count_label.text() == "共 4 件"
    assert tab.model.index(0, 1).data() == "第1镇群众工作办 第1镇第1村工作站"
    tab.township_filter.setCurrentIndex(tab.township_filter.findData(T1))
    tab.station.setCurrentIndex(2)
    assert tab.count_label.text() == "共 3 件"
    township = LedgerPage(net.townships[T1].store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(township)
    assert township.items_tab.township_filter.isHidden()


def test_the_support_ledger_narrows_to_a_township_and_a_station(
    qtbot: QtBot, net: CountyNetwork
) -> None:
    page = LedgerPage(net.county.store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(page)
    tab = page.support_tab
    assert not tab.township_filter.isHidden() and not tab.station.isHidden()
    everyone = tab.count_label.text()
    tab.township_filter.setCurrentIndex(tab.township_filter.findData(T2))
    assert tab.station.count() == 2 and tab.count_label.text() != everyone
    second = [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]  # 户号
    assert {tab.model.index(r, 1).data() for r in range(tab.model.rowCount())} == {
        "第1镇群众工作办 第1镇第1村工作站"
    }  # 工作站: households of several stations share their numbers
    tab.township_filter.setCurrentIndex(tab.township_filter.findData(T1))
    first = [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]
    assert first and second
    rows = []
    for index in (1, 2):  # 白沙镇's two stations: its households between them
        tab.station.setCurrentIndex(index)
        rows += [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]
    assert rows == first
    tab.township_filter.setCurrentIndex(0)
    tab.station.setCurrentIndex(0)
    assert tab.count_label.text() == everyone
    assert [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())] == first + second
    township = LedgerPage(net.townships[T1].store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(township)
    assert township.support_tab.township_filter.isHidden()
    assert not township.support_tab.station.isHidden()
    for read_only in (tab, township.support_tab):  # help is recorded at the stations
        assert read_only.add_button.isHidden() and read_only.row_actions(0) == []


def test_the_county_s_assessment_ranks_townships_and_offers_no_manual_points(
    qtbot: QtBot, net: CountyNetwork
) -> None:
    dialog = AssessmentDialog(net.county.store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(dialog)
    combo = dialog.township_combo
    assert dialog.county and not combo.isHidden()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "全县（各乡镇）", "白沙镇群众工作办", "第1镇群众工作办"
    ]  # fmt: skip
    table = dialog.table
    assert table.horizontalHeaderItem(1).text() == "乡镇"
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        "白沙镇群众工作办", "第1镇群众工作办"
    ]  # fmt: skip
    of = dialog.of_combo  # a township's units are its own register: not ranked here
    assert of.count() == 1 and not of.isEnabled() and "由各乡镇考评" in of.toolTip()
    table.selectRow(0)
    assert dialog.selected() is not None and dialog.print_button.isEnabled()
    # what the county cannot do is greyed before anything is typed, and says why
    for button in (dialog.manual_button, dialog.veto_button, dialog.unveto_button):
        assert not button.isHidden() and not button.isEnabled()
        assert "由各乡镇录入" in button.toolTip()
    assert "不能录入" in dialog.hint_label.text()
    dialog.enter_points()
    dialog.veto()
    assert dialog.form is None  # no form opens (a double click neither)
    combo.setCurrentIndex(combo.findData(T1))
    assert dialog.of_combo.currentText() == "工作站"
    assert table.horizontalHeaderItem(1).text() == "工作站"
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [
        "第1村群众工作站", "第2村群众工作站"
    ]  # fmt: skip
    assert dialog.sheet is not None and dialog.sheet.title.startswith("白沙镇群众工作办")
    table.selectRow(0)
    assert not dialog.manual_button.isEnabled() and not dialog.veto_button.isEnabled()


def test_the_township_s_assessment_keeps_its_manual_points(
    qtbot: QtBot, net: CountyNetwork
) -> None:
    dialog = AssessmentDialog(net.townships[T1].store, clock=lambda: dt.date(2026, 11, 30))
    qtbot.addWidget(dialog)
    assert not dialog.county and dialog.township_combo.isHidden()
    assert dialog.of_combo.count() == 2 and dialog.of_combo.isEnabled()
    assert dialog.township_code() is None
    dialog.table.selectRow(0)
    assert dialog.manual_button.isEnabled() and dialog.veto_button.isEnabled()
    assert dialog.manual_button.toolTip() == ""
