"""Who did it travels: the township sees the signed-in operator on items and diary entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.access import Role
from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.storage import models as m
from tests.helpers.intake_data import FRIDAY, new_item
from tests.helpers.network import Node


def test_items_and_diary_entries_carry_the_operator_to_the_township(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    store = one.store
    store.accounts.create("王站长", "站长密码123", Role.HEAD)
    store.accounts.sign_in("王站长", "站长密码123")
    store.accounts.create("李秀英", "工作人员密码1", Role.CLERK)
    cadre = store.register.save_cadre(Cadre(name="刘芳娜"))
    store.accounts.sign_in("李秀英", "工作人员密码1")
    item = store.items.register_item(new_item(), actor=store.db.operator.name, now=FRIDAY)  # type: ignore[union-attr]
    entry = store.diary.save_entry(
        DiaryEntry(cadre_id=cadre.id or "", day=dt.date(2026, 11, 20), kind="坐班接待", text="接待")
    )
    report = township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    assert report.flagged == 0, report.message
    there = township.store.items.item(item.number)
    assert there.handler == "李秀英" and there.events[0].actor == "李秀英"
    with township.store.db.session() as s:
        assert s.scalar(select(m.DiaryEntry.author).where(m.DiaryEntry.id == entry.id)) == "李秀英"
        logged = set(s.execute(select(m.AccessLog.operator, m.AccessLog.action)))
    assert ("李秀英", "sign_in") in logged
