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
from tests.helpers.stations import STATION, copy_store

# every captured write must come from a marked write path (storage/write_paths.py): a new
# one that is not marked fails here, one that is marked fails the conformance harness
# until the harness drives it
require(True)


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


@pytest.fixture
def empty_store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """A migrated store with no station yet."""
    store = copy_store(_template_dirs[0], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def store(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    """A migrated store set up as 白沙村群众工作站."""
    store = copy_store(_template_dirs[1], tmp_path / "home")
    yield store
    store.close()


@pytest.fixture
def direct_writes(request: pytest.FixtureRequest) -> Iterator[None]:
    """For tests that write synced rows with the ORM themselves, not through a write path."""
    from qunzhong_desktop.storage.write_paths import scope

    with scope(f"test: {request.node.name}"):
        yield
