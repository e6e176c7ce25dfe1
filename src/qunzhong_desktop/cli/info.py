"""``qunzhong info``: 民情信息 — record, list, turn into items, group alike ones, answer once.

Information and common issues (共性问题) are named by their id or any unique beginning of
it, as ``list`` and ``groups`` print them. Answering a group answers every piece in it;
its one follow-up (回访) is recorded with ``follow-up``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.diary import day_of, household_of
from qunzhong_desktop.cli.items import actor_of
from qunzhong_desktop.cli.meetings import by_prefix, meeting_of, number_of
from qunzhong_desktop.core.diary import parse_month
from qunzhong_desktop.core.mass_info import SOURCES, TOPICS, TYPES, Group, Info
from qunzhong_desktop.storage.store import Store


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``info``: add, list, print, groups, item, group, answer, follow-up, ungroup."""
    info = commands.add_parser(
        "info",
        help="民情信息：登记、列表、转事项、合并共性问题、统一答复",
        description="网格员、走访、会议、来电收集的民情信息；相似的可合并为一个共性问题，"
        "统一答复、统一回访。信息和共性问题用 list、groups 列出的编号（或其开头几位）指明。",
        parents=[home],
    )
    actions = info.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="登记一条民情信息", parents=[home],
                             description="登记一条民情信息。")  # fmt: skip
    add.add_argument("--date", required=True, metavar="D", help="收集日期 YYYY-MM-DD")
    add.add_argument("--source", required=True, help=f"来源：{'、'.join(SOURCES)}")
    add.add_argument("--topic", required=True, help=f"主题：{'、'.join(TOPICS)}")
    add.add_argument("--type", dest="info_type", required=True, help=f"类型：{'、'.join(TYPES)}")
    add.add_argument("--text", required=True, help="内容")
    add.add_argument("--reporter", default="", help="信息员、反映人")
    add.add_argument("--households", default="0", metavar="N", help="涉及户数")
    add.add_argument("--household", action="append", default=[], metavar="NUMBER",
                     help="涉及的户（户号，可多次）")  # fmt: skip
    add.add_argument("--meeting", default="", metavar="ID", help="来自哪次会议（会议编号）")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="列出民情信息", parents=[home],
                                 description="列出民情信息，新的在前。")  # fmt: skip
    listing.add_argument("--topic", default="", help="只列这个主题")
    listing.add_argument("--type", dest="info_type", default="", help="只列这个类型")
    listing.add_argument("--month", default="", metavar="YYYY-MM", help="只列这个月的")
    which = listing.add_mutually_exclusive_group()
    which.add_argument("--grouped", action="store_true", help="只列已合并的")
    which.add_argument("--ungrouped", action="store_true", help="只列未合并的")
    listing.add_argument("--search", default="", metavar="TEXT", help="内容或信息员含有")
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    pdf = actions.add_parser("print", help="打印一个月的民情信息登记表（PDF）", parents=[home],
                             description="生成一个月民情信息登记表 A4 PDF。")  # fmt: skip
    pdf.add_argument("--month", required=True, metavar="YYYY-MM", help="月份")
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", help="输出文件")
    pdf.set_defaults(handler=run_print)

    groups = actions.add_parser("groups", help="列出共性问题", parents=[home],
                                description="列出共性问题及其信息、答复和回访。")  # fmt: skip
    groups.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    groups.set_defaults(handler=run_groups)

    item = actions.add_parser("item", help="把民情信息转为事项", parents=[home],
                              description="把一条民情信息登记为事项（渠道随来源）。")  # fmt: skip
    item.add_argument("id", metavar="ID", help="民情信息编号")
    item.add_argument("--domain", required=True, help="诉求类别，如 教育")
    item.add_argument("--grade", default="B", help="等级：A、B、C（默认 B）")
    item.add_argument("--type", dest="item_type", default="承诺件", help="件类型（默认 承诺件）")
    item.add_argument("--requester", default="", help="诉求人（默认：第一户户主，或信息员）")
    item.add_argument("--content", default="", help="诉求内容（默认：信息原文）")
    item.set_defaults(handler=run_item)

    group = actions.add_parser("group", help="合并相似信息为共性问题", parents=[home],
                               description="把两条以上同一主题的民情信息合并为一个共性问题。")  # fmt: skip
    group.add_argument("ids", nargs="+", metavar="ID", help="民情信息编号（两个以上）")
    group.add_argument("--title", required=True, help="共性问题的标题")
    group.set_defaults(handler=run_group)

    answer = actions.add_parser("answer", help="统一答复一个共性问题", parents=[home],
                                description="一个结果答复共性问题中的每条信息。")  # fmt: skip
    answer.add_argument("group", metavar="GROUP", help="共性问题编号")
    answer.add_argument("--result", required=True, help="答复结果")
    answer.add_argument("--date", required=True, metavar="D", help="答复日期 YYYY-MM-DD")
    answer.add_argument("--by", default="", help="答复人（默认：操作员）")
    answer.set_defaults(handler=run_answer)

    follow = actions.add_parser("follow-up", help="统一回访一个共性问题", parents=[home],
                                description="记录已答复共性问题的一次统一回访。")  # fmt: skip
    follow.add_argument("group", metavar="GROUP", help="共性问题编号")
    follow.add_argument("--text", required=True, help="回访情况")
    follow.add_argument("--date", required=True, metavar="D", help="回访日期 YYYY-MM-DD")
    follow.set_defaults(handler=run_follow_up)

    ungroup = actions.add_parser("ungroup", help="把信息移出共性问题", parents=[home],
                                 description="把一条信息移出尚未答复的共性问题。")  # fmt: skip
    ungroup.add_argument("id", metavar="ID", help="民情信息编号")
    ungroup.set_defaults(handler=run_ungroup)


