"""Importing bundles (SYNC.md, "Protocol"): verify everything, then apply in ONE transaction.

Order: the file (:func:`~.bundle_read.read_bundle`: container, signature, key, recipient,
sizes, hashes, decryption, every line), then the manifest against this PC (kind, schema,
epoch, already imported, sequence gap), then the changes (:class:`~.apply.Applier`), the
acknowledgement and the outbox pruning — all in one transaction. Any failure rolls it back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.hlc import Hlc, receive
from qunzhong_desktop.core.work import Cancelled, CancelToken, Progress
from qunzhong_desktop.home import scratch_root
from qunzhong_desktop.storage import item_numbers
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.changes import REMOTE
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.migrate import HEAD_REVISION
from qunzhong_desktop.storage.models_sync import SyncBundle, SyncPeer, SyncPeerKey
from qunzhong_desktop.sync import apply_sql, county_relay, peers
from qunzhong_desktop.sync.apply import Applier
from qunzhong_desktop.sync.apply_ahead import Ahead
from qunzhong_desktop.sync.apply_behind import writing_behind
from qunzhong_desktop.sync.apply_county import (
    CountyApplier,
    CountyDispatchApplier,
    StationDispatchApplier,
)
from qunzhong_desktop.sync.bundle_container import refuse
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.bundle_read import VerifiedBundle, read_bundle
from qunzhong_desktop.sync.config import apply_config_in
from qunzhong_desktop.sync.derive import refresh_derived
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.verify_ahead import NextBundle
from qunzhong_desktop.sync.views import ALREADY, APPLIED, REFUSED, ImportReport

CHUNK = 2000


class ImportCancelled(Cancelled):
    """The user stopped an import; nothing of the bundle under way was written."""

    code = "sync.cancelled"


def local_time(value: dt.datetime) -> str:
    """A stored UTC time as local ``YYYY-MM-DD HH:MM``."""
    return value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def import_bundle(
    db: Database,
    path: Path,
    keys: NodeKeys,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Verify and apply one bundle file (see the module docstring).

    Raises:
        BundleRefused: refused; nothing written.
        ImportCancelled: stopped; nothing written.
    """
    with _collector_paused():
        return _import(db, path, keys, progress, cancel)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while one bundle is read and applied.

    An import holds a bundle's row versions, references and pending rows (hundreds of
    thousands of objects in a county bundle), and every full collection walked them all
    (~9 % of the county benchmark's import). The import's objects are freed by reference
    counting as before; cycles made meanwhile are collected once it is back on. Turned off
    only if it was on, and back on only by whoever turned it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _import(
    db: Database,
    path: Path,
    keys: NodeKeys,
    progress: Progress | None,
    cancel: CancelToken | None,
    *,
    ahead: NextBundle | None = None,
    following: Path | None = None,
) -> ImportReport:
    """One file; in a batch, ``ahead`` holds it verified and begins ``following`` meanwhile."""
    with db.session() as s:
        local = s.scalars(select(m.LocalNode)).one()
        node_id = local.node_id
        trusted = peers.trusted_keys(s)
    scratch = scratch_root(db.path.parent)
    verified = ahead.take(Path(path), trusted) if ahead is not None else None
    if ahead is not None and following is not None:
        ahead.start(following, node_id=node_id, keys=keys, trusted_keys=trusted, scratch=scratch)
    if verified is None:
        try:
            verified = read_bundle(
                Path(path), node_id=node_id, keys=keys, trusted_keys=trusted, scratch=scratch
            )
        except BundleRefused as exc:
            raise peers.explain_refusal(db, Path(path), exc) from exc
    with verified:
        try:
            with db.writing() as s:
                s.info[REMOTE] = True
                # references are checked once the whole bundle is in (Applier.finish), so
                # the order of the lines cannot refuse valid data; the database checks again
                # at COMMIT
                apply_sql.defer_references(s)
                return _apply(s, Path(path), verified, progress, cancel)
        except IntegrityError as exc:
            raise refuse(
                "integrity",
                "数据包中的数据与本机已有数据冲突（引用了不存在的记录或编号重复），已拒绝导入，"
                "本机数据没有改变。请让对方重新导出，或联系技术支持。",
                detail=str(exc.orig),
            ) from exc


def _apply(
    s: Session,
    path: Path,
    verified: VerifiedBundle,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> ImportReport:
    manifest = verified.manifest
    local = s.scalars(select(m.LocalNode)).one()
    sender = manifest["sender"]
    peer = s.get(SyncPeer, sender["node_id"])
    if peer is None:  # read_bundle only verifies keys of known peers
        raise refuse("unknown_sender", "数据包来自未登记的站点，已拒绝导入。")
    _check_manifest(s, manifest, local, peer)
    done = s.get(SyncBundle, manifest["bundle_id"])
    if done is not None and done.direction == "in":
        return _report(
            path, ALREADY, f"这个数据包已于 {local_time(done.at)} 导入过，本次没有写入任何数据。",
            manifest, peer, done.applied, done.skipped, done.flagged, at=done.at,
        )  # fmt: skip
    epoch = sender["epoch"]
    last = _last_seq(s, peer.node_id, epoch)
    # a node's sequence runs on across epochs: the first bundle of a new epoch (new keys,
    # or a backup restored) follows what was applied of the earlier ones
    reached = last or _last_seq(s, peer.node_id, None)
    seq_from, seq_to = manifest["seq"]["from"], manifest["seq"]["to"]
    if seq_from > reached + 1:
        raise refuse(
            "sequence_gap",
            f"缺少来自{peer.name}的数据包，序号 {reached + 1}–{seq_from - 1}。"
            "请先导入这些数据包，或让对方重新导出（会包含上次回执之后的全部数据）；"
            "若本机是从旧备份恢复的，只能用当时的数据包文件补齐。",
            missing=(reached + 1, seq_from - 1),
            node_id=peer.node_id,
        )
    applier = applier_for(local.role, peer.role)(
        s, sender=peer.node_id, sender_role=peer.role,
        epoch=epoch, bundle_id=manifest["bundle_id"], last_seq=last,
        new_epoch=reached > last, continues=_continues(s, manifest, peer.node_id, epoch),
        sender_code=peer.code,
    )  # fmt: skip
    count, last = 0, 0
    # the next chunk is read and its fields converted while this one is checked and written
    # (apply_ahead); on a server a chunk is written while the next is checked (apply_behind)
    with Ahead(verified.changes(), CHUNK) as ahead, writing_behind(s) as behind:
        applier.behind = behind
        for chunk, ready in ahead:
            count = _step(applier, chunk, count, ready, total=verified.count, progress=progress,
                          cancel=cancel)  # fmt: skip
            last = len(chunk)
        if last in (0, CHUNK):  # as before: a last, possibly empty, chunk after the full ones
            _step(applier, [], count, None, total=verified.count, progress=progress,
                  cancel=cancel)  # fmt: skip
        applier.finish()
    applier.behind = None  # every write is in
    renamed: list[tuple[str, str]] = []
    if applier.config is not None:
        apply_config_in(s, applier.config, source=f"{peer.name}交办包")
        renamed = _catch_up_numbers(s, applier.config)
    refresh_derived(s, applier)
    county_relay.relay(s, verified, manifest["bundle_id"], applier.unwritten)  # for its county
    now = m.utcnow()
    _acknowledged(s, local, peer, manifest)
    peer.last_received_at = now
    if epoch > peer.received_epoch:
        peer.received_epoch, peer.received_through = epoch, seq_to
    elif epoch == peer.received_epoch:
        peer.received_through = max(peer.received_through, seq_to)
    if applier.max_hlc is not None:
        here = Hlc(local.hlc_millis, local.hlc_counter, local.node_id)
        clock = receive(here, Hlc.decode(applier.max_hlc), int(time.time() * 1000))
        local.hlc_millis, local.hlc_counter = clock.millis, clock.counter
    counts = applier.counts
    s.add(
        SyncBundle(
            bundle_id=manifest["bundle_id"], direction="in", kind=manifest["kind"],
            peer_node_id=peer.node_id, epoch=epoch, seq_from=seq_from, seq_to=seq_to,
            payload_sha256=manifest["payload"]["sha256"], at=now, applied=counts["applied"],
            skipped=counts["skipped"], flagged=counts["flagged"],
            summary=dict(applier.summary), path=str(path),
        )
    )  # fmt: skip
    s.flush()
    status, message = APPLIED, _message(counts)
    if counts["skipped"] and not counts["applied"] and not counts["flagged"]:
        status, message = ALREADY, "数据包中的变更都已导入过，本次没有新的数据。"
    if applier.config is not None:
        message += "已更新乡镇下发的配置（责任单位、办理时限、节假日）。"
    if renamed:
        pairs = "、".join(f"{old} → {new}" for old, new in renamed[:20])
        more = f"等 {len(renamed)} 件" if len(renamed) > 20 else ""
        message += (
            f"本机从备份恢复后登记的事项中，有 {len(renamed)} 件的编号乡镇已经用过，"
            f"已改用新编号：{pairs}{more}（查询码不变；已给群众回执的，请告知新编号）。"
        )
    return _report(
        path, status, message, manifest, peer,
        counts["applied"], counts["skipped"], counts["flagged"], at=now,
    )  # fmt: skip


def _catch_up_numbers(s: Session, conf: Any) -> list[tuple[str, str]]:
    """A township's dispatch says how far it holds this station's item numbers."""
    if not isinstance(conf, dict) or "numbers" not in conf:  # an older township
        return []
    try:
        numbers = item_numbers.parse(conf["numbers"])
    except (ValueError, TypeError) as exc:
        raise refuse("config_invalid", "乡镇下发的配置格式错误，已拒绝导入。") from exc
    code = s.scalars(select(m.Station.code)).first()
    if code is None:
        return []
    return item_numbers.catch_up(s, code, numbers)


def _step(
    applier: Applier,
    chunk: list[dict[str, Any]],
    count: int,
    ready: list[dict[str, Any] | None] | None,
    *,
    total: int,
    progress: Progress | None,
    cancel: CancelToken | None,
) -> int:
    if cancel is not None:
        cancel.raise_if_cancelled(ImportCancelled("导入已取消，本次数据包没有写入任何数据。"))
    applier.apply(chunk, ready)
    count += len(chunk)
    if progress is not None:
        progress(count, total)
    return count


def _message(counts: Any) -> str:
    if not counts["applied"] and not counts["flagged"] and not counts["skipped"]:
        return "数据包中没有新的变更，已更新回执。"
    text = f"已导入 {counts['applied']} 条变更"
    if counts["skipped"]:
        text += f"，{counts['skipped']} 条此前已有"
    if counts["flagged"]:
        text += f"，{counts['flagged']} 条有冲突待核对（见“冲突”页）"
    if counts["skew"]:
        text += f"；{counts['skew']} 条的时间比本机快一天以上，已标记"
    return text + "。"


def _check_manifest(
    s: Session, manifest: dict[str, Any], local: m.LocalNode, peer: SyncPeer
) -> None:
    # changes go up (station → township → county), dispatches down
    expected = "changes" if UP.get(peer.role) == local.role else "dispatch"
    if manifest["kind"] != expected:
        names = {
            "changes": "乡镇数据包" if local.role == "county" else "工作站数据包",
            "dispatch": "县交办包" if peer.role == "county" else "乡镇交办包",
        }
        raise refuse(
            "wrong_kind",
            f"这是{names.get(manifest['kind'], manifest['kind'])}，本机只接收{names[expected]}。",
        )
    if peer.enrolled_at is None:
        raise refuse("not_enrolled", f"{peer.name}尚未确认密钥指纹，请先完成登记。")
    try:
        newer = int(manifest["schema_revision"]) > int(HEAD_REVISION)
    except ValueError:
        newer = True
    if newer:
        raise refuse(
            "schema_newer",
            "数据包由更新版本的程序导出（数据库版本 "
            f"{manifest['schema_revision']}，本机 {HEAD_REVISION}），请先升级本机程序再导入。",
        )
    key = s.scalars(
        select(SyncPeerKey).where(SyncPeerKey.key_id == manifest["sender"]["key_id"])
    ).one()
    if key.epoch != manifest["sender"]["epoch"]:
        raise refuse(
            "epoch_mismatch",
            f"数据包的密钥版本（{manifest['sender']['epoch']}）与登记的不一致，已拒绝导入。",
        )
    if key.revoked_at is not None and (
        key.valid_through is None or manifest["seq"]["to"] > key.valid_through
    ):
        raise refuse(
            "key_revoked",
            f"数据包由{peer.name}已更换的旧密钥签名，且含有更换密钥之后的数据，已拒绝导入。"
            "旧密钥只能用于更换之前导出的数据包；请让对方用现在的密钥重新导出。",
        )


#: The tier each role sends its changes up to.
UP = {"station": "township", "township": "county"}


def applier_for(local_role: str, peer_role: str) -> Any:
    """The applier of a bundle from ``peer_role`` here (the county's own, per origin)."""
    if local_role == "county":
        return CountyApplier
    if local_role == "station":
        return StationDispatchApplier  # with the county's steps its township relays
    return CountyDispatchApplier if peer_role == "county" else Applier


def _continues(s: Session, manifest: dict[str, Any], node_id: str, epoch: int) -> bool:
    """Whether the sender's epoch continues all that was received of its earlier epochs.

    New keys on the same PC carry its whole history on (its enrollment says how far its
    outbox had got); a PC restored from an old backup does not, and its changes to what
    was received since are a rival history whose overwrites go to the conflict log.
    """
    key = s.scalars(
        select(SyncPeerKey).where(SyncPeerKey.key_id == manifest["sender"]["key_id"])
    ).one()
    earlier = s.scalar(
        select(func.max(SyncBundle.seq_to)).where(
            SyncBundle.peer_node_id == node_id,
            SyncBundle.direction == "in",
            SyncBundle.epoch < epoch,
        )
    )
    return key.continues_through is not None and key.continues_through >= int(earlier or 0)


def _last_seq(s: Session, node_id: str, epoch: int | None) -> int:
    """The last sequence applied from a node in ``epoch`` (in any epoch when None)."""
    stmt = select(func.max(SyncBundle.seq_to)).where(
        SyncBundle.peer_node_id == node_id, SyncBundle.direction == "in"
    )
    if epoch is not None:
        stmt = stmt.where(SyncBundle.epoch == epoch)
    return int(s.scalar(stmt) or 0)


def _acknowledged(s: Session, local: m.LocalNode, peer: SyncPeer, manifest: dict[str, Any]) -> None:
    """Take the peer's acknowledgement and prune what every peer has acknowledged."""
    through = manifest["acks"].get(local.node_id)
    if through is None:
        return
    sent = s.scalar(
        select(func.max(SyncBundle.seq_to)).where(
            SyncBundle.peer_node_id == peer.node_id, SyncBundle.direction == "out"
        )
    )
    through = min(int(through), int(sent or 0))
    if through <= peer.acked_through:
        return
    peer.acked_through = through
    s.flush()
    floor = s.scalar(
        select(func.min(SyncPeer.acked_through)).where(SyncPeer.enrolled_at.is_not(None))
    )
    if floor:
        s.execute(delete(m.SyncChange).where(m.SyncChange.seq <= floor))


def _report(
    path: Path,
    status: str,
    message: str,
    manifest: dict[str, Any],
    peer: SyncPeer,
    *counts: int,
    at: dt.datetime | None,
) -> ImportReport:
    applied, skipped, flagged = counts
    return ImportReport(
        path=path,
        status=status,
        message=message,
        kind=manifest["kind"],
        sender_code=peer.code,
        sender_name=peer.name,
        seq_from=manifest["seq"]["from"],
        seq_to=manifest["seq"]["to"],
        applied=applied,
        skipped=skipped,
        flagged=flagged,
        imported_at=at,
    )


def import_many(
    db: Database,
    paths: Sequence[Path],
    keys: NodeKeys,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    on_refused: Callable[[BundleRefused], None] | None = None,
) -> list[ImportReport]:
    """Import files one by one (each its own transaction); a refusal is reported, not raised.

    Files are taken oldest bundle first (by sequence in the file name, then by name), so a
    USB folder holding several bundles of one station imports without a false gap.

    Raises:
        ImportCancelled: stopped; the files before were imported, the one under way not.
    """
    reports: list[ImportReport] = []
    ordered = sorted((Path(p) for p in paths), key=import_order)
    ahead = NextBundle()  # the next file is verified while this one is applied
    try:
        for index, path in enumerate(ordered):

            def one(done: int, total: int, text: str = "", /, index: int = index) -> None:
                if progress is not None:
                    share = index * 1000 + (done * 1000 // max(total, 1))
                    progress(share, len(ordered) * 1000, text)

            following = ordered[index + 1] if index + 1 < len(ordered) else None
            try:
                with _collector_paused():
                    report = _import(db, path, keys, one, cancel, ahead=ahead, following=following)
                reports.append(report)
            except ImportCancelled as exc:
                exc.data["reports"] = reports  # what the batch did before the stop
                raise
            except DomainError as exc:  # refused, or unreadable: reported, the batch goes on
                if isinstance(exc, BundleRefused) and on_refused is not None:
                    on_refused(exc)
                reports.append(
                    ImportReport(
                        path=path, status=REFUSED, message=exc.message, code=exc.code or ""
                    )
                )
            if progress is not None:
                progress((index + 1) * 1000, len(ordered) * 1000)
    finally:
        ahead.close()
    return reports


def import_order(path: Path) -> tuple[str, int, str]:
    """Sort key: oldest bundle first, by sender code and first sequence in the name."""
    # the exporter names files {code}-{from}-{to}-{time}.qzb
    parts = path.stem.split("-")
    start = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    return (parts[0], start, path.name)
