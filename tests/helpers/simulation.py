"""A township and its stations trading USB sticks for many rounds, seeded and reproducible.

Every round each station edits (new households, phone changes, deletions, new items, moves
of its items), exports a bundle and "carries" it: the stick may be lost, delivered twice,
or held back and delivered a round later, out of order. The township imports whatever
arrives in a random order, makes its own moves on escalated items (assign, resolve,
reject) — sometimes on the same item a station is withdrawing in the same round — and
dispatches a bundle to every station, carried the same unreliable way. A final settling
phase delivers everything. :func:`check` then proves what SYNC.md promises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import (
    SyncConflict,
    SyncPeer,
    SyncReceived,
    SyncRowVersion,
)
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.bundle_format import BundleRefused
from tests.helpers.network import Node, make_station, make_township

START = dt.datetime(2026, 9, 1, 9, 0)
DERIVED = {"state", "due_on"}


@dataclass
class Stats:
    """What happened on the way."""

    imported: int = 0
    already: int = 0
    refused_gap: int = 0
    lost: int = 0
    duplicated: int = 0
    delayed: int = 0
    township_moves: int = 0
    crossing: int = 0
    sent: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def run(
    template: Path, work: Path, *, seed: int, stations: int, rounds: int
) -> tuple[Node, list[Node], Stats]:
    """Play the rounds; returns the township, the stations and what happened."""
    rng = random.Random(seed)
    township = make_township(template, work / "township")
    nodes = [make_station(template, work / f"s{i}", township, i) for i in range(1, stations + 1)]
    stats = Stats()
    held_up: list[tuple[Node, Path]] = []  # sticks delivered a round late
    held_down: list[tuple[Node, Path]] = []
    now = START
    for round_no in range(rounds):
        now += dt.timedelta(days=1)
        arriving: list[tuple[Node, Path]] = held_up
        held_up = []
        for node in nodes:
            _station_edits(rng, node, now)
            _remember_sent(node, stats)
            stick = node.export(work / "usb" / f"r{round_no}" / node.code)[0]
            _carry(rng, node, stick, arriving, held_up, stats)
        rng.shuffle(arriving)
        for _, stick in arriving:
            _import(township, stick, stats)
        crossing = _township_moves(rng, township, nodes, now, stats)
        downs: list[tuple[Node, Path]] = held_down
        held_down = []
        for node in nodes:
            if node.code in crossing:  # the station acts on the same item before the news arrives
                _withdraw(node, crossing[node.code], now, stats)
            for stick in township.export(work / "down" / f"r{round_no}", station_code=node.code):
                _carry(rng, node, stick, downs, held_down, stats)
        rng.shuffle(downs)
        for node, stick in downs:
            _import(node, stick, stats)
    for _, stick in held_up:
        _import(township, stick, stats)
    for node, stick in held_down:
        _import(node, stick, stats)
    for settle in range(2):  # everything arrives, both ways
        for node in nodes:
            _remember_sent(node, stats)
            _import(township, node.export(work / "settle" / f"{settle}" / node.code)[0], stats)
        for node in nodes:
            for stick in township.export(work / "settle" / f"d{settle}", station_code=node.code):
                _import(node, stick, stats)
    return township, nodes, stats


def _carry(
    rng: random.Random,
    node: Node,
    stick: Path,
    now: list[tuple[Node, Path]],
    later: list[tuple[Node, Path]],
    stats: Stats,
) -> None:
    roll = rng.random()
    if roll < 0.2:
        stats.lost += 1
    elif roll < 0.3:
        stats.duplicated += 1
        now.extend([(node, stick), (node, stick)])
    elif roll < 0.4:
        stats.delayed += 1
        later.append((node, stick))
    else:
        now.append((node, stick))


def _import(receiver: Node, stick: Path, stats: Stats) -> None:
    try:
        report = receiver.sync.import_bundle(stick, receiver.keys)
    except BundleRefused as exc:
        assert exc.code == "bundle.sequence_gap", exc.message  # the only refusal expected
        stats.refused_gap += 1
        return
    if report.status == "already":
        stats.already += 1
    else:
        stats.imported += 1


def _remember_sent(node: Node, stats: Stats) -> None:
    """The station's changes that must reach the township (before any pruning)."""
    tables = schema.table_names("station")
    with node.store.db.session() as s:
        for change_id, table, fields in s.execute(
            select(m.SyncChange.change_id, m.SyncChange.table_name, m.SyncChange.fields)
        ):
            if table in tables and fields.get("actor_role") != "township":
                stats.sent[node.node_id].add(change_id)


def _station_edits(rng: random.Random, node: Node, now: dt.datetime) -> None:
    register, items = node.store.register, node.store.items
    for _ in range(rng.randint(1, 3)):
        number = f"{rng.randint(1, 60):03d}"
        with contextlib.suppress(DomainError):  # number taken: the clerk picks another
            register.save_household(
                Household(
                    number=number,
                    address=f"{rng.randint(1, 9)}组",
                    members=[Person(name=rng.choice("张王李赵刘陈") + "某")],
                )
            )
    ids = register.search_households("")
    if ids and rng.random() < 0.7:
        household = register.household(rng.choice(ids))
        household.phone = f"138{rng.randint(10_000_000, 99_999_999)}"
        register.save_household(household)
    if len(ids) > 3 and rng.random() < 0.2:
        register.delete_household(rng.choice(ids))
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["承诺件", "上报件", "上报件", "即办件"])
        items.register_item(
            NewItem(channel="来访", domain="社会保障", grade="B", item_type=kind, content="诉求",
                    requester_name="村民", requester_phone="", result="当场答复" if kind == "即办件" else ""),
            actor="站务员", now=now,
        )  # fmt: skip
    known = items.search_ids(ItemFilter())
    for item_id in rng.sample(known, k=min(2, len(known))):
        _station_move(rng, node, items.rows([item_id])[0].number, now)


