"""Spreadsheet bombs are measured and refused before the reader allocates them (issue 10, case 7).

Before: a 1.7 KB .xlsx with one cell at XFD1048576 aborted the process (the reader asked for
512 GiB); a .xls cell at the last row and column cost 1.2 GB; a 32 MB .xlsx took 3.7 GB and
228 s. Each file here is built small; each must be refused in a moment with one sentence.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from qunzhong_desktop.core.roster.bounds import Extent, RosterTooLarge, extents
from qunzhong_desktop.core.roster.reader import RosterUnreadable, read_sheets

DATA = Path(__file__).parents[1] / "data"


def _xlsx(path: Path, extra: bytes = b"") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "花名册"
    ws.append(["户号", "姓名"])
    ws.append(["001", "张三"])
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</sheetData>", extra + b"</sheetData>")
            out.writestr(info, data)
    return path


def test_an_xlsx_with_one_cell_at_the_far_corner_is_refused(tmp_path: Path) -> None:
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _xlsx(tmp_path / "bomb.xlsx", far)
    assert path.stat().st_size < 6000
    started = time.monotonic()
    with pytest.raises(RosterTooLarge) as caught:
        read_sheets(path)
    assert time.monotonic() - started < 2
    assert "1048576 行 × 16384 列" in caught.value.message


def test_an_xls_cell_at_the_last_row_and_column_is_refused(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("花名册")
    sheet.write(0, 0, "户号")
    sheet.write(65535, 255, "x")
    book.save(str(tmp_path / "far.xls"))
    with pytest.raises(RosterTooLarge):
        read_sheets(tmp_path / "far.xls")


def test_an_ods_cell_repeated_across_a_million_rows_is_refused(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="花名册")
    row = TableRow(numberrowsrepeated=1_000_000)
    cell = TableCell(valuetype="string", numbercolumnsrepeated=1000)
    cell.addElement(P(text="x"))
    row.addElement(cell)
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    doc.save(str(tmp_path / "rep.ods"))
    assert extents((tmp_path / "rep.ods").read_bytes()) == [Extent(1_000_000, 1000)]
    with pytest.raises(RosterTooLarge):
        read_sheets(tmp_path / "rep.ods")


def test_a_32_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "大.xlsx"
    with path.open("wb") as f:
        f.truncate(32 * 1024 * 1024)
    with pytest.raises(RosterUnreadable) as caught:
        read_sheets(path)
    assert caught.value.code == "roster.too_big" and "32 MB" in caught.value.message


@pytest.mark.parametrize("name", ["roster_messy.xlsx", "roster_messy.xls", "roster_messy.ods"])
def test_real_rosters_are_measured_small_and_read(name: str) -> None:
    data = (DATA / name).read_bytes()
    sizes = extents(data)
    assert sizes and all(e.rows < 50 and e.columns < 20 for e in sizes)
    assert any(len(sheet.rows) > 10 for sheet in read_sheets(DATA / name))


def test_the_xlsx_scan_finds_a_reference_cut_between_two_reads(tmp_path: Path) -> None:
    from qunzhong_desktop.core.roster import bounds as roster_bounds

    reference = b'<c r="C77" t="s"><v>0</v></c>'
    pad = roster_bounds._CHUNK - len(b"<sheetData>") - 5  # the read ends inside the reference
    xml = b"<sheetData>" + b" " * pad + reference + b"</sheetData>"
    path = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", xml)
    assert extents(path.read_bytes()) == [Extent(77, 3)]
