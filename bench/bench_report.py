"""Monthly report benchmark: a month with 10 000 intake items; figures, PDF and workbook.

    .venv/bin/python bench/bench_report.py [--items 10000] [--runs 3] [--cache DIR] [--keep DIR]

Builds a station with the demo generator (1 000 households; ``--items`` items whose histories
fall mostly within November 2026, loaded through ORM bulk inserts like bench_items.py) plus a
month of resident diaries for every cadre, then times against the target of the report issue
(≤ 5 s in all): ``monthly_report(month)`` (gathering + computing), the PDF and the .xlsx.
With ``--keep DIR`` the PDF and the workbook are left in DIR to look at.
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
from typing import Any

from sqlalchemy import insert, select

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.monthly.report import Month, MonthlyReport
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_demo, load_items
from qunzhong_desktop.demo.village import generate, village_of
from qunzhong_desktop.home import database_path
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.reports.monthly_pdf import render_monthly_pdf
from qunzhong_desktop.reports.monthly_xlsx import write_monthly_xlsx
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.report_repo import SqlReports
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import open_store

STATION = StationProfile(
    code="430121101201", name="白沙村群众工作站", township_code="430121101", township_name="白沙镇"
)
MONTH = Month(2026, 11)
TODAY = dt.date(2026, 11, 30)
SEED = 42
KINDS = ("入户走访", "集中工作日", "民情恳谈会", "电话回访")


def build(home: Path, count: int) -> None:
    store = open_store(home)
    try:
        init_station(store.db, STATION)
        village = generate(
            STATION.code, village_of(STATION.name), households=1000, seed=SEED, today=TODAY
        )
        load_demo(store.db, village)
        started = time.perf_counter()
        items = generate_items(
            village,
            count=count,
            seed=SEED,
            today=TODAY,
            township_steps=True,  # one store stands for both tiers
            calendar=store.calendar.calendar(),
            operator="李秀英",
            span_days=30,
        )
        in_month = sum(MONTH.contains(i.received_at) for i in items)
        print(f"generated {len(items)} items ({in_month} received in {MONTH}) ", end="")
        load_items(store.db, items, village, batch=10_000)
        print(f"and loaded them in {time.perf_counter() - started:.1f} s")
        diaries(store.db)
        with store.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        store.close()


def diaries(db: Any) -> None:
    """A diary for each cadre on 6–16 days of the month, a few of them on duty."""
    rng = random.Random(SEED)
    days = [MONTH.first + dt.timedelta(days=n) for n in range(MONTH.last.day)]
    rows: list[dict[str, Any]] = []
    with db.session() as s:
        for cadre_id in s.scalars(select(m.Cadre.id)):
            chosen = sorted(rng.sample(days, rng.randint(6, 16)))
            duty = set(rng.sample(chosen, rng.randint(0, 3)))
            rows += [
                {
                    "id": new_id(),
                    "cadre_id": cadre_id,
                    "day": day,
                    "kind": "坐班接待" if day in duty else rng.choice(KINDS),
                    "text": "入户了解生产生活情况",
                }
                for day in chosen
            ]
        s.execute(insert(m.DiaryEntry), rows)
    print(f"diaries: {len(rows)} entries")


def show(report: MonthlyReport) -> None:
    r = report
    print(f"\n{r.station_name} {r.month.title}")
    print(
        f"  received {r.received}  resolved {r.resolved}  in progress {r.in_progress}"
        f"  overdue {r.overdue}  escalations {r.escalations}"
    )
    print(
        f"  first-time {r.first_time.text}  on-time {r.on_time.text}"
        f"  satisfaction {r.satisfaction.text}"
    )
    print("  by channel " + ", ".join(f"{k} {v}" for k, v in r.by_channel))
    print("  units " + ", ".join(f"{u.unit} {u.score_text}" for u in r.units))
    print(f"  cadres {len(r.cadres)}, short of the rules: {len(r.shortfalls)}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep and reuse the built database here")
    parser.add_argument("--keep", type=Path, help="leave the PDF and the workbook here")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="qunzhong-bench-report-"))
    try:
        home = temp / "home"
        home.mkdir()
        cached = args.cache / f"bench-report-{args.items}.sqlite3" if args.cache else None
        if cached is not None and cached.exists():
            shutil.copy(cached, database_path(home))
            print(f"using cached {cached}")
        else:
            build(home, args.items)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                store = open_store(home)
                with store.db.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                store.close()
                shutil.copy(database_path(home), cached)
        out = args.keep or temp
        out.mkdir(parents=True, exist_ok=True)
        store = open_store(home)
        font = find_cjk_font()
        try:
            reports = SqlReports(store.db)
            totals: list[float] = []
            for run in range(args.runs):
                t0 = time.perf_counter()
                report = reports.monthly_report(MONTH)
                t1 = time.perf_counter()
                render_monthly_pdf(report, out / "monthly.pdf", font=font)
                t2 = time.perf_counter()
                write_monthly_xlsx(report, out / "monthly.xlsx")
                t3 = time.perf_counter()
                totals.append(t3 - t0)
                print(
                    f"run {run + 1}: monthly_report {t1 - t0:5.2f} s  pdf {t2 - t1:5.2f} s"
                    f"  xlsx {t3 - t2:5.2f} s  total {t3 - t0:5.2f} s"
                )
            print(f"median total {statistics.median(totals):.2f} s (target ≤ 5 s)")
            show(report)
            if args.keep:
                print(f"\nfiles in {args.keep.resolve()}")
        finally:
            store.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
