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

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

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

T = TypeVar("T")

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
    """A store in ``home`` on a database holding what ``template`` holds."""
    url = _reused(cluster, template)
    home.mkdir(parents=True, exist_ok=True)
    (home / SERVER_FILE).write_text(url + "\n", encoding="utf-8")
    return Store(home=home, db=Database(database_path(home), user="测试员", url=url))


# A new database per test (CREATE DATABASE … TEMPLATE) costs 0.3–0.7 s; emptying one and
# putting the template's few rows back costs about 20 ms. Each worker keeps one database per
# template and resets it before every test; a test that changed its schema (a migration
# test) gets a fresh copy instead.
_KEPT: dict[str, str] = {}  # template → URL of this worker's reusable copy
_SNAPSHOTS: dict[str, Any] = {}  # template → (rows per table, sequence values, schema mark)


def _connect(url: str) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return psycopg.connect(
        dbname=u.database, user=u.username, host=u.query["host"], port=u.query["port"]
    )


def _schema_mark(conn: Any) -> tuple[Any, ...]:
    version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    objects = conn.execute(
        "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
    ).fetchone()
    return (version, objects)


def _snapshot(cluster: Cluster, template: str) -> Any:
    if template not in _SNAPSHOTS:
        with _connect(cluster.url(template)) as conn:
            tables = [
                r[0]
                for r in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    " AND tablename <> 'alembic_version'"
                )
            ]
            rows = {}
            for table in tables:  # COPY's text form gives back every type as it was
                with conn.cursor().copy(f'COPY "{table}" TO STDOUT') as copy:
                    data = b"".join(bytes(chunk) for chunk in copy)
                if data:
                    rows[table] = data
            sequences = conn.execute(
                "SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences"
                " WHERE schemaname = 'public'"
            ).fetchall()
            _SNAPSHOTS[template] = (tables, rows, sequences, _schema_mark(conn))
    return _SNAPSHOTS[template]


def _reused(cluster: Cluster, template: str) -> str:
    tables, rows, sequences, mark = _snapshot(cluster, template)
    url = _KEPT.get(template)
    if url is not None:
        with _connect(url) as conn:
            if _schema_mark(conn) != mark:
                url = None
            else:
                # one round trip for every table and sequence (no parameters: psycopg sends
                # the whole text as one simple query), then the template's rows back
                emptied = "".join(f'DELETE FROM "{table}";' for table in tables)
                rewound = "".join(
                    f"SELECT setval('{name}', 1, false);"
                    if value is None
                    else f"SELECT setval('{name}', {int(value)});"
                    for name, value in sequences
                )
                conn.execute(f"SET CONSTRAINTS ALL DEFERRED;{emptied}{rewound}")
                for table, data in rows.items():
                    with conn.cursor().copy(f'COPY "{table}" FROM STDIN') as copy:
                        copy.write(data)
    if url is None:
        url = cluster.create_database(template=template)
        _KEPT[template] = url
    return url


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


@dataclass
class Built(Generic[T]):
    """A test's own copy of a store a builder filled, and what the builder returned."""

    store: Store
    value: T


# (builder, template kind, engine) → (the filled SQLite folder or database name, its value)
_BUILT: dict[tuple[str, str, str], tuple[Any, Any]] = {}


def prebuilt(builder: Callable[[Store], T], kind: str = "station") -> Callable[..., Any]:
    """A fixture of :class:`Built`: ``builder`` fills a store once per worker and engine.

    The test data of a module (a village with grids, households, items in every step) is
    written through the real write paths once; every test then gets its own copy — the
    SQLite file copied, or the server database reset from the filled one as :func:`server_store`
    does from a template — so a test that changes its store changes only its copy. The value
    the builder returned (ids, numbers) is deep-copied for each test. A builder must not
    depend on the test (tmp_path, the clock of the day): it runs once for all of them.
    """
    name = f"{builder.__module__}.{builder.__qualname__}"

    @pytest.fixture(params=BACKENDS)
    def fixture(
        request: pytest.FixtureRequest,
        _template_dirs: tuple[Path, Path],
        tmp_path_factory: pytest.TempPathFactory,
        tmp_path: Path,
    ) -> Iterator[Built[T]]:
        key = (name, kind, request.param)
        home = tmp_path / "home"
        store: Any
        if request.param == "sqlite":
            if key not in _BUILT:
                folder = tmp_path_factory.mktemp("built")
                _BUILT[key] = (folder, _fill(copy_store(_template(_template_dirs, kind), folder)))
            folder, value = _BUILT[key]
            store = copy_store(folder, home)
        else:
            cluster = request.getfixturevalue("pg_cluster")
            request.getfixturevalue("_pg_templates")
            if key not in _BUILT:
                database = f"built_{len(_BUILT)}"
                url = cluster.create_database(
                    template=EMPTY if kind == "empty" else STATION_TEMPLATE, name=database
                )
                folder = tmp_path_factory.mktemp("built-pg")
                filled = Store(
                    home=folder, db=Database(database_path(folder), user="测试员", url=url)
                )
                _BUILT[key] = (database, _fill(filled))
            database, value = _BUILT[key]
            store = server_store(cluster, database, home)
        yield Built(store, copy.deepcopy(value))
        store.close()

    def _fill(store: Store) -> Any:
        try:
            return builder(store)
        finally:
            store.close()

    return fixture


def _template(dirs: tuple[Path, Path], kind: str) -> Path:
    return dirs[0] if kind == "empty" else dirs[1]


@pytest.fixture
def built_store(built: Built[Any]) -> Store:
    """``store`` in a module whose ``built`` is a :func:`prebuilt` (``store = built_store``)."""
    return built.store


def empty_on_server(request: pytest.FixtureRequest, database: str, home: Path) -> Store:
    """An empty store in ``home`` on a new server database ``database`` (to be set up, then
    frozen: tests/helpers/network.freeze), on the worker's test cluster."""
    cluster = request.getfixturevalue("pg_cluster")
    request.getfixturevalue("_pg_templates")
    url = cluster.create_database(template=EMPTY, name=database)
    home.mkdir(parents=True, exist_ok=True)
    return Store(home=home, db=Database(database_path(home), url=url))
