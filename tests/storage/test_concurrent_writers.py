"""The command line and the window write side by side: every write lands, none is lost.

Two child processes register items as fast as they can (the CLI's ``items add`` path)
while this process, the window, saves households and registers items of its own. Item
numbers are read and bumped inside one write transaction (``Database.writing``), so they
stay unique and gapless; before that, a second writer could read the same counter and fail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from tests.helpers import forked

PER_CHILD = 25
CHILD = """
import datetime as dt, sys
from pathlib import Path
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems

items = SqlItems(Database(Path(sys.argv[1]), user="命令行", url=sys.argv[4] or None))
print("ready", flush=True)
sys.stdin.readline()  # start together
for n in range(int(sys.argv[2])):
    new = NewItem("来电", "社会保障", "B", "承诺件", f"命令行 {sys.argv[3]}-{n}", "王大爷")
    items.register_item(new, actor="命令行", now=dt.datetime(2026, 3, 2, 9, 0))
"""


@pytest.mark.slow
def test_cli_and_window_write_at_once_and_nothing_is_lost(store: Store, tmp_path: Path) -> None:
    path = str(database_path(store.home))
    # forks of this process (tests/helpers/forked.py): processes of their own, each with its
    # own connection, without a new interpreter's second of imports
    children = [
        forked.start(CHILD, path, str(PER_CHILD), str(i), store.db.url or "", stdin=True)
        for i in range(2)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for n in range(PER_CHILD):
        store.register.save_household(
            Household(number=f"{n:03d}", members=[Person(name=f"户主{n}")])
        )
        store.items.register_item(
            NewItem("来访", "教育", "B", "承诺件", f"窗口 {n}", "李四"),
            actor="站务员",
            now=dt.datetime(2026, 3, 2, 9, 0),
        )
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    with store.db.session() as s:
        sequences = sorted(s.scalars(select(m.IntakeItem.sequence)))
        contents = set(s.scalars(select(m.IntakeItem.content)))
        counter = s.get(m.ItemCounter, 2026)
    assert sequences == list(range(1, 3 * PER_CHILD + 1))  # unique and gapless
    assert counter is not None and counter.last == 3 * PER_CHILD
    assert len(contents) == 3 * PER_CHILD
    assert len(store.register.search_households()) == PER_CHILD
