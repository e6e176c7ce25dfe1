"""Townships enrol with their county exactly as stations enrol with a township (issue 19).

The county writes a **county kit** (its identity and public keys); the township accepts it
only with the fingerprint read out by the county, which makes the county its one peer
above. The township writes its **enrollment** (the same file a station writes, with the
role ``township``); the county enrols it only when the fingerprint typed from the sheet
matches, and only a township whose 9-digit code begins with the county's 6 digits. Keys,
epochs and identities follow the station rules (:mod:`.enrollment`), code for code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import outbox_reached
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.setup import county_profile, normalise_county_code, township_profile
from qunzhong_desktop.sync import county_relay
from qunzhong_desktop.sync.bundle_container import refuse
from qunzhong_desktop.sync.enrollment import (
    EnrollmentError,
    _add_key,
    _continues,
    _local,
    _new_key,
    _node_part,
    _same_identity,
)
from qunzhong_desktop.sync.keys import NodeKeys, PublicKeys
from qunzhong_desktop.sync.signed_doc import normalise_fingerprint, read_document, write_document
from qunzhong_desktop.sync.views import CountyKitInfo, EnrollmentInfo

_WHERE = {"county": "县（市、区）群众工作部", "township": "乡镇群众工作办"}


def _require(db: Database, role: str) -> m.LocalNode:
    with db.session() as s:
        node = _local(s)
        if node.role != role:
            raise EnrollmentError(
                f"这项操作只能在{_WHERE[role]}的电脑上进行。", code="sync.wrong_role"
            )
        s.expunge(node)
        return node


# the county ----------------------------------------------------------------------------
def write_county_kit(db: Database, out: Path, keys: NodeKeys) -> Path:
    """Write the signed county kit: the county's identity and public keys."""
    node = _require(db, "county")
    with db.session() as s:
        reached = outbox_reached(s)
    code, name = county_profile(db)
    body = {
        "node": {"node_id": node.node_id, "role": "county", "code": code, "name": name,
                 "epoch": node.epoch, "continues": reached},
    }  # fmt: skip
    return write_document(out, "county-kit", body, keys)


def read_township_enrollment(path: Path) -> EnrollmentInfo:
    """Check a township's enrollment file and say who it is from (nothing stored).

    The county reads it before the fingerprint is typed; the township that wrote it reads
    it back for its printed sheet.

    Raises:
        EnrollmentError: a station's file (stations enrol at their township).
        BundleRefused: the file is damaged, altered or not an enrollment.
    """
    return _read_township_enrollment(path)[0]


def _read_township_enrollment(path: Path) -> tuple[EnrollmentInfo, PublicKeys]:
    document, keys = read_document(path, "enrollment")
    role = document.get("node", {}).get("role") if isinstance(document, dict) else None
    if role == "station":
        raise EnrollmentError(
            "这是村（社区）群众工作站的登记文件：工作站在乡镇登记，县里只登记乡镇群众工作办。",
            code="sync.station_at_county",
        )
    node = _node_part(document, "township")
    info = EnrollmentInfo(
        station_code=node["code"], station_name=node["name"], node_id=node["node_id"],
        epoch=node["epoch"], fingerprint=keys.fingerprint,
        continues=_continues(node.get("continues")), role="township",
    )  # fmt: skip
    return info, keys


def enroll_township(db: Database, path: Path, fingerprint: str) -> EnrollmentInfo:
    """Accept a township of this county whose fingerprint, read from its sheet, matches.

    Raises:
        EnrollmentError: the fingerprint differs, the file is a station's, the township
            is of another county, or its code is enrolled from another PC.
        BundleRefused: the file is damaged or altered.
    """
    info, keys = _read_township_enrollment(path)
    _fingerprint_matches(fingerprint, info.fingerprint, "登记表")
    county_code = county_profile(db)[0]
    _require(db, "county")
    if info.station_code[:6] != county_code:
        raise EnrollmentError(
            f"乡镇 {info.station_name}（{info.station_code}）不属于本县（{county_code}）。",
            code="sync.other_county",
        )
    with db.writing() as s:
        other = s.scalars(
            select(SyncPeer).where(
                SyncPeer.code == info.station_code, SyncPeer.node_id != info.node_id
            )
        ).first()
        if other is not None:
            raise EnrollmentError(
                f"乡镇代码 {info.station_code} 已由另一台电脑登记（{other.name}）。",
                code="sync.code_taken",
            )
        peer = s.get(SyncPeer, info.node_id)
        now = m.utcnow()
        if peer is None:
            peer = SyncPeer(
                node_id=info.node_id, role="township", code=info.station_code,
                name=info.station_name, epoch=info.epoch, enrolled_at=now,
            )  # fmt: skip
            s.add(peer)
            s.flush()
            _add_key(s, peer, info.epoch, keys, continues=info.continues)
            return info
        _same_identity(peer, info.station_code, info.station_name, info.epoch)
        if _add_key(s, peer, info.epoch, keys, continues=info.continues):
            peer.name = info.station_name
        peer.epoch, peer.enrolled_at = max(peer.epoch, info.epoch), now
    return info


