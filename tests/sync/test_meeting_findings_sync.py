"""A 民情恳谈会 item raised by a group travels to the township as it is (issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.network import Node

TODAY = dt.date(2026, 11, 20)


def test_the_township_receives_a_meeting_item_without_a_household(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    cadre = one.store.register.save_cadre(Cadre(name="刘书记", unit="镇党委"))
    entry = one.store.diary.save_entry(
        DiaryEntry(cadre_id=cadre.id or "", day=TODAY, kind="民情恳谈会", text="恳谈会"),
        today=TODAY,
    )
    item = one.store.diary.finding_to_item(
        entry.id or "", None, requester="第三村民小组", content="村道路灯坏了一半",
        domain="基础设施", grade="B", item_type="上报件", actor="刘书记",
        now=dt.datetime(2026, 11, 20, 16),
    )  # fmt: skip
    report = township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    there = township.store.items.item(item.number)
    assert (there.channel, there.requester_name, there.requester_person_id) == (
        "民情恳谈会", "第三村民小组", None,
    )  # fmt: skip
    rows = township.store.items.rows(township.store.items.search_ids(ItemFilter()))
    assert [(r.number, r.channel) for r in rows] == [(item.number, "民情恳谈会")]
