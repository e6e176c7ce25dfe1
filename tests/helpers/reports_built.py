"""The report tests' township and demo station built once per test process.

``township_data.build`` makes a township and two stations, registers and moves items at
each, syncs them through real bundles and moves at the township: a few seconds of CPU, and
four modules (period PDF and workbook, the township report, the township's GUI pages) each
built it. :func:`township` builds it once per process and gives every caller its own copy
of the three data folders, opened again with the same keys, codes and item numbers; a
caller that changes its copy changes nothing the others see.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.store import Store
from tests.helpers import period_data
from tests.helpers.network import Node
from tests.helpers.stations import copy_store
from tests.helpers.township_data import Township, build

_BUILT: dict[Path, tuple[Path, Township]] = {}  # template → (the built root, its nodes)


def township(template: Path, factory: pytest.TempPathFactory, root: Path) -> Township:
    """A copy in ``root`` (made here) of the township ``build`` makes from ``template``."""
    if template not in _BUILT:
        built_root = factory.mktemp("township-built")
        built = build(template, built_root)
        built.close()
        _BUILT[template] = (built_root, built)
    built_root, built = _BUILT[template]
    shutil.copytree(built_root, root)

    def node(old: Node) -> Node:
        home = root / old.home.relative_to(built_root)
        store = Store(home=home, db=Database(database_path(home), user="测试员"))
        return Node(home, store, old.keys, old.code, old.name)

    return Township(
        node(built.township), node(built.one), node(built.two), list(built.a), list(built.b)
    )


_DEMO: dict[Path, Path] = {}  # station template → the data folder period_data.build filled


def period_demo(template: Path, factory: pytest.TempPathFactory, home: Path) -> Store:
    """A store in ``home`` (made here) holding the period reports' demo station.

    ``period_data.build`` (a year and a half of items, diaries and cadres) runs once per
    process on a copy of ``template``; the period PDF and workbook modules each open a copy.
    """
    if template not in _DEMO:
        folder = factory.mktemp("period-demo-built")
        store = copy_store(template, folder)
        try:
            period_data.build(store.db)
        finally:
            store.close()
        _DEMO[template] = folder
    shutil.copytree(_DEMO[template], home)
    return Store(home=home, db=Database(database_path(home), user="测试员"))
