"""Every bad bundle SYNC.md lists is refused with a clear message, the database unchanged.

Each test takes a hash of a full, ordered dump of the receiving database before and
after the import attempt (:func:`.dbhash.unchanged_mark`: every table on either engine, and
the whole SQLite file's dump where there is one).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.work import CancelToken
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncConflict, SyncPeer, SyncPeerKey
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.importer import ImportCancelled
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.dbhash import unchanged_mark
from tests.helpers.forge import change, forge
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node, make_station, make_township
from tests.helpers.refusals import HOUSEHOLD, refused


def _sent(one: Node, township: Node, tmp_path: Path) -> Path:
    """Station 1 registers an item and its first bundle is imported."""
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    assert township.sync.import_bundle(bundle, township.keys).status == APPLIED
    return bundle


def test_sequence_gap_names_the_missing_range(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    bundle = forge(
        one,
        township,
        tmp_path / "b.qzb",
        [change(one, 5, "household", new_id(), "insert", HOUSEHOLD)],
    )
    error = refused(township, bundle, "sequence_gap")
    assert "序号 1–4" in error.message and one.name in error.message
    assert township.sync.peers()[0].missing == (1, 4)


def test_cloned_pc_same_range_different_content(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    one.store.close()
    clone_home = tmp_path / "clone"
    shutil.copytree(one.home, clone_home)
    one.store = Store(home=one.home, db=Database(database_path(one.home)))
    clone = Node(
        clone_home,
        Store(home=clone_home, db=Database(database_path(clone_home))),
        one.keys,
        one.code,
        one.name,
    )
    register(one.store, FRIDAY, content="原电脑登记")
    register(clone.store, FRIDAY, content="复制的电脑登记")
    assert (
        township.sync.import_bundle(one.export(tmp_path / "a")[0], township.keys).status == APPLIED
    )
    error = refused(township, clone.export(tmp_path / "b")[0], "cloned")
    assert "复制" in error.message
    clone.close()


@pytest.mark.parametrize(
    ("code", "make"),
    [
        (
            "unknown_table",
            lambda s, o: [change(s, 1, "setting", "x", "insert", {"key": "a", "value": "b"})],
        ),
        (
            "unknown_column",
            lambda s, o: [change(s, 1, "household", new_id(), "insert", {**HOUSEHOLD, "evil": 1})],
        ),
        (
            "missing_column",
            lambda s, o: [change(s, 1, "household", new_id(), "insert", {"number": "1"})],
        ),
        (
            "wrong_type",
            lambda s, o: [
                change(s, 1, "household", new_id(), "insert", {**HOUSEHOLD, "number": 9})
            ],
        ),
        (
            "wrong_type",
            lambda s, o: [
                change(s, 1, "household", new_id(), "insert", {**HOUSEHOLD, "tags": "低保户"})
            ],
        ),
        (
            "not_owned",
            lambda s, o: [change(s, 1, "household", o, "update", {"phone": "13800000000"})],
        ),
        ("not_owned", lambda s, o: [change(s, 1, "household", o, "insert", HOUSEHOLD)]),
        (
            "change_sender",
            lambda s, o: [
                change(s, 1, "household", new_id(), "insert", HOUSEHOLD, node_id=new_id())
            ],
        ),
        (
            "reference",
            lambda s, o: [
                change(
                    s,
                    1,
                    "person",
                    new_id(),
                    "insert",
                    {
                        "household_id": new_id(),
                        "position": 0,
                        "name": "无户之人",
                        "relation": "户主",
                        "id_number": None,
                        "gender": "",
                        "birth_date": None,
                        "phone": "",
                        "tags": [],
                        "flags": [],
                        "search_text": "",
                        "note": "",
                        "deleted_at": None,
                    },
                )
            ],
        ),
    ],
)
def test_bad_change_lines(
    net: tuple[Node, Node, Node],
    tmp_path: Path,
    code: str,
    make: Callable[[Node, str], list[dict[str, Any]]],
) -> None:
    township, one, two = net
    owned = one.store.register.save_household(
        Household(number="001", members=[Person(name="张三")])
    ).id
    _sent(one, township, tmp_path)
    # station 2 writes station 1's household (or junk)
    bad = make(two, str(owned))
    refused(township, forge(two, township, tmp_path / "bad.qzb", bad), code)


def test_station_may_not_write_the_townships_steps(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    _sent(one, township, tmp_path)
    with township.store.db.session() as s:
        item_id = s.scalars(select(m.IntakeItem.id)).one()
        seq = s.scalar(select(SyncPeer.received_through).where(SyncPeer.node_id == one.node_id))
    event = {
        "item_id": item_id, "position": 5, "at": "2026-11-20T10:00:00", "actor": "冒充乡镇",
        "actor_role": "township", "from_state": "escalated", "to_state": "assigned",
        "note": "", "data": {"unit": "民政办", "deadline": "2026-12-01"}, "deleted_at": None,
    }  # fmt: skip
    bundle = forge(
        one,
        township,
        tmp_path / "b.qzb",
        [change(one, seq + 1, "item_event", new_id(), "insert", event)],
    )
    refused(township, bundle, "not_owned")


def test_township_may_only_make_township_moves(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    number = register(one.store, FRIDAY, item_type="上报件")
    with one.store.db.session() as s:
        item_id = s.scalars(select(m.IntakeItem.id).where(m.IntakeItem.number == number)).one()
    event = {
        "item_id": item_id, "position": 2, "at": "2026-11-20T10:00:00", "actor": "乡镇",
        "actor_role": "township", "from_state": "escalated", "to_state": "withdrawn",
        "note": "乡镇替站撤回", "data": {}, "deleted_at": None,
    }  # fmt: skip
    bundle = forge(
        township,
        one,
        tmp_path / "d.qzb",
        [change(township, 1, "item_event", new_id(), "insert", event)],
    )
    refused(one, bundle, "not_owned")


def test_schema_newer_than_the_program(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    bundle = forge(
        one,
        township,
        tmp_path / "b.qzb",
        [change(one, 1, "household", new_id(), "insert", HOUSEHOLD)],
        schema_revision="0099",
    )
    assert "升级" in refused(township, bundle, "schema_newer").message


def test_wrong_kind(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    bundle = forge(one, township, tmp_path / "b.qzb", [], kind="dispatch", seq_from=1, seq_to=0)
    refused(township, bundle, "wrong_kind")


def test_bundle_for_another_station(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, two = net
    _sent(one, township, tmp_path)
    dispatch = township.export(tmp_path / "back", station_code=one.code)[0]
    refused(two, dispatch, "wrong_recipient")


def test_revoked_key(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    with township.store.db.session() as s:
        s.execute(
            update(SyncPeerKey)
            .where(SyncPeerKey.node_id == one.node_id)
            .values(revoked_at=m.utcnow())
        )
    assert "作废" in refused(township, bundle, "key_revoked").message


def test_station_not_confirmed(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    with township.store.db.session() as s:
        s.execute(update(SyncPeer).where(SyncPeer.node_id == one.node_id).values(enrolled_at=None))
    assert "指纹" in refused(township, bundle, "not_enrolled").message


def test_tampered_payload_and_truncated_file(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.qzb"
    tampered.write_bytes(bytes(data))
    with pytest.raises(BundleRefused):
        township.sync.import_bundle(tampered, township.keys)
    truncated = tmp_path / "truncated.qzb"
    truncated.write_bytes(bundle.read_bytes()[:-100])
    refused(township, truncated, "truncated")
    # and the good one still imports afterwards
    assert township.sync.import_bundle(bundle, township.keys).status == APPLIED


def test_cancel_writes_nothing(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    before = unchanged_mark(township.store)
    stop = CancelToken()
    stop.cancel()
    with pytest.raises(ImportCancelled):
        township.sync.import_bundle(bundle, township.keys, cancel=stop)
    assert unchanged_mark(township.store) == before


def test_clock_a_year_ahead_is_applied_but_marked(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    ahead = int(time.time() * 1000) + 366 * 24 * 3600 * 1000
    row = new_id()
    bundle = forge(
        one,
        township,
        tmp_path / "b.qzb",
        [change(one, 1, "household", row, "insert", HOUSEHOLD, millis=ahead)],
    )
    report = township.sync.import_bundle(bundle, township.keys)
    assert report.status == APPLIED and "快一天以上" in report.message
    with township.store.db.session() as s:
        conflict = s.scalars(select(SyncConflict)).one()
        assert (conflict.kind, conflict.row_id) == ("skew", row)
        # the township's own clock did not jump a year ahead
        local = s.scalars(select(m.LocalNode)).one()
        assert local.hlc_millis < ahead - 300 * 24 * 3600 * 1000


def test_clock_set_to_2001_still_applies_in_order(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    old = 978_307_200_000  # 2001-01-01
    row = new_id()
    lines = [
        change(one, 1, "household", row, "insert", HOUSEHOLD, millis=old),
        change(one, 2, "household", row, "update", {"phone": "13812345678"}, millis=old + 1),
    ]
    report = township.sync.import_bundle(
        forge(one, township, tmp_path / "b.qzb", lines), township.keys
    )
    assert (report.status, report.applied, report.flagged) == (APPLIED, 2, 0)
    with township.store.db.session() as s:
        assert s.get(m.Household, row).phone == "13812345678"


def test_missing_file_folder_and_own_bundle(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township, one, _ = net
    register(one.store, FRIDAY)
    bundle = one.export(tmp_path / "usb")[0]
    assert "无法打开" in refused(township, tmp_path / "gone.qzb", "unreadable").message
    assert "无法打开" in refused(township, tmp_path / "usb", "unreadable").message
    assert "本机自己导出" in refused(one, bundle, "own_bundle").message


def test_assignment_whose_deadline_is_not_a_date(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    """The property test's find: a deadline of "当面" passes no rule, so the bundle is refused
    whole with a sentence, not a bare ValueError from storage."""
    township, one, _ = net
    number = register(one.store, FRIDAY, item_type="上报件")
    with one.store.db.session() as s:
        item_id = s.scalars(select(m.IntakeItem.id).where(m.IntakeItem.number == number)).one()
    event = {
        "item_id": item_id, "position": 2, "at": "2026-11-20T10:00:00", "actor": "乡镇",
        "actor_role": "township", "from_state": "escalated", "to_state": "assigned",
        "note": "", "data": {"unit": "民政办", "deadline": "当面"}, "deleted_at": None,
    }  # fmt: skip
    bundle = forge(
        township,
        one,
        tmp_path / "d.qzb",
        [change(township, 1, "item_event", new_id(), "insert", event)],
    )
    assert "办结期限不是日期" in refused(one, bundle, "wrong_type").message


def test_a_station_never_enrolled_here_is_named_not_called_tampered(
    net: tuple[Node, Node, Node], _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    """Issue 12: "尚未在本乡镇登记", not "可能已被篡改"."""
    township, one, _ = net
    other = make_township(_template_dirs[0], tmp_path / "other")
    elsewhere = make_station(_template_dirs[0], tmp_path / "elsewhere", other, 3)
    try:
        register(one.store, FRIDAY)
        bundle = one.export(tmp_path / "usb")[0]
        message = refused(other, bundle, "unknown_sender").message
        assert "尚未在本乡镇登记" in message and "篡改" not in message
        dispatch = township.export(tmp_path / "usb2", station_code=one.code)[0]
        message = refused(elsewhere, dispatch, "unknown_sender").message
        assert "不是本站所属乡镇" in message and "篡改" not in message
    finally:
        other.close()
        elsewhere.close()
