"""Rosters that would exhaust a village PC: refused in bounded memory and time (issue 10).

    .venv/bin/python bench/bench_roster_limits.py [--rows 10000] [--cache DIR]

Each case runs in a fresh process, which prints its own peak memory (ru_maxrss):

* a 5 KB .xlsx bomb (one cell at XFD1048576) and a 35 MB .xlsx roster (800,000 rows),
  through the program's reader: refused, with the time and the peak;
* the same through plain python-calamine, capped at 2 GB and 60 s (the baseline: it aborts
  or runs out);
* a legal roster of ``--rows`` rows through the program's reader and through plain
  calamine, for the cost of the measuring pass (ratio).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = """
import json, resource, sys, time
from pathlib import Path
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.roster.reader import read_sheets
started = time.perf_counter()
try:
    rows = sum(len(s.rows) for s in read_sheets(Path(sys.argv[1])))
    outcome = f"read {rows} rows"
except DomainError as exc:
    outcome = "refused: " + exc.code
print(json.dumps([outcome, time.perf_counter() - started,
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""
PLAIN = """
import json, resource, sys, time
import python_calamine
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
started = time.perf_counter()
wb = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
rows = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)
print(json.dumps([f"read {rows} rows", time.perf_counter() - started,
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))
"""


def run(script: str, path: Path) -> str:
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            check=False, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "did not finish in 60 s"
    if done.returncode != 0:
        return f"crashed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1][:80]}"
    outcome, seconds, peak = json.loads(done.stdout)
    return f"{outcome} in {seconds:.2f} s, peak {peak:.0f} MB"


def roster(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["户号", "姓名", "与户主关系", "身份证号", "联系电话", "家庭住址", "网格"])
    for n in range(rows):
        ws.append([f"{n // 3:06d}", f"村民{n}", "户主" if n % 3 == 0 else "子女",
                   f"4301211960{n % 10000:04d}{n % 1000:03d}X", f"138{n:08d}",
                   f"白沙村{n % 9}组 {n} 号 {n * 7919 % 100003}", f"{n % 9}组"])  # fmt: skip
    wb.save(path)
    return path


def bomb(path: Path) -> Path:
    with (
        zipfile.ZipFile(roster(path.with_suffix(".small.xlsx"), 2)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                far = (
                    b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
                )
                data = data.replace(b"</sheetData>", far + b"</sheetData>")
            out.writestr(info, data)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    work = args.cache or Path(tempfile.mkdtemp(prefix="bench-roster-"))
    work.mkdir(parents=True, exist_ok=True)
    big = work / "roster-32mb.xlsx"
    if not big.exists():
        roster(big, 800_000)
    cases = [("a bomb: one cell at XFD1048576", bomb(work / "bomb.xlsx")), (f"{big.stat().st_size >> 20} MB roster", big),
             (f"{args.rows}-row roster", roster(work / "legal.xlsx", args.rows))]  # fmt: skip
    for label, path in cases:
        print(f"{label} ({path.stat().st_size:,} bytes)")
        print(f"  program: {run(PROGRAM, path)}")
        print(f"  plain calamine (2 GB cap): {run(PLAIN, path)}")


if __name__ == "__main__":
    main()
