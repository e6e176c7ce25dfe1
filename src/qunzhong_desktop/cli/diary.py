"""``qunzhong diary``: the resident diary (民情日记) — add an entry, list, findings, print a month.

Cadres are named by name (``--unit`` tells two of the same name apart), households by their
number. A second entry for the same cadre and day is refused naming the existing one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.items import actor_of
from qunzhong_desktop.core.diary import (
    KINDS,
    POINTS,
    CheckMark,
    DiaryEntry,
    DiaryVisit,
    parse_month,
)
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.rules import ITEM_TYPES
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.store import Store


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``diary`` and its ``add``, ``list``, ``finding`` and ``pdf`` sub-commands."""
    diary = commands.add_parser(
        "diary",
        help="民情日记：记日记、列表、问题转受理、打印月度日记",
        description="干部的民情日记：每人每天一篇，记入户走访的三必看、三必问、三必留。",
        parents=[home],
    )
    actions = diary.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add",
        help="记一篇日记",
        description="记一篇民情日记，输出日记的日期和类型。",
        parents=[home],
    )
    _cadre_args(add)
    add.add_argument("--date", default=None, metavar="D", help="日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--kind", required=True, help="类型：" + "、".join(KINDS))
    add.add_argument(
        "--household", action="append", default=[], metavar="NO", help="走访户户号（可重复）"
    )
    add.add_argument(
        "--check",
        action="append",
        default=[],
        metavar="CODE",
        help="已完成的检查项（每户相同，可重复）："
        + "、".join(f"{c}={n}" for c, n in POINTS.items()),
    )
    add.add_argument("--text", required=True, metavar="TEXT", help="所见所闻")
    add.add_argument(
        "--place", default="", metavar="PLACE",
        help="地点（电话回访记了村里的地点才算在村的一天）",
    )  # fmt: skip
    add.set_defaults(handler=run_add)

    listing = actions.add_parser(
        "list", help="列出日记", description="按日期列出民情日记。", parents=[home]
    )
    listing.add_argument("--cadre", default=None, metavar="NAME", help="只列这名干部的日记")
    listing.add_argument("--unit", default=None, help="干部所在单位（同名时区分）")
    listing.add_argument("--month", default=None, metavar="YYYY-MM", help="只列这个月")
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    finding = actions.add_parser(
        "finding",
        help="把走访中发现、恳谈会上提出的问题转为受理事项",
        description=(
            "把某篇日记中某一走访户的问题登记为受理事项（来源渠道：走访），输出新编号。"
            "民情恳谈会日记中的问题来源渠道为民情恳谈会，可以由群体或全村提出（--requester）。"
        ),
        parents=[home],
    )
    _cadre_args(finding)
    finding.add_argument("--date", required=True, metavar="D", help="日记日期 YYYY-MM-DD")
    who = finding.add_mutually_exclusive_group(required=True)
    who.add_argument("--household", metavar="NO", help="走访户户号（诉求人为户主）")
    who.add_argument(
        "--requester",
        metavar="NAME",
        help="民情恳谈会上提出问题的群体或村，例如 第三村民小组（不落到某一户）",
    )
    finding.add_argument("--content", required=True, metavar="TEXT", help="问题（诉求内容）")
    finding.add_argument("--domain", required=True, help="诉求类别，如 基础设施")
    finding.add_argument("--grade", default="B", help="等级：A、B、C（默认 B）")
    finding.add_argument(
        "--type", default="承诺件", dest="item_type", help="件类型：" + "、".join(ITEM_TYPES)
    )
    finding.add_argument("--result", default="", metavar="TEXT", help="即办件的办理结果")
    finding.set_defaults(handler=run_finding)

    pdf = actions.add_parser(
        "pdf",
        help="把干部一个月的日记输出为 PDF",
        description="把一名干部一个月的民情日记输出为 A4 PDF。",
        parents=[home],
    )
    _cadre_args(pdf)
    pdf.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    pdf.set_defaults(handler=run_pdf)


def _cadre_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cadre", required=True, metavar="NAME", help="干部姓名")
    parser.add_argument("--unit", default=None, help="干部所在单位（同名时区分）")


