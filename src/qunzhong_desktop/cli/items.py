"""``qunzhong items``: register intake items (受理登记), move them through the five steps, list.

``add`` prints only the new number, so a script can capture it. ``move`` refuses a move the
state machine does not allow with one Chinese line and exit status 1. 代办 (``agency``,
``authorisation``) is in :mod:`.items_agency`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from qunzhong_desktop.cli import county, items_agency, items_petition, items_responsibility
from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.items_agency import day_of
from qunzhong_desktop.core import citizen_id, phone
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake import corrections
from qunzhong_desktop.core.intake.agency import NOTIFY_WAYS
from qunzhong_desktop.core.intake.clock import URGENCY_NAMES, Urgency
from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow, NewItem
from qunzhong_desktop.core.intake.rules import (
    CHANNELS,
    FOLLOW_UP_WAYS,
    GRADES,
    ITEM_TYPES,
    SATISFACTION,
    MoveRefused,
    offered_targets,
)
from qunzhong_desktop.core.intake.states import (
    STATE_NAMES,
    Role,
    State,
    parse_state,
)
from qunzhong_desktop.core.ledger import station_code_of
from qunzhong_desktop.storage.ledger_repo import is_township, station_labels
from qunzhong_desktop.storage.report_scope import resolve
from qunzhong_desktop.storage.setup import county_profile, node_role, township_profile
from qunzhong_desktop.storage.store import Store

CLI_ACTOR = "命令行"


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``items`` and its sub-commands (add, move, list, correct, show, agency, responsibility …)."""
    items = commands.add_parser(
        "items",
        help="受理事项：登记、流转、列表",
        description="群众诉求的受理登记与流转。",
        parents=[home],
    )
    actions = items.add_subparsers(dest="action", required=True, metavar="ACTION")
    _add_parser(actions, home)
    _move_parser(actions, home)
    _list_parser(actions, home)
    _correct_parser(actions, home)
    _show_parser(actions, home)
    items_agency.add_parsers(actions, home)
    items_responsibility.add_parser(actions, home)
    county.add_escalate(actions, home)  # 上报县 (issue 19)


def _add_parser(actions: Any, home: argparse.ArgumentParser) -> None:
    add = actions.add_parser(
        "add",
        help="受理登记一件事项，输出新编号",
        description="受理登记：诉求人可从户籍中按身份证号选取，也可直接填写姓名和电话。",
        parents=[home],
    )
    who = add.add_mutually_exclusive_group(required=True)
    who.add_argument("--requester-id", metavar="ID", help="诉求人身份证号（须已在户籍中）")
    who.add_argument("--requester-name", metavar="NAME", help="诉求人姓名（非户籍人员）")
    add.add_argument("--phone", default="", metavar="P", help="联系电话")
    add.add_argument("--channel", required=True, help="来源渠道：" + "、".join(CHANNELS))
    add.add_argument("--domain", required=True, help="诉求类别，如 社会保障")
    add.add_argument("--grade", required=True, help="等级：A 重大紧急、B 一般、C 咨询")
    add.add_argument(
        "--type", required=True, dest="item_type", help="件类型：" + "、".join(ITEM_TYPES)
    )
    add.add_argument("--content", required=True, metavar="TEXT", help="诉求内容")
    add.add_argument(
        "--handler", dest="handler_name", default="", help="经办人（默认：工作站操作员）"
    )
    add.add_argument(
        "--days",
        type=int,
        default=None,
        metavar="N",
        help="承诺办结工作日数（默认按诉求类别的时限，A 级急事急办减半）",
    )
    add.add_argument("--result", default="", metavar="TEXT", help="即办件的办理结果")
    add.add_argument(
        "--competent", default=None, metavar="UNIT", help="主管部门（默认：主管该诉求类别的单位）"
    )
    add.add_argument(
        "--paired", default=None, metavar="UNIT", help="双联系单位（默认：联系本村的单位）"
    )
    items_petition.add_options(add)
    add.set_defaults(handler=run_add)


