"""The import reads a chunk ahead in a thread (sync/apply_ahead.py): same values, same refusals."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.sync import importer, schema
from qunzhong_desktop.sync.apply_ahead import Ahead, prepared
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD, refused

ROW = {"seq": 1, "table_name": "household", "row_id": "h", "op": "insert", "fields": HOUSEHOLD}


def test_prepared_values_are_the_appliers_and_bad_ones_are_left_to_it() -> None:
    assert prepared(ROW) == schema.convert("household", HOUSEHOLD, number=1, full=True)
    # an update converts without the missing columns, as the applier does
    assert prepared({**ROW, "op": "update", "fields": {"note": "x"}}) == {"note": "x"}
    for odd in (
        {**ROW, "fields": {**HOUSEHOLD, "note": "a\x00b"}},  # refused by convert
        {**ROW, "fields": {**HOUSEHOLD, "nope": 1}},
        {**ROW, "op": "insert", "fields": {"note": "x"}},  # an insert missing columns
        {**ROW, "table_name": "no_such_table"},
        {**ROW, "table_name": ["household"]},
        {**ROW, "fields": ["not", "a", "dict"]},
        {"seq": 1},
    ):
        assert prepared(odd) is None, odd


def _changes(count: int, *, fail_at: int | None = None) -> Iterator[dict[str, Any]]:
    for index in range(count):
        if index == fail_at:
            raise OSError("the temp file went away")
        yield {**ROW, "seq": index + 1, "row_id": str(index)}


def test_chunks_in_order_with_their_values_and_the_readers_error_raised_here() -> None:
    with Ahead(_changes(7), 3) as ahead:
        got = list(ahead)
    assert [[c["seq"] for c in chunk] for chunk, _ in got] == [[1, 2, 3], [4, 5, 6], [7]]
    assert all(v == prepared(ROW) for _, values in got for v in values)
    with Ahead(_changes(0), 3) as ahead:
        assert list(ahead) == []
    seen: list[list[dict[str, Any]]] = []
    with pytest.raises(OSError, match="went away"), Ahead(_changes(10, fail_at=4), 3) as ahead:
        for chunk, _ in ahead:
            seen.append(chunk)
    assert len(seen) == 1  # the first chunk, then the reader's error at its turn


def test_leaving_early_stops_the_reader_and_closes_the_changes() -> None:
    before = threading.active_count()
    changes = _changes(10_000)
    with Ahead(changes, 2) as ahead:
        for _chunk in ahead:
            break  # a refusal in the first chunk: the reader is blocked on a full queue
    assert threading.active_count() == before
    assert changes.gi_frame is None  # closed: its temp file too, before the folder goes


def _households(one: Node, count: int, bad: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        change(one, seq, "household", new_id(), "insert",
               {**HOUSEHOLD, "number": f"{seq:03d}", **bad.get(seq, {})})
        for seq in range(1, count + 1)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ({"note": "a\x07b"}, "value_out_of_bounds"),  # a control character
        ({"tags": "不是列表"}, "wrong_type"),
        ({"nope": 1}, "unknown_column"),
    ],
)
def test_a_bad_line_in_a_later_chunk_is_refused_with_its_line(
    net: tuple[Node, Node, Node],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    bad: dict[str, Any],
    code: str,
) -> None:
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)  # 11 lines: three chunks, the bad one in the last
    bundle = forge(one, township, tmp_path / "bad.qzb", _households(one, 11, {10: bad}))
    error = refused(township, bundle, code)
    assert error.data["line"] == 10, error.message
    assert "第 10 条" in error.message


def test_bundles_of_whole_and_partial_chunks_apply(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    lines = _households(one, 8, {})  # two whole chunks (then the empty last one, as before)
    report = township.sync.import_bundle(forge(one, township, tmp_path / "a.qzb", lines),
                                         township.keys)  # fmt: skip
    assert report.status == APPLIED and report.applied == 8
    more = [change(one, 9, "household", new_id(), "insert", {**HOUSEHOLD, "number": "009"})]
    report = township.sync.import_bundle(forge(one, township, tmp_path / "b.qzb", more),
                                         township.keys)  # fmt: skip
    assert report.status == APPLIED and report.applied == 1
    assert township.store.register.count_households() == 9
