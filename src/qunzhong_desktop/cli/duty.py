"""``qunzhong duty``: the township's petition duty roster (信访值周) and reception log.

::

    qunzhong duty roster [--from D --to D] [--json] [--out 值周表.pdf]
    qunzhong duty set --date D --member 张书记 [--note 调班]
    qunzhong duty clear --date D
    qunzhong duty rotate --members 张书记,李镇长 --from D --to D [--by week|day]
    qunzhong duty log add --date D --matter TEXT [--member M] [--visitors N] [--unit U …]
                          [--handling TEXT]
    qunzhong duty log list [--from D --to D] [--json] [--out 接访登记.pdf]
    qunzhong duty log delete ID

Only the township keeps them; a station is refused with a sentence. The roster marks every
working day without anyone on duty (无人值班; red in the PDF).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.items_agency import day_of
from qunzhong_desktop.core.duty import Reception, Roster
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.reports.duty_pdf import UNCOVERED, WEEKDAYS, render_log, render_roster
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.duty_repo import STATION_REFUSAL
from qunzhong_desktop.storage.setup import node_role, township_profile
from qunzhong_desktop.storage.store import Store

ROSTER_DAYS = 28  # four weeks from this Monday unless said


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``duty``: roster, set, clear, rotate, log (add, list, delete)."""
    duty = commands.add_parser(
        "duty",
        help="信访值周：排班、值周表、接访登记（乡镇）",
        description="乡镇班子成员信访值周：每个工作日一名值班人员；无人值班的工作日标红。",
        parents=[home],
    )
    actions = duty.add_subparsers(dest="action", required=True, metavar="ACTION")

    roster = actions.add_parser("roster", help="值周表（默认：本周起四周）", parents=[home])
    _span(roster)
    roster.add_argument("--json", action="store_true", help="以 JSON 输出")
    roster.add_argument("--out", metavar="FILE.pdf", help="打印用的 PDF（A4 横向）")
    roster.set_defaults(handler=run_roster)

    put = actions.add_parser("set", help="安排某个工作日的值班人员", parents=[home])
    put.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="日期")
    put.add_argument("--member", required=True, metavar="NAME", help="值班的班子成员")
    put.add_argument("--note", default="", metavar="TEXT", help="备注（如 调班）")
    put.set_defaults(handler=run_set)

    clear = actions.add_parser("clear", help="取消某日的值班安排", parents=[home])
    clear.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="日期")
    clear.set_defaults(handler=run_clear)

    rotate = actions.add_parser("rotate", help="按周（或按日）轮流排班", parents=[home],
                                description="按名单顺序轮流安排区间内每个工作日的值班，"
                                "区间内原有安排被替换。")  # fmt: skip
    rotate.add_argument("--members", required=True, metavar="A,B,C", help="班子成员，逗号分隔")
    rotate.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    rotate.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    rotate.add_argument("--by", default="week", help="week：每人一周（默认）；day：每人一天")
    rotate.set_defaults(handler=run_rotate)

    log = actions.add_parser("log", help="接访登记", parents=[home])
    steps = log.add_subparsers(dest="step", required=True, metavar="STEP")
    add = steps.add_parser("add", help="登记一次接访", parents=[home])
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="接访日期")
    add.add_argument("--matter", required=True, metavar="TEXT", help="反映的事项（不写姓名证号）")
    add.add_argument("--member", default="", metavar="NAME", help="接访人（默认：当日值班人员）")
    add.add_argument("--visitors", type=int, default=1, metavar="N", help="来访人数（默认 1）")
    add.add_argument("--unit", action="append", default=[], metavar="UNIT",
                     help="到场单位（可多次；有则为联合接访）")  # fmt: skip
    add.add_argument("--handling", default="", metavar="TEXT", help="办理情况")
    add.set_defaults(handler=run_log_add)
    listing = steps.add_parser("list", help="列出接访登记（默认：本月）", parents=[home])
    _span(listing)
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.add_argument("--out", metavar="FILE.pdf", help="打印用的 PDF（A4 横向）")
    listing.set_defaults(handler=run_log_list)
    delete = steps.add_parser("delete", help="删除一条接访登记", parents=[home])
    delete.add_argument("id", metavar="ID", help="登记的编号（list --json 中的 id）")
    delete.set_defaults(handler=run_log_delete)


def _span(parser: Any) -> None:
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="起始日（含）")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="截止日（含）")