# commands ----------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Store one entry."""
    day = day_of(args.date)
    unknown = [c for c in args.check if c not in POINTS]
    if unknown:
        raise ValidationError(
            f"没有“{unknown[0]}”这个检查项，可用：{'、'.join(POINTS)}。", code="diary.check"
        )
    with store_of(args) as store:
        cadre = cadre_of(store, args.cadre, args.unit)
        visits = [
            DiaryVisit(household_of(store, number), {c: CheckMark(True) for c in args.check})
            for number in args.household
        ]
        saved = store.diary.save_entry(
            DiaryEntry(
                cadre_id=cadre.id or "",
                day=day,
                kind=args.kind,
                text=args.text,
                visits=visits,
                place=args.place,
            )
        )
        households = f"，走访 {len(saved.visits)} 户" if saved.visits else ""
        print(f"已记民情日记：{cadre.name} {saved.day.isoformat()} {saved.kind}{households}。")
        return 0


def run_list(args: argparse.Namespace) -> int:
    """List entries by day."""
    if args.month:
        parse_month(args.month)
    with store_of(args) as store:
        cadre_id = cadre_of(store, args.cadre, args.unit).id if args.cadre else None
        rows = store.diary.entries(cadre_id, month=args.month)
    if args.json:
        listed = [
            {
                "id": r.id,
                "date": r.day.isoformat(),
                "cadre": r.cadre_name,
                "kind": r.kind,
                "households": r.households,
                "items": r.items,
                "text": r.text,
            }
            for r in rows
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("没有符合条件的民情日记。")
    for r in rows:
        first_line = r.text.splitlines()[0] if r.text else ""
        print(
            f"{r.day.isoformat()}  {r.cadre_name}  {r.kind}  走访 {r.households} 户  "
            f"转受理 {r.items} 件  {first_line[:40]}"
        )
    return 0


def run_finding(args: argparse.Namespace) -> int:
    """Turn a problem found on a visit or raised at a meeting into an item; print its number."""
    day = day_of(args.date)
    with store_of(args) as store:
        cadre = cadre_of(store, args.cadre, args.unit)
        entry = store.diary.entry_of(cadre.id or "", day)
        if entry is None or entry.id is None:
            raise NotFoundError(
                f"{cadre.name} 在 {day.isoformat()} 没有民情日记，请先用 diary add 记一篇。",
                code="diary.missing",
            )
        item = store.diary.finding_to_item(
            entry.id,
            household_of(store, args.household) if args.household else None,
            requester=args.requester or "",
            content=args.content,
            domain=args.domain,
            grade=args.grade.strip().upper(),
            item_type=args.item_type,
            result=args.result,
            actor=actor_of(store),
        )
        print(item.number)
        return 0


def run_pdf(args: argparse.Namespace) -> int:
    """Write a cadre's month as a PDF diary."""
    first, _last = parse_month(args.month)
    with store_of(args) as store:
        cadre = cadre_of(store, args.cadre, args.unit)
        out = documents.diary(store, cadre, args.month, Path(args.out))
        print(
            f"已生成 {cadre.name} {first.year}年{first.month}月的民情日记（{out.entries} 篇）："
            f"{out.path.resolve()}"
        )
        return 0


# helpers -----------------------------------------------------------------------------------
def day_of(text: str | None) -> dt.date:
    """A date from ``YYYY-MM-DD`` (today when None), refused in one Chinese line."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(compact(text).replace("/", "-"))
    except ValueError:
        raise ValidationError(
            f"日期“{text}”看不懂，请写成 2026-11-16 这样的年-月-日。", code="diary.date"
        ) from None


def cadre_of(store: Store, name: str, unit: str | None = None) -> Cadre:
    """The live cadre with this name (and unit).

    Raises:
        NotFoundError: no such cadre.
        ValidationError: several cadres share the name; ``--unit`` tells them apart.
    """
    wanted = compact(name)
    found = [c for c in store.register.cadres() if compact(c.name) == wanted]
    if unit:
        found = [c for c in found if compact(c.unit) == compact(unit)]
    if not found:
        raise NotFoundError(
            f"没有名叫“{name}”的干部，请在“户籍 › 网格与干部”中核对姓名。", code="diary.cadre"
        )
    if len(found) > 1:
        units = "、".join(c.unit or "（未填单位）" for c in found)
        raise ValidationError(
            f"有 {len(found)} 名干部叫“{name}”（单位：{units}），请用 --unit 指明单位。",
            code="diary.cadre_ambiguous",
        )
    return found[0]


def household_of(store: Store, number: str) -> str:
    """The id of the live household with this number.

    Raises:
        NotFoundError: no such household.
    """
    wanted = compact(number)
    ids = store.register.search_households(wanted)
    for row in store.register.household_rows(ids):
        if row.number == wanted:
            return row.id
    raise NotFoundError(f"户籍中没有户号为“{number}”的户，请核对户号。", code="diary.household")
