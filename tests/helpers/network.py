"""A township and its stations in temporary homes, enrolled the way users do it.

Keys are made in memory (``NodeKeys.generate``) or handed in already sealed
(tests/helpers/sealed.py): sealing keys with a passphrase runs scrypt, about a second each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.setup import init_county, init_station, init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.service import SyncService
from tests.helpers.stations import copy_store

TOWNSHIP_CODE = "430121101"
COUNTY_CODE = TOWNSHIP_CODE[:6]


@dataclass
class Node:
    """One PC: its store, its sync service and its keys."""

    home: Path
    store: Store
    keys: NodeKeys
    code: str
    name: str
    sync: SyncService = field(init=False)

    def __post_init__(self) -> None:
        self.sync = SyncService(self.store.db, self.home)

    def export(self, out: Path, station_code: str | None = None) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        return [r.path for r in self.sync.export_bundles(out, self.keys, station_code=station_code)]

    @property
    def node_id(self) -> str:
        with self.store.db.session() as s:
            return s.scalars(select(m.LocalNode.node_id)).one()

    def close(self) -> None:
        self.store.close()


def make_township(
    template: Path, home: Path, keys: NodeKeys | None = None, store: Store | None = None
) -> Node:
    """A township office (白沙镇群众工作办) on a copy of the empty migrated template.

    ``store``: an empty store to use instead (a server store: the township on PostgreSQL).
    """
    store = store or copy_store(template, home)
    init_township(store.db, TOWNSHIP_CODE, "白沙镇群众工作办", "0731-84560000")
    return Node(home, store, keys or NodeKeys.generate(), TOWNSHIP_CODE, "白沙镇群众工作办")


def station_code(index: int) -> str:
    """The code of the index-th station of the township (1-based)."""
    return f"{TOWNSHIP_CODE}{200 + index:03d}"


def make_station(template: Path, home: Path, township: Node, index: int) -> Node:
    """A station that took the township's kit and was enrolled by fingerprint."""
    store = copy_store(template, home)
    code, name = station_code(index), f"第{index}村群众工作站"
    init_station(
        store.db,
        StationProfile(code=code, name=name, township_code=TOWNSHIP_CODE, township_name="白沙镇"),
    )
    node = Node(home, store, NodeKeys.generate(), code, name)
    kit = township.sync.write_station_kit(home / "kit.qzkit", township.keys)
    node.sync.accept_station_kit(kit)
    enrollment = home / "enroll.qzenroll"
    fingerprint = node.sync.write_enrollment(enrollment, node.keys)
    township.sync.enroll(enrollment, fingerprint)
    return node


def make_county(
    template: Path, home: Path, keys: NodeKeys | None = None, store: Store | None = None
) -> Node:
    """The county's mass-work department (长沙县群众工作部) on a copy of the template, or on
    ``store`` (an empty store on a PostgreSQL server, tests/helpers/backends.py)."""
    store = store or copy_store(template, home)
    init_county(store.db, COUNTY_CODE, "长沙县群众工作部")
    return Node(home, store, keys or NodeKeys.generate(), COUNTY_CODE, "长沙县群众工作部")


def make_other_township(template: Path, home: Path, index: int) -> Node:
    """Another township of the county (``430121100 + index``), with its own keys."""
    code, name = f"{int(TOWNSHIP_CODE) + index}", f"第{index}镇群众工作办"
    store = copy_store(template, home)
    init_township(store.db, code, name)
    return Node(home, store, NodeKeys.generate(), code, name)


def join_county(county: Node, township: Node) -> None:
    """The township takes the county's kit (fingerprint typed) and the county enrols it."""
    kit = county.sync.write_county_kit(township.home / "county.qzkit", county.keys)
    township.sync.accept_county_kit(kit, county.keys.fingerprint)
    enrollment = township.home / "township.qzenroll"
    fingerprint = township.sync.write_enrollment(enrollment, township.keys)
    county.sync.enroll(enrollment, fingerprint)
