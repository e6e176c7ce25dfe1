"""Which automatic backups to keep: the last 7 days, 4 weeks and 12 months (issue 14).

For each of the 7 most recent days that have a backup, its newest; the same for the 4 most
recent ISO weeks and the 12 most recent months. Anything else goes. A backup newer than
``now`` (a clock set back) is always kept, so a wrong clock never deletes the newest copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable

DAYS, WEEKS, MONTHS = 7, 4, 12


def to_keep(stamps: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """The backup times to keep out of ``stamps``."""
    ordered = sorted(set(stamps), reverse=True)
    keep = {s for s in ordered if s > now}

    def newest_per(bucket: Callable[[dt.datetime], Hashable], count: int) -> None:
        seen: list[Hashable] = []
        for stamp in ordered:
            key = bucket(stamp)
            if key in seen:
                continue
            if len(seen) == count:
                return
            seen.append(key)
            keep.add(stamp)

    newest_per(lambda s: s.date(), DAYS)
    newest_per(lambda s: s.isocalendar()[:2], WEEKS)
    newest_per(lambda s: (s.year, s.month), MONTHS)
    return keep
