"""The sync conformance harness's actions on matters escalated to the county (issue 19).

They run on the World's three tiers (tests/helpers/conformance.py): the station, its
township and the county above it, so what the county writes must come back down and agree.

- ``county.escalate``: the township escalates an item it holds (上报县, with a reason); the
  next round carries the township's event down to the station and up to the county;
- ``county.departments`` / ``county.assign`` / ``county.meeting`` / ``county.result`` /
  ``county.back``: the county's own write paths (县直部门, 县交办, 协调会, 办结, 退回乡镇) on
  the World's county node, named as the CLI names them (the county's name), on the items
  the township escalated. The moves travel down in the county's dispatch to the township
  (at the end of the round) and on in the township's next dispatch to the station; the
  departments and meetings stay at the county (sync/schema.COUNTY_OWN: never sent down);
- ``county.follow_up``: the station follows up and closes (回访, 销号) what the county
  resolved, as today; ``county.reassign``: the township assigns (交办) what the county sent
  back; the next round carries both on, up to the county and down to the station.

``walk_all`` (tests/helpers/conformance.py) plays them through the four rounds they need
(the escalations up; the county's moves down to the township; on to the station, which
closes; the close up), then :func:`three_tiers_agree` checks that the station, the township
and the county hold the same events and states for every item that reached the county.
Without a county node (``World(county=False)``) the county's actions do nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qunzhong_desktop.cli.items import actor_of
from qunzhong_desktop.core.intake.county import Meeting
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.intake.states import AT_TOWNSHIP, Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync import schema
from tests.helpers.county_data import DEPARTMENTS

if TYPE_CHECKING:
    from tests.helpers.conformance import World
    from tests.helpers.network import Node


def _rng(world: World, name: str) -> random.Random:
    return random.Random(world.figures.actions[name] * 31 + len(name))


def escalate(world: World) -> None:
    """上报县: the township escalates an item it holds that the station left alone."""
    items = world.township.store.items
    rows = items.rows(items.search_ids(ItemFilter(states=AT_TOWNSHIP)))
    rows = [r for r in rows if not {r.number, "*"} & world._moved[Role.STATION]]
    if not rows:
        return
    with world._act("county.escalate"):
        number = _rng(world, "county.escalate").choice(rows).number
        world._moved[Role.TOWNSHIP].add(number)
        items.escalate_to_county(number, "涉及县直部门职责，乡镇无法协调", actor="乡镇干部",
                                 now=world.now())  # fmt: skip


def _departments(world: World) -> None:
    if world.county is None:
        return
    county = world.county.store.county
    with world._act("county.departments"):
        in_service = {d.name for d in county.departments()}
        for name in DEPARTMENTS:
            if name not in in_service:
                county.add_department(name)
        name = f"县直部门{world.figures.actions['county.departments']}"
        county.add_department(name, "协调用")
        county.retire_department(name)
        county.add_department(name)


def _move(world: World, what: str) -> None:
    """One of the county's moves on what waits there (the first waiting is assigned, the
    last sent back, so two escalated items give both)."""
    if world.county is None:
        return
    store = world.county.store
    with world._act(f"county.{what}"):
        rng, now, actor = _rng(world, f"county.{what}"), world.now(), actor_of(store)
        waiting = [r.number for r in store.county.waiting()]
        assigned = [r.number for r in store.county.assigned()]
        if what == "assign" and waiting:
            store.county.assign(waiting[0], rng.choice(DEPARTMENTS), rng.randint(1, 20),
                                actor=actor, now=now)  # fmt: skip
        elif what == "back" and waiting:
            store.county.send_back(waiting[-1], "属乡镇职责，请乡镇交办", actor=actor, now=now)
        elif what == "result" and assigned:
            store.county.record_result(rng.choice(assigned), "已协调解决", actor=actor, now=now)
        elif what == "meeting" and (waiting or assigned):
            store.county.add_meeting(
                Meeting(held_on=now.date(), items=tuple((assigned + waiting)[:2]),
                        lead=DEPARTMENTS[0], cooperating=DEPARTMENTS[1:3],
                        attendees="县群众工作部、各部门负责人", decisions="牵头单位十日内拿出方案"),
                today=now.date(),
            )  # fmt: skip


def follow_up(world: World) -> None:
    """回访 and 销号 at the station of every item the county resolved (its result arrived)."""
    items = world.station.store.items
    for row in items.rows(items.search_ids(ItemFilter(states=(State.RESOLVED,)))):
        detail = items.item(row.number)
        if detail.events[-1].from_state is not State.COUNTY_ASSIGNED:
            continue  # resolved at the station or the township, not by the county
        with world._act("county.follow_up"):
            world._moved[Role.STATION].add(row.number)
            if world.station.store.agency.of(row.number).agency.mode:  # 代办: collected first
                world._collect(row.number)
                detail = items.item(row.number)
                if detail.state is not State.COLLECTED:
                    continue  # the resident has not come for it yet
            when = max(world.now(), detail.events[-1].at)
            items.move(row.number, State.FOLLOWED_UP, actor="站务员", now=when,
                       data={"way": "电话", "satisfaction": "满意"})  # fmt: skip
            items.move(row.number, State.CLOSED, actor="站务员", now=max(world.now(), when))


def reassign(world: World) -> None:
    """交办 at the township of what the county sent back (退回乡镇 → 待交办), as today."""
    items = world.township.store.items
    for row in items.rows(items.search_ids(ItemFilter(states=(State.AWAITING_ASSIGNMENT,)))):
        detail = items.item(row.number)
        if detail.events[-1].from_state is not State.ESCALATED_COUNTY:
            continue  # not sent back by the county
        if {row.number, "*"} & world._moved[Role.STATION]:
            continue
        with world._act("county.reassign"):
            world._moved[Role.TOWNSHIP].add(row.number)
            deadline = (world.now().date() + dt.timedelta(days=10)).isoformat()
            items.move(row.number, State.ASSIGNED, actor="乡镇干部", role=Role.TOWNSHIP,
                       data={"unit": items.units()[0], "deadline": deadline},
                       now=max(world.now(), detail.events[-1].at))  # fmt: skip


def steps(world: World) -> list[Callable[[], None]]:
    """上报县 at the township, then the county's actions, in walk order (回访 is the walk's)."""
    return [
        lambda: escalate(world),
        lambda: _departments(world),
        lambda: _move(world, "assign"),
        lambda: _move(world, "meeting"),
        lambda: _move(world, "result"),
        lambda: _move(world, "back"),
    ]


def _events(node: Node, ids: set[str], names: list[str]) -> dict[str, tuple[Any, ...]]:
    event = m.ItemEvent
    with node.store.db.session() as s:
        rows = s.execute(select(event.id, *(getattr(event, n) for n in names)))
        return {r[0]: tuple(r[1:]) for r in rows if r[names.index("item_id") + 1] in ids}


def three_tiers_agree(world: World) -> None:
    """Station, township and county hold the same events and states of every item that
    reached the county; the county's departments and meetings stayed at the county."""
    if world.county is None:
        return
    county, township, station = world.county, world.township, world.station
    with county.store.db.session() as s:
        ids = set(
            s.scalars(
                select(m.ItemEvent.item_id).where(
                    m.ItemEvent.to_state == State.ESCALATED_COUNTY.value
                )
            )
        )
        item = m.IntakeItem  # state and due date: derived from the same events on every PC
        of_items = select(item.id, item.state, item.due_on).where(item.id.in_(ids))
        states = {r[0]: tuple(r[1:]) for r in s.execute(of_items)}
        for cls in schema.COUNTY_OWN:  # written at the county (and kept there)
            assert s.scalars(select(cls)).first() is not None, cls.__tablename__
    assert ids, "no item reached the county"
    names = [n for n in schema.columns("item_event") if n != "id"]
    at_county = _events(county, ids, names)
    assert any(v[names.index("actor_role")] == Role.COUNTY for v in at_county.values())
    for node in (township, station):
        assert _events(node, ids, names) == at_county, node.name
        with node.store.db.session() as s:
            assert {r[0]: tuple(r[1:]) for r in s.execute(of_items)} == states, node.name
            for cls in schema.COUNTY_OWN:  # the county's own rows never travel down
                assert not s.scalars(select(cls)).first(), (node.name, cls.__tablename__)
    world.figures.rows_compared += 3 * len(at_county)
