"""Personal numbers out of log lines: ID numbers and phones are masked before writing.

The log (``qunzhong.log``) is for technical support; an error's message or a traceback may
quote what a clerk typed. Every line passes through :func:`redact` on its way to the file.
"""

from __future__ import annotations

import re

_ID = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")  # 18-digit citizen ID
_ID15 = re.compile(r"(?<!\d)(\d{6})\d{6}(\d{3})(?!\d)")  # the old 15-digit form
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[- ]?\d{4,8}(?!\d)")


def redact(text: str) -> str:
    """``text`` with ID numbers, mobiles and landlines masked (``430121********123X``)."""
    text = _ID.sub(lambda m: f"{m.group(1)}********{m.group(2)}", text)
    text = _ID15.sub(lambda m: f"{m.group(1)}******{m.group(2)}", text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)
    return _LANDLINE.sub(lambda m: f"{m.group(1)}-********", text)
