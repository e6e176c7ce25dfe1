"""``qunzhong assistance``: assistance as a case (帮扶个案) — needs, checks, help, notice.

``need add`` reports a need of a household (or one member); ``need check`` records the
village's 初核 or the township's 复核 (as the township told the station), ``need back`` sends
it back with a reason, ``need resubmit`` reports it again, ``need close`` closes it with the
result (销号) and ``need reopen`` reopens it with a reason. ``give`` records help against a
checked need (kind, amount in 元 for money and goods, the helping cadres by name), and
``outcome`` writes a help record's outcome later (every one is kept). ``list`` shows the
cases with their steps and help; ``notice`` writes the 五公开 notice for the noticeboard.

Needs and help records are named by the last 8 characters of their id (``list`` shows
them); any 6 or more last characters do when they name exactly one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.diary import day_of, household_of
from qunzhong_desktop.cli.items import actor_of
from qunzhong_desktop.core.assistance import AssistanceRecord, Case
from qunzhong_desktop.core.assistance_case import (
    HELP_KINDS,
    NEED_CATEGORIES,
    STEP_NAMES,
    Need,
    NeedStep,
    Step,
    fen_text,
    yuan_to_fen,
)
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.redact import redact
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.assistance_cases import NeedFilter
from qunzhong_desktop.storage.store import Store

SHORT = 8  # characters of an id shown
MIN_SHORT = 6  # the fewest accepted back
LEVELS: dict[str, Step] = {
    "village": Step.VILLAGE_CHECK, "村": Step.VILLAGE_CHECK, "初核": Step.VILLAGE_CHECK,
    "township": Step.TOWNSHIP_CHECK, "镇": Step.TOWNSHIP_CHECK, "县": Step.TOWNSHIP_CHECK,
    "复核": Step.TOWNSHIP_CHECK,
}  # fmt: skip


def short(ident: str | None) -> str:
    """The part of an id a clerk types: its last 8 characters (the random ones of a UUIDv7)."""
    return (ident or "")[-SHORT:]


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``assistance``: ``need …``, ``give``, ``outcome``, ``list`` and ``notice``."""
    top = commands.add_parser(
        "assistance",
        help="帮扶个案：帮扶需求、初核复核、登记帮扶、帮扶成效、销号、五公开公示",
        description="帮扶需求经网长报告、村党组织初核、镇（县）复核后才能登记帮扶；"
        "需求解决后销号。需求和帮扶记录用编号（list 显示的 8 位）指明。",
        parents=[home],
    )
    actions = top.add_subparsers(dest="action", required=True, metavar="ACTION")
    _need_parsers(actions, home)

    give = actions.add_parser(
        "give",
        help="对已复核的需求登记一次帮扶",
        description="对经过初核和复核、尚未销号的需求登记一次帮扶，输出帮扶记录编号。",
        parents=[home],
    )
    give.add_argument("--need", required=True, metavar="ID", help="需求编号")
    give.add_argument(
        "--kind", required=True, metavar="K", help="帮扶方式：" + "、".join(HELP_KINDS)
    )
    give.add_argument("--amount", default=None, metavar="A", help="金额（元），资金和物品才填")
    give.add_argument("--unit", required=True, metavar="U", help="帮扶单位，如 驻村工作队")
    give.add_argument(
        "--helper", action="append", default=[], metavar="NAME",
        help="帮扶人（干部姓名，可重复；同名时写 姓名/单位）",
    )  # fmt: skip
    give.add_argument("--content", required=True, metavar="T", help="帮扶内容")
    give.add_argument("--target", default="", metavar="T", help="帮扶目标")
    give.add_argument("--date", default=None, metavar="D", help="帮扶日期 YYYY-MM-DD（默认今天）")
    give.add_argument("--time-limit", default=None, metavar="D", help="帮扶时限 YYYY-MM-DD")
    give.add_argument(
        "--person", default=None, metavar="NAME", help="帮扶对象（户内成员姓名；默认同需求）"
    )
    give.add_argument("--result", default="", metavar="T", help="帮扶成效（也可以以后再填）")
    give.set_defaults(handler=run_give)

    outcome = actions.add_parser(
        "outcome",
        help="填写或修改帮扶成效",
        description="填写一条帮扶记录的帮扶成效；以前填过的都保留在历史中。",
        parents=[home],
    )
    outcome.add_argument("record", metavar="RECORD_ID", help="帮扶记录编号（list 中显示）")
    outcome.add_argument("--text", required=True, metavar="T", help="帮扶成效")
    outcome.add_argument("--date", default=None, metavar="D", help="日期 YYYY-MM-DD（默认今天）")
    outcome.set_defaults(handler=run_outcome)

    listing = actions.add_parser(
        "list",
        help="列出帮扶个案",
        description="列出帮扶需求及其步骤、帮扶记录和帮扶成效（不显示电话和身份证号）。",
        parents=[home],
    )
    listing.add_argument("--open", action="store_true", help="只列未销号的需求")
    listing.add_argument("--household", default=None, metavar="NO", help="只列这一户（户号）")
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    notice = actions.add_parser(
        "notice",
        help="输出帮扶工作五公开公示（PDF）",
        description="输出张贴用的帮扶工作五公开公示（A4 横向）：正在实施和当年销号的帮扶，"
        "帮扶对象姓名隐去部分文字，不含身份证号、电话和住址；金额按乡镇设置公示。",
        parents=[home],
    )
    notice.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    notice.add_argument("--grid", default=None, metavar="G", help="只公示这个网格的户（网格名）")
    notice.add_argument("--year", default=None, metavar="Y", help="销号年份（默认今年）")
    notice.set_defaults(handler=run_notice)