# the township --------------------------------------------------------------------------
def read_county_kit(path: Path) -> CountyKitInfo:
    """Check a county kit and say whose it is (nothing stored)."""
    return _read_kit(path)[0]


def _read_kit(path: Path) -> tuple[CountyKitInfo, dict[str, Any], PublicKeys]:
    document, keys = read_document(path, "county-kit")
    node = document.get("node")
    try:
        if not isinstance(node, dict) or node.get("role") != "county":
            raise ValueError("role")
        node["code"] = normalise_county_code(str(node.get("code", "")))
        if not isinstance(node.get("node_id"), str) or not isinstance(node.get("name"), str):
            raise ValueError("node")
        if not isinstance(node.get("epoch"), int) or node["epoch"] < 1:
            raise ValueError("epoch")
    except (ValueError, ValidationError) as exc:
        raise refuse("document_malformed", "文件中的站点信息不完整或有误。") from exc
    info = CountyKitInfo(
        county_code=node["code"], county_name=node["name"], node_id=node["node_id"],
        epoch=node["epoch"], fingerprint=keys.fingerprint,
    )  # fmt: skip
    return info, document, keys


def accept_county_kit(db: Database, path: Path, fingerprint: str) -> CountyKitInfo:
    """Make the kit's county this township's one peer above, its fingerprint typed in.

    A kit of the county already joined may come again (nothing changes) or with new keys
    of a newer epoch (the county's rekey), confirmed by the new fingerprint likewise.

    Raises:
        EnrollmentError: the fingerprint is missing or differs, the kit is of another
            county, this township already joined another county PC, or the kit would
            change the county's identity.
        BundleRefused: the file is damaged or altered.
    """
    info, document, keys = _read_kit(path)
    township_code = township_profile(db)[0]
    _require(db, "township")
    if township_code[:6] != info.county_code:
        raise EnrollmentError(
            f"这是{info.county_name}（{info.county_code}）的县工作包，"
            f"本乡镇（{township_code}）不属于该县，不能使用。",
            code="sync.other_county",
        )
    with db.writing() as s:
        other = s.scalars(
            select(SyncPeer).where(SyncPeer.role == "county", SyncPeer.node_id != info.node_id)
        ).first()
        if other is not None:
            raise EnrollmentError(
                f"本乡镇已加入{other.name}（另一台县里的电脑），一个乡镇只能有一个上级县。",
                code="sync.other_county_node",
            )
        peer = s.get(SyncPeer, info.node_id)
        continues = _continues(document["node"].get("continues"))
        if peer is None or _new_key(s, peer, keys):
            _fingerprint_matches(fingerprint, info.fingerprint, "县工作包")
        if peer is None:
            peer = SyncPeer(
                node_id=info.node_id, role="county", code=info.county_code,
                name=info.county_name, epoch=info.epoch, enrolled_at=m.utcnow(),
            )  # fmt: skip
            s.add(peer)
            s.flush()
            _add_key(s, peer, info.epoch, keys, continues=continues)
            county_relay.backfill(s)  # what the township holds already goes up too
            return info
        _same_identity(peer, info.county_code, info.county_name, info.epoch)
        if _add_key(s, peer, info.epoch, keys, continues=continues):
            peer.name = info.county_name
        peer.epoch = max(peer.epoch, info.epoch)
    return info


def write_township_enrollment(db: Database, out: Path, keys: NodeKeys) -> str:
    """Write this township's signed enrollment file; returns the fingerprint to print."""
    node = _require(db, "township")
    code, name, _phone = township_profile(db)
    with db.session() as s:
        reached = outbox_reached(s)
    body = {
        "node": {"node_id": node.node_id, "role": "township", "code": code, "name": name,
                 "epoch": node.epoch, "continues": reached},
    }  # fmt: skip
    write_document(out, "enrollment", body, keys)
    return keys.fingerprint


def _fingerprint_matches(typed: str, actual: str, what: str) -> None:
    if not typed.strip():
        raise EnrollmentError(
            f"请输入{what}的密钥指纹（由对方念出或抄在登记表上）。", code="sync.fingerprint_empty"
        )
    if normalise_fingerprint(typed) != normalise_fingerprint(actual):
        raise EnrollmentError(
            f"输入的密钥指纹与{what}不一致，不能登记。请打电话与对方核实。",
            code="sync.fingerprint_mismatch",
        )
