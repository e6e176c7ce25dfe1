"""Fixtures: a good bundle to start surgery from, and a township with two stations."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.store import Store
from tests.helpers.backends import BACKENDS, EMPTY, server_store
from tests.helpers.bundles import write_good
from tests.helpers.network import Node, make_station, make_township
from tests.helpers.sealed import SealedKeys

HOMES = ("township", "station1", "station2")

# engine → (the folder of the three homes as enrolled, the township's database on a server,
# (keys, code, name) of each node): enrolling is done once per worker and engine
_NETS: dict[str, tuple[Path, str | None, list[tuple[Any, str, str]]]] = {}


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_good(tmp_path / "good.zip")


def _enrolled(
    request: pytest.FixtureRequest,
    template: Path,
    root: Path,
    sealed: SealedKeys,
) -> tuple[str | None, list[tuple[Any, str, str]]]:
    store, database = None, None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        request.getfixturevalue("_pg_templates")
        database = "net_township"
        url = cluster.create_database(template=EMPTY, name=database)
        (root / "township").mkdir(parents=True)
        store = Store(
            home=root / "township", db=Database(database_path(root / "township"), url=url)
        )
    township = make_township(template, root / "township", sealed.keys, store=store)
    one = make_station(template, root / "station1", township, 1)
    two = make_station(template, root / "station2", township, 2)
    nodes = (township, one, two)
    for node in nodes:
        node.close()
    return database, [(n.keys, n.code, n.name) for n in nodes]


@pytest.fixture(params=BACKENDS)
def net(
    request: pytest.FixtureRequest,
    _template_dirs: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    sealed_keys: tuple[SealedKeys, SealedKeys],
) -> Iterator[tuple[Node, Node, Node]]:
    """(township, station 1, station 2), enrolled; the township's keys are ``sealed_keys[0]``.

    The township (the importer) runs on SQLite and on PostgreSQL (a township may be pointed
    at a server, as the county is); the stations keep their SQLite files. The three are set
    up and enrolled once per worker and engine; each test gets a copy of their folders (and
    of the township's server database), so what one test does never reaches another.
    """
    if request.param not in _NETS:
        root = tmp_path_factory.mktemp(f"net-{request.param}")
        _NETS[request.param] = (root, *_enrolled(request, _template_dirs[0], root, sealed_keys[0]))
    root, database, identities = _NETS[request.param]
    nodes = []
    for home, (keys, code, name) in zip(HOMES, identities, strict=True):
        shutil.copytree(root / home, tmp_path / home)
        if home == "township" and database is not None:
            store = server_store(request.getfixturevalue("pg_cluster"), database, tmp_path / home)
        else:
            store = Store(
                home=tmp_path / home, db=Database(database_path(tmp_path / home), user="测试员")
            )
        nodes.append(Node(tmp_path / home, store, keys, code, name))
    township, one, two = nodes
    yield township, one, two
    for node in nodes:
        node.close()
