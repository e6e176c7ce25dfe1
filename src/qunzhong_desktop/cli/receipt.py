"""``qunzhong receipt``: the intake receipt (受理回执) of an item as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.reports import documents


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``receipt``."""
    receipt = commands.add_parser(
        "receipt",
        help="打印受理回执（PDF）",
        description="把事项的受理回执（编号、日期、承诺办结日期、查询码）输出为 A5 PDF。",
        parents=[home],
    )
    receipt.add_argument("number", metavar="NUMBER", help="事项编号")
    receipt.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    receipt.set_defaults(handler=run_receipt)


def run_receipt(args: argparse.Namespace) -> int:
    """Write the receipt of one item."""
    with store_of(args) as store:
        out = documents.receipt(store, args.number, Path(args.out))
        print(f"已生成受理回执：{out.resolve()}")
        return 0
