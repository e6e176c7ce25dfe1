"""``qunzhong report``: the monthly report (民情月报) of a month as a PDF or an .xlsx workbook."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.core.monthly.stations import parts
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.ledger_repo import is_township


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``report``."""
    report = commands.add_parser(
        "report",
        help="生成民情月报（PDF 或 Excel）",
        description="统计一个月的受理、办结、在办、超期、各项比率、单位得分和干部民情日记情况，"
        "输出为 PDF（.pdf）或 Excel（.xlsx），按文件扩展名决定。"
        "在乡镇群众工作办统计全乡镇并分列各工作站，或用 --station 只统计一个工作站。",
        parents=[home],
    )
    report.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    report.add_argument(
        "--out", required=True, metavar="FILE.pdf|FILE.xlsx", help="输出文件（.pdf 或 .xlsx）"
    )
    report.add_argument(
        "--station",
        metavar="CODE",
        help="只统计这个工作站（12 位编码）；仅限乡镇群众工作办（默认：全乡镇）",
    )
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Compute the month's figures and write them; print the key figures and the file."""
    month = Month.parse(args.month)
    out = Path(args.out)
    station = (args.station or "").strip() or None
    with store_of(args) as store:
        if station and not is_township(store.db):
            raise ValidationError(
                "--station 只能在乡镇群众工作办使用：本机是工作站，月报只统计本站。",
                code="report.station_not_township",
            )
        report = documents.monthly(store, month, out, station_code=station)
    r, township = parts(report)
    if township is not None or station:
        print(f"{r.station_name or '全乡镇'}：")
    print(
        f"{r.month.title}：受理 {r.received} 件，办结 {r.resolved} 件，月末在办 {r.in_progress} 件，"
        f"超期 {r.overdue} 件；一次办结率 {r.first_time.text}，按期办结率 {r.on_time.text}，"
        f"满意率 {r.satisfaction.text}"
    )
    for f in township.stations if township is not None else ():
        print(
            f"  {f.name}：受理 {f.received} 件，办结 {f.resolved} 件，办理中 {f.in_progress} 件，"
            f"超期 {f.overdue} 件"
        )
    print(f"已生成民情月报：{out.resolve()}")
    return 0
