"""民情 meetings (issue 18): 民情恳谈会 and 民情分析会.

At a 民情恳谈会 residents raise problems; at a 民情分析会 the cadres analyse the month's items
and information.

A meeting has a date, a place, a host, how many came and who, what was decided, and its
topics: at a 恳谈会 the problems raised (each with who follows it up, and the item it became,
channel 民情恳谈会), at a 分析会 the items and 民情信息 it discussed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact

TALK, ANALYSIS = "民情恳谈会", "民情分析会"
KINDS: tuple[str, ...] = (TALK, ANALYSIS)
MAX_ATTENDANCE = 10_000
MAX_TOPICS = 200


@dataclass(frozen=True, slots=True)
class Topic:
    """A problem raised (恳谈会) or an item or information analysed (分析会)."""

    text: str = ""
    raised_by: str = ""  # a resident, a group (第三村民小组)
    owner: str = ""  # who follows it up
    item_id: str | None = None  # the item it became, or the item analysed
    info_id: str | None = None  # the 民情信息 analysed
    id: str | None = None
    # read back only (the repository fills them; a form leaves them empty)
    item_number: str = ""  # the linked item's number
    item_state: str = ""  # the linked item's state, in Chinese (已受理, 已办结 …)
    info_text: str = ""  # the linked 民情信息's text


@dataclass(frozen=True, slots=True)
class Meeting:
    """A 民情 meeting as a clerk records it."""

    kind: str
    held_on: dt.date
    place: str = ""
    host: str = ""
    attendance: int = 0
    attendees: str = ""
    summary: str = ""
    decisions: str = ""
    topics: tuple[Topic, ...] = field(default_factory=tuple)
    id: str | None = None


def checked_meeting(meeting: Meeting, *, today: dt.date) -> Meeting:
    """A known kind, a day not in the future, a host and a place, topics with their text.

    Raises:
        ValidationError: said in Chinese (``field`` names the part).
    """
    if meeting.kind not in KINDS:
        raise ValidationError(
            f"会议类型应为{'、'.join(KINDS)}之一。", code="meeting.kind", field="kind"
        )
    if meeting.held_on > today:
        raise ValidationError(
            f"会议日期 {meeting.held_on:%Y-%m-%d} 在今天之后。", code="meeting.day", field="held_on"
        )
    place, host = compact(meeting.place), compact(meeting.host)
    if not place:
        raise ValidationError("请填写会议地点。", code="meeting.place", field="place")
    if not host:
        raise ValidationError("请填写主持人。", code="meeting.host", field="host")
    attendance = meeting.attendance
    if isinstance(attendance, bool) or not isinstance(attendance, int):
        raise ValidationError("参会人数应为整数。", code="meeting.attendance", field="attendance")
    if not 1 <= attendance <= MAX_ATTENDANCE:
        raise ValidationError(
            f"参会人数应为 1–{MAX_ATTENDANCE} 人。", code="meeting.attendance", field="attendance"
        )
    if len(meeting.topics) > MAX_TOPICS:
        raise ValidationError(
            f"一次会议最多记录 {MAX_TOPICS} 个问题。", code="meeting.topics", field="topics"
        )
    topics = tuple(_checked_topic(meeting.kind, n, t) for n, t in enumerate(meeting.topics, 1))
    return Meeting(
        kind=meeting.kind, held_on=meeting.held_on, place=place, host=host,
        attendance=attendance, attendees=meeting.attendees.strip(),
        summary=meeting.summary.strip(), decisions=meeting.decisions.strip(),
        topics=topics, id=meeting.id,
    )  # fmt: skip


def _checked_topic(kind: str, number: int, topic: Topic) -> Topic:
    text = topic.text.strip()
    linked = topic.item_id or topic.info_id
    if not text and not (kind == ANALYSIS and linked):
        what = "分析的问题" if kind == ANALYSIS else "群众反映的问题"
        raise ValidationError(f"第 {number} 个问题没有内容：请写明{what}。",
                              code="meeting.topic", field="topics")  # fmt: skip
    if kind == TALK and topic.info_id:
        raise ValidationError(
            "民情恳谈会记录群众当场反映的问题；关联民情信息请用民情分析会。",
            code="meeting.topic_info", field="topics",
        )  # fmt: skip
    return Topic(
        text=text, raised_by=compact(topic.raised_by), owner=compact(topic.owner),
        item_id=topic.item_id, info_id=topic.info_id, id=topic.id,
    )  # fmt: skip


def open_problems(topics: Sequence[Topic]) -> tuple[Topic, ...]:
    """Problems raised that have not become an item yet."""
    return tuple(t for t in topics if not t.item_id and not t.info_id)
