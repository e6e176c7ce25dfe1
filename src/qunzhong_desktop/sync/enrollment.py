"""Enrollment (SYNC.md): the township's station kit and the station's enrollment file.

The township writes a kit (its identity, public keys and configuration); a station takes
it at set-up, which makes the township its one peer and loads the configuration. The
station writes an enrollment file (its identity and public keys) and prints the
fingerprint; the township accepts it only when the fingerprint typed from the sheet matches.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.regions import normalise_station_code, normalise_township_code
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import outbox_reached
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncPeerKey
from qunzhong_desktop.storage.setup import township_profile
from qunzhong_desktop.storage.write_paths import write_path
from qunzhong_desktop.sync import config
from qunzhong_desktop.sync.bundle_container import refuse
from qunzhong_desktop.sync.keys import NodeKeys, PublicKeys
from qunzhong_desktop.sync.signed_doc import normalise_fingerprint, read_document, write_document
from qunzhong_desktop.sync.views import EnrollmentInfo, KitInfo


class EnrollmentError(DomainError):
    """A kit or an enrollment that cannot be accepted here."""

    code = "sync.enrollment"


def _local(s: Session) -> m.LocalNode:
    node = s.scalars(select(m.LocalNode)).first()
    if node is None:
        raise EnrollmentError("本机尚未完成设置。", code="setup.missing")
    return node


def _require_role(node: m.LocalNode, role: str) -> None:
    if node.role != role:
        where = "乡镇群众工作办" if role == "township" else "村（社区）群众工作站"
        raise EnrollmentError(f"这项操作只能在{where}的电脑上进行。", code="sync.wrong_role")


# the township -----------------------------------------------------------------------------
def write_station_kit(db: Database, out: Path, keys: NodeKeys) -> Path:
    """Write the signed station kit: identity, public keys, units, domains, calendar."""
    with db.session() as s:
        node = _local(s)
        _require_role(node, "township")
        node_id, epoch = node.node_id, node.epoch
    code, name, phone = township_profile(db)
    body = {
        "node": {"node_id": node_id, "role": "township", "code": code, "name": name,
                 "phone": phone, "epoch": epoch},
        "config": config.current(db),
    }  # fmt: skip
    return write_document(out, "station-kit", body, keys)


def read_enrollment(path: Path) -> EnrollmentInfo:
    """Check an enrollment file and say who it is from (nothing stored)."""
    return _read_enrollment(path)[0]


def _read_enrollment(path: Path) -> tuple[EnrollmentInfo, PublicKeys]:
    document, keys = read_document(path, "enrollment")
    station = _node_part(document, "station")
    info = EnrollmentInfo(
        station_code=station["code"],
        station_name=station["name"],
        node_id=station["node_id"],
        epoch=station["epoch"],
        fingerprint=keys.fingerprint,
        continues=_continues(station.get("continues")),
    )
    return info, keys


def enroll(db: Database, path: Path, fingerprint: str) -> EnrollmentInfo:
    """Accept a station whose fingerprint, read from its sheet, matches the file.

    A station already enrolled may come again with a newer epoch and new keys (after a
    lost key or a restored backup); its old keys stay, to verify its old bundles.

    Raises:
        EnrollmentError: the fingerprint differs, the station belongs to another township,
            or its code is enrolled from another PC.
        BundleRefused: the file is damaged or altered.
    """
    info, keys = _read_enrollment(path)
    if not fingerprint.strip():
        raise EnrollmentError("请填写登记表上的密钥指纹。", code="sync.fingerprint_empty")
    if normalise_fingerprint(fingerprint) != normalise_fingerprint(info.fingerprint):
        raise EnrollmentError(
            "输入的密钥指纹与登记文件不一致，不能登记。请核对登记表，或打电话与工作站核实。",
            code="sync.fingerprint_mismatch",
        )
    township_code = township_profile(db)[0]
    if info.station_code[:9] != township_code:
        raise EnrollmentError(
            f"工作站 {info.station_name}（{info.station_code}）不属于本乡镇（{township_code}）。",
            code="sync.other_township",
        )
    with db.session() as s:
        _require_role(_local(s), "township")
        other = s.scalars(
            select(SyncPeer).where(
                SyncPeer.code == info.station_code, SyncPeer.node_id != info.node_id
            )
        ).first()
        if other is not None:
            raise EnrollmentError(
                f"工作站代码 {info.station_code} 已由另一台电脑登记（{other.name}）。"
                "同一工作站换电脑时，请在原电脑上导出登记表（新的密钥轮次）。",
                code="sync.code_taken",
            )
        peer = s.get(SyncPeer, info.node_id)
        now = m.utcnow()
        if peer is None:
            peer = SyncPeer(
                node_id=info.node_id, role="station", code=info.station_code,
                name=info.station_name, epoch=info.epoch, enrolled_at=now,
            )  # fmt: skip
            s.add(peer)
            s.flush()
        elif info.epoch < peer.epoch:
            raise EnrollmentError(
                f"这份登记表（密钥轮次 {info.epoch}）比已登记的（轮次 {peer.epoch}）旧，不能使用。",
                code="sync.old_epoch",
            )
        else:
            peer.epoch, peer.name, peer.enrolled_at = info.epoch, info.station_name, now
        _add_key(s, info.node_id, info.epoch, keys, continues=info.continues)
    return info


# the station ------------------------------------------------------------------------------
def read_station_kit(path: Path) -> KitInfo:
    """Check a kit file and say what it holds (nothing stored)."""
    return _read_kit(path)[0]


def _read_kit(path: Path) -> tuple[KitInfo, dict[str, Any], PublicKeys]:
    document, keys = read_document(path, "station-kit")
    node = _node_part(document, "township")
    conf = document.get("config")
    try:
        units, domains, calendar = config.parse(conf)
    except ValueError as exc:
        raise refuse("document_malformed", "乡镇工作包中的配置内容格式错误。") from exc
    info = KitInfo(
        township_code=node["code"],
        township_name=node["name"],
        township_phone=str(node.get("phone", "")),
        node_id=node["node_id"],
        fingerprint=keys.fingerprint,
        units=units,
        domains=domains,
        calendar_years=sorted(calendar),
    )
    return info, document, keys


@write_path
def accept_station_kit(db: Database, path: Path) -> KitInfo:
    """Make the kit's township this station's peer and load its configuration.

    Raises:
        EnrollmentError: the kit is for another township, or this station already joined
            a different township PC.
        BundleRefused: the file is damaged or altered.
    """
    info, document, keys = _read_kit(path)
    with db.writing() as s:
        node = _local(s)
        _require_role(node, "station")
        station = s.scalars(select(m.Station)).first()
        if station is not None and station.township_code != info.township_code:
            raise EnrollmentError(
                f"这是{info.township_name}（{info.township_code}）的工作包，"
                f"本站属于乡镇 {station.township_code}，不能使用。",
                code="sync.other_township",
            )
        other = s.scalars(select(SyncPeer).where(SyncPeer.node_id != info.node_id)).first()
        if other is not None:
            raise EnrollmentError(
                f"本站已加入{other.name}（另一台乡镇电脑），不能再导入其他乡镇的工作包。",
                code="sync.other_township_node",
            )
        peer = s.get(SyncPeer, info.node_id)
        epoch = int(document["node"]["epoch"])
        if peer is None:
            s.add(
                SyncPeer(
                    node_id=info.node_id, role="township", code=info.township_code,
                    name=info.township_name, epoch=epoch, enrolled_at=m.utcnow(),
                )
            )  # fmt: skip
            s.flush()
        else:
            peer.name, peer.epoch = info.township_name, max(peer.epoch, epoch)
        _add_key(s, info.node_id, epoch, keys)
        config.apply_config_in(s, document["config"], source=f"{info.township_name}工作包")
    return info


def write_enrollment(db: Database, out: Path, keys: NodeKeys) -> str:
    """Write this station's signed enrollment file; returns the fingerprint to print."""
    with db.session() as s:
        node = _local(s)
        _require_role(node, "station")
        station = s.scalars(select(m.Station)).one()
        body = {
            "node": {"node_id": node.node_id, "role": "station", "code": station.code,
                     "name": station.name, "epoch": node.epoch,
                     # how far this epoch continues the PC's history (see SyncPeerKey)
                     "continues": outbox_reached(s)},
        }  # fmt: skip
    write_document(out, "enrollment", body, keys)
    return keys.fingerprint


