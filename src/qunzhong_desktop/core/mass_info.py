"""民情信息 (issue 18): opinions and early signs collected from the village.

Seed 003: the station's cadres are 民情信息员 and report 民情信息 monthly (逐月上报). A piece
of information comes from a grid member, a visit, a meeting or a call; it has a topic and a
type, the households it concerns, and may become an item. Several alike can be grouped as one
common issue (共性问题) with one result and one batch follow-up: answering the group answers
every member.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact

SOURCES: tuple[str, ...] = ("网格员", "走访", "会议", "来电", "其他")
TOPICS: tuple[str, ...] = ("创业致富", "子女入学", "医疗保障", "家庭生活", "社会公平", "其他")
SUGGESTION, SIGN, TREND, COMMON = "意见建议", "苗头性", "倾向性", "普遍性问题"
TYPES: tuple[str, ...] = (SUGGESTION, SIGN, TREND, COMMON)
#: the types counted as signals (苗头性 and 倾向性) in the monthly figures
SIGNALS: frozenset[str] = frozenset({SIGN, TREND})
MAX_HOUSEHOLDS = 100_000


@dataclass(frozen=True, slots=True)
class Info:
    """A 民情信息 as recorded."""

    received_on: dt.date
    source: str
    topic: str
    info_type: str
    text: str
    reporter: str = ""
    household_ids: tuple[str, ...] = ()
    households: int = 0  # households concerned (at least those named)
    meeting_id: str | None = None
    item_id: str | None = None
    group_id: str | None = None
    id: str | None = None
    # read back only (the repository fills them; a form leaves them empty)
    item_number: str = ""  # the item it became
    group_title: str = ""  # the common issue it is part of
    result: str = ""  # that one answer


@dataclass(frozen=True, slots=True)
class Group:
    """Alike information taken as one common issue, answered once."""

    title: str
    topic: str
    result: str = ""
    answered_on: dt.date | None = None
    answered_by: str = ""
    follow_up: str = ""
    followed_on: dt.date | None = None
    members: tuple[str, ...] = field(default_factory=tuple)  # info ids
    id: str | None = None


def checked_info(info: Info, *, today: dt.date) -> Info:
    """Known source, topic and type, a text, a day not in the future, households counted.

    Raises:
        ValidationError: said in Chinese (``field`` names the part).
    """
    for name, value, allowed, label in (
        ("source", info.source, SOURCES, "来源"),
        ("topic", info.topic, TOPICS, "主题"),
        ("info_type", info.info_type, TYPES, "类型"),
    ):
        if value not in allowed:
            raise ValidationError(f"{label}应为{'、'.join(allowed)}之一。",
                                  code=f"info.{name}", field=name)  # fmt: skip
    text = info.text.strip()
    if not text:
        raise ValidationError("请填写民情信息的内容。", code="info.text", field="text")
    if info.received_on > today:
        raise ValidationError(
            f"收集日期 {info.received_on:%Y-%m-%d} 在今天之后。",
            code="info.day",
            field="received_on",
        )
    ids = tuple(dict.fromkeys(info.household_ids))
    count = info.households
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_HOUSEHOLDS:
        raise ValidationError(f"涉及户数应为 0–{MAX_HOUSEHOLDS} 之间的整数。",
                              code="info.households", field="households")  # fmt: skip
    count = max(count, len(ids))  # the households named are concerned at least
    return Info(
        received_on=info.received_on, source=info.source, topic=info.topic,
        info_type=info.info_type, text=text, reporter=compact(info.reporter),
        household_ids=ids, households=count, meeting_id=info.meeting_id,
        item_id=info.item_id, group_id=info.group_id, id=info.id,
    )  # fmt: skip


def checked_grouping(members: Sequence[Info]) -> str:
    """The topic of a group made of ``members``: two or more, ungrouped, of one topic.

    Raises:
        ValidationError: fewer than two, one already in a group, or topics that differ.
    """
    if len(members) < 2:
        raise ValidationError("请至少选择两条相似的民情信息再合并。", code="info.group_size")
    grouped = [m for m in members if m.group_id]
    if grouped:
        raise ValidationError(
            f"所选信息中有 {len(grouped)} 条已在其他共性问题中，请先移出。", code="info.grouped"
        )
    topics = {m.topic for m in members}
    if len(topics) > 1:
        raise ValidationError(
            f"所选信息的主题不同（{'、'.join(sorted(topics))}），不能作为同一个共性问题。",
            code="info.group_topic",
        )
    return members[0].topic


def checked_answer(result: str, day: dt.date, *, today: dt.date, grouped_on: dt.date) -> str:
    """One result for a group, given on a day between its newest member and today.

    Raises:
        ValidationError: no result, or a day in the future or before the information came.
    """
    text = result.strip()
    if not text:
        raise ValidationError("请填写答复结果。", code="info.result", field="result")
    if day > today:
        raise ValidationError("答复日期在今天之后。", code="info.answer_day", field="answered_on")
    if day < grouped_on:
        raise ValidationError(
            f"答复日期早于信息收集日期 {grouped_on:%Y-%m-%d}。",
            code="info.answer_day", field="answered_on",
        )  # fmt: skip
    return text


@dataclass(frozen=True, slots=True)
class InfoFigures:
    """A month's (or period's) 民情信息 counts."""

    total: int
    suggestions: int
    signals: int  # 苗头性 and 倾向性
    common: int  # 普遍性问题
    to_items: int  # became items
    by_topic: dict[str, int]


def figures(infos: Sequence[Info], first: dt.date, last: dt.date) -> InfoFigures:
    """Counts of the information received from ``first`` to ``last``, both included."""
    inside = [i for i in infos if first <= i.received_on <= last]
    return InfoFigures(
        total=len(inside),
        suggestions=sum(i.info_type == SUGGESTION for i in inside),
        signals=sum(i.info_type in SIGNALS for i in inside),
        common=sum(i.info_type == COMMON for i in inside),
        to_items=sum(bool(i.item_id) for i in inside),
        by_topic={t: sum(i.topic == t for i in inside) for t in TOPICS},
    )
