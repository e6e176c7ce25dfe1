"""How long each kind of text may be: one set of limits for forms, the CLI, rosters and bundles.

The storage columns are at least this long (a test keeps them in step); the change capture
refuses anything longer whatever wrote it (:mod:`storage.changes`), and the sync importer
refuses it in a bundle.
"""

from __future__ import annotations

NAME = 50  # a person's, cadre's or grid's name, a requester, a handler
HOUSEHOLD_NUMBER = 32
PHONE = 32
ADDRESS = 200
STATION_NAME = 100
UNIT = 100
NOTE = 500  # notes on people and households, a step's note or result
CONTENT = 2000  # what a resident asks for


def too_long(value: str, limit: int) -> bool:
    """Whether ``value`` has more than ``limit`` characters."""
    return len(value) > limit


def message(label: str, limit: int, value: str) -> str:
    """The sentence for a text over its limit."""
    return f"{label}最多 {limit} 个字，现在有 {len(value)} 个字，请删减。"
