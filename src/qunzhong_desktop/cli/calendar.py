"""``qunzhong calendar``: deadlines in working days, and loading a year's holiday schedule."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.calendar_file import Schedule, read_schedule
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.workcalendar import bundled_years

MAX_DAYS = 366


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``calendar`` with ``deadline``, ``import`` and ``status``."""
    calendar = commands.add_parser(
        "calendar",
        help="工作日历：按工作日计算期限，导入节假日安排",
        description="法定节假日休息、调休上班日上班。内置数据之外的年份需导入节假日安排。",
        parents=[home],
    )
    actions = calendar.add_subparsers(dest="action", required=True, metavar="ACTION")
    deadline = actions.add_parser(
        "deadline", help="某日之后第 N 个工作日的日期（当天不计）", parents=[home]
    )
    deadline.add_argument("date", metavar="DATE", help="起算日期，例如 2026-09-30")
    deadline.add_argument("days", metavar="N", help="工作日数，例如 5")
    deadline.set_defaults(handler=run_deadline)
    load = actions.add_parser(
        "import",
        help="导入一年的节假日安排（文本文件，格式见 README）",
        parents=[home],
    )
    load.add_argument("file", metavar="FILE", type=Path, help="节假日安排文本文件（UTF-8）")
    load.set_defaults(handler=run_import)
    status = actions.add_parser("status", help="显示哪些年份的节假日安排已知", parents=[home])
    status.set_defaults(handler=run_status)


def today() -> dt.date:
    """Today (a function, so tests can fix it)."""
    return dt.date.today()


def _parse_args(date_text: str, days_text: str) -> tuple[dt.date, int]:
    try:
        start = dt.date.fromisoformat(date_text.strip())
    except ValueError:
        raise ValidationError(
            f"日期“{date_text}”不正确，请写成 2026-09-30 这样的格式。", code="calendar.date"
        ) from None
    text = days_text.strip()
    if not text.isascii() or not text.isdigit() or int(text) > MAX_DAYS:
        raise ValidationError(
            f"工作日数“{days_text}”不正确，请写 0 到 {MAX_DAYS} 之间的整数。", code="calendar.days"
        )
    return start, int(text)


def run_deadline(args: argparse.Namespace) -> int:
    """Print the date N working days after DATE; warn on stderr about unknown years."""
    start, days = _parse_args(args.date, args.days)
    store = store_of(args, require_setup=False)
    try:
        calendar = store.calendar.calendar()
    finally:
        store.close()
    end = calendar.add_workdays(start, days)
    span = [dt.date(year, 1, 1) for year in range(start.year, end.year + 1)]
    unknown = calendar.unknown_years(*span)
    if unknown:
        years = "、".join(str(y) for y in unknown)
        print(
            f"警告：{years} 年节假日安排未导入，期限暂按周末计算"
            "（用 qunzhong calendar import FILE 导入）。",
            file=sys.stderr,
        )
    print(end.isoformat())
    return 0


def describe(schedule: Schedule) -> list[str]:
    """One line per year: how many holidays and make-up workdays were loaded."""
    return [
        f"{year} 年：休息日 {len(schedule.holidays(year))} 天，"
        f"调休上班日 {len(schedule.makeup_days(year))} 天"
        for year in schedule.years
    ]


def run_import(args: argparse.Namespace) -> int:
    """Load a schedule file; a bad file changes nothing."""
    schedule = read_schedule(args.file)
    with store_of(args) as store:
        store.calendar.import_schedule(schedule)
    print(f"已导入节假日安排（{schedule.source}）：")
    for line in describe(schedule):
        print(f"  {line}")
    bundled = bundled_years()
    for year in schedule.years:
        if year in bundled:
            print(f"  注意：{year} 年原有内置安排，今后按导入的安排计算。")
    return 0


def run_status(args: argparse.Namespace) -> int:
    """Which years are known; warn about this year and the next."""
    store = store_of(args, require_setup=False)
    try:
        sources = store.calendar.sources()
        calendar = store.calendar.calendar()
    finally:
        store.close()
    bundled = bundled_years()
    print(f"内置节假日安排：{bundled[0]}—{bundled[-1]} 年（chinese-calendar 软件包）")
    if sources:
        loaded = "；".join(f"{y} 年（{s}）" if s else f"{y} 年" for y, s in sources.items())
        print(f"已导入：{loaded}")
    else:
        print("已导入：无")
    now = today()
    if not calendar.knows(now.year):
        print(
            f"警告：{now.year} 年节假日安排未导入，期限暂按周末计算。"
            "请用 qunzhong calendar import FILE 导入。",
            file=sys.stderr,
        )
    if not calendar.knows(now.year + 1):
        print(
            f"提示：{now.year + 1} 年节假日安排尚未导入，国务院办公厅通知发布后请及时导入。",
            file=sys.stderr,
        )
    return 0
