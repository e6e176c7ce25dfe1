"""Migration 0012: items gain 主管部门 and 双联系单位, blank for what came before (issue 17).

``tests/data/releases/0010-assistance-demo.zip`` is a station made by the program at schema
0010 (see ``make_0010_assistance.sh``); opening it runs 0011 and 0012 on a release's file.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from alembic import command
from sqlalchemy import text

from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage.store import Store, open_store
from tests.helpers.backends import sqlite_only_empty_store, sqlite_only_store

# about the SQLite file itself: these run on SQLite alone (the suite's store runs on both)
store = sqlite_only_store
empty_store = sqlite_only_empty_store

FIXTURE = Path(__file__).parents[1] / "data" / "releases" / "0010-assistance-demo.zip"


def _columns(store: Store) -> dict[str, tuple[str, int, str | None]]:
    with store.db.session() as s:
        rows = s.execute(text("PRAGMA table_info(intake_item)")).all()
    return {r[1]: (str(r[2]), int(r[3]), r[4]) for r in rows}


def test_a_release_station_keeps_its_items_with_no_unit_named(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURE) as zf:
        zf.extractall(tmp_path, [n for n in zf.namelist() if n.startswith("station/")])
    path = database_path(tmp_path / "station")
    assert migrate.current_revision(path) == "0010"
    with open_store(tmp_path / "station") as store:
        assert migrate.current_revision(path) == migrate.HEAD_REVISION
        columns = _columns(store)
        assert columns["competent_unit"] == ("VARCHAR(100)", 1, "''")
        assert columns["paired_unit"] == ("VARCHAR(100)", 1, "''")
        with store.db.session() as s:
            found = s.execute(
                text("SELECT number, competent_unit, paired_unit FROM intake_item")
            ).all()
            # the migration wrote no rows: nothing of it waits in the outbox
            pending = s.execute(
                text(
                    "SELECT count(*) FROM sync_change WHERE table_name = 'intake_item' "
                    "AND fields LIKE '%competent_unit%'"
                )
            ).scalar()
        assert len(found) == 15
        assert {(c, p) for _n, c, p in found} == {("", "")}
        assert pending == 0
        number = found[0][0]
        assert store.items.item(number).number == number


def test_downgrade_to_0011_and_back(store: Store) -> None:
    path = database_path(store.home)
    store.db.close()
    command.downgrade(migrate.alembic_config(path), "0011")
    with sqlite3.connect(path) as conn:
        names = {r[1] for r in conn.execute("PRAGMA table_info(intake_item)")}
    assert "competent_unit" not in names and "agency_mode" in names
    assert migrate.upgrade(path) is not None  # copied first
    with open_store(store.home) as again:
        assert {"competent_unit", "paired_unit"} <= set(_columns(again))
