"""The error report of a roster import: the rejected rows, ready to correct and import again.

The sheet has the roster's own header plus a 错误原因 column, one row per rejected roster row
with its household cells filled in (merged cells are undone), so the clerk corrects the cells
in place and imports the file as it is; the importer ignores the 错误原因 column.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from qunzhong_desktop.core.roster.columns import ERROR_COLUMN, Field, header_key
from qunzhong_desktop.core.roster.plan import ImportPlan
from qunzhong_desktop.core.roster.values import text_of
from qunzhong_desktop.core.safe_write import atomic_path
from qunzhong_desktop.reports import cells

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REASON_FILL = PatternFill("solid", fgColor="FCE4D6")
_MIN_WIDTH, _MAX_WIDTH, _REASON_WIDTH = 8, 40, 60


def _display_width(text: str) -> int:
    """Characters as a spreadsheet column counts them: CJK and full-width count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell_value(value: object, is_id: bool) -> object:
    if isinstance(value, dt.datetime | dt.date) and not is_id:
        return value
    if is_id and isinstance(value, float) and (not value.is_integer() or abs(value) >= 1e15):
        # a number that lost digits: shown as Excel showed it, never as a made-up ID
        return f"{value:.15g}".upper()
    return text_of(value)


def write_error_report(plan: ImportPlan, path: Path) -> Path:
    """Write the rejected rows of a plan to an .xlsx file the clerk can correct and re-import.

    Args:
        plan: the import plan (its ``rejected`` rows are written).
        path: where to save the workbook; parent folders are created.

    Returns:
        The path written.
    """
    header = plan.roster.header
    keep = [
        index
        for index, label in enumerate(header.labels)
        if label and header_key(label) != ERROR_COLUMN
    ]
    id_col = header.columns.get(Field.ID_NUMBER)
    reasons = {issue.row: issue.reason for issue in plan.rejected}
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook always has one sheet
    ws.title = "未导入的行"
    labels = [header.labels[i] for i in keep] + [ERROR_COLUMN]
    ws.append(labels)
    widths = [_display_width(label) + 2 for label in labels]
    for row in plan.rejected_rows:
        values = [
            _cell_value(row.cells[i] if i < len(row.cells) else "", i == id_col) for i in keep
        ]
        values.append(f"原第 {row.row} 行：{reasons[row.row]}")
        at = ws.max_row + 1
        for col, value in enumerate(values, start=1):
            cells.write(ws.cell(at, col), value)
        for col, value in enumerate(values[:-1]):
            shown = value.isoformat() if isinstance(value, dt.date) else str(value)
            widths[col] = max(widths[col], _display_width(shown) + 2)
    _style(ws, keep, id_col, widths)
    with contextlib.suppress(OSError):  # a folder that cannot be made: atomic_path says so
        path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:  # a read-only or full folder: one sentence, no partial file
        wb.save(tmp)
    return path


def _style(ws: Worksheet, keep: list[int], id_col: int | None, widths: list[int]) -> None:
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    last = len(widths)
    for col, width in enumerate(widths, start=1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = (
            _REASON_WIDTH if col == last else min(max(width, _MIN_WIDTH), _MAX_WIDTH)
        )
    for row in ws.iter_rows(min_row=2):
        for col, cell in enumerate(row, start=1):
            if col == last:
                cell.fill = _REASON_FILL
                cell.font = Font(color="C00000")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.number_format = "@"  # text: IDs and phones keep every digit when retyped
    if id_col is not None and id_col in keep:
        letter = get_column_letter(keep.index(id_col) + 1)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, 22)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"
    ws.print_title_rows = "1:1"
