"""``qunzhong cards``: print contact cards (便民服务联系卡) to a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.progress import long_work
from qunzhong_desktop.core.card import CARD_LAYOUTS
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.ledger_repo import require_station
from qunzhong_desktop.storage.setup import node_role


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``cards``."""
    cards = commands.add_parser(
        "cards",
        help="打印便民服务联系卡（PDF）",
        description="把各户的便民服务联系卡输出为 PDF，并记录发卡。"
        "乡镇可打印某个工作站（--station）或全部工作站的联系卡，乡镇打印不计入工作站的发卡记录。",
        parents=[home],
    )
    cards.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    cards.add_argument(
        "--stale", action="store_true", help="只打印需要（重新）发卡的户：从未打印或信息已变"
    )
    cards.add_argument(
        "--layout",
        choices=CARD_LAYOUTS,
        default="a4-10",
        help="a4-10：A4 纸每页 10 张（带裁切线）；single：每页 1 张",
    )
    cards.add_argument(
        "--station",
        default=None,
        metavar="CODE",
        help="乡镇：只打印这个工作站（12 位编码）的联系卡",
    )
    cards.set_defaults(handler=run_cards)


def run_cards(args: argparse.Namespace) -> int:
    """Render the cards, then record their issue."""
    with store_of(args) as store:
        township = node_role(store.db) == "township"
        if args.station is not None and not township:
            raise ValidationError(
                "只有乡镇群众工作办才能按工作站打印联系卡：本机是工作站，只有本站的户籍。",
                code="cards.not_township",
            )
        station = require_station(store.db, args.station) if args.station else None
        from qunzhong_desktop.reports.cards_pdf import NoCardsError  # reportlab: when used

        try:
            with long_work("正在生成联系卡……") as (progress, cancel):
                written = documents.cards(
                    store, Path(args.out), stale_only=args.stale, layout=args.layout,
                    station=args.station, progress=progress, cancel=cancel,
                )  # fmt: skip
        except NoCardsError:
            what = "需要重新发卡的户" if args.stale else "已登记的户"
            print(f"没有{what}，未生成 PDF。")
            return 0
        documents.record_cards(store, written)
        result = written.result
        whose = f"{station}的" if station else ("各工作站的" if township else "")
        print(
            f"已生成{whose} {result.cards} 张联系卡，共 {result.pages} 页：{result.path.resolve()}"
        )
        if township:
            print("乡镇打印的联系卡不计入工作站的发卡记录。")
        return 0
