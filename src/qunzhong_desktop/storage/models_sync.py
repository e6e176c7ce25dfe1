"""Sync bookkeeping (SYNC.md): peers, keys, bundles, received changes, versions, conflicts.

All of it is local to each PC; none of it is synced.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qunzhong_desktop.storage.base import Base, utcnow


class SyncPeer(Base):
    """A node this PC exchanges bundles with (the township, or each station).

    ``enrolled_at`` stays empty until the fingerprint is confirmed.
    """

    __tablename__ = "sync_peer"

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))  # "station" or "township"
    code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    epoch: Mapped[int] = mapped_column(default=1)
    enrolled_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # what this PC has applied of the peer's outbox, in the peer's current epoch
    received_epoch: Mapped[int] = mapped_column(default=0)
    received_through: Mapped[int] = mapped_column(default=0)
    # how far the peer has acknowledged this PC's outbox
    acked_through: Mapped[int] = mapped_column(default=0)
    # the file hash of the last bundle written to the peer (the next one's previous hash)
    last_sent_hash: Mapped[str] = mapped_column(String(64), default="")
    last_sent_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_received_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncPeerKey(Base):
    """A peer's public keys for one epoch; old keys stay to verify old bundles."""

    __tablename__ = "sync_peer_key"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    node_id: Mapped[str] = mapped_column(ForeignKey("sync_peer.node_id"), index=True)
    epoch: Mapped[int] = mapped_column(default=1)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    signing_key: Mapped[str] = mapped_column(String(64))  # raw Ed25519, hex
    age_recipient: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # the last outbox sequence the peer had made when it took this key: a new epoch that
    # continues everything received of the old ones is one history, not two (sync/apply.py)
    continues_through: Mapped[int | None] = mapped_column(default=None)
    # once a newer key replaced this one (revoked_at): the last sequence it may have signed;
    # its bundles up to there still verify, anything newer it signs is refused
    valid_through: Mapped[int | None] = mapped_column(default=None)


class SyncBundle(Base):
    """A bundle this PC wrote or imported, with its import report."""

    __tablename__ = "sync_bundle"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    kind: Mapped[str] = mapped_column(String(16))
    peer_node_id: Mapped[str] = mapped_column(String(36), index=True)
    epoch: Mapped[int] = mapped_column(default=1)
    seq_from: Mapped[int] = mapped_column(default=0)
    seq_to: Mapped[int] = mapped_column(default=0)
    payload_sha256: Mapped[str] = mapped_column(String(64), default="")
    file_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    applied: Mapped[int] = mapped_column(default=0)
    skipped: Mapped[int] = mapped_column(default=0)
    flagged: Mapped[int] = mapped_column(default=0)
    # {"households": n, "items": n, …} for the sender's own overview
    summary: Mapped[dict[str, Any]] = mapped_column(default=dict)
    path: Mapped[str] = mapped_column(Text, default="")


class SyncReceived(Base):
    """One change applied (or logged as a conflict) from a peer; never applied twice."""

    __tablename__ = "sync_received"
    __table_args__ = ({"sqlite_with_rowid": False},)  # the key is the row: one B-tree less

    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    epoch: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    bundle_id: Mapped[str] = mapped_column(String(36))


class SyncRowVersion(Base):
    """Who owns a row received from a peer, and when each field's value was written.

    ``hlc`` and ``epoch`` stamp the row's insert; ``versions`` holds the fields written
    since, ``{field: [hlc, epoch]}``, and stays empty for rows never updated.
    """

    __tablename__ = "sync_row_version"
    __table_args__ = ({"sqlite_with_rowid": False},)

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    owner: Mapped[str] = mapped_column(String(36))
    hlc: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column()
    versions: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True), default=None, nullable=True
    )


class SyncConflict(Base):
    """An overwritten value or a flagged change, for the conflicts page (with undo)."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # "overwrite" (a value lost to a newer one), "transition" (an item move that no
    # longer fits), "delete_edit" (an edit of a deleted row), "skew" (a time far ahead)
    kind: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64), default="")
    kept_value: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    lost_value: Mapped[Any] = mapped_column(JSON, default=None, nullable=True)
    kept_hlc: Mapped[str] = mapped_column(String(64), default="")
    lost_hlc: Mapped[str] = mapped_column(String(64), default="")
    sender: Mapped[str] = mapped_column(String(36), default="")
    change: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolution: Mapped[str] = mapped_column(String(16), default="")

    __table_args__ = (Index("ix_sync_conflict_open", "resolved_at", "at"),)