def _need_parsers(actions: Any, home: argparse.ArgumentParser) -> None:
    need = actions.add_parser(
        "need",
        help="帮扶需求：报告、初核/复核、退回、重新报告、销号、重新打开",
        description="帮扶需求的报告和核查步骤，每一步记下经办人和日期。",
        parents=[home],
    )
    steps = need.add_subparsers(dest="step", required=True, metavar="STEP")
    add = steps.add_parser(
        "add", help="报告一项帮扶需求", description="登记一项帮扶需求，输出需求编号。",
        parents=[home],
    )  # fmt: skip
    add.add_argument("--household", required=True, metavar="NO", help="户号")
    add.add_argument("--person", default=None, metavar="NAME", help="户内成员姓名（默认整户）")
    add.add_argument("--what", required=True, metavar="TEXT", help="需要什么帮扶")
    add.add_argument("--category", required=True, help="类别：" + "、".join(NEED_CATEGORIES))
    add.add_argument("--urgent", action="store_true", help="急事急办")
    add.add_argument(
        "--reported-by", default=None, metavar="NAME", help="报告人（默认该户所在网格的网长）"
    )
    add.add_argument("--date", default=None, metavar="D", help="报告日期 YYYY-MM-DD（默认今天）")
    add.add_argument("--time-limit", default=None, metavar="D", help="帮扶时限 YYYY-MM-DD")
    add.set_defaults(handler=run_need_add)

    check = _step_parser(steps, home, "check", "初核或复核", "记录村党组织初核或镇（县）复核。")
    check.add_argument(
        "--level", required=True, metavar="LEVEL",
        help="village（村党组织初核）或 township（镇（县）复核）",
    )  # fmt: skip
    check.add_argument("--note", default="", metavar="T", help="核查意见")
    for name, title, note_flag, note_help in (
        ("back", "退回需求", "--reason", "退回原因"),
        ("resubmit", "退回后重新报告", "--note", "补充说明"),
        ("close", "销号", "--result", "帮扶结果（需求如何得到解决）"),
        ("reopen", "重新打开已销号的需求", "--reason", "重新打开的原因"),
    ):
        parser = _step_parser(steps, home, name, title, f"{title}，记下经办人和日期。")
        parser.add_argument(note_flag, dest="note", default="", metavar="T", help=note_help)


