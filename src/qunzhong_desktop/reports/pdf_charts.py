"""What the report PDFs share: colours, paragraph styles, the table grid, the two charts.

The monthly report (:mod:`.monthly_pdf`) and the report over any period (:mod:`.period_pdf`)
draw their tables and charts alike: a pie of the channels and bars of the domains (or any
named counts), one embedded CJK font throughout, charts included.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.reports.monthly_output import GREY

ACCENT = colors.Color(0.62, 0.10, 0.12)
HEADER_BG = colors.HexColor("#DDEBF7")
LABEL_BG = colors.HexColor("#F2F2F2")
SHORT_BG = colors.HexColor("#FCE4D6")
GRID = colors.Color(0.55, 0.55, 0.55)
NUMERALS = "一二三四五六七八九十"
PALETTE = [
    colors.HexColor(c)
    for c in (
        "#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#9E480E",
        "#264478", "#636363", "#997300",
    )
]  # fmt: skip


class Styles:
    """The paragraph styles of a report, in one font."""

    def __init__(self, font: str) -> None:
        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            kw.setdefault("leading", size * 1.4)
            return ParagraphStyle(name, fontName=font, fontSize=size, wordWrap="CJK", **kw)

        self.font = font
        self.title = style("title", 22, alignment=TA_CENTER, textColor=ACCENT, leading=30)
        self.subtitle = style("subtitle", 11, alignment=TA_CENTER, textColor=GREY)
        self.h2 = style("h2", 12.5, textColor=ACCENT, spaceBefore=9, spaceAfter=4)
        self.body = style("body", 9.5)
        self.cell = style("cell", 9)
        self.cell_right = style("cell_right", 9, alignment=TA_RIGHT)
        self.cell_center = style("cell_center", 9, alignment=TA_CENTER)
        self.head = style("head", 9, alignment=TA_CENTER)
        self.note = style("note", 8, leading=11.5, textColor=GREY)


def count_table(
    styles: Styles, title: str, pairs: Sequence[tuple[str, int]], widths: Sequence[float]
) -> Table:
    """A table of named counts with each one's share and a 合计 row (受理分类)."""

    def p(text: object, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(str(text)), style or styles.cell)

    total = sum(n for _, n in pairs)
    right = styles.cell_right
    data = [[p(title, styles.head), p("件数", styles.head), p("占比", styles.head)]]
    data += [[p(name), p(n, right), p(share(n, total), right)] for name, n in pairs]
    data.append([p("合计"), p(total, right), p(share(total, total), right)])
    table = Table(data, colWidths=list(widths), repeatRows=1)
    style = grid_style(styles.font)
    style.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
    table.setStyle(TableStyle(style))
    return table


def categories_table(
    styles: Styles,
    by_channel: Sequence[tuple[str, int]],
    by_grade: Sequence[tuple[str, int]],
    by_domain: Sequence[tuple[str, int]],
    *,
    width: float,
    empty: str,
) -> Table:
    """受理分类: the counts by channel, grade and domain beside the pie and the bars."""
    widths = [30 * mm, 16 * mm, 20 * mm]
    grades = [(GRADES.get(g, g), n) for g, n in by_grade]
    left_top = [
        count_table(styles, "来源渠道", by_channel, widths),
        Spacer(1, 2.5 * mm),
        count_table(styles, "等级", grades, widths),
    ]
    left_bottom = count_table(styles, "诉求类别", by_domain, widths)
    right = width - sum(widths) - 4 * mm
    font = styles.font
    pie = pie_chart(
        font, by_channel, caption="受理来源渠道分布", empty=empty, width=right, height=74 * mm
    )
    bars = bar_chart(font, by_domain, caption="受理诉求类别（件）", width=right, height=86 * mm)
    table = Table([[left_top, pie], [left_bottom, bars]], colWidths=[sum(widths) + 4 * mm, right])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return table


def share(count: int, total: int) -> str:
    """``40.0%`` of a total, or ``—`` of none."""
    return f"{100 * count / total:.1f}%" if total else "—"


def grid_style(font: str, header_rows: int = 1) -> list[tuple[Any, ...]]:
    """A boxed table's style: thin grid, padding, the header rows shaded."""
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        style.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
    return style


def _caption(d: Drawing, font: str, text: str, width: float, height: float) -> None:
    d.add(String(width / 2, height - 11, text, fontName=font, fontSize=10.5,
                 textAnchor="middle", fillColor=GREY))  # fmt: skip


def pie_chart(
    font: str,
    pairs: Sequence[tuple[str, int]],
    *,
    caption: str,
    empty: str,
    width: float,
    height: float,
) -> Drawing:
    """A pie of the named counts with a legend (name, count, share); ``empty`` if all 0."""
    d = Drawing(width, height, initialFontName=font, initialFontSize=10)
    _caption(d, font, caption, width, height)
    pairs = [(name, n) for name, n in pairs if n > 0]
    total = sum(n for _, n in pairs)
    if not total:
        d.add(String(width / 2, height / 2, empty, fontName=font,
                     fontSize=10, textAnchor="middle", fillColor=GREY))  # fmt: skip
        return d
    size = min(height - 30, width * 0.48)
    pie = Pie()
    pie.x, pie.y = 8, (height - 18 - size) / 2
    pie.width = pie.height = size
    pie.data = [n for _, n in pairs]
    pie.labels = None
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    for i in range(len(pairs)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    d.add(pie)
    legend = Legend()
    legend.x = pie.x + size + 14
    legend.y = pie.y + size / 2 + len(pairs) * 7.5
    legend.alignment = "right"
    legend.fontName = font
    legend.fontSize = 9
    legend.dy = legend.dx = 7
    legend.deltay = 15
    legend.columnMaximum = 10
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{name}  {n} 件（{share(n, total)}）")
        for i, (name, n) in enumerate(pairs)
    ]
    d.add(legend)
    return d


def bar_chart(
    font: str,
    pairs: Sequence[tuple[str, int]],
    *,
    caption: str,
    width: float,
    height: float,
    label_width: float = 78,
) -> Drawing:
    """Horizontal bars of the named counts, the first at the top, each with its count."""
    d = Drawing(width, height, initialFontName=font, initialFontSize=10)
    _caption(d, font, caption, width, height)
    pairs = list(reversed(pairs))  # the first category at the top
    if not pairs:
        return d
    highest = max(n for _, n in pairs)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - chart.x - 22, height - chart.y - 22
    chart.data = [[n for _, n in pairs]]
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 4
    ca = chart.categoryAxis
    ca.categoryNames = [name for name, _ in pairs]
    ca.labels.fontName = font
    ca.labels.fontSize = 8.5
    ca.labels.boxAnchor = "e"
    ca.labels.dx = -4
    ca.tickLeft = 0
    va = chart.valueAxis
    va.valueMin = 0
    va.valueMax = max(4, int(highest * 1.18) + 1)
    va.labels.fontName = font
    va.labels.fontSize = 8
    va.visibleGrid = True
    va.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    va.labelTextFormat = "%d"
    va.forceZero = True
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d
