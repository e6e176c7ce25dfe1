"""``qunzhong items responsibility``: who answers for an item (属地, 主管部门, 双联系单位).

Without options it shows them; ``--competent`` and ``--paired`` set them at the station
(a name from the township's units register, or "" for none; an option not given keeps its
value)::

    qunzhong items responsibility NUMBER [--competent 镇民政办] [--paired ""] [--json]

The township's assignment (交办) names the competent unit from then on: shown beside it.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.units import competent_of


def add_parser(actions: Any, home: argparse.ArgumentParser) -> None:
    """Add ``responsibility`` to ``items``."""
    parser = actions.add_parser(
        "responsibility",
        help="责任单位：属地、主管部门、双联系单位（不带选项时显示）",
        description="显示或修改事项的主管部门和双联系单位（须为责任单位名册中的单位，"
        "空字符串表示不指定；未给出的项保持原值）。",
        parents=[home],
    )
    parser.add_argument("number", metavar="NUMBER", help="事项编号")
    parser.add_argument("--competent", default=None, metavar="UNIT", help="主管部门")
    parser.add_argument("--paired", default=None, metavar="UNIT", help="双联系单位")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(handler=run_responsibility)


def run_responsibility(args: argparse.Namespace) -> int:
    """Show an item's responsibility, after setting what the options give."""
    with store_of(args) as store:
        item = store.items.item(args.number)
        if args.competent is not None or args.paired is not None:
            item = store.items.set_responsibility(
                args.number,
                competent=item.competent_unit if args.competent is None else args.competent,
                paired=item.paired_unit if args.paired is None else args.paired,
            )
        stations = dict(store.items.stations())
    found = responsibility_json(item, stations.get(item.station_code, ""))
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    for line in responsibility_lines(found):
        print(line)
    return 0


def responsibility_json(item: ItemDetail, station_name: str) -> dict[str, Any]:
    """What ``--json`` prints: the stored names, the assignment and who answers now."""
    return {
        "number": item.number,
        "station_code": item.station_code,
        "station_name": station_name,
        "competent_unit": item.competent_unit,
        "paired_unit": item.paired_unit,
        "assigned_unit": item.assigned_unit,
        "competent_now": competent_of(item.competent_unit, item.assigned_unit),
    }


def responsibility_lines(found: dict[str, Any]) -> list[str]:
    """The three lines ``items show`` and ``items responsibility`` print."""
    competent = found["competent_unit"] or "（未指定）"
    if found["assigned_unit"] and found["assigned_unit"] != found["competent_unit"]:
        competent = f"{found['assigned_unit']}（乡镇交办；登记时为{competent}）"
    return [
        f"属地：{found['station_name'] or found['station_code']}",
        f"主管部门：{competent}",
        f"双联系单位：{found['paired_unit'] or '（未指定）'}",
    ]
