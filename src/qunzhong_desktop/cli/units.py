"""``qunzhong units``: the township's units register (责任单位, issue 17).

``list`` shows every unit with its level, kind, paired villages (联系村, with the stations'
names), contact cadres and the domains it is the competent department (主管部门) of; ``add``,
``edit``, ``pair`` and ``remove`` change it at the township, which sends it to its stations
with every dispatch. A station lists its copy and may not change it.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.core.units import KINDS, LEVELS, Unit
from qunzhong_desktop.storage.store import Store

LEVEL_LIST = "、".join(LEVELS)
KIND_LIST = "、".join(KINDS)


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``units``: ``list``, ``add``, ``edit``, ``pair``, ``remove``."""
    units = commands.add_parser(
        "units",
        help="责任单位：列表、登记、修改、联系村（双联系）",
        description="乡镇的责任单位（职能部门、双联系单位、服务窗口）：级别、联系村、联系干部"
        "和主管的诉求类别。由乡镇群众工作办设置，随下发的数据包传到工作站。",
        parents=[home],
    )
    actions = units.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser(
        "list", help="列出责任单位", description="列出全部责任单位。", parents=[home]
    )
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    add = actions.add_parser(
        "add", help="登记一个责任单位（乡镇）", description="登记一个责任单位。", parents=[home]
    )
    add.add_argument("--name", required=True, metavar="NAME", help="单位名称")
    add.add_argument("--level", default=LEVELS[0], help=f"级别：{LEVEL_LIST}（默认 乡镇）")
    add.add_argument("--kind", default=KINDS[0], help=f"类别：{KIND_LIST}（默认 职能部门）")
    _lists(add)
    add.add_argument(
        "--village",
        action="append",
        default=[],
        metavar="CODE",
        help="联系村的工作站代码（可多次）",
    )
    add.set_defaults(handler=run_add)

    edit = actions.add_parser(
        "edit",
        help="修改一个责任单位（乡镇）",
        description="修改一个责任单位；只改给出的项。--contact、--domain 给出时替换原有的。"
        "已交办事项上的单位名称不随改名而变。",
        parents=[home],
    )
    edit.add_argument("--name", required=True, metavar="NAME", help="单位名称")
    edit.add_argument("--rename", metavar="NEW", help="新名称")
    edit.add_argument("--level", help=f"级别：{LEVEL_LIST}")
    edit.add_argument("--kind", help=f"类别：{KIND_LIST}")
    _lists(edit)
    edit.add_argument("--no-contacts", action="store_true", help="清除联系干部")
    edit.add_argument("--no-domains", action="store_true", help="清除主管类别")
    edit.set_defaults(handler=run_edit)

    pair = actions.add_parser(
        "pair",
        help="为责任单位添加联系村（乡镇）",
        description="为责任单位添加联系村（双联系）；--replace 以给出的村替换原有联系村。",
        parents=[home],
    )
    pair.add_argument("--name", required=True, metavar="NAME", help="单位名称")
    pair.add_argument(
        "--village", action="append", default=[], metavar="CODE", help="工作站代码（可多次）"
    )
    pair.add_argument("--replace", action="store_true", help="替换原有联系村")
    pair.set_defaults(handler=run_pair)

    remove = actions.add_parser(
        "remove",
        help="删除一个责任单位（乡镇）",
        description="从名册中删除一个责任单位；已交办事项上的单位名称不变。",
        parents=[home],
    )
    remove.add_argument("--name", required=True, metavar="NAME", help="单位名称")
    remove.set_defaults(handler=run_remove)


def _lists(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--contact", action="append", default=[], metavar="NAME", help="联系干部姓名（可多次）"
    )
    parser.add_argument(
        "--domain", action="append", default=[], metavar="D", help="主管的诉求类别（可多次）"
    )


# list ----------------------------------------------------------------------------------------
def unit_json(unit: Unit, stations: dict[str, str]) -> dict[str, Any]:
    """One unit as ``list --json`` prints it: the villages with their stations' names."""
    return {
        **unit.as_json(),
        "villages": [{"code": c, "name": stations.get(c, "")} for c in unit.villages],
    }


def run_list(args: argparse.Namespace) -> int:
    """Every unit of the register in force here."""
    with store_of(args) as store:
        units = store.units.register()
        stations = dict(store.items.stations())
    if args.json:
        print(json.dumps([unit_json(u, stations) for u in units], ensure_ascii=False, indent=1))
        return 0
    for unit in units:
        print(describe(unit, stations))
    return 0


def describe(unit: Unit, stations: dict[str, str]) -> str:
    """One line: name, level, kind, then what it has of villages, contacts and domains."""
    parts = [unit.name, unit.level, unit.kind]
    if unit.villages:
        villages = "、".join(f"{stations.get(c) or '未知工作站'}（{c}）" for c in unit.villages)
        parts.append(f"联系村：{villages}")
    if unit.contacts:
        parts.append(f"联系干部：{'、'.join(unit.contacts)}")
    if unit.domains:
        parts.append(f"主管：{'、'.join(unit.domains)}")
    return "　".join(parts)


# changes -------------------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Add a unit at the end of the register."""
    with store_of(args) as store:
        unit = Unit(
            name=args.name,
            level=args.level,
            kind=args.kind,
            villages=tuple(args.village),
            contacts=tuple(args.contact),
            domains=_domains(store, args.domain),
        )
        saved = store.units.add(unit)
        stations = dict(store.items.stations())
    print(f"已登记责任单位：{describe(saved, stations)}")
    print("工作站在导入下发的数据包后使用新的责任单位。")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    """Change the parts of a unit given on the command line."""
    if (args.no_contacts and args.contact) or (args.no_domains and args.domain):
        raise ValidationError(
            "--no-contacts 不能与 --contact 同用，--no-domains 不能与 --domain 同用。",
            code="units.cli_clear",
        )
    with store_of(args) as store:
        old = store.units.unit(args.name)
        contacts = () if args.no_contacts else tuple(args.contact) or old.contacts
        domains = () if args.no_domains else _domains(store, args.domain) or old.domains
        unit = Unit(
            name=args.rename if args.rename is not None else old.name,
            level=args.level or old.level,
            kind=args.kind or old.kind,
            villages=old.villages,
            contacts=contacts,
            domains=domains,
        )
        if unit == old:
            raise ValidationError(
                "请至少给出一项修改（--rename、--level、--kind、--contact、--domain、"
                "--no-contacts、--no-domains）。",
                code="units.cli_nothing",
            )
        saved = store.units.update(old.name, unit)
        stations = dict(store.items.stations())
    print(f"已修改责任单位：{describe(saved, stations)}")
    return 0


def run_pair(args: argparse.Namespace) -> int:
    """Pair a unit with villages (added, or replacing its villages)."""
    with store_of(args) as store:
        saved = store.units.pair(args.name, args.village, replace=args.replace)
        stations = dict(store.items.stations())
    print(f"已设置联系村：{describe(saved, stations)}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """Take a unit off the register."""
    with store_of(args) as store:
        store.units.remove(args.name)
    print(f"已删除责任单位：{compact(args.name)}（已交办事项上的单位名称不变）。")
    return 0


def _domains(store: Store, domains: Sequence[str]) -> tuple[str, ...]:
    """The domains given, each one of this PC's 诉求类别."""
    known = list(store.items.domain_days())
    for domain in domains:
        if compact(domain) not in known:
            raise ValidationError(
                f"诉求类别“{compact(domain)}”不在本机的类别中：{'、'.join(known)}。",
                code="units.domain_unknown",
                field="domains",
            )
    return tuple(compact(d) for d in domains)
