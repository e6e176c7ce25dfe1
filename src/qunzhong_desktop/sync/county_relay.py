"""What a township keeps for its county and sends up (issue 19, docs/county-sync.md).

The township's outbox (``sync_change``) is the relay log: once the township has a county,
every change it applies from a station — or from the county, for the stations below — is
written into its outbox in the import transaction, under the node that made it
(``node_id``, the change id, its clock stamp and user unchanged). So one sequence, the
township's, orders everything the county has not acknowledged: the county's gap, replay
and cloned-PC checks are the township import's own, and the outbox is pruned only when
every peer has acknowledged it (the stations and the county).

When the township joins its county, what it holds already is written into its outbox the
same way (:func:`backfill`): every row of its stations, under the station that owns it,
and the township's own events and records, as inserts of their current values.

A county bundle (:func:`county_lines`) starts with the township's signed list of the
stations it enrolled (sequence 0), then the outbox after the county's acknowledgement:
the township's own changes and its stations'. A station's dispatch never carries its own
or other stations' rows back (:func:`local_origins`).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Text, and_, cast, insert, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.hlc import Hlc, tick
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.storage import changes as capture
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncPeerKey, SyncReceived, SyncRowVersion
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.apply_county import STATIONS_TABLE
from qunzhong_desktop.sync.apply_rows import summary_key
from qunzhong_desktop.sync.bundle_format import canonical_json
from qunzhong_desktop.sync.bundle_read import VerifiedBundle

_BATCH = 2000
_COLUMNS = ("seq", "change_id", "node_id", "table_name", "row_id", "op", "hlc", "user")


def county_of(s: Session) -> SyncPeer | None:
    """The township's county, once its kit was accepted."""
    return s.scalars(
        select(SyncPeer).where(SyncPeer.role == "county", SyncPeer.enrolled_at.is_not(None))
    ).first()


def relay(
    s: Session,
    verified: VerifiedBundle,
    bundle_id: str,
    unwritten: Mapping[str, Iterable[str]] | None = None,
) -> int:
    """Write the lines just applied from a bundle into this township's outbox, in order.

    Only at a township with a county; the lines are those this import recorded as
    received (applied, or logged as a conflict), never a line had before. ``unwritten``
    (change id → fields, :attr:`Applier.unwritten`): fields this import did not write — a
    rival history's older value kept back as a conflict — which are left out of the line
    (a line left with none is not relayed), so the county holds what the township holds:
    at the county every relayed line is one history under the township's epoch and would
    be taken as the later value.
    """
    local = s.scalars(select(m.LocalNode)).one()
    if local.role != "township" or county_of(s) is None:
        return 0
    ids = set(s.scalars(select(SyncReceived.change_id).where(SyncReceived.bundle_id == bundle_id)))
    kept_back = unwritten or {}
    rows: list[dict[str, Any]] = []
    count = 0
    for change in verified.changes():
        if change["seq"] == 0 or change["change_id"] not in ids:
            continue
        line = {key: change[key] for key in _COLUMNS if key != "seq"}
        line |= {"fields": change["fields"], "created_at": m.utcnow()}
        if change["change_id"] in kept_back:
            lost = set(kept_back[change["change_id"]])
            line["fields"] = {k: v for k, v in change["fields"].items() if k not in lost}
            if not line["fields"]:
                continue
            line["op"] = "update"  # (an insert of a row held already: the rest of it)
        rows.append(line)
        if len(rows) >= _BATCH:
            count += _write(s, rows)
    return count + _write(s, rows)


def _write(s: Session, rows: list[dict[str, Any]]) -> int:
    if rows:
        s.execute(insert(m.SyncChange), rows)
    count = len(rows)
    rows.clear()
    return count


def backfill(s: Session) -> int:
    """Put what this township holds into its outbox for its new county (see the module)."""
    local = s.scalars(select(m.LocalNode)).one()
    stations = set(
        s.scalars(
            select(SyncPeer.node_id).where(
                SyncPeer.role == "station", SyncPeer.enrolled_at.is_not(None)
            )
        )
    )
    rows: list[dict[str, Any]] = []
    count = 0
    for cls in schema.STATION_TABLES:
        table = str(cls.__table__.name)  # type: ignore[attr-defined]
        stmt = (
            select(cls, SyncRowVersion.owner, SyncRowVersion.hlc, SyncRowVersion.versions)
            .join(
                SyncRowVersion,
                and_(SyncRowVersion.table_name == table, SyncRowVersion.row_id == cls.id),  # type: ignore[attr-defined]
            )
            .where(SyncRowVersion.owner.in_(stations))
            .execution_options(yield_per=_BATCH)
        )
        for obj, owner, hlc, versions in s.execute(stmt):
            stamps = [hlc, *(v[0] for v in (versions or {}).values())]
            rows.append(_line(obj, table, owner, max(stamps)))
            if len(rows) >= _BATCH:
                count += _write(s, rows)
    clock = tick(Hlc(local.hlc_millis, local.hlc_counter, local.node_id), capture_millis())
    local.hlc_millis, local.hlc_counter = clock.millis, clock.counter
    stamp = clock.encode()
    for cls in schema.TOWNSHIP_OWN:
        table = str(cls.__table__.name)  # type: ignore[attr-defined]
        for obj in s.scalars(select(cls).execution_options(yield_per=_BATCH)):
            rows.append(_line(obj, table, local.node_id, stamp))
    events = select(m.ItemEvent).where(m.ItemEvent.actor_role == "township")
    for obj in s.scalars(events.execution_options(yield_per=_BATCH)):
        rows.append(_line(obj, "item_event", local.node_id, stamp))
    return count + _write(s, rows)