# helpers ------------------------------------------------------------------------------------
def info_of(store: Store, ref: str) -> Info:
    """The live information named by its id or a unique beginning of it."""
    ids = [i.id or "" for i in store.mass_info.infos()]
    return store.mass_info.info(by_prefix(ids, ref, "民情信息"))


def group_of(store: Store, ref: str) -> Group:
    """The live common issue named by its id or a unique beginning of it."""
    ids = [g.id or "" for g in store.mass_info.groups()]
    return store.mass_info.group_of(by_prefix(ids, ref, "共性问题"))


def info_json(info: Info) -> dict[str, Any]:
    """A piece of information as ``--json`` prints it (households by count, no names)."""
    return {
        "id": info.id, "received_on": info.received_on.isoformat(), "source": info.source,
        "topic": info.topic, "type": info.info_type, "text": info.text,
        "reporter": info.reporter, "households": info.households,
        "meeting_id": info.meeting_id, "item_number": info.item_number or None,
        "group_id": info.group_id, "group_title": info.group_title or None,
        "result": info.result or None,
    }  # fmt: skip


def group_json(group: Group) -> dict[str, Any]:
    """A common issue as ``--json`` prints it."""
    return {
        "id": group.id, "title": group.title, "topic": group.topic, "result": group.result,
        "answered_on": group.answered_on.isoformat() if group.answered_on else None,
        "answered_by": group.answered_by, "follow_up": group.follow_up,
        "followed_on": group.followed_on.isoformat() if group.followed_on else None,
        "members": list(group.members),
    }  # fmt: skip


def describe(info: Info) -> str:
    """One line: id, day, source, topic, type, households, text, item, group and answer."""
    parts = [f"{info.id}  {info.received_on:%Y-%m-%d}  {info.source}  {info.topic}  "
             f"{info.info_type}  {info.households} 户  {info.text}"]  # fmt: skip
    if info.item_number:
        parts.append(f"事项 {info.item_number}")
    if info.group_title:
        parts.append(f"共性问题：{info.group_title}")
    if info.result:
        parts.append(f"答复：{info.result}")
    return "　".join(parts)


def describe_group(group: Group) -> str:
    """One line: id, title, topic, members, answer and follow-up."""
    line = f"{group.id}  {group.title}  {group.topic}  {len(group.members)} 条"
    if group.answered_on:
        line += f"　答复（{group.answered_on:%Y-%m-%d} {group.answered_by}）：{group.result}"
    else:
        line += "　未答复"
    if group.followed_on:
        line += f"　回访（{group.followed_on:%Y-%m-%d}）：{group.follow_up}"
    return line


