"""Write a roster in any of the three formats villages keep: .xlsx, .xls and .ods.

openpyxl writes .xlsx; ``xlwt`` (the Excel 97–2003 writer behind pyexcel-xls) writes .xls
and ``odfpy`` (the OpenDocument library) writes .ods, so the tests can make rosters of any
content in every format the import reads, without LibreOffice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

Cell = str | int | float | None


def write_roster(path: Path, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Path:
    """A sheet named 花名册 with a title row, the header and the rows, in ``path``'s format."""
    title = ["花名册（测试）"]
    table = [title, list(header), *(list(r) for r in rows)]
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _xlsx(path, table)
    elif suffix == ".xls":
        _xls(path, table)
    elif suffix == ".ods":
        _ods(path, table)
    else:
        raise ValueError(path)
    return path


def _xlsx(path: Path, table: list[list[Cell]]) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "花名册"
    for row in table:
        ws.append(row)
    wb.save(path)


def _xls(path: Path, table: list[list[Cell]]) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(path))


def _ods(path: Path, table: list[list[Cell]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    sheet = Table(name="花名册")
    for row in table:
        tr = TableRow()
        for value in row:
            if value is None:
                tr.addElement(TableCell())
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
        sheet.addElement(tr)
    doc.spreadsheet.addElement(sheet)
    doc.save(str(path))
