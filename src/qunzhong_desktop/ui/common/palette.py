"""The few colours the window uses to mean something, in one place."""

from __future__ import annotations

RED = "#c62828"  # wrong, refused, overdue, missing
AMBER = "#8a6100"  # due soon, to check
ERROR_STYLE = f"color: {RED};"  # a label that says what is wrong

# the tints of a deadline in the lists, the item page and the legends
ON_TIME_TINT = "#e8f5e9"
DUE_SOON_TINT = "#ffe0a3"
OVERDUE_TINT = "#ffcdd2"
PAUSED_TINT = "#eceff1"