def _step_parser(
    steps: Any, home: argparse.ArgumentParser, name: str, title: str, description: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = steps.add_parser(
        name, help=title, description=description, parents=[home]
    )
    parser.add_argument("need", metavar="ID", help="需求编号")
    parser.add_argument("--by", default=None, metavar="NAME", help="经办人（默认当前操作员）")
    parser.add_argument("--date", default=None, metavar="D", help="日期 YYYY-MM-DD（默认今天）")
    parser.set_defaults(handler=run_step, action_name=name)
    return parser


# commands ----------------------------------------------------------------------------------
def run_need_add(args: argparse.Namespace) -> int:
    """Report a need; print its id."""
    day = day_of(args.date)
    limit = day_of(args.time_limit) if args.time_limit else None
    with store_of(args) as store:
        household_id = household_of(store, args.household)
        household = store.register.household(household_id)
        person_id = person_of(store, household_id, args.person) if args.person else None
        reported_by = args.reported_by
        if reported_by is None:
            leader = next(
                (g.leader_name for g in store.register.grids() if g.id == household.grid_id), ""
            )
            reported_by = leader or actor_of(store)
        need = Need(
            household_id=household_id, person_id=person_id, what=args.what,
            category=compact(args.category), urgent=args.urgent, reported_by=reported_by,
            reported_on=day, time_limit=limit,
        )  # fmt: skip
        case = store.needs.report(need, actor=reported_by)
        print(f"需求 {short(case.need.id)} 已登记：{_who(case)}，{case.state_name}。")
        return 0


def run_step(args: argparse.Namespace) -> int:
    """Record a checking step (初核, 复核, 退回, 重新报告, 销号, 重新打开)."""
    day = day_of(args.date)
    if args.action_name == "check":
        level = compact(args.level).lower()
        if level not in LEVELS:
            raise ValidationError(
                f"核查级别“{args.level}”不对：村党组织初核写 village，镇（县）复核写 township。",
                code="assistance.level",
            )
        step = LEVELS[level]
    else:
        step = {
            "back": Step.SEND_BACK, "resubmit": Step.RESUBMIT, "close": Step.CLOSE,
            "reopen": Step.REOPEN,
        }[args.action_name]  # fmt: skip
    with store_of(args) as store:
        need_id = need_of(store, args.need)
        by = args.by if args.by is not None else actor_of(store)
        case = store.needs.take_step(need_id, NeedStep(step, day, by, args.note))
        print(
            f"需求 {short(need_id)}：{STEP_NAMES[step]}（{compact(by)}，{day.isoformat()}），"
            f"现在是“{case.state_name}”。"
        )
        return 0


def run_give(args: argparse.Namespace) -> int:
    """Record help against a checked need; print the record's id."""
    day = day_of(args.date)
    limit = day_of(args.time_limit) if args.time_limit else None
    amount = yuan_to_fen(args.amount) if args.amount is not None else None
    with store_of(args) as store:
        case = store.needs.get(need_of(store, args.need))
        need = case.need
        person_id = need.person_id
        if args.person:
            person_id = person_of(store, need.household_id, args.person)
        helpers = [helper_of(store, name) for name in args.helper]
        record = AssistanceRecord(
            household_id=need.household_id, person_id=person_id, need_id=need.id,
            given_on=day, helping_unit=args.unit, helper="", content=args.content,
            target=args.target, time_limit=limit, result=args.result,
            kind=compact(args.kind), amount_fen=amount,
            helper_ids=tuple(h.id or "" for h in helpers),
        )  # fmt: skip
        saved = store.assistance.save(record)
        money = f" {fen_text(saved.amount_fen)} 元" if saved.amount_fen else ""
        print(
            f"帮扶记录 {short(saved.id)} 已登记：需求 {short(need.id)}，{saved.kind}{money}，"
            f"帮扶人 {saved.helper}。"
        )
        return 0


def run_outcome(args: argparse.Namespace) -> int:
    """Write a help record's outcome (the earlier ones stay in its history)."""
    day = day_of(args.date)
    if day > dt.date.today():
        raise ValidationError(f"日期 {day.isoformat()} 晚于今天，请改正。", code="assistance.day")
    with store_of(args) as store:
        record_id = record_of(store, args.record)
        if day < store.assistance.get(record_id).given_on:
            raise ValidationError(
                f"日期 {day.isoformat()} 早于帮扶日期，请改正。", code="assistance.day"
            )
        store.assistance.set_outcome(record_id, args.text, today=day)
        history = store.assistance.outcomes(record_id)
        print(f"帮扶记录 {short(record_id)} 的帮扶成效已记下（共 {len(history)} 次填写）。")
        return 0


def run_list(args: argparse.Namespace) -> int:
    """List the cases with their steps and help."""
    with store_of(args) as store:
        household_id = household_of(store, args.household) if args.household else None
        cases = store.needs.cases(NeedFilter(open_only=args.open, household_id=household_id))
        if args.json:
            listed = [_case_json(store, c) for c in cases]
            print(json.dumps(listed, ensure_ascii=False, indent=1))
            return 0
        if not cases:
            print("没有符合条件的帮扶需求。")
        today = dt.date.today()
        for case in cases:
            _print_case(store, case, today)
        return 0


def run_notice(args: argparse.Namespace) -> int:
    """Write the 五公开 notice."""
    year = None
    if args.year is not None:
        typed = compact(args.year).removesuffix("年")
        if not (typed.isascii() and typed.isdigit() and len(typed) == 4):
            raise ValidationError(
                f"年份“{args.year}”看不懂，请写成 2026 这样的四位数。", code="notice.year"
            )
        year = int(typed)
    with store_of(args) as store:
        grid_id = grid_of(store, args.grid) if args.grid else None
        written = documents.assistance_notice(store, Path(args.out), grid_id=grid_id, year=year)
        print(f"已生成帮扶工作五公开公示（{written.rows} 项）：{written.path.resolve()}")
        return 0


# output ------------------------------------------------------------------------------------
def _who(case: Case) -> str:
    head = f"{case.household_number} {case.household_head}户"
    return f"{head} {case.person_name}" if case.person_name else head


def _print_case(store: Store, case: Case, today: dt.date) -> None:
    need = case.need
    urgent = "  急事急办" if need.urgent else ""
    print(f"需求 {short(need.id)}  [{case.state_name}]  {_who(case)}  {need.category}{urgent}")
    print(f"  内容：{redact(need.what)}")
    limit = need.time_limit.isoformat() if need.time_limit else "—"
    late = "（已超期）" if case.overdue(today) else ""
    print(f"  报告：{need.reported_on.isoformat()} {need.reported_by or '—'}；时限：{limit}{late}")
    for step in case.steps:
        note = f"：{redact(step.note)}" if step.note else ""
        print(f"  · {step.day.isoformat()} {STEP_NAMES[step.step]} {step.actor}{note}")
    for h in case.help:
        money = f" {fen_text(h.amount_fen)} 元" if h.amount_fen else ""
        print(
            f"  帮扶 {short(h.id)}  {h.given_on.isoformat()}  {h.kind}{money}  "
            f"{h.helping_unit}  {h.helper}：{redact(h.content)}"
        )
        if h.result:
            print(f"      成效：{redact(h.result)}")
    if case.result:
        print(f"  销号结果：{redact(case.result)}")


def _case_json(store: Store, case: Case) -> dict[str, Any]:
    need = case.need
    return {
        "id": need.id,
        "short": short(need.id),
        "household": case.household_number,
        "head": case.household_head,
        "person": case.person_name or None,
        "what": redact(need.what),
        "category": need.category,
        "urgent": need.urgent,
        "reported_by": need.reported_by,
        "reported_on": need.reported_on.isoformat(),
        "time_limit": need.time_limit.isoformat() if need.time_limit else None,
        "state": case.state.value,
        "state_name": case.state_name,
        "overdue": case.overdue(dt.date.today()),
        "result": redact(case.result),
        "amount_yuan": fen_text(case.amount_fen) if case.amount_fen else None,
        "steps": [
            {
                "step": s.step.value,
                "name": STEP_NAMES[s.step],
                "date": s.day.isoformat(),
                "actor": s.actor,
                "note": redact(s.note),
            }
            for s in case.steps
        ],
        "help": [_help_json(store, h) for h in case.help],
    }


def _help_json(store: Store, h: AssistanceRecord) -> dict[str, Any]:
    return {
        "id": h.id,
        "short": short(h.id),
        "date": h.given_on.isoformat(),
        "kind": h.kind,
        "amount_fen": h.amount_fen,
        "amount_yuan": fen_text(h.amount_fen) or None,
        "unit": h.helping_unit,
        "helpers": h.helper,
        "helper_ids": list(h.helper_ids),
        "content": redact(h.content),
        "target": redact(h.target),
        "time_limit": h.time_limit.isoformat() if h.time_limit else None,
        "outcome": redact(h.result),
        "outcomes": [
            {"date": o.day.isoformat(), "text": redact(o.text), "actor": o.actor}
            for o in store.assistance.outcomes(h.id or "")
        ],
    }


# look-ups ----------------------------------------------------------------------------------
def _by_tail(typed: str, ids: list[str], what: str, code: str) -> str:
    tail = compact(typed).lower()
    if len(tail) < MIN_SHORT:
        raise ValidationError(
            f"{what}编号“{typed}”太短：请写 list 显示的 {SHORT} 位编号。", code=code
        )
    found = [i for i in ids if i.lower().endswith(tail)]
    if not found:
        raise NotFoundError(f"没有编号为“{typed}”的{what}，请用 list 核对编号。", code=code)
    if len(found) > 1:
        raise ValidationError(
            f"编号“{typed}”对应 {len(found)} 项{what}，请多写几位（list 中的完整编号）。",
            code=code,
        )
    return found[0]


def need_of(store: Store, typed: str) -> str:
    """The id of the need whose id ends with ``typed`` (6 characters or more)."""
    ids = [c.need.id or "" for c in store.needs.cases()]
    return _by_tail(typed, ids, "帮扶需求", "assistance.need_id")


def record_of(store: Store, typed: str) -> str:
    """The id of the help record whose id ends with ``typed`` (6 characters or more)."""
    ids = [r.id or "" for r in store.assistance.in_period()]
    return _by_tail(typed, ids, "帮扶记录", "assistance.record_id")


def person_of(store: Store, household_id: str, name: str) -> str:
    """The id of the household's member called ``name``."""
    household = store.register.household(household_id)
    found = [p for p in household.members if compact(p.name) == compact(name)]
    if len(found) != 1:
        names = "、".join(p.name for p in household.members) or "无"
        raise NotFoundError(
            f"户号 {household.number} 中没有（或有不止一个）叫“{name}”的成员；成员：{names}。",
            code="assistance.person",
        )
    return found[0].id or ""


def helper_of(store: Store, typed: str) -> Cadre:
    """The working cadre named ``typed`` (``姓名/单位`` when two share the name)."""
    name, _, unit = compact(typed).partition("/")
    found = [c for c in store.register.cadres() if compact(c.name) == name and not c.retired]
    if unit:
        found = [c for c in found if compact(c.unit) == unit]
    if not found:
        raise NotFoundError(
            f"干部名单中没有“{typed}”，帮扶人须是登记在册的干部；请在“户籍 › 网格与干部”中核对。",
            code="assistance.helper",
        )
    if len(found) > 1:
        units = "、".join(c.unit or "（未填单位）" for c in found)
        raise ValidationError(
            f"有 {len(found)} 名干部叫“{name}”（单位：{units}），请写成 {name}/单位。",
            code="assistance.helper_ambiguous",
        )
    return found[0]


def grid_of(store: Store, name: str) -> str:
    """The id of the live grid called ``name``."""
    grids = store.register.grids()
    for grid in grids:
        if compact(grid.name) == compact(name):
            return grid.id or ""
    names = "、".join(g.name for g in grids) or "无"
    raise NotFoundError(f"没有名为“{name}”的网格；现有网格：{names}。", code="assistance.grid")
