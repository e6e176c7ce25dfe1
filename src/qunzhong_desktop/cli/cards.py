"""``qunzhong cards``: print contact cards (便民服务联系卡) to a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.progress import long_work
from qunzhong_desktop.reports import documents
from qunzhong_desktop.reports.cards_pdf import LAYOUTS, NoCardsError


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``cards``."""
    cards = commands.add_parser(
        "cards",
        help="打印便民服务联系卡（PDF）",
        description="把各户的便民服务联系卡输出为 PDF，并记录发卡。",
        parents=[home],
    )
    cards.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    cards.add_argument(
        "--stale", action="store_true", help="只打印需要（重新）发卡的户：从未打印或信息已变"
    )
    cards.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="a4-10",
        help="a4-10：A4 纸每页 10 张（带裁切线）；single：每页 1 张",
    )
    cards.set_defaults(handler=run_cards)


def run_cards(args: argparse.Namespace) -> int:
    """Render the cards, then record their issue."""
    with store_of(args) as store:
        try:
            with long_work("正在生成联系卡……") as (progress, cancel):
                written = documents.cards(
                    store, Path(args.out), stale_only=args.stale, layout=args.layout,
                    progress=progress, cancel=cancel,
                )  # fmt: skip
        except NoCardsError:
            what = "需要重新发卡的户" if args.stale else "已登记的户"
            print(f"没有{what}，未生成 PDF。")
            return 0
        documents.record_cards(store, written)
        result = written.result
        print(f"已生成 {result.cards} 张联系卡，共 {result.pages} 页：{result.path.resolve()}")
        return 0
