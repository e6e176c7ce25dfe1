"""What goes into a spreadsheet cell from the register: text that stays text.

A value typed, pasted, imported or synced may hold control characters (openpyxl refuses
them and the whole export failed) or start like a formula (``=HYPERLINK(…)`` would be a
live formula in Excel and WPS). :func:`safe` removes the characters a workbook cannot hold;
:func:`write` puts a value into a cell and keeps text that starts like a formula as text.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from qunzhong_desktop.core.text import strip_controls

#: Text starting with one of these is a formula (or part of one) to a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: Any) -> Any:
    """A value a workbook can hold: text without control or illegal XML characters."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", strip_controls(value))
    return value


def write(cell: Any, value: Any) -> Any:
    """Put ``value`` in ``cell`` (any openpyxl cell) as data, never as a formula."""
    value = safe(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True  # Excel and WPS show it as typed, and keep it text
    return cell
