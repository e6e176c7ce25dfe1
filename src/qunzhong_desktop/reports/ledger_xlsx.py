"""A ledger as an .xlsx workbook that opens ready to print in Excel and WPS.

Row 1 is the title (station, ledger, period) merged across the columns, row 2 the Chinese
headers; the panes are frozen below the header and both rows repeat on every printed page.
A4 landscape, fitted to the page width, with borders, column widths and wrapped long text,
and 第 N 页 / 共 M 页 in the footer.

The workbook is written in openpyxl's write-only mode and the rows are consumed from an
iterator one at a time, so a ledger of 100,000 rows takes no more memory than one of 100.
Every cell gets one of three named styles (looked up by name, the cheap way to style cells
in write-only mode).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from math import ceil
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from qunzhong_desktop.core.ledger import Column, Row
from qunzhong_desktop.core.work import CancelToken, Progress, checkpoint
from qunzhong_desktop.reports import cells as cells_
from qunzhong_desktop.reports.ledger_output import write_atomically

FONT_NAME = "宋体"
PROGRESS_EVERY = 1000
LINE_PT = 13.5  # one line of 10-point 宋体
MAX_ROW_PT = 400.0  # Excel's limit is 409
TITLE_STYLE, HEADER_STYLE, WRAP_STYLE, PLAIN_STYLE = (
    "ledger_title",
    "ledger_header",
    "ledger_wrap",
    "ledger_plain",
)


def row_lines(row: Row, wrapped: Sequence[tuple[int, float]]) -> int:
    """How many lines the tallest wrapped cell of a row needs.

    Excel, WPS and LibreOffice do not all fit a row's height to wrapped text when opening a
    file, so the height is written. A cell's width in Excel units is about its GBK length
    (a Chinese character counts two, like two digits).
    """
    lines = 1
    for index, width in wrapped:
        value = row[index]
        if value:
            need = sum(
                max(1, ceil(len(part.encode("gbk", "replace")) / width))
                for part in str(value).split("\n")
            )
            lines = max(lines, need)
    return lines


def named_styles() -> list[NamedStyle]:
    """The four cell styles of a ledger sheet (the benchmark's baseline uses them too)."""
    side = Side(style="thin", color="808080")
    border = Border(left=side, right=side, top=side, bottom=side)
    body = Font(name=FONT_NAME, size=10)
    return [
        NamedStyle(
            TITLE_STYLE,
            font=Font(name=FONT_NAME, size=16, bold=True),
            alignment=Alignment(horizontal="center", vertical="center"),
        ),
        NamedStyle(
            HEADER_STYLE,
            font=Font(name=FONT_NAME, size=10, bold=True),
            fill=PatternFill("solid", fgColor="D9E1F2"),
            border=border,
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        NamedStyle(
            WRAP_STYLE,
            font=body,
            border=border,
            alignment=Alignment(vertical="top", wrap_text=True),
        ),
        NamedStyle(PLAIN_STYLE, font=body, border=border, alignment=Alignment(vertical="top")),
    ]


def write_ledger_xlsx(
    out: Path,
    *,
    title: str,
    period: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    sheet_name: str = "台账",
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Write a ledger workbook (replacing ``out`` only once it is complete).

    Args:
        out: the .xlsx file.
        title: the title line, e.g. ``白沙村群众工作站民情台账``.
        period: the period shown after the title, e.g. ``2024-01-01 至 2024-03-31``.
        columns: the ledger's columns (headers, widths, wrapping).
        rows: the rows, consumed once, in order.
        sheet_name: the worksheet's name.
        progress: told the rows written so far every 1,000 rows (the total unknown).
        cancel: checked every 1,000 rows; a cancelled export leaves no file.

    Returns:
        How many rows were written.

    Raises:
        LedgerOutputError: the file cannot be written there.
    """
    return write_atomically(
        out,
        lambda tmp: _write(
            tmp,
            title=f"{title}（{period}）" if period else title,
            columns=columns,
            rows=rows,
            sheet_name=sheet_name,
            progress=progress,
            cancel=cancel,
        ),
    )


def _write(
    path: Path,
    *,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    sheet_name: str,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> int:
    wb = Workbook(write_only=True)
    for style in named_styles():
        wb.add_named_style(style)
    ws = wb.create_sheet(sheet_name[:31])
    last = get_column_letter(len(columns))
    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.row_dimensions[1].height = 30
    ws.merged_cells.add(f"A1:{last}1")
    title_cell = cells_.write(WriteOnlyCell(ws), title)
    title_cell.style = TITLE_STYLE
    ws.append([title_cell])
    header: list[WriteOnlyCell] = []
    for column in columns:
        cell = WriteOnlyCell(ws, column.header)
        cell.style = HEADER_STYLE
        header.append(cell)
    ws.append(header)
    styles = [WRAP_STYLE if column.wrap else PLAIN_STYLE for column in columns]
    wrapped = [(i, max(column.width - 1.0, 1.0)) for i, column in enumerate(columns) if column.wrap]
    dims = ws.row_dimensions
    written = 0
    try:
        for row in rows:
            cells = []
            for value, style in zip(row, styles, strict=True):
                cell = WriteOnlyCell(ws)
                cell.style = style
                cells_.write(cell, value)
                cells.append(cell)
            index = written + 3
            lines = row_lines(row, wrapped)
            if lines > 1:
                dims[index].height = min(lines * LINE_PT + 3, MAX_ROW_PT)
            ws.append(cells)
            if lines > 1:
                del dims[index]  # written with the row; keeping it would grow with the ledger
            written += 1
            if written % PROGRESS_EVERY == 0:
                checkpoint(progress, cancel, written)
    except BaseException:
        _abandon(ws)
        raise
    wb.save(path)
    return written


def _abandon(ws: Any) -> None:
    """Close a write-only sheet cut short and remove its temporary file (no stray warnings)."""
    with contextlib.suppress(Exception):
        ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            os.remove(writer.out)
