"""What encryption at rest (SQLCipher) costs: import, search and the sync outbox, side by side.

    .venv/bin/python bench/bench_encryption.py [--households 5000] [--queries 200]

Builds the same demo village twice in temporary homes — once in plain SQLite, once in a
store encrypted with SQLCipher 4 (``storage/encryption.py``, as the head's first start does)
— and times, in each: the bulk load (what a roster import writes, change capture included),
``search_households`` for pinyin initials (median of ``--queries``), every household's row
as the register page lists them, and the sync outbox read in sequence as the exporter
reads it. Prints each figure
and the ratio encrypted / plain (the plain store is the baseline measured in the same run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.access import Role
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.pinyin_keys import name_keys
from qunzhong_desktop.demo.load import load_demo
from qunzhong_desktop.demo.village import generate, village_of
from qunzhong_desktop.storage import encryption
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store, open_store

STATION = StationProfile(
    code="430121101201", name="白沙村群众工作站", township_code="430121101", township_name="白沙镇"
)
TODAY = dt.date(2026, 6, 1)


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def run(home: Path, households: int, queries: int, *, encrypted: bool) -> dict[str, float]:
    home.mkdir()
    store: Store = open_store(home)
    init_station(store.db, STATION)
    if encrypted:
        store.accounts.create("王站长", "站长密码123", Role.HEAD)
        encryption.enable(store, "王站长", "站长密码123")
    data = generate(STATION.code, village_of(STATION.name), households=households, seed=7,
                    today=TODAY)  # fmt: skip
    figures = {"load (s)": timed(lambda: load_demo(store.db, data, batch=2000))}
    people = [p for h in data.households for p in h.household.members]
    picks = [name_keys(p.name)[-1] for p in random.Random(0).sample(people, queries)]
    times = []
    for query in picks:
        started = time.perf_counter()
        store.register.search_households(query)
        times.append(time.perf_counter() - started)
    figures["search median (ms)"] = statistics.median(times) * 1000
    register = store.register
    figures["all rows (s)"] = timed(lambda: register.household_rows(register.search_households("")))

    def outbox() -> int:
        with store.db.session() as s:
            stmt = select(m.SyncChange).order_by(m.SyncChange.seq).execution_options(yield_per=2000)
            return sum(1 for _ in s.scalars(stmt))

    figures["outbox read (s)"] = timed(outbox)
    with store.db.session() as s:
        figures["changes"] = float(len(s.scalars(select(m.SyncChange.seq)).all()))
    store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-encryption-"))
    try:
        plain = run(root / "plain", args.households, args.queries, encrypted=False)
        cipher = run(root / "cipher", args.households, args.queries, encrypted=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{args.households} households, {int(plain['changes'])} outbox changes")
    print(f"{'':22}{'plain':>10}{'SQLCipher':>12}{'ratio':>8}")
    for name in ("load (s)", "search median (ms)", "all rows (s)", "outbox read (s)"):
        ratio = cipher[name] / plain[name] if plain[name] else float("nan")
        print(f"{name:22}{plain[name]:>10.3f}{cipher[name]:>12.3f}{ratio:>8.2f}")


if __name__ == "__main__":
    main()
