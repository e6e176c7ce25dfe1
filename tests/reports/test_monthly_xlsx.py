"""The monthly report workbook, read back with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from qunzhong_desktop.core.monthly.report import DEFINITIONS, MonthlyReport, compute
from qunzhong_desktop.reports.monthly_xlsx import SHEETS, write_monthly_xlsx
from tests.helpers.monthly_data import CADRES, ITEMS, NOV, Weekdays


@pytest.fixture(scope="module")
def report() -> MonthlyReport:
    return compute(NOV, ITEMS, CADRES, calendar=Weekdays(), station_name="白沙村群众工作站")


def _rows(ws: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_workbook_has_the_five_sheets_with_every_figure(
    report: MonthlyReport, tmp_path: Path
) -> None:
    out = write_monthly_xlsx(report, tmp_path / "月报.xlsx")
    wb = load_workbook(out)
    assert (
        wb.sheetnames
        == list(SHEETS)
        == ["概况", "分类统计", "单位得分", "干部情况", "帮扶工作", "民情与信访"]
    )

    overview = _rows(wb["概况"])
    assert "白沙村群众工作站" in str(overview[0][0]) and "2026年11月" in str(overview[0][0])
    figures = {row[0]: row[1] for row in overview if row[0]}
    assert figures["本月受理"] == 10 and figures["本月办结"] == 5
    assert figures["月末在办"] == 6 and figures["月末超期"] == 3
    assert figures["上报"] == 2 and figures["本月回访"] == 4
    rates = {
        row[0]: row[1:4] for row in overview if row[0] in ("一次办结率", "按期办结率", "满意率")
    }
    assert rates == {"一次办结率": (0.6, 3, 5), "按期办结率": (0.8, 4, 5), "满意率": (0.75, 3, 4)}
    notes = [row[1] for row in overview if str(row[0]).partition(". ")[2] in dict(DEFINITIONS)]
    assert notes == [definition for _, definition in DEFINITIONS]
    assert any(wb["概况"].cell(r, 2).number_format == "0.0%" for r in range(1, 20))

    categories = _rows(wb["分类统计"])
    channel = {row[0]: row[1] for row in categories if row[0] and row[1] is not None}
    assert channel["来访"] == 4 and channel["来电"] == 2 and channel["A 重大紧急"] == 2
    domain = {row[4]: row[5] for row in categories if len(row) > 5 and row[4]}
    assert domain["社会保障"] == 3 and domain["合计"] == 10

    units = _rows(wb["单位得分"])
    assert units[0] == ("序号", "责任单位", "本月办结（+1）", "月末未办结（−0.3）", "得分")
    assert units[1:] == [(1, "镇民政办", 1, 1, 0.7), (2, "镇派出所", 0, 2, -0.6)]

    cadres = _rows(wb["干部情况"])
    assert cadres[0][:3] == ("姓名", "类别", "单位") and cadres[0][8] == "规则"
    by_name = {row[0]: row for row in cadres[1:]}
    assert by_name["甲"][1:2] + by_name["甲"][3:7] == ("乡驻村干部", 10, 2, 0, "达标")
    assert by_name["乙"][6] == "不达标" and "坐班 1 天，少于 2 天" in str(by_name["乙"][7])
    assert "坐班 ≥ 2 天" in str(by_name["乙"][8])
    assert by_name["丁"][6] == "不考核"


def test_print_setup_and_widths(report: MonthlyReport, tmp_path: Path) -> None:
    wb = load_workbook(write_monthly_xlsx(report, tmp_path / "m.xlsx"))
    for ws in wb.worksheets:
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
        assert ws.page_setup.orientation == "portrait"
        assert ws.column_dimensions["A"].width >= 6
    assert wb["干部情况"].print_title_rows == "$1:$1"
    assert wb["干部情况"].freeze_panes == "A2"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
