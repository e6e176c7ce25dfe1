"""``qunzhong petition``: 信访 — marks, repeats, the 信访台账, 阅办率 and the township's settings.

::

    qunzhong petition mark NUMBER --level 重复信访 --form 来访 --reach 到县
    qunzhong petition unmark NUMBER
    qunzhong petition repeats NUMBER [--json]
    qunzhong petition list [--from D --to D] [--station CODE] [--json]
    qunzhong petition rate [--from D --to D | --month YYYY-MM] [--station CODE] [--json]
    qunzhong petition areas [--set 类别=领导 …] [--clear 类别 …] [--json]
    qunzhong petition days [N]

The mark is the station's (the township is refused); the areas and the 阅办 days are the
township's settings (a station's copy is replaced by the next dispatch).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.items_agency import day_of
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.core.petitions import FORMS, LEVELS, REACHES, Earlier, Mark, ReadFigures
from qunzhong_desktop.storage.petitions_repo import PetitionRow
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store

_STATES = {s.value: s for s in State}


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``petition``: mark, unmark, repeats, list, rate, areas, days."""
    parser = commands.add_parser(
        "petition",
        help="信访：标记、重复信访、信访台账、阅办率、分管领导",
        description="信访事项的标记（初信初访、重复信访；来信、来访；到乡……赴京）、重复信访提示、"
        "信访台账、阅办率，以及乡镇设置的分管领导和阅办时限。",
        parents=[home],
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    mark = actions.add_parser("mark", help="把事项标记为信访（工作站）", parents=[home],
                              description="标记信访类别、形式和层级。")  # fmt: skip
    mark.add_argument("number", metavar="NUMBER", help="事项编号")
    mark.add_argument("--level", required=True, help="信访类别：" + "、".join(LEVELS))
    mark.add_argument("--form", required=True, help="信访形式：" + "、".join(FORMS))
    mark.add_argument("--reach", required=True, help="信访层级：" + "、".join(REACHES))
    mark.set_defaults(handler=run_mark)

    unmark = actions.add_parser("unmark", help="取消信访标记（工作站）", parents=[home])
    unmark.add_argument("number", metavar="NUMBER", help="事项编号")
    unmark.set_defaults(handler=run_unmark)

    repeats = actions.add_parser("repeats", help="同一诉求人一年内的类似事项", parents=[home])
    repeats.add_argument("number", metavar="NUMBER", help="事项编号")
    repeats.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    repeats.set_defaults(handler=run_repeats)

    listing = actions.add_parser("list", help="信访台账（默认：本月）", parents=[home])
    _span(listing)
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    rate = actions.add_parser("rate", help="阅办率（默认：本月受理的信访）", parents=[home])
    _span(rate)
    rate.add_argument("--month", metavar="YYYY-MM", help="月份（代替 --from/--to）")
    rate.add_argument("--json", action="store_true", help="以 JSON 输出")
    rate.set_defaults(handler=run_rate)

    areas = actions.add_parser("areas", help="分管领导（按诉求类别）", parents=[home],
                               description="显示或设置各诉求类别的分管领导（乡镇设置，随下发"
                               "数据包传到工作站）。")  # fmt: skip
    areas.add_argument("--set", action="append", default=[], metavar="类别=领导",
                       dest="assign", help="设置一个类别的分管领导（可多次）")  # fmt: skip
    areas.add_argument("--clear", action="append", default=[], metavar="类别",
                       help="取消一个类别的分管领导（可多次）")  # fmt: skip
    areas.add_argument("--json", action="store_true", help="以 JSON 输出")
    areas.set_defaults(handler=run_areas)

    days = actions.add_parser("days", help="阅办时限（工作日，默认 15）", parents=[home])
    days.add_argument("days", nargs="?", type=int, default=None, metavar="N", help="新的时限")
    days.set_defaults(handler=run_days)


def _span(parser: Any) -> None:
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="起始日（含）")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="截止日（含）")
    parser.add_argument("--station", metavar="CODE", help="只看这个工作站（乡镇）")


