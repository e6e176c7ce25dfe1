"""The few colours the window uses to mean something, in one place."""

from __future__ import annotations

RED = "#c62828"  # wrong, refused, overdue, missing
AMBER = "#8a6100"  # due soon, to check
ERROR_STYLE = f"color: {RED};"  # a label that says what is wrong
