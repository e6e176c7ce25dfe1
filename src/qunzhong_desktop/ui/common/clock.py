"""Time as the window shows it, and who is working (shared by every feature).

Pages take a clock (``Clock``: now; ``Today``: the date) so tests can set the time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store

Clock = Callable[[], dt.datetime]
Today = Callable[[], dt.date]
TIME_FORMAT = "%Y-%m-%d %H:%M"


def local_time(value: dt.datetime | None) -> str:
    """A stored time (naive values are UTC) as local ``YYYY-MM-DD HH:MM``; "" when unset."""
    if value is None:
        return ""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime(TIME_FORMAT)


def operator_name(store: Store) -> str:
    """Who is working: the station's operator, else the user the store was opened as."""
    station = store.register.station()
    return (station.operator if station else "") or store.db.user or "工作站"


def seq_range(first: int, last: int) -> str:
    """``N–M`` (or ``N`` when both are the same)."""
    return str(first) if first == last else f"{first}–{last}"
