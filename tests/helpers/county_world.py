"""A county with two townships and their data, built through the real sync path (UI tests).

Township 白沙镇 has two stations; its stations' matters go up (station → township), three are
escalated to the county (上报县) and reach it in the township's county bundle. The second
township (第2镇) is enrolled with the county and has sent one bundle (no stations). At the
county, departments exist and one matter is assigned (so both lists of the 协调 page have
rows; the assigned one is overdue by :data:`LATER`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.sync.views import ALREADY, APPLIED
from tests.helpers.county_data import DEPARTMENTS, at_township, station_item
from tests.helpers.intake_data import FRIDAY
from tests.helpers.network import (
    Node,
    join_county,
    make_county,
    make_other_township,
    make_station,
    make_township,
)

MATTERS = (
    ("跨乡镇土地权属纠纷，两村对山林界线各执一词", "涉及跨乡镇土地权属，乡镇无法协调"),
    ("企业拖欠三十余名村民工资近半年", "涉及县属企业，需县人社局牵头"),
    ("河道采砂影响村民饮水安全", "涉及多个县直部门职责"),
)
#: A day the assigned matter is overdue.
LATER = FRIDAY + dt.timedelta(days=30)
HOUR = dt.timedelta(hours=1)


@dataclass
class CountyWorld:
    """The county, its townships and the first township's two stations."""

    county: Node
    township: Node
    other: Node
    one: Node
    two: Node
    numbers: list[str]

    def close(self) -> None:
        for node in (self.county, self.township, self.other, self.one, self.two):
            node.close()


def _into(receiver: Node, paths: list[Path]) -> None:
    for path in paths:
        if path.stem.endswith(receiver.code):
            status = receiver.sync.import_bundle(path, receiver.keys).status
            assert status in (APPLIED, ALREADY)


def build(template: Path, root: Path, *, assign: bool = True) -> CountyWorld:
    """The county world (see the module's note); ``assign``: the first matter assigned."""
    county = make_county(template, root / "county")
    township = make_township(template, root / "township")
    other = make_other_township(template, root / "other", 2)
    one = make_station(template, root / "s1", township, 1)
    two = make_station(template, root / "s2", township, 2)
    join_county(county, township)
    join_county(county, other)
    numbers = [
        station_item(node.store, content, now=FRIDAY)
        for node, (content, _reason) in zip((one, two, one), MATTERS, strict=True)
    ]
    station_item(two.store, "村道路灯损坏", now=FRIDAY)  # stays at the township
    for station in (one, two):
        for path in station.export(root / "usb" / station.code):
            township.sync.import_bundle(path, township.keys)
    for number, (_content, reason) in zip(numbers, MATTERS, strict=True):
        at_township(township.store, number, now=FRIDAY + HOUR)
        township.store.items.escalate_to_county(
            number, reason, actor="白沙镇群众工作办", now=FRIDAY + 2 * HOUR
        )
    _into(county, township.export(root / "usb" / "township"))
    _into(county, other.export(root / "usb" / "other"))
    for name in DEPARTMENTS:
        county.store.county.add_department(name)
    if assign:
        county.store.county.assign(
            numbers[0], "县自然资源局", 5, actor="县群众工作部", now=FRIDAY + 3 * HOUR
        )
    return CountyWorld(county, township, other, one, two, numbers)
