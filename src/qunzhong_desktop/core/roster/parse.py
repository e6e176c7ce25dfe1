"""Turn a roster sheet into checked rows: header, merged cells, fill-down, one row per person.

Nothing here knows the database. Each :class:`RosterRow` carries what is wrong with it
(``errors``: the row is rejected) and what is doubtful but usable (``flags``: imported and
marked on the person). Rows are numbered as the spreadsheet shows them (1-based).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qunzhong_desktop.core import citizen_id, limits, phone
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.roster.columns import (
    HOUSEHOLD_FIELDS,
    Field,
    Header,
    find_header,
    is_repeated_header,
)
from qunzhong_desktop.core.roster.reader import RosterUnreadable, SheetData, read_sheets
from qunzhong_desktop.core.roster.values import (
    HOUSEHOLD_TAGS,
    date_of,
    gender_of,
    id_text,
    relation_of,
    tags_of,
    text_of,
)
from qunzhong_desktop.core.text import clean, compact

_FOOTER_WORDS = (
    "合计", "总计", "小计", "共计", "总人数", "制表人", "填表人", "填报人", "审核人",
    "负责人", "制表日期", "填报日期", "填表日期", "联系人：", "注：", "说明：",
)  # fmt: skip


@dataclass(slots=True)
class RosterRow:
    """One person as the roster gives them, normalised, with its problems."""

    row: int
    cells: list[object]
    household_number: str = ""
    name: str = ""
    relation: str = ""
    gender: str = ""
    id_number: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    address: str = ""
    grid: str = ""
    note: str = ""
    tags: list[str] = field(default_factory=list)
    household_tags: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the row can be imported."""
        return not self.errors


@dataclass(slots=True)
class ParsedRoster:
    """A roster sheet read and checked row by row.

    Attributes:
        source: the file's name, for messages.
        sheet: the sheet the rows come from.
        header: the header row found.
        rows: every data row, good or bad, in sheet order.
        skipped: rows left out on purpose (empty, 合计, repeated header, footer).
        warnings: notes about the file as a whole (other sheets that look like rosters).
    """

    source: str
    sheet: str
    header: Header
    rows: list[RosterRow]
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)


def load_roster(path: Path) -> ParsedRoster:
    """Read a roster file and check its rows (nothing is written).

    Raises:
        RosterUnreadable: the file cannot be read, or has no roster header.
    """
    return parse_roster(read_sheets(path), source=path.name)


def parse_roster(sheets: Sequence[SheetData], source: str = "") -> ParsedRoster:
    """Find the roster in a workbook and check its rows.

    The first sheet with a recognisable header is imported; other sheets with a header are
    named in ``warnings`` so the clerk knows to import them separately.

    Raises:
        RosterUnreadable: no sheet has a roster header.
    """
    found: list[tuple[SheetData, Header]] = []
    for sheet in sheets:
        header = find_header(sheet.rows)
        if header is not None:
            found.append((sheet, header))
    if not found:
        raise RosterUnreadable(
            f"在“{source or '文件'}”中没有找到花名册表头：需要一行写有“姓名”以及"
            "“户号”或“身份证号”等列名。",
            code="roster.no_header",
        )
    sheet, header = found[0]
    parsed = ParsedRoster(source=source, sheet=sheet.name, header=header, rows=[])
    for other, _ in found[1:]:
        parsed.warnings.append(f"工作表“{other.name}”也像是花名册，本次未导入，请单独导入。")
    _read_rows(sheet, header, parsed)
    _check_file(parsed.rows)
    return parsed


def _is_blank(cells: Sequence[object]) -> bool:
    return all(text_of(c) == "" for c in cells)


def _is_footer(cells: Sequence[object]) -> bool:
    first = next((compact(text_of(c)) for c in cells if text_of(c) != ""), "")
    return first.startswith(_FOOTER_WORDS)


def _fill_merges(sheet: SheetData, start: int) -> list[list[object]]:
    rows = [list(r) for r in sheet.rows]
    for (r0, c0), (r1, c1) in sheet.merges or []:
        if r1 < start or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(max(r0, start), min(r1, len(rows) - 1) + 1):
            row = rows[r]
            row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                if text_of(row[c]) == "":
                    row[c] = value
    return rows


def _read_rows(sheet: SheetData, header: Header, parsed: ParsedRoster) -> None:
    start = header.row_index + 1
    filled = _fill_merges(sheet, start)
    previous: list[object] | None = None
    for index in range(start, len(sheet.rows)):
        raw = sheet.rows[index]
        if _is_blank(raw) or _is_footer(raw) or is_repeated_header(raw, header):
            parsed.skipped += 1
            continue
        cells = filled[index]
        cells.extend([""] * (len(header.labels) - len(cells)))
        if previous is not None:
            _fill_down(cells, previous, header)
        previous = cells
        parsed.rows.append(_row(index + 1, cells, header))


def _cell(cells: Sequence[object], header: Header, key: Field) -> object:
    col = header.columns.get(key)
    return cells[col] if col is not None and col < len(cells) else None


def _fill_down(cells: list[object], previous: list[object], header: Header) -> None:
    """A member row with empty household cells belongs to the household above it."""
    if relation_of(_cell(cells, header, Field.RELATION)) == "户主":
        return
    number_col = header.columns.get(Field.HOUSEHOLD_NUMBER)
    if number_col is not None and text_of(cells[number_col]) != "":
        return  # a number of its own: the other household cells are its own too
    for key in HOUSEHOLD_FIELDS:
        col = header.columns.get(key)
        if col is not None and text_of(cells[col]) == "":
            cells[col] = previous[col]


