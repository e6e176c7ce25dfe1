"""The long run of the sync conformance harness (tests/sync/conformance.py).

    .venv/bin/python bench/soak_sync_conformance.py [--seeds 5] [--steps 400] [--every 8]

Each seed walks every write path once, then makes ``--steps`` random actions of the station,
the township and the county (roster imports in three formats, forms over changes made
meanwhile, deletes and re-entries, items, 代办, diary, assistance, calendars, settings, kits,
new keys, demo data, 上报县 and the county's moves, the station's close and the township's
交办 of what the county sent back), carrying a bundle up and the dispatch back every
``--every`` actions (and the county bundle up and its dispatch down) and checking that the
tiers hold the same rows with no conflict logged; at the end, two more rounds and station,
township and county must agree on every matter that reached the county. Prints what was
driven and the time.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers import conformance_county  # noqa: E402
from tests.helpers.conformance import EXEMPT, World, driven_since, walk_all  # noqa: E402

import qunzhong_desktop  # noqa: E402
from qunzhong_desktop.core.intake.states import Role  # noqa: E402
from qunzhong_desktop.home import database_path  # noqa: E402
from qunzhong_desktop.storage import migrate, write_paths  # noqa: E402

ACTIONS = (
    ("roster", 3), ("household_form", 6), ("stale_form", 2), ("delete_and_reenter", 2),
    ("delete_and_restore", 1), ("save_batch", 1), ("grids_and_cadres", 2), ("retire_and_delete", 1), ("pairing", 2), ("cards", 2), ("new_item", 6),
    ("move_item", 6), ("correct_item", 2), ("township_moves", 3), ("diary", 4),
    ("assistance", 3), ("needs", 3), ("agency", 3), ("operators", 1),
    ("station_settings", 1), ("station_calendar", 1), ("township_config", 1), ("rekey", 1),
    ("demo", 1), ("township_demo", 1), ("county", 4),
)  # fmt: skip


def act(world: World, name: str) -> None:
    if name == "roster":
        world.roster_import(
            world.rng.choice(["xlsx", "xls", "ods"]),
            world.rng.choice(["fresh", "same", "changed", "added", "removed"]),
        )
    elif name == "township_moves":
        world.move_item(Role.TOWNSHIP)
    elif name == "county":
        world.rng.choice(
            [
                lambda: conformance_county.escalate(world),
                *conformance_county.steps(world),
                lambda: conformance_county.follow_up(world),
                lambda: conformance_county.reassign(world),
            ]
        )()
    else:
        getattr(world, name)()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--every", type=int, default=8)
    args = parser.parse_args()
    write_paths.require(True)
    for info in pkgutil.walk_packages(qunzhong_desktop.__path__, "qunzhong_desktop."):
        if ".ui" not in info.name and not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    before = dict(write_paths.REGISTRY)
    totals: Counter[str] = Counter()
    started_all = time.perf_counter()
    for seed in range(1, args.seeds + 1):
        work = Path(tempfile.mkdtemp(prefix="soak-conformance-"))
        template = work / "template"
        template.mkdir()
        migrate.upgrade(database_path(template))
        started = time.perf_counter()
        world = World(template, work, seed=seed)
        try:
            walk_all(world)
            names = [n for n, w in ACTIONS for _ in range(w)]
            for step in range(1, args.steps + 1):
                act(world, world.rng.choice(names))
                if step % args.every == 0:
                    world.sync()
            world.sync()
            world.sync()  # the county's last moves reach the station
            conformance_county.three_tiers_agree(world)
        finally:
            world.close()
        f = world.figures
        elapsed = time.perf_counter() - started
        refused = sum(f.refused.values())
        print(
            f"seed {seed}: {sum(f.actions.values())} actions ({refused} refused with a sentence), "
            f"{f.rounds} sync rounds, {f.changes_up} changes up, {f.changes_down} down, "
            f"{f.rows_compared} rows compared, 0 conflicts, in {elapsed:.1f} s: all checks passed"
        )
        totals.update(f.actions)
        shutil.rmtree(work, ignore_errors=True)
    driven = driven_since(before)
    print(
        f"write paths driven: {len(driven)} of {len(write_paths.REGISTRY)} marked "
        f"(exempt: {', '.join(sorted(EXEMPT))}); {sum(totals.values())} actions in "
        f"{time.perf_counter() - started_all:.1f} s"
    )
    print("actions: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))


if __name__ == "__main__":
    main()
