"""Writing the bundles due (SYNC.md, "Protocol").

A station's changes bundle is cumulative: every change after the last one its township
acknowledged, so a lost stick costs nothing. The township's dispatch bundle for a station
carries its own events on that station's items (assignment, results), the configuration
and the acknowledgement of what it has applied from the station.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.hlc import Hlc, tick
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.home import scratch_root
from qunzhong_desktop.storage import item_numbers
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.migrate import HEAD_REVISION
from qunzhong_desktop.storage.models_sync import SyncBundle, SyncPeer, SyncPeerKey, SyncRowVersion
from qunzhong_desktop.sync import config, county_relay, schema
from qunzhong_desktop.sync.apply_rows import summary_key
from qunzhong_desktop.sync.bundle_format import canonical_json
from qunzhong_desktop.sync.bundle_write import BundleSpec, write_bundle
from qunzhong_desktop.sync.keys import NodeKeys, PublicKeys
from qunzhong_desktop.sync.views import ExportResult

SUFFIX = ".qzb"
_FIELDS = ("seq", "change_id", "node_id", "table_name", "row_id", "op", "fields", "hlc", "user")


class ExportError(DomainError):
    """Nothing can be exported yet (no enrolled peer, unknown station …)."""

    code = "sync.export"


def export_bundles(
    db: Database, out_dir: Path, keys: NodeKeys, *, station_code: str | None = None
) -> list[ExportResult]:
    """Write the bundles due into ``out_dir`` (see the module docstring).

    Raises:
        ExportError: no enrolled peer to write to, or an unknown station code.
        OutputError: the folder cannot be written (missing, full, read-only).
    """
    out_dir = Path(out_dir)
    with db.session() as s:
        local = s.scalars(select(m.LocalNode)).one()
        peers = _recipients(s, local.role, station_code)
        ids = [p.node_id for p in peers]
    if not out_dir.is_dir():
        raise ExportError(
            f"文件夹 {out_dir} 不存在，请重新选择（例如U盘）。", code="sync.no_folder"
        )
    return [_export_one(db, out_dir, keys, node_id) for node_id in ids]


def _recipients(s: Session, role: str, station_code: str | None) -> list[SyncPeer]:
    enrolled = select(SyncPeer).where(SyncPeer.enrolled_at.is_not(None)).order_by(SyncPeer.code)
    if role == "station":
        township = s.scalars(enrolled).first()
        if township is None:
            raise ExportError(
                "还没有导入乡镇工作包，不知道数据包发给谁。请先在“同步”页导入乡镇发来的工作包。",
                code="sync.no_township",
            )
        return [township]
    if role == "county":
        townships = [p for p in s.scalars(enrolled) if p.role == "township"]
        if not townships:
            raise ExportError(
                "还没有登记任何乡镇，请先导入乡镇群众工作办的登记表。", code="sync.no_townships"
            )
        return townships
    if role != "township":
        raise ExportError("本机尚未完成设置。", code="setup.missing")
    every = list(s.scalars(enrolled))
    peers = [p for p in every if p.role == "station"]
    if station_code:
        peers = [p for p in peers if p.code == station_code.strip()]
        if not peers:
            raise ExportError(
                f"没有已登记的工作站代码为 {station_code}。", code="sync.unknown_station"
            )
    if not station_code:  # the county bundle goes with the stations' dispatches
        peers += [p for p in every if p.role == "county"]
    if not peers:
        raise ExportError("还没有登记任何工作站，请先导入工作站的登记表。", code="sync.no_stations")
    return peers


def _export_one(db: Database, out_dir: Path, keys: NodeKeys, peer_id: str) -> ExportResult:
    with db.session() as s:
        local = s.scalars(select(m.LocalNode)).one()
        peer = s.get(SyncPeer, peer_id)
        assert peer is not None
        key = s.scalars(
            select(SyncPeerKey)
            .where(SyncPeerKey.node_id == peer.node_id, SyncPeerKey.revoked_at.is_(None))
            .order_by(SyncPeerKey.epoch.desc(), SyncPeerKey.id.desc())
        ).first()
        if key is None:
            raise ExportError(f"{peer.name}没有有效的密钥，请重新登记。", code="sync.no_key")
        recipient = PublicKeys(bytes.fromhex(key.signing_key), key.age_recipient)
        top = s.scalar(select(func.max(m.SyncChange.seq))) or 0
        seq_from, seq_to = peer.acked_through + 1, max(peer.acked_through, top)
        kind = (
            "changes"
            if peer.role in ("township", "county") and local.role != "county"
            else "dispatch"
        )
        summary: Counter[str] = Counter()
        lines = _changes(s, local, peer, summary)
        # an acknowledgement counts in the epoch it was received in: a peer enrolled again
        # after a restore numbers again from its backup, and an ack of the old epoch's
        # sequence would make it prune changes this PC never received
        acks = {peer.node_id: peer.received_through} if key.epoch <= peer.received_epoch else {}
        spec = BundleSpec(
            kind=kind, sender_node_id=local.node_id, sender_epoch=local.epoch,
            recipient_node_id=peer.node_id, recipient_keys=recipient, seq_from=seq_from,
            seq_to=seq_to, schema_revision=HEAD_REVISION,
            previous_bundle_hash=peer.last_sent_hash, acks=acks,
        )  # fmt: skip
        name = _file_name(s, local.role, seq_from, seq_to, peer.code)
        written = write_bundle(
            out_dir / name, spec, keys, lines, scratch=scratch_root(db.path.parent)
        )
        now = m.utcnow()
        peer.last_sent_hash, peer.last_sent_at = written.sha256, now
        s.add(
            SyncBundle(
                bundle_id=written.manifest["bundle_id"], direction="out", kind=kind,
                peer_node_id=peer.node_id, epoch=local.epoch, seq_from=seq_from, seq_to=seq_to,
                payload_sha256=written.manifest["payload"]["sha256"], file_sha256=written.sha256,
                at=now, applied=sum(summary.values()), summary=dict(summary),
                path=str(written.path),
            )
        )  # fmt: skip
        return ExportResult(
            path=written.path, kind=kind, recipient_code=peer.code, recipient_name=peer.name,
            seq_from=seq_from, seq_to=seq_to, changes=sum(summary.values()),
            summary=dict(summary),
        )  # fmt: skip


def _file_name(s: Session, role: str, seq_from: int, seq_to: int, recipient: str) -> str:
    """``{sender code}-{from}-{to}-{time}-{recipient code}.qzb``: sorts by sender and order."""
    if role == "station":
        code = s.scalars(select(m.Station.code)).first()
    else:
        key = "county.code" if role == "county" else "township.code"
        code = s.scalars(select(m.Setting.value).where(m.Setting.key == key)).first()
    stamp = dt.datetime.now().strftime("%Y%m%d%H%M%S")
    return f"{code}-{seq_from:08d}-{seq_to:08d}-{stamp}-{recipient}{SUFFIX}"


def _changes(
    s: Session, local: m.LocalNode, peer: SyncPeer, summary: Counter[str]
) -> Iterator[dict[str, Any] | bytes]:
    """The change lines for ``peer``, streamed from the outbox in sequence order."""
    if peer.role == "county":
        yield from county_relay.county_lines(s, local, peer, summary)
        return
    origins = [local.node_id]
    if local.role == "county":
        tables = sorted(schema.table_names("county"))
        owned = county_relay.items_under(s, peer)
    elif local.role == "station":
        tables = sorted(schema.table_names("station"))
    else:
        tables = sorted(schema.table_names("township"))
        yield _config_line(s, local, peer, summary)
        origins = county_relay.local_origins(s, local)
        owned = set(
            s.scalars(
                select(SyncRowVersion.row_id).where(
                    SyncRowVersion.table_name == "intake_item",
                    SyncRowVersion.owner == peer.node_id,
                )
            )
        )
    # the fields as the outbox stored them (JSON text): spliced into the line, not decoded
    # and encoded again; only item events are looked into (whose step, which item)
    columns = [getattr(m.SyncChange, f) for f in _FIELDS if f != "fields"]
    stmt = (
        select(*columns, cast(m.SyncChange.fields, Text))
        .where(m.SyncChange.seq > peer.acked_through, m.SyncChange.table_name.in_(tables))
        .where(m.SyncChange.node_id.in_(origins))  # a township's relays go to its county only
        .order_by(m.SyncChange.seq)
        .execution_options(yield_per=2000)
    )
    names = [f for f in _FIELDS if f != "fields"]
    for *row, fields in s.execute(stmt):
        change = dict(zip(names, row, strict=True))
        if change["table_name"] == "item_event":
            event = json.loads(fields)
            if local.role != "station" and event.get("item_id") not in owned:
                continue
            if local.role == "station" and event.get("actor_role") == "township":
                # steps recorded here in the township's name (the demo village does this)
                # are not the station's to send: the township keeps its own record of them
                continue
        elif local.role != "station":
            continue
        summary[summary_key(change["table_name"])] += 1
        head = canonical_json(change)
        # canonical order puts "fields" after "change_id": splice the stored JSON there
        at = head.index(b',"hlc":')
        yield head[:at] + b',"fields":' + fields.encode("utf-8") + head[at:]


def _config_line(
    s: Session, local: m.LocalNode, peer: SyncPeer, summary: Counter[str]
) -> dict[str, Any]:
    """The township's configuration as one line (seq 0: state, not part of the sequence).

    For a station it also says the highest item number per year held here of that
    station (``numbers``): a station restored from a backup numbers on after it.
    """
    clock = tick(Hlc(local.hlc_millis, local.hlc_counter, local.node_id), _now_millis())
    local.hlc_millis, local.hlc_counter = clock.millis, clock.counter
    summary["config"] += 1
    code_row = s.get(m.Setting, "township.code")
    return {
        "seq": 0,
        "change_id": new_id(),
        "node_id": local.node_id,
        "table_name": schema.CONFIG_TABLE,
        "row_id": code_row.value if code_row is not None else "",
        "op": "update",
        "fields": {**config.current_in(s), "numbers": item_numbers.issued_by(s, peer)},
        "hlc": clock.encode(),
        "user": "",
    }


def _now_millis() -> int:
    return int(dt.datetime.now(dt.UTC).timestamp() * 1000)
