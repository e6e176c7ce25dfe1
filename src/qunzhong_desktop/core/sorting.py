"""Natural order for what clerks number by hand: 户号 "002" before "0019", 一组 … 九组, 十组.

Household numbers and grid names are typed in many styles ("2", "002", "1-003", "十组",
"第十一组"); text order puts "002" between "0019" and "0020" and "十组" before "二组".
:func:`natural_key` turns each run of digits, and each Chinese numeral up to 九千九百九十九,
into a zero-padded number, so plain text comparison of the keys is natural order. The
storage layer registers it as an SQL function and sorts by it in the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WIDTH = 12  # digits a number is padded to: longer runs compare as text

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千]+")
_RUN = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Sort:
    """How a list is ordered: a column's key (each list names its own) and the direction."""

    key: str
    descending: bool = False


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral (``"十一"`` → 11, ``"二十"`` → 20), or None."""
    total, digit, seen = 0, None, False
    for char in text:
        if char in _DIGITS:
            if digit is not None and digit != 0:  # "一二" is no number
                return None
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + (digit or 0)


def natural_key(text: str | None) -> str:
    """A key whose text order is the natural order of ``text`` (None and "" come first)."""
    if not text:
        return ""

    def numeral(match: re.Match[str]) -> str:
        value = chinese_number(match.group(0))
        return match.group(0) if value is None else str(value)

    plain = _NUMERAL.sub(numeral, text.strip().lower())
    return _RUN.sub(lambda m: m.group(0).lstrip("0").rjust(WIDTH, "0"), plain)
