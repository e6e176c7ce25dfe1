"""Order inside a bundle never refuses valid data; a reference nobody sent is still refused.

Issue 9: after a roster import the station's outbox held the people before the grids and
households they belong to, and the township refused every bundle of that station for good.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.roster_import import import_roster
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node
from tests.helpers.refusals import refused

MESSY = Path(__file__).parents[1] / "data" / "roster_messy.xlsx"


def _outbox(node: Node) -> list[dict[str, Any]]:
    """The station's outbox as change lines, in sequence order."""
    with node.store.db.session() as s:
        return [
            {
                "seq": c.seq, "change_id": c.change_id, "node_id": c.node_id,
                "table_name": c.table_name, "row_id": c.row_id, "op": c.op,
                "fields": c.fields, "hlc": c.hlc, "user": c.user,
            }
            for c in s.scalars(select(m.SyncChange).order_by(m.SyncChange.seq))
        ]  # fmt: skip


def _rows(node: Node, table: str) -> dict[str, tuple[Any, ...]]:
    cls = schema.model_of(table)
    names = list(schema.columns(table))
    with node.store.db.session() as s:
        return {r.id: tuple(getattr(r, n) for n in names) for r in s.scalars(select(cls))}


def test_children_before_parents_and_steps_before_items_are_accepted(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    import_roster(one.store.db, MESSY)
    register(one.store, FRIDAY)
    lines = _outbox(one)
    # the worst order a bundle can have: every child before its parent, every step before
    # its item (each line keeps its own sequence number)
    order = [t.__table__.name for t in schema.STATION_TABLES]  # type: ignore[attr-defined]
    lines.sort(key=lambda c: -order.index(c["table_name"]))
    assert lines[0]["table_name"] == "item_event" and lines[-1]["table_name"] == "station"
    report = township.sync.import_bundle(
        forge(one, township, tmp_path / "reversed.qzb", lines), township.keys
    )
    assert report.status == APPLIED and report.flagged == 0, report.message
    for table in ("grid", "household", "person", "intake_item", "item_event"):
        assert _rows(township, table) == _rows(one, table), table
    with township.store.db.session() as s:
        states = set(s.scalars(select(m.IntakeItem.state)))
    with one.store.db.session() as s:
        assert states == set(s.scalars(select(m.IntakeItem.state)))


def test_a_step_of_an_item_nobody_sent_is_refused(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    event = {
        "item_id": new_id(), "position": 0, "at": "2026-11-20T10:00:00", "actor": "站务员",
        "actor_role": "station", "from_state": None, "to_state": "registered",
        "note": "受理登记", "data": {}, "deleted_at": None,
    }  # fmt: skip
    # the station's first change (its profile, seq 1) is left out: a gap would mask it
    bundle = forge(
        one,
        township,
        tmp_path / "c.qzb",
        [*(_outbox(one)[:1]), change(one, 2, "item_event", new_id(), "insert", event)],
    )
    error = refused(township, bundle, "reference")
    assert "办理记录" in error.message and "受理事项" not in error.message
    assert "事项" in error.message and error.data["line"] == 2


def test_a_person_in_a_household_nobody_sent_names_the_line(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    import_roster(one.store.db, MESSY)
    lines = [c for c in _outbox(one) if c["table_name"] != "household"]
    # renumber: without the households the bundle would have gaps
    for seq, line in enumerate(lines, start=1):
        line["seq"] = seq
    error = refused(township, forge(one, township, tmp_path / "b.qzb", lines), "reference")
    first_person = next(i for i, c in enumerate(lines, start=1) if c["table_name"] == "person")
    assert error.data["line"] == first_person
    assert "居民" in error.message and "户" in error.message
