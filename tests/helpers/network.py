"""A township and its stations in temporary homes, enrolled the way users do it.

Keys are made in memory (``NodeKeys.generate``) or handed in already sealed
(tests/helpers/sealed.py): sealing keys with a passphrase runs scrypt, about a second each.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
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


@dataclass(frozen=True)
class Frozen:
    """Nodes set up once and closed: their folders under ``root``, what a copy needs."""

    root: Path
    #: (folder name under root, keys, code, name, server database or None) of each node
    nodes: tuple[tuple[str, NodeKeys, str, str, str | None], ...]


def freeze(root: Path, nodes: list[Node], databases: dict[str, str] | None = None) -> Frozen:
    """Close ``nodes`` (each at ``root/<name>``) and keep what :func:`thaw` copies.

    ``databases``: the folder name of a node whose store is on a server → its database.
    """
    databases = databases or {}
    for node in nodes:
        node.close()
    return Frozen(
        root,
        tuple((n.home.name, n.keys, n.code, n.name, databases.get(n.home.name)) for n in nodes),
    )


def thaw(
    frozen: Frozen, into: Path, server: Callable[[str, Path], Store] | None = None
) -> list[Node]:
    """A test's own copy of frozen nodes: their folders copied into ``into``, stores opened.

    ``server(database, home)``: the store of a node whose database is on a server (a copy of
    the frozen database, tests/helpers/backends.server_store).
    """
    nodes = []
    for name, keys, code, title, database in frozen.nodes:
        home = into / name
        shutil.copytree(frozen.root / name, home)
        if database is not None:
            assert server is not None, name
            store = server(database, home)
        else:
            store = Store(home=home, db=Database(database_path(home), user="测试员"))
        nodes.append(Node(home, store, keys, code, title))
    return nodes
