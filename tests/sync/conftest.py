"""Fixtures: a good bundle to start surgery from, and a township with two stations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.backends import BACKENDS, empty_on_server, server_store
from tests.helpers.bundles import write_good
from tests.helpers.network import Frozen, Node, freeze, make_station, make_township, thaw
from tests.helpers.sealed import SealedKeys

# engine → the township and its two stations as enrolled: done once per worker and engine
_NETS: dict[str, Frozen] = {}


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_good(tmp_path / "good.zip")


def _enrolled(
    request: pytest.FixtureRequest, template: Path, root: Path, sealed: SealedKeys
) -> Frozen:
    store, databases = None, {}
    if request.param == "postgresql":
        databases["township"] = "net_township"
        store = empty_on_server(request, databases["township"], root / "township")
    township = make_township(template, root / "township", sealed.keys, store=store)
    one = make_station(template, root / "station1", township, 1)
    two = make_station(template, root / "station2", township, 2)
    return freeze(root, [township, one, two], databases)


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
        _NETS[request.param] = _enrolled(request, _template_dirs[0], root, sealed_keys[0])
    township, one, two = thaw(
        _NETS[request.param],
        tmp_path,
        lambda database, home: server_store(request.getfixturevalue("pg_cluster"), database, home),
    )
    yield township, one, two
    for node in (township, one, two):
        node.close()
