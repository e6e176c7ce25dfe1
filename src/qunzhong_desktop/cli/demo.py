"""``qunzhong demo``: fill a station with a reproducible village and its intake items.

The station must be set up first (its code gives the county of the ID numbers, its name the
village of the addresses). If the register already holds households, the demo households
are *added*: numbered after the largest all-digit household number, with ID numbers that
are not taken, in the grids and with the cadres of the same names when they exist. Every
row goes through the change capture, like typed data. Then ``--items`` intake items (受理事项)
from those households, in every state and with histories, some past their promised date;
their numbers continue the station's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import Counter
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.demo import DEFAULT_HOUSEHOLDS, DEFAULT_SEED, generate, village_of
from qunzhong_desktop.core.demo_assistance import generate_assistance
from qunzhong_desktop.core.demo_diary import generate_diaries
from qunzhong_desktop.core.demo_items import DEFAULT_ITEMS, generate_items, is_overdue
from qunzhong_desktop.core.errors import SetupError, ValidationError
from qunzhong_desktop.core.intake_states import STATE_NAMES, State
from qunzhong_desktop.storage.demo_diary_load import load_diaries
from qunzhong_desktop.storage.demo_load import load_assistance, load_demo, load_items, taken

MAX_HOUSEHOLDS = 100_000
MAX_ITEMS = 200_000


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``demo``."""
    demo = commands.add_parser(
        "demo",
        help="生成演示数据（户、居民、网格、干部、帮扶标签）",
        description="为已设置的工作站生成一批虚构但合理的演示数据；同一种子生成同样的数据。",
        parents=[home],
    )
    demo.add_argument(
        "--households",
        type=int,
        default=DEFAULT_HOUSEHOLDS,
        metavar="N",
        help=f"户数（默认 {DEFAULT_HOUSEHOLDS}）",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"随机种子（默认 {DEFAULT_SEED}，便于重现）",
    )
    demo.add_argument(
        "--items",
        type=int,
        default=DEFAULT_ITEMS,
        metavar="N",
        help=f"受理事项件数（默认 {DEFAULT_ITEMS}，0 表示不生成）",
    )
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Generate and load the demo village."""
    if not 1 <= args.households <= MAX_HOUSEHOLDS:
        raise ValidationError(
            f"户数应在 1 到 {MAX_HOUSEHOLDS} 之间，现在是 {args.households}。",
            code="demo.households",
        )
    if not 0 <= args.items <= MAX_ITEMS:
        raise ValidationError(
            f"受理事项件数应在 0 到 {MAX_ITEMS} 之间，现在是 {args.items}。", code="demo.items"
        )
    try:
        store = store_of(args)
    except SetupError as exc:
        raise SetupError(
            "本机还没有设置工作站，不能生成演示数据。请先运行 "
            "`qunzhong init station --code … --name … --township-code … --township-name …`"
            "，或启动桌面程序完成设置向导。",
            code=exc.code,
        ) from exc
    try:
        station = store.register.station()
        if station is None:  # set up but the profile was tombstoned
            raise SetupError("找不到工作站资料，请先完成设置向导。", code="setup.missing")
        existing = store.register.count_households()
        first_number, used_ids = taken(store.db)
        started = time.perf_counter()
        data = generate(
            station.code,
            village_of(station.name),
            households=args.households,
            seed=args.seed,
            first_number=first_number,
            avoid_ids=used_ids,
        )
        summary = load_demo(store.db, data)
        today = dt.date.today()
        items = generate_items(
            data,
            count=args.items,
            seed=args.seed,
            today=today,
            calendar=store.calendar.calendar(),
            operator=station.operator,
        )
        load_items(store.db, items, data)
        helped = load_assistance(
            store.db, generate_assistance(data, seed=args.seed, today=today), data
        )
        diaries = load_diaries(
            store.db,
            generate_diaries(data, seed=args.seed, today=today, calendar=store.calendar.calendar()),
            data,
        )
        elapsed = time.perf_counter() - started
        added = "追加" if existing else "生成"
        print(
            f"已为{station.name}{added}演示数据：{summary.households} 户、{summary.persons} 人，"
            f"新建网格 {summary.grids} 个、干部 {summary.cadres} 名，结对 {summary.paired} 户"
            f"（种子 {args.seed}，用时 {elapsed:.1f} 秒）。"
        )
        if items:
            states = Counter(item.state for item in items)
            spread = "、".join(f"{STATE_NAMES[st]} {states[st]}" for st in State if states[st])
            overdue = sum(is_overdue(item, today) for item in items)
            print(f"受理事项 {len(items)} 件（{spread}；已超期 {overdue} 件）。")
        if helped:
            print(f"帮扶记录 {helped} 条（困难群众帮扶台账）。")
        if diaries.entries:
            print(
                f"民情日记 {diaries.entries} 篇（走访 {diaries.visits} 户次，"
                f"问题转受理 {diaries.items} 件）。"
            )
        if existing:
            print(f"原有 {existing} 户保留不动，演示户号从 {first_number} 开始。")
        return 0
    finally:
        store.close()
