"""``qunzhong cadres``: cadres by category, the rule table, and a cadre's mass-work record.

``add`` registers a cadre with a category (乡驻村干部 …; the role, 身份, follows it);
``list`` shows every cadre with the phone masked; ``rules`` prints the rule table in force
and, at the township, ``rules set`` changes one category's rule (or ``--reset`` restores the
defaults); ``record`` writes a cadre's 群众工作实绩记录 for a period as a PDF.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.cli.diary import cadre_of, day_of
from qunzhong_desktop.core import phone
from qunzhong_desktop.core.cadre_rules import (
    CATEGORIES,
    DEFAULT_RULES,
    Rule,
    rule_for,
    rules_json,
    with_changes,
)
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import DuplicateError, ValidationError
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.reports import documents
from qunzhong_desktop.storage.ledger_repo import is_township
from qunzhong_desktop.storage.report_repo import cadre_owners, station_cadre_ids
from qunzhong_desktop.storage.store import Store

# "县、镇机关干部" has a 、 of its own: the categories are listed with ，
CATEGORY_LIST = "，".join(CATEGORIES)
NONE_WORDS = frozenset({"none", "无", "不要求", "-", "—"})
YES_WORDS = frozenset({"yes", "y", "true", "1", "是", "要求"})
NO_WORDS = frozenset({"no", "n", "false", "0", "否", "不要求"})


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``cadres``: ``add``, ``list``, ``rules`` (and ``rules set``), ``category``, ``record``."""
    cadres = commands.add_parser(
        "cadres",
        help="干部：按类别登记、列表、考核规则、群众工作实绩记录",
        description=f"干部按类别（{CATEGORY_LIST}）考核；考核规则由乡镇设置。",
        parents=[home],
    )
    actions = cadres.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = actions.add_parser(
        "add",
        help="登记一名干部",
        description="登记一名干部；身份（干部、党员、工作队员）随类别而定。",
        parents=[home],
    )
    add.add_argument("--name", required=True, metavar="NAME", help="姓名")
    add.add_argument("--category", required=True, help=f"类别：{CATEGORY_LIST}")
    add.add_argument("--unit", default="", metavar="U", help="单位，如 镇党委、驻村工作队")
    add.add_argument("--phone", default="", metavar="P", help="手机或带区号的固定电话")
    add.add_argument(
        "--village", default="", metavar="CODE", help="包村：所联系村的 12 位工作站代码"
    )
    add.set_defaults(handler=run_add)

    listing = actions.add_parser(
        "list", help="列出干部", description="列出全部干部（电话只显示部分号码）。", parents=[home]
    )
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    rules = actions.add_parser(
        "rules",
        help="查看考核规则（乡镇：rules set 修改）",
        description="列出本机使用的干部考核规则表：每一类干部及其规则。"
        "规则由乡镇群众工作办设置，随乡镇工作包和交办包传到工作站。",
        parents=[home],
    )
    rules.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    rules.set_defaults(handler=run_rules)
    rule_actions = rules.add_subparsers(dest="rules_action", metavar="set")
    change = rule_actions.add_parser(
        "set",
        help="修改一类干部的考核规则（仅限乡镇群众工作办）",
        description="修改一类干部的考核规则；写 none 表示不要求这一项。"
        "--reset 恢复默认规则（指定 --category 时只恢复这一类）。",
        parents=[home],
    )
    change.add_argument("--category", default=None, help=f"类别：{CATEGORY_LIST}")
    change.add_argument("--village-days", metavar="N|none", help="每月在村不少于 N 天")
    change.add_argument("--duty-days", metavar="N|none", help="每月坐班不少于 N 天")
    change.add_argument("--paired", metavar="LOW-HIGH|none", help="结对困难户数，如 3-5")
    change.add_argument(
        "--first-week", metavar="yes|no", help="每月第一周集中工作日（前 5 个工作日）须在村"
    )
    change.add_argument(
        "--year-share", metavar="A/B|none", help="全年在村不少于全年工作日的 A/B，如 1/3"
    )
    change.add_argument("--note", metavar="TEXT", help="说明（最多 50 字；空字符串清除）")
    change.add_argument("--reset", action="store_true", help="恢复默认规则")
    change.set_defaults(handler=run_rules_set)

    fix = actions.add_parser(
        "category",
        help="乡镇：核定工作站干部的考核类别",
        description="乡镇群众工作办核定一名工作站干部按哪一类考核；随下发的数据包传到工作站。"
        "--reset 恢复按工作站登记的类别。",
        parents=[home],
    )
    fix.add_argument("--name", required=True, metavar="NAME", help="干部姓名")
    fix.add_argument("--station", required=True, metavar="CODE", help="登记该干部的工作站代码")
    fix.add_argument("--category", default=None, help=f"类别：{CATEGORY_LIST}")
    fix.add_argument("--reset", action="store_true", help="恢复按工作站登记的类别")
    fix.set_defaults(handler=run_category)

    record = actions.add_parser(
        "record",
        help="生成干部的群众工作实绩记录（PDF）",
        description="生成一名干部在一段时间内的群众工作实绩记录：服务的工作站及起止日期、"
        "各月在村天数、走访户数、经办事项及群众满意度、结对户，并写明本期是否满一年。"
        "在乡镇群众工作办按姓名汇总各工作站登记的同名干部。",
        parents=[home],
    )
    record.add_argument("--name", required=True, metavar="NAME", help="干部姓名")
    record.add_argument("--unit", default=None, help="干部所在单位（同名时区分；工作站）")
    record.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD", help="起")
    record.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD", help="止")
    record.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    record.set_defaults(handler=run_record)


