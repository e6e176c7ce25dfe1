"""``qunzhong assessment``: the township's assessment sheet (考评排名, issue 17).

``scheme`` shows the scoring items (``--json``) or sets them from a file (``--file``);
``score`` ranks the stations (or ``--units``) for a period — a half-year unless another is
given — printed, as JSON, or as a PDF (``--out``); ``manual`` enters a manual item's points,
``veto`` / ``unveto`` a one-vote veto (一票否决) with its reason. The township's own records:
a station refuses them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.assessment import AssessmentSheet, footnotes
from qunzhong_desktop.core.assessment_scheme import STATIONS, UNITS, Scheme
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.period import Period, half, parse_period

MAX_SCHEME_BYTES = 1_000_000


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``assessment``: ``scheme``, ``score``, ``manual``, ``veto``, ``unveto``."""
    parser = commands.add_parser(
        "assessment",
        help="考评：考评方案、评分排名、手工评分、一票否决（乡镇）",
        description="乡镇对工作站和责任单位的考评（评比）：按考评方案从民情报表的数字计分，"
        "加上手工评分，一票否决的排在最后。默认统计本半年。",
        parents=[home],
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    scheme = actions.add_parser(
        "scheme",
        help="查看或设置考评方案",
        description="不带 --file 时列出考评方案；--file 以 JSON 文件替换整个方案"
        "（格式同 --json 的输出；有错时不作任何修改）。",
        parents=[home],
    )
    scheme.add_argument("--json", action="store_true", help="以 JSON 输出（可改后用 --file 设置）")
    scheme.add_argument("--file", metavar="SCHEME.json", help="从 JSON 文件设置考评方案")
    scheme.set_defaults(handler=run_scheme)

    score = actions.add_parser(
        "score", help="计算考评排名", description="计算考评得分和排名。", parents=[home]
    )
    _period(score)
    score.add_argument("--units", action="store_true", help="考评责任单位（默认考评工作站）")
    score.add_argument(
        "--township",
        metavar="CODE",
        help="县群众工作部：对这个乡镇（9 位编码）的工作站排名（默认：对各乡镇排名）",
    )
    score.add_argument("--json", action="store_true", help="以 JSON 输出")
    score.add_argument("--out", metavar="FILE.pdf", help="写成可打印的 PDF")
    score.set_defaults(handler=run_score)

    manual = actions.add_parser(
        "manual",
        help="录入手工评分项的得分",
        description="为一个工作站或责任单位录入手工评分项的得分（0 至该项分值）。",
        parents=[home],
    )
    _period(manual)
    _entry(manual)
    manual.add_argument("--item", required=True, metavar="NAME", help="考评项目名称")
    manual.add_argument("--points", required=True, type=_number, metavar="X", help="得分")
    manual.set_defaults(handler=run_manual)

    veto = actions.add_parser(
        "veto",
        help="一票否决（须写明理由）",
        description="对一个工作站或责任单位一票否决：照常计分，但排在所有未被否决的之后。",
        parents=[home],
    )
    _period(veto)
    _entry(veto)
    veto.add_argument("--reason", required=True, metavar="TEXT", help="否决理由")
    veto.set_defaults(handler=run_veto)

    unveto = actions.add_parser(
        "unveto", help="撤销一票否决", description="撤销一票否决。", parents=[home]
    )
    _period(unveto)
    _entry(unveto)
    unveto.set_defaults(handler=run_unveto)


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period",
        metavar="P",
        help="统计期间：2026-H2（半年，默认本半年）、2026（年），也可 2026-Q3、2026-11 或起止日期",
    )


def _entry(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--station", metavar="CODE", help="工作站代码")
    group.add_argument("--unit", metavar="NAME", help="责任单位名称")


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是数字") from None


def period_of(text: str | None, today: dt.date | None = None) -> Period:
    """The period typed, else the half-year of ``today``."""
    today = today or dt.date.today()
    if not text:
        return half(today.year, 1 if today.month <= 6 else 2)
    return parse_period(text, today=today)


def _target(args: argparse.Namespace) -> tuple[str, str]:
    return (STATIONS, args.station) if args.station is not None else (UNITS, args.unit)


# scheme --------------------------------------------------------------------------------------
def read_scheme_file(path: Path) -> Any:
    """The JSON of a scheme file.

    Raises:
        ValidationError: too large, not UTF-8 or not JSON (where it stops reading).
        OSError: it cannot be read.
    """
    if path.stat().st_size > MAX_SCHEME_BYTES:
        raise ValidationError(f"方案文件“{path.name}”太大，不像考评方案。", code="assessment.file")
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError(
            f"方案文件“{path.name}”不是 UTF-8 编码的文本。", code="assessment.file"
        ) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"方案文件“{path.name}”不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列有错。",
            code="assessment.file",
        ) from None


