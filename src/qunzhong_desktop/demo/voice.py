"""Issue 18's part of the demo: residents' voice at the station, the duty at the township.

At a station, after its items and diaries: the last half-year's 民意测评会 rating the
station's cadres and the units paired with the village; each of the last three months a
民情恳谈会 with problems raised (left open: the demo's item counts stay as they were) and a
民情分析会 discussing items of that month; 民情信息 of those months, two alike grouped and
answered once; some visits and letters marked 信访, one of them a repeat. At the township: the
信访值周 roster from the first of the month to a week ahead (the days after it uncovered, as
a roster not yet made further) and a few receptions. Every write goes through the
repositories (write paths), so it travels like a clerk's typing. Seeded: the same seed gives
the same records.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from qunzhong_desktop.core.duty import Reception
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.evaluation import CADRE, UNIT, RatedRow, Round, Tally
from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow
from qunzhong_desktop.core.mass_info import COMMON, SIGN, SUGGESTION, TREND, Info
from qunzhong_desktop.core.meetings import ANALYSIS, TALK, Meeting, Topic
from qunzhong_desktop.core.petitions import FIRST, REPEAT, Mark
from qunzhong_desktop.storage.store import Store

PROBLEMS = (
    ("村道路灯坏了一半，晚上出行不便", "三组群众"),
    ("灌溉渠淤塞，春耕前需要清理", "五组群众"),
    ("希望在村部增设快递代收点", "青年代表"),
    ("河边护栏松动，孩子上学经过有危险", "二组群众"),
    ("垃圾清运不及时，集中点气味大", "一组群众"),
    ("低保评议希望更公开", "老党员代表"),
)
INFOS = (
    ("子女入学", SUGGESTION, "家长希望开通村到镇中心小学的校车"),
    ("子女入学", SUGGESTION, "镇中心小学放学时间早，家长接送困难，希望延时托管"),
    ("医疗保障", SIGN, "几位老人反映新农合报销手续看不懂，可能错过报销期限"),
    ("创业致富", SUGGESTION, "种植户希望请农技站来讲油茶低改技术"),
    ("社会公平", TREND, "部分群众议论低保评定不公开，情绪有苗头"),
    ("家庭生活", COMMON, "外出务工人员多，留守老人独居的户数增加"),
)
MEMBERS = ("刘建华", "陈丽萍", "王志强")


@dataclass(frozen=True, slots=True)
class VoiceSummary:
    """What the demo added."""

    rounds: int = 0
    meetings: int = 0
    infos: int = 0
    petitions: int = 0
    duty_days: int = 0
    receptions: int = 0


def _month_starts(today: dt.date, count: int) -> list[dt.date]:
    first = today.replace(day=1)
    out = []
    for _ in range(count):
        out.append(first)
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return out


def _last_half(today: dt.date) -> tuple[str, dt.date]:
    """The half-year before the current one, and the day its evaluation is held."""
    if today.month <= 6:
        return f"{today.year - 1}-H2", dt.date(today.year - 1, 12, 26)
    return f"{today.year}-H1", dt.date(today.year, 6, 26)


def load_station_voice(store: Store, *, seed: int, today: dt.date) -> VoiceSummary:
    """The station's records of issue 18 (see the module docstring)."""
    rng = random.Random(f"voice-{seed}")
    station = store.register.station()
    if station is None:
        return VoiceSummary()
    rounds = _evaluation(store, rng, station.code, today)
    meetings = infos = 0
    items = store.items.rows(store.items.search_ids(ItemFilter()), today=today)
    for month in _month_starts(today, 3):
        last = min(today, (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1))
        held = month + dt.timedelta(days=min(9, (last - month).days))
        picked = rng.sample(PROBLEMS, 3)
        store.meetings.add(
            Meeting(
                kind=TALK, held_on=held, place="村部会议室", host="村支部书记",
                attendance=rng.randint(25, 60), attendees="各村民小组代表、党员代表",
                summary="群众反映了近期的生产生活问题。", decisions="逐条明确责任人，限期答复。",
                topics=tuple(Topic(text, raised_by=who, owner="村委会") for text, who in picked),
            ),
            today=today,
        )  # fmt: skip
        meetings += 1
        in_month = [i for i in items if month <= i.received_at.date() <= last]
        if in_month:
            analysis = store.meetings.add(
                Meeting(kind=ANALYSIS, held_on=last if last < today else held, place="村部",
                        host="驻村工作队长", attendance=rng.randint(6, 12),
                        attendees="村两委、驻村干部、网格员", summary="分析本月受理事项。"),
                today=today,
            )  # fmt: skip
            for item in rng.sample(in_month, min(2, len(in_month))):
                store.meetings.link(analysis.id or "", item_number=item.number, owner="网格员")
            meetings += 1
        for topic, kind, text in rng.sample(INFOS, 2):
            store.mass_info.add(
                Info(received_on=held, source=rng.choice(("网格员", "走访", "来电")),
                     topic=topic, info_type=kind, text=text, reporter="网格员",
                     households=rng.randint(1, 12)),
                today=today,
            )  # fmt: skip
            infos += 1
    _group_alike(store, today)
    petitions = _petitions(store, rng, items)
    return VoiceSummary(rounds=rounds, meetings=meetings, infos=infos, petitions=petitions)


