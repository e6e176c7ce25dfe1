"""The report over any period (民情报表) as an .xlsx workbook that opens in Excel and WPS.

Sheets 概况 (every figure beside the period before and a year before, Δ and %, then the
cumulative figures), 分类 (by channel, grade and domain), 各站 (at the township: a row per
station and the 合计), 化解情况成效表 (the units ranked, 末位 marked), 双联系单位责任表 (by
grade), 干部民情日记 (each cadre over the period, 不达标 shaded) and 注 (the definitions). Chinese headers, column widths, frozen header rows, A4
print setup fitted to the width with the header rows repeated. Written to a temporary file
and renamed when complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.period_report import BOTTOM, PeriodFigures, PeriodReport
from qunzhong_desktop.core.monthly.stations import row_headers
from qunzhong_desktop.reports import monthly_voice as said
from qunzhong_desktop.reports import period_common as pc
from qunzhong_desktop.reports.monthly_output import write_atomically
from qunzhong_desktop.reports.monthly_xlsx import _BOLD, _PERCENT, _TITLE, _apply_widths, _table

OVERVIEW, CATEGORIES, STATIONS, UNITS, PAIRED, CADRES, VOICE, NOTES = (
    "概况",
    "分类",
    "各站",
    "化解情况成效表",
    "双联系单位责任表",
    pc.CADRE_TITLE,
    pc.VOICE_TITLE,
    "注",
)
SHEETS: tuple[str, ...] = (OVERVIEW, CATEGORIES, UNITS, PAIRED, CADRES, VOICE, NOTES)
TOWNSHIP_SHEETS: tuple[str, ...] = (
    OVERVIEW, CATEGORIES, STATIONS, UNITS, PAIRED, CADRES, VOICE, NOTES,
)  # fmt: skip

_BOTTOM_FILL = PatternFill("solid", fgColor="FCE4D6")
_BOTTOM_FONT = Font(bold=True, color="9E1A1F")
_SCORE = "+0.0;-0.0;0.0"


def _print_setup(ws: Worksheet, header_rows: tuple[int, int] | None, *, wide: bool = False) -> None:
    """A4 fitted to the width; the header rows repeated on each page and frozen."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if header_rows is not None:
        first, last = header_rows
        ws.print_title_rows = f"{first}:{last}"
        ws.freeze_panes = f"A{last + 1}"


def _rate(value: int | Rate) -> object:
    """A rate as a number formatted as a percentage ("—" without a denominator)."""
    if isinstance(value, Rate):
        return value.value if value.value is not None else "—"
    return value


def _title(ws: Worksheet, text: str) -> None:
    ws["A1"] = text
    ws["A1"].font = _TITLE


def _overview(ws: Worksheet, r: PeriodReport) -> None:
    ws.title = OVERVIEW
    _title(ws, pc.full_title(r))
    ws["A2"] = (
        f"本期 {pc.period_span(r.current)}；上期 {pc.period_span(r.previous)}；"
        f"去年同期 {pc.period_span(r.year_before)}"
    )
    header = [
        "指标",
        f"本期（{r.period.title}）",
        f"上期（{r.previous.period.title}）",
        "比上期",
        "比上期 %",
        f"去年同期（{r.year_before.period.title}）",
        "比去年同期",
        "比去年同期 %",
        "本期分子/分母",
    ]
    rows: list[list[object]] = []
    for c in r.comparisons:
        fraction = (
            f"{c.current.numerator}/{c.current.denominator}" if isinstance(c.current, Rate) else ""
        )
        rows.append(
            [
                c.label,
                _rate(c.current),
                _rate(c.previous.other),
                c.previous.text,
                _percent(c.previous.percent),
                _rate(c.year_before.other),
                c.year_before.text,
                _percent(c.year_before.percent),
                fraction,
            ]
        )
    widths = [14, 16, 16, 16, 10, 16, 16, 12, 14]
    end = _table(ws, 4, header, rows, widths)
    for row, c in enumerate(r.comparisons, start=5):
        for col in (2, 3, 6):
            cell = ws.cell(row, col)
            cell.alignment = Alignment(horizontal="right", vertical="center")
            if isinstance(c.current, Rate):
                cell.number_format = _PERCENT
        for col in (5, 8):
            ws.cell(row, col).number_format = "+0.0%;-0.0%;0.0%"
    cum = r.cumulative
    top = end + 1
    ws.cell(top, 1, "累计").font = _BOLD
    cumulative: list[tuple[str, object]] = [
        ("累计起止", f"{cum.since.isoformat()} 至 {r.period.last.isoformat()}"),
        ("梳理问题", cum.combed),
        ("办结", cum.closed),
        ("办结率", _rate(cum.rate)),
    ]
    for n, (label, value) in enumerate(cumulative, start=top + 1):
        ws.cell(n, 1, label)
        cell = ws.cell(n, 2, value)
        if label == "办结率" and cum.rate.value is not None:
            cell.number_format = _PERCENT
    _apply_widths(ws, widths)
    _print_setup(ws, (4, 4), wide=True)