# add and list -------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Register a cadre; print the cadre and the rule of the category."""
    name = compact(args.name)
    if not name:
        raise ValidationError("请填写干部姓名（--name）。", code="cadre.name")
    number = phone.normalise(args.phone) if compact(args.phone) else ""
    unit = clean(args.unit)
    category = category_of(args.category)
    with store_of(args) as store:
        same = [c for c in store.register.cadres() if compact(c.name) == name and c.unit == unit]
        if same:
            raise DuplicateError(
                f"已有干部“{name}”（单位：{unit or '未填'}），不再重复登记；"
                "同名的另一人请用 --unit 写明单位。",
                code="cadre.duplicate",
            )
        saved = store.register.save_cadre(
            Cadre(
                name=name,
                phone=number,
                unit=unit,
                category=category,
                village_code=args.village,
            )
        )
        rule = rule_for(store.settings.cadre_rules(), saved.category)
    unit_text = f"；单位：{saved.unit}" if saved.unit else ""
    village = f"；包村：{saved.village_code}" if saved.village_code else ""
    print(f"已登记干部：{saved.name}（{saved.category}，{saved.role}{unit_text}{village}）。")
    print(f"考核规则：{rule.text}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Every cadre, phones masked; at the township with the station that sent it."""
    with store_of(args) as store:
        cadres = store.register.cadres()
        stations = _stations(store)
    if args.json:
        rows = [
            {
                "name": c.name,
                "category": c.category,
                "role": c.role,
                "unit": c.unit,
                "phone": phone.mask(c.phone),
                "village_code": c.village_code,
                "retired": c.retired,
                **({"station": stations.get(c.id or "", "")} if stations is not None else {}),
            }
            for c in cadres
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not cadres:
        print("还没有登记干部：请用 `qunzhong cadres add --name 姓名 --category 类别` 登记。")
    for c in cadres:
        parts = [c.name, c.category, c.role, c.unit or "（未填单位）", phone.mask(c.phone) or "—"]
        if c.village_code:
            parts.append(f"包村 {c.village_code}")
        if stations is not None:
            parts.append(stations.get(c.id or "", "") or "乡镇本级")
        print("　".join(parts) + ("（已停用）" if c.retired else ""))
    return 0


def _stations(store: Store) -> dict[str, str] | None:
    """At the township: cadre id → the name of the station that sent it; None at a station."""
    if not is_township(store.db):
        return None
    with store.db.session() as s:
        return {cadre_id: name or code for cadre_id, (code, name) in cadre_owners(s).items()}


def category_of(text: str) -> str:
    """A category as typed, refused with the list of categories.

    Raises:
        ValidationError: not one of :data:`CATEGORIES`.
    """
    category = compact(text)
    if category not in CATEGORIES:
        raise ValidationError(
            f"干部类别“{text.strip()}”不在列表中，可用：{CATEGORY_LIST}。", code="cadre.category"
        )
    return category


# rules --------------------------------------------------------------------------------------
def rule_json(rule: Rule) -> dict[str, Any]:
    """One rule as JSON: its fields, its text, and whether it is the default."""
    default = rule_for(DEFAULT_RULES, rule.category)
    return {
        **rules_json([rule])[0],
        "text": rule.text,
        "assessed": rule.assessed,
        "default": rule == default,
    }


def run_rules(args: argparse.Namespace) -> int:
    """The rule table in force, one category a line (or as JSON)."""
    with store_of(args) as store:
        rules = store.settings.cadre_rules()
        township = is_township(store.db)
    if args.json:
        print(json.dumps([rule_json(r) for r in rules], ensure_ascii=False, indent=1))
        return 0
    where = "乡镇设置，可用 `qunzhong cadres rules set` 修改" if township else "乡镇设置，本站只读"
    print(f"干部考核规则（{where}）：")
    _print_rules(rules, marked=True)
    return 0


def _print_rules(rules: Sequence[Rule], *, marked: bool = False) -> None:
    """One category a line, the rules aligned (categories are Chinese: full-width spaces)."""
    width = max((len(r.category) for r in rules), default=0)
    for r in rules:
        changed = "（已修改）" if marked and not rule_json(r)["default"] else ""
        print(f"  {r.category}{'　' * (width - len(r.category))}　{r.text}{changed}")


def run_rules_set(args: argparse.Namespace) -> int:
    """Change (or reset) one category's rule at the township."""
    category = category_of(args.category) if args.category else None
    changes = _changes(args)
    if args.reset and changes:
        raise ValidationError(
            "--reset 恢复默认规则，不能同时修改其他项；请分两次运行。", code="cadres.rules_reset"
        )
    if not args.reset and (category is None or not changes):
        raise ValidationError(
            "请用 --category 指明类别，并至少给出一项修改（--village-days、--duty-days、"
            "--paired、--first-week、--year-share、--note），或用 --reset 恢复默认。",
            code="cadres.rules_nothing",
        )
    with store_of(args) as store:
        rules = store.settings.cadre_rules()
        if args.reset:
            defaults = {r.category: r for r in DEFAULT_RULES}
            rules = tuple(
                defaults[r.category] if category in (None, r.category) else r for r in rules
            )
        else:
            assert category is not None
            rules = with_changes(rules, category, **changes)
        store.settings.set_cadre_rules(rules)
        rules = store.settings.cadre_rules()
    print("已恢复默认考核规则：" if args.reset else "已修改考核规则：")
    _print_rules([r for r in rules if category in (None, r.category)])
    print("工作站在导入新的乡镇工作包或交办包后使用新规则。")
    return 0


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The fields of a rule given on the command line, parsed."""
    changes: dict[str, Any] = {}
    if args.village_days is not None:
        changes["village_days"] = _days(args.village_days, "--village-days")
    if args.duty_days is not None:
        changes["duty_days"] = _days(args.duty_days, "--duty-days")
    if args.paired is not None:
        changes["paired"] = _pair(args.paired, r"[-–—~～至]", "--paired", "3-5（下限-上限）")
    if args.year_share is not None:
        changes["year_share"] = _pair(args.year_share, r"[/／]", "--year-share", "1/3")
    if args.first_week is not None:
        word = compact(args.first_week).lower()
        if word not in YES_WORDS | NO_WORDS:
            raise ValidationError(
                f"--first-week 应为 yes 或 no，现在是“{args.first_week}”。",
                code="cadres.rules_value",
            )
        changes["first_week"] = word in YES_WORDS
    if args.note is not None:
        changes["note"] = clean(args.note)
    return changes


def _days(text: str, option: str) -> int | None:
    word = compact(text).lower()
    if word in NONE_WORDS:
        return None
    if not word.isdigit():
        raise ValidationError(
            f"{option} 应为天数（整数）或 none，现在是“{text}”。", code="cadres.rules_value"
        )
    return int(word)


def _pair(text: str, separator: str, option: str, example: str) -> tuple[int, int] | None:
    word = compact(text).lower()
    if word in NONE_WORDS:
        return None
    parts = re.split(separator, word)
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValidationError(
            f"{option} 应写成 {example} 的样子，或 none，现在是“{text}”。",
            code="cadres.rules_value",
        )
    return (int(parts[0]), int(parts[1]))


# 核定类别 ------------------------------------------------------------------------------------
def run_category(args: argparse.Namespace) -> int:
    """Set (or take back) the category a station's cadre is judged by."""
    if bool(args.reset) == bool(args.category):
        raise ValidationError(
            "请用 --category 指明类别，或用 --reset 恢复。", code="cadre.category"
        )
    category = None if args.reset else category_of(args.category)
    name = compact(args.name)
    with store_of(args) as store:
        if not is_township(store.db):
            raise ValidationError(
                "干部类别由乡镇群众工作办核定；工作站请在户籍 › 网格与干部中修改。",
                code="cadre.category_station",
            )
        with store.db.session() as s:
            ids = station_cadre_ids(s, args.station)
        found = [c for c in store.register.cadres() if c.id in ids and compact(c.name) == name]
        if len(found) != 1:
            raise ValidationError(
                f"工作站 {args.station} 登记的干部中"
                + ("没有" if not found else f"有 {len(found)} 名")
                + f"“{name}”；请核对姓名和工作站代码。",
                code="cadre.missing",
            )
        store.settings.fix_category(found[0].id or "", category)
        registered = found[0].category or found[0].role
    if category is None:
        print(f"{name}：恢复按工作站登记的类别（{registered}）考核。")
    else:
        print(
            f"{name}：乡镇核定按“{category}”考核（工作站登记为{registered}），随下发的数据包传到工作站。"
        )
    return 0


# the record ---------------------------------------------------------------------------------
def run_record(args: argparse.Namespace) -> int:
    """Write a cadre's mass-work record for a period; print what it says."""
    start, end = day_of(args.start), day_of(args.end)
    with store_of(args) as store:
        if is_township(store.db):
            cadre = _first_of_name(store, args.name, args.unit)
        else:
            cadre = cadre_of(store, args.name, args.unit)
        written = documents.cadre_record(store, cadre, start, end, Path(args.out))
    r = written.record
    print(
        f"{r.name}（{r.category}）{r.period_text}：在村 {r.village_days} 天，其中坐班 "
        f"{r.duty_days} 天；走访 {r.households_visited} 户（{r.visits} 户次）；"
        f"经办事项 {r.items} 件；结对 {r.paired} 户，其中困难户 {r.paired_difficult} 户。"
    )
    print(r.year_sentence)
    print(f"已生成群众工作实绩记录：{written.path.resolve()}")
    return 0


def _first_of_name(store: Store, name: str, unit: str | None) -> Cadre:
    """At the township: a cadre of this name (the record gathers every row of the name)."""
    found = [c for c in store.register.cadres() if compact(c.name) == compact(name)]
    if unit:
        found = [c for c in found if compact(c.unit) == compact(unit)]
    if not found:
        return cadre_of(store, name, unit)  # the usual refusal, naming the cadre
    return found[0]
