"""Applying a township's county bundle at the county, and a county's dispatch at a township.

A county bundle carries the township's own changes and its stations' changes, each line
under the node that made it (``node_id``: its origin). :class:`CountyApplier` applies each
line with the rules of its origin's role, as the township's own import would: a station's
change only for the tables a station writes and rows that station owns (its item numbers,
its references), the township's only for its events (on its stations' items) and its own
records. A line whose origin is neither the township nor a station on the township's
signed list (the ``stations`` line at sequence 0) is refused. Sequences, replays, gaps
and cloned PCs are the township's, checked by the importer unchanged.

:class:`CountyDispatchApplier` takes the county's events at a township: moves of the
county only (its assignment to a 县直部门, its result, 退回乡镇), on items of the
township's stations.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import regions
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.states import MOVES, Role, State
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.sync import apply_sql, schema
from qunzhong_desktop.sync.apply import Applier
from qunzhong_desktop.sync.bundle_container import refuse

#: The pseudo-table of the township's signed list of its stations (sequence 0).
STATIONS_TABLE = "stations"


class CountyApplier(Applier):
    """Applies a county bundle line by line under the rules of each line's origin."""

    def __init__(self, s: Session, **kwargs: Any) -> None:
        """As :class:`Applier`; ``sender`` is the township, ``sender_code`` its code."""
        super().__init__(s, **kwargs)
        self.township = self.sender
        self.township_code = self.sender_code
        self.listed: dict[str, str] | None = None  # station node id → code, once read
        self._origin_refs: dict[str, dict[str, dict[str, int]]] = {}
        # the versions of every origin's rows are looked up per chunk
        self._all_tables = schema.table_names("station") | schema.table_names("township-up")
        self._as(self.township)

    # who a line is from ------------------------------------------------------------------
    def _as(self, origin: str) -> None:
        """Take the role, tables, code and pending references of ``origin``."""
        self._origin_refs[self.sender] = self._refs
        if origin == self.township:
            self.sender, self.role, self.sender_code = origin, "township", self.township_code
            self.allowed = schema.table_names("township-up")
        else:
            code = (self.listed or {}).get(origin)
            if code is None:
                raise refuse(
                    "unknown_origin",
                    f"数据包第 {self._number} 条变更来自一个乡镇未登记的工作站，"
                    "县里不能接收，已拒绝导入，本机数据没有改变。",
                    line=self._number,
                )
            self.sender, self.role, self.sender_code = origin, "station", code
            self.allowed = schema.table_names("station")
        self._refs = self._origin_refs.setdefault(origin, {})

    def apply(self, changes: Any, ready: Any = None) -> None:
        """Apply a chunk; the chunk's bookkeeping (seen sequences) is the township's."""
        self._as(self.township)
        super().apply(changes, ready)
        self._as(self.township)

    def _load_versions(self, chunk: list[dict[str, Any]]) -> None:
        allowed, self.allowed = self.allowed, self._all_tables
        try:
            super()._load_versions(chunk)
        finally:
            self.allowed = allowed

    def _load_seen(self, chunk: list[dict[str, Any]]) -> None:
        sender, self.sender = self.sender, self.township
        try:
            super()._load_seen(chunk)
        finally:
            self.sender = sender

    def _one(self, change: dict[str, Any]) -> None:
        if change["seq"] == 0:
            self._seq_zero(change)
            return
        if self.listed is None:
            raise refuse(
                "stations_missing",
                "乡镇数据包中没有乡镇签名的工作站名单，县里无法核对来源，已拒绝导入。",
            )
        self._as(change["node_id"])
        super()._one(change)

    def _seq_zero(self, change: dict[str, Any]) -> None:
        if change["table_name"] != STATIONS_TABLE or change["node_id"] != self.township:
            raise refuse(
                "change_malformed",
                f"数据包第 {self._number} 条不是乡镇的工作站名单，县里不接收乡镇配置，已拒绝导入。",
                line=self._number,
            )
        self.listed = read_station_list(self.s, change["fields"], self.township_code)

    def _received_line(self, change: dict[str, Any]) -> None:
        # sequences are the township's: a replay or a cloned township PC is told by them
        self._received.append(
            (self.township, self.epoch, change["seq"], change["change_id"], self.bundle_id)
        )

    # item events ---------------------------------------------------------------------------
    def _step(self, change: dict[str, Any], values: dict[str, Any], owner: str | None) -> None:
        self._as(change["node_id"])
        if self.role == "township":
            # the township's steps are on its stations' items (at the township: its own)
            if owner not in (self.listed or {}):
                raise self._not_owned("item_event", "该事项不属于该乡镇的工作站")
            owner = ""
        super()._step(change, values, owner)

    def finish(self) -> None:
        """Apply waiting steps under their origins, then check each origin's references."""
        self._write_held()
        waiting, self._waiting = self._waiting, {}
        for item_id, steps in waiting.items():
            for number, change, values in steps:
                self._number = number
                self._as(change["node_id"])
                owner = self._item_owner(item_id)
                if owner is None:
                    raise self._dangling("item_event", "intake_item")
                self._step(change, values, owner)
        self._as(self.township)
        self._flush_inserts()
        apply_sql.write(self.s, self._version_writes())
        # the references of every origin in one query a column, each under its origin's rules
        roles = {origin: "township" if origin == self.township else "station"
                 for origin in self._origin_refs}  # fmt: skip
        self._check_references(
            {origin: (roles[origin], refs) for origin, refs in self._origin_refs.items()}
        )
        for origin, refs in list(self._origin_refs.items()):
            if refs.get("person"):
                self._as(origin)
                self._duplicate_people(refs["person"])
        for refs in self._origin_refs.values():
            refs.clear()
        self._as(self.township)


