"""A first start stopped inside its migrations (for the kill tests and their soak)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import forked

INIT = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇",
]  # fmt: skip


CLI = "import sys; from qunzhong_desktop.cli import main; sys.exit(main(sys.argv[1:]))"


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


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "QUNZHONG_PASSPHRASE"}


def fork_cli(home: Path, script: str, *argv: str) -> forked.Child:
    """``script`` setting up ``home`` in a fork of this process (tests/helpers/forked.py):
    a real process, without the new interpreter's second of imports. Its test must be marked
    ``real_migrations`` (the child inherits the test's patches)."""
    return forked.start(script, *argv, "--home", str(home), *INIT, env=_env())


def start_cli(home: Path, script: str, *argv: str) -> subprocess.Popen[str]:
    """The same in a new interpreter (bench/soak_first_start.py)."""
    env = _env()
    return subprocess.Popen(
        [sys.executable, "-c", script, *argv, "--home", str(home), *INIT],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip
