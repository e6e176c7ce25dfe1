"""民情信息 on SQLite: recorded, turned into items, grouped and answered once (issue 18)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.mass_info import Info
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 16, 0)


def _info(store: Store, text: str, *, topic: str = "子女入学", kind: str = "苗头性",
          source: str = "网格员", day: dt.date = TODAY, **more: object) -> Info:  # fmt: skip
    info = Info(received_on=day, source=source, topic=topic, info_type=kind, text=text,
                reporter="网格员老陈", **more)  # type: ignore[arg-type]  # fmt: skip
    return store.mass_info.add(info, today=TODAY)


def _items(store: Store) -> int:
    with store.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(m.IntakeItem)) or 0)


def test_two_alike_are_grouped_and_answered_once(store: Store) -> None:
    one = _info(store, "三组两户孩子入学难", day=TODAY - dt.timedelta(days=3))
    two = _info(store, "外出务工家庭孩子入学手续难办", day=TODAY - dt.timedelta(days=1))
    group = store.mass_info.group([one.id or "", two.id or ""], " 子女入学手续 ")
    assert (group.title, group.topic, set(group.members)) == (
        "子女入学手续", "子女入学", {one.id, two.id},
    )  # fmt: skip
    # before the newest piece, or in the future: refused
    with pytest.raises(ValidationError, match="早于"):
        store.mass_info.answer_group(group.id or "", "已协调", TODAY - dt.timedelta(days=2),
                                     today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="今天之后"):
        store.mass_info.answer_group(group.id or "", "已协调", TODAY + dt.timedelta(days=1),
                                     today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="先统一答复"):
        store.mass_info.follow_up_group(group.id or "", "满意", TODAY, today=TODAY)
    answered = store.mass_info.answer_group(
        group.id or "", "已与镇中心学校协调，统一办理入学", TODAY, "刘书记", today=TODAY
    )
    assert (answered.answered_on, answered.answered_by) == (TODAY, "刘书记")
    assert {i.result for i in store.mass_info.infos()} == {"已与镇中心学校协调，统一办理入学"}
    followed = store.mass_info.follow_up_group(group.id or "", "两户均满意", TODAY, today=TODAY)
    assert (followed.follow_up, followed.followed_on) == ("两户均满意", TODAY)
    with pytest.raises(ValidationError, match="已统一答复"):
        store.mass_info.ungroup(one.id or "")
    assert store.mass_info.infos(grouped=False) == []


def test_grouping_refuses_one_two_topics_and_a_piece_grouped_already(store: Store) -> None:
    a = _info(store, "入学难")
    b = _info(store, "看病报销慢", topic="医疗保障")
    c = _info(store, "校车不够")
    with pytest.raises(ValidationError, match="至少选择两条"):
        store.mass_info.group([a.id or "", a.id or ""], "入学")
    with pytest.raises(ValidationError, match="主题不同"):
        store.mass_info.group([a.id or "", b.id or ""], "混合")
    with pytest.raises(ValidationError, match="标题"):
        store.mass_info.group([a.id or "", c.id or ""], "  ")
    with store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.InfoGroup)) == 0
    group = store.mass_info.group([a.id or "", c.id or ""], "入学")
    d = _info(store, "学位紧张")
    with pytest.raises(ValidationError, match="已在其他共性问题"):
        store.mass_info.group([a.id or "", d.id or ""], "再并")
    with pytest.raises(ValidationError, match="不能改主题"):
        store.mass_info.edit(dataclasses.replace(store.mass_info.info(a.id or ""),
                                                 topic="其他"), today=TODAY)  # fmt: skip
    # taking one out of two dissolves the group
    assert store.mass_info.ungroup(a.id or "") is None
    assert store.mass_info.groups() == [] and store.mass_info.info(c.id or "").group_id is None
    with pytest.raises(NotFoundError):
        store.mass_info.group_of(group.id or "")


def test_information_becomes_an_item_once_by_its_source(store: Store) -> None:
    household = store.register.save_household(
        Household(number="0007", members=[Person(name="赵桂花", relation="户主")])
    )
    call = _info(store, "低保复核进度", source="来电", topic="家庭生活", kind="意见建议",
                 household_ids=(household.id or "",))  # fmt: skip
    assert call.households == 1
    item = store.mass_info.to_item(call.id or "", domain="社会保障", grade="B", actor="刘书记",
                                   now=NOW)  # fmt: skip
    assert (item.channel, item.requester_name, item.content) == ("来电", "赵桂花", "低保复核进度")
    assert store.mass_info.info(call.id or "").item_number == item.number
    with pytest.raises(DuplicateError, match=item.number):
        store.mass_info.to_item(call.id or "", domain="社会保障", grade="B", actor="x")
    talk = _info(store, "路灯坏了", source="会议", topic="其他", kind="意见建议")
    with pytest.raises(ValidationError, match="诉求类别"):
        store.mass_info.to_item(talk.id or "", domain="无此类", grade="B", actor="x")
    assert _items(store) == 1 and store.mass_info.info(talk.id or "").item_id is None
    made = store.mass_info.to_item(talk.id or "", domain="基础设施", grade="C", actor="x", now=NOW)
    assert (made.channel, made.requester_name) == ("民情恳谈会", "网格员老陈")
    figures = store.mass_info.figures(TODAY, TODAY)
    assert (figures.total, figures.suggestions, figures.to_items) == (2, 2, 2)


def test_bad_input_and_delete_restore(store: Store) -> None:
    with pytest.raises(ValidationError, match="主题"):
        _info(store, "x", topic="乱写")
    with pytest.raises(ValidationError, match="今天之后"):
        _info(store, "x", day=TODAY + dt.timedelta(days=1))
    with pytest.raises(NotFoundError, match="户籍"):
        _info(store, "x", household_ids=("no-such-household",))
    with pytest.raises(ValidationError, match="主题应为"):
        store.mass_info.infos(topic="乱写")
    assert store.mass_info.infos() == []
    a, b = _info(store, "入学难"), _info(store, "校车少")
    group = store.mass_info.group([a.id or "", b.id or ""], "入学")
    store.mass_info.delete(a.id or "")
    assert store.mass_info.group_of(group.id or "").members == (b.id,)
    assert [i.id for i in store.mass_info.infos(text="校车")] == [b.id]
    back = store.mass_info.restore(a.id or "")
    assert back.group_id == group.id
    with pytest.raises(NotFoundError):
        store.mass_info.restore(a.id or "")
    edited = store.mass_info.edit(dataclasses.replace(back, text="入学难，三户", households=3),
                                  today=TODAY)  # fmt: skip
    assert (edited.text, edited.households, edited.group_id) == ("入学难，三户", 3, group.id)
