"""A first start killed in the middle of its migrations leaves a folder that starts (issue 10, case 8).

Before, the sqlite3 module committed each CREATE TABLE of the first migrations on its own: a
kill (or a full disk) in the middle left half a schema, and every later command failed with
"table … already exists". Here ``init station`` on a new folder is stopped inside the
migrations — after the k-th schema statement, at spread out k — and killed (SIGKILL); the
next ``init station`` must set the station up and leave a whole store. Both run in a fork
of the test process (tests/helpers/forked.py): a real process to kill, without a new
interpreter's imports; bench/soak_first_start.py does the same in new interpreters.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

from qunzhong_desktop.storage import migrate
from tests.helpers.first_start import CLI, STOPPING, fork_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.real_migrations,  # the children run every migration, not the template's copy
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

# the child stops after its k-th schema statement and waits to be killed
STOPS = (2, 23, 41)


def test_a_first_start_killed_inside_its_migrations_starts_next_time(tmp_path: Path) -> None:
    for stop in STOPS:
        home = tmp_path / f"home{stop}"
        child = fork_cli(home, STOPPING, str(stop))
        assert child.stdout is not None and child.stdout.readline().strip() == "MIGRATING"
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
        again = fork_cli(home, CLI)
        out, err = again.communicate(timeout=60)
        assert again.returncode == 0 and "Traceback" not in err, (stop, err)
        assert "已设置工作站" in out
        db = home / "qunzhong.sqlite3"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT code FROM station").fetchall() == [("430121101201",)]
        assert migrate.current_revision(db) == migrate.head_revision()


def test_a_start_cut_off_before_any_migration_finished_leaves_no_backups(tmp_path: Path) -> None:
    home = tmp_path / "home"
    child = fork_cli(home, STOPPING, "23")
    assert child.stdout is not None and child.stdout.readline().strip() == "MIGRATING"
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    again = fork_cli(home, CLI)
    again.communicate(timeout=60)
    assert again.returncode == 0
    assert not (home / "backups").exists() or not list((home / "backups").iterdir())
