"""The township's petition duty roster (信访值周表) and reception log (接访登记) as A4 landscape PDFs.

The roster: one row per week, 周一 … 周日 with their dates, the member on duty and the
receptions of the day; days off greyed, an *uncovered* working day filled red with 无人值班,
days outside the span left blank. The log: date, receiver, visitors, what was raised, units
present (a 联合接访 marked), handling. Both written to a temporary file and renamed when
complete (:func:`.monthly_output.write_atomically`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from qunzhong_desktop.core.duty import DayCell, Reception, Roster
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.monthly_output import GREY, mm, write_atomically
from qunzhong_desktop.reports.pdf_charts import Styles, grid_style

PAGE_W, PAGE_H = float(landscape(A4)[0]), float(landscape(A4)[1])
MARGIN = 14 * mm
WIDTH = PAGE_W - 2 * MARGIN
WEEKDAYS = "一二三四五六日"
UNCOVERED = "无人值班"
RED = colors.HexColor("#E53935")
OFF_BG = colors.HexColor("#D9D9D9")
WHITE = colors.white


def _p(text: object, style: Any) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _cell(cell: DayCell, inside: bool, s: Styles) -> Paragraph:
    if not inside:
        return _p("", s.cell_center)
    lines = [f"{cell.day:%m-%d}"]
    if cell.uncovered:
        lines.append(UNCOVERED)
    elif cell.member:
        lines.append(cell.member)
    elif not cell.working:
        lines.append("休息")
    if cell.receptions:
        lines.append(f"接访 {cell.receptions} 批")
    style = s.cell_center
    if cell.uncovered:  # white on the red fill
        style = ParagraphStyle("uncovered", parent=style, textColor=WHITE)
    return Paragraph("<br/>".join(escape(t) for t in lines), style)


def roster_story(roster: Roster, township: str, s: Styles) -> list[Any]:
    """The roster's title and its week table."""
    head = [_p("周次", s.head), *(_p(f"周{d}", s.head) for d in WEEKDAYS)]
    data: list[list[Any]] = [head]
    style = grid_style(s.font)
    for row_no, week in enumerate(roster.weeks, start=1):
        sunday = week.monday + dt.timedelta(days=6)
        data.append([Paragraph(f"{week.monday:%m-%d}<br/>至 {sunday:%m-%d}", s.cell_center)])
        for col, cell in enumerate(week.days, start=1):
            inside = roster.first <= cell.day <= roster.last
            data[-1].append(_cell(cell, inside, s))
            if inside and cell.uncovered:
                style.append(("BACKGROUND", (col, row_no), (col, row_no), RED))
            elif inside and not cell.working:
                style.append(("BACKGROUND", (col, row_no), (col, row_no), OFF_BG))
    first_col = 26 * mm
    table = Table(data, colWidths=[first_col] + [(WIDTH - first_col) / 7] * 7, repeatRows=1)
    style.append(("VALIGN", (0, 1), (-1, -1), "MIDDLE"))
    style.append(("TOPPADDING", (1, 1), (-1, -1), 5))
    style.append(("BOTTOMPADDING", (1, 1), (-1, -1), 6))
    table.setStyle(TableStyle(style))
    count = len(roster.uncovered)
    note = f"无人值班的工作日 {count} 天（红色）" if count else "每个工作日均已安排值班"
    return [
        _p(f"{township}信访值周表", s.title),
        _p(f"{roster.first:%Y-%m-%d} 至 {roster.last:%Y-%m-%d}　{note}　灰色为休息日", s.subtitle),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 3 * mm),
        _p("每个工作日由一名班子成员值班接待来访群众；接访情况记入接访登记簿。", s.note),
    ]


def log_story(
    receptions: Sequence[Reception], first: dt.date, last: dt.date, township: str, s: Styles
) -> list[Any]:
    """The reception log's title and table."""
    widths = [x * mm for x in (24, 22, 16, 90, 48)]
    widths.append(WIDTH - sum(widths))
    head = ["日期", "接访人", "人数", "反映事项", "到场单位", "办理情况"]
    data: list[list[Any]] = [[_p(h, s.head) for h in head]]
    for r in receptions:
        units = f"联合接访：{'、'.join(r.units)}" if r.joint else "—"
        data.append([_p(f"{r.day:%Y-%m-%d}", s.cell_center), _p(r.member, s.cell_center),
                     _p(r.visitors, s.cell_right), _p(r.matter, s.cell), _p(units, s.cell),
                     _p(r.handling or "—", s.cell)])  # fmt: skip
    if not receptions:
        data.append([_p("本期没有接访登记。", s.cell), "", "", "", "", ""])
    table = Table(data, colWidths=widths, repeatRows=1)
    style = grid_style(s.font)
    if not receptions:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    joint = sum(r.joint for r in receptions)
    visitors = sum(r.visitors for r in receptions)
    return [
        _p(f"{township}信访接访登记", s.title),
        _p(
            f"{first:%Y-%m-%d} 至 {last:%Y-%m-%d}　接访 {len(receptions)} 批 {visitors} 人次，"
            f"其中联合接访 {joint} 批",
            s.subtitle,
        ),
        Spacer(1, 4 * mm),
        table,
    ]


def _write(out: Path, story: list[Any], font: CjkFont, title: str, footer: str) -> Path:
    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font.name, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 8 * mm, footer)
        canvas.drawRightString(PAGE_W - MARGIN, 8 * mm, f"第 {doc.page} 页")
        canvas.restoreState()

    def write(path: Path) -> None:
        doc = SimpleDocTemplate(
            str(path), pagesize=landscape(A4), leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=12 * mm, bottomMargin=14 * mm, title=title, author=title,
            creator="群众工作站桌面版", pageCompression=1, initialFontName=font.name,
            initialFontSize=10,
        )  # fmt: skip
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)

    return write_atomically(Path(out), write)


def render_roster(
    roster: Roster, out: Path, *, township: str, font: CjkFont, today: dt.date | None = None
) -> Path:
    """Write the weekly roster (replacing ``out`` once complete); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    made = today or dt.date.today()
    story = roster_story(roster, township, Styles(font.name))
    return _write(out, story, font, f"{township}信访值周表", f"信访值周表　生成于 {made:%Y-%m-%d}")


def render_log(
    receptions: Sequence[Reception],
    out: Path,
    *,
    first: dt.date,
    last: dt.date,
    township: str,
    font: CjkFont,
    today: dt.date | None = None,
) -> Path:
    """Write the reception log of a span (replacing ``out`` once complete); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    made = today or dt.date.today()
    story = log_story(receptions, first, last, township, Styles(font.name))
    return _write(out, story, font, f"{township}信访接访登记", f"接访登记　生成于 {made:%Y-%m-%d}")
