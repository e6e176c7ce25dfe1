"""The sync conformance harness's actions on matters escalated to the county (issue 19).

:func:`steps` gives the actions in walk order (tests/helpers/conformance.py):

- ``county.escalate``: the township escalates an item it holds (上报县, with a reason); the
  walk's next sync carries the township's event down, and both sides must agree on it;
- the county's own actions follow with its tables (县直部门, 协调会).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.intake.states import AT_TOWNSHIP, Role

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


def steps(world: World) -> list[Callable[[], None]]:
    """The actions, in walk order: 上报县 at the township."""
    return [lambda: _escalate(world)]
