"""A GUI module's test data written once per worker, a copy for each test (SQLite only).

:func:`tests.helpers.backends.prebuilt` does the same for the storage suite on both engines;
the windows and pages read a station's SQLite file, so here a builder fills a copy of the
session's station (or empty) template once per test process and every test opens its own
copy of that file: a test that changes its store changes only its copy. The builder's value
(ids, numbers) is deep-copied for each test. A builder must not depend on the test.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.store import Store
from tests.helpers.stations import copy_store

T = TypeVar("T")

# (builder, template kind) → (the filled data folder, what the builder returned)
_BUILT: dict[tuple[str, str], tuple[Path, Any]] = {}


def built_folder(
    builder: Callable[[Store], T],
    templates: tuple[Path, Path],
    factory: pytest.TempPathFactory,
    kind: str = "station",
) -> tuple[Path, T]:
    """The folder ``builder`` filled (once per process) and its value (not copied)."""
    key = (f"{builder.__module__}.{builder.__qualname__}", kind)
    if key not in _BUILT:
        folder = factory.mktemp("ui-built")
        store = copy_store(templates[0 if kind == "empty" else 1], folder)
        try:
            value = builder(store)
        finally:
            store.close()
        _BUILT[key] = (folder, value)
    return _BUILT[key]


def open_copy(folder: Path, target: Path) -> Store:
    """A store on a copy of the data folder ``folder`` (its database and files)."""
    shutil.copytree(folder, target)
    return Store(home=target, db=_db(target))


def _db(home: Path) -> Any:
    from qunzhong_desktop.storage.database import Database

    return Database(database_path(home), user="测试员")


def built_store(builder: Callable[[Store], Any], kind: str = "station") -> Callable[..., Any]:
    """A fixture of a :class:`Store` holding what ``builder`` wrote, one copy per test."""

    @pytest.fixture
    def fixture(
        _template_dirs: tuple[Path, Path],
        tmp_path_factory: pytest.TempPathFactory,
        tmp_path: Path,
    ) -> Iterator[Store]:
        folder, _value = built_folder(builder, _template_dirs, tmp_path_factory, kind)
        store = open_copy(folder, tmp_path / "home")
        yield store
        store.close()

    return fixture


def built_value(builder: Callable[[Store], T], kind: str = "station") -> Callable[..., Any]:
    """A fixture of what ``builder`` returned, deep-copied (use with :func:`built_store`)."""

    @pytest.fixture
    def fixture(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Any:
        _folder, value = built_folder(builder, _template_dirs, tmp_path_factory, kind)
        return copy.deepcopy(value)

    return fixture
