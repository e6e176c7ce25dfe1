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
from qunzhong_desktop.cli.progress import long_work
from qunzhong_desktop.core.errors import SetupError, ValidationError
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.demo.assistance import generate_assistance
from qunzhong_desktop.demo.diary import generate_diaries
from qunzhong_desktop.demo.diary_load import load_diaries
from qunzhong_desktop.demo.items import DEFAULT_ITEMS, generate_items, is_overdue
from qunzhong_desktop.demo.load import load_assistance, load_demo, load_items, taken
from qunzhong_desktop.demo.township import plan_township_steps
from qunzhong_desktop.demo.township_load import escalated_items, load_township_steps
from qunzhong_desktop.demo.village import DEFAULT_HOUSEHOLDS, DEFAULT_SEED, generate, village_of
from qunzhong_desktop.demo.voice import load_station_voice, load_township_voice
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store

MAX_HOUSEHOLDS = 100_000
MAX_ITEMS = 200_000


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``demo``."""
    demo = commands.add_parser(
        "demo",
        help="生成演示数据（工作站：户籍、事项、日记；乡镇：对已导入上报事项的交办和办结）",
        description="为已设置的工作站生成一批虚构但合理的演示数据；同一种子生成同样的数据。"
        "在乡镇运行时，为已导入的上报事项生成乡镇的交办、办结等办理记录。",
        parents=[home],
    )
    demo.add_argument(
        "--households",
        type=int,
        default=None,
        metavar="N",
        help=f"户数（默认 {DEFAULT_HOUSEHOLDS}；仅工作站）",
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
        default=None,
        metavar="N",
        help=f"受理事项件数（默认 {DEFAULT_ITEMS}，0 表示不生成；仅工作站）",
    )
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    """Generate and load the demo village (at a township: its steps on imported items)."""
    defaults_only = args.households is None and args.items is None
    args.households = DEFAULT_HOUSEHOLDS if args.households is None else args.households
    args.items = DEFAULT_ITEMS if args.items is None else args.items
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
        if node_role(store.db) == "township":
            if not defaults_only:
                raise ValidationError(
                    "乡镇不生成户籍和受理事项（它们来自各工作站的数据包），"
                    "请去掉 --households 和 --items。",
                    code="demo.township_options",
                )
            return _township_demo(store, args.seed)
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
        with long_work("正在写入演示住户……", cancellable=False) as (progress, _cancel):
            summary = load_demo(store.db, data, progress=progress)
        today = dt.date.today()
        items = generate_items(
            data,
            count=args.items,
            seed=args.seed,
            today=today,
            calendar=store.calendar.calendar(),
            operator=station.operator,
        )
        with long_work("正在写入演示事项……", cancellable=False) as (progress, _cancel):
            load_items(store.db, items, data, progress=progress)
        helped = load_assistance(
            store.db, generate_assistance(data, seed=args.seed, today=today), data
        )
        diaries = load_diaries(
            store.db,
            generate_diaries(data, seed=args.seed, today=today, calendar=store.calendar.calendar()),
            data,
        )
        voice = load_station_voice(store, seed=args.seed, today=today)
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
        if voice.meetings or voice.rounds:
            print(
                f"民意测评 {voice.rounds} 次，民情会议 {voice.meetings} 次，"
                f"民情信息 {voice.infos} 条，信访标记 {voice.petitions} 件。"
            )
        if existing:
            print(f"原有 {existing} 户保留不动，演示户号从 {first_number} 开始。")
        return 0
    finally:
        store.close()


def _township_demo(store: Store, seed: int) -> int:
    """The township's duty roster, and its steps on the escalated items it has imported."""
    duty = load_township_voice(store, today=dt.date.today())
    print(f"信访值周：排班 {duty.duty_days} 个工作日，接访登记 {duty.receptions} 条。")
    waiting = escalated_items(store.items)
    if not waiting:
        print("没有待乡镇办理的上报事项：请先导入各工作站的数据包（它们的演示数据中有上报事项）。")
        return 0
    steps = plan_township_steps(
        waiting, units=store.items.units(), seed=seed, calendar=store.calendar.calendar()
    )
    final = load_township_steps(store.items, steps)
    spread = "、".join(f"{STATE_NAMES[st]} {final[st]}" for st in State if final[st])
    left = len(waiting) - sum(final.values())
    print(
        f"已为 {len(waiting)} 件上报事项生成乡镇办理记录 {len(steps)} 条"
        f"（{spread or '无'}；仍待办理 {left} 件，种子 {seed}）。"
        "生成交办包后，各工作站导入即可看到。"
    )
    return 0
