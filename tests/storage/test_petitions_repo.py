"""Items marked 信访 on SQLite: the mark at registering and after, repeats, 阅办率, counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.petitions import Mark
from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.voice_settings import VoiceSettings
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

MON = dt.datetime(2026, 11, 2, 9, 0)  # a Monday; working days run Mon–Fri this month
CAL = WorkCalendar()


def _new(content: str, name: str = "周老汉", **kw: str) -> NewItem:
    return NewItem(channel="来访", domain="社会保障", grade="B", item_type="承诺件",
                   content=content, requester_name=name, requester_phone="13800000001",
                   **kw)  # type: ignore[arg-type]  # fmt: skip


def test_a_petition_is_registered_with_its_mark_and_a_repeat_is_suggested(store: Store) -> None:
    first = store.items.register_item(
        _new("低保评定不公，要求重新评定", petition="初信初访", petition_form="来访",
             petition_reach="到乡"),
        actor="李秀英", now=MON - dt.timedelta(days=200),
    )  # fmt: skip
    other = store.items.register_item(_new("村道路灯坏了"), actor="李秀英", now=MON)
    second = store.items.register_item(_new("要求重新评定低保，评定不公"), actor="李秀英", now=MON)
    assert store.petitions.mark_of(first.number) == Mark("初信初访", "来访", "到乡")
    assert store.petitions.mark_of(other.number) == Mark()
    assert [e.number for e in store.petitions.repeats(second.number)] == [first.number]
    assert store.petitions.repeats(other.number) == ()  # not alike
    hint = store.petitions.repeats_for(
        None, "周老汉", phone="", domain="社会保障", content="低保评定不公",
        received_on=MON.date(),
    )  # fmt: skip
    assert [e.number for e in hint] == [second.number, first.number]
    # a year and a day later: no longer a repeat
    late = store.petitions.repeats_for(
        None, "周老汉", phone="", domain="社会保障", content="低保评定不公",
        received_on=(MON - dt.timedelta(days=200)).date() + dt.timedelta(days=366),
    )  # fmt: skip
    assert [e.number for e in late] == [second.number]
    assert store.petitions.repeats_for(None, "", phone="", domain="社会保障", content="低保",
                                       received_on=MON.date()) == ()  # fmt: skip


def test_a_bad_mark_at_registering_leaves_no_item_and_no_number(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        store.items.register_item(_new("低保", petition_reach="到县"), actor="李秀英", now=MON)
    assert caught.value.code == "petition.level" and "信访类别" in caught.value.message
    with pytest.raises(ValidationError, match="信访形式"):
        store.items.register_item(_new("低保", petition="重复信访"), actor="李秀英", now=MON)
    with store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.IntakeItem)) == 0
        assert s.get(m.ItemCounter, 2026) is None


def test_mark_unmark_and_refusals(store: Store) -> None:
    item = store.items.register_item(_new("征地补偿"), actor="李秀英", now=MON)
    kept = store.petitions.mark(item.number, Mark("重复信访", "来信", "到县"))
    assert kept == Mark("重复信访", "来信", "到县")
    with pytest.raises(ValidationError, match="信访层级"):
        store.petitions.mark(item.number, Mark("重复信访", "来信", "到省"))
    assert store.petitions.mark_of(item.number) == kept  # unchanged
    assert store.petitions.unmark(item.number) == Mark()
    with pytest.raises(NotFoundError, match="找不到编号"):
        store.petitions.mark("430121101201-2026-09999", kept)


def test_read_rate_counts_in_time_late_and_waiting(store: Store) -> None:
    mark = {"petition": "初信初访", "petition_form": "来访", "petition_reach": "到乡"}
    numbers = [
        store.items.register_item(_new(f"事项{n}", **mark), actor="李秀英", now=MON).number
        for n in range(4)
    ]
    store.items.register_item(_new("不是信访"), actor="李秀英", now=MON)
    limit = CAL.add_workdays(MON.date(), 15)  # 2026-11-23
    store.items.move(numbers[0], State.IN_PROGRESS, actor="李秀英",
                     now=dt.datetime.combine(limit, dt.time(17)))  # fmt: skip
    store.items.move(numbers[1], State.IN_PROGRESS, actor="李秀英",
                     now=dt.datetime.combine(limit + dt.timedelta(days=1), dt.time(9)))  # fmt: skip
    figures = store.petitions.read_figures(MON.date(), MON.date(), today=limit)
    assert (figures.rate.numerator, figures.rate.denominator) == (1, 2)
    assert (figures.late, figures.waiting) == (1, 2)
    after = store.petitions.read_figures(MON.date(), MON.date(), today=limit + dt.timedelta(days=1))
    assert (after.rate.numerator, after.rate.denominator, after.late, after.waiting) == (
        1, 4, 3, 0,
    )  # fmt: skip
    store.voice.set(VoiceSettings(read_days=20))
    longer = store.petitions.read_figures(MON.date(), MON.date(), today=limit)
    assert (longer.rate.numerator, longer.waiting) == (2, 2)
    rows = store.petitions.petitions(MON.date(), MON.date())
    assert [r.number for r in rows] == numbers and rows[0].acted_on == limit
    assert store.petitions.level_counts(MON.date(), MON.date())["初信初访"] == 4
    assert store.petitions.level_counts(MON.date(), MON.date(), "430121101299")["合计"] == 0
    with pytest.raises(ValidationError, match="结束日期早于开始日期"):
        store.petitions.read_figures(MON.date(), MON.date() - dt.timedelta(days=1), today=limit)


def test_the_township_cannot_mark_and_proposes_the_deputy(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    township = make_township(copy_store(_template_dirs[0], tmp_path / "township"))
    try:
        with pytest.raises(ValidationError, match="乡镇和县里不能修改工作站的事项") as caught:
            township.petitions.mark("430121101201-2026-00001", Mark("初信初访", "来访", "到乡"))
        assert caught.value.code == "petition.role"
        assert township.petitions.proposed_handler("社会保障") == ""
        township.voice.set(VoiceSettings(areas={"社会保障": "王副镇长"}))
        assert township.petitions.proposed_handler("社会保障") == "王副镇长"
        assert township.petitions.proposed_handler("教育") == ""
    finally:
        township.close()
