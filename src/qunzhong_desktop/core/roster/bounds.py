"""How big a roster says it is, found before it is read (a spreadsheet bomb is refused).

The spreadsheet reader (calamine) holds a sheet as one dense block from its first to its
last used cell. A 1.7 KB .xlsx with one cell at XFD1048576 asked for 512 GiB and aborted the
process; a .xls cell at the last row and column costs 1.2 GB; a .ods cell repeated a
thousand times across a million rows, billions. So before the reader sees a file, the used
area of every sheet is measured from the file's own structure, in one streaming pass with
little memory:

- .xlsx: the cell references (``r="XFD1048576"``) of each worksheet part;
- .ods: the rows and columns a non-empty cell reaches, repeats counted;
- .xls: the row and column of every cell record of the workbook stream (via ``olefile``).

A sheet over :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns or :data:`MAX_CELLS` cells,
or a zip part over :data:`MAX_PART_BYTES` unpacked, is refused with one sentence.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass
from typing import IO, Any, cast
from xml.etree.ElementTree import XMLPullParser

from qunzhong_desktop.core.errors import DomainError

MAX_ROWS = 100_000
MAX_COLUMNS = 300
MAX_CELLS = 2_000_000
MAX_PART_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20
_REF = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_NS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_NS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
# BIFF cell records: (type) with row and column as the first two 16-bit fields
_CELL_RECORDS = frozenset({0x0006, 0x00BD, 0x00BE, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E})


class RosterTooLarge(DomainError):
    """A sheet (or a packed part) is far larger than any roster."""

    code = "roster.too_large"


@dataclass(frozen=True, slots=True)
class Extent:
    """The used area of a sheet: rows and columns from A1 to its last used cell."""

    rows: int
    columns: int


def check(data: bytes, name: str) -> None:
    """Refuse a roster file whose sheets are too large to read (see the module docstring).

    Raises:
        RosterTooLarge: with the sheet's size in the sentence.
    """
    for extent in extents(data):
        cells = extent.rows * extent.columns
        if extent.rows > MAX_ROWS or extent.columns > MAX_COLUMNS or cells > MAX_CELLS:
            raise RosterTooLarge(
                f"文件“{name}”中有一张表占用了 {extent.rows} 行 × {extent.columns} 列，"
                f"远超花名册的大小（最多 {MAX_ROWS} 行、{MAX_COLUMNS} 列），没有导入。"
                "请只保留花名册所在的表格和区域，另存后再导入。",
                code="roster.too_large",
                rows=extent.rows,
                columns=extent.columns,
            )


def extents(data: bytes) -> list[Extent]:
    """The used area of every sheet of an .xlsx, .ods or .xls file (others: none).

    Raises:
        RosterTooLarge: a packed part unpacks to more than :data:`MAX_PART_BYTES`.
    """
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
                if "content.xml" in names:
                    return [_ods(zf)]
                parts = [n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")]
                return [_xlsx_part(zf, part) for part in parts]
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            return []  # the reader says it is damaged
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _xls(data)
    return []


def _open_part(zf: zipfile.ZipFile, part: str) -> IO[bytes]:
    if zf.getinfo(part).file_size > MAX_PART_BYTES:
        raise RosterTooLarge(
            "这个表格文件解压后超过 256 MB，不像是花名册，没有导入。", code="roster.too_large"
        )
    return zf.open(part)


def _xlsx_part(zf: zipfile.ZipFile, part: str) -> Extent:
    rows = columns = 0
    tail = b""
    with _open_part(zf, part) as stream:
        while chunk := stream.read(_CHUNK):
            block = tail + chunk
            for letters, digits in _REF.findall(block):
                columns = max(columns, _column(letters))
                rows = max(rows, int(digits))
            tail = block[-200:]  # a reference cut between two chunks is found next time
    return Extent(rows, columns)


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _ods(zf: zipfile.ZipFile) -> Extent:
    """Rows and columns that non-empty cells reach in content.xml (the largest table)."""
    parser: XMLPullParser[Any] = XMLPullParser(events=("start", "end"))
    row_tag, cell_tags = (
        f"{{{_NS_TABLE}}}table-row",
        {f"{{{_NS_TABLE}}}table-cell", f"{{{_NS_TABLE}}}covered-table-cell"},
    )
    table_tag = f"{{{_NS_TABLE}}}table"
    rows_attr = f"{{{_NS_TABLE}}}number-rows-repeated"
    cols_attr = f"{{{_NS_TABLE}}}number-columns-repeated"
    value_attr = f"{{{_NS_OFFICE}}}value-type"
    best = Extent(0, 0)
    row_at = col_at = row_reps = 0
    used_rows = used_cols = 0
    row_used = False
    with _open_part(zf, "content.xml") as stream:
        while chunk := stream.read(_CHUNK):
            parser.feed(chunk)
            for pair in parser.read_events():
                event, element = cast("tuple[str, Any]", pair)
                tag = element.tag
                if event == "start" and tag == table_tag:
                    row_at = used_rows = used_cols = 0
                elif event == "start" and tag == row_tag:
                    col_at, row_used = 0, False
                    row_reps = int(element.get(rows_attr, "1") or 1)
                elif event == "end" and tag in cell_tags:
                    reps = int(element.get(cols_attr, "1") or 1)
                    if element.get(value_attr) is not None or len(element):
                        used_cols = max(used_cols, col_at + reps)
                        row_used = True
                    col_at += reps
                    element.clear()
                elif event == "end" and tag == row_tag:
                    row_at += row_reps
                    if row_used:
                        used_rows = row_at
                    element.clear()
                elif event == "end" and tag == table_tag:
                    if used_rows * used_cols > best.rows * best.columns:
                        best = Extent(used_rows, used_cols)
                    element.clear()
    return best


def _xls(data: bytes) -> list[Extent]:
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if stream is None:
                return []
            if ole.get_size(stream) > MAX_PART_BYTES:
                raise RosterTooLarge(
                    "这个表格文件超过 256 MB，不像是花名册，没有导入。", code="roster.too_large"
                )
            body = ole.openstream(stream).read()
    except (OSError, ValueError, struct.error):
        return []  # the reader says it is damaged
    rows = columns = 0
    at = 0
    while at + 4 <= len(body):
        kind, size = struct.unpack_from("<HH", body, at)
        if kind in _CELL_RECORDS and size >= 6:
            row, col = struct.unpack_from("<HH", body, at + 4)
            if kind in (0x00BD, 0x00BE):  # MULRK, MULBLANK: the last column ends the record
                col = max(col, struct.unpack_from("<H", body, at + 4 + size - 2)[0])
            rows, columns = max(rows, row + 1), max(columns, col + 1)
        elif kind == 0x0200 and size >= 14:  # DIMENSIONS (BIFF8): the sheet's declared area
            last_row, _, last_col = struct.unpack_from("<IHH", body, at + 8)
            rows, columns = max(rows, last_row), max(columns, last_col)
        at += 4 + size
    return [Extent(rows, columns)]
