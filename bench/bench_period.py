"""Period report benchmark: the year report of a township of 30 stations × 10 000 items.

    .venv/bin/python bench/bench_period.py [--stations 30] [--items 10000] [--runs 3]
                                           [--cache DIR]

Builds a township store holding ``--stations`` stations' items (``--items`` each, histories
over about two years up to 30 November 2026, the township's assignments included), loaded
with the demo loader and renumbered per station as their bundles would number them. Then
times, against the target of issue 17 (≤ 3 s):

* the kept facts of every item filled once (migration 0013's cache; the first report after
  the upgrade pays it, later reports only for the items written since);
* ``period_report(2026, today=30 Nov 2026)`` at the township — the year, the year before
  (which is also the period before) and a row per station, units' tables and activity;
* the same for the second half-year (three periods to compute);
* a baseline with the plain library: ``sqlite3`` reading the item and event rows a replay of
  the periods needs (the span covering them), each event's JSON decoded, in the same run;
  the ratio of the report to it is printed (below 1: the report reads the kept facts);
* the year report again after 1,000 items changed (their facts refilled first).

With ``--cache DIR`` the built database is kept in DIR and reused by the next run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.monthly.period import half, year
from qunzhong_desktop.core.monthly.period_report import PeriodReport
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_items
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import open_store

TOWNSHIP = "430121101"
FIRST = StationProfile(
    code=f"{TOWNSHIP}201", name="第1村群众工作站", township_code=TOWNSHIP, township_name="白沙镇"
)
TODAY = dt.date(2026, 11, 30)
SEED = 17


def build(home: Path, stations: int, count: int) -> None:
    """Load every station's items into one store, then make it the township's."""
    store = open_store(home)
    try:
        init_station(store.db, FIRST)
        calendar = store.calendar.calendar()
        started = time.perf_counter()
        for index in range(1, stations + 1):
            code = f"{TOWNSHIP}{200 + index:03d}"
            village = generate(code, f"第{index}村", households=120, seed=SEED + index, today=TODAY)
            items = generate_items(
                village,
                count=count,
                seed=SEED + index,
                today=TODAY,
                calendar=calendar,
                span_days=700,
                township_steps=True,
            )
            load_items(store.db, items, None, batch=10_000)
            if index > 1:  # numbered as the station's bundles number them
                _renumber(database_path(home), index, code)
            print(
                f"\rstation {index}/{stations}: {index * count} items "
                f"({time.perf_counter() - started:.0f} s)",
                end="",
                flush=True,
            )
        print()
    finally:
        store.close()
    conn = sqlite3.connect(database_path(home))
    with conn:
        conn.execute("UPDATE local_node SET role = 'township'")
        conn.execute("ANALYZE")
    conn.close()


def _renumber(path: Path, index: int, code: str) -> None:
    """Plain SQL, as a tool: the rows the loader numbered for the first station move to
    ``code`` (the loader numbers by the store's station), and the station is known."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE intake_item SET number = ? || substr(number, ?) WHERE number LIKE ? || '-%'",
            (code, len(FIRST.code) + 1, FIRST.code),
        )
        conn.execute("DELETE FROM item_counter")
        columns = [row[1] for row in conn.execute("PRAGMA table_info(station)")]
        chosen = ", ".join(f":{c}" if c in ("id", "code", "name") else c for c in columns)
        conn.execute(
            f"INSERT INTO station ({', '.join(columns)}) SELECT {chosen} FROM station "
            "WHERE code = :first",
            {
                "id": f"bench-station-{index}",
                "code": code,
                "name": f"第{index}村群众工作站",
                "first": FIRST.code,
            },
        )
    conn.close()


def baseline(path: Path, first: dt.date, last: dt.date) -> tuple[float, int]:
    """The plain library: the same rows read with sqlite3, each event's JSON decoded."""
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    try:
        end = (last + dt.timedelta(days=1)).isoformat()
        ids = (
            "SELECT id FROM intake_item WHERE deleted_at IS NULL AND received_at < :end AND "
            "(state IN ('registered','in_progress','awaiting_documents','escalated',"
            "'assigned') OR id IN (SELECT item_id FROM item_event WHERE at >= :start))"
        )
        params = {"start": first.isoformat(), "end": end}
        events = 0
        for row in conn.execute(
            f"SELECT item_id, at, from_state, to_state, data FROM item_event "
            f"WHERE item_id IN ({ids}) AND deleted_at IS NULL ORDER BY item_id, position",
            params,
        ):
            json.loads(row[4]) if row[4] else None
            events += 1
        items = sum(
            1
            for _ in conn.execute(
                "SELECT id, number, received_at, channel, domain, grade, item_type, "
                f"promised_days, competent_unit, paired_unit FROM intake_item WHERE id IN ({ids})",
                params,
            )
        )
    finally:
        conn.close()
    return time.perf_counter() - started, items + events


def show(report: PeriodReport) -> None:
    f = report.current.items
    print(
        f"  {report.name} {report.title}: received {f.received}, resolved {f.resolved}, "
        f"open {f.in_progress}, overdue {f.overdue}; on time {f.on_time.text}"
    )
    rows = {c.key: c for c in report.comparisons}
    print(
        f"  received vs previous {rows['received'].previous.text}, "
        f"vs a year before {rows['received'].year_before.text}"
    )
    print(
        f"  stations {len(report.stations)}, units {len(report.units)} "
        f"(bottom: {', '.join(u.unit for u in report.units if u.bottom) or '-'})"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=30)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep and reuse the built database here")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="qunzhong-bench-period-"))
    try:
        home = temp / "home"
        home.mkdir()
        name = f"bench-period-{args.stations}x{args.items}.sqlite3"
        cached = args.cache / name if args.cache else None
        if cached is not None and cached.exists():
            shutil.copy(cached, database_path(home))
            print(f"using cached {cached}")
        else:
            build(home, args.stations, args.items)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                store = open_store(home)
                with store.db.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                store.close()
                shutil.copy(database_path(home), cached)
        store = open_store(home)
        try:
            t0 = time.perf_counter()
            filled = store.period_reports.refresh()
            print(
                f"kept facts filled for {filled} items in {time.perf_counter() - t0:.1f} s "
                "(once after the upgrade; afterwards only for items written since)"
            )
            for period in (year(2026), half(2026, 2)):
                times: list[float] = []
                plain: list[float] = []
                for run in range(args.runs):
                    t0 = time.perf_counter()
                    report = store.period_reports.period_report(period, today=TODAY)
                    times.append(time.perf_counter() - t0)
                    first = min(period.previous().first, period.year_before().first)
                    seconds, rows = baseline(database_path(home), first, period.last)
                    plain.append(seconds)
                    print(
                        f"{period.title} run {run + 1}: report {times[-1]:5.2f} s, "
                        f"sqlite3 baseline {seconds:5.2f} s ({rows} rows)"
                    )
                median, base = statistics.median(times), statistics.median(plain)
                print(
                    f"{period.title}: median {median:.2f} s (target ≤ 3 s), baseline "
                    f"{base:.2f} s, ratio {median / base:.1f}"
                )
                show(report)
            # a day's imports: 1,000 items moved, their kept facts dropped by the triggers
            conn = sqlite3.connect(database_path(home))
            with conn:
                conn.execute("DELETE FROM item_fact WHERE rowid % 300 = 0")
            conn.close()
            t0 = time.perf_counter()
            store.period_reports.period_report(year(2026), today=TODAY)
            print(
                f"after 1,000 items changed: the year report {time.perf_counter() - t0:.2f} s "
                "(their facts filled again first)"
            )
        finally:
            store.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
