"""Peers: whose keys are trusted, why a signature was refused, and the stations board."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.intake.states import DONE, FINAL
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncPeerKey, SyncRowVersion
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.bundle_container import open_container, refuse
from qunzhong_desktop.sync.bundle_format import BundleRefused, Limits
from qunzhong_desktop.sync.bundle_manifest import signers, strict_loads
from qunzhong_desktop.sync.views import PeerStatus


def _raw(key: SyncPeerKey) -> bytes:
    return base64.b16decode(key.signing_key)


def trusted_keys(s: Session) -> dict[str, bytes]:
    """``node_id|key_id`` → raw Ed25519 key of enrolled peers.

    Current keys, and replaced keys for the bundles they signed before they were replaced
    (``valid_through``: the import refuses anything newer they sign).
    """
    rows = s.execute(
        select(SyncPeerKey)
        .join(SyncPeer, SyncPeer.node_id == SyncPeerKey.node_id)
        .where(
            SyncPeer.enrolled_at.is_not(None),
            SyncPeerKey.revoked_at.is_(None) | SyncPeerKey.valid_through.is_not(None),
        )
    ).scalars()
    return {f"{k.node_id}|{k.key_id}": _raw(k) for k in rows}


def explain_refusal(db: Database, path: Path, exc: BundleRefused) -> BundleRefused:
    """Say more when a signature failed because the key is revoked or not yet confirmed."""
    if exc.code != "bundle.signature_bad":
        return exc
    with db.session() as s:
        local = s.scalars(select(m.LocalNode.node_id)).first()
    if local is not None and _claimed_sender(path) == local:
        return refuse(
            "own_bundle",
            "这是本机自己导出的数据包，应交给对方（乡镇或工作站）导入，不必在本机导入。",
        )
    with db.session() as s:
        rows = list(
            s.execute(
                select(SyncPeerKey, SyncPeer)
                .join(SyncPeer, SyncPeer.node_id == SyncPeerKey.node_id)
                .where(
                    (SyncPeerKey.revoked_at.is_not(None) & SyncPeerKey.valid_through.is_(None))
                    | SyncPeer.enrolled_at.is_(None)
                )
            )
        )
    if not rows:
        return _unknown_sender(db, path, exc)
    try:
        with Path(path).open("rb") as f:
            container = open_container(f, Limits())
            with container.zip:
                found = signers(
                    container.manifest,
                    container.signature,
                    {f"{k.node_id}|{k.key_id}": _raw(k) for k, _ in rows},
                )
    except (BundleRefused, OSError):
        return exc
    for key, peer in rows:
        if f"{key.node_id}|{key.key_id}" in found:
            if key.revoked_at is not None:
                return refuse(
                    "key_revoked",
                    f"数据包由{peer.name}已作废的密钥签名，已拒绝导入。请让该站用现在的密钥重新导出。",
                )
            return refuse(
                "not_enrolled",
                f"{peer.name}的登记尚未确认密钥指纹，请先在“登记站点”中核对指纹后再导入。",
            )
    return _unknown_sender(db, path, exc)


def _unknown_sender(db: Database, path: Path, exc: BundleRefused) -> BundleRefused:
    """A sender this PC has never enrolled: say that, not "可能已被篡改"."""
    claimed = _claimed_sender(path)
    if claimed is None:
        return exc
    with db.session() as s:
        known = s.get(SyncPeer, claimed) is not None
        role = s.scalars(select(m.LocalNode.role)).first()
    if known:
        return exc  # an enrolled peer whose signature does not verify: that is tampering
    if role == "county":
        message = (
            "发出这个数据包的乡镇尚未在本县登记（或属于别的县），已拒绝导入，本机数据没有改变。"
            "请先用乡镇交来的登记文件和登记表登记该乡镇。"
        )
    elif role == "township":
        message = (
            "发出这个数据包的工作站尚未在本乡镇登记，已拒绝导入，本机数据没有改变。"
            "请先用“登记站点…”登记该站（需要它交来的登记文件和登记表）；"
            "若它属于别的乡镇，请交给那个乡镇导入。"
        )
    else:
        message = (
            "这个数据包不是本站所属乡镇发给本站的（本站尚未在该乡镇登记，或数据包是发给别的"
            "工作站的），已拒绝导入，本机数据没有改变。请核对U盘上的文件。"
        )
    return refuse("unknown_sender", message)


def _pending(s: Session, peer: SyncPeer) -> int:
    """This PC's changes for ``peer`` that it has not acknowledged yet."""
    if peer.role == "township":  # a station sends the township every change it made
        return int(
            s.scalar(
                select(func.count(m.SyncChange.seq)).where(
                    m.SyncChange.seq > peer.acked_through,
                    m.SyncChange.table_name.in_(schema.table_names("station")),
                )
            )
            or 0
        )
    owned = select(SyncRowVersion.row_id).where(
        SyncRowVersion.table_name == "intake_item", SyncRowVersion.owner == peer.node_id
    )
    return int(
        s.scalar(
            select(func.count(m.SyncChange.seq)).where(
                m.SyncChange.seq > peer.acked_through,
                m.SyncChange.table_name == "item_event",
                m.SyncChange.fields["item_id"].as_string().in_(owned),
            )
        )
        or 0
    )


def _claimed_sender(path: Path) -> str | None:
    """The sender a bundle's manifest names, unverified (only to explain a refusal)."""
    try:
        with Path(path).open("rb") as f:
            container = open_container(f, Limits())
            with container.zip:
                manifest = strict_loads(container.manifest)
        return str(manifest["sender"]["node_id"])
    except (BundleRefused, OSError, ValueError, KeyError, TypeError):
        return None


def peer_statuses(db: Database, gaps: dict[str, tuple[int, int]] | None = None) -> list[PeerStatus]:
    """Every peer, by code, with its sequences, fingerprint and item figures.

    Args:
        db: the store.
        gaps: missing sequences seen by refused imports in this session, by node id.
    """
    gaps = gaps or {}
    today = dt.date.today()
    with db.session() as s:
        peers = list(s.scalars(select(SyncPeer).order_by(SyncPeer.code)))
        statuses: list[PeerStatus] = []
        for peer in peers:
            key = s.scalars(
                select(SyncPeerKey)
                .where(SyncPeerKey.node_id == peer.node_id, SyncPeerKey.revoked_at.is_(None))
                .order_by(SyncPeerKey.epoch.desc(), SyncPeerKey.id.desc())
            ).first()
            open_items = overdue = 0
            if peer.role == "station":
                closed = [state.value for state in (*FINAL, *DONE)]
                base = select(func.count(m.IntakeItem.id)).where(
                    m.IntakeItem.number.like(f"{peer.code}-%"),
                    m.IntakeItem.deleted_at.is_(None),
                    m.IntakeItem.state.not_in(closed),
                )
                open_items = s.scalar(base) or 0
                overdue = s.scalar(base.where(m.IntakeItem.due_on < today)) or 0
            statuses.append(
                PeerStatus(
                    node_id=peer.node_id,
                    role=peer.role,
                    code=peer.code,
                    name=peer.name,
                    epoch=peer.epoch,
                    fingerprint=key.fingerprint if key else "",
                    enrolled=peer.enrolled_at is not None,
                    received_through=peer.received_through,
                    last_received_at=peer.last_received_at,
                    missing=gaps.get(peer.node_id),
                    acked_through=peer.acked_through,
                    pending_out=_pending(s, peer),
                    last_sent_at=peer.last_sent_at,
                    open_items=open_items,
                    overdue_items=overdue,
                )
            )
    return statuses