def _move_parser(actions: Any, home: argparse.ArgumentParser) -> None:
    move = actions.add_parser(
        "move",
        help="流转事项（办理中、待补件、已上报、已办结、已回访、已销号……）",
        description="把事项改为下一状态；不允许的流转会被拒绝并说明原因。",
        parents=[home],
    )
    move.add_argument("number", metavar="NUMBER", help="事项编号")
    move.add_argument("state", metavar="STATE", help="目标状态：中文名（如 办理中）或代码")
    move.add_argument("--note", default="", metavar="TEXT", help="说明（不予受理、撤回时必填）")
    move.add_argument("--result", default=None, metavar="TEXT", help="办结结果（默认同 --note）")
    move.add_argument("--satisfaction", default=None, help="回访满意度：" + "、".join(SATISFACTION))
    move.add_argument("--way", default="电话", help="回访方式：" + "、".join(FOLLOW_UP_WAYS))
    move.add_argument("--unit", default=None, help="乡镇交办：责任单位（已交办、已办结时）")
    move.add_argument(
        "--days", type=int, default=None, help="乡镇交办：办结时限（工作日，从今天算起）"
    )
    move.add_argument("--how", default=None, help="通知领取的方式：" + "、".join(NOTIFY_WAYS))
    move.add_argument("--by", default=None, metavar="NAME", help="领取人：本人或代领人姓名")
    move.add_argument(
        "--on", default=None, metavar="DATE", help="通知或领取的日期（年-月-日，默认今天）"
    )
    move.set_defaults(handler=run_move)


def _list_parser(actions: Any, home: argparse.ArgumentParser) -> None:
    listing = actions.add_parser(
        "list", help="列出事项", description="列出受理事项，最新的在前。", parents=[home]
    )
    listing.add_argument(
        "--state", action="append", default=[], metavar="S", help="只列此状态（可重复）"
    )
    listing.add_argument("--overdue", action="store_true", help="只列已超期的事项")
    listing.add_argument(
        "--text", default="", metavar="TEXT", help="编号、诉求人或诉求内容含有这些字的事项"
    )
    listing.add_argument(
        "--station", metavar="CODE", help="只列这个工作站的事项（12 位编码；乡镇和县）"
    )
    listing.add_argument(
        "--township", metavar="CODE", help="只列这个乡镇各工作站的事项（9 位编码；仅限县）"
    )
    listing.add_argument("--limit", type=int, default=None, metavar="N", help="最多列出 N 件")
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)


def _correct_parser(actions: Any, home: argparse.ArgumentParser) -> None:
    fix = actions.add_parser(
        "correct",
        help="更正已登记事项的诉求人、电话、类别、等级或内容（留下更正记录）",
        description="更正已登记的事项：只改给出的项目；每次更正记下经办人、时间、原值和新值，"
        "并随同步报送乡镇。",
        parents=[home],
    )
    fix.add_argument("number", metavar="NUMBER", help="事项编号")
    who = fix.add_mutually_exclusive_group()
    who.add_argument("--requester-id", metavar="ID", help="改为户籍中这个身份证号的居民")
    who.add_argument("--requester-name", metavar="NAME", help="改为这个姓名（非户籍人员）")
    fix.add_argument("--phone", default=None, metavar="P", help="联系电话")
    fix.add_argument("--domain", default=None, help="诉求类别")
    fix.add_argument("--grade", default=None, help="等级：A、B、C")
    fix.add_argument("--content", default=None, metavar="TEXT", help="诉求内容")
    fix.add_argument("--reason", default="", metavar="TEXT", help="更正原因")
    fix.set_defaults(handler=run_correct)


def _show_parser(actions: Any, home: argparse.ArgumentParser) -> None:
    show = actions.add_parser(
        "show",
        help="显示一件事项及其办理经过和更正记录",
        description="显示事项的登记内容、办理经过和更正记录（电话部分隐藏）。",
        parents=[home],
    )
    show.add_argument("number", metavar="NUMBER", help="事项编号")
    show.set_defaults(handler=run_show)


# commands ----------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Register one item and print its number."""
    with store_of(args) as store:
        new = NewItem(
            channel=args.channel,
            domain=args.domain,
            grade=args.grade.strip().upper(),
            item_type=args.item_type,
            content=args.content,
            requester_name=args.requester_name or "",
            requester_phone=phone.normalise(args.phone) if args.phone.strip() else "",
            handler=args.handler_name,
            promised_days=_days(args.days),
            result=args.result,
            competent_unit=args.competent,
            paired_unit=args.paired,
        )
        if args.requester_id:
            new.requester_person_id = person_id_of(store, args.requester_id)
        items_petition.fill(new, args)
        detail = store.items.register_item(new, actor=actor_of(store))
        print(detail.number)
        items_petition.print_hints(store, detail, new.petition)
        return 0


