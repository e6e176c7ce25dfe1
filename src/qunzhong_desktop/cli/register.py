"""``qunzhong register due``: residents turning an age soon (即将到龄), listed, printed, served.

    qunzhong register due --turning 70 [--turning 80] [--within 60] [--tag 低保户] [--json]
        [--out 名单.pdf [--full]] [--create --domain 社会保障 [--mode 上门代办 --agent 张华] --yes]

Without ``--within`` the window is this month and the next. ``--create`` registers one 代办
item for each resident listed (numbered like any item); the clerk confirms the list first —
typed ``y`` in a terminal, or ``--yes`` in a script. ID numbers and phones are masked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.agency import AGENCY_MODES, Agency
from qunzhong_desktop.core.intake.rules import CHANNELS
from qunzhong_desktop.core.register_due import DueResident, window
from qunzhong_desktop.storage.agency_repo import DueList
from qunzhong_desktop.storage.store import Store

CONFIRM_WORDS = ("y", "yes", "是", "确认")


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``register`` and its ``due`` sub-command."""
    group = commands.add_parser(
        "register",
        help="户籍查询：即将到龄的居民（老年优待证、高龄津贴……）",
        description="按户籍查询即将年满某一年龄的居民，打印名单，并可为他们登记代办事项。",
        parents=[home],
    )
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")
    due = actions.add_parser(
        "due",
        help="即将年满某一年龄的居民（默认本月和下月）",
        description="列出在本月和下月（或今后 N 天内）年满给定年龄的居民；出生日期取户籍，"
        "户籍没有时取自身份证号。",
        parents=[home],
    )
    due.add_argument(
        "--turning", type=int, action="append", required=True, metavar="AGE",
        help="年满的周岁，如 60、70、80（可重复）",
    )  # fmt: skip
    due.add_argument(
        "--within", type=int, default=None, metavar="DAYS", help="今后多少天内（默认本月和下月）"
    )
    due.add_argument("--tag", default="", metavar="TAG", help="只列有这一重点帮扶类别的居民或户")
    due.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    due.add_argument("--out", default=None, metavar="FILE.pdf", help="把名单打印为 A4 PDF")
    due.add_argument(
        "--full", action="store_true", help="名单上印出完整的身份证号和电话（须有权限）"
    )
    due.add_argument("--create", action="store_true", help="为列出的每位居民登记一件代办事项")
    due.add_argument("--domain", default="社会保障", help="代办事项的诉求类别（默认 社会保障）")
    due.add_argument("--channel", default="走访", help="来源渠道：" + "、".join(CHANNELS))
    due.add_argument("--mode", default="定点代办", help="代办方式：" + "、".join(AGENCY_MODES))
    due.add_argument("--agent", default="", metavar="NAME", help="代办干部（上门、流动代办必填）")
    due.add_argument(
        "--service", default="", metavar="TEXT", help="代办什么（默认按年龄：老年优待证、高龄津贴）"
    )
    due.add_argument("--yes", action="store_true", help="不再询问，直接登记")
    due.set_defaults(handler=run_due)
    search = actions.add_parser(
        "search",
        help="查找居民（姓名、拼音首字母、身份证号后几位、电话），列出所在工作站",
        description="在本机户籍中查找居民；在乡镇和县列出每人所在的工作站，可按乡镇、工作站筛选。"
        "结果不显示身份证号和电话。",
        parents=[home],
    )
    search.add_argument("query", metavar="TEXT", help="姓名、拼音首字母、身份证号后几位或电话")
    search.add_argument("--station", metavar="CODE", help="只找这个工作站（12 位编码）")
    search.add_argument("--township", metavar="CODE", help="只找这个乡镇（9 位编码；仅限县）")
    search.add_argument(
        "--limit", type=int, default=50, metavar="N", help="最多列出 N 人（默认 50）"
    )
    search.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    search.set_defaults(handler=run_search)


