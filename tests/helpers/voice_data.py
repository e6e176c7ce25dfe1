"""A township with two stations whose 民情 meetings, information, petitions and a 民意测评会
of November 2026 came up through sync (issue 18's report figures).

The rows are written with the ORM (the repositories of those records are built alongside),
then exported and imported as users do. Worked out by hand:

第1村 (…201), November:
    民情恳谈会 Thu 5 Nov, three problems raised, two became items (P1, P2); 民情分析会 Fri 20 Nov
    (its topic is no problem raised).
    民情信息: 意见建议 3 Nov (became item P1), 苗头性 4 Nov, 倾向性 6 Nov (grouped with the
    苗头性, the group answered 10 Nov), 普遍性问题 30 Oct (October: not counted).
    信访: P1 初信初访 来访 到乡, received Mon 2 Nov, acted on Wed 4 Nov (in time);
        P2 重复信访 来信 到县, received Mon 9 Nov, never acted on: late by December's end.
    民意测评会 Fri 20 Nov (2026-H2): five cadres and two units; 张三 3/3/4 is at 40 % exactly.
    → 恳谈会 1, 分析会 1, 问题 3 (2 items), 信息 3, 意见建议 1, 苗头倾向 2, 普遍性 0,
      答复 1; 信访 2 (初信初访 1, 重复信访 1; 到乡 1, 到县 1); 阅办率 1/2 at 31 Dec.
第2村 (…202): 民情恳谈会 Thu 12 Nov with one problem, none an item; P3 初信初访 来访 赴京,
    received Tue 10 Nov 2025 (a year before), acted on the next day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.intake_data import register
from tests.helpers.network import Node, make_station, make_township

TODAY = dt.date(2026, 12, 31)
NOV_FIRST, NOV_LAST = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
CADRES = (  # name, 满意, 基本满意, 不满意
    ("张三", 3, 3, 4),
    ("李四", 6, 2, 2),
    ("王五", 8, 2, 0),
    ("赵六", 7, 3, 0),
    ("孙七", 5, 4, 1),
)
UNITS = (("镇农办", 8, 2, 0), ("镇财政所", 5, 2, 3))


@dataclass
class VoiceTownship:
    """The township and its two stations."""

    township: Node
    one: Node
    two: Node

    def close(self) -> None:
        for node in (self.township, self.one, self.two):
            node.close()


def at(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9)


def _petition(store: Store, number: str, level: str, form: str, reach: str) -> str:
    with write_paths.scope("test setup"), store.db.session() as s:
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).one()
        item.petition, item.petition_form, item.petition_reach = level, form, reach
        s.commit()
        return item.id


def _station_one(store: Store) -> None:
    p1 = register(store, at(2026, 11, 2), channel="民情恳谈会", content="村道路灯不亮")
    store.items.move(p1, State.IN_PROGRESS, actor="李秀英", now=at(2026, 11, 4))
    p2 = register(store, at(2026, 11, 9), channel="民情恳谈会", content="灌溉渠堵塞")
    p1_id = _petition(store, p1, "初信初访", "来访", "到乡")
    p2_id = _petition(store, p2, "重复信访", "来信", "到县")
    with write_paths.scope("test setup"), store.db.session() as s:
        talk = m.MassMeeting(kind="民情恳谈会", held_on=dt.date(2026, 11, 5), place="村委会",
                             host="王书记", attendance=30)  # fmt: skip
        analysis = m.MassMeeting(kind="民情分析会", held_on=dt.date(2026, 11, 20), place="村委会",
                                 host="王书记", attendance=8)  # fmt: skip
        s.add_all([talk, analysis])
        s.flush()
        for position, (text, item_id) in enumerate(
            (("路灯不亮", p1_id), ("灌溉渠堵塞", p2_id), ("垃圾清运不及时", None))
        ):
            s.add(m.MeetingTopic(meeting_id=talk.id, position=position, text=text,
                                 item_id=item_id))  # fmt: skip
        s.add(m.MeetingTopic(meeting_id=analysis.id, position=0, text="本月事项", item_id=p1_id))
        group = m.InfoGroup(title="子女入学", topic="子女入学", result="已协调",
                            answered_on=dt.date(2026, 11, 10))  # fmt: skip
        s.add(group)
        s.flush()
        for day, topic, kind, item_id, group_id in (
            (dt.date(2026, 11, 3), "家庭生活", "意见建议", p1_id, None),
            (dt.date(2026, 11, 4), "子女入学", "苗头性", None, group.id),
            (dt.date(2026, 11, 6), "子女入学", "倾向性", None, group.id),
            (dt.date(2026, 10, 30), "其他", "普遍性问题", None, None),
        ):
            s.add(m.MassInfo(received_on=day, source="网格员", topic=topic, info_type=kind,
                             text="反映的情况", item_id=item_id, group_id=group_id))  # fmt: skip
        round_ = m.EvaluationRound(kind="民意测评会", period="2026-H2",
                                   held_on=dt.date(2026, 11, 20), villages=["430121101201"],
                                   participants=12, ballots_issued=10, ballots_returned=10)  # fmt: skip
        s.add(round_)
        s.flush()
        rows = [(n, "cadre", *c) for n, *c in CADRES] + [(n, "unit", *c) for n, *c in UNITS]
        for position, (name, rated, happy, fair, unhappy) in enumerate(rows):
            s.add(m.EvaluationTally(round_id=round_.id, position=position, name=name,
                                    rated=rated, satisfied=happy, fair=fair,
                                    unsatisfied=unhappy))  # fmt: skip
        s.commit()


def _station_two(store: Store) -> None:
    p3 = register(store, at(2025, 11, 10), content="征地补偿")
    store.items.move(p3, State.IN_PROGRESS, actor="周敏", now=at(2025, 11, 11))
    _petition(store, p3, "初信初访", "来访", "赴京")
    with write_paths.scope("test setup"), store.db.session() as s:
        talk = m.MassMeeting(kind="民情恳谈会", held_on=dt.date(2026, 11, 12), place="村部",
                             host="周主任", attendance=20)  # fmt: skip
        s.add(talk)
        s.flush()
        s.add(m.MeetingTopic(meeting_id=talk.id, position=0, text="村口积水"))
        s.commit()


def build(template: Path, root: Path) -> VoiceTownship:
    """Make the township and its two stations, write their rows, sync them up."""
    township = make_township(template, root / "township")
    one = make_station(template, root / "station1", township, 1)
    two = make_station(template, root / "station2", township, 2)
    _station_one(one.store)
    _station_two(two.store)
    bundles = one.export(root / "usb") + two.export(root / "usb")
    reports = township.sync.import_bundles(bundles, township.keys)
    assert [r.status for r in reports] == [APPLIED, APPLIED]
    return VoiceTownship(township, one, two)