def run_move(args: argparse.Namespace) -> int:
    """Make one move; a refused move raises MoveRefused (one line, exit 1)."""
    target = state_of(args.state)
    data: dict[str, Any] = {}
    if target is State.RESOLVED:
        data["result"] = args.note if args.result is None else args.result
    if target is State.FOLLOWED_UP:
        data["way"] = args.way
        if args.satisfaction is not None:
            data["satisfaction"] = args.satisfaction
    if args.unit:
        data["unit"] = args.unit
    if target is State.NOTIFIED:  # 代办: told to collect
        data.update(notified_on=day_of(args.on).isoformat(), how=(args.how or "").strip())
    if target is State.COLLECTED:  # 代办: collected
        data.update(collected_on=day_of(args.on).isoformat(), by=(args.by or "").strip())
    with store_of(args) as store:
        # at a township office the moves are the township's: assignment and results
        role = Role.TOWNSHIP if node_role(store.db) == "township" else Role.STATION
        if target is State.ASSIGNED and args.days is not None:
            data["deadline"] = store.items.deadline_after(args.days, dt.date.today()).isoformat()
        before = store.items.item(args.number).state
        try:
            detail = store.items.move(
                args.number, target, actor=actor_of(store), note=args.note, data=data, role=role
            )
        except MoveRefused as exc:
            if exc.code != MoveRefused.code:
                raise
            agency = store.agency.of(args.number).agency.mode if role is Role.STATION else ""
            offered = offered_targets(store.items.item(args.number).events, before, role, agency)
            targets = "、".join(STATE_NAMES[t] for t in offered)
            hint = f"当前可改为：{targets}。" if targets else "该事项已结束，不能再流转。"
            raise MoveRefused(exc.message + hint, code=exc.code, **exc.data) from None
        print(f"{detail.number}：{STATE_NAMES[before]} → {STATE_NAMES[detail.state]}")
        return 0


def run_correct(args: argparse.Namespace) -> int:
    """Correct the fields given; print what changed."""
    with store_of(args) as store:
        item = store.items.item(args.number)
        fix = ItemFix(
            requester_name=item.requester_name,
            requester_phone=item.requester_phone,
            requester_person_id=item.requester_person_id,
            domain=item.domain,
            grade=item.grade,
            content=item.content,
        )
        if args.requester_id:
            fix.requester_person_id = person_id_of(store, args.requester_id)
            hit = store.register.person_hit(fix.requester_person_id)
            fix.requester_name = hit.name if hit else ""
            fix.requester_phone = ""  # the register's, unless --phone says otherwise
        elif args.requester_name is not None:
            fix.requester_name, fix.requester_person_id = args.requester_name, None
        if args.phone is not None:
            fix.requester_phone = args.phone
        for name in ("domain", "content"):
            if getattr(args, name) is not None:
                setattr(fix, name, getattr(args, name))
        if args.grade is not None:
            fix.grade = args.grade.strip().upper()
        detail = store.items.correct(args.number, fix, actor=actor_of(store), reason=args.reason)
        print(f"{detail.number}：已更正　{corrections.describe(detail.corrections[-1])}")
        return 0