def _percent(value: float | None) -> object:
    """Δ as a share of the comparison (a fraction the cell shows as %), or "—"."""
    return "—" if value is None else value / 100


def _categories(ws: Worksheet, r: PeriodReport) -> None:
    items = r.current.items
    widths = [16, 8, 10, 3, 16, 8, 10]
    _title(ws, f"受理分类统计　{r.title}")

    def rows(pairs: Sequence[tuple[str, int]]) -> list[list[object]]:
        total = sum(n for _, n in pairs)
        out: list[list[object]] = [[k, n, n / total if total else "—"] for k, n in pairs]
        out.append([pc.TOTAL, total, 1 if total else "—"])
        return out

    header = ("件数", "占比")
    grades = [(GRADES.get(g, g), n) for g, n in items.by_grade]
    end_channel = _table(ws, 3, ["来源渠道", *header], rows(items.by_channel), widths)
    end_grade = _table(ws, end_channel + 1, ["等级", *header], rows(grades), widths)
    end_domain = _table(ws, 3, ["诉求类别", *header], rows(items.by_domain), widths, left=5)
    for row in range(4, max(end_grade, end_domain)):
        for col in (3, 7):
            ws.cell(row, col).number_format = _PERCENT
    _apply_widths(ws, widths)
    ws.column_dimensions["D"].width = 3
    _print_setup(ws, (3, 3))


def _stations(ws: Worksheet, r: PeriodReport) -> None:
    _title(ws, f"各{r.rows_label}情况　{r.title}")

    def row(name: str, f: PeriodFigures) -> list[object]:
        return [
            name,
            *pc.station_counts(f),
            *(_rate(x) for x in pc.station_rates(f)),
            *pc.station_activity(f),
        ]

    rows = [row(name, f) for _code, name, f in r.stations]
    rows.append(row(pc.TOTAL, r.current))
    widths = [24, 8, 8, 10, 10, 12, 12, 10, 10, 12]
    end = _table(ws, 3, row_headers(pc.STATION_HEADERS, r.rows_label), rows, widths)
    for n in range(4, end):
        for col in (6, 7, 8):
            cell = ws.cell(n, col)
            cell.number_format = _PERCENT
            cell.alignment = Alignment(horizontal="right", vertical="center")
    for col in range(1, len(pc.STATION_HEADERS) + 1):
        ws.cell(end - 1, col).font = _BOLD
    _apply_widths(ws, widths)
    _print_setup(ws, (3, 3), wide=True)


def _units(ws: Worksheet, r: PeriodReport) -> None:
    _title(ws, f"化解情况成效表　{r.title}")
    rows = []
    for u in r.units:
        values = pc.unit_values(u)
        values[6] = u.tenths / 10
        values[-1] = _rate(u.satisfied)
        rows.append(values)
    widths = [8, 24, 6, 10, 6, 8, 8, 6, 10, 8, 8]
    end = _table(ws, 3, pc.UNIT_HEADERS, rows, widths)
    for n, u in enumerate(r.units, start=4):
        ws.cell(n, 7).number_format = _SCORE
        ws.cell(n, 11).number_format = _PERCENT
        if u.bottom:
            for col in range(1, len(pc.UNIT_HEADERS) + 1):
                ws.cell(n, col).fill = _BOTTOM_FILL
                ws.cell(n, col).font = _BOTTOM_FONT
    bottoms = [u.unit for u in r.units if u.bottom]
    if not rows:
        ws.cell(end + 1, 1, pc.NO_UNITS)
    elif bottoms:
        ws.cell(end + 1, 1, f"得分最低的单位标“{BOTTOM}”：{'、'.join(bottoms)}。")
    _apply_widths(ws, widths)
    _print_setup(ws, (3, 3), wide=True)