def describe_scheme(scheme: Scheme) -> list[str]:
    """The scheme as lines: each list, each item with its definition."""
    lines = []
    for what, label in ((STATIONS, "工作站"), (UNITS, "责任单位")):
        items = scheme.of(what)
        lines.append(f"【{label}】共 {sum(i.points for i in items):g} 分")
        for term, text in footnotes(what, items)[: len(items)]:
            lines.append(f"  {term}：{text}")
    return lines


def run_scheme(args: argparse.Namespace) -> int:
    """Show the scheme, or set it from a file."""
    with store_of(args) as store:
        if args.file:
            scheme = store.assessment.set_scheme(read_scheme_file(Path(args.file)))
            print("已设置考评方案：")
        else:
            scheme = store.assessment.scheme()
            if args.json:
                print(json.dumps(scheme.as_json(), ensure_ascii=False, indent=1))
                return 0
    for line in describe_scheme(scheme):
        print(line)
    return 0


# score ---------------------------------------------------------------------------------------
def sheet_json(sheet: AssessmentSheet) -> dict[str, Any]:
    """The sheet as ``score --json`` prints it."""
    return {
        "title": sheet.title,
        "period": sheet.period_code,
        "of": sheet.of,
        "as_of": sheet.as_of,
        "items": [{"name": i.name, "points": i.points, "manual": i.manual} for i in sheet.items],
        "entries": [
            {
                "rank": e.rank,
                "key": e.key,
                "name": e.name,
                "items": {i.name: i.points for i in e.items},
                "total": e.total,
                "veto": e.veto,
                "remark": e.remark,
            }
            for e in sheet.entries
        ],
        "footnotes": [list(note) for note in sheet.footnotes],
    }


def describe_sheet(sheet: AssessmentSheet) -> list[str]:
    """The ranking as lines (a header, then one line per entry)."""
    title = sheet.title + (f"（{sheet.as_of}）" if sheet.as_of else "")
    what = "责任单位" if sheet.of == UNITS else sheet.rows_label
    head = ["名次", what, *(f"{i.name}（{i.points:g}）" for i in sheet.items), "合计", "备注"]
    lines = [title, "　".join(head)]
    for e in sheet.entries:
        if e.ranked:
            points = [*(f"{i.points:.1f}" for i in e.items), f"{e.total:.1f}"]
        else:
            points = ["—"] * (len(e.items) + 1)
        cells = [e.rank_text, e.name, *points, e.remark]
        lines.append("　".join(cells).rstrip("　"))
    return lines


def run_score(args: argparse.Namespace) -> int:
    """Rank the stations or units; print, JSON and/or PDF."""
    period = period_of(args.period)
    of = UNITS if args.units else STATIONS
    with store_of(args) as store:
        if args.out:
            from qunzhong_desktop.reports import documents

            sheet = documents.assessment(
                store, period, Path(args.out), of=of, township_code=args.township
            )
        else:
            sheet = store.assessment.sheet(period, of=of, township_code=args.township)
    if args.json:
        print(json.dumps(sheet_json(sheet), ensure_ascii=False, indent=1))
    else:
        for line in describe_sheet(sheet):
            print(line)
    if args.out:
        print(f"已生成考评排名：{Path(args.out).resolve()}")
    return 0


# manual points and vetoes --------------------------------------------------------------------
def run_manual(args: argparse.Namespace) -> int:
    """Enter a manual item's points."""
    period = period_of(args.period)
    of, entry = _target(args)
    with store_of(args) as store:
        record = store.assessment.set_manual(
            period, of=of, entry=entry, item=args.item, points=args.points
        )
    given = ", ".join(f"{k} {v:g} 分" for k, v in record.manual.items())
    print(f"已录入 {period.title} {entry.strip()} 的手工评分：{given}")
    return 0


def run_veto(args: argparse.Namespace) -> int:
    """Mark a one-vote veto."""
    period = period_of(args.period)
    of, entry = _target(args)
    with store_of(args) as store:
        record = store.assessment.veto(period, of=of, entry=entry, reason=args.reason)
    print(f"已对 {entry.strip()} 在{period.title}一票否决：{record.veto}")
    return 0


def run_unveto(args: argparse.Namespace) -> int:
    """Lift a one-vote veto."""
    period = period_of(args.period)
    of, entry = _target(args)
    with store_of(args) as store:
        store.assessment.unveto(period, of=of, entry=entry)
    print(f"已撤销 {entry.strip()} 在{period.title}的一票否决。")
    return 0
