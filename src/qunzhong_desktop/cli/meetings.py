"""``qunzhong meeting``: 民情恳谈会 and 民情分析会 — record, list, show, minutes, items, links.

A 民情恳谈会 records the problems residents raised (``--problem "问题|提出人|跟进人"``, one
flag each); ``item`` registers one of them as an intake item with channel 民情恳谈会. A
民情分析会 links the items and 民情信息 it discussed (``link``). A meeting is named by its id
or any unique beginning of it, as ``list`` prints it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.diary import day_of
from qunzhong_desktop.cli.items import actor_of
from qunzhong_desktop.core.diary import parse_month
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.meetings import KINDS, TALK, Meeting, Topic
from qunzhong_desktop.storage.store import Store

KIND_LIST = "、".join(KINDS)


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``meeting``: ``add``, ``list``, ``show``, ``minutes``, ``item``, ``link``."""
    meeting = commands.add_parser(
        "meeting",
        help="民情恳谈会、民情分析会：记录、列表、会议记录、问题转事项",
        description="民情恳谈会（群众反映问题，可转为事项）和民情分析会（干部分析当月的事项和"
        "民情信息）。会议用 list 列出的编号（或其开头几位）指明。",
        parents=[home],
    )
    actions = meeting.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="记录一次会议", description="记录一次民情会议。",
                             parents=[home])  # fmt: skip
    add.add_argument("--kind", required=True, help=f"会议类型：{KIND_LIST}")
    add.add_argument("--date", required=True, metavar="D", help="会议日期 YYYY-MM-DD")
    add.add_argument("--place", required=True, help="地点")
    add.add_argument("--host", required=True, help="主持人")
    add.add_argument("--attendance", required=True, metavar="N", help="参会人数")
    add.add_argument("--attendees", default="", help="参会人员（小组、姓名）")
    add.add_argument("--summary", default="", help="会议概要")
    add.add_argument("--decisions", default="", help="会议决定事项")
    add.add_argument(
        "--problem", action="append", default=[], metavar="TEXT[|提出人[|跟进人]]",
        help="群众反映（或分析）的问题，可多次；用 | 隔开提出人和跟进人",
    )  # fmt: skip
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="列出会议", description="列出会议，新的在前。",
                                 parents=[home])  # fmt: skip
    listing.add_argument("--kind", default="", help=f"只列一种：{KIND_LIST}")
    listing.add_argument("--month", default="", metavar="YYYY-MM", help="只列这个月的")
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help="显示一次会议", description="显示会议及其问题。",
                              parents=[home])  # fmt: skip
    show.add_argument("id", metavar="ID", help="会议编号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=run_show)

    pdf = actions.add_parser("minutes", help="打印会议记录（PDF）",
                             description="生成会议记录 A4 PDF。", parents=[home])  # fmt: skip
    pdf.add_argument("id", metavar="ID", help="会议编号")
    pdf.add_argument("--out", required=True, metavar="FILE.pdf", help="输出文件")
    pdf.set_defaults(handler=run_minutes)

    item = actions.add_parser(
        "item", help="把恳谈会上的问题转为事项", parents=[home],
        description="把民情恳谈会上群众反映的一个问题登记为事项（来源渠道：民情恳谈会）。",
    )  # fmt: skip
    item.add_argument("id", metavar="ID", help="会议编号")
    item.add_argument("--topic", required=True, metavar="N", help="第几个问题（从 1 起）")
    item.add_argument("--domain", required=True, help="诉求类别，如 基础设施")
    item.add_argument("--grade", default="B", help="等级：A、B、C（默认 B）")
    item.add_argument("--type", dest="item_type", default="承诺件", help="件类型（默认 承诺件）")
    item.add_argument("--requester", default="", help="诉求人或群体（默认：提出人）")
    item.add_argument("--content", default="", help="诉求内容（默认：问题原文）")
    item.set_defaults(handler=run_item)

    link = actions.add_parser(
        "link", help="分析会关联已有事项或民情信息", parents=[home],
        description="为民情分析会关联一件已有事项（--item）或一条民情信息（--info）。",
    )  # fmt: skip
    link.add_argument("id", metavar="ID", help="会议编号")
    target = link.add_mutually_exclusive_group(required=True)
    target.add_argument("--item", default="", metavar="NUMBER", help="事项编号")
    target.add_argument("--info", default="", metavar="ID", help="民情信息编号")
    link.add_argument("--text", default="", help="分析意见")
    link.add_argument("--owner", default="", help="跟进人")
    link.set_defaults(handler=run_link)


# helpers ------------------------------------------------------------------------------------
def number_of(text: str, what: str) -> int:
    """A whole number typed on the command line, refused in Chinese."""
    try:
        return int(text.strip())
    except ValueError:
        raise ValidationError(f"{what}应为整数，现在是“{text}”。", code="cli.number") from None


def by_prefix(ids: list[str], ref: str, what: str) -> str:
    """The one id among ``ids`` that is ``ref`` or begins with it.

    Raises:
        NotFoundError: none does. ValidationError: several do.
    """
    ref = ref.strip().lower()
    if ref in ids:
        return ref
    found = [i for i in ids if ref and i.startswith(ref)]
    if not found:
        raise NotFoundError(f"没有编号为“{ref}”的{what}，请用 list 查看编号。",
                            code="cli.missing")  # fmt: skip
    if len(found) > 1:
        raise ValidationError(f"有 {len(found)} 个{what}的编号以“{ref}”开头，请多写几位。",
                              code="cli.ambiguous")  # fmt: skip
    return found[0]


def meeting_of(store: Store, ref: str) -> Meeting:
    """The live meeting named by its id or a unique beginning of it."""
    return store.meetings.meeting(by_prefix([m.id or "" for m in store.meetings.meetings()],
                                            ref, "会议"))  # fmt: skip


def _problem(text: str) -> Topic:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) > 3:
        raise ValidationError(
            f"问题“{text}”的格式应为 问题|提出人|跟进人。", code="meeting.cli_problem"
        )
    parts += [""] * (3 - len(parts))
    return Topic(text=parts[0], raised_by=parts[1], owner=parts[2])


