"""Item numbers after a restore: never hand out a number the township already holds.

A station numbers its items ``{code}-{year}-{sequence}`` from ``item_counter``. A backup put
back turns that counter back, and the township refuses an item whose number it already holds
for another item (SYNC.md, "Epochs"). Two guards, in this order:

1. **Carry forward** (:func:`carry_forward`, run by the restore on the file it is about to
   put in place): when the store being replaced is the same PC (same node) the restored
   counters and clock are raised to the replaced store's. The township can hold no number
   this PC never issued, so nothing can clash.
2. **Unconfirmed** (:data:`UNCONFIRMED`): when the replaced store is another PC's (a new
   installation on a new disk), the restored counters are remembered. Every dispatch from
   the township says the highest sequence per year it holds of this station
   (:func:`issued_by`); the station raises its counters to it and gives the items it
   registered since the restore that clash a new number (:func:`catch_up`), in the row and
   in the outbox lines not yet acknowledged, so the township receives them under the new
   numbers. The station is told which numbers changed (the query code stays the same).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from qunzhong_desktop.core.intake.rules import item_number
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncPeer

# {year: last sequence of the restored counter}; years absent count from 0
UNCONFIRMED = "items.numbers_unconfirmed"
MAX_YEARS = 200
MAX_SEQUENCE = 10**7


@dataclass(frozen=True, slots=True)
class Lineage:
    """What the store being replaced knows: whose it is and how far it numbered."""

    node_id: str | None
    counters: dict[int, int] = field(default_factory=dict)
    hlc: tuple[int, int] = (0, 0)


def lineage(connection: Any) -> Lineage:
    """Read a store's node, item counters and clock through a DB-API connection."""
    node = connection.execute("SELECT node_id, hlc_millis, hlc_counter FROM local_node").fetchone()
    counters = dict(connection.execute("SELECT year, last FROM item_counter").fetchall())
    if node is None:
        return Lineage(None, counters)
    return Lineage(str(node[0]), counters, (int(node[1]), int(node[2])))


def carry_forward(connection: Any, previous: Lineage) -> bool:
    """Make a restored file (not yet in place) number after everything ``previous`` issued.

    Returns:
        True if the numbers are safe (same PC, or a PC that never synced); False if the
        township may hold numbers this file does not know (marked :data:`UNCONFIRMED`).
    """
    restored = lineage(connection)
    if restored.node_id is not None and restored.node_id == previous.node_id:
        for year, last in previous.counters.items():
            connection.execute(
                "INSERT INTO item_counter (year, last) VALUES (?, ?) "
                "ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)",
                (year, last),
            )
        millis, counter = max(previous.hlc, restored.hlc)
        connection.execute(
            "UPDATE local_node SET hlc_millis = ?, hlc_counter = ?", (millis, counter)
        )
        connection.execute("DELETE FROM setting WHERE key = ?", (UNCONFIRMED,))
        connection.commit()
        return True
    peers = connection.execute("SELECT count(*) FROM sync_peer").fetchone()[0]
    if not peers:
        return True
    text = json.dumps({str(y): last for y, last in sorted(restored.counters.items())})
    connection.execute(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (UNCONFIRMED, text),
    )
    connection.commit()
    return False


def unconfirmed(s: Session) -> dict[int, int] | None:
    """The restored counters still to be checked against the township's, or None."""
    row = s.get(m.Setting, UNCONFIRMED)
    if row is None or not row.value:
        return None
    return {int(y): int(last) for y, last in json.loads(row.value).items()}


def issued_by(s: Session, peer: SyncPeer) -> dict[str, int]:
    """The township's view: the highest sequence per year it holds of a station's items."""
    if peer.role != "station":
        return {}
    rows = s.execute(
        select(m.IntakeItem.year, m.IntakeItem.sequence).where(
            # a prefix match as a range, so the unique index on number serves it
            m.IntakeItem.number >= f"{peer.code}-",
            m.IntakeItem.number < f"{peer.code}.",
        )
    )
    top: dict[str, int] = {}
    for year, sequence in rows:
        top[str(year)] = max(top.get(str(year), 0), sequence)
    return top


def parse(numbers: Any) -> dict[int, int]:
    """Check the ``numbers`` of a dispatch's configuration.

    Raises:
        ValueError: not ``{year: sequence}`` within range.
    """
    if not isinstance(numbers, dict) or len(numbers) > MAX_YEARS:
        raise ValueError("numbers")
    parsed: dict[int, int] = {}
    for key, value in numbers.items():
        year = int(key)
        if not 2000 <= year <= 2100:
            raise ValueError("numbers year")
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_SEQUENCE:
            raise ValueError("numbers sequence")
        parsed[year] = value
    return parsed


def catch_up(s: Session, station_code: str, township: dict[int, int]) -> list[tuple[str, str]]:
    """Raise the counters to the township's and renumber clashing items (see module).

    Runs in the dispatch's import transaction (a remote session: no new outbox lines; the
    unacknowledged ones are rewritten instead). Returns (old number, new number) pairs.
    """
    restored = unconfirmed(s)
    renamed: list[tuple[str, str]] = []
    for year, top in sorted(township.items()):
        counter = s.get(m.ItemCounter, year)
        if counter is None:
            counter = m.ItemCounter(year=year, last=0)
            s.add(counter)
        if restored is not None and top > restored.get(year, 0):
            clashes = s.execute(
                select(m.IntakeItem.id, m.IntakeItem.number)
                .where(
                    m.IntakeItem.year == year,
                    m.IntakeItem.sequence > restored.get(year, 0),
                    m.IntakeItem.sequence <= top,
                )
                .order_by(m.IntakeItem.sequence)
            ).all()
            last = max(counter.last, top)
            for item_id, old in clashes:
                last += 1
                new = item_number(station_code, year, last)
                _renumber(s, item_id, new, last)
                renamed.append((old, new))
            counter.last = last
        counter.last = max(counter.last, top)
    if restored is not None:
        row = s.get(m.Setting, UNCONFIRMED)
        if row is not None:
            s.delete(row)
    s.flush()
    return renamed


def _renumber(s: Session, item_id: str, number: str, sequence: int) -> None:
    s.execute(
        update(m.IntakeItem)
        .where(m.IntakeItem.id == item_id)
        .values(number=number, sequence=sequence, updated_at=m.utcnow())
    )
    lines = s.scalars(
        select(m.SyncChange).where(
            m.SyncChange.table_name == "intake_item", m.SyncChange.row_id == item_id
        )
    )
    for line in lines:
        if "number" in line.fields or "sequence" in line.fields:
            line.fields = {**line.fields, "number": number, "sequence": sequence}
