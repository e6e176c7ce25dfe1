"""``qunzhong report``: the monthly report (民情月报) of a month as a PDF, a workbook or JSON.

``--json`` prints the report's figures (no phones, no ID numbers): the counts, the rates
with their numerators and denominators, the counts by channel, domain and grade, the units'
scores, each cadre against the rule of the category, and at the township a row per station.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.report_period import cadre_fields, rate_json, run_period
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.report import CadreFigures, Month, MonthlyReport
from qunzhong_desktop.core.monthly.stations import StationFigures, TownshipReport, parts
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.ledger_repo import is_township
from qunzhong_desktop.storage.report_scope import resolve
from qunzhong_desktop.storage.setup import node_role


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``report``."""
    report = commands.add_parser(
        "report",
        help="生成民情月报（PDF、Excel 或 JSON）",
        description="统计一个月的受理、办结、在办、超期、各项比率、单位得分和干部民情日记情况，"
        "输出为 PDF（.pdf）或 Excel（.xlsx），按文件扩展名决定；--json 把各项数字以 JSON 输出。"
        "在乡镇群众工作办统计全乡镇并分列各工作站，或用 --station 只统计一个工作站。",
        parents=[home],
    )
    span = report.add_mutually_exclusive_group(required=True)
    span.add_argument("--month", metavar="YYYY-MM", help="月份，如 2026-11（民情月报）")
    span.add_argument(
        "--period",
        metavar="PERIOD",
        help="统计期间，与上期、去年同期对比：2026-11（月）、2026-Q3（季度）、2026-H2（半年）、"
        "2026（年）、2026-YTD（年初至今）或 2026-01-01..2026-06-30",
    )
    report.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        help="与 --period 同用：累计“梳理问题/办结”的起始日（默认：统计期首日）",
    )
    report.add_argument(
        "--out", default=None, metavar="FILE.pdf|FILE.xlsx", help="输出文件（.pdf 或 .xlsx）"
    )
    report.add_argument(
        "--json", action="store_true", help="把月报的各项数字以 JSON 输出（可与 --out 同用）"
    )
    report.add_argument(
        "--station",
        metavar="CODE",
        help="只统计这个工作站（12 位编码）；仅限乡镇群众工作办和县群众工作部（默认：全乡镇）",
    )
    report.add_argument(
        "--township",
        metavar="CODE",
        help="只统计这个乡镇（9 位编码）并分列其工作站；仅限县群众工作部（默认：全县，分列各乡镇）",
    )
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Compute the month's (or period's) figures and write them; print the key figures."""
    if args.out is None and not args.json:
        raise ValidationError(
            "请用 --out 指定输出文件（.pdf 或 .xlsx），或用 --json 输出报表的数字。",
            code="report.output_missing",
        )
    out = Path(args.out) if args.out is not None else None
    station = (args.station or "").strip() or None
    township_code = (args.township or "").strip() or None
    with store_of(args) as store:
        if township_code or node_role(store.db) == "county":
            resolve(store.db, township=township_code, station=station)  # refused early
        elif station and not is_township(store.db):
            raise ValidationError(
                "--station 只能在乡镇群众工作办使用：本机是工作站，月报只统计本站。",
                code="report.station_not_township",
            )
        if args.period:
            return run_period(args, store, station, township_code)
        if args.since:
            raise ValidationError("--since 只能与 --period 同用。", code="report.since_month")
        month = Month.parse(args.month)
        if out is not None:
            report = documents.monthly(
                store, month, out, station_code=station, township_code=township_code
            )
        else:
            report = store.reports.report_for(
                month, station_code=station, township_code=township_code
            )
    if args.json:
        print(json.dumps(report_json(report), ensure_ascii=False, indent=1))
        return 0
    assert out is not None
    r, township = parts(report)
    if township is not None or station:
        print(f"{r.station_name or (township.whole if township else '全乡镇')}：")
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


# JSON ---------------------------------------------------------------------------------------
def report_json(report: MonthlyReport | TownshipReport) -> dict[str, Any]:
    """The report's figures as plain JSON values (no phones, no ID numbers)."""
    r, township = parts(report)
    figures: dict[str, Any] = {
        "month": str(r.month),
        "title": r.period_title,
        "as_of": r.as_of.isoformat() if r.as_of else None,
        "township": township is not None,
        "name": r.station_name,
        "received": r.received,
        "resolved": r.resolved,
        "in_progress": r.in_progress,
        "overdue": r.overdue,
        "escalations": r.escalations,
        "rates": {
            "first_time": rate_json(r.first_time),
            "on_time": rate_json(r.on_time),
            "satisfaction": rate_json(r.satisfaction),
        },
        "by_channel": dict(r.by_channel),
        "by_domain": dict(r.by_domain),
        "by_grade": dict(r.by_grade),
        "units": [
            {
                "unit": u.unit,
                "resolved": u.resolved,
                "unresolved": u.unresolved,
                "score": u.score,
                "score_text": u.score_text,
            }
            for u in r.units
        ],
        "cadres": [cadre_json(c) for c in r.cadres],
        "shortfalls": [c.name for c in r.shortfalls],
    }
    rows = "townships" if township is not None and township.rows_label == "乡镇" else "stations"
    if township is not None:  # the county's rows are its townships
        figures[rows] = [station_json(f) for f in township.stations]
    if r.assistance is not None:  # 帮扶 (names of the extremely poor, never ID or phone)
        figures["assistance"] = r.assistance.as_json()
        if township is not None:
            figures["assistance"][rows] = [
                {"code": code, "name": name, **f.as_json()} for code, name, f in township.assistance
            ]
    if r.voice is not None:  # 民情与信访 (names of the cadres flagged by an evaluation)
        figures["voice"] = r.voice.as_json()
        if township is not None:
            figures["voice"][rows] = [
                {"code": code, "name": name, **f.as_json()} for code, name, f in township.voice
            ]
    figures["definitions"] = dict(r.definitions)
    return figures


def cadre_json(c: CadreFigures) -> dict[str, Any]:
    """A cadre's figures against the rule of the category (no phone)."""
    return {
        **cadre_fields(c),
        "verdict": c.verdict,
        "reasons": list(c.reasons),
        "pending": list(c.pending),
        "year_days": c.year_days,
        "year_required": c.year_required,
        **({"station": c.station} if c.station else {}),
    }


def station_json(f: StationFigures) -> dict[str, Any]:
    """One station's row of the township's report."""
    return {
        "code": f.code,
        "name": f.name,
        "received": f.received,
        "resolved": f.resolved,
        "in_progress": f.in_progress,
        "overdue": f.overdue,
        "rates": {
            "first_time": rate_json(f.first_time),
            "on_time": rate_json(f.on_time),
            "satisfaction": rate_json(f.satisfaction),
        },
    }
