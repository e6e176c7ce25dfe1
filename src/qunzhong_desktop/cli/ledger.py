"""``qunzhong ledger``: the item ledger (民情台账) or the support ledger (帮扶台账) to .xlsx or PDF."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ledger import LEDGER_KINDS, LedgerFilter, SupportFilter
from qunzhong_desktop.storage.ledger_repo import is_township
from qunzhong_desktop.storage.report_scope import resolve
from qunzhong_desktop.storage.setup import node_role


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``ledger``."""
    ledger = commands.add_parser(
        "ledger",
        help="导出民情台账或帮扶台账（Excel 或 PDF）",
        description="把民情台账（items）或困难群众帮扶台账（support）导出为可直接打印的 "
        ".xlsx（A4 横向、表头每页重复）或 PDF。",
        parents=[home],
    )
    ledger.add_argument(
        "--kind", required=True, choices=LEDGER_KINDS, help="items：民情台账；support：帮扶台账"
    )
    ledger.add_argument(
        "--out", required=True, metavar="FILE.xlsx|FILE.pdf", help="输出文件（按扩展名决定格式）"
    )
    ledger.add_argument(
        "--full-numbers",
        action="store_true",
        help="电话显示完整号码（仅限可查看完整号码的角色；记入访问记录）；默认部分隐藏",
    )
    ledger.add_argument("--from", dest="date_from", metavar="D", help="起始日期 YYYY-MM-DD")
    ledger.add_argument("--to", dest="date_to", metavar="D", help="截止日期 YYYY-MM-DD（含）")
    ledger.add_argument(
        "--station",
        metavar="CODE",
        help="只导出这个工作站（12 位编码）的事项或困难户；仅限乡镇群众工作办和县群众工作部（默认：全乡镇）",
    )
    ledger.add_argument(
        "--township",
        metavar="CODE",
        help="只导出这个乡镇（9 位编码）各工作站的事项或困难户；仅限县群众工作部（默认：全县）",
    )
    ledger.set_defaults(handler=run_ledger)


def run_ledger(args: argparse.Namespace) -> int:
    """Write the ledger and say how many rows it has."""
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise ValidationError("起始日期晚于截止日期，请检查 --from 和 --to。", code="ledger.period")
    station = (args.station or "").strip() or None
    township = (args.township or "").strip() or None
    out = Path(args.out)
    with store_of(args) as store:
        if township or node_role(store.db) == "county":
            resolve(store.db, township=township, station=station)  # refused in Chinese
        elif station and not is_township(store.db):
            raise ValidationError(
                "--station 只能在乡镇群众工作办使用：本机是工作站，台账里只有本站的事项。",
                code="ledger.station_not_township",
            )
        filters = (
            LedgerFilter(
                date_from=date_from, date_to=date_to, station_code=station, township_code=township
            )
            if args.kind == "items"
            else SupportFilter(
                date_from=date_from, date_to=date_to, station_code=station, township_code=township
            )
        )
        from qunzhong_desktop.reports.ledger_export import export_ledger  # openpyxl: when used

        result = export_ledger(store, filters, out, full_numbers=args.full_numbers)
    print(f"已导出{result.title}：{result.rows} 行，{result.path.resolve()}")
    return 0


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"{option} 的日期“{text}”不对，请写成 2024-05-01 的样子。", code="ledger.date"
        ) from None
