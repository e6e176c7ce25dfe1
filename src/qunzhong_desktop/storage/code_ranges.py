"""Item numbers and station codes of a township or a station, as SQL ranges.

Codes nest: a station's code (12 digits) begins with its township's (9), a township's with
its county's (6), and an item's number with its station's code (:mod:`.report_scope`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_

STATION_DIGITS = 12


def code_numbers(number: Any, code: str) -> ColumnElement[bool]:
    """Numbers given under ``code``: a station's (``{code}-…``) or any of a township's stations."""
    if len(code) >= STATION_DIGITS:
        return and_(number >= f"{code}-", number < f"{code}.")
    return and_(number >= code, number < f"{code}:")


def code_prefix(column: Any, code: str) -> ColumnElement[bool]:
    """Station codes (or owners' codes) of ``code``: itself, or those it is the prefix of."""
    return and_(column >= code, column < f"{code}:")


def code_is(column: Any, code: str) -> ColumnElement[bool]:
    """A station-code column equal to a station's code, or within a township's."""
    return column == code if len(code) >= STATION_DIGITS else code_prefix(column, code)
