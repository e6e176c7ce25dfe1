"""民情恳谈会 and 民情分析会 on SQLite: topics kept in order, problems become items (issue 18)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.mass_info import Info
from qunzhong_desktop.core.meetings import ANALYSIS, TALK, Meeting, Topic
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 16, 0)


def _talk(store: Store, *texts: str) -> Meeting:
    topics = tuple(Topic(text=t, raised_by=f"第{n}村民小组") for n, t in enumerate(texts, 1))
    meeting = Meeting(kind=TALK, held_on=TODAY, place="村部", host="刘书记", attendance=32,
                      attendees="各组代表", topics=topics)  # fmt: skip
    return store.meetings.add(meeting, today=TODAY)


def _count(store: Store, cls: Any) -> int:
    with store.db.session() as s:
        found = s.scalar(select(func.count()).select_from(cls).where(cls.deleted_at.is_(None)))
        return int(found or 0)


def test_a_talk_with_three_problems_makes_two_items_linked_to_it(store: Store) -> None:
    meeting = _talk(store, "村道路灯坏了一半", "灌溉水渠堵塞", "希望多办技能培训")
    assert [t.text for t in meeting.topics] == [
        "村道路灯坏了一半",
        "灌溉水渠堵塞",
        "希望多办技能培训",
    ]
    first, second, _ = meeting.topics
    item = store.meetings.problem_to_item(
        meeting.id or "", first.id or "", domain="基础设施", grade="B", actor="刘书记", now=NOW
    )
    assert (item.channel, item.requester_name, item.content) == (
        "民情恳谈会", "第1村民小组", "村道路灯坏了一半",
    )  # fmt: skip
    other = store.meetings.problem_to_item(
        meeting.id or "", second.id or "", domain="基础设施", grade="A", actor="刘书记",
        requester="王大伯", content="三组灌溉水渠堵塞，需要清淤", now=NOW,
    )  # fmt: skip
    back = store.meetings.meeting(meeting.id or "")
    assert [(t.item_number, t.item_state) for t in back.topics] == [
        (item.number, "已受理"), (other.number, "已受理"), ("", ""),
    ]  # fmt: skip
    assert [x.id for x in store.meetings.meetings_of_item(other.number)] == [meeting.id]
    # twice: refused, nothing written, the next number is not spent
    with pytest.raises(DuplicateError, match=item.number):
        store.meetings.problem_to_item(
            meeting.id or "", first.id or "", domain="基础设施", grade="B", actor="刘书记"
        )
    assert _count(store, m.IntakeItem) == 2
    assert store.meetings.counts(TODAY, TODAY) == {TALK: 1, ANALYSIS: 0}


def test_a_refused_item_leaves_neither_item_nor_link(store: Store) -> None:
    meeting = _talk(store, "垃圾清运不及时")
    topic = meeting.topics[0]
    with pytest.raises(ValidationError) as err:
        store.meetings.problem_to_item(
            meeting.id or "", topic.id or "", domain="不存在的类别", grade="B", actor="刘书记"
        )
    assert "诉求类别" in err.value.message
    assert _count(store, m.IntakeItem) == 0
    with store.db.session() as s:
        assert s.scalar(select(func.count()).select_from(m.ItemCounter)) == 0
    assert store.meetings.meeting(meeting.id or "").topics[0].item_id is None
    # no requester at all: refused in Chinese
    bare = store.meetings.add(
        Meeting(kind=TALK, held_on=TODAY, place="村部", host="刘书记", attendance=5,
                topics=(Topic(text="路面破损"),)),
        today=TODAY,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="提出问题的群众"):
        store.meetings.problem_to_item(
            bare.id or "", bare.topics[0].id or "", domain="基础设施", grade="B", actor="x"
        )


def test_edit_keeps_order_and_refuses_dropping_a_problem_that_became_an_item(store: Store) -> None:
    meeting = _talk(store, "路灯", "水渠", "培训")
    lamp, canal, training = meeting.topics
    store.meetings.problem_to_item(
        meeting.id or "", lamp.id or "", domain="基础设施", grade="B", actor="刘书记", now=NOW
    )
    with pytest.raises(ValidationError, match="已转为事项"):
        store.meetings.edit(
            Meeting(kind=TALK, held_on=TODAY, place="村部", host="刘书记", attendance=32,
                    topics=(canal, training), id=meeting.id),
            today=TODAY,
        )  # fmt: skip
    edited = store.meetings.edit(
        Meeting(kind=TALK, held_on=TODAY, place="村委会", host="刘书记", attendance=30,
                decisions="月底前修好路灯",
                topics=(Topic(text="水渠清淤", owner="张主任", id=canal.id), lamp,
                        Topic(text="新提的：文化广场")),
                id=meeting.id),
        today=TODAY,
    )  # fmt: skip
    assert [(t.text, t.owner) for t in edited.topics] == [
        ("水渠清淤", "张主任"), ("路灯", ""), ("新提的：文化广场", ""),
    ]  # fmt: skip
    assert edited.topics[1].item_number and edited.place == "村委会"
    with pytest.raises(ValidationError, match="不能改为"):
        store.meetings.edit(
            Meeting(kind=ANALYSIS, held_on=TODAY, place="村部", host="刘书记", attendance=5,
                    topics=edited.topics, id=meeting.id),
            today=TODAY,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="今天之后"):
        store.meetings.edit(
            Meeting(kind=TALK, held_on=TODAY + dt.timedelta(days=1), place="村部", host="刘",
                    attendance=5, id=meeting.id),
            today=TODAY,
        )  # fmt: skip
    assert store.meetings.meeting(meeting.id or "").place == "村委会"


def test_delete_keeps_the_items_and_restore_brings_the_topics_back(store: Store) -> None:
    meeting = _talk(store, "路灯", "水渠")
    item = store.meetings.problem_to_item(
        meeting.id or "", meeting.topics[0].id or "", domain="基础设施", grade="B",
        actor="刘书记", now=NOW,
    )  # fmt: skip
    store.meetings.delete(meeting.id or "")
    assert store.meetings.meetings() == [] and store.meetings.meetings_of_item(item.number) == []
    with pytest.raises(NotFoundError):
        store.meetings.meeting(meeting.id or "")
    assert store.items.item(item.number).channel == "民情恳谈会"
    back = store.meetings.restore(meeting.id or "")
    assert [t.item_number for t in back.topics] == [item.number, ""]
    with pytest.raises(NotFoundError):
        store.meetings.restore(meeting.id or "")


def test_an_analysis_links_items_and_information(store: Store) -> None:
    talk = _talk(store, "路灯")
    item = store.meetings.problem_to_item(
        talk.id or "", talk.topics[0].id or "", domain="基础设施", grade="B", actor="x", now=NOW
    )
    info = store.mass_info.add(
        Info(received_on=TODAY, source="网格员", topic="子女入学", info_type="苗头性",
             text="外出务工家庭子女入学难"),
        today=TODAY,
    )  # fmt: skip
    analysis = store.meetings.add(
        Meeting(kind=ANALYSIS, held_on=TODAY, place="村部", host="刘书记", attendance=8),
        today=TODAY,
    )
    aid = analysis.id or ""
    linked = store.meetings.link(aid, item_number=item.number, owner="张主任")
    assert (linked.item_number, linked.owner) == (item.number, "张主任")
    store.meetings.link(aid, info_id=info.id or "", text="入学问题集中反映")
    with pytest.raises(DuplicateError):
        store.meetings.link(aid, item_number=item.number)
    with pytest.raises(ValidationError, match="二选一"):
        store.meetings.link(aid)
    with pytest.raises(NotFoundError, match="找不到"):
        store.meetings.link(aid, item_number="999")
    with pytest.raises(ValidationError, match="分析会"):
        store.meetings.link(talk.id or "", item_number=item.number)
    with pytest.raises(ValidationError, match="只有民情恳谈会"):
        store.meetings.problem_to_item(
            aid, linked.id or "", domain="基础设施", grade="B", actor="x"
        )
    shown = store.meetings.meeting(aid)
    assert [(t.item_number, t.info_text) for t in shown.topics] == [
        (item.number, ""), ("", "外出务工家庭子女入学难"),
    ]  # fmt: skip
    assert {x.id for x in store.meetings.meetings_of_item(item.number)} == {talk.id, aid}
    assert [x.id for x in store.meetings.meetings(kind=ANALYSIS)] == [aid]
    with pytest.raises(ValidationError, match="会议类型"):
        store.meetings.meetings(kind="座谈会")
