"""The columns of a village roster (花名册) and how to find its header row.

Villages name their columns in many ways (身份证号 / 身份证号码 / 公民身份号码 …), put them in
any order and add title rows above them. :func:`find_header` looks for the first row whose
cells name enough known columns and maps each known field to its column index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from qunzhong_desktop.core.text import compact


class Field(StrEnum):
    """A roster column the importer understands."""

    HOUSEHOLD_NUMBER = "household_number"
    NAME = "name"
    HEAD_NAME = "head_name"
    RELATION = "relation"
    GENDER = "gender"
    ID_NUMBER = "id_number"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    ADDRESS = "address"
    GRID = "grid"
    NOTE = "note"
    TAGS = "tags"


# Labels as villages write them, after :func:`header_key` (no spaces, no brackets, no "*").
VARIANTS: dict[Field, tuple[str, ...]] = {
    Field.HOUSEHOLD_NUMBER: (
        "户号", "户编号", "户籍编号", "户口编号", "家庭编号", "户序号", "户代码", "户编码",
    ),
    Field.NAME: ("姓名", "成员姓名", "家庭成员姓名", "家庭成员", "居民姓名", "人员姓名"),
    Field.HEAD_NAME: ("户主姓名", "户主"),
    Field.RELATION: ("与户主关系", "与户主的关系", "家庭关系", "关系", "成员关系"),
    Field.GENDER: ("性别",),
    Field.ID_NUMBER: (
        "身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "公民身份证号", "身份证",
        "证件号码", "身份证件号码", "居民身份证号码", "身份号码",
    ),
    Field.BIRTH_DATE: ("出生日期", "出生年月", "出生年月日", "生日"),
    Field.PHONE: (
        "联系电话", "手机号码", "手机号", "手机", "电话", "电话号码", "联系方式", "联系手机",
    ),
    Field.ADDRESS: ("家庭住址", "住址", "家庭地址", "地址", "现住址", "居住地址", "详细地址"),
    Field.GRID: ("网格", "所属网格", "网格名称", "网格名", "所在网格"),
    Field.NOTE: ("备注", "说明"),
    Field.TAGS: (
        "帮扶类型", "重点人群", "重点帮扶对象", "人员类别", "人员类型", "帮扶对象类型",
        "特殊人群", "标签", "类别",
    ),
}  # fmt: skip

# Household-level columns: a member row that leaves them empty belongs to the household above.
HOUSEHOLD_FIELDS: frozenset[Field] = frozenset(
    {Field.HOUSEHOLD_NUMBER, Field.HEAD_NAME, Field.ADDRESS, Field.GRID}
)

# The column the error report adds; ignored when the corrected report is imported again.
ERROR_COLUMN = "错误原因"

_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_PUNCT = re.compile(r"[*＊:：.。、#＃]")
_HEADER_SCAN_ROWS = 30

_LOOKUP: dict[str, Field] = {
    variant: key for key, variants in VARIANTS.items() for variant in variants
}


def header_key(label: object) -> str:
    """A header cell reduced to what identifies it: ``"身份证号码（18位）*"`` → ``"身份证号码"``."""
    text = compact(label)
    text = _BRACKETED.sub("", text)
    return _PUNCT.sub("", text)


def field_of(label: object) -> Field | None:
    """The field a header cell names, or None for a column the importer ignores."""
    return _LOOKUP.get(header_key(label))


@dataclass(frozen=True, slots=True)
class Header:
    """The header row of a roster sheet.

    Attributes:
        row_index: 0-based index of the header row in the sheet's rows.
        labels: the header cells as written (used again by the error report).
        columns: each known field and the index of its column.
    """

    row_index: int
    labels: tuple[str, ...]
    columns: dict[Field, int] = field(default_factory=dict)

    def has(self, key: Field) -> bool:
        """Whether the roster has this column."""
        return key in self.columns


def _columns(row: Sequence[object]) -> dict[Field, int]:
    columns: dict[Field, int] = {}
    for index, cell in enumerate(row):
        key = field_of(cell)
        if key is not None and key not in columns:
            columns[key] = index
    return columns


def _is_header(columns: dict[Field, int]) -> bool:
    named = Field.NAME in columns or Field.HEAD_NAME in columns
    keyed = Field.ID_NUMBER in columns or Field.HOUSEHOLD_NUMBER in columns
    return named and keyed and len(columns) >= 3


def find_header(rows: Sequence[Sequence[object]]) -> Header | None:
    """The first row among the top rows that names a roster's columns, or None.

    A header needs a name column (姓名 or 户主姓名), an ID number or household number column,
    and at least three known columns in all, so a title such as "白沙村花名册" never counts.
    When there is no 姓名 column, 户主姓名 is the person's name (one row per household).
    """
    for index, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        columns = _columns(row)
        if not _is_header(columns):
            continue
        if Field.NAME not in columns:
            columns[Field.NAME] = columns.pop(Field.HEAD_NAME)
        labels = tuple(compact(cell) if cell is not None else "" for cell in row)
        return Header(row_index=index, labels=labels, columns=columns)
    return None


def is_repeated_header(row: Sequence[object], header: Header) -> bool:
    """Whether a data row repeats the header (rosters printed page by page do that)."""
    name_col = header.columns[Field.NAME]
    return name_col < len(row) and field_of(row[name_col]) in (Field.NAME, Field.HEAD_NAME)
