"""Matters escalated to the county on one store (tests of the county's repository and CLI).

For tests of one tier's rules, one store plays the three tiers in turn: the station
registers and escalates (上报乡镇), the township (its node role set to ``township``) takes the
item and escalates it (上报县), then the store becomes the county. The moves are the
program's own write paths; only the node's role is set by hand. The way between real tiers
is tested in tests/sync/test_county_exchange.py and the conformance World (three nodes).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

DEPARTMENTS = ("县人社局", "县自然资源局", "县住建局", "县信访局")


#: The profile each role's store is set up with (what ``is_set_up`` looks for).
PROFILES = {"township": ("township.code", "430121101"), "county": ("county.code", "430121")}


def set_role(store: Store, role: str) -> None:
    """Make the store's node a station, township or county (its local_node row, its code)."""
    with store.db.writing() as s:
        s.scalars(select(m.LocalNode)).one().role = role
        if role in PROFILES and s.get(m.Setting, PROFILES[role][0]) is None:
            s.add(m.Setting(key=PROFILES[role][0], value=PROFILES[role][1]))


def station_item(store: Store, content: str, *, now: dt.datetime, escalate: bool = True) -> str:
    """An item the station took in (上报件: escalated to the township at once when asked)."""
    new = NewItem(channel="来访", domain="土地山林宅基地", grade="A",
                  item_type="上报件" if escalate else "承诺件", content=content,
                  requester_name="张德明", requester_phone="13800000000")  # fmt: skip
    return store.items.register_item(new, actor="站务员", now=now).number


def at_township(store: Store, number: str, *, now: dt.datetime) -> None:
    """The township receives the item (待交办)."""
    store.items.move(number, State.AWAITING_ASSIGNMENT, actor="乡镇干部", role=Role.TOWNSHIP,
                     note="已接收", now=now)  # fmt: skip


def escalated(store: Store, contents: list[str], *, now: dt.datetime) -> list[str]:
    """Items escalated to the county (已上报县) by a store that ends as the county's."""
    numbers = [station_item(store, c, now=now) for c in contents]
    set_role(store, "township")
    for number in numbers:
        at_township(store, number, now=now)
        store.items.escalate_to_county(number, "涉及跨乡镇土地权属，乡镇无法协调", actor="乡镇干部",
                                       now=now + dt.timedelta(hours=1))  # fmt: skip
    set_role(store, "county")
    for name in DEPARTMENTS:
        store.county.add_department(name)
    return numbers
