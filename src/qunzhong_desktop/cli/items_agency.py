"""``qunzhong items agency`` and ``items authorisation``: 代办 on an item, from the command line.

``items agency NUMBER`` shows the item's 代办; with options it marks the item 代办 or changes
its fields (those not given keep their value), clears it, flags 上门服务, or adds a record:

    qunzhong items agency NUMBER --mode 上门代办 --auth-on 2026-11-10 --auth-kind 书面
        --agent 张华 [--office 县政务服务中心] [--at-home [--diary-entry ID]]
    qunzhong items agency NUMBER --entry 收件 --text "户口本复印件" [--day 2026-11-10]

``items authorisation NUMBER --out FILE.pdf`` writes the form the resident signs. The moves
通知领取 and 已领取 are ``items move NUMBER 已通知领取 --how 电话`` and ``已领取 --by 本人``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.agency import (
    AGENCY_MODES,
    AUTH_KINDS,
    ENTRY_KINDS,
    AgencyEntry,
)
from qunzhong_desktop.core.intake.records import ItemAgency
from qunzhong_desktop.core.intake.states import STATE_NAMES
from qunzhong_desktop.core.text import compact


def add_parsers(actions: Any, home: argparse.ArgumentParser) -> None:
    """Add ``agency`` and ``authorisation`` to ``items``."""
    agency = actions.add_parser(
        "agency",
        help="代办：登记代办方式和群众委托、上门服务、收件/还件/进展记录（不带选项时显示）",
        description="登记或修改事项的代办（未给出的项保持原值），标记上门服务，或添加代办记录。",
        parents=[home],
    )
    agency.add_argument("number", metavar="NUMBER", help="事项编号")
    agency.add_argument("--mode", default=None, help="代办方式：" + "、".join(AGENCY_MODES))
    agency.add_argument("--auth-on", default=None, metavar="DATE", help="群众委托日期（年-月-日）")
    agency.add_argument("--auth-kind", default=None, help="委托方式：" + "、".join(AUTH_KINDS))
    agency.add_argument("--agent", default=None, metavar="NAME", help="代办干部")
    agency.add_argument("--office", default=None, metavar="TEXT", help="办理部门")
    agency.add_argument("--clear", action="store_true", help="取消代办（已通知领取的不能取消）")
    home_flag = agency.add_mutually_exclusive_group()
    home_flag.add_argument("--at-home", action="store_true", default=None, help="标记为上门服务")
    home_flag.add_argument(
        "--not-at-home", dest="at_home", action="store_false", help="取消上门服务标记"
    )
    agency.add_argument(
        "--diary-entry", default=None, metavar="ID", help="上门服务关联的民情日记（走访）编号"
    )
    agency.add_argument(
        "--entry", default=None, metavar="KIND", help="添加代办记录：" + "、".join(ENTRY_KINDS)
    )
    agency.add_argument(
        "--text", default="", metavar="TEXT", help="记录内容（收到或退还的材料、进展）"
    )
    agency.add_argument("--day", default=None, metavar="DATE", help="记录日期（默认今天）")
    agency.set_defaults(handler=run_agency)

    form = actions.add_parser(
        "authorisation",
        help="打印代办委托书（PDF）",
        description="把代办事项的委托书输出为 A4 PDF，供群众签字或按手印；身份证号和电话部分隐藏。",
        parents=[home],
    )
    form.add_argument("number", metavar="NUMBER", help="事项编号")
    form.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    form.add_argument(
        "--full", action="store_true", help="印出完整的身份证号和电话（须有权限，记入访问记录）"
    )
    form.set_defaults(handler=run_authorisation)


def run_agency(args: argparse.Namespace) -> int:
    """Change what the options say, then print the item's 代办."""
    from qunzhong_desktop.cli.items import actor_of

    fields = {
        "mode": args.mode,
        "auth_on": None if args.auth_on is None else day_of(args.auth_on),
        "auth_kind": args.auth_kind,
        "agent": args.agent,
        "office": args.office,
    }
    with store_of(args) as store:
        agency = store.agency
        if args.clear:
            agency.clear_agency(args.number)
        changes = {name: value for name, value in fields.items() if value is not None}
        if changes:
            current = agency.of(args.number).agency
            agency.set_agency(args.number, dataclasses.replace(current, **changes))
        if args.at_home is not None:
            agency.set_at_home(args.number, args.at_home, diary_entry_id=args.diary_entry)
        if args.entry is not None:
            record = AgencyEntry(args.entry.strip(), day_of(args.day), args.text)
            agency.add_entry(args.number, record, actor=actor_of(store))
        print_agency(agency.of(args.number))
        return 0


def run_authorisation(args: argparse.Namespace) -> int:
    """Write the authorisation form of one 代办 item."""
    from qunzhong_desktop.reports import agency_documents

    with store_of(args) as store:
        out = agency_documents.authorisation(store, args.number, Path(args.out), full=args.full)
        print(f"已生成代办委托书：{out.resolve()}")
        return 0


def day_of(text: str | None) -> dt.date:
    """A date from ``YYYY-MM-DD`` (today when None), refused in one Chinese line."""
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(compact(text).replace("/", "-"))
    except ValueError:
        raise ValidationError(
            f"日期“{text}”看不懂，请写成 2026-11-16 这样的年-月-日。", code="agency.date"
        ) from None


def agency_lines(agency: ItemAgency) -> list[str]:
    """An item's 代办 in lines (nothing personal beyond the item's own fields)."""
    lines: list[str] = []
    a = agency.agency
    if a.active:
        auth = f"{a.auth_on.isoformat()} {a.auth_kind}委托" if a.auth_on else "委托待补"
        lines.append(
            f"代办：{a.mode}　{auth}　代办干部 {a.agent or '—'}　办理部门 {a.office or '—'}"
        )
    if agency.at_home:
        lines.append("上门服务" + ("（已关联民情日记）" if agency.diary_entry_id else ""))
    for e in agency.entries:
        lines.append(f"{e.day.isoformat()}　{e.kind}　{e.text}　{e.actor}".rstrip("　"))
    if agency.notified is not None:
        data = agency.notified.data
        lines.append(f"{data.get('notified_on', '')}　已{data.get('how', '')}通知领取")
    if agency.collected is not None:
        data = agency.collected.data
        lines.append(f"{data.get('collected_on', '')}　已领取（{data.get('by', '')}）")
    return lines


def print_agency(agency: ItemAgency) -> None:
    """Print an item's 代办 after its number and state."""
    print(f"{agency.number}　{STATE_NAMES[agency.state]}")
    lines = agency_lines(agency)
    for line in lines or ["这件事项不是代办事项。"]:
        print(line)
