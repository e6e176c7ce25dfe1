"""A chunk's rows are written while the next chunk is checked (sync/apply_behind.py).

On a server the import hands a chunk's writes to a thread and checks the next chunk
meanwhile; every other use of the connection waits for them. The bundles here cross chunk
boundaries (four lines a chunk) with what depends on the chunk before: updates of its rows,
residents of its households, a refusal the database raises while the next chunk is checked.
Both engines: SQLite writes in turn, and must give the same result.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.sync import apply_sql, importer
from qunzhong_desktop.sync.apply_behind import Behind, writing_behind
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD, refused


def _person(household_id: str, name: str) -> dict[str, Any]:
    return {
        "household_id": household_id, "position": 1, "name": name, "relation": "户主",
        "id_number": None, "gender": "", "birth_date": None, "phone": "", "tags": [],
        "flags": [], "search_text": "", "note": "", "deleted_at": None,
    }  # fmt: skip


def _household(one: Node, seq: int, row_id: str) -> dict[str, Any]:
    return change(one, seq, "household", row_id, "insert", {**HOUSEHOLD, "number": f"{seq:03d}"})


def _import_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("import-")]


def test_a_chunk_updates_and_refers_to_the_rows_of_the_chunk_before(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    h = [new_id() for _ in range(6)]
    lines = [
        *(_household(one, seq, h[seq - 1]) for seq in range(1, 5)),  # chunk 1
        change(one, 5, "household", h[0], "update", {"note": "第二块改了第一块的户"}),
        change(one, 6, "person", new_id(), "insert", _person(h[1], "甲")),
        _household(one, 7, h[4]),
        change(one, 8, "household", h[4], "update", {"note": "同一块里新增又修改"}),
        change(one, 9, "household", h[3], "update", {"address": "第三块"}),  # chunk 3
        change(one, 10, "person", new_id(), "insert", _person(h[4], "乙")),
        _household(one, 11, h[5]),
    ]
    bundle = forge(one, township, tmp_path / "a.qzb", lines)
    report = township.sync.import_bundle(bundle, township.keys)
    assert report.status == APPLIED and report.applied == 11, report.message
    with township.store.db.session() as s:
        rows = dict(s.execute(text("SELECT id, note || '|' || address FROM household")).all())
        versions = s.execute(text("SELECT count(*) FROM sync_row_version")).scalar()
        received = s.execute(text("SELECT count(*) FROM sync_received")).scalar()
        people = s.execute(text("SELECT name, household_id FROM person ORDER BY name")).all()
    assert rows[h[0]] == "第二块改了第一块的户|"
    assert rows[h[4]] == "同一块里新增又修改|"
    assert rows[h[3]] == "|第三块"
    assert [tuple(p) for p in people] == [("乙", h[4]), ("甲", h[1])]
    assert (versions, received) == (8, 11)  # 6 households and 2 residents; every line
    assert _import_threads() == []


@pytest.mark.parametrize("line", [6, 10], ids=["a middle chunk", "the last chunk"])
def test_a_unique_violation_raised_behind_refuses_the_bundle_and_changes_nothing(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: int
) -> None:
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    lines = [_household(one, seq, new_id()) for seq in range(1, 12)]
    lines[line - 1]["change_id"] = lines[1]["change_id"]  # line 2's change id again, later
    refused(township, forge(one, township, tmp_path / "dup.qzb", lines), "integrity")
    assert _import_threads() == []
    # the same lines without the repeat are taken afterwards
    lines[line - 1]["change_id"] = new_id()
    report = township.sync.import_bundle(
        forge(one, township, tmp_path / "ok.qzb", lines), township.keys
    )
    assert report.status == APPLIED and report.applied == 11


@pytest.mark.pg
@pytest.mark.parametrize("net", ["postgresql"], indirect=True)  # write-behind: a server's only
def test_every_use_of_the_connection_waits_for_the_writes_behind(
    net: tuple[Node, Node, Node], monkeypatch: pytest.MonkeyPatch
) -> None:
    township = net[0]
    assert township.store.db.on_server
    slow_write = apply_sql.write_on_server

    def slow(raw: Any, writes: list[apply_sql.Write]) -> None:
        time.sleep(0.3)  # the importing thread asks meanwhile
        slow_write(raw, writes)

    monkeypatch.setattr(apply_sql, "write_on_server", slow)
    rows = [("n", 1, seq, new_id(), "b") for seq in range(1, 4)]
    now = dt.datetime(2026, 12, 3, 8, 0)
    with township.store.db.writing() as s:
        _waits(s, rows, now)
        s.rollback()
    assert _import_threads() == []


def _waits(s: Session, rows: list[tuple[Any, ...]], now: dt.datetime) -> None:
    count = text("SELECT count(*) FROM sync_received WHERE bundle_id = 'b'")
    with writing_behind(s) as behind:
        assert isinstance(behind, Behind)
        behind.submit([apply_sql.received_write(rows[:2])])
        assert s.execute(count).scalar() == 2  # SQLAlchemy's statement waited
        behind.submit([apply_sql.received_write(rows[2:])])
        household = {**HOUSEHOLD, "id": new_id(), "created_at": now, "updated_at": now}
        behind.submit([apply_sql.rows_write(s, "household", [household])])
        # the driver's own cursor (the import's look-ups) waited too
        assert apply_sql.present_ids(s, "household", [household["id"]]) == {household["id"]}
        assert s.execute(count).scalar() == 3
        # a write that fails is raised at the next use of the connection
        behind.submit([apply_sql.received_write(rows[:1])])
        with pytest.raises(IntegrityError):
            s.execute(count)


@pytest.mark.pg
@pytest.mark.parametrize("net", ["postgresql"], indirect=True)
def test_the_reads_ahead_see_the_database_as_the_import_began_without_waiting(
    net: tuple[Node, Node, Node], monkeypatch: pytest.MonkeyPatch
) -> None:
    township = net[0]
    released = threading.Event()
    held_write = apply_sql.write_on_server

    def held(raw: Any, writes: list[apply_sql.Write]) -> None:
        released.wait(timeout=30)  # until the reader has answered
        held_write(raw, writes)

    monkeypatch.setattr(apply_sql, "write_on_server", held)
    now = dt.datetime(2026, 12, 3, 8, 0)
    before, during = (
        {**HOUSEHOLD, "id": new_id(), "number": n, "created_at": now, "updated_at": now}
        for n in ("901", "902")
    )
    with township.store.db.writing() as s:
        apply_sql.write(s, [apply_sql.rows_write(s, "household", [before])])
        s.commit()
    pid = text("SELECT pg_backend_pid()")
    with township.store.db.writing() as s, writing_behind(s) as behind:
        assert isinstance(behind, Behind) and behind.reader is not None
        main = s.execute(pid).scalar()
        behind.submit([apply_sql.rows_write(s, "household", [during])])
        ids = [before["id"], during["id"]]
        # the writes in flight are not waited for: they wait for this answer
        assert apply_sql.present_ids(behind.reader, "household", ids) == {before["id"]}
        assert behind.reader.execute(pid).scalar() != main
        assert behind._pending is not None and not behind._pending.done()
        released.set()
        assert apply_sql.present_ids(s, "household", ids) == set(ids)  # after the writes
        # the reader stays at the import's beginning
        assert apply_sql.present_ids(behind.reader, "household", ids) == {before["id"]}
        s.rollback()
    assert behind.reader is None and _import_threads() == []


@pytest.mark.pg
@pytest.mark.parametrize("net", ["postgresql"], indirect=True)
def test_without_a_second_connection_the_reads_ahead_wait_on_the_imports_own(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    township, one, _ = net
    monkeypatch.setattr(importer, "CHUNK", 4)
    engine = township.store.db.engine
    with engine.connect() as conn:  # one connection in the pool, kept open for the import
        conn.exec_driver_sql("SELECT 1")
    admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    allow = f'ALTER DATABASE "{engine.url.database}" ALLOW_CONNECTIONS {{}}'
    with admin.connect() as conn:
        conn.exec_driver_sql(allow.format("false"))  # no new connection from here
    h = [new_id() for _ in range(6)]
    lines = [
        *(_household(one, seq, h[seq - 1]) for seq in range(1, 6)),
        change(one, 6, "household", h[0], "update", {"note": "第二块改了第一块的户"}),
        change(one, 7, "person", new_id(), "insert", _person(h[1], "甲")),
    ]
    try:
        with caplog.at_level("WARNING", logger="qunzhong_desktop.sync.apply_behind"):
            report = township.sync.import_bundle(
                forge(one, township, tmp_path / "a.qzb", lines), township.keys
            )
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(allow.format("true"))
        admin.dispose()
    assert report.status == APPLIED and report.applied == 7, report.message
    assert "on the import's connection" in caplog.text
    with township.store.db.session() as s:
        note = s.execute(text("SELECT note FROM household WHERE id = :i"), {"i": h[0]}).scalar()
        people = s.execute(text("SELECT household_id FROM person")).scalars().all()
    assert note == "第二块改了第一块的户" and people == [h[1]]
