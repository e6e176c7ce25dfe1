"""Phone numbers: mobile (11 digits) and landline with area code; normalise and mask."""

from __future__ import annotations

import re

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{9,11}$")
# public service hotlines: 12345 (政务服务), 12388 (纪检监察), 12315, 12348 … and 95xxx/96xxx
_HOTLINE = re.compile(r"^(?P<area>0\d{2,3})?(?P<number>1[0-2]\d{3}|9[56]\d{3,4})$")
_EXTENSION = re.compile(r"(?:转|ext\.?|x|#)(\d{1,6})$", re.IGNORECASE)


def normalise(raw: object, *, hotline: bool = False) -> str:
    """Return a checked phone number in its canonical form.

    Mobile numbers become 11 digits (``13812345678``); landlines ``0731-84561234``
    (three-digit area codes for 010 and 02x, four digits otherwise), with ``-`` and an
    optional ``转123`` extension. With ``hotline`` (a supervision or township phone printed
    on the cards) a public service hotline is accepted too: ``12345``, ``12388``,
    ``96111``, or one with its area code, ``0731-12345``.

    Raises:
        ValidationError: a message that says what is wrong, with code ``phone.invalid``,
            ``phone.no_area_code``, ``phone.mobile_short``, ``phone.mobile_long``,
            ``phone.landline_short``, ``phone.landline_long``, ``phone.too_short`` or
            ``phone.hotline``.
    """
    shown = compact(raw)
    text = shown
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension = match.group(1)
        text = text[: match.start()]
    digits = re.sub(r"[-()（）\s]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if _MOBILE.match(digits) and not extension:
        return digits
    hot = _HOTLINE.match(digits)
    if hot and not extension:
        if hotline:
            area = hot.group("area")
            return f"{area}-{hot.group('number')}" if area else hot.group("number")
        _refuse(shown, "phone.hotline", "是服务热线，这里要填手机号或带区号的固定电话。")
    if _LANDLINE.match(digits):
        area_len = 3 if digits.startswith(("010", "02")) else 4
        local = digits[area_len:]
        if 7 <= len(local) <= 8:
            formatted = f"{digits[:area_len]}-{local}"
            return f"{formatted}转{extension}" if extension else formatted
    if not digits.isdigit():
        _refuse(shown, "phone.invalid", "不对：电话号码只能有数字（以及 - 和“转”分机号）。")
    if digits.startswith("1"):
        if len(digits) < 11:
            _refuse(
                shown,
                "phone.mobile_short",
                f"只有 {len(digits)} 位：手机号应为 11 位，请核对是否少输了数字。",
            )
        _refuse(
            shown,
            "phone.mobile_long",
            f"有 {len(digits)} 位：手机号应为 11 位，请核对是否多输了数字。",
        )
    if digits.startswith("0"):
        area_len = 3 if digits.startswith(("010", "02")) else 4
        digits_after = len(digits) - area_len
        if digits_after < 7:
            _refuse(
                shown,
                "phone.landline_short",
                f"位数不够：区号“{digits[:area_len]}”后应有 7 或 8 位号码，现在只有 {max(digits_after, 0)} 位。",
            )
        _refuse(
            shown,
            "phone.landline_long",
            f"位数太多：区号“{digits[:area_len]}”后应有 7 或 8 位号码，现在有 {digits_after} 位。",
        )
    if len(digits) in (7, 8):
        _refuse(shown, "phone.no_area_code", "缺少区号，请写成“0731-84561234”的样子。")
    if len(digits) < 7:
        _refuse(
            shown,
            "phone.too_short",
            f"只有 {len(digits)} 位，位数不够：手机号为 11 位，固定电话为区号加 7 或 8 位。",
        )
    _refuse(shown, "phone.invalid", "不对：手机号为 11 位，固定电话需带区号。")
    raise AssertionError  # pragma: no cover - _refuse always raises


def _refuse(shown: str, code: str, why: str) -> None:
    label = (
        "固定电话"
        if code in ("phone.no_area_code", "phone.landline_short", "phone.landline_long")
        else "电话号码"
    )
    if code in ("phone.mobile_short", "phone.mobile_long"):
        label = "手机号码"
    if code == "phone.hotline":
        label = "号码"
    raise ValidationError(f"{label}“{shown}”{why}", code=code, value=shown)


def is_valid(raw: object) -> bool:
    """Whether :func:`normalise` accepts the value."""
    try:
        normalise(raw)
    except ValidationError:
        return False
    return True


def mask(number: str | None) -> str:
    """Mask a phone number: ``138****5678``, ``0731-****1234``."""
    if not number:
        return ""
    if _MOBILE.match(number):
        return number[:3] + "****" + number[-4:]
    if "-" in number:
        area, _, local = number.partition("-")
        return f"{area}-" + "*" * max(len(local) - 4, 0) + local[-4:]
    return "*" * max(len(number) - 4, 0) + number[-4:]
