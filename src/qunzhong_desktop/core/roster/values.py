"""Cell values of a roster as villages type them: numbers, dates, variants of words.

Every function takes a raw cell (``str``, ``int``, ``float``, ``date``, ``datetime``, ``bool``
or None, as python-calamine returns them) and gives the value the register stores, or raises
:class:`~qunzhong_desktop.core.errors.ValidationError` with a Chinese reason.
"""

from __future__ import annotations

import datetime as dt
import re

from qunzhong_desktop.core.entities import RELATIONS, SUPPORT_TAGS
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean, compact

# Excel keeps 15 significant digits; an 18-digit ID typed as a number loses the rest.
_EXCEL_DIGITS = 15
_FLOAT_EXACT = 2**53

_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?E\+?\d+$")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_PATTERN = re.compile(r"^(\d{4})[-./年](\d{1,2})月?$")

RELATION_VARIANTS: dict[str, str] = {
    "本人": "户主", "户主本人": "户主",
    "妻": "配偶", "妻子": "配偶", "夫": "配偶", "丈夫": "配偶", "夫妻": "配偶", "爱人": "配偶",
    "子": "子女", "女": "子女", "儿子": "子女", "女儿": "子女", "长子": "子女", "次子": "子女",
    "三子": "子女", "长女": "子女", "次女": "子女", "三女": "子女", "独子": "子女",
    "独女": "子女", "养子": "子女", "养女": "子女", "继子": "子女", "继女": "子女",
    "父": "父母", "母": "父母", "父亲": "父母", "母亲": "父母",
    "孙子": "孙子女", "孙女": "孙子女", "外孙": "孙子女", "外孙子": "孙子女",
    "外孙女": "孙子女", "孙": "孙子女",
    "兄": "兄弟姐妹", "弟": "兄弟姐妹", "姐": "兄弟姐妹", "妹": "兄弟姐妹", "哥哥": "兄弟姐妹",
    "弟弟": "兄弟姐妹", "姐姐": "兄弟姐妹", "妹妹": "兄弟姐妹",
    "祖父": "祖父母", "祖母": "祖父母", "爷爷": "祖父母", "奶奶": "祖父母",
    "外祖父": "祖父母", "外祖母": "祖父母",
    "媳妇": "儿媳", "儿媳妇": "儿媳",
}  # fmt: skip

TAG_VARIANTS: dict[str, str] = {
    "低保": "低保户", "农村低保": "低保户", "城市低保": "低保户", "低保对象": "低保户",
    "五保": "特困供养(五保)", "五保户": "特困供养(五保)", "特困": "特困供养(五保)",
    "特困供养": "特困供养(五保)", "特困人员": "特困供养(五保)",
    "残疾": "残疾人", "残疾人员": "残疾人", "孤寡": "孤寡老人", "空巢老人": "孤寡老人",
    "留守": "留守儿童", "重病": "重病患者", "大病": "重病患者", "监测户": "防返贫监测户",
    "防返贫监测对象": "防返贫监测户", "监测对象": "防返贫监测户",
}  # fmt: skip

# Tags that describe the household as a whole (the rest describe one member).
HOUSEHOLD_TAGS: frozenset[str] = frozenset({"低保户", "特困供养(五保)", "防返贫监测户"})

_TAG_SPLIT = re.compile(r"[、,，;；/|\s]+")


def text_of(value: object) -> str:
    """A cell as text: whole numbers without ``.0``, dates ISO, full-width folded."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < _FLOAT_EXACT:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean(value)


def id_text(value: object) -> str:
    """An ID number cell as text, refusing numbers that lost digits.

    Raises:
        ValidationError: code ``id.precision`` when the cell is a number Excel could not keep
            whole (a float beyond 15 digits, or an 18-digit integer ending in lost zeros).
    """
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 10**_EXCEL_DIGITS:
            raise _precision_error(f"{value:.15g}".upper())
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        if len(digits) > _EXCEL_DIGITS and len(digits.rstrip("0")) <= _EXCEL_DIGITS:
            raise _precision_error(digits)
        return digits
    text = compact(value).upper()
    if _SCIENTIFIC.match(text):
        raise _precision_error(text)
    return text


def _precision_error(shown: str) -> ValidationError:
    return ValidationError(
        f"身份证号“{shown}”以数字格式保存，Excel 只保留 15 位有效数字，后几位已丢失；"
        "请把该列设为“文本”格式后重新填写完整号码。",
        code="id.precision",
        value=shown,
    )


def date_of(value: object) -> dt.date | None:
    """A birth date from a date cell or text (1965.03.02, 1965年3月2日, 1965-3-2, 19650302).

    Returns None for an empty cell.

    Raises:
        ValidationError: code ``date.invalid`` when the text is not a real date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = compact(text_of(value))
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                break
    month = _MONTH_PATTERN.match(text)
    if month and 1 <= int(month[2]) <= 12:
        return dt.date(int(month[1]), int(month[2]), 1)
    raise ValidationError(
        f"出生日期“{text}”无法识别，请写成“1965-03-02”或“1965年3月2日”。",
        code="date.invalid",
        value=text,
    )


def gender_of(value: object) -> str:
    """``男`` / ``女`` from 男, 女, 男性, M, F …; empty for an empty cell.

    Raises:
        ValidationError: code ``gender.invalid`` for anything else.
    """
    text = compact(text_of(value)).upper()
    if not text:
        return ""
    if text in {"男", "男性", "M", "MALE", "1"}:
        return "男"
    if text in {"女", "女性", "F", "FEMALE", "2"}:
        return "女"
    raise ValidationError(f"性别“{text}”无法识别。", code="gender.invalid", value=text)


def relation_of(value: object) -> str | None:
    """The register's relation for a cell (妻 → 配偶, 长子 → 子女); None when unknown."""
    text = compact(text_of(value))
    if text in RELATIONS:
        return text
    return RELATION_VARIANTS.get(text)


def tags_of(value: object) -> list[str]:
    """Support tags in a cell, split on 、 , ; / and spaces, variants folded (低保 → 低保户)."""
    tags: list[str] = []
    for part in _TAG_SPLIT.split(text_of(value)):
        tag = compact(part).replace("（", "(").replace("）", ")")
        if not tag or tag in {"无", "否", "/", "-"}:
            continue
        tag = TAG_VARIANTS.get(tag, tag)
        if tag not in tags:
            tags.append(tag)
    return tags


def is_known_tag(tag: str) -> bool:
    """Whether a tag is one of the register's support tags."""
    return tag in SUPPORT_TAGS