def _evaluation(store: Store, rng: random.Random, code: str, today: dt.date) -> int:
    period, held = _last_half(today)
    candidates = store.evaluations.candidates(code).rows
    cadres = [c for c in candidates if c.rated == CADRE][:5]
    units = [c for c in candidates if c.rated == UNIT][:3]
    if not cadres:
        return 0
    returned = 36
    rows = [RatedRow(Tally(c.name, c.rated, role=c.role), cadre_id=c.cadre_id)
            for c in (*cadres, *units)]  # fmt: skip
    made = store.evaluations.create(
        Round(kind="民意测评会", day=held, villages=(code,), participants=40,
              ballots_issued=38, ballots_returned=returned, period=period),
        rows, title=f"{period[:4]}年{'上' if period.endswith('1') else '下'}半年民意测评会",
    )  # fmt: skip
    counts: dict[str, tuple[int, int, int]] = {}
    for index, row in enumerate(rows):
        unsatisfied = 15 if index == 0 and len(rows) > 3 else rng.randint(0, 5)  # one at 42 %
        fair = rng.randint(3, 10)
        counts[row.tally.name] = (returned - unsatisfied - fair, fair, unsatisfied)
    store.evaluations.tally(made.id, counts)
    return 1


def _group_alike(store: Store, today: dt.date) -> None:
    """Two information of one topic, not grouped yet, answered together."""
    by_topic: dict[str, list[Info]] = {}
    for info in store.mass_info.infos():
        if not info.group_id:
            by_topic.setdefault(info.topic, []).append(info)
    for topic, alike in sorted(by_topic.items()):
        if len(alike) >= 2:
            group = store.mass_info.group([i.id or "" for i in alike[:2]], f"{topic}方面的共性问题")
            newest = max(i.received_on for i in alike[:2])
            store.mass_info.answer_group(
                group.id or "", "已汇总上报镇群众工作办，由相关部门统一答复。",
                max(newest, today - dt.timedelta(days=1)), "村支部书记",
            )  # fmt: skip
            return


def _petitions(store: Store, rng: random.Random, items: list[ItemRow]) -> int:
    """Visits and letters marked 信访, one in five.

    A repeat where the program would suggest one: the same requester on a similar matter
    within a year (``store.petitions.repeats``).
    """
    marked = 0
    for item in sorted(items, key=lambda i: i.received_at):
        if item.channel not in ("来访", "来信") or rng.random() > 0.2:
            continue
        level = REPEAT if store.petitions.repeats(item.number) else FIRST
        reach = "到乡" if rng.random() < 0.8 else "到县"
        try:
            store.petitions.mark(item.number, Mark(level, item.channel, reach))
        except DomainError:
            continue  # a void item: left as it is
        marked += 1
    return marked


def load_township_voice(store: Store, *, today: dt.date) -> VoiceSummary:
    """The township's duty roster for this month up to a week ahead, and a few receptions."""
    first = today.replace(day=1)
    days = store.duty.rotate(list(MEMBERS), first, today + dt.timedelta(days=7), by="week")
    receptions = 0
    for back, matter, units in (
        (1, "反映宅基地边界纠纷，要求镇里调处", ("镇司法所", "镇自然资源所")),
        (3, "咨询养老保险补缴政策", ()),
        (6, "反映村道施工影响通行", ("镇交通站",)),
    ):
        day = today - dt.timedelta(days=back)
        if day < first or not store.calendar.calendar().is_workday(day):
            continue
        store.duty.add_reception(
            Reception(day=day, member="", matter=matter, visitors=1 + back % 3, units=units,
                      handling="当场答复，已登记转办。"),
            today=today,
        )  # fmt: skip
        receptions += 1
    return VoiceSummary(duty_days=days, receptions=receptions)
