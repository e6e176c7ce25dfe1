"""The long run of the sync simulation (tests/sync/simulation.py): more rounds, more seeds.

    .venv/bin/python bench/bench_sync_simulation.py [--stations 20] [--rounds 12] [--seeds 3]

Each seed plays a township and its stations trading unreliable USB sticks (lost,
duplicated, late) with crossing moves on both tiers, then checks that the township holds
exactly every station's changes, each once, that every crossing is in a conflict log and
that each outbox holds only what is unacknowledged. Prints what happened and the time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.simulation import check, run  # noqa: E402

from qunzhong_desktop.home import database_path  # noqa: E402
from qunzhong_desktop.storage import migrate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--seeds", type=int, default=3)
    args = parser.parse_args()
    for seed in range(1, args.seeds + 1):
        work = Path(tempfile.mkdtemp(prefix="bench-sim-"))
        template = work / "template"
        template.mkdir()
        migrate.upgrade(database_path(template))
        started = time.perf_counter()
        township, nodes, stats = run(
            template, work, seed=seed, stations=args.stations, rounds=args.rounds
        )
        figures = check(township, nodes, stats)
        elapsed = time.perf_counter() - started
        print(
            f"seed {seed}: {args.stations} stations × {args.rounds} rounds in {elapsed:.1f} s — "
            f"imports {stats.imported}, already {stats.already}, refused for a gap "
            f"{stats.refused_gap}; sticks lost {stats.lost}, duplicated {stats.duplicated}, "
            f"late {stats.delayed}; township moves {stats.township_moves}, crossing moves "
            f"{stats.crossing}, conflicts logged {figures['conflicts']}; rows compared "
            f"{figures['rows']}: all checks passed"
        )
        for node in (township, *nodes):
            node.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
