"""The assessment ranking (考评排名) as an A4 portrait PDF (reportlab platypus).

Title ``{township} {period} 考评排名``; one table: 名次, 工作站 (or 责任单位), each scoring
item's points with its full points in the head, 合计, 备注 (一票否决：reason, and remarks such
as 无数据). A vetoed entry is shaded and its rank printed as ``（否决）`` beside it. Under the
table the footnotes (:attr:`.AssessmentSheet.footnotes`): each item's definition, the
figures it uses, how figures become points, the ranking and the veto rule. Written to a
temporary file and renamed when complete.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core.assessment import NOTHING, VETO, AssessmentSheet
from qunzhong_desktop.core.assessment_scheme import OF
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.monthly_output import (
    GREY,
    MARGIN_X,
    PAGE_W,
    build_a4,
    mm,
    write_atomically,
)

WIDTH = PAGE_W - 2 * MARGIN_X  # 178 mm
ACCENT = colors.Color(0.62, 0.10, 0.12)
HEADER_BG = colors.HexColor("#DDEBF7")
VETO_BG = colors.HexColor("#FCE4D6")
GRID = colors.Color(0.55, 0.55, 0.55)


class _Styles:
    def __init__(self, font: str) -> None:
        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            kw.setdefault("leading", size * 1.4)
            return ParagraphStyle(name, fontName=font, fontSize=size, wordWrap="CJK", **kw)

        self.title = style("title", 18, alignment=TA_CENTER, textColor=ACCENT, leading=26)
        self.subtitle = style("subtitle", 10, alignment=TA_CENTER, textColor=GREY)
        self.cell = style("cell", 9)
        self.right = style("right", 9, alignment=TA_RIGHT)
        self.center = style("center", 9, alignment=TA_CENTER)
        self.veto = style("veto", 9, textColor=ACCENT)
        self.head = style("head", 9, alignment=TA_CENTER)
        self.note = style("note", 8, leading=11.5, textColor=GREY)


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _table(sheet: AssessmentSheet, s: _Styles, font: str) -> Table:
    head = [
        _p("名次", s.head),
        _p(OF[sheet.of] if sheet.of == "units" else sheet.rows_label, s.head),
        *(Paragraph(f"{escape(i.name)}<br/>（{i.points:g} 分）", s.head) for i in sheet.items),
        _p("合计", s.head),
        _p("备注", s.head),
    ]
    data: list[list[Any]] = [head]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for row, entry in enumerate(sheet.entries, start=1):
        points = (
            [f"{i.points:.1f}" for i in entry.items] if entry.ranked else ["—"] * len(entry.items)
        )
        data.append(
            [
                _p(entry.rank_text, s.center),
                _p(entry.name, s.cell),
                *(_p(p, s.right) for p in points),
                _p(f"{entry.total:.1f}" if entry.ranked else "—", s.right),
                _p(entry.remark, s.veto if entry.vetoed else s.cell),
            ]
        )
        if entry.vetoed:
            style.append(("BACKGROUND", (0, row), (-1, row), VETO_BG))
    if not sheet.entries:
        data.append([_p("本期没有可考评的对象。", s.cell)] + [""] * (len(head) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    item_w = 22.0 if len(sheet.items) <= 3 else max(12.0, 72.0 / len(sheet.items))
    fixed = 19 + 36 + 15
    remark = max(30.0, WIDTH / mm - fixed - item_w * len(sheet.items))
    widths = [19, 36, *([item_w] * len(sheet.items)), 15, remark]
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def story(sheet: AssessmentSheet, font: str) -> list[Any]:
    """The flowables of the sheet."""
    s = _Styles(font)
    vetoed = sum(e.vetoed for e in sheet.entries)
    what = "责任单位" if sheet.of == "units" else sheet.rows_label
    line = f"考评{what} {len(sheet.entries)} 个" + (f"，其中{VETO} {vetoed} 个" if vetoed else "")
    idle = sum(not e.ranked for e in sheet.entries)
    if idle:
        line += f"，{NOTHING}不排名 {idle} 个"
    if sheet.as_of:
        line += f"（期间未结束，统计{sheet.as_of}）"
    notes = [_p("注：", s.note)] + [
        _p(f"{n}. {term}：{text}", s.note)
        for n, (term, text) in enumerate(sheet.footnotes, start=1)
    ]
    return [
        _p(sheet.title, s.title),
        _p(line, s.subtitle),
        Spacer(1, 4 * mm),
        _table(sheet, s, font),
        Spacer(1, 5 * mm),
        KeepTogether(notes),
    ]


def render_assessment(
    sheet: AssessmentSheet, out: Path, *, font: CjkFont, today: dt.date | None = None
) -> Path:
    """Write the ranking as an A4 PDF (replacing ``out`` once complete); returns ``out``.

    Raises:
        ReportOutputError: the file cannot be written there.
    """
    made = today or dt.date.today()
    footer = f"{sheet.title}　生成于 {made:%Y-%m-%d}"

    def write(path: Path) -> None:
        build_a4(path, story(sheet, font.name), font=font.name, title=sheet.title,
                 author=sheet.title.split(" ")[0], footer=footer)  # fmt: skip

    return write_atomically(Path(out), write)
