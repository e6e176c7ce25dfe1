"""The 月报 tab over other periods: 统计期间, the comparison figures, the ranking, the files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.monthly.period import Kind
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.ledgers.report_page import ReportPage
from tests.helpers.printing import RecordingOutput

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def page(qtbot: QtBot, store: Store) -> ReportPage:
    def item(day: dt.date, *, done: bool) -> None:
        new = (
            NewItem("来电", "政策咨询", "C", "即办件", "咨询", "李四", result="当场答复")
            if done
            else NewItem("来访", "社会保障", "B", "承诺件", "咨询养老保险", "王大爷")
        )
        store.items.register_item(new, actor="李秀英", now=dt.datetime.combine(day, dt.time(9)))

    item(dt.date(2026, 11, 5), done=True)
    item(dt.date(2026, 11, 6), done=False)
    item(dt.date(2025, 9, 8), done=True)  # the same half a year before
    page = ReportPage(store, clock=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def _cells(table: object) -> list[list[str]]:
    t = table  # a QTableWidget
    return [
        [t.item(r, c).text() for c in range(t.columnCount())]  # type: ignore[attr-defined]
        for r in range(t.rowCount())  # type: ignore[attr-defined]
    ]


def _choose_second_half(page: ReportPage) -> None:
    picker = page.period_picker
    picker.set_kind(Kind.HALF)
    picker.year_spin.setValue(2026)
    picker.part_combo.setCurrentIndex(picker.part_combo.findText("下半年"))


def test_a_half_year_beside_the_half_before_and_a_year_before(page: ReportPage) -> None:
    assert page.period_picker.kind() is Kind.MONTH and page.period_panel.isHidden()
    _choose_second_half(page)
    assert page.month_edit.isHidden() and page.figures_frame.isHidden()
    assert not page.period_panel.isHidden()
    report = page.period_panel.report
    assert report is not None and report.period.code == "2026-H2"
    rows = {row[0]: row for row in _cells(page.period_panel.comparison_table)}
    assert rows["受理"] == ["受理", "2", "0", "+2", "1", "+1（+100%）"]
    assert rows["办结"][1:3] == ["1", "0"]
    assert rows["一次办结率"][1] == "100.0%（1/1）"
    assert "2026年下半年" in page.status_label.text()
    assert "梳理问题 2 件" in page.period_panel.cumulative_label.text()
    header = page.period_panel.comparison_table.horizontalHeaderItem(2)
    assert header is not None and "2026年上半年" in header.text()
    units = _cells(page.period_panel.units_table)
    assert units and all(len(row) == 7 for row in units)
    voice = {row[0]: row for row in _cells(page.period_panel.voice_table)}
    assert "阅办率" in voice and "民情恳谈会" in voice and len(voice["阅办率"]) == 6
    assert page.period_panel.sections.tabText(1) == "民情与信访"
    # back to a month: the month's figures as before
    page.period_picker.set_kind(Kind.MONTH)
    assert page.period_panel.isHidden() and not page.figures_frame.isHidden()
    assert page.values["received"].text() == "2 件"


def test_quarter_year_to_date_and_a_range(page: ReportPage) -> None:
    picker = page.period_picker
    picker.set_kind(Kind.QUARTER)
    assert picker.part_combo.currentText() == "第四季度"  # today's
    assert page.period_panel.report is not None
    assert page.period_panel.report.period.code == "2026-Q4"
    picker.set_kind(Kind.YEAR_TO_DATE)
    assert page.period_panel.report.title.startswith("2026年1月1日至11月20日")
    picker.year_spin.setValue(2027)  # not begun: said, nothing computed
    assert "还没有开始" in page.status_label.text()
    picker.set_kind(Kind.RANGE)
    picker.first_edit.setDate(QDate(2025, 9, 1))
    picker.last_edit.setDate(QDate(2025, 9, 30))
    rows = {row[0]: row for row in _cells(page.period_panel.comparison_table)}
    assert rows["受理"][1] == "1"
    picker.last_edit.setDate(QDate(2025, 8, 1))  # before the start
    assert "早于开始日" in page.status_label.text()


def test_exports_write_the_period_files(
    page: ReportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: RecordingOutput
) -> None:
    _choose_second_half(page)
    out = tmp_path / "h2.xlsx"
    monkeypatch.setattr(page, "ask_save_path", lambda: out)
    page.export_excel()
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "概况" and "化解情况成效表" in wb.sheetnames
    assert str(wb["概况"]["A1"].value).endswith("民情报表 2026年下半年（截至 11月20日）")
    assert str(out) in page.status_label.text()
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")
    page.print_pdf()
    [shown] = printed.shown
    assert shown.pdf.startswith(b"%PDF") and shown.title == "民情报表 2026年下半年"


def test_the_cadres_count_line(qtbot: QtBot) -> None:
    import dataclasses

    from qunzhong_desktop.core.monthly.cadre_period import CadrePeriod
    from qunzhong_desktop.core.monthly.period import quarter
    from qunzhong_desktop.core.monthly.period_report import period_report
    from qunzhong_desktop.core.monthly.report import Month
    from qunzhong_desktop.ui.ledgers.period_view import PeriodPanel
    from tests.helpers.monthly_data import Weekdays

    def cadre(name: str, short: bool) -> CadrePeriod:
        months = (Month(2026, 7),)
        reasons = ((months[0], ("在村 7 天，少于 10 天",)),) if short else ()
        return CadrePeriod(name, "", "干部", "乡驻村干部", "", 7, 0, 0, True, months, reasons)

    panel = PeriodPanel()
    qtbot.addWidget(panel)
    empty = period_report(quarter(2026, 3), [], {}, calendar=Weekdays(), today=TODAY)
    panel.show_report(empty)
    assert panel.cadres_label.isHidden()
    panel.show_report(
        dataclasses.replace(empty, cadres=(cadre("赵一", True), cadre("钱二", False)))
    )
    assert not panel.cadres_label.isHidden()
    assert panel.cadres_label.text().startswith("干部民情日记：干部 2 名，未达标 1 名")
    assert panel.cadres_label.toolTip() == "未达标：赵一"