# commands ------------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Record a piece of information; print it."""
    day = day_of(args.date)
    count = number_of(args.households, "涉及户数")
    with store_of(args) as store:
        households = tuple(household_of(store, n) for n in args.household)
        meeting = meeting_of(store, args.meeting).id if args.meeting else None
        saved = store.mass_info.add(
            Info(received_on=day, source=args.source.strip(), topic=args.topic.strip(),
                 info_type=args.info_type.strip(), text=args.text, reporter=args.reporter,
                 household_ids=households, households=count, meeting_id=meeting),
        )  # fmt: skip
    print(f"已登记民情信息：{describe(saved)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """The information, newest first, filtered."""
    first, last = parse_month(args.month) if args.month else (None, None)
    grouped = True if args.grouped else False if args.ungrouped else None
    with store_of(args) as store:
        found = store.mass_info.infos(
            topic=args.topic.strip(), info_type=args.info_type.strip(), first=first, last=last,
            grouped=grouped, text=args.search,
        )  # fmt: skip
    if args.json:
        print(json.dumps([info_json(i) for i in found], ensure_ascii=False, indent=1))
        return 0
    for info in found:
        print(describe(info))
    if not found:
        print("没有符合条件的民情信息。")
    return 0


def run_print(args: argparse.Namespace) -> int:
    """Write the month's 民情信息 as an A4 list."""
    from qunzhong_desktop.reports.minutes_pdf import info_list  # reportlab: loaded when used

    with store_of(args) as store:
        count = info_list(store, args.month, Path(args.out))
    print(f"已生成民情信息登记表（{count} 条）：{Path(args.out).resolve()}")
    return 0


def run_groups(args: argparse.Namespace) -> int:
    """The common issues with their answers."""
    with store_of(args) as store:
        found = store.mass_info.groups()
    if args.json:
        print(json.dumps([group_json(g) for g in found], ensure_ascii=False, indent=1))
        return 0
    for group in found:
        print(describe_group(group))
    if not found:
        print("还没有共性问题。")
    return 0


def run_item(args: argparse.Namespace) -> int:
    """Register information as an item; print its number."""
    with store_of(args) as store:
        info = info_of(store, args.id)
        item = store.mass_info.to_item(
            info.id or "", domain=args.domain, grade=args.grade.strip().upper(),
            item_type=args.item_type, requester=args.requester, content=args.content,
            actor=actor_of(store),
        )  # fmt: skip
    print(item.number)
    return 0


def run_group(args: argparse.Namespace) -> int:
    """Group alike information as one common issue; print it."""
    with store_of(args) as store:
        ids = [info_of(store, ref).id or "" for ref in args.ids]
        group = store.mass_info.group(ids, args.title)
    print(f"已合并为共性问题：{describe_group(group)}")
    return 0


def run_answer(args: argparse.Namespace) -> int:
    """Answer a common issue once, for every piece in it."""
    day = day_of(args.date)
    with store_of(args) as store:
        group = group_of(store, args.group)
        saved = store.mass_info.answer_group(group.id or "", args.result, day, args.by)
    print(f"已统一答复 {len(saved.members)} 条民情信息：{describe_group(saved)}")
    return 0


def run_follow_up(args: argparse.Namespace) -> int:
    """Record the one follow-up of an answered common issue."""
    day = day_of(args.date)
    with store_of(args) as store:
        group = group_of(store, args.group)
        saved = store.mass_info.follow_up_group(group.id or "", args.text, day)
    print(f"已统一回访：{describe_group(saved)}")
    return 0


def run_ungroup(args: argparse.Namespace) -> int:
    """Take a piece out of its unanswered common issue."""
    with store_of(args) as store:
        info = info_of(store, args.id)
        left = store.mass_info.ungroup(info.id or "")
    if left is None:
        print("已移出；共性问题只剩一条信息，已解散。")
    else:
        print(f"已移出：{describe_group(left)}")
    return 0