def topic_json(n: int, t: Topic) -> dict[str, Any]:
    """One topic as ``--json`` prints it."""
    return {
        "n": n, "id": t.id, "text": t.text, "raised_by": t.raised_by, "owner": t.owner,
        "item_number": t.item_number or None, "item_state": t.item_state or None,
        "info_id": t.info_id, "info_text": t.info_text or None,
    }  # fmt: skip


def meeting_json(meeting: Meeting) -> dict[str, Any]:
    """A meeting as ``--json`` prints it."""
    return {
        "id": meeting.id, "kind": meeting.kind, "held_on": meeting.held_on.isoformat(),
        "place": meeting.place, "host": meeting.host, "attendance": meeting.attendance,
        "attendees": meeting.attendees, "summary": meeting.summary,
        "decisions": meeting.decisions,
        "topics": [topic_json(n, t) for n, t in enumerate(meeting.topics, 1)],
    }  # fmt: skip


def describe(meeting: Meeting) -> str:
    """One line: id, day, kind, place, host, attendance, topics and items."""
    made = sum(bool(t.item_number) for t in meeting.topics)
    what = "问题" if meeting.kind == TALK else "分析"
    return (
        f"{meeting.id}  {meeting.held_on:%Y-%m-%d}  {meeting.kind}  {meeting.place}  "
        f"主持：{meeting.host}  {meeting.attendance} 人  {what} {len(meeting.topics)} 个"
        + (f"，转事项 {made} 件" if meeting.kind == TALK else "")
    )


# commands ------------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Record a meeting with its problems; print its id."""
    meeting = Meeting(
        kind=args.kind.strip(), held_on=day_of(args.date), place=args.place, host=args.host,
        attendance=number_of(args.attendance, "参会人数"), attendees=args.attendees,
        summary=args.summary, decisions=args.decisions,
        topics=tuple(_problem(p) for p in args.problem),
    )  # fmt: skip
    with store_of(args) as store:
        saved = store.meetings.add(meeting)
    print(f"已记录{saved.kind}：{describe(saved)}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """The meetings, newest first."""
    first, last = parse_month(args.month) if args.month else (None, None)
    with store_of(args) as store:
        found = store.meetings.meetings(kind=args.kind.strip() or None, first=first, last=last)
    if args.json:
        print(json.dumps([meeting_json(m) for m in found], ensure_ascii=False, indent=1))
        return 0
    for meeting in found:
        print(describe(meeting))
    if not found:
        print("没有符合条件的会议。")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """One meeting with its topics and the items they became."""
    with store_of(args) as store:
        meeting = meeting_of(store, args.id)
    if args.json:
        print(json.dumps(meeting_json(meeting), ensure_ascii=False, indent=1))
        return 0
    print(describe(meeting))
    for label, value in (("参会人员", meeting.attendees), ("会议概要", meeting.summary),
                         ("决定事项", meeting.decisions)):  # fmt: skip
        if value:
            print(f"{label}：{value}")
    for n, t in enumerate(meeting.topics, 1):
        parts = [f"{n}. {t.text or t.info_text}"]
        if t.raised_by:
            parts.append(f"提出人：{t.raised_by}")
        if t.owner:
            parts.append(f"跟进人：{t.owner}")
        if t.item_number:
            parts.append(f"事项 {t.item_number}（{t.item_state}）")
        if t.info_id:
            parts.append(f"民情信息 {t.info_id}")
        print("　".join(parts))
    return 0


def run_minutes(args: argparse.Namespace) -> int:
    """Write a meeting's minutes as a PDF."""
    from qunzhong_desktop.reports.minutes_pdf import minutes  # reportlab: loaded when used

    with store_of(args) as store:
        meeting = meeting_of(store, args.id)
        minutes(store, meeting.id or "", Path(args.out))
    print(f"已生成{meeting.kind}记录：{Path(args.out).resolve()}")
    return 0


def run_item(args: argparse.Namespace) -> int:
    """Register a problem of a 恳谈会 as an item; print its number."""
    n = number_of(args.topic, "问题序号")
    with store_of(args) as store:
        meeting = meeting_of(store, args.id)
        if not 1 <= n <= len(meeting.topics):
            raise ValidationError(
                f"这次会议有 {len(meeting.topics)} 个问题，没有第 {n} 个。",
                code="meeting.cli_topic",
            )
        item = store.meetings.problem_to_item(
            meeting.id or "", meeting.topics[n - 1].id or "", domain=args.domain,
            grade=args.grade.strip().upper(), item_type=args.item_type,
            requester=args.requester, content=args.content, actor=actor_of(store),
        )  # fmt: skip
    print(item.number)
    return 0


def run_link(args: argparse.Namespace) -> int:
    """Link an item or a 民情信息 to a 分析会."""
    from qunzhong_desktop.cli.info import info_of

    with store_of(args) as store:
        meeting = meeting_of(store, args.id)
        info_id = info_of(store, args.info).id or "" if args.info else ""
        topic = store.meetings.link(
            meeting.id or "", item_number=args.item, info_id=info_id, text=args.text,
            owner=args.owner,
        )  # fmt: skip
    what = f"事项 {topic.item_number}" if topic.item_number else f"民情信息“{topic.info_text}”"
    print(f"已关联{what}。")
    return 0
