"""A bundle's changes of rows the importer already has, read a chunk at a time (sync/apply.py).

A station's second bundle is mostly changes of rows the township (or county) already has:
edits of its items and households, steps of its items. The applier reads the current values
of the rows a chunk updates (``_load_current``) and the owners, states and tombstones of the
items its steps are of (``_load_items``) once per chunk, and buffers such an update with the
chunk's inserts; a row this import inserted or updated already is still read at its turn.
Both engines; chunks of four lines, so that what a chunk reads ahead may have been written,
or only buffered, by the chunks before it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncConflict, SyncReceived
from qunzhong_desktop.sync import importer
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD

#: A statement that reads or writes one item, one step's item or one row version by its id.
_PER_ROW = re.compile(r"(intake_item\.id|item_event\.item_id|sync_row_version\.row_id) = (\?|%\()")


def _correct(station: Node, number: str, more: str) -> None:
    item = station.store.items.item(number)
    fix = ItemFix(
        requester_name="王大爷", requester_phone="13812345678", requester_person_id=None,
        domain="社会保障", grade="B", content=item.content + more,
    )  # fmt: skip
    station.store.items.correct(number, fix, actor="李秀英", reason="补充")


def _statements(node: Node) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(node.store.db.engine, "before_cursor_execute", record)
    return seen


def test_a_week_later_is_read_a_chunk_at_a_time(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    numbers = [register(one.store, FRIDAY, content=f"第{i}件事") for i in range(6)]
    first = township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    assert first.status == APPLIED, first.message
    # a week later the station corrects every item's content (one of them twice, before and
    # after its step) and settles three of them
    for number in numbers:
        _correct(one, number, "（补充材料）")
    for number in numbers[:3]:
        one.store.items.move(
            number, State.RESOLVED, actor="李秀英", note="已办结", now=FRIDAY + dt.timedelta(days=2)
        )
    _correct(one, numbers[0], "（又补充）")
    (second,) = one.export(tmp_path / "b")
    statements = _statements(township)
    report = township.sync.import_bundle(second, township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    with township.store.db.session() as s:
        got = {
            row.number: (row.content, row.state)
            for row in s.scalars(select(m.IntakeItem).where(m.IntakeItem.number.in_(numbers)))
        }
    with one.store.db.session() as s:
        want = {
            row.number: (row.content, row.state)
            for row in s.scalars(select(m.IntakeItem).where(m.IntakeItem.number.in_(numbers)))
        }
    assert got == want
    assert got[numbers[0]][0] == "第0件事（补充材料）（又补充）"
    assert {got[n][1] for n in numbers[:3]} == {State.RESOLVED.value}
    # each item's first update was read ahead; the settled items' new state is derived here
    # (nothing to read); the first item's second correction is read at its turn
    reads = [s for s in statements if s.lstrip().startswith("SELECT") and _PER_ROW.search(s)]
    assert len(reads) == 1 and "intake_item.content" in reads[0], "\n".join(reads)
    assert not [s for s in reads if "intake_item.id" not in s]  # no step's item, no version


def _household(one: Node, seq: int, row_id: str) -> dict[str, Any]:
    fields = {**HOUSEHOLD, "number": f"{seq:03d}", "address": "", "phone": "", "note": ""}
    return change(one, seq, "household", row_id, "insert", fields)


def test_updates_read_ahead_and_at_their_turn_land_in_order(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows of an earlier bundle (read ahead), of this one, and a row updated twice."""
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    ids = [f"00000000-0000-7000-8000-{k:012d}" for k in range(4)]
    before = [_household(one, seq, ids[seq - 1]) for seq in (1, 2, 3)]
    report = township.sync.import_bundle(
        forge(one, township, tmp_path / "a.qzb", before), township.keys
    )
    assert report.status == APPLIED, report.message
    lines = [
        change(one, 4, "household", ids[0], "update", {"note": "一"}),  # read ahead
        _household(one, 5, ids[3]),
        change(one, 6, "household", ids[3], "update", {"note": "新户改"}),  # this bundle's row
        change(one, 7, "household", ids[0], "update", {"note": "一又改", "phone": "13800000000"}),
        change(one, 8, "household", ids[1], "update", {"address": "二"}),  # chunk 2, read ahead
        change(one, 9, "household", ids[1], "update", {"address": "二又改"}),  # same chunk
        change(one, 10, "household", ids[2], "update", {"phone": "13900000000"}),
        change(one, 11, "household", ids[0], "update", {"note": "一第三次"}),  # chunk 3
    ]
    report = township.sync.import_bundle(
        forge(one, township, tmp_path / "b.qzb", lines), township.keys
    )
    assert report.status == APPLIED and report.applied == 8, report.message
    with township.store.db.session() as s:
        rows = {
            row_id: (note, address, phone)
            for row_id, note, address, phone in s.execute(
                text("SELECT id, note, address, phone FROM household")
            )
        }
        versions = dict(
            s.execute(
                text("SELECT row_id, versions FROM sync_row_version WHERE table_name = 'household'")
            ).all()
        )
    assert rows[ids[0]] == ("一第三次", "", "13800000000")
    assert rows[ids[1]] == ("", "二又改", "")
    assert rows[ids[2]] == ("", "", "13900000000")
    assert rows[ids[3]] == ("新户改", "", "")
    for row_id, fields in ((ids[0], {"note", "phone"}), (ids[1], {"address"})):
        written = versions[row_id]
        assert set(written if isinstance(written, dict) else json.loads(written)) == fields


def test_a_step_after_a_tombstone_read_ahead_is_flagged(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tombstone this import buffered wins over the database's row, read a chunk later."""
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    number = register(one.store, FRIDAY, content="要作废的事")
    first = township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys)
    assert first.status == APPLIED, first.message
    with township.store.db.session() as s:
        item_id, state = s.execute(
            select(m.IntakeItem.id, m.IntakeItem.state).where(m.IntakeItem.number == number)
        ).one()
        position = s.scalar(
            select(func.max(m.ItemEvent.position)).where(m.ItemEvent.item_id == item_id)
        )
        seq = s.scalar(
            select(func.max(SyncReceived.seq)).where(SyncReceived.node_id == one.node_id)
        )
    at = (FRIDAY + dt.timedelta(days=1)).isoformat()
    step = {
        "item_id": item_id, "position": position + 1, "at": at, "actor": "李秀英",
        "actor_role": "station", "from_state": state, "to_state": State.RESOLVED.value,
        "note": "已办结", "data": {}, "deleted_at": None,
    }  # fmt: skip
    ids = [f"00000000-0000-7000-8000-{k:012d}" for k in range(3)]
    lines = [
        change(one, seq + 1, "intake_item", item_id, "update", {"deleted_at": at}),
        *(_household(one, seq + 2 + k, ids[k]) for k in range(3)),
        change(one, seq + 5, "item_event", f"00000000-0000-7000-9000-{1:012d}", "insert", step),
    ]
    report = township.sync.import_bundle(
        forge(one, township, tmp_path / "b.qzb", lines), township.keys
    )
    assert report.status == APPLIED and report.flagged == 1, report.message
    with township.store.db.session() as s:
        kinds = s.scalars(select(SyncConflict.kind)).all()
        steps = s.scalar(select(func.count()).where(m.ItemEvent.item_id == item_id))
    assert kinds == ["delete_edit"]
    assert steps == position + 1  # the step on the voided item was not applied
