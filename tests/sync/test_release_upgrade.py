"""A station and township made by release 0.1.0 sync after upgrading (issue 9).

``tests/data/releases/0.1.0-roster-station.zip`` was made by the 0.1.0 program with
``make_0.1.0.sh`` (beside it): the station imported a messy roster, registered and moved
items, and exported its first bundle, which the 0.1.0 township refused, since that
outbox has the people before their households. Nothing in the fixture is rebuilt by the
current code: it is what is in the field today.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import ALREADY, APPLIED

pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parents[1] / "data" / "releases" / "0.1.0-roster-station.zip"
PASSPHRASE = "release-0.1.0"


def _dump(store: Store, tables: tuple[str, ...]) -> dict[str, dict[str, tuple[object, ...]]]:
    found: dict[str, dict[str, tuple[object, ...]]] = {}
    with store.db.session() as s:
        for table in tables:
            cls = schema.model_of(table)
            names = [n for n in schema.columns(table) if n not in ("state", "due_on")]
            found[table] = {
                r.id: tuple(getattr(r, n) for n in names) for r in s.scalars(select(cls))
            }
    return found


@pytest.fixture
def homes(tmp_path: Path) -> tuple[Path, Path, Path]:
    with zipfile.ZipFile(FIXTURE) as zf:
        zf.extractall(tmp_path)
    return tmp_path / "station", tmp_path / "township", tmp_path / "out" / "first.qzb"


def test_a_0_1_0_station_with_an_imported_roster_syncs_after_upgrade(
    homes: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    station_home, township_home, refused_before = homes
    station, township = open_store(station_home), open_store(township_home)
    try:
        s_sync, t_sync = (
            SyncService(station.db, station_home),
            SyncService(township.db, township_home),
        )
        t_keys = NodeKeys.load(township_home / "keys", PASSPHRASE)
        s_keys = NodeKeys.load(station_home / "keys", PASSPHRASE)
        # the very file 0.1.0 refused is accepted now, nothing flagged
        report = t_sync.import_bundle(refused_before, t_keys)
        assert (report.status, report.applied, report.flagged) == (APPLIED, 21, 0), report.message
        tables = ("station", "grid", "household", "person", "intake_item", "item_event")
        assert _dump(township, tables) == _dump(station, tables)
        # the upgraded station goes on working and syncing
        station.items.register_item(
            NewItem(channel="来访", domain="教育", grade="B", item_type="承诺件",
                    content="孩子入学", requester_name="赵六"),
            actor="站务员",
        )  # fmt: skip
        (tmp_path / "usb").mkdir()
        (tmp_path / "down").mkdir()
        bundle = s_sync.export_bundles(tmp_path / "usb", s_keys)[0].path
        report = t_sync.import_bundle(bundle, t_keys)
        assert (report.status, report.flagged) == (APPLIED, 0), report.message
        assert _dump(township, tables) == _dump(station, tables)
        # and the township's acknowledgement reaches the station, which prunes its outbox
        back = t_sync.export_bundles(tmp_path / "down", t_keys)[0].path
        assert s_sync.import_bundle(back, s_keys).status in (APPLIED, ALREADY)
        with station.db.session() as s:
            assert s.scalars(select(m.SyncChange)).first() is None
    finally:
        station.close()
        township.close()


def test_the_upgrade_revokes_keys_0_1_0_left_valid_after_a_rekey(
    homes: tuple[Path, Path, Path],
) -> None:
    import sqlite3

    _, township_home, _ = homes
    db_file = township_home / "qunzhong.sqlite3"
    with sqlite3.connect(db_file) as conn:  # 0.1.0 enrolled a rekeyed station like this
        node, epoch_one = conn.execute("SELECT node_id, key_id FROM sync_peer_key").fetchone()
        conn.execute(
            "INSERT INTO sync_peer_key (node_id, epoch, key_id, signing_key, age_recipient,"
            " fingerprint, added_at) VALUES (?, 2, 'k2', '00', 'age1x', 'FP', '2026-12-01')",
            (node,),
        )
        conn.execute(
            "INSERT INTO sync_bundle (bundle_id, direction, kind, peer_node_id, epoch, seq_from,"
            " seq_to, payload_sha256, file_sha256, at, applied, skipped, flagged, summary, path)"
            " VALUES ('b1', 'in', 'changes', ?, 1, 1, 17, '', '', '2026-11-30', 17, 0, 0, '{}', '')",
            (node,),
        )
    store = open_store(township_home)
    try:
        with store.db.session() as s:
            from qunzhong_desktop.storage.models_sync import SyncPeerKey

            keys = {k.key_id: k for k in s.scalars(select(SyncPeerKey))}
        assert keys[epoch_one].revoked_at is not None and keys[epoch_one].valid_through == 17
        assert keys["k2"].revoked_at is None and keys["k2"].valid_through is None
    finally:
        store.close()
