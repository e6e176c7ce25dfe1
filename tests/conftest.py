"""Shared fixtures: migrate once, copy the file per test (Anki's getEmptyCol)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.write_paths import require

# every captured write must come from a marked write path (storage/write_paths.py): a new
# one that is not marked fails here, one that is marked fails the conformance harness
# until the harness drives it
require(True)

STATION = dict(
    code="430121101201",
    name="白沙村群众工作站",
    township_code="430121101",
    township_name="白沙镇",
    address="湖南省长沙县白沙镇白沙村村部",
    phone="0731-84561234",
    supervision_phone="0731-12345678",
    township_phone="0731-84560000",
    operator="李秀英",
)


@pytest.fixture(scope="session")
def _template_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    empty = tmp_path_factory.mktemp("template-empty")
    migrate.upgrade(database_path(empty))
    station = tmp_path_factory.mktemp("template-station")
    shutil.copy(database_path(empty), database_path(station))
    db = Database(database_path(station))
    init_station(db, StationProfile(**STATION))
    db.close()
    return empty, station


def _copy_store(template: Path, target: Path) -> Store:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(database_path(template), database_path(target))
    return Store(home=target, db=Database(database_path(target), user="测试员"))


@pytest.fixture
def empty_store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """A migrated store with no station yet."""
    store = _copy_store(_template_dirs[0], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """A migrated store set up as 白沙村群众工作站."""
    store = _copy_store(_template_dirs[1], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def direct_writes(request: pytest.FixtureRequest) -> Iterator[None]:
    """For tests that write synced rows with the ORM themselves, not through a write path."""
    from qunzhong_desktop.storage.write_paths import scope

    with scope(f"test: {request.node.name}"):
        yield
