"""``qunzhong init station`` / ``init township`` / ``init county``: set up this PC and create its keys.

The keys' passphrase comes from ``QUNZHONG_PASSPHRASE`` or is asked for in a terminal. A
station set up without either (a script without the variable) gets its keys later, when
``qunzhong enrollment`` first needs them; a township, or a station given ``--kit``, needs
the passphrase at once.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.sync import optional_passphrase, passphrase, settle_keys
from qunzhong_desktop.core import regions
from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.errors import SetupError
from qunzhong_desktop.home import database_path, resolve_home
from qunzhong_desktop.storage.server import point_at_server, server_url
from qunzhong_desktop.storage.setup import (
    check_profile,
    init_county,
    init_station,
    init_township,
    normalise_county_code,
)
from qunzhong_desktop.sync.service import SyncService

DB_HELP = (
    "数据库放在 PostgreSQL 服务器上（县里用；乡镇、工作站默认用本机文件），"
    "如 postgresql+psycopg://qunzhong:口令@127.0.0.1:5432/qunzhong"
)


def on_server(args: argparse.Namespace) -> None:
    """``--db URL``: record the server in the data folder before the store is opened.

    Raises:
        SetupError: the data folder already holds its own database file.
        ValidationError / StoreUnavailable: a wrong URL, or a server that cannot be reached.
    """
    if not getattr(args, "db", None):
        return
    home = resolve_home(args.home)
    if database_path(home).exists() and server_url(home) is None:
        raise SetupError(
            f"数据目录 {home} 已有本机数据库文件，不能再改用数据库服务器。"
            "请换一个空的数据目录（--home）。",
            code="setup.already",
        )
    point_at_server(home, args.db)


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``init`` and its ``station`` and ``township`` sub-commands."""
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
    station.add_argument(
        "--kit", type=Path, default=None, metavar="FILE", help="乡镇发来的乡镇工作包（.qzkit）"
    )
    station.add_argument("--db", default=None, metavar="URL", help=DB_HELP)
    station.set_defaults(handler=run_init_station)
    township = kinds.add_parser("township", help="设置为乡镇群众工作办", parents=[home])
    township.add_argument("--code", required=True, metavar="CODE9", help="9 位乡镇代码")
    township.add_argument("--name", required=True, help="名称，如 白沙镇群众工作办")
    township.add_argument("--phone", default="", metavar="P", help="电话")
    township.add_argument("--db", default=None, metavar="URL", help=DB_HELP)
    township.set_defaults(handler=run_init_township)
    county = kinds.add_parser("county", help="设置为县（市、区）群众工作部", parents=[home])
    county.add_argument("--code", required=True, metavar="CODE6", help="6 位县级区划代码")
    county.add_argument("--name", required=True, help="名称，如 长沙县群众工作部")
    county.add_argument("--db", default=None, metavar="URL", help=DB_HELP)
    county.set_defaults(handler=run_init_county)


def run_init_station(args: argparse.Namespace) -> int:
    """Create the station profile and the keys; take the township's kit if given.

    The kit is checked before anything is written: a kit of another township leaves the
    store as it was.
    """
    on_server(args)
    store = store_of(args, require_setup=False)
    try:
        sync = SyncService(store.db, store.home)
        profile = check_profile(
            StationProfile(
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
        )
        kit = None
        if args.kit is not None:
            kit = sync.read_station_kit(args.kit)
            if kit.township_code != profile.township_code:
                raise SetupError(
                    f"乡镇工作包来自{kit.township_name}（{kit.township_code}），"
                    f"与本站所属乡镇 {profile.township_code} 不符，没有进行设置。",
                    code="sync.other_township",
                )
        new_keys = not sync.has_keys()
        secret = passphrase(new=new_keys) if kit else optional_passphrase(new=new_keys)
        init_station(store.db, profile)
        print(f"已设置工作站：{profile.name}（{profile.code}），数据目录 {store.home}")
        if args.kit is not None:
            kit = sync.accept_station_kit(args.kit)
            print(
                f"已导入乡镇工作包：{kit.township_name}（{kit.township_code}），"
                f"乡镇密钥指纹 {kit.fingerprint}（请与工作包说明上的指纹核对）"
            )
        if secret is None:
            print(
                "尚未生成本机密钥：设置环境变量 QUNZHONG_PASSPHRASE 后运行 "
                "`qunzhong enrollment --out FILE` 时生成。"
            )
            return 0
        print(f"本机密钥指纹：{settle_keys(sync, secret)}")
        return 0
    finally:
        store.close()


def run_init_township(args: argparse.Namespace) -> int:
    """Make this PC the township office and create its keys."""
    on_server(args)
    store = store_of(args, require_setup=False)
    try:
        sync = SyncService(store.db, store.home)
        regions.normalise_township_code(args.code)  # a wrong code before the passphrase
        secret = passphrase(new=not sync.has_keys())
        code, name = init_township(store.db, args.code, args.name, args.phone)
        print(f"已设置乡镇群众工作办：{name}（{code}），数据目录 {store.home}")
        print(f"本机密钥指纹：{settle_keys(sync, secret)}")
        return 0
    finally:
        store.close()


def run_init_county(args: argparse.Namespace) -> int:
    """Make this PC the county's mass-work department and create its keys.

    ``--db URL`` puts its database on a PostgreSQL server (the data folder keeps the keys
    and the file naming the server).
    """
    on_server(args)
    store = store_of(args, require_setup=False)
    try:
        sync = SyncService(store.db, store.home)
        normalise_county_code(args.code)  # a wrong code before the passphrase
        secret = passphrase(new=not sync.has_keys())
        code, name = init_county(store.db, args.code, args.name)
        print(f"已设置县（市、区）群众工作部：{name}（{code}），数据目录 {store.home}")
        print(f"本机密钥指纹：{settle_keys(sync, secret)}")
        return 0
    finally:
        store.close()
