"""Keys and identities an attacker (or a mistake) cannot change (issue 10, cases 1 and 2).

A key replaced by a rekey signs nothing new; an enrollment or a kit cannot rename an
enrolled node, move it to another code or slip it a second key; new keys come only with a
newer epoch, and a township's new key only with its fingerprint typed in at the station.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncPeerKey
from qunzhong_desktop.sync.enrollment import EnrollmentError
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.signed_doc import write_document
from qunzhong_desktop.sync.views import ALREADY, APPLIED
from tests.helpers.dbhash import db_hash, unchanged_mark
from tests.helpers.forge import change, forge
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD, refused


def _rekey(station: Node, township: Node, tmp_path: Path) -> NodeKeys:
    """The station's passphrase is lost: new keys, a new epoch, enrolled again."""
    old = station.keys
    station.keys = NodeKeys.generate()
    station.sync.start_new_epoch()
    enrollment = tmp_path / "again.qzenroll"
    township.sync.enroll(enrollment, station.sync.write_enrollment(enrollment, station.keys))
    return old


def _keys(node: Node, peer: Node) -> list[tuple[int, bool, int | None]]:
    with node.store.db.session() as s:
        return [
            (k.epoch, k.revoked_at is not None, k.valid_through)
            for k in s.scalars(
                select(SyncPeerKey)
                .where(SyncPeerKey.node_id == peer.node_id)
                .order_by(SyncPeerKey.epoch)
            )
        ]


def test_a_replaced_key_signs_nothing_new_but_its_old_bundles_still_verify(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    old_bundle = one.export(tmp_path / "old")[0]
    assert township.sync.import_bundle(old_bundle, township.keys).status == APPLIED
    with township.store.db.session() as s:
        reached = s.scalars(
            select(SyncPeer.received_through).where(SyncPeer.node_id == one.node_id)
        ).one()
    old_keys = _rekey(one, township, tmp_path)
    assert _keys(township, one) == [(1, True, reached), (2, False, None)]
    # what a thief with the old key file sends: epoch 1, the next sequence, a new household
    stolen = one.keys
    one.keys = old_keys
    forged = forge(
        one,
        township,
        tmp_path / "forged.qzb",
        [change(one, reached + 1, "household", new_id(), "insert", {**HOUSEHOLD, "number": "666"})],
    )
    one.keys = stolen
    assert "旧密钥" in refused(township, forged, "key_revoked").message
    # a bundle the old key signed before the rekey still verifies: already imported
    assert township.sync.import_bundle(old_bundle, township.keys).status == ALREADY
    # and the new key works
    assert township.sync.import_bundle(one.export(tmp_path / "new")[0], township.keys).status in (
        APPLIED,
        ALREADY,
    )


def _enrollment(tmp_path: Path, node: Node, keys: NodeKeys, **node_fields: object) -> Path:
    body = {
        "node": {
            "node_id": node.node_id, "role": "station", "code": node.code, "name": node.name,
            "epoch": 1, "continues": 0, **node_fields,
        }
    }  # fmt: skip
    return write_document(tmp_path / f"{new_id()}.qzenroll", "enrollment", body, keys)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"code": "430121101205", "name": "新建村群众工作站"}, "sync.identity_changed"),
        ({"name": "冒名村群众工作站"}, "sync.identity_changed"),
        ({}, "sync.key_change"),  # the same node, same epoch, a second key
    ],
)
def test_an_enrollment_cannot_take_over_an_enrolled_station(
    net: tuple[Node, Node, Node], tmp_path: Path, fields: dict[str, object], code: str
) -> None:
    township, one, _ = net
    intruder = NodeKeys.generate()
    path = _enrollment(tmp_path, one, intruder, **fields)
    before = unchanged_mark(township.store)
    with pytest.raises(EnrollmentError) as caught:
        township.sync.enroll(path, intruder.fingerprint)  # the fingerprint typed correctly
    assert caught.value.code == code and caught.value.message
    assert unchanged_mark(township.store) == before
    with township.store.db.session() as s:
        peer = s.get(SyncPeer, one.node_id)
        assert peer is not None and (peer.code, peer.name) == (one.code, one.name)


