"""A ledger printed to PDF: an A4 landscape table whose header row repeats on every page.

reportlab's platypus lays the rows out (``LongTable`` with ``repeatRows``); every cell is a
``Paragraph`` in the embedded CJK font, so long Chinese text wraps inside its column. The
first page carries the title and the period; every page a running head and
第 N 页 / 共 M 页. The rows are laid out in tables of a few hundred rows each, so splitting a
long ledger across pages stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm as _mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from qunzhong_desktop.core.ledger import Column, Row
from qunzhong_desktop.core.text import strip_controls
from qunzhong_desktop.core.work import CancelToken, Progress, checkpoint
from qunzhong_desktop.reports.fonts import CjkFont
from qunzhong_desktop.reports.ledger_output import write_atomically

mm: float = _mm  # reportlab is untyped
PAGE = landscape(A4)
MARGIN = 10 * mm
TABLE_ROWS = 300  # rows per LongTable: platypus splits a table page by page
MAX_CELL_LINES = 30  # about two thirds of an A4 landscape page at the cell font
PROGRESS_EVERY = 1000
FONT_PT = 7.5
HEADER_FILL = colors.Color(0.85, 0.88, 0.95)
GRID = colors.Color(0.5, 0.5, 0.5)


def _numbered_canvas(font: str, running_head: str) -> type[Canvas]:
    """A canvas that writes 第 N 页 / 共 M 页 once the page count is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, _height = PAGE
            self.setFont(font, 8)
            self.setFillColor(colors.Color(0.35, 0.35, 0.35))
            self.drawString(MARGIN, MARGIN / 2, running_head)
            self.drawRightString(
                width - MARGIN, MARGIN / 2, f"第 {self._pageNumber} 页，共 {total} 页"
            )

    return NumberedCanvas


def write_ledger_pdf(
    out: Path,
    *,
    title: str,
    period: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    font: CjkFont,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    period_label: str = "统计期间",
) -> int:
    """Write a ledger as an A4 landscape PDF (replacing ``out`` only once it is complete).

    Args:
        out: the PDF file.
        title: the title, e.g. ``白沙村群众工作站民情台账``.
        period: the period under the title.
        columns: the ledger's columns (their widths share the page width).
        rows: the rows, in order.
        font: the CJK font to embed (see :func:`.fonts.find_cjk_font`).
        progress: told the rows laid out so far every 1,000 rows (the total unknown).
        cancel: checked every 1,000 rows; a cancelled export leaves no file.
        period_label: what the period is (统计期间; 到龄日期 for a list of residents).

    Returns:
        How many rows were written.

    Raises:
        LedgerOutputError: the file cannot be written there.
    """
    return write_atomically(
        out,
        lambda tmp: _write(
            tmp,
            title=title,
            period=period,
            columns=columns,
            rows=rows,
            font=font.name,
            progress=progress,
            cancel=cancel,
            period_label=period_label,
        ),
    )


def _write(
    path: Path,
    *,
    title: str,
    period: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    font: str,
    progress: Progress | None,
    cancel: CancelToken | None,
    period_label: str,
) -> int:
    doc = SimpleDocTemplate(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{title} {period}".strip(),
        creator="群众工作站桌面版",
    )
    cell = ParagraphStyle("cell", fontName=font, fontSize=FONT_PT, leading=9.5, wordWrap="CJK")
    head = ParagraphStyle("head", parent=cell, alignment=TA_CENTER)
    title_style = ParagraphStyle(
        "title", fontName=font, fontSize=16, leading=20, alignment=TA_CENTER
    )
    period_style = ParagraphStyle(
        "period", fontName=font, fontSize=10, leading=14, alignment=TA_CENTER
    )
    iterator = iter(rows)
    first = list(islice(iterator, TABLE_ROWS))
    widths = column_widths(columns, first, font, doc.width)
    header = [Paragraph(f"<b>{escape(c.header)}</b>", head) for c in columns]
    # a row must fit on a page: each cell holds at most MAX_CELL_LINES lines of its column
    room = [max(40, int((w - 4) / FONT_PT) * MAX_CELL_LINES) for w in widths]
    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    story: list[Any] = [
        Paragraph(escape(title), title_style),
        Paragraph(escape(f"{period_label}：{period}") if period else "", period_style),
        Spacer(1, 3 * mm),
    ]
    written = 0
    while True:
        block, first = first or list(islice(iterator, TABLE_ROWS)), []
        if not block and written:
            break
        body = [
            [Paragraph(_text(value, limit), cell) for value, limit in zip(row, room, strict=True)]
            for row in block
        ]
        if not body:
            body = [[Paragraph("（无记录）", cell)] + [""] * (len(columns) - 1)]
        table = LongTable([header, *body], colWidths=widths, repeatRows=1, style=style)
        if not block:
            table.setStyle(TableStyle([("SPAN", (0, 1), (-1, 1))]))
        story.append(table)
        previous = written
        written += len(block)
        if written // PROGRESS_EVERY > previous // PROGRESS_EVERY:
            checkpoint(progress, cancel, written)
        if len(block) < TABLE_ROWS:
            break
    doc.build(story, canvasmaker=_numbered_canvas(font, f"{title}（{period}）"))
    return written


def column_widths(
    columns: Sequence[Column], sample: Sequence[Row], font: str, total: float
) -> list[float]:
    """Widths in points: short columns fit their widest value, wrapped ones share the rest."""
    pad = 5.0
    widths = []
    for index, column in enumerate(columns):
        header = stringWidth(column.header, font, FONT_PT) / (2 if column.wrap else 1)
        if column.wrap:
            widths.append(0.0)
            continue
        # a short column is as wide as its values, up to 40 characters (a 33,000-character
        # name would take the whole page); longer values wrap inside it
        values = [stringWidth(str(row[index])[:40], font, FONT_PT) for row in sample]
        widths.append(max([header, *values]) + pad)
    fixed = sum(widths)
    share = sum(c.width for c in columns if c.wrap)
    rest = total - fixed
    if share == 0 or rest < total * 0.4:  # a page of short columns only: scale them all
        scale = (total if share == 0 else total * 0.6) / fixed
        widths = [w * scale for w in widths]
        rest = total - sum(widths)
    # a wrapped column is at least as wide as its header on one line (帮扶对象, not 帮扶对/象)
    # when the page has room for that; what is left is shared by the columns' widths
    least = [stringWidth(c.header, font, FONT_PT) + pad if c.wrap else 0.0 for c in columns]
    spare = rest - sum(least)
    if spare < 0:
        least, spare = [0.0] * len(columns), rest
    return [
        w if not c.wrap else low + spare * c.width / share
        for w, c, low in zip(widths, columns, least, strict=True)
    ]


def _text(value: object, limit: int) -> str:
    """A cell's text for the PDF, cut where it would not fit on one page."""
    text = strip_controls("" if value is None else str(value))
    if len(text) > limit:
        text = text[: limit - 20] + f"……（共 {len(text)} 字，全文见系统）"
    lines = text.split("\n")[:MAX_CELL_LINES]
    return "<br/>".join(escape(line) for line in lines)