def run_show(args: argparse.Namespace) -> int:
    """Print an item, its steps and its corrections, in time order."""
    with store_of(args) as store:
        item = store.items.item(args.number)
        agency = store.agency.of(args.number)
        station = dict(store.items.stations()).get(item.station_code, "")
    print(f"{item.number}　{STATE_NAMES[item.state]}　{item.received_at:%Y-%m-%d %H:%M}")
    print(f"诉求人：{item.requester_name}　电话：{phone.mask(item.requester_phone) or '—'}")
    print(f"类别：{item.domain}　等级：{GRADES.get(item.grade, item.grade)}　{item.item_type}")
    if item.promised_days:
        due = f"，期限 {item.due_on.isoformat()}" if item.due_on else ""
        print(f"承诺时限：{item.promised_days} 个工作日{due}")
    print(f"内容：{item.content}")
    found = items_responsibility.responsibility_json(item, station)
    print("　".join(items_responsibility.responsibility_lines(found)))
    for line in items_agency.agency_lines(agency):
        print(line)
    lines = [
        (e.at, f"{e.actor}　{STATE_NAMES[e.to_state]}　{e.note}".rstrip("　")) for e in item.events
    ] + [(c.at, f"{c.actor}　更正　{corrections.describe(c)}") for c in item.corrections]
    for at, text in sorted(lines, key=lambda line: line[0]):
        print(f"{at:%Y-%m-%d %H:%M}　{text}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """List items, newest first, as text lines or a JSON array."""
    station = (args.station or "").strip() or None
    township = (args.township or "").strip() or None
    filters = ItemFilter(
        states=tuple(state_of(s) for s in args.state),
        overdue=args.overdue,
        text=args.text.strip(),
        station_code=station,
        township_code=None if station else township,
    )
    with store_of(args) as store:
        labels: dict[str, str] = {}
        if station or township or is_township(store.db):  # rows name their station
            resolve(store.db, township=township, station=station)  # refused in Chinese
            labels = station_labels(store.db)
        if args.limit is not None:
            ids = store.items.page_ids(filters, offset=0, limit=max(args.limit, 0))
        else:
            ids = store.items.search_ids(filters)
        rows = store.items.rows(ids)
    if args.json:
        print(json.dumps([row_json(r, labels) for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("没有符合条件的事项。")
    for r in rows:
        due = r.due_on.isoformat() if r.due_on else "—"
        flag = "" if r.urgency is Urgency.DONE else f"（{URGENCY_NAMES[r.urgency]}）"
        print(
            f"{r.number}  {r.received_at:%Y-%m-%d}  {STATE_NAMES[r.state]}{flag}  "
            f"期限 {due}  {r.requester_name}  {r.domain}  {r.item_type}"
            + (f"  {labels.get(station_code_of(r.number), '')}" if labels else "")
        )
    return 0


# helpers -----------------------------------------------------------------------------------
def row_json(row: ItemRow, stations: dict[str, str] | None = None) -> dict[str, Any]:
    """One list row as plain JSON values (with its station where the store holds several)."""
    code = station_code_of(row.number)
    where = {"station": code, "station_name": stations.get(code, code)} if stations else {}
    return {
        **where,
        "number": row.number,
        "received_at": row.received_at.isoformat(timespec="seconds"),
        "requester": row.requester_name,
        "channel": row.channel,
        "domain": row.domain,
        "grade": row.grade,
        "type": row.item_type,
        "state": STATE_NAMES[row.state],
        "state_code": row.state.value,
        "due_on": row.due_on.isoformat() if row.due_on else None,
        "urgency": row.urgency.value,
    }


def state_of(text: str) -> State:
    """A state from its Chinese name or code, refused in one Chinese line."""
    try:
        return parse_state(text)
    except ValueError:
        names = "、".join(STATE_NAMES.values())
        raise ValidationError(
            f"没有“{text}”这个状态，可用：{names}（或对应代码）。", code="item.state", value=text
        ) from None


def person_id_of(store: Store, raw: str) -> str:
    """The id of the live resident with this citizen ID number.

    Raises:
        NotFoundError: nobody in the register has it.
    """
    number = citizen_id.normalise(raw)
    found = store.register.person_id_by_id_number(number)
    if found is None:
        raise NotFoundError(
            f"户籍中没有身份证号为 {citizen_id.mask(number) or number} 的居民，"
            "请核对号码，或改用 --requester-name 填写姓名。",
            code="item.requester_missing",
        )
    return found


def actor_of(store: Store) -> str:
    """Who the history names: the operator signed in, else 命令行.

    Without accounts: the station's operator (the township's or the county's name), else
    命令行.
    """
    if store.db.operator is not None:
        return store.db.operator.name
    role = node_role(store.db)
    if role == "township":
        return township_profile(store.db)[1] or CLI_ACTOR
    if role == "county":
        return county_profile(store.db)[1] or CLI_ACTOR
    station = store.register.station()
    return (station.operator if station else "") or CLI_ACTOR


def _days(days: int | None) -> int | None:
    if days is not None and not 1 <= days <= 60:
        raise ValidationError(
            f"承诺办结天数应在 1 到 60 个工作日之间，现在是 {days}。", code="item.days"
        )
    return days
