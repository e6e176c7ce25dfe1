"""Time from process start until the main window is shown (target: at most 1.5 s).

A data directory with a set-up station is prepared once; then a fresh interpreter starts the
app the way ``qunzhong-desktop --home DIR`` does (migrate check, application, main window)
and reports when the window is on screen. Two figures per run: from before the interpreter
was spawned (what a user waits), and from the first import of the app inside the process.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_window.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 1.5

CHILD = r"""
import time
t_import = time.perf_counter()
import sys
from pathlib import Path
from qunzhong_desktop.home import resolve_home
from qunzhong_desktop.storage.store import open_store
from qunzhong_desktop.ui.shell.application import create_main_window, make_application
from PySide6.QtCore import QTimer

store = open_store(resolve_home(sys.argv[1]))
app = make_application([])
window = create_main_window(store)
window.show()

def shown():
    print(f"SHOWN {time.time():.6f} {time.perf_counter() - t_import:.6f}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
store.close()
"""


def prepare(home: Path) -> None:
    from qunzhong_desktop.core.entities import StationProfile
    from qunzhong_desktop.storage.setup import init_station
    from qunzhong_desktop.storage.store import open_store

    store = open_store(home)
    init_station(
        store.db,
        StationProfile(
            code="430121101201",
            name="白沙村群众工作站",
            township_code="430121101",
            township_name="白沙镇",
            phone="0731-84561234",
            operator="李秀英",
        ),
    )
    store.close()


def one_run(home: Path) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(home)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("SHOWN "))
    _, shown_at, in_process = line.split()
    return float(shown_at) - start, float(in_process)


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        prepare(home)
        one_run(home)  # warm the OS file cache and the .pyc files
        results = [one_run(home) for _ in range(runs)]
    total = [r[0] for r in results]
    inside = [r[1] for r in results]
    print(
        f"main window shown: median {statistics.median(total):.3f} s, "
        f"max {max(total):.3f} s from process start "
        f"(median {statistics.median(inside):.3f} s from the first app import); "
        f"{runs} runs, target <= {TARGET_S} s"
    )
    return 0 if statistics.median(total) <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