def _paired(ws: Worksheet, r: PeriodReport) -> None:
    _title(ws, f"双联系单位责任表　{r.title}")
    rows = [pc.paired_values(p) for p in r.paired]
    widths = [24, 30] + [8] * (len(pc.PAIRED_HEADERS) - 2)
    end = _table(ws, 3, pc.PAIRED_HEADERS, rows, widths)
    if not rows:
        ws.cell(end + 1, 1, pc.NO_PAIRED)
    else:
        ws.cell(end + 1, 1, f"等级：{'，'.join(GRADES.values())}。")
    _apply_widths(ws, widths)
    _print_setup(ws, (3, 3), wide=True)


def _cadres(ws: Worksheet, r: PeriodReport) -> None:
    _title(ws, f"{pc.CADRE_TITLE}　{r.title}")
    headers = pc.cadre_headers(r)
    rows = [pc.cadre_values(r, c) for c in r.cadres]
    widths = [10, 16, 28, 8, 8, 8, 40, 8] if pc.cadres_at_township(r) else [10, 16, 8, 8, 8, 40, 8]
    end = _table(ws, 3, headers, rows, widths)
    remarks = headers.index("未达标月份") + 1
    for n, cadre in enumerate(r.cadres, start=4):
        ws.cell(n, remarks).alignment = Alignment(wrap_text=True, vertical="center")
        if cadre.verdict == "不达标":
            for col in range(1, len(headers) + 1):
                ws.cell(n, col).fill = _BOTTOM_FILL
    ws.cell(end + 1, 1, pc.cadre_count_text(r) if rows else pc.NO_CADRES)
    _apply_widths(ws, widths)
    _print_setup(ws, (3, 3), wide=True)


def _voice(ws: Worksheet, r: PeriodReport) -> None:
    """民情与信访: the counts and the 阅办率 beside the periods, stations, evaluations."""
    _title(ws, f"{pc.VOICE_TITLE}（{r.title}）")
    widths = [16, 14, 14, 14, 14, 14, 14, 14, 16]
    if r.voice is None:
        ws["A3"] = "（本报表未统计民情与信访）"
        _apply_widths(ws, widths)
        _print_setup(ws, None)
        return
    header = ["指标", "本期", "上期", "较上期", "去年同期", "较去年同期"]
    top = _table(ws, 3, header, pc.voice_rows(r), widths) + 1
    if r.voice_stations:
        rows = [*said.station_rows(r.voice_stations), said.total_row(r.voice[0])]
        headers = row_headers(said.STATION_HEADERS, r.rows_label)
        top = _table(ws, top, headers, rows, widths) + 1
    if r.evaluations_shown:
        ws.cell(top, 1, "民主测评").font = _BOLD
        _table(ws, top + 1, ["项目", "情况"], said.evaluation_rows(r.voice[0]), widths)
    _apply_widths(ws, widths)
    _print_setup(ws, (3, 3))


def _notes(ws: Worksheet, r: PeriodReport) -> None:
    _title(ws, "注：指标口径")
    rows = [[n, term, text] for n, (term, text) in enumerate(pc.footnotes(r), start=1)]
    widths = [6, 16, 80]
    _table(ws, 3, ["序号", "指标", "口径"], rows, widths)
    for n, (_no, _term, text) in enumerate(rows, start=4):
        ws.cell(n, 3).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[n].height = 15 * (1 + len(str(text)) // 38)
    _apply_widths(ws, widths)
    ws.column_dimensions["C"].width = 80
    _print_setup(ws, (3, 3))


def write_period_xlsx(report: PeriodReport, out: Path) -> Path:
    """Write the report of a period as a workbook (replacing ``out`` once complete).

    A township's report (with a row per station) gets the 各站 sheet
    (:data:`TOWNSHIP_SHEETS`); a station's has :data:`SHEETS`.

    Returns:
        ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    wb = Workbook()
    first = wb.active
    assert isinstance(first, Worksheet)  # a new workbook always has one sheet
    _overview(first, report)
    _categories(wb.create_sheet(CATEGORIES), report)
    if report.stations:
        sheet = STATIONS if report.rows_label == "工作站" else f"各{report.rows_label}"
        _stations(wb.create_sheet(sheet), report)
    _units(wb.create_sheet(UNITS), report)
    _paired(wb.create_sheet(PAIRED), report)
    _cadres(wb.create_sheet(CADRES), report)
    _voice(wb.create_sheet(VOICE), report)
    _notes(wb.create_sheet(NOTES), report)
    return write_atomically(Path(out), wb.save)
