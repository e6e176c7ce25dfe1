"""A problem raised at a 民情恳谈会 becomes a 民情恳谈会 item, from a group or the village (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from qunzhong_desktop.core.diary import DiaryEntry, DiaryVisit
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.rules import (
    CHANNELS,
    FINDING_CHANNEL,
    FINDING_CHANNELS,
    finding_channel,
)
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 16, 0)


def _village(store: Store) -> tuple[str, list[str]]:
    cadre = store.register.save_cadre(Cadre(name="刘书记", unit="镇党委"))
    ids = []
    for n, name in enumerate(("张三丰", "李桂兰")):
        household = store.register.save_household(
            Household(number=f"000{n + 1}", members=[Person(name=name, relation="户主")])
        )
        ids.append(household.id or "")
    return cadre.id or "", ids


def _entry(store: Store, cadre: str, kind: str, visits: tuple[str, ...] = ()) -> str:
    entry = DiaryEntry(
        cadre_id=cadre, day=TODAY, kind=kind, text="在村部召开民情恳谈会，群众代表发言。",
        visits=[DiaryVisit(h) for h in visits],
    )  # fmt: skip
    return store.diary.save_entry(entry, today=TODAY).id or ""


def test_finding_channels_are_channels() -> None:
    assert finding_channel("民情恳谈会") == "民情恳谈会"
    assert finding_channel("入户走访") == finding_channel("集中工作日") == "走访"
    assert {FINDING_CHANNEL, *FINDING_CHANNELS.values()} <= set(CHANNELS)


def test_a_group_at_a_meeting_raises_an_item_of_the_meetings_channel(store: Store) -> None:
    cadre, ids = _village(store)
    meeting = _entry(store, cadre, "民情恳谈会")
    item = store.diary.finding_to_item(
        meeting, None, requester=" 第三村民小组 ", content="村道路灯坏了一半，晚上出行不便",
        domain="基础设施", grade="B", actor="刘书记", now=NOW,
    )  # fmt: skip
    assert (item.channel, item.requester_name) == ("民情恳谈会", "第三村民小组")
    assert item.requester_person_id is None and item.requester_phone == ""
    assert item.diary_entry_id == meeting
    [linked] = store.diary.items_of_entry(meeting)
    assert (linked.number, linked.household_id) == (item.number, None)
    # a household may raise one too: its head asks, by the meeting's channel
    one = store.diary.finding_to_item(
        meeting, ids[1], content="低保复核进度", domain="社会保障", grade="B",
        actor="刘书记", now=NOW,
    )  # fmt: skip
    assert (one.channel, one.requester_name) == ("民情恳谈会", "李桂兰")
    # the month's report counts them under 民情恳谈会
    report = store.reports.monthly_report(Month.of(TODAY), today=TODAY)
    assert dict(report.by_channel)["民情恳谈会"] == 2


def test_a_group_needs_a_name_and_a_meeting(store: Store) -> None:
    cadre, ids = _village(store)
    meeting = _entry(store, cadre, "民情恳谈会")
    with pytest.raises(ValidationError) as unnamed:
        store.diary.finding_to_item(
            meeting, None, requester="  ", content="x", domain="其他", grade="B", actor="a"
        )
    assert unnamed.value.data["field"] == "requester"
    store.diary.delete_entry(meeting)
    visit = _entry(store, cadre, "入户走访", (ids[0],))
    with pytest.raises(ValidationError) as no_meeting:
        store.diary.finding_to_item(
            visit, None, requester="第三村民小组", content="x", domain="其他", grade="B",
            actor="a",
        )  # fmt: skip
    assert no_meeting.value.code == "diary.finding_household"
    with pytest.raises(NotFoundError):  # a visit's finding is still one of a visited household
        store.diary.finding_to_item(visit, ids[1], content="x", domain="其他", grade="B", actor="a")
    item = store.diary.finding_to_item(
        visit, ids[0], content="屋顶漏雨", domain="基础设施", grade="B", actor="a", now=NOW
    )
    assert item.channel == "走访"
    assert store.diary.items_of_entry(visit)[0].number == item.number


def test_the_channel_of_a_linked_item_follows_its_entry(store: Store) -> None:
    cadre, _ids = _village(store)
    meeting = _entry(store, cadre, "民情恳谈会")
    new = NewItem(
        channel="走访", domain="其他", grade="B", item_type="承诺件", content="x",
        requester_name="第三村民小组", diary_entry_id=meeting,
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        store.items.register_item(new, actor="a", now=NOW)
    assert caught.value.data["field"] == "channel"
    assert "民情恳谈会" in caught.value.message
    new.channel = "民情恳谈会"
    assert store.items.register_item(new, actor="a", now=NOW).channel == "民情恳谈会"
