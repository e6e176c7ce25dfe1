"""Phone numbers: mobile (11 digits) and landline with area code; normalise and mask."""

from __future__ import annotations

import re

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{9,11}$")
_EXTENSION = re.compile(r"(?:转|ext\.?|x|#)(\d{1,6})$", re.IGNORECASE)


def normalise(raw: object) -> str:
    """Return a checked phone number in its canonical form.

    Mobile numbers become 11 digits (``13812345678``); landlines ``0731-84561234``
    (three-digit area codes for 010 and 02x, four digits otherwise), with ``-`` and an
    optional ``转123`` extension.

    Raises:
        ValidationError: code ``phone.invalid`` or ``phone.no_area_code``.
    """
    text = compact(raw)
    extension = ""
    match = _EXTENSION.search(text)
    if match:
        extension = match.group(1)
        text = text[: match.start()]
    digits = re.sub(r"[-()（）]", "", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if _MOBILE.match(digits) and not extension:
        return digits
    if _LANDLINE.match(digits):
        area_len = 3 if digits.startswith(("010", "02")) else 4
        local = digits[area_len:]
        if 7 <= len(local) <= 8:
            formatted = f"{digits[:area_len]}-{local}"
            return f"{formatted}转{extension}" if extension else formatted
    if re.fullmatch(r"\d{7,8}", digits):
        raise ValidationError(
            f"固定电话“{compact(raw)}”缺少区号，请写成“0731-84561234”的样子。",
            code="phone.no_area_code",
            value=compact(raw),
        )
    raise ValidationError(
        f"电话号码“{compact(raw)}”不对：手机号为 11 位，固定电话需带区号。",
        code="phone.invalid",
        value=compact(raw),
    )


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