def _row(number: int, cells: list[object], header: Header) -> RosterRow:
    row = RosterRow(row=number, cells=cells)
    row.household_number = compact(text_of(_cell(cells, header, Field.HOUSEHOLD_NUMBER)))
    row.name = compact(text_of(_cell(cells, header, Field.NAME)))
    row.address = clean(text_of(_cell(cells, header, Field.ADDRESS)))
    row.grid = compact(text_of(_cell(cells, header, Field.GRID)))
    row.note = clean(text_of(_cell(cells, header, Field.NOTE)))
    for tag in tags_of(_cell(cells, header, Field.TAGS)):
        (row.household_tags if tag in HOUSEHOLD_TAGS else row.tags).append(tag)
    if not row.name:
        row.errors.append("缺少姓名。")
    if not row.household_number and header.has(Field.HOUSEHOLD_NUMBER):
        row.errors.append("缺少户号。")
    for label, value, limit in (
        ("姓名", row.name, limits.NAME),
        ("户号", row.household_number, limits.HOUSEHOLD_NUMBER),
        ("住址", row.address, limits.ADDRESS),
        ("网格", row.grid, limits.NAME),
        ("备注", row.note, limits.NOTE),
    ):
        if limits.too_long(value, limit):
            row.errors.append(limits.message(label, limit, value))
    _relation(row, cells, header)
    _identity(row, cells, header)
    _phone(row, cells, header)
    return row


def _relation(row: RosterRow, cells: list[object], header: Header) -> None:
    raw = compact(text_of(_cell(cells, header, Field.RELATION)))
    head_name = compact(text_of(_cell(cells, header, Field.HEAD_NAME)))
    relation = relation_of(raw)
    if relation is not None:
        row.relation = relation
    elif raw:
        row.relation = "其他"
        row.flags.append(f"与户主关系“{raw}”不在列表中，已记为“其他”。")
    elif head_name and header.has(Field.RELATION):
        row.relation = "户主" if head_name == row.name else ""
    # still empty: decided per household once the whole file is read (see _check_file)


def _identity(row: RosterRow, cells: list[object], header: Header) -> None:
    try:
        gender = gender_of(_cell(cells, header, Field.GENDER))
    except ValidationError as exc:
        row.flags.append(exc.message)
        gender = ""
    try:
        birth = date_of(_cell(cells, header, Field.BIRTH_DATE))
    except ValidationError as exc:
        row.flags.append(exc.message + "未导入出生日期。")
        birth = None
    row.gender, row.birth_date = gender, birth
    raw = _cell(cells, header, Field.ID_NUMBER)
    try:
        text = id_text(raw)
        if not text:
            row.flags.append("未填身份证号（如为新生儿，办理户口后请补录）。")
            return
        checked = citizen_id.parse(text)
    except ValidationError as exc:
        row.errors.append(exc.message)
        return
    row.id_number = checked.number
    if birth is not None and birth != checked.birth_date:
        row.flags.append(
            f"出生日期 {birth.isoformat()} 与身份证号不符，已按身份证号记为 "
            f"{checked.birth_date.isoformat()}。"
        )
    if gender and gender != checked.gender:
        row.flags.append(f"性别“{gender}”与身份证号不符，已按身份证号记为“{checked.gender}”。")
    row.birth_date, row.gender = checked.birth_date, checked.gender


def _phone(row: RosterRow, cells: list[object], header: Header) -> None:
    raw = compact(text_of(_cell(cells, header, Field.PHONE)))
    if not raw:
        return
    try:
        row.phone = phone.normalise(raw)
    except ValidationError as exc:
        row.phone = raw[:32]
        row.flags.append(exc.message + "已原样保留。")


def _check_file(rows: list[RosterRow]) -> None:
    """Rules across rows: one head per household, no person twice."""
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    heads: dict[str, int] = {}
    explicit = {r.household_number for r in rows if r.ok and r.relation == "户主"}
    for row in rows:
        if not row.ok:
            continue
        key = (row.household_number, row.name)
        if row.id_number and row.id_number in by_id:
            row.errors.append(f"身份证号与第 {by_id[row.id_number]} 行重复，同一个人不能登记两次。")
            continue
        if row.household_number and not row.id_number and key in by_name:
            row.errors.append(
                f"户号 {row.household_number} 中“{row.name}”与第 {by_name[key]} 行重复。"
            )
            continue
        if row.household_number:
            # without a household number the register decides (see roster_plan)
            _settle_relation(row, heads, explicit)
            if not row.ok:
                continue
            by_name.setdefault(key, row.row)
        if row.id_number:
            by_id[row.id_number] = row.row


def _settle_relation(row: RosterRow, heads: dict[str, int], explicit: set[str]) -> None:
    """An empty relation: the first member of a household is its head, the rest 其他."""
    number = row.household_number
    if not row.relation:
        if number in heads or number in explicit:
            row.relation = "其他"
            row.flags.append("未填与户主关系，已记为“其他”。")
        else:
            row.relation = "户主"
    if row.relation == "户主":
        if number in heads:
            row.errors.append(
                f"户号 {number} 已有户主（第 {heads[number]} 行），一户只能有一名户主。"
            )
        else:
            heads[number] = row.row
