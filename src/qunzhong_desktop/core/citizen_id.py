"""Citizen ID numbers (公民身份号码, GB 11643-1999): check, normalise, derive, mask."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.regions import plausible_area
from qunzhong_desktop.core.text import compact

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$")


def check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


@dataclass(frozen=True, slots=True)
class CitizenId:
    """A checked citizen ID number and what derives from it."""

    number: str
    birth_date: dt.date
    gender: str  # "男" or "女"

    @property
    def area(self) -> str:
        """The six-digit area code of first registration."""
        return self.number[:6]


def normalise(raw: object) -> str:
    """Fold full-width digits, spaces and a lower-case ``x`` into the canonical form."""
    return compact(raw).upper()


def parse(raw: object, *, today: dt.date | None = None) -> CitizenId:
    """Check a citizen ID number and derive birth date and gender.

    Raises:
        ValidationError: code ``id.length``, ``id.format``, ``id.area``, ``id.date`` or
            ``id.checksum`` with a Chinese message.
    """
    number = normalise(raw)
    if len(number) != 18:
        raise ValidationError(
            f"身份证号应为 18 位，现在是 {len(number)} 位：“{number}”。",
            code="id.length",
            value=number,
        )
    if not _SHAPE.match(number):
        raise ValidationError(
            f"身份证号“{number}”格式不对：前 17 位应为数字，最后一位为数字或 X。",
            code="id.format",
            value=number,
        )
    if not plausible_area(number[:6]):
        raise ValidationError(
            f"身份证号“{number}”的前 6 位“{number[:6]}”不是有效的地区代码。",
            code="id.area",
            value=number,
        )
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        birth = None
    today = today or dt.date.today()
    if birth is None or birth > today or birth.year < 1880:
        raise ValidationError(
            f"身份证号“{number}”中的出生日期“{number[6:14]}”不是真实的日期。",
            code="id.date",
            value=number,
        )
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise ValidationError(
            f"身份证号“{number}”校验位不对（最后一位应为 {expected}），请核对是否抄错。",
            code="id.checksum",
            value=number,
            expected=expected,
        )
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return CitizenId(number=number, birth_date=birth, gender=gender)


def is_valid(raw: object) -> bool:
    """Whether :func:`parse` accepts the value."""
    try:
        parse(raw)
    except ValidationError:
        return False
    return True


def mask(number: str | None) -> str:
    """Mask an ID number for lists and prints: ``4305**********123X``."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
