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

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.regions import normalise_station_code, normalise_township_code
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import outbox_reached
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncBundle, SyncPeer, SyncPeerKey
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
        node_id, epoch, reached = node.node_id, node.epoch, outbox_reached(s)
    code, name, phone = township_profile(db)
    body = {
        "node": {"node_id": node_id, "role": "township", "code": code, "name": name,
                 "phone": phone, "epoch": epoch, "continues": reached},
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
                "同一工作站换电脑时，请在原电脑上导出登记表（更换密钥后的新版本）。",
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
            _add_key(s, peer, info.epoch, keys, continues=info.continues)
            return info
        _same_identity(peer, info.station_code, info.station_name, info.epoch)
        if _add_key(s, peer, info.epoch, keys, continues=info.continues):
            peer.name = info.station_name  # a new epoch may bring the station's new name
        peer.epoch, peer.enrolled_at = max(peer.epoch, info.epoch), now
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


@write_path(needs=Permission.SYNC)
def accept_station_kit(db: Database, path: Path, fingerprint: str = "") -> KitInfo:
    """Make the kit's township this station's peer and load its configuration.

    A kit of the township already joined may update the configuration; it may bring new
    keys only with a newer key epoch (the township's rekey) and only with the new
    fingerprint typed in (``fingerprint``), as checked with the township by phone.

    Raises:
        EnrollmentError: the kit is for another township, this station already joined a
            different township PC, the kit would change the township's identity, or its
            new key is not confirmed (``sync.fingerprint_required`` / ``..._mismatch``).
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
        continues = _continues(document["node"].get("continues"))
        if peer is None:
            peer = SyncPeer(
                node_id=info.node_id, role="township", code=info.township_code,
                name=info.township_name, epoch=epoch, enrolled_at=m.utcnow(),
            )  # fmt: skip
            s.add(peer)
            s.flush()
            _add_key(s, peer, epoch, keys, continues=continues)
        else:
            _same_identity(peer, info.township_code, info.township_name, epoch)
            if epoch > peer.epoch and _new_key(s, peer, keys):
                _confirmed(info, fingerprint)  # a rekey: its fingerprint, typed in
            if _add_key(s, peer, epoch, keys, continues=continues):
                peer.name = info.township_name
            peer.epoch = max(peer.epoch, epoch)
        config.apply_config_in(s, document["config"], source=f"{info.township_name}工作包")
        _township_on_cards(s, info)
    return info


def _township_on_cards(s: Session, info: KitInfo) -> None:
    """The township's name and phone on this station's cards come from its kit.

    The set-up wizard asked the clerk to type them; the kit knows them for sure, and the
    settings page shows them locked (``ui/settings``).
    """
    station = s.scalars(select(m.Station)).first()
    if station is None:
        return
    name = info.township_name.removesuffix("群众工作办") or info.township_name
    if station.township_name != name:
        station.township_name = name
    if info.township_phone and station.township_phone != info.township_phone:
        station.township_phone = info.township_phone


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


def _same_identity(peer: SyncPeer, code: str, name: str, epoch: int) -> None:
    """A file for an enrolled node may not change who it is, nor go back in epochs.

    Raises:
        EnrollmentError: ``sync.identity_changed`` (another code, or another name without a
            new epoch) or ``sync.old_epoch``.
    """
    if code != peer.code or (name != peer.name and epoch <= peer.epoch):
        raise EnrollmentError(
            f"这份文件把已登记的{peer.name}（{peer.code}）说成了{name}（{code}）。"
            "一台电脑登记后，它的代码和名称不能通过登记文件或工作包更改；"
            "文件可能被改动过，或选错了文件。已拒绝，本机数据没有改变。",
            code="sync.identity_changed",
        )
    if epoch < peer.epoch:
        raise EnrollmentError(
            f"这份文件（密钥版本 {epoch}）比已登记的（版本 {peer.epoch}）旧，不能使用。",
            code="sync.old_epoch",
        )


def _new_key(s: Session, peer: SyncPeer, keys: PublicKeys) -> bool:
    """Whether ``keys`` is not yet one of the peer's keys."""
    return (
        s.scalars(
            select(SyncPeerKey).where(
                SyncPeerKey.node_id == peer.node_id, SyncPeerKey.key_id == keys.key_id
            )
        ).first()
        is None
    )


def _confirmed(info: KitInfo, fingerprint: str) -> None:
    """The new key of a known township must be confirmed by its fingerprint, typed in."""
    if not fingerprint.strip():
        raise EnrollmentError(
            f"这是{info.township_name}更换密钥后的新工作包。请打电话请乡镇念出新的密钥指纹，"
            "输入指纹后再导入（命令行：qunzhong accept-kit 文件 --fingerprint 指纹）。",
            code="sync.fingerprint_required",
        )
    if normalise_fingerprint(fingerprint) != normalise_fingerprint(info.fingerprint):
        raise EnrollmentError(
            "输入的密钥指纹与工作包不一致，不能导入。请与乡镇群众工作办核实。",
            code="sync.fingerprint_mismatch",
        )


def _continues(value: object) -> int | None:
    """The file's ``continues`` (absent in 0.1.0 files; anything odd counts as absent)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53:
        return value
    return None


def _add_key(
    s: Session, peer: SyncPeer, epoch: int, keys: PublicKeys, *, continues: int | None
) -> bool:
    """Add a peer's key; True when it is a new key of a newer epoch (a rekey).

    A key is new data only in its own epoch: a new key comes only with a newer epoch, and
    then every older key of the peer is revoked for new data — it still verifies the
    bundles it signed up to the sequence the peer had reached (``valid_through``), so an
    old bundle imports again as "already imported", and anything newer it signs is refused.

    Raises:
        EnrollmentError: the key belongs to another node, or a new key comes without a
            newer epoch (``sync.key_change``).
    """
    existing = s.scalars(select(SyncPeerKey).where(SyncPeerKey.key_id == keys.key_id)).first()
    if existing is not None:
        if existing.node_id != peer.node_id:
            raise EnrollmentError(
                "这把密钥已登记给另一个站点，不能重复使用。", code="sync.key_taken"
            )
        if existing.epoch != epoch:
            raise EnrollmentError(
                "这份文件的密钥版本与登记时不一致，已拒绝。", code="sync.key_change"
            )
        return False
    known = list(s.scalars(select(SyncPeerKey).where(SyncPeerKey.node_id == peer.node_id)))
    if known and epoch <= max(k.epoch for k in known):
        raise EnrollmentError(
            f"{peer.name}已用另一套密钥登记（版本 {peer.epoch}）。更换密钥只能走“更换密钥”的"
            "流程：对方更换密钥后密钥版本加 1，再导出新的登记文件（或工作包）。已拒绝。",
            code="sync.key_change",
        )
    now = m.utcnow()
    for old in known:
        if old.revoked_at is None:
            old.revoked_at = now
            old.valid_through = _reached(s, peer, old, continues)
    s.add(
        SyncPeerKey(
            node_id=peer.node_id, epoch=epoch, key_id=keys.key_id,
            signing_key=base64.b16encode(keys.signing).decode("ascii"),
            age_recipient=keys.age_recipient, fingerprint=keys.fingerprint,
            continues_through=continues,
        )
    )  # fmt: skip
    return bool(known)


def _reached(s: Session, peer: SyncPeer, key: SyncPeerKey, continues: int | None) -> int:
    """The last sequence an old key may have signed.

    What the peer says its outbox had reached when it took the new key, else what was
    received here in the old key's epoch.
    """
    if continues is not None:
        return continues
    received = s.scalar(
        select(func.max(SyncBundle.seq_to)).where(
            SyncBundle.peer_node_id == peer.node_id,
            SyncBundle.direction == "in",
            SyncBundle.epoch == key.epoch,
        )
    )
    return int(received or 0)
