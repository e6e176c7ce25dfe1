"""Fixtures: a good bundle to start surgery from, and a township with two stations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.backends import BACKENDS, EMPTY, server_store
from tests.helpers.bundles import write_good
from tests.helpers.network import Node, make_station, make_township
from tests.helpers.sealed import SealedKeys


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_good(tmp_path / "good.zip")


@pytest.fixture(params=BACKENDS)
def net(
    request: pytest.FixtureRequest,
    _template_dirs: tuple[Path, Path],
    tmp_path: Path,
    sealed_keys: tuple[SealedKeys, SealedKeys],
) -> Iterator[tuple[Node, Node, Node]]:
    """(township, station 1, station 2), enrolled; the township's keys are ``sealed_keys[0]``.

    The township (the importer) runs on SQLite and on PostgreSQL (a township may be pointed
    at a server, as the county is); the stations keep their SQLite files.
    """
    store = None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        request.getfixturevalue("_pg_templates")
        store = server_store(cluster, EMPTY, tmp_path / "township")
    township = make_township(
        _template_dirs[0], tmp_path / "township", sealed_keys[0].keys, store=store
    )
    one = make_station(_template_dirs[0], tmp_path / "station1", township, 1)
    two = make_station(_template_dirs[0], tmp_path / "station2", township, 2)
    yield township, one, two
    for node in (township, one, two):
        node.close()