def _roster_span(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    today = dt.date.today()
    first = day_of(args.first) if args.first else today - dt.timedelta(days=today.weekday())
    last = day_of(args.last) if args.last else first + dt.timedelta(days=ROSTER_DAYS - 1)
    return first, last


def _month_span(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    today = dt.date.today()
    first = day_of(args.first) if args.first else today.replace(day=1)
    last = day_of(args.last) if args.last else today
    if last < first:
        raise ValidationError("结束日期早于开始日期。", code="duty.span")
    return first, last


def roster_json(roster: Roster) -> dict[str, Any]:
    """The roster as plain JSON: its days in the span and the uncovered ones."""
    days = [
        {
            "date": c.day.isoformat(),
            "weekday": f"周{WEEKDAYS[c.day.weekday()]}",
            "working": c.working,
            "member": c.member,
            "uncovered": c.uncovered,
            "receptions": c.receptions,
        }
        for week in roster.weeks
        for c in week.days
        if roster.first <= c.day <= roster.last
    ]
    return {"from": roster.first.isoformat(), "to": roster.last.isoformat(), "days": days,
            "uncovered": [d.isoformat() for d in roster.uncovered]}  # fmt: skip


def run_roster(args: argparse.Namespace) -> int:
    """Print (and write) the roster of the span."""
    first, last = _roster_span(args)
    with store_of(args) as store:
        _township_only(store)
        roster = store.duty.roster(first, last)
        if args.out:
            name = township_profile(store.db)[1]
            out = render_roster(roster, Path(args.out), township=name, font=store_font(store))
    if args.json:
        print(json.dumps(roster_json(roster), ensure_ascii=False, indent=1))
    else:
        for week in roster.weeks:
            cells = []
            for c in week.days:
                if not first <= c.day <= last:
                    continue
                who = UNCOVERED if c.uncovered else (c.member or "休息")
                cells.append(f"{c.day:%m-%d}周{WEEKDAYS[c.day.weekday()]} {who}")
            print("　".join(cells))
        count = len(roster.uncovered)
        print(f"无人值班的工作日 {count} 天" if count else "每个工作日均已安排值班")
    if args.out:
        print(f"已生成值周表：{out.resolve()}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    """Put a member on duty on a day."""
    with store_of(args) as store:
        duty = store.duty.set_duty(day_of(args.date), args.member, note=args.note)
    print(f"{duty.day} 周{WEEKDAYS[duty.day.weekday()]}：{duty.member} 值班")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    """No one on duty on a day."""
    day = day_of(args.date)
    with store_of(args) as store:
        was = store.duty.clear(day)
    print(f"{day}：已取消值班安排" if was else f"{day}：原本没有值班安排")
    return 0


def run_rotate(args: argparse.Namespace) -> int:
    """Members in turn over the span."""
    members = [n for n in args.members.replace("，", ",").split(",") if n.strip()]
    with store_of(args) as store:
        count = store.duty.rotate(members, day_of(args.first), day_of(args.last), by=args.by)
    print(f"已安排 {count} 个工作日的值班（{'每人一周' if args.by == 'week' else '每人一天'}）")
    return 0


def reception_json(r: Reception) -> dict[str, Any]:
    """A reception as plain JSON."""
    return {"id": r.id, "date": r.day.isoformat(), "member": r.member, "visitors": r.visitors,
            "matter": r.matter, "units": list(r.units), "joint": r.joint,
            "handling": r.handling}  # fmt: skip


def run_log_add(args: argparse.Namespace) -> int:
    """Log a reception."""
    reception = Reception(day_of(args.date), args.member, args.matter, args.visitors,
                          tuple(args.unit), args.handling)  # fmt: skip
    with store_of(args) as store:
        kept = store.duty.add_reception(reception)
    joint = f"（联合接访：{'、'.join(kept.units)}）" if kept.joint else ""
    print(f"已登记 {kept.day} 的接访：{kept.member} 接待 {kept.visitors} 人{joint}")
    return 0


def run_log_list(args: argparse.Namespace) -> int:
    """List (and write) the receptions of the span."""
    first, last = _month_span(args)
    with store_of(args) as store:
        _township_only(store)
        rows = store.duty.receptions(first, last)
        if args.out:
            name = township_profile(store.db)[1]
            out = render_log(rows, Path(args.out), first=first, last=last, township=name,
                             font=store_font(store))  # fmt: skip
    if args.json:
        print(json.dumps([reception_json(r) for r in rows], ensure_ascii=False, indent=1))
    else:
        if not rows:
            print(f"{first} 至 {last} 没有接访登记。")
        for r in rows:
            joint = f"　联合接访：{'、'.join(r.units)}" if r.joint else ""
            print(f"{r.day}　{r.member}　{r.visitors} 人　{r.matter}{joint}")
    if args.out:
        print(f"已生成接访登记：{out.resolve()}")
    return 0


def run_log_delete(args: argparse.Namespace) -> int:
    """Delete a reception."""
    with store_of(args) as store:
        store.duty.delete_reception(args.id.strip())
    print("已删除这条接访登记。")
    return 0


def _township_only(store: Store) -> None:
    if node_role(store.db) != "township":
        raise ValidationError(STATION_REFUSAL, code="duty.role")
