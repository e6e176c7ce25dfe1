"""A first start stopped inside its migrations (for the kill tests and their soak)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def start_cli(home: Path, script: str, *argv: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUNZHONG_PASSPHRASE"}
    return subprocess.Popen(
        [sys.executable, "-c", script, *argv, "--home", str(home), *INIT],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env,
    )  # fmt: skip
