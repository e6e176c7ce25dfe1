"""Item-ledger export benchmark: 100,000 items to .xlsx against plain openpyxl, same run.

    .venv/bin/python bench/bench_ledger.py [--items 100000] [--small 20000] [--cache DIR]

Builds a station like ``bench_items.py`` (3 000 demo households, items with histories over
three years, bulk-loaded with the change capture; ``--cache DIR`` keeps and reuses it), then
runs each measurement in a fresh subprocess, so its peak memory (``VmHWM``) is its own:

(a) plain openpyxl write-only mode writing the same rows (a list of tuples prepared before
    the clock starts, with the same named styles, cells, widths and row heights), no database;
(b) the item ledger export: ``reports.ledger_export.export_ledger`` streaming from SQLite;
(c) the same export of the first ``--small`` rows, to show the peak memory does not grow
    with the ledger.

Target: (b) / (a) ≤ 1.3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.ledger import ITEM_COLUMNS, LedgerFilter
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_demo, load_items
from qunzhong_desktop.demo.village import generate, village_of
from qunzhong_desktop.home import database_path
from qunzhong_desktop.reports.ledger_export import export_ledger
from qunzhong_desktop.reports.ledger_xlsx import (
    HEADER_STYLE,
    LINE_PT,
    MAX_ROW_PT,
    PLAIN_STYLE,
    TITLE_STYLE,
    WRAP_STYLE,
    named_styles,
    row_lines,
)
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.ledger_repo import SqlLedger
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import open_store

STATION = StationProfile(
    code="430121101201", name="白沙村群众工作站", township_code="430121101", township_name="白沙镇"
)
TODAY = dt.date(2026, 6, 1)
SEED = 42


def build(home: Path, count: int) -> None:
    store = open_store(home)
    try:
        init_station(store.db, STATION)
        village = generate(
            STATION.code, village_of(STATION.name), households=3000, seed=SEED, today=TODAY
        )
        load_demo(store.db, village)
        items = generate_items(
            village, count=count, seed=SEED, today=TODAY, calendar=store.calendar.calendar(),
            operator="李秀英", span_days=1100,
            township_steps=True,  # one store stands for both tiers
        )  # fmt: skip
        load_items(store.db, items, village, batch=10_000)
        with store.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        store.close()


def _filter(home: Path, rows: int | None) -> LedgerFilter:
    if rows is None:
        return LedgerFilter()
    store = open_store(home)
    try:
        with store.db.session() as s:
            stmt = select(m.IntakeItem.received_at).order_by(m.IntakeItem.received_at)
            last = s.scalar(stmt.offset(rows - 1).limit(1))
        assert last is not None
        return LedgerFilter(date_to=last.date())
    finally:
        store.close()


def plain_openpyxl(home: Path, out: Path) -> dict[str, float]:
    store = open_store(home)
    wrapped = [(i, max(c.width - 1.0, 1.0)) for i, c in enumerate(ITEM_COLUMNS) if c.wrap]
    rows = [
        (row_lines(r, wrapped), r) for r in SqlLedger(store.db).stream(LedgerFilter(), today=TODAY)
    ]
    store.close()
    started = time.perf_counter()
    wb = Workbook(write_only=True)
    for style in named_styles():
        wb.add_named_style(style)
    ws = wb.create_sheet("民情台账")
    for index, column in enumerate(ITEM_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "1:2"
    ws.merged_cells.add(f"A1:{get_column_letter(len(ITEM_COLUMNS))}1")
    title = WriteOnlyCell(ws, "白沙村群众工作站民情台账（全部）")
    title.style = TITLE_STYLE
    ws.append([title])
    header = []
    for column in ITEM_COLUMNS:
        cell = WriteOnlyCell(ws, column.header)
        cell.style = HEADER_STYLE
        header.append(cell)
    ws.append(header)
    styles = [WRAP_STYLE if c.wrap else PLAIN_STYLE for c in ITEM_COLUMNS]
    dims = ws.row_dimensions
    for number, (lines, row) in enumerate(rows, start=3):
        cells = []
        for value, style in zip(row, styles, strict=True):
            cell = WriteOnlyCell(ws, value)
            cell.style = style
            cells.append(cell)
        if lines > 1:
            dims[number].height = min(lines * LINE_PT + 3, MAX_ROW_PT)
        ws.append(cells)
        if lines > 1:
            del dims[number]
    wb.save(out)
    return {"seconds": time.perf_counter() - started, "rows": len(rows)}


def ledger_export(home: Path, out: Path, rows: int | None) -> dict[str, float]:
    f = _filter(home, rows)
    store = open_store(home)
    try:
        started = time.perf_counter()
        result = export_ledger(store, f, out, today=TODAY)
        return {"seconds": time.perf_counter() - started, "rows": result.rows}
    finally:
        store.close()


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(kind: str, home: Path, out: Path, rows: int | None) -> None:
    figures = plain_openpyxl(home, out) if kind == "plain" else ledger_export(home, out, rows)
    figures["peak_mb"] = peak_rss_mb()
    print(json.dumps(figures))


def run_child(kind: str, home: Path, out: Path, rows: int | None = None) -> dict[str, float]:
    argv = [sys.executable, __file__, "--child", kind, "--home", str(home), "--out", str(out)]
    if rows is not None:
        argv += ["--rows", str(rows)]
    done = subprocess.run(argv, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--child")
    parser.add_argument("--home", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.home, args.out, args.rows)
        return
    work = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    home = args.cache or work / "home"
    if not database_path(home).exists():
        home.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(home, args.items)
        print(f"built {args.items} items in {time.perf_counter() - started:.0f} s ({home})")
    plain = run_child("plain", home, work / "plain.xlsx")
    full = run_child("export", home, work / "ledger.xlsx")
    small = run_child("export", home, work / "small.xlsx", args.small)
    print(
        f"(a) plain openpyxl write-only, {plain['rows']:.0f} rows, no database: "
        f"{plain['seconds']:.1f} s, peak RSS {plain['peak_mb']:.0f} MB (rows held in a list)"
    )
    print(
        f"(b) item ledger export from SQLite, {full['rows']:.0f} rows: "
        f"{full['seconds']:.1f} s, peak RSS {full['peak_mb']:.0f} MB"
    )
    print(
        f"(c) item ledger export from SQLite, {small['rows']:.0f} rows: "
        f"{small['seconds']:.1f} s, peak RSS {small['peak_mb']:.0f} MB"
    )
    ratio = full["seconds"] / plain["seconds"]
    print(f"ratio (b)/(a) = {ratio:.2f} (target ≤ 1.3): {'OK' if ratio <= 1.3 else 'OVER'}")
    print(
        f"peak RSS (b)/(c) = {full['peak_mb'] / small['peak_mb']:.2f} "
        f"for {full['rows'] / small['rows']:.1f}× the rows (flat ≈ 1)"
    )


if __name__ == "__main__":
    main()
