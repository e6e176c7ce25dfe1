"""A first start killed in the middle of its migrations leaves a folder that starts (issue 10, case 8).

Before, the sqlite3 module committed each CREATE TABLE of the first migrations on its own: a
kill (or a full disk) in the middle left half a schema, and every later command failed with
"table … already exists". Here ``init station`` on a new folder is stopped inside the
migrations — after the k-th schema statement, at spread out k — and killed (SIGKILL); the
next ``init station`` must set the station up and leave a whole store.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from qunzhong_desktop.storage import migrate

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

INIT = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇",
]  # fmt: skip
CLI = "import sys; from qunzhong_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
# the child stops after its k-th schema statement and waits to be killed
STOPPING = """
import sys, time
from alembic.ddl.impl import DefaultImpl
stop_at, count, run = int(sys.argv[1]), [0], DefaultImpl._exec
def _exec(self, *args, **kwargs):
    count[0] += 1
    if count[0] == stop_at:
        print("MIGRATING", flush=True)
        time.sleep(60)
    return run(self, *args, **kwargs)
DefaultImpl._exec = _exec
from qunzhong_desktop.cli import main
sys.exit(main(sys.argv[2:]))
"""
STOPS = (2, 23, 41)


def _run(home: Path, script: str, *argv: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUNZHONG_PASSPHRASE"}
    return subprocess.Popen(
        [sys.executable, "-c", script, *argv, "--home", str(home), *INIT],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip


def test_a_first_start_killed_inside_its_migrations_starts_next_time(tmp_path: Path) -> None:
    for stop in STOPS:
        home = tmp_path / f"home{stop}"
        child = _run(home, STOPPING, str(stop))
        assert child.stdout is not None and child.stdout.readline().strip() == "MIGRATING"
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
        again = _run(home, CLI)
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
    child = _run(home, STOPPING, "23")
    assert child.stdout is not None and child.stdout.readline().strip() == "MIGRATING"
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=30)
    again = _run(home, CLI)
    again.communicate(timeout=60)
    assert again.returncode == 0
    assert not (home / "backups").exists() or not list((home / "backups").iterdir())