def test_a_rekeyed_station_may_come_back_under_a_new_name(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    newer = NodeKeys.generate()
    one.sync.start_new_epoch()
    path = _enrollment(tmp_path, one, newer, epoch=2, name="白沙社区群众工作站")
    township.sync.enroll(path, newer.fingerprint)
    with township.store.db.session() as s:
        peer = s.get(SyncPeer, one.node_id)
        assert peer is not None and (peer.name, peer.epoch) == ("白沙社区群众工作站", 2)
    assert _keys(township, one) == [(1, True, 0), (2, False, None)]
    # the code still cannot move
    third = NodeKeys.generate()
    with pytest.raises(EnrollmentError) as caught:
        township.sync.enroll(
            _enrollment(tmp_path, one, third, epoch=3, code="430121101209"), third.fingerprint
        )
    assert caught.value.code == "sync.identity_changed"


def _kit(township: Node, keys: NodeKeys, tmp_path: Path, **node_fields: object) -> Path:
    from qunzhong_desktop.sync import config

    body = {
        "node": {
            "node_id": township.node_id, "role": "township", "code": township.code,
            "name": township.name, "phone": "", "epoch": 1, "continues": 0, **node_fields,
        },
        "config": config.current(township.store.db),
    }  # fmt: skip
    return write_document(tmp_path / f"{new_id()}.qzkit", "station-kit", body, keys)


def test_a_kit_cannot_swap_the_townships_key_or_name(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    intruder = NodeKeys.generate()
    before = db_hash(database_path(one.home))
    for fields, code in (
        ({}, "sync.key_change"),
        ({"name": "假冒镇群众工作办"}, "sync.identity_changed"),
        ({"epoch": 2}, "sync.fingerprint_required"),
    ):
        with pytest.raises(EnrollmentError) as caught:
            one.sync.accept_station_kit(_kit(township, intruder, tmp_path, **fields))
        assert caught.value.code == code, fields
    with pytest.raises(EnrollmentError) as caught:
        one.sync.accept_station_kit(
            _kit(township, intruder, tmp_path, epoch=2), "0000 0000 0000 0000"
        )
    assert caught.value.code == "sync.fingerprint_mismatch"
    assert db_hash(database_path(one.home)) == before


def test_the_townships_rekey_with_its_fingerprint_replaces_its_key(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    old_dispatch = township.export(tmp_path / "d1", station_code=one.code)[0]
    assert one.sync.import_bundle(old_dispatch, one.keys).status in (APPLIED, ALREADY)
    township.keys = NodeKeys.generate()
    township.sync.start_new_epoch()
    kit = township.sync.write_station_kit(tmp_path / "new.qzkit", township.keys)
    one.sync.accept_station_kit(kit, township.keys.fingerprint.lower().replace(" ", "-"))
    revoked = _keys(one, township)
    assert [(e, r) for e, r, _ in revoked] == [(1, True), (2, False)]
    assert one.sync.import_bundle(old_dispatch, one.keys).status == ALREADY
    assert one.sync.import_bundle(
        township.export(tmp_path / "d2", station_code=one.code)[0], one.keys
    ).status in (APPLIED, ALREADY)


def test_accept_kit_at_the_command_line_needs_the_new_fingerprint(
    net: tuple[Node, Node, Node], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qunzhong_desktop.cli import main

    township, one, _ = net
    township.keys = NodeKeys.generate()
    township.sync.start_new_epoch()
    kit = township.sync.write_station_kit(tmp_path / "new.qzkit", township.keys)
    assert main(["accept-kit", str(kit), "--home", str(one.home)]) == 1
    err = capsys.readouterr().err
    assert "更换密钥" in err and "--fingerprint" in err and err.count("\n") == 1
    fp = township.keys.fingerprint
    assert main(["accept-kit", str(kit), "--fingerprint", fp, "--home", str(one.home)]) == 0
    assert fp in capsys.readouterr().out
    # the same kit again is only a configuration update: no fingerprint needed
    assert main(["accept-kit", str(kit), "--home", str(one.home)]) == 0
