"""After an import: the values each PC derives itself rather than receives.

An item's state and deadline follow from its events (SYNC.md: status history is
append-only), and a person's search text from the person and the household; neither
travels, so the importer recomputes them for the rows it touched.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from qunzhong_desktop.core.pinyin_keys import search_text
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.items_repo import derived_fields


class Touched(Protocol):
    """What an applier touched, and each touched item's state after its last event."""

    touched_items: set[str]
    touched_households: set[str]
    touched_persons: set[str]

    def item_state(self, item_id: str) -> str | None:
        """The state the item's applied events lead to (None: no event seen)."""
        ...


def refresh_derived(s: Session, touched: Touched) -> None:
    """Recompute item state and deadline, and person search text, where rows changed."""
    s.flush()
    _items(s, _stale_items(s, touched))
    _persons(s, sorted(touched.touched_persons), sorted(touched.touched_households))


def _stale_items(s: Session, touched: Touched) -> list[str]:
    """Touched items whose stored state is not where their events lead.

    A station's own item arrives with the state and deadline the station derived; only
    where the two tiers' events met (or an event was held back) does it differ here.
    """
    ids = sorted(touched.touched_items)
    stale: list[str] = []
    for start in range(0, len(ids), 500):
        rows = s.execute(
            select(m.IntakeItem.id, m.IntakeItem.state).where(
                m.IntakeItem.id.in_(ids[start : start + 500])
            )
        )
        stale.extend(i for i, state in rows if touched.item_state(i) not in (None, state))
    return stale


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


def _persons(s: Session, person_ids: list[str], household_ids: list[str]) -> None:
    """One joined query and one executemany, not a lazy load per person."""
    wanted = set(person_ids)
    for start in range(0, len(household_ids), 500):
        wanted.update(
            s.scalars(
                select(m.Person.id).where(
                    m.Person.household_id.in_(household_ids[start : start + 500])
                )
            )
        )
    ids = sorted(wanted)
    changed: list[dict[str, str]] = []
    for start in range(0, len(ids), 500):
        rows = s.execute(
            select(
                m.Person.id, m.Person.name, m.Person.id_number, m.Person.phone,
                m.Person.search_text, m.Household.number, m.Household.phone,
            )
            .join(m.Household, m.Household.id == m.Person.household_id)
            .where(m.Person.id.in_(ids[start : start + 500]))
        )  # fmt: skip
        for pid, name, id_number, phone, old, number, household_phone in rows:
            text = search_text(name, id_number, phone, number, household_phone, names=(name,))
            if text != old:
                changed.append({"pid": pid, "text": text})
    if changed:
        t: Any = m.Person.__table__
        s.execute(
            update(t).where(t.c.id == bindparam("pid")).values(search_text=bindparam("text")),
            changed,
        )
