"""``qunzhong county``: matters escalated to the county (重大疑难事项, issue 19).

At the county's mass-work department: its departments (``departments add|list|retire``),
the assignment of an escalated matter (``assign NUMBER --department NAME --days N``: due N
working days from today), ``back`` (退回乡镇) and ``result`` (办结), coordination meetings
(``meeting add|list|show``) and its lists (``list [--waiting|--overdue]``). The township's
上报县 is ``qunzhong items escalate-county NUMBER --reason TEXT`` (:func:`add_escalate`).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.intake.county import Matter, Meeting
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.storage.store import Store


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``county``: departments, assign, back, result, meeting, list."""
    county = commands.add_parser(
        "county",
        help="县级协调：县直部门、交办、退回、办理结果、协调会、事项列表",
        description="县群众工作部协调乡镇上报的重大疑难事项。",
        parents=[home],
    )
    actions = county.add_subparsers(dest="action", required=True, metavar="ACTION")
    departments = actions.add_parser(
        "departments", help="县直部门：添加、列表、停用", parents=[home]
    )
    what = departments.add_subparsers(dest="what", required=True, metavar="WHAT")
    add = what.add_parser("add", help="添加县直部门", parents=[home])
    add.add_argument("--name", required=True, metavar="NAME", help="部门名称，如 县人社局")
    add.add_argument("--note", default="", help="备注")
    add.set_defaults(handler=run_department_add)
    listing = what.add_parser("list", help="列出县直部门", parents=[home])
    listing.add_argument("--all", action="store_true", help="包括已停用的")
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_department_list)
    retire = what.add_parser(
        "retire", help="停用县直部门（已交办的事项仍显示其名称）", parents=[home]
    )
    retire.add_argument("--name", required=True, metavar="NAME", help="部门名称")
    retire.set_defaults(handler=run_department_retire)

    assign = actions.add_parser("assign", help="交办给县直部门（限时 N 个工作日）", parents=[home])
    assign.add_argument("number", metavar="NUMBER", help="事项编号")
    assign.add_argument("--department", required=True, metavar="NAME", help="县直部门")
    assign.add_argument("--days", required=True, type=int, metavar="N", help="办理时限（工作日）")
    assign.add_argument("--note", default="", help="交办意见")
    assign.set_defaults(handler=run_assign)
    back = actions.add_parser("back", help="退回乡镇办理", parents=[home])
    back.add_argument("number", metavar="NUMBER", help="事项编号")
    back.add_argument("--reason", required=True, help="退回理由")
    back.set_defaults(handler=run_back)
    result = actions.add_parser("result", help="登记县直部门的办理结果（办结）", parents=[home])
    result.add_argument("number", metavar="NUMBER", help="事项编号")
    result.add_argument("--text", required=True, help="办理结果")
    result.set_defaults(handler=run_result)

    meeting = actions.add_parser("meeting", help="协调会：登记、列表、查看", parents=[home])
    verbs = meeting.add_subparsers(dest="what", required=True, metavar="WHAT")
    madd = verbs.add_parser("add", help="登记一次协调会", parents=[home])
    madd.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="会议日期（默认今天）")
    madd.add_argument(
        "--item", action="append", required=True, metavar="NUMBER", help="协调的事项（可多次）"
    )
    madd.add_argument("--lead", required=True, metavar="NAME", help="牵头单位")
    madd.add_argument("--with", dest="cooperating", action="append", default=[], metavar="NAME",
                      help="配合单位（可多次）")  # fmt: skip
    madd.add_argument("--attendees", default="", help="参会人员")
    madd.add_argument("--decisions", required=True, help="会议议定事项")
    madd.add_argument("--topic", default="", help="会议议题")
    madd.set_defaults(handler=run_meeting_add)
    mlist = verbs.add_parser("list", help="列出协调会", parents=[home])
    mlist.add_argument("--item", default=None, metavar="NUMBER", help="只列出协调该事项的")
    mlist.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    mlist.set_defaults(handler=run_meeting_list)
    show = verbs.add_parser("show", help="查看一次协调会", parents=[home])
    show.add_argument("id", metavar="ID", help="协调会编号（列表中的前 8 位即可）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=run_meeting_show)

    matters = actions.add_parser(
        "list", help="县级事项列表：待交办、已交办、已超期", parents=[home]
    )
    which = matters.add_mutually_exclusive_group()
    which.add_argument("--waiting", action="store_true", help="只列出待县交办的")
    which.add_argument("--overdue", action="store_true", help="只列出已超期的")
    matters.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    matters.set_defaults(handler=run_list)


def add_escalate(actions: Any, home: argparse.ArgumentParser) -> None:
    """Add ``items escalate-county`` (the township's 上报县)."""
    up = actions.add_parser(
        "escalate-county",
        help="上报县群众工作部（乡镇）",
        description="乡镇把无法协调解决的重大疑难事项上报县，须写明理由。",
        parents=[home],
    )
    up.add_argument("number", metavar="NUMBER", help="事项编号")
    up.add_argument("--reason", required=True, help="上报理由")
    up.set_defaults(handler=run_escalate)


def _actor(store: Store) -> str:
    from qunzhong_desktop.cli.items import actor_of

    return actor_of(store)


def _moved(before: State, number: str, after: State) -> int:
    print(f"{number}：{STATE_NAMES[before]} → {STATE_NAMES[after]}")
    return 0


def run_escalate(args: argparse.Namespace) -> int:
    """上报县."""
    with store_of(args) as store:
        before = store.items.item(args.number).state
        detail = store.items.escalate_to_county(args.number, args.reason, actor=_actor(store))
        return _moved(before, detail.number, detail.state)


def run_department_add(args: argparse.Namespace) -> int:
    """Add a department."""
    with store_of(args) as store:
        print(f"已添加县直部门：{store.county.add_department(args.name, args.note).name}")
        return 0


def run_department_list(args: argparse.Namespace) -> int:
    """List the departments."""
    with store_of(args) as store:
        rows = store.county.departments(retired=args.all)
    if args.json:
        print(json.dumps([dataclasses.asdict(d) for d in rows], ensure_ascii=False, indent=2))
        return 0
    for d in rows:
        print("\t".join(x for x in (d.name, "（已停用）" if d.retired else "", d.note) if x))
    if not rows:
        print("还没有县直部门：qunzhong county departments add --name 名称")
    return 0


def run_department_retire(args: argparse.Namespace) -> int:
    """Retire a department."""
    with store_of(args) as store:
        print(f"已停用县直部门：{store.county.retire_department(args.name).name}")
        return 0


def run_assign(args: argparse.Namespace) -> int:
    """县交办."""
    with store_of(args) as store:
        detail = store.county.assign(
            args.number, args.department, args.days, note=args.note, actor=_actor(store)
        )
        due = detail.due_on.isoformat() if detail.due_on else ""
        print(
            f"{detail.number}：已交{args.department.strip()}办理，{args.days} 个工作日，{due} 前办结"
        )
        return 0


def run_back(args: argparse.Namespace) -> int:
    """退回乡镇."""
    with store_of(args) as store:
        detail = store.county.send_back(args.number, args.reason, actor=_actor(store))
        return _moved(State.ESCALATED_COUNTY, detail.number, detail.state)


def run_result(args: argparse.Namespace) -> int:
    """办结."""
    with store_of(args) as store:
        detail = store.county.record_result(args.number, args.text, actor=_actor(store))
        return _moved(State.COUNTY_ASSIGNED, detail.number, detail.state)


def _day(text: str | None) -> dt.date:
    from qunzhong_desktop.cli.items_agency import day_of

    return day_of(text)


def run_meeting_add(args: argparse.Namespace) -> int:
    """Record a coordination meeting."""
    meeting = Meeting(held_on=_day(args.date), items=tuple(args.item), lead=args.lead,
                      cooperating=tuple(args.cooperating), attendees=args.attendees,
                      decisions=args.decisions, topic=args.topic)  # fmt: skip
    with store_of(args) as store:
        kept = store.county.add_meeting(meeting)
    print(f"已登记协调会 {kept.id[:8]}（{kept.held_on.isoformat()}，牵头：{kept.lead}）")
    return 0


def _meeting_json(x: Meeting) -> dict[str, Any]:
    found = dataclasses.asdict(x)
    found["held_on"] = x.held_on.isoformat()
    found["items"], found["cooperating"] = list(x.items), list(x.cooperating)
    return found


def run_meeting_list(args: argparse.Namespace) -> int:
    """List the meetings."""
    with store_of(args) as store:
        rows = store.county.meetings(args.item)
    if args.json:
        print(json.dumps([_meeting_json(x) for x in rows], ensure_ascii=False, indent=2))
        return 0
    for x in rows:
        print(
            f"{x.id[:8]}\t{x.held_on.isoformat()}\t牵头：{x.lead}\t{'、'.join(x.items)}\t{x.topic}"
        )
    if not rows:
        print("没有协调会。")
    return 0


def run_meeting_show(args: argparse.Namespace) -> int:
    """Show one meeting."""
    with store_of(args) as store:
        x = store.county.meeting(args.id)
    if args.json:
        print(json.dumps(_meeting_json(x), ensure_ascii=False, indent=2))
        return 0
    for label, value in (
        ("日期", x.held_on.isoformat()), ("议题", x.topic), ("事项", "、".join(x.items)),
        ("牵头单位", x.lead), ("配合单位", "、".join(x.cooperating)), ("参会人员", x.attendees),
        ("议定事项", x.decisions),
    ):  # fmt: skip
        print(f"{label}：{value}")
    return 0


def _matter_json(r: Matter) -> dict[str, Any]:
    return {
        "number": r.number, "township": r.township, "station": r.station,
        "state": r.state, "state_name": STATE_NAMES[State(r.state)], "domain": r.domain,
        "escalated_at": r.escalated_at.isoformat() if r.escalated_at else None,
        "reason": r.reason, "department": r.department, "days": r.days,
        "due_on": r.due_on.isoformat() if r.due_on else None,
        "overdue_days": r.overdue_days, "meetings": r.meetings,
    }  # fmt: skip


def run_list(args: argparse.Namespace) -> int:
    """The county's matters: waiting, then assigned (or only those asked for)."""
    with store_of(args) as store:
        rows: list[Matter] = []
        if not args.overdue:
            rows += store.county.waiting()
        if not args.waiting:
            rows += store.county.assigned(overdue=args.overdue)
    if args.json:
        print(json.dumps([_matter_json(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        due = f"{r.due_on.isoformat()} 前" if r.due_on else ""
        late = f"超期 {r.overdue_days} 个工作日" if r.overdue_days else ""
        print(
            "\t".join(
                x
                for x in (
                    r.number,
                    STATE_NAMES[State(r.state)],
                    r.department or r.reason,
                    due,
                    late,
                )
                if x
            )
        )
    if not rows:
        print("没有符合条件的事项。")
    return 0
