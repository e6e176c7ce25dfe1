"""The access log (访问记录) as an Excel sheet, for the head to keep or hand over."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from qunzhong_desktop.core.safe_write import write_atomically
from qunzhong_desktop.reports.cells import write
from qunzhong_desktop.storage.access_log import LogEntry

HEADERS = ("时间", "操作员", "角色", "类别", "内容", "条数")
WIDTHS = (18, 10, 10, 14, 44, 8)


def write_access_log(entries: Sequence[LogEntry], out: Path, *, title: str) -> Path:
    """Write the lines (the latest first, as listed) to ``out`` (.xlsx); returns ``out``.

    Raises:
        OutputError: the file cannot be written there (nothing is left behind).
    """

    def save(path: Path) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "访问记录"
        write(sheet.cell(1, 1), title).font = Font(bold=True, size=14)
        for column, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
            write(sheet.cell(2, column), header).font = Font(bold=True)
            sheet.column_dimensions[chr(64 + column)].width = width
        for row, e in enumerate(entries, start=3):
            values = (e.at.strftime("%Y-%m-%d %H:%M:%S"), e.operator, e.role, e.action_name,
                      e.what, e.count or None)  # fmt: skip
            for column, value in enumerate(values, start=1):
                write(sheet.cell(row, column), value)
        sheet.freeze_panes = "A3"
        book.save(path)

    write_atomically(Path(out), save)
    return Path(out)
