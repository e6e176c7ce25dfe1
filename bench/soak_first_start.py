"""Kill a first start at every step of its migrations; the next start must set up.

    .venv/bin/python bench/soak_first_start.py [--every 1]

A fresh ``qunzhong init station`` is stopped after its k-th schema statement (every k from 1
to the last, or every ``--every``-th) and killed with SIGKILL; then ``init station`` runs
again and must succeed, with an intact store at the head revision and no backup copies.
Prints how many kills landed where, and the time (POSIX only).
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.first_start import CLI, STOPPING, start_cli  # noqa: E402

from qunzhong_desktop.storage import migrate  # noqa: E402

COUNT = STOPPING.replace("if count[0] == stop_at:", "if False:").replace(
    "sys.exit(main(sys.argv[2:]))",
    'code = main(sys.argv[2:]); print("STATEMENTS", count[0]); sys.exit(code)',
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="soak-first-start-"))
    counted = start_cli(work / "count", COUNT, "0")
    out, _ = counted.communicate(timeout=60)
    total = int(out.strip().splitlines()[-1].split()[1])
    started = time.perf_counter()
    kills = 0
    for stop in range(1, total + 1, args.every):
        home = work / f"home{stop}"
        child = start_cli(home, STOPPING, str(stop))
        assert child.stdout is not None and child.stdout.readline().strip() == "MIGRATING"
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=30)
        kills += 1
        again = start_cli(home, CLI)
        _, err = again.communicate(timeout=60)
        assert again.returncode == 0 and "Traceback" not in err, (stop, err)
        db = home / "qunzhong.sqlite3"
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT count(*) FROM station").fetchone() == (1,)
        assert migrate.current_revision(db) == migrate.head_revision()
        assert not (home / "backups").exists() or not list((home / "backups").iterdir())
    print(
        f"first start: {total} schema statements; killed after {kills} of them "
        f"(every {args.every}); every next start set up an intact store at "
        f"{migrate.head_revision()} with no backup copies, in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
