"""The monthly report (民情月报) as an .xlsx workbook that opens in Excel and WPS.

Sheets 概况 (the overall figures, each rate with its numerator and denominator, and the
definitions), 分类统计 (by channel, grade and domain), 单位得分 and 干部情况. Chinese headers,
column widths, frozen header rows, A4 portrait print setup with the header row repeated.
Written to a temporary file and renamed when complete.

A township's workbook (:class:`.monthly_stations.TownshipReport`) has one more sheet after
概况: 各工作站, a row per station and the township's 合计.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qunzhong_desktop.core.assistance_figures import AssistanceFigures
from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.core.monthly.report import MonthlyReport, Rate
from qunzhong_desktop.core.monthly.stations import (
    STATION_HEADERS,
    STATION_NOTE,
    StationFigures,
    TownshipReport,
    parts,
    row_headers,
    row_note,
)
from qunzhong_desktop.core.monthly.voice import VoiceFigures
from qunzhong_desktop.reports import cells
from qunzhong_desktop.reports import monthly_assistance as aid
from qunzhong_desktop.reports import monthly_voice as said
from qunzhong_desktop.reports.monthly_output import write_atomically

SHEETS: tuple[str, ...] = ("概况", "分类统计", "单位得分", "干部情况", "帮扶工作", "民情与信访")
STATIONS_SHEET = "各工作站"
TOWNSHIP_SHEETS: tuple[str, ...] = (SHEETS[0], STATIONS_SHEET, *SHEETS[1:])

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_SHORT_FILL = PatternFill("solid", fgColor="FCE4D6")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_PERCENT = "0.0%"


def _width(text: object) -> int:
    """Characters as a spreadsheet column counts them: CJK and full-width count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _print_setup(ws: Worksheet, header_row: int | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.freeze_panes = f"A{header_row + 1}"


def _table(
    ws: Worksheet,
    top: int,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: list[int],
    *,
    left: int = 1,
) -> int:
    """Write a boxed table with a shaded header; returns the row after it."""
    for col, label in enumerate(header, start=left):
        cell = ws.cell(top, col, label)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
        widths[col - 1] = max(widths[col - 1], _width(label) + 2)
    for r, row in enumerate(rows, start=top + 1):
        for col, value in enumerate(row, start=left):
            cell = cells.write(ws.cell(r, col), value)
            cell.border = _BOX
            cell.alignment = Alignment(vertical="center", wrap_text=isinstance(value, str))
            widths[col - 1] = max(widths[col - 1], min(_width(value) + 2, 50))
    return top + 1 + len(rows)


def _apply_widths(ws: Worksheet, widths: list[int]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = max(width, 8)


def _rate_row(label: str, rate: Rate) -> list[object]:
    return [label, rate.value if rate.value is not None else "—", rate.numerator, rate.denominator]


def _overview(ws: Worksheet, r: MonthlyReport) -> None:
    ws.title = SHEETS[0]
    station = r.station_name or "群众工作站"
    ws["A1"] = f"{station} 民情月报（{r.period_title}）"
    ws["A1"].font = _TITLE
    ws.merge_cells("A1:D1")
    widths = [14, 14, 10, 10]
    rows: list[list[object]] = [
        ["本月受理", r.received, "件", ""],
        ["本月办结", r.resolved, "件", ""],
        ["月末在办", r.in_progress, "件", ""],
        ["月末超期", r.overdue, "件", ""],
        ["上报", r.escalations, "次", ""],
        ["本月回访", r.satisfaction.denominator, "次", ""],
    ]
    after = _table(ws, 3, ["指标", "数值", "单位", ""], rows, widths)
    rates = [
        _rate_row("一次办结率", r.first_time),
        _rate_row("按期办结率", r.on_time),
        _rate_row("满意率", r.satisfaction),
    ]
    end = _table(ws, after + 1, ["比率", "比率值", "分子", "分母"], rates, widths)
    for row in range(after + 2, end):
        ws.cell(row, 2).number_format = _PERCENT
        ws.cell(row, 2).alignment = Alignment(horizontal="right")
    top = end + 1
    ws.cell(top, 1, "注：指标口径").font = _BOLD
    for n, (term, text) in enumerate(r.definitions, start=1):
        row = top + n
        ws.cell(row, 1, f"{n}. {term}")
        ws.cell(row, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        ws.cell(row, 1).alignment = Alignment(vertical="top")
        # merged cells do not grow by themselves: about 17 characters a line in B:D
        ws.row_dimensions[row].height = 15 * (1 + len(text) // 17)
    widths[1] = 30
    widths[2] = widths[3] = 16
    _apply_widths(ws, widths)
    _print_setup(ws, None)


def _stations(ws: Worksheet, township: TownshipReport) -> None:
    ws["A1"] = f"各{township.rows_label}情况（{township.overall.period_title}）"
    ws["A1"].font = _TITLE

    def row(f: StationFigures) -> list[object]:
        rates = [x.value if x.value is not None else "—" for x in f.rates]
        return [f.name, *f.counts, *rates]

    rows = [row(f) for f in township.stations]
    rows.append(row(township.total))
    widths = [24, 8, 8, 8, 8, 12, 12, 10]
    end = _table(ws, 3, row_headers(STATION_HEADERS, township.rows_label), rows, widths)
    for r in range(4, end):
        for col in (6, 7, 8):
            cell = ws.cell(r, col)
            cell.number_format = _PERCENT
            cell.alignment = Alignment(horizontal="right", vertical="center")
    for col in range(1, len(STATION_HEADERS) + 1):
        ws.cell(end - 1, col).font = _BOLD
    note = ws.cell(end + 1, 1, f"注：{row_note(STATION_NOTE, township.rows_label, township.whole)}")
    note.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=end + 1, start_column=1, end_row=end + 1, end_column=8)
    ws.row_dimensions[end + 1].height = 45
    _apply_widths(ws, widths)
    _print_setup(ws, 3)


def _categories(ws: Worksheet, r: MonthlyReport) -> None:
    widths = [16, 8, 10, 3, 16, 8, 10]
    ws["A1"] = f"受理分类统计（{r.month.title}）"
    ws["A1"].font = _TITLE

    def rows(pairs: Sequence[tuple[str, int]]) -> list[list[object]]:
        total = sum(n for _, n in pairs)
        out: list[list[object]] = [[k, n, n / total if total else "—"] for k, n in pairs]
        out.append(["合计", total, 1 if total else "—"])
        return out

    header = ("件数", "占比")
    grades = [(GRADES.get(g, g), n) for g, n in r.by_grade]
    end_channel = _table(ws, 3, ["来源渠道", *header], rows(r.by_channel), widths)
    end_grade = _table(ws, end_channel + 1, ["等级", *header], rows(grades), widths)
    end_domain = _table(ws, 3, ["诉求类别", *header], rows(r.by_domain), widths, left=5)
    for row in range(4, max(end_grade, end_domain)):
        for col in (3, 7):
            ws.cell(row, col).number_format = _PERCENT
    _apply_widths(ws, widths)
    ws.column_dimensions["D"].width = 3
    _print_setup(ws, 3)


def _units(ws: Worksheet, r: MonthlyReport) -> None:
    header = ["序号", "责任单位", "本月办结（+1）", "月末未办结（−0.3）", "得分"]
    rows = [[n, u.unit, u.resolved, u.unresolved, u.score] for n, u in enumerate(r.units, 1)]
    widths = [6, 24, 12, 12, 8]
    end = _table(ws, 1, header, rows, widths)
    for row in range(2, end):
        ws.cell(row, 5).number_format = "+0.0;-0.0;0.0"
    if not rows:
        ws.cell(2, 1, "本月没有交办给责任单位的事项。")
    _apply_widths(ws, widths)
    _print_setup(ws, 1)


def _cadres(ws: Worksheet, r: MonthlyReport) -> None:
    header = ["姓名", "类别", "单位", "在村天数", "坐班天数", "结对困难户", "结果", "说明", "规则"]
    rows = [
        [
            c.name,
            c.category,
            f"{c.unit}（{c.station}）" if c.station else c.unit,
            c.village_days,
            c.duty_days,
            c.difficult_households,
            c.verdict,
            c.remarks,
            c.rule,
        ]
        for c in r.cadres
    ]
    widths = [10, 14, 16, 10, 10, 12, 8, 30, 40]
    _table(ws, 1, header, rows, widths)
    for row, c in enumerate(r.cadres, start=2):
        if c.assessed and not c.meets:
            ws.cell(row, 7).fill = _SHORT_FILL
            ws.cell(row, 8).fill = _SHORT_FILL
    _apply_widths(ws, widths)
    ws.column_dimensions["H"].width = 44
    _print_setup(ws, 1)


def write_monthly_xlsx(report: MonthlyReport | TownshipReport, out: Path) -> Path:
    """Write the monthly report as a workbook (replacing ``out`` once complete).

    A township's report gets the 各工作站 sheet after 概况 (:data:`TOWNSHIP_SHEETS`).

    Returns:
        ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    wb = Workbook()
    first = wb.active
    assert isinstance(first, Worksheet)  # a new workbook always has one sheet
    overall, township = parts(report)
    _overview(first, overall)
    if township is not None:
        sheet = STATIONS_SHEET if township.rows_label == "工作站" else f"各{township.rows_label}"
        _stations(wb.create_sheet(sheet), township)
    _categories(wb.create_sheet(SHEETS[1]), overall)
    _units(wb.create_sheet(SHEETS[2]), overall)
    _cadres(wb.create_sheet(SHEETS[3]), overall)
    _assistance(wb.create_sheet(SHEETS[4]), overall.assistance, township)
    _voice(wb.create_sheet(SHEETS[5]), overall.voice, township)
    return write_atomically(Path(out), wb.save)


def _voice(ws: Worksheet, f: VoiceFigures | None, township: TownshipReport | None) -> None:
    """The 民情与信访 sheet: the month's counts, the 阅办率, each station's row."""
    ws["A1"] = "民情与信访"
    ws["A1"].font = _TITLE
    if f is None:  # figures computed without the store's records
        ws["A3"] = "（本报表未统计民情与信访）"
        _apply_widths(ws, [14] * 4)
        _print_setup(ws, None)
        return
    widths = [14] * 9
    top = _table(ws, 3, ["指标", "数值", "指标", "数值"], said.summary_rows(f), widths) + 1
    if township is not None and township.voice:
        rows = [*said.station_rows(township.voice), said.total_row(f)]
        headers = row_headers(said.STATION_HEADERS, township.rows_label)
        top = _table(ws, top, headers, rows, widths) + 1
    if f.evaluations.rounds:
        ws.cell(top, 1, "民主测评").font = _BOLD
        _table(ws, top + 1, ["项目", "情况"], said.evaluation_rows(f), widths)
    _apply_widths(ws, widths)
    _print_setup(ws, None)


def _assistance(
    ws: Worksheet, f: AssistanceFigures | None, township: TownshipReport | None
) -> None:
    """The 帮扶工作 sheet: the month's figures, each station's, who is named."""
    names = {x.code: x.name for x in township.stations} if township else {}
    ws["A1"] = "帮扶工作"
    ws["A1"].font = _TITLE
    if f is None:  # figures computed without the store's assistance records
        ws["A3"] = "（本报表未统计帮扶工作）"
        _apply_widths(ws, [14] * 4)
        _print_setup(ws, None)
        return
    widths = [14] * 10
    top = _table(ws, 3, ["指标", "数值", "指标", "数值"], aid.summary_rows(f), widths) + 1
    if township is not None and township.assistance:
        rows = [*aid.station_rows(township.assistance), aid.total_row(f)]
        headers = row_headers(aid.STATION_HEADERS, township.rows_label)
        top = _table(ws, top, headers, rows, widths) + 1
    if f.overdue:
        ws.cell(top, 1, "超时限未销号的需求").font = _BOLD
        top = _table(ws, top + 1, aid.OVERDUE_HEADERS, aid.overdue_rows(f, names), widths) + 1
    if f.poor:
        ws.cell(top, 1, f"本年帮扶未达 {f.poor_threshold_yuan:,} 元的特困人员").font = _BOLD
        top = _table(ws, top + 1, aid.POOR_HEADERS, aid.poor_rows(f, names), widths) + 1
    unhelped = aid.unhelped_text(f, names)
    if unhelped:
        ws.cell(top, 1, f"无人帮扶的困难户：{unhelped}。")
    _apply_widths(ws, widths)
    _print_setup(ws, None)
