"""After an import: an item's state and deadline, which each PC derives from its events.

SYNC.md: status history is append-only and the current status is computed from it. An
item arrives with the state its station derived; where the tiers' events met (or one was
held back for review) the state here differs, and only those items are recomputed.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.items_repo import derived_fields


class Touched(Protocol):
    """What an import changed."""

    def stale_items(self) -> set[str]:
        """Items whose state and deadline must be derived here."""
        ...


def refresh_derived(s: Session, touched: Touched) -> None:
    """Derive state and deadline again for the items the import left stale."""
    s.flush()
    _items(s, sorted(touched.stale_items()))


def _items(s: Session, ids: list[str]) -> None:
    if not ids:
        return
    calendar = load_calendar(s)
    today = dt.date.today()
    for start in range(0, len(ids), 500):
        items = s.scalars(select(m.IntakeItem).where(m.IntakeItem.id.in_(ids[start : start + 500])))
        for item in items:
            if not item.events:
                continue
            state, due = derived_fields(item, calendar, today)
            if item.state != state:
                item.state = state
            if item.due_on != due:
                item.due_on = due
    s.flush()