def _station_move(rng: random.Random, node: Node, number: str, now: dt.datetime) -> None:
    items = node.store.items
    state = items.item(number).state
    moves = {
        State.REGISTERED: (State.IN_PROGRESS, {}, ""),
        State.IN_PROGRESS: (State.RESOLVED, {"result": "已办"}, "已办"),
        State.RESOLVED: (State.FOLLOWED_UP, {"satisfaction": rng.choice(["满意", "基本满意"]), "way": "电话"}, ""),
        State.FOLLOWED_UP: (State.CLOSED, {}, ""),
    }  # fmt: skip
    if state in moves:
        target, data, note = moves[state]
        items.move(number, target, actor="站务员", data=data, note=note, now=now)


def _township_moves(
    rng: random.Random, township: Node, nodes: list[Node], now: dt.datetime, stats: Stats
) -> dict[str, str]:
    """Assign, resolve or reject escalated items; returns one item per station to cross."""
    items = township.store.items
    crossing: dict[str, str] = {}
    with township.store.db.session() as s:
        rows = s.execute(
            select(m.IntakeItem.number, m.IntakeItem.state).where(
                m.IntakeItem.state.in_(["escalated", "awaiting_assignment", "assigned"])
            )
        ).all()
    for number, state in rows:
        roll = rng.random()
        try:
            if state in ("escalated", "awaiting_assignment") and roll < 0.6:
                deadline = (now.date() + dt.timedelta(days=10)).isoformat()
                items.move(number, State.ASSIGNED, actor="乡镇", role=Role.TOWNSHIP,
                           data={"unit": "民政办", "deadline": deadline}, now=now)  # fmt: skip
                stats.township_moves += 1
                if rng.random() < 0.3:
                    crossing.setdefault(number.rsplit("-", 2)[0], number)
            elif state == "assigned" and roll < 0.6:
                items.move(number, State.RESOLVED, actor="民政办", role=Role.TOWNSHIP,
                           note="已办结", data={"result": "已解决"}, now=now)  # fmt: skip
                stats.township_moves += 1
            elif state == "escalated" and roll < 0.7:
                items.move(number, State.REJECTED, actor="乡镇", role=Role.TOWNSHIP,
                           note="不属于受理范围", now=now)  # fmt: skip
                stats.township_moves += 1
        except DomainError:
            pass
    return crossing


def _withdraw(node: Node, number: str, now: dt.datetime, stats: Stats) -> None:
    """The station withdraws an item the township has just assigned (neither knows)."""
    try:
        if node.store.items.item(number).state is State.ESCALATED:
            node.store.items.move(number, State.WITHDRAWN, actor="站务员", note="群众撤回", now=now)
            stats.crossing += 1
    except DomainError:
        pass


# the checks --------------------------------------------------------------------------------
def check(township: Node, nodes: list[Node], stats: Stats) -> dict[str, int]:
    """Prove the promises; returns a few figures."""
    figures = {"rows": 0, "conflicts": 0}
    with township.store.db.session() as ts:
        received = defaultdict(set)
        for node_id, change_id in ts.execute(select(SyncReceived.node_id, SyncReceived.change_id)):
            received[node_id].add(change_id)
        owners = dict(ts.execute(select(SyncRowVersion.row_id, SyncRowVersion.owner)).all())
        flagged_at_township = {c.row_id for c in ts.scalars(select(SyncConflict))}
        figures["conflicts"] = len(flagged_at_township)
        for node in nodes:
            # every change the station made arrived exactly once (a change id is unique in
            # sync_received, so "applied twice" cannot hide), and nothing else arrived
            assert received[node.node_id] == stats.sent[node.node_id], node.code
            with node.store.db.session() as ss:
                figures["rows"] += _same_rows(ts, ss, node, owners, flagged_at_township)
                _outbox_only_unacknowledged(ss)
    return figures


def _same_rows(ts, ss, node: Node, owners: dict[str, str], flagged_at_township: set[str]) -> int:  # type: ignore[no-untyped-def]
    rows = 0
    flagged_here = {c.row_id for c in ss.scalars(select(SyncConflict))}
    items = set(ss.scalars(select(m.IntakeItem.id)))
    for cls in schema.STATION_TABLES:
        table = cls.__table__.name  # type: ignore[attr-defined]
        cols = [c for c in schema.columns(table) if c not in DERIVED]
        mine = {r.id: tuple(getattr(r, c) for c in cols) for r in ss.scalars(select(cls))}
        theirs = {
            r.id: tuple(getattr(r, c) for c in cols)
            for r in ts.scalars(select(cls))
            if owners.get(r.id) == node.node_id or (table == "item_event" and r.item_id in items)
        }
        if table == "item_event":
            # an event only one side holds was flagged by the other (crossing moves): it
            # waits in that side's conflict log, never silently dropped
            assert not (set(mine) ^ set(theirs)) - (flagged_here | flagged_at_township)
            for key in set(mine) & set(theirs):
                assert mine[key] == theirs[key], (table, key)
        else:
            assert mine == theirs, (node.code, table)
        rows += len(mine)
    return rows


def _outbox_only_unacknowledged(ss) -> None:  # type: ignore[no-untyped-def]
    acked = ss.scalars(select(SyncPeer.acked_through)).one()
    lowest = ss.scalars(select(m.SyncChange.seq).order_by(m.SyncChange.seq)).first()
    assert lowest is None or lowest > acked
