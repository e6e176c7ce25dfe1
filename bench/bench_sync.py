"""Sync benchmark: export of a station-year, import of 30 stations at the township.

    .venv/bin/python bench/bench_sync.py [--stations 30] [--households 1100] [--items 700]

Builds the stations with the demo generator (households, residents, items with their
histories, diary entries), each about 10,000 changes in its outbox, enrolls them with a
township, then measures against the sync issue's targets:

* export of one station's bundle (≤ 1 s for 10,000 changes), each station, median and max;
* import of every station's bundle at the township (≤ 30 s for 30 × 10,000), one
  transaction per bundle, all checks on;
* the same rows written with plain ``sqlite3`` ``executemany`` into the same tables of a
  fresh township database (one transaction per bundle), for the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.network import make_station, make_township  # noqa: E402

from qunzhong_desktop.demo.items import generate_items  # noqa: E402
from qunzhong_desktop.demo.load import load_demo, load_items  # noqa: E402
from qunzhong_desktop.demo.village import generate, village_of  # noqa: E402
from qunzhong_desktop.home import database_path  # noqa: E402
from qunzhong_desktop.storage import migrate  # noqa: E402
from qunzhong_desktop.storage import models as m  # noqa: E402
from qunzhong_desktop.sync import schema  # noqa: E402
from qunzhong_desktop.sync.bundle_read import read_bundle  # noqa: E402
from qunzhong_desktop.sync.peers import trusted_keys  # noqa: E402


def build(work: Path, stations: int, households: int, items: int) -> tuple[Any, list[Any]]:
    template = work / "template"
    template.mkdir()
    migrate.upgrade(database_path(template))
    township = make_township(template, work / "township")
    nodes = []
    for index in range(1, stations + 1):
        node = make_station(template, work / f"s{index}", township, index)
        data = generate(node.code, village_of(node.name), households=households, seed=index)
        load_demo(node.store.db, data)
        demo_items = generate_items(
            data, count=items, seed=index, today=dt.date(2026, 11, 20),
            calendar=node.store.calendar.calendar(), operator="站务员",
        )  # fmt: skip
        load_items(node.store.db, demo_items, data)
        nodes.append(node)
    return township, nodes


def outbox_size(node: Any) -> int:
    with node.store.db.session() as s:
        return s.query(m.SyncChange).count()


def plain_executemany(template: Path, bundles: list[Path], township: Any) -> float:
    """The same rows, straight into the same tables with sqlite3 executemany."""
    target = Path(tempfile.mkdtemp()) / "plain.sqlite3"
    shutil.copy(database_path(template), target)
    with township.store.db.session() as s:
        trusted = trusted_keys(s)
        node_id = s.query(m.LocalNode).one().node_id
    batches = []
    for path in bundles:  # decrypt and read outside the clock
        with read_bundle(path, node_id=node_id, keys=township.keys, trusted_keys=trusted) as b:
            batches.append(list(b.changes()))
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    started = time.perf_counter()
    for changes in batches:
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in changes:
            if c["op"] == "insert":
                row = dict(c["fields"], id=c["row_id"])
                if c["table_name"] == "person":
                    row["search_text"] = ""
                rows[c["table_name"]].append(row)
        with conn:
            for table, values in rows.items():
                cols = list(values[0])
                values.sort(key=lambda v: list(v) != cols)  # same keys, one statement
                sql = f'INSERT OR REPLACE INTO "{table}" ({",".join(cols)}, created_at, updated_at) VALUES ({",".join("?" * len(cols))}, ?, ?)'
                now = dt.datetime.now().isoformat(" ")
                conn.executemany(
                    sql,
                    [[_sql(v.get(k)) for k in cols] + [now, now] for v in values],
                )
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def save_cache(cache: Path, township: Any, bundles: list[Path], template: Path) -> None:
    """Keep the bundles, the township's database (before import) and its keys."""
    (cache / "bundles").mkdir(parents=True, exist_ok=True)
    for path in bundles:
        shutil.copy(path, cache / "bundles" / path.name)
    (cache / "township").mkdir(exist_ok=True)
    for source, target in (
        (database_path(township.home), database_path(cache / "township")),
        (database_path(template), cache / "template.sqlite3"),
    ):  # the backup API: a WAL database's file alone may miss committed pages
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
    township.keys.save(cache / "township", "bench-pass")


