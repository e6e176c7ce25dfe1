"""The sync conformance harness's actions on matters escalated to the county (issue 19).

:func:`steps` gives the actions in walk order (tests/helpers/conformance.py):

- ``county.escalate``: the township escalates an item it holds (上报县, with a reason); the
  walk's next sync carries the township's event down, and both sides must agree on it;
- ``county.departments`` / ``county.assign`` / ``county.back`` / ``county.result`` /
  ``county.meeting``: the county's own write paths (县直部门, 县交办, 退回乡镇, 办结, 协调会).

The World has no county node yet (the county's import of township bundles is the transport
part of issue 19): until it has, the county's actions run on a county store of this
module's own — a copy of the station's database that plays the three tiers in turn
(tests/helpers/county_data.py) — so every county write path is driven; comparing the county
with the township is for the World's county node.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from qunzhong_desktop.core.intake.county import Meeting
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.intake.states import AT_TOWNSHIP, Role
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.store import Store
from tests.helpers.county_data import DEPARTMENTS, escalated

if TYPE_CHECKING:
    from tests.helpers.conformance import World


def _rng(world: World, name: str) -> random.Random:
    return random.Random(world.figures.actions[name] * 31 + len(name))


def _escalate(world: World) -> None:
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


@contextmanager
def _county(world: World) -> Iterator[Store]:
    """The county store of this module (made on first use from the station's database)."""
    home = world.work / "county-own"
    fresh = not database_path(home).exists()
    if fresh:
        home.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(database_path(world.station.home)) as source:
            target = sqlite3.connect(database_path(home))
            source.backup(target)
            target.close()
    store = Store(home=home, db=Database(database_path(home), user="测试员"))
    try:
        if fresh:
            escalated(store, ["跨乡镇土地权属纠纷", "库区移民安置", "企业欠薪"],
                      now=world.now() - dt.timedelta(days=3))  # fmt: skip
        yield store
    finally:
        store.close()


def _departments(world: World) -> None:
    with _county(world) as store, world._act("county.departments"):
        name = f"县直部门{world.figures.actions['county.departments']}"
        store.county.add_department(name, "协调用")
        store.county.retire_department(name)
        store.county.add_department(name)


def _move(world: World, what: str) -> None:
    with _county(world) as store, world._act(f"county.{what}"):
        rng, now = _rng(world, f"county.{what}"), world.now()
        waiting = [r.number for r in store.county.waiting()]
        assigned = [r.number for r in store.county.assigned()]
        if what == "assign" and waiting:
            store.county.assign(rng.choice(waiting), rng.choice(DEPARTMENTS), rng.randint(1, 20),
                                actor="县干部", now=now)  # fmt: skip
        elif what == "back" and waiting:
            store.county.send_back(waiting[-1], "属乡镇职责，请乡镇交办", actor="县干部", now=now)
        elif what == "result" and assigned:
            store.county.record_result(rng.choice(assigned), "已协调解决", actor="县干部", now=now)
        elif what == "meeting" and (waiting or assigned):
            store.county.add_meeting(
                Meeting(held_on=now.date(), items=tuple((waiting + assigned)[:2]),
                        lead=DEPARTMENTS[0], cooperating=DEPARTMENTS[1:3],
                        attendees="县群众工作部、各部门负责人", decisions="牵头单位十日内拿出方案"),
                today=now.date(),
            )  # fmt: skip


def steps(world: World) -> list[Callable[[], None]]:
    """The actions, in walk order: 上报县 at the township, then the county's."""
    return [
        lambda: _escalate(world),
        lambda: _departments(world),
        lambda: _move(world, "assign"),
        lambda: _move(world, "meeting"),
        lambda: _move(world, "result"),
        lambda: _move(world, "back"),
    ]
