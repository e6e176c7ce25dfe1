"""``qunzhong items add --petition …``: an item registered as a petition (信访), with hints.

The mark is written with the item in one transaction (``NewItem.petition*``). After the
number (stdout, alone, so a script still captures it) two hints go to stderr: earlier items
of the same requester on a similar matter within a year (suggesting 重复信访), and the
deputy in charge of the item's domain (分管领导, the township's deputies' areas).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qunzhong_desktop.core.intake.records import ItemDetail, NewItem
from qunzhong_desktop.core.petitions import FORMS, LEVELS, REACHES, REPEAT
from qunzhong_desktop.storage.store import Store


def add_options(add: Any) -> None:
    """The petition options of ``items add``."""
    add.add_argument("--petition", default="", metavar="LEVEL",
                     help="信访类别：" + "、".join(LEVELS) + "（不填：不是信访）")  # fmt: skip
    add.add_argument("--petition-form", default="", metavar="FORM",
                     help="信访形式：" + "、".join(FORMS))  # fmt: skip
    add.add_argument("--petition-reach", default="", metavar="REACH",
                     help="信访层级：" + "、".join(REACHES))  # fmt: skip


def fill(new: NewItem, args: argparse.Namespace) -> NewItem:
    """``new`` with the mark the options give (checked when the item is registered)."""
    new.petition = args.petition.strip()
    new.petition_form = args.petition_form.strip()
    new.petition_reach = args.petition_reach.strip()
    return new


def hints(store: Store, detail: ItemDetail, level: str) -> list[str]:
    """What the clerk is told after registering a petition (nothing for other items)."""
    if not level:
        return []
    lines = []
    earlier = store.petitions.repeats(detail.number)
    if earlier:
        numbers = "、".join(e.number for e in earlier)
        advice = "" if level == REPEAT else f"，建议标记为{REPEAT}"
        lines.append(f"提示：同一诉求人一年内曾反映类似事项：{numbers}{advice}。")
    handler = store.petitions.proposed_handler(detail.domain)
    if handler:
        lines.append(f"提示：{detail.domain}由{handler}分管，建议由其阅批办理。")
    return lines


def print_hints(store: Store, detail: ItemDetail, level: str) -> None:
    """:func:`hints` on stderr."""
    for line in hints(store, detail, level):
        print(line, file=sys.stderr)