def import_only(cache: Path) -> None:
    """Time the import again from a cache written by an earlier run."""
    from qunzhong_desktop.storage.database import Database
    from qunzhong_desktop.storage.store import Store
    from qunzhong_desktop.sync.keys import NodeKeys
    from qunzhong_desktop.sync.service import SyncService

    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    shutil.copy(database_path(cache / "township"), database_path(work))
    store = Store(home=work, db=Database(database_path(work)))
    keys = NodeKeys.load(cache / "township", "bench-pass")
    sync = SyncService(store.db, work)
    bundles = sorted((cache / "bundles").glob("*.qzb"))
    t0 = time.perf_counter()
    reports = [sync.import_bundle(p, keys) for p in bundles]
    imported = time.perf_counter() - t0
    applied = sum(r.applied for r in reports)
    print(f"import of {len(bundles)} bundles ({applied} changes applied, "
          f"{sum(r.flagged for r in reports)} flagged): {imported:.1f} s, "
          f"{applied / imported:.0f} changes/s  (target ≤ 30 s)")  # fmt: skip

    class _Township:
        pass

    township = _Township()
    township.store, township.keys = store, keys  # type: ignore[attr-defined]
    template = work / "template"
    template.mkdir()
    shutil.copy(cache / "template.sqlite3", database_path(template))
    plain = plain_executemany(template, bundles, township)
    print(f"plain sqlite3 executemany of the same inserts: {plain:.1f} s; "
          f"import / plain = {imported / plain:.1f}×")  # fmt: skip
    store.close()
    shutil.rmtree(work, ignore_errors=True)


def _sql(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--households", type=int, default=1100)
    parser.add_argument("--items", type=int, default=800)
    parser.add_argument(
        "--cache", type=Path, help="keep the exported bundles and the township here and reuse them"
    )
    args = parser.parse_args()
    if args.cache and (args.cache / "bundles").is_dir():
        return import_only(args.cache)
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    started = time.perf_counter()
    township, nodes = build(work, args.stations, args.households, args.items)
    sizes = [outbox_size(n) for n in nodes]
    print(f"built {len(nodes)} stations in {time.perf_counter() - started:.1f} s; "
          f"outbox per station: median {statistics.median(sizes):.0f}, "
          f"min {min(sizes)}, max {max(sizes)}, total {sum(sizes)}")  # fmt: skip
    print(f"tables carried: {', '.join(sorted(schema.table_names('station')))}")

    export_times, bundles = [], []
    for node in nodes:
        t0 = time.perf_counter()
        bundles.append(node.export(work / "usb")[0])
        export_times.append(time.perf_counter() - t0)
    print(f"export, one station-year each: median {statistics.median(export_times):.3f} s, "
          f"max {max(export_times):.3f} s; bundle size median "
          f"{statistics.median(p.stat().st_size for p in bundles) / 1e6:.2f} MB  (target ≤ 1 s)")  # fmt: skip
    if args.cache:
        save_cache(args.cache, township, bundles, work / "template")

    t0 = time.perf_counter()
    reports = [township.sync.import_bundle(p, township.keys) for p in bundles]
    imported = time.perf_counter() - t0
    applied = sum(r.applied for r in reports)
    assert all(r.status == "applied" for r in reports), [r.message for r in reports]
    print(f"import of {len(bundles)} bundles ({applied} changes applied, "
          f"{sum(r.flagged for r in reports)} flagged): {imported:.1f} s, "
          f"{applied / imported:.0f} changes/s  (target ≤ 30 s)")  # fmt: skip

    plain = plain_executemany(work / "template", bundles, township)
    print(f"plain sqlite3 executemany of the same inserts: {plain:.1f} s; "
          f"import / plain = {imported / plain:.1f}×")  # fmt: skip
    for node in (township, *nodes):
        node.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
