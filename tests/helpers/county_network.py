"""A county with two townships and three stations, its data brought up the real sync path.

白沙镇 (430121101) has 第1村 and 第2村; 第1镇 (430121102) has 第1村 of its own. Each station
registers items (some resolved) and households; the stations' bundles go to their
township, each township's county bundle to the county. Built once per test module: the
key generation and the imports are the costly part.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.views import ALREADY, APPLIED
from tests.helpers.intake_data import register
from tests.helpers.network import (
    Node,
    join_county,
    make_county,
    make_other_township,
    make_station,
    make_township,
)
from tests.helpers.register_data import seed
from tests.helpers.stations import copy_store

MONTH_DAY = dt.datetime(2026, 11, 3, 9, 30)  # a Tuesday of the month the tests report


@dataclass
class CountyNetwork:
    """The county, its townships (by code) and their stations (by code)."""

    county: Node
    townships: dict[str, Node]
    stations: dict[str, Node]

    def close(self) -> None:
        for node in (self.county, *self.townships.values(), *self.stations.values()):
            node.close()


def station_of(template: Path, home: Path, township: Node, index: int) -> Node:
    """A station of ``township`` (any township of the county), enrolled by fingerprint."""
    code, name = f"{township.code}{200 + index:03d}", f"{township.name[:3]}第{index}村工作站"
    store = copy_store(template, home)
    init_station(
        store.db,
        StationProfile(code=code, name=name, township_code=township.code,
                       township_name=township.name),
    )  # fmt: skip
    node = Node(home, store, NodeKeys.generate(), code, name)
    kit = township.sync.write_station_kit(home / "kit.qzkit", township.keys)
    node.sync.accept_station_kit(kit)
    enrollment = home / "enroll.qzenroll"
    township.sync.enroll(enrollment, node.sync.write_enrollment(enrollment, node.keys))
    return node


def work(store: Store, items: int, resolved: int, households: int = 0) -> None:
    """A station's month: households, items registered, some resolved at once."""
    if households:
        seed(store, households)
    for n in range(items):
        when = MONTH_DAY + dt.timedelta(days=n % 9, hours=n % 5)
        number = register(store, when, content=f"第{n}件事：咨询养老保险补缴")
        if n < resolved:
            store.items.move(number, State.RESOLVED, actor="站务员", role=Role.STATION,
                             note="已答复", now=when + dt.timedelta(hours=2))  # fmt: skip


def sync_up(township: Node, county: Node, stations: list[Node], usb: Path) -> None:
    """Each station's bundles into its township, the township's county bundle into the county."""
    for station in stations:
        for bundle in station.export(usb / station.code):
            assert township.sync.import_bundle(bundle, township.keys).status in (APPLIED, ALREADY)
    for bundle in township.export(usb / township.code):
        if bundle.stem.endswith(county.code):
            assert county.sync.import_bundle(bundle, county.keys).status == APPLIED


def county_network(template: Path, root: Path, county_store: Store | None = None) -> CountyNetwork:
    """Three tiers: the county (on ``county_store`` if given), two townships, three stations."""
    county = make_county(template, root / "county", store=county_store)
    one = make_township(template, root / "t1")
    two = make_other_township(template, root / "t2", 1)
    s1 = make_station(template, root / "s1", one, 1)
    s2 = make_station(template, root / "s2", one, 2)
    s3 = station_of(template, root / "s3", two, 1)
    join_county(county, one)
    join_county(county, two)
    work(s1.store, 5, 2, 1)
    work(s2.store, 3, 1)
    work(s3.store, 4, 3, 1)
    sync_up(one, county, [s1, s2], root / "usb1")
    sync_up(two, county, [s3], root / "usb2")
    return CountyNetwork(
        county,
        {one.code: one, two.code: two},
        {s.code: s for s in (s1, s2, s3)},
    )