def run_search(args: argparse.Namespace) -> int:
    """Residents matching the text, each with the station of the household."""
    from qunzhong_desktop.storage.county_search import search_residents
    from qunzhong_desktop.storage.report_scope import resolve

    limit = args.limit
    if limit < 1:
        raise ValidationError(
            "--limit 至少为 1（最多列出几人）。", code="search.limit", field="limit"
        )
    with store_of(args) as store:
        scope = resolve(store.db, township=args.township, station=args.station)
        hits = search_residents(store.db, args.query, scope, limit=limit + 1)
    more, hits = len(hits) > limit, hits[:limit]
    said = f"超过 {limit} 人，只列出了前 {limit} 人；请输入更多字缩小范围，或用 --limit 列出更多。"
    if args.json:
        rows = [
            {"name": h.name, "household_number": h.household_number, "station": h.station,
             "station_name": h.station_name}
            for h in hits
        ]  # fmt: skip
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        if more:  # the array stays the hits; the note goes beside it
            print(said, file=sys.stderr)
        return 0
    if not hits and not more:
        print("没有找到符合条件的居民。")
    for h in hits:
        print(f"{h.name}  户号 {h.household_number}  {h.station_name}")
    if more:
        print(said)
    return 0


def run_due(args: argparse.Namespace) -> int:
    """List (print, serve) the residents turning an age in the window."""
    today = dt.date.today()
    span = window(today, args.within)
    with store_of(args) as store:
        due = store.agency.due(args.turning, span, tag=args.tag)
        if args.json:
            print(json.dumps([_json(d, due) for d in due.found], ensure_ascii=False, indent=1))
        else:
            _print(due)
        if args.out:
            from qunzhong_desktop.reports import agency_documents

            written = agency_documents.due_list(store, due, Path(args.out), full=args.full)
            print(f"已生成名单（{written} 人）：{Path(args.out).resolve()}", file=_side(args))
        if args.create:
            return _create(store, due, args)
        return 0


def _side(args: argparse.Namespace) -> Any:
    """Where remarks go: stderr under ``--json`` (stdout is the JSON), else stdout."""
    return sys.stderr if args.json else sys.stdout


def _print(due: DueList) -> None:
    ages = "、".join(str(a) for a in due.ages)
    tag = f"，{due.tag}" if due.tag else ""
    print(f"{due.window.title} 年满 {ages} 周岁{tag}：{len(due.found)} 人")
    for d in due.found:
        r = d.resident
        number = due.open_items.get(r.person_id)
        note = f"　已有代办事项 {number}" if number else ""
        print(
            f"{d.on.isoformat()}　{r.name}　{r.household_number}　{d.birth_date.isoformat()}　"
            f"年满 {d.age} 周岁　{d.service or '—'}{note}"
        )
    if due.without_birth:
        print(f"（另有 {due.without_birth} 人户籍中没有出生日期或身份证号有误，无法判断。）")


def _json(d: DueResident, due: DueList) -> dict[str, Any]:
    r = d.resident
    return {
        "name": r.name,
        "household": r.household_number,
        "id_number": citizen_id.mask(r.id_number),
        "birth_date": d.birth_date.isoformat(),
        "age": d.age,
        "on": d.on.isoformat(),
        "service": d.service,
        "tags": list(r.tags),
        "open_item": due.open_items.get(r.person_id),
    }


def _create(store: Store, due: DueList, args: argparse.Namespace) -> int:
    from qunzhong_desktop.cli.items import actor_of

    if not due.found:
        raise ValidationError("名单上没有居民，没有登记代办事项。", code="agency.none_chosen")
    out = _side(args)
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError(
                f"将为以上 {len(due.found)} 位居民各登记一件代办事项：请确认后加 --yes 再运行。",
                code="agency.confirm",
            )
        answer = input(f"为以上 {len(due.found)} 位居民各登记一件代办事项？请输入 y 确认：")
        if answer.strip().lower() not in CONFIRM_WORDS:
            print("已取消，没有登记。", file=out)
            return 1
    agency = Agency(mode=args.mode.strip(), agent=args.agent)
    made = store.agency.create_for(
        due.found, agency, domain=args.domain, channel=args.channel, service=args.service,
        actor=actor_of(store),
    )  # fmt: skip
    for number in made.numbers:
        print(f"已登记代办事项 {number}", file=out)
    for name, number in made.skipped:
        print(f"{name}：已有同样的代办事项 {number}，未重复登记", file=out)
    return 0