def read_station_list(s: Session, fields: Any, township_code: str) -> dict[str, str]:
    """Check the township's signed list of its stations; record them as its stations here.

    Returns:
        station node id → station code.

    Raises:
        BundleRefused: ``stations_invalid``: malformed, a station outside the township's
            code, or a station node this county knows under another township.
    """
    stations = fields.get("stations") if isinstance(fields, dict) else None
    if not isinstance(stations, list) or len(stations) > 10_000:
        raise _bad_list()
    listed: dict[str, str] = {}
    for entry in stations:
        if not isinstance(entry, dict):
            raise _bad_list()
        node_id, code, name = entry.get("node_id"), entry.get("code"), entry.get("name")
        epoch = entry.get("epoch")
        if not (isinstance(node_id, str) and isinstance(name, str) and isinstance(code, str)):
            raise _bad_list()
        if not isinstance(epoch, int) or isinstance(epoch, bool) or not 1 <= epoch < 2**31:
            raise _bad_list()
        if len(node_id) > 36 or len(name) > 100 or node_id in listed:
            raise _bad_list()
        try:
            code = regions.normalise_station_code(code)
        except ValidationError as exc:
            raise _bad_list() from exc
        if code[:9] != township_code:
            raise refuse(
                "stations_invalid",
                f"乡镇的工作站名单中有不属于该乡镇的工作站（{code}），已拒绝导入。",
            )
        peer = s.get(SyncPeer, node_id)
        if peer is not None and (peer.role != "station" or peer.code[:9] != township_code):
            raise refuse(
                "stations_invalid",
                f"乡镇的工作站名单中的工作站（{code}）在本县登记在其他乡镇名下，已拒绝导入。",
            )
        if peer is None:
            s.add(SyncPeer(node_id=node_id, role="station", code=code, name=name, epoch=epoch))
        else:
            peer.code, peer.name, peer.epoch = code, name, max(peer.epoch, epoch)
        listed[node_id] = code
    s.flush()
    return listed


def _bad_list() -> Exception:
    return refuse("stations_invalid", "乡镇数据包中的工作站名单格式错误，已拒绝导入。")


class CountyDispatchApplier(Applier):
    """Applies a county's dispatch at a township: the county's moves on its stations' items."""

    def _step(self, change: dict[str, Any], values: dict[str, Any], owner: str | None) -> None:
        if owner in (None, "") or not self._station(owner):
            raise self._not_owned("item_event", "该事项不属于本乡镇的工作站")
        _county_move(self, values)
        super()._step(change, values, owner)

    def _station(self, node_id: str) -> bool:
        role = self.s.scalar(select(SyncPeer.role).where(SyncPeer.node_id == node_id))
        return role == "station"


class StationDispatchApplier(Applier):
    """A township's dispatch at a station, with the county's steps it relays.

    The county's item events come down inside the township's dispatch, under the county's
    node (their origin): taken only as item events of role ``county``, on this station's
    own items, and only moves the county may make. Sequences are the township's.
    """

    def __init__(self, s: Session, **kwargs: Any) -> None:
        """As :class:`Applier`; ``sender`` is the station's township."""
        super().__init__(s, **kwargs)
        self._township = self.sender

    def _one(self, change: dict[str, Any]) -> None:
        fields = change.get("fields")
        relayed = (
            change["node_id"] != self.sender
            and change["table_name"] == "item_event"
            and isinstance(fields, dict)
            and fields.get("actor_role") == Role.COUNTY.value
        )
        if not relayed:
            super()._one(change)
            return
        township, role, allowed = self.sender, self.role, self.allowed
        self.sender, self.role = change["node_id"], Role.COUNTY.value
        self.allowed = schema.table_names("county")
        try:
            super()._one(change)
        finally:
            self.sender, self.role, self.allowed = township, role, allowed

    def _step(self, change: dict[str, Any], values: dict[str, Any], owner: str | None) -> None:
        if self.role == Role.COUNTY.value:
            if owner != "":
                raise self._not_owned("item_event", "该事项不属于本站")
            _county_move(self, values)
        super()._step(change, values, owner)

    def _received_line(self, change: dict[str, Any]) -> None:
        self._received.append(
            (self._township, self.epoch, change["seq"], change["change_id"], self.bundle_id)
        )


def _county_move(applier: Applier, values: dict[str, Any]) -> None:
    """Refuse an event that is not a move the county may make."""
    try:
        move = (State(values["from_state"]), State(values["to_state"]))
    except ValueError:
        move = None
    if move is None or Role.COUNTY not in MOVES.get(move, frozenset()):
        raise applier._not_owned("item_event", "县里无权做这一步办理")
