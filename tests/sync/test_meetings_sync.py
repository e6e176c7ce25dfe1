"""A station's 民情 meeting with its items and a group of 民情信息 reach the township (issue 18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.mass_info import Info
from qunzhong_desktop.core.meetings import TALK, Meeting, Topic
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.network import Node

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 16)


def test_meetings_items_and_grouped_information_travel_up(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _two = net
    meeting = one.store.meetings.add(
        Meeting(kind=TALK, held_on=TODAY, place="村部", host="刘书记", attendance=30,
                topics=(Topic(text="路灯坏了", raised_by="第三村民小组"),
                        Topic(text="水渠堵塞", raised_by="王大伯"), Topic(text="培训"))),
        today=TODAY,
    )  # fmt: skip
    numbers = [
        one.store.meetings.problem_to_item(
            meeting.id or "", t.id or "", domain="基础设施", grade="B", item_type="上报件",
            actor="刘书记", now=NOW,
        ).number
        for t in meeting.topics[:2]
    ]  # fmt: skip
    infos = []
    for text in ("入学难", "入学手续难办"):
        info = Info(received_on=TODAY, source="网格员", topic="子女入学", info_type="苗头性",
                    text=text, meeting_id=meeting.id)  # fmt: skip
        infos.append(one.store.mass_info.add(info, today=TODAY))
    group = one.store.mass_info.group([i.id or "" for i in infos], "子女入学手续")
    one.store.mass_info.answer_group(group.id or "", "统一协调", TODAY, "刘书记", today=TODAY)
    report = township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    [there] = township.store.meetings.meetings()
    assert [t.item_number for t in there.topics] == [*numbers, ""]
    assert {township.store.items.item(n).channel for n in numbers} == {"民情恳谈会"}
    assert {i.result for i in township.store.mass_info.infos()} == {"统一协调"}
    assert township.store.mass_info.figures(TODAY, TODAY).total == 2
    # the township's lists say which station held the meeting and recorded the information
    station = one.store.register.station()
    assert station is not None
    assert township.store.meetings.stations() == {there.id: station.name}
    assert set(township.store.mass_info.stations().values()) == {station.name}
    assert one.store.meetings.stations() == {}  # a station's own rows: no owner to name
    # the township reads them and changes none of them
    with pytest.raises(ValidationError, match="乡镇和县里不能修改"):
        township.store.meetings.delete(meeting.id or "")
    with pytest.raises(ValidationError, match="乡镇和县里不能修改"):
        township.store.mass_info.ungroup(infos[0].id or "")
    # a deletion travels as a tombstone; the items stay
    one.store.meetings.delete(meeting.id or "")
    report = township.sync.import_bundle(one.export(tmp_path / "up2")[0], township.keys)
    assert report.status == APPLIED and report.flagged == 0, report.message
    assert township.store.meetings.meetings() == []
    assert township.store.items.item(numbers[0]).channel == "民情恳谈会"