def span_of(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """The span the options give: --month, else --from/--to, else this month."""
    if getattr(args, "month", None):
        if args.first or args.last:
            raise ValidationError("--month 不能与 --from/--to 同用。", code="petition.span")
        month = Month.parse(args.month)
        return month.first, month.last
    this = Month.of(dt.date.today())
    first = day_of(args.first) if args.first else this.first
    last = day_of(args.last) if args.last else max(this.last, first)
    if last < first:
        raise ValidationError("结束日期早于开始日期。", code="petition.span")
    return first, last


def mark_text(mark: Mark) -> str:
    """``重复信访·来访·到县`` or ``不是信访``."""
    return "·".join((mark.level, mark.form, mark.reach)) if mark.is_petition else "不是信访"


# commands ----------------------------------------------------------------------------------
def run_mark(args: argparse.Namespace) -> int:
    """Mark an item."""
    with store_of(args) as store:
        kept = store.petitions.mark(args.number, Mark(args.level, args.form, args.reach))
    print(f"{args.number.strip()}：{mark_text(kept)}")
    return 0


def run_unmark(args: argparse.Namespace) -> int:
    """Unmark an item."""
    with store_of(args) as store:
        store.petitions.unmark(args.number)
    print(f"{args.number.strip()}：已取消信访标记")
    return 0


def earlier_json(e: Earlier) -> dict[str, Any]:
    """An earlier item as plain JSON (no phone, no ID)."""
    return {"number": e.number, "received_on": e.received_on.isoformat(), "domain": e.domain,
            "content": e.content, "petition": e.petition}  # fmt: skip


def run_repeats(args: argparse.Namespace) -> int:
    """Earlier items of the same requester on a similar matter."""
    with store_of(args) as store:
        found = store.petitions.repeats(args.number)
    if args.json:
        print(json.dumps([earlier_json(e) for e in found], ensure_ascii=False, indent=1))
        return 0
    if not found:
        print("一年内没有同一诉求人的类似事项。")
    for e in found:
        print(f"{e.number}  {e.received_on}  {e.domain}  {e.petition or '非信访'}  {e.content}")
    return 0


def row_json(row: PetitionRow) -> dict[str, Any]:
    """One line of the 信访台账 as plain JSON."""
    state = _STATES.get(row.state)
    return {
        "number": row.number,
        "received_at": row.received_at.isoformat(timespec="seconds"),
        "requester": row.requester_name,
        "domain": row.domain,
        "content": row.content,
        "level": row.mark.level,
        "form": row.mark.form,
        "reach": row.mark.reach,
        "state": STATE_NAMES[state] if state else row.state,
        "handler": row.handler,
        "acted_on": row.acted_on.isoformat() if row.acted_on else None,
    }


def run_list(args: argparse.Namespace) -> int:
    """The petitions received in the span."""
    first, last = span_of(args)
    with store_of(args) as store:
        rows = store.petitions.petitions(first, last, station_code=args.station)
    if args.json:
        print(json.dumps([row_json(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(f"{first} 至 {last} 没有信访事项。")
    for r in rows:
        found = row_json(r)
        print(f"{r.number}  {r.received_at:%Y-%m-%d}  {mark_text(r.mark)}  {r.requester_name}  "
              f"{r.domain}  {found['state']}  首次办理 {found['acted_on'] or '—'}")  # fmt: skip
    return 0


def rate_json(figures: ReadFigures, first: dt.date, last: dt.date, days: int) -> dict[str, Any]:
    """阅办率 as plain JSON."""
    rate = figures.rate
    return {"from": first.isoformat(), "to": last.isoformat(), "days": days,
            "in_time": rate.numerator, "counted": rate.denominator,
            "rate": None if rate.value is None else round(rate.value, 4), "text": rate.text,
            "late": figures.late, "waiting": figures.waiting, "target": 1.0}  # fmt: skip


def run_rate(args: argparse.Namespace) -> int:
    """阅办率 of the petitions received in the span, with its fraction."""
    first, last = span_of(args)
    with store_of(args) as store:
        figures = store.petitions.read_figures(
            first, last, today=dt.date.today(), station_code=args.station
        )
        days = store.voice.get().read_days
    if args.json:
        print(json.dumps(rate_json(figures, first, last, days), ensure_ascii=False, indent=1))
        return 0
    print(f"{first} 至 {last} 阅办率：{figures.rate.text}（{days} 个工作日内阅办，目标 100%）；"
          f"逾期 {figures.late} 件，时限内待办 {figures.waiting} 件")  # fmt: skip
    return 0


def _township_only(store: Store) -> None:
    if node_role(store.db) != "township":
        raise ValidationError("分管领导和阅办时限由乡镇群众工作办设置，随下发的数据包传到工作站。",
                              code="petition.settings_role")  # fmt: skip


def run_areas(args: argparse.Namespace) -> int:
    """Show (after changing) the deputies' areas."""
    with store_of(args) as store:
        settings = store.voice.get()
        if args.assign or args.clear:
            _township_only(store)
            areas = dict(settings.areas)
            for pair in args.assign:
                domain, sep, leader = pair.partition("=")
                if not sep:
                    raise ValidationError(f"“{pair}”应写成 类别=领导姓名。", code="petition.area")
                areas[domain.strip()] = leader
            for domain in args.clear:
                if areas.pop(domain.strip(), None) is None:
                    raise ValidationError(f"“{domain}”没有设置分管领导。", code="petition.area")
            settings = store.voice.set(dataclasses.replace(settings, areas=areas))
    if args.json:
        print(json.dumps(settings.areas, ensure_ascii=False, indent=1))
        return 0
    if not settings.areas:
        print("尚未设置分管领导。")
    for domain, leader in settings.areas.items():
        print(f"{domain}：{leader}")
    return 0


def run_days(args: argparse.Namespace) -> int:
    """Show (after changing) the working days of the 阅办率."""
    with store_of(args) as store:
        settings = store.voice.get()
        if args.days is not None:
            _township_only(store)
            settings = store.voice.set(dataclasses.replace(settings, read_days=args.days))
    print(f"阅办时限：{settings.read_days} 个工作日")
    return 0
