"""``qunzhong init station``: set up this PC as a village station."""

from __future__ import annotations

import argparse
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.storage.setup import init_station


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``init`` and its ``station`` sub-command."""
    init = commands.add_parser("init", help="初始化本机", parents=[home])
    kinds = init.add_subparsers(dest="kind", required=True, metavar="KIND")
    station = kinds.add_parser("station", help="设置为村（社区）群众工作站", parents=[home])
    station.add_argument("--code", required=True, help="12 位统计用区划代码")
    station.add_argument("--name", required=True, help="工作站名称")
    station.add_argument("--township-code", required=True, help="9 位乡镇代码")
    station.add_argument("--township-name", required=True, help="乡镇名称")
    station.add_argument("--address", default="")
    station.add_argument("--phone", default="", help="工作站电话")
    station.add_argument(
        "--hours",
        default=StationProfile.__dataclass_fields__["opening_hours"].default,
        help="办公时间",
    )
    station.add_argument("--supervision-phone", default="", help="监督电话")
    station.add_argument("--township-phone", default="", help="乡镇群众工作办电话")
    station.add_argument("--operator", default="", help="操作员姓名")
    station.set_defaults(handler=run_init_station)


def run_init_station(args: argparse.Namespace) -> int:
    """Create the station profile."""
    store = store_of(args, require_setup=False)
    try:
        profile = StationProfile(
            code=args.code,
            name=args.name,
            township_code=args.township_code,
            township_name=args.township_name,
            address=args.address,
            phone=args.phone,
            opening_hours=args.hours,
            supervision_phone=args.supervision_phone,
            township_phone=args.township_phone,
            operator=args.operator,
        )
        init_station(store.db, profile)
        print(f"已设置工作站：{profile.name}（{profile.code}），数据目录 {store.home}")
        return 0
    finally:
        store.close()
