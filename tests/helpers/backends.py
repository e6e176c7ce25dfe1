"""The storage suite on both engines: a store in a SQLite file, or on the test's PostgreSQL.

``tests/storage/conftest.py`` overrides ``store`` and ``empty_store`` with :func:`store_fixture`,
so every storage test that takes one runs twice, ``[sqlite]`` and ``[postgresql]`` (issue 19:
the same models, migrations and repositories on both). A PostgreSQL store is a copy of a
template database migrated once per run (``CREATE DATABASE … TEMPLATE``: a file copy), in a
data directory whose ``database-server.txt`` names it, as ``qunzhong init county --db`` makes.
A test that is about the SQLite file itself (PRAGMAs, encryption, backups of the file) takes
``sqlite_store`` / ``sqlite_empty_store`` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.server import SERVER_FILE
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store
from tests.helpers.postgres import Cluster
from tests.helpers.stations import STATION, copy_store

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]
EMPTY, STATION_TEMPLATE = "tmpl_empty", "tmpl_station"


def make_templates(cluster: Cluster) -> None:
    """Two template databases: migrated to head, and set up as :data:`STATION`."""
    migrate.upgrade_server(cluster.create_database(name=EMPTY))
    url = cluster.create_database(template=EMPTY, name=STATION_TEMPLATE)
    db = Database(Path("unused"), url=url)
    init_station(db, StationProfile(**STATION))
    db.close()


def server_store(cluster: Cluster, template: str, home: Path) -> Store:
    """A store in ``home`` on a new copy of ``template`` on the cluster."""
    url = cluster.create_database(template=template)
    home.mkdir(parents=True, exist_ok=True)
    (home / SERVER_FILE).write_text(url + "\n", encoding="utf-8")
    return Store(home=home, db=Database(database_path(home), user="测试员", url=url))


def store_fixture(kind: str) -> Callable[..., Iterator[Store]]:
    """A fixture of a store (``empty`` or ``station``) on each backend in turn."""

    @pytest.fixture(params=BACKENDS)
    def fixture(
        request: pytest.FixtureRequest, _template_dirs: tuple[Path, Path], tmp_path: Path
    ) -> Iterator[Store]:
        home = tmp_path / "home"
        store: Any
        if request.param == "sqlite":
            store = copy_store(_template_dirs[0 if kind == "empty" else 1], home)
        else:
            cluster = request.getfixturevalue("pg_cluster")
            request.getfixturevalue("_pg_templates")
            store = server_store(cluster, EMPTY if kind == "empty" else STATION_TEMPLATE, home)
        yield store
        store.close()

    return fixture


@pytest.fixture
def sqlite_only_store(sqlite_store: Store) -> Store:
    """``store`` in a module about the SQLite file (``store = sqlite_only_store`` there)."""
    return sqlite_store


@pytest.fixture
def sqlite_only_empty_store(sqlite_empty_store: Store) -> Store:
    """``empty_store`` in a module about the SQLite file."""
    return sqlite_empty_store
