"""Benchmark: import a 10,000-row roster (about 3,000 households) into a fresh home.

Run: ``.venv/bin/python bench/bench_roster_import.py [ROWS]``. Uses temporary directories only.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from qunzhong_desktop.core.citizen_id import check_digit
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.roster.parse import load_roster
from qunzhong_desktop.home import resolve_home
from qunzhong_desktop.storage.roster_import import apply_roster
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import open_store

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "建国秀兰小明志强丽华海涛春梅金凤德胜玉英家豪子涵雨轩文静"
RELATIONS = ("配偶", "子女", "子女", "父母", "孙子女")


def build(path: Path, rows: int) -> int:
    rng = random.Random(7)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["白沙村花名册"])
    ws.append(["户号", "姓名", "与户主关系", "性别", "身份证号码", "出生日期", "联系电话",
               "家庭住址", "所属网格", "帮扶类型"])  # fmt: skip
    written = households = seq = 0
    while written < rows:
        households += 1
        size = min(rng.choice((2, 3, 3, 4)), rows - written)
        surname = rng.choice(SURNAMES)
        for member in range(size):
            seq += 1
            year = rng.randint(1940, 2015)
            first17 = (
                f"430121{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{seq % 1000:03d}"
            )
            name = surname + "".join(rng.sample(GIVEN, 2))
            ws.append([
                f"{households:04d}", name, "户主" if member == 0 else rng.choice(RELATIONS), "",
                first17 + check_digit(first17), "", f"1{rng.randint(3, 9)}{rng.randint(0, 10**9 - 1):09d}",
                f"白沙村{households % 12 + 1}组{households}号", f"第{households % 10 + 1}网格",
                "低保" if rng.random() < 0.05 else "",
            ])  # fmt: skip
            written += 1
    wb.save(path)
    return households


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.xlsx"
        households = build(path, rows)
        store = open_store(resolve_home(Path(tmp) / "home"))
        init_station(
            store.db,
            StationProfile(code="430121101201", name="白沙村群众工作站",
                           township_code="430121101", township_name="白沙镇"),
        )  # fmt: skip
        start = time.perf_counter()
        roster = load_roster(path)
        parsed = time.perf_counter()
        plan = apply_roster(store.db, roster)
        done = time.perf_counter()
        again = apply_roster(store.db, load_roster(path))
        reimport = time.perf_counter() - done
        store.close()
    summary = plan.summary()
    total = done - start
    print(f"rows {rows}, households {households}")
    print(f"created: households {summary['households']['created']}, "
          f"persons {summary['persons']['created']}; rejected {len(summary['rejected'])}")  # fmt: skip
    print(f"read+check {parsed - start:.2f} s, plan+write {done - parsed:.2f} s, "
          f"total {total:.2f} s, {rows / total:,.0f} rows/s")  # fmt: skip
    print(f"re-import (nothing to change): {reimport:.2f} s, "
          f"created {again.summary()['persons']['created']}")  # fmt: skip


if __name__ == "__main__":
    main()