def capture_millis() -> int:
    """Now, in milliseconds (the clock of the lines the backfill writes)."""
    return int(time.time() * 1000)


def _line(obj: Any, table: str, node_id: str, hlc: str) -> dict[str, Any]:
    return {
        "change_id": new_id(), "node_id": node_id, "table_name": table, "row_id": obj.id,
        "op": "insert", "fields": capture._all_fields(obj), "hlc": hlc, "user": "",
        "created_at": m.utcnow(),
    }  # fmt: skip


def local_origins(s: Session, local: m.LocalNode) -> list[str]:
    """The origins a township's dispatch to a station may carry: its own and its county's."""
    county = county_of(s)
    return [local.node_id] + ([county.node_id] if county is not None else [])


def station_list(s: Session, local: m.LocalNode, summary: Counter[str]) -> dict[str, Any]:
    """The township's list of the stations it enrolled, signed inside the county bundle."""
    entries = []
    for peer in s.scalars(
        select(SyncPeer)
        .where(SyncPeer.role == "station", SyncPeer.enrolled_at.is_not(None))
        .order_by(SyncPeer.code)
    ):
        keys = s.scalars(select(SyncPeerKey).where(SyncPeerKey.node_id == peer.node_id))
        entries.append({
            "node_id": peer.node_id, "code": peer.code, "name": peer.name, "epoch": peer.epoch,
            "fingerprints": [[k.epoch, k.fingerprint] for k in keys],
        })  # fmt: skip
    summary["stations"] += 1
    return {
        "seq": 0, "change_id": new_id(), "node_id": local.node_id,
        "table_name": STATIONS_TABLE, "row_id": "", "op": "update",
        "fields": {"stations": entries}, "hlc": Hlc(local.hlc_millis, local.hlc_counter,
                                                        local.node_id).encode(),
        "user": "",
    }  # fmt: skip


def county_lines(
    s: Session, local: m.LocalNode, peer: SyncPeer, summary: Counter[str]
) -> Iterator[dict[str, Any] | bytes]:
    """The lines of a county bundle: the station list, then the outbox after the ack."""
    yield station_list(s, local, summary)
    own = sorted(schema.table_names("township-up"))
    stations = sorted(schema.table_names("station"))
    columns = [getattr(m.SyncChange, f) for f in _COLUMNS]
    origin = m.SyncChange.node_id
    stmt = (
        select(*columns, cast(m.SyncChange.fields, Text))
        .where(
            m.SyncChange.seq > peer.acked_through,
            # the township's events and own records (an item's state and deadline it
            # wrote are derived at the county too), and what its stations wrote
            or_(
                and_(origin == local.node_id, m.SyncChange.table_name.in_(own)),
                and_(
                    origin.not_in([local.node_id, peer.node_id]),  # not the county's own
                    m.SyncChange.table_name.in_(stations),
                ),
            ),
        )
        .order_by(m.SyncChange.seq)
        .execution_options(yield_per=_BATCH)
    )
    for *row, fields in s.execute(stmt):
        change = dict(zip(_COLUMNS, row, strict=True))
        summary[summary_key(change["table_name"])] += 1
        head = canonical_json(change)
        at = head.index(b',"hlc":')
        yield head[:at] + b',"fields":' + fields.encode("utf-8") + head[at:]


def items_under(s: Session, township: SyncPeer) -> set[str]:
    """At the county: the items of the stations under ``township`` (by the station codes)."""
    stations = select(SyncPeer.node_id).where(
        SyncPeer.role == "station", SyncPeer.code.startswith(township.code)
    )
    return set(
        s.scalars(
            select(SyncRowVersion.row_id).where(
                SyncRowVersion.table_name == "intake_item", SyncRowVersion.owner.in_(stations)
            )
        )
    )