# shared -----------------------------------------------------------------------------------
def _node_part(document: dict[str, Any], role: str) -> dict[str, Any]:
    node = document.get("node")
    try:
        if not isinstance(node, dict) or node.get("role") != role:
            raise ValueError("role")
        if role == "station":
            node["code"] = normalise_station_code(str(node.get("code", "")))
        else:
            node["code"] = normalise_township_code(str(node.get("code", "")))
        if not isinstance(node.get("node_id"), str) or not isinstance(node.get("name"), str):
            raise ValueError("node")
        if not isinstance(node.get("epoch"), int) or node["epoch"] < 1:
            raise ValueError("epoch")
    except (ValueError, ValidationError) as exc:
        raise refuse("document_malformed", "文件中的站点信息不完整或有误。") from exc
    return node


def _continues(value: object) -> int | None:
    """The enrollment's ``continues`` (absent in 0.1.0 files; anything odd counts as absent)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53:
        return value
    return None


def _add_key(
    s: Session, node_id: str, epoch: int, keys: PublicKeys, *, continues: int | None = None
) -> None:
    existing = s.scalars(select(SyncPeerKey).where(SyncPeerKey.key_id == keys.key_id)).first()
    if existing is not None:
        if existing.node_id != node_id:
            raise EnrollmentError(
                "这把密钥已登记给另一个站点，不能重复使用。", code="sync.key_taken"
            )
        return
    s.add(
        SyncPeerKey(
            node_id=node_id, epoch=epoch, key_id=keys.key_id,
            signing_key=base64.b16encode(keys.signing).decode("ascii"),
            age_recipient=keys.age_recipient, fingerprint=keys.fingerprint,
            continues_through=continues,
        )
    )  # fmt: skip
