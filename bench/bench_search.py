"""Search benchmark: 100 000 persons (~29 000 households), three kinds of queries.

    .venv/bin/python bench/bench_search.py [--households 29000] [--queries 200] [--cache DIR]

Builds a station in a temporary home with the demo generator and the bulk ORM load (change
capture included, so it takes a minute or two), then times
``store.register.search_households(q)`` for pinyin initials, names and ID suffixes and
prints median and p95 in ms per kind. With ``--cache DIR`` the built database is kept in DIR
and reused by the next run; without it everything is removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.pinyin_keys import name_keys
from qunzhong_desktop.demo.load import load_demo
from qunzhong_desktop.demo.village import generate, village_of
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store, open_store

STATION = StationProfile(
    code="430121101201", name="白沙村群众工作站", township_code="430121101", township_name="白沙镇"
)
TODAY = dt.date(2025, 6, 1)
SEED = 42


def build(home: Path, households: int) -> None:
    store = open_store(home)
    try:
        init_station(
            store.db,
            StationProfile(
                **{
                    k: getattr(STATION, k)
                    for k in ("code", "name", "township_code", "township_name")
                }
            ),
        )
        started = time.perf_counter()
        data = generate(
            STATION.code, village_of(STATION.name), households=households, seed=SEED, today=TODAY
        )
        print(
            f"generated {len(data.households)} households, {data.persons} persons "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )

        def progress(done: int, total: int) -> None:
            print(f"\r  loading {done}/{total}", end="", flush=True)

        started = time.perf_counter()
        load_demo(store.db, data, batch=2000, progress=progress)
        print(f"\nloaded in {time.perf_counter() - started:.1f} s", flush=True)
    finally:
        store.close()


def queries(households: int, count: int) -> dict[str, list[str]]:
    """Queries drawn from the same generated village (the generator is deterministic)."""
    data = generate(
        STATION.code, village_of(STATION.name), households=households, seed=SEED, today=TODAY
    )
    people = [p for h in data.households for p in h.household.members]
    rng = random.Random(0)
    picks = rng.sample(people, count * 2)
    initials = [name_keys(p.name)[-1] for p in picks[:count]]
    names = [p.name for p in picks[:count] if 2 <= len(p.name) <= 3]
    with_id = [p for p in picks if p.id_number][:count]
    suffixes = [p.id_number[-rng.randint(4, 6) :] for p in with_id]
    return {"initials": initials, "name": names, "id suffix": suffixes}


def measure(store: Store, kinds: dict[str, list[str]]) -> None:
    search = store.register.search_households
    search("")  # warm the page cache
    started = time.perf_counter()
    listing = search("")
    print(
        f"{'empty (all)':12} {1000 * (time.perf_counter() - started):8.1f} ms   {len(listing)} ids"
    )
    print(f"{'kind':12} {'median':>8} {'p95':>8} {'max':>8} {'hits(median)':>13}  n")
    for kind, qs in kinds.items():
        times: list[float] = []
        hits: list[int] = []
        for q in qs:
            started = time.perf_counter()
            found = search(q)
            times.append(1000 * (time.perf_counter() - started))
            hits.append(len(found))
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(
            f"{kind:12} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f} "
            f"{statistics.median(hits):13.0f}  {len(qs)}"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=29_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--cache", type=Path, help="keep and reuse the built database here")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="qunzhong-bench-"))
    try:
        home = temp / "home"
        home.mkdir()
        cached = args.cache / f"bench-{args.households}.sqlite3" if args.cache else None
        if cached is not None and cached.exists():
            shutil.copy(cached, database_path(home))
            print(f"using cached {cached}")
        else:
            build(home, args.households)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                store = open_store(home)
                with store.db.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                store.close()
                shutil.copy(database_path(home), cached)
        store = open_store(home)  # migrates a cached file built by an older revision
        try:
            print(f"{store.register.count_households()} households")
            measure(store, queries(args.households, args.queries))
        finally:
            store.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
