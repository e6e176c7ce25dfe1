"""Read the sheets of a roster file (.xlsx, .xls, .ods) with python-calamine.

The format is recognised from the file's content, not its name, so a ``.ods`` saved as
``.xlsx`` by a tired clerk still opens. Anything that cannot be read raises
:class:`RosterUnreadable` with one Chinese sentence; nothing has been written by then.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from qunzhong_desktop.core.bounded import regular_file
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.roster import bounds as roster_bounds

Merge = tuple[tuple[int, int], tuple[int, int]]

# a village's roster is a few hundred KB to a few MB; 16 MB is far beyond any of them
_MAX_BYTES = 16 * 1024 * 1024


class RosterUnreadable(DomainError):
    """The roster file cannot be read at all (missing, not a spreadsheet, damaged, no header)."""

    code = "roster.unreadable"


@dataclass(slots=True)
class SheetData:
    """The cells of one worksheet, from A1, and its merged ranges.

    Attributes:
        name: the sheet's name.
        rows: the cells, row by row from A1 (index 0 is Excel row 1).
        merges: merged ranges as ``((first_row, first_col), (last_row, last_col))``, 0-based;
            None when the format gives no merge information (.ods).
    """

    name: str
    rows: list[list[object]]
    merges: list[Merge] | None = field(default=None)


def read_sheets(path: Path) -> list[SheetData]:
    """Every visible worksheet of a roster file.

    Raises:
        RosterUnreadable: the file is missing, empty, not a spreadsheet or damaged.
    """
    name = path.name
    if not path.exists():
        raise RosterUnreadable(f"找不到文件“{path}”，请确认文件位置。", code="roster.missing")
    if path.is_dir():
        raise RosterUnreadable(f"“{path}”是一个文件夹，请选择花名册文件。", code="roster.missing")
    try:
        size = regular_file(path).st_size
        if size > _MAX_BYTES:  # before reading it: a huge file costs memory and time
            raise RosterUnreadable(
                f"文件“{name}”有 {size // (1024 * 1024)} MB，太大了，不像是花名册"
                "（花名册一般不超过几 MB）。请只保留花名册所在的表格，另存后再导入。",
                code="roster.too_big",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise RosterUnreadable(
            f"无法打开文件“{name}”：{exc.strerror or exc}。", code="roster.io"
        ) from exc
    if not data:
        raise RosterUnreadable(f"文件“{name}”是空的。", code="roster.empty")
    if len(data) > _MAX_BYTES:
        raise RosterUnreadable(f"文件“{name}”太大，不像是花名册。", code="roster.too_big")
    roster_bounds.check(data, name)  # before the reader allocates the sheets
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [_sheet(workbook, meta.name) for meta in _worksheets(workbook)]
    except python_calamine.PasswordError as exc:
        raise RosterUnreadable(
            f"文件“{name}”设有密码，请在 Excel/WPS 中取消密码后再导入。", code="roster.password"
        ) from exc
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise RosterUnreadable(
            f"无法读取“{name}”：不是有效的 Excel/WPS 表格（.xlsx、.xls、.ods），或文件已损坏。",
            code="roster.damaged",
            detail=str(exc),
        ) from exc
    if not sheets:
        raise RosterUnreadable(f"文件“{name}”中没有工作表。", code="roster.empty")
    return sheets


def _worksheets(workbook: python_calamine.CalamineWorkbook) -> list[python_calamine.SheetMetadata]:
    return [
        meta
        for meta in workbook.sheets_metadata
        if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
        and meta.visible == python_calamine.SheetVisibleEnum.Visible
    ]


def _sheet(workbook: python_calamine.CalamineWorkbook, name: str) -> SheetData:
    sheet = workbook.get_sheet_by_name(name)
    rows: list[list[object]] = [list(row) for row in sheet.to_python(skip_empty_area=False)]
    merges = sheet.merged_cell_ranges
    return SheetData(name=name, rows=rows, merges=_merges(merges))


def _merges(raw: Sequence[Merge] | None) -> list[Merge] | None:
    if raw is None:
        return None
    return [((int(a[0]), int(a[1])), (int(b[0]), int(b[1]))) for a, b in raw]
