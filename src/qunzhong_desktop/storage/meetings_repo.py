"""民情恳谈会 and 民情分析会 with their topics; problems raised become items (issue 18).

The station's records, travelling to the township like the diary (the township changes
none of them). A meeting is written with its topics (``meeting_topic``, positions kept); a
problem raised at a 恳谈会 becomes an intake item with channel 民情恳谈会 in the same
transaction that points the topic at it; a 分析会 links the items and 民情信息 it discussed.

Deleting a meeting makes it and its topics tombstones; the items its problems became stay
(they are residents' requests with their own numbers and steps) and keep their topic's
link, so restoring the meeting (撤销删除) shows them again. A topic that became an item
cannot be removed from the meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.intake.records import ItemDetail, NewItem
from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.core.meetings import (
    ANALYSIS,
    KINDS,
    MAX_TOPICS,
    TALK,
    Meeting,
    Topic,
    checked_meeting,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.row_owners import row_station_names
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.write_paths import write_path

#: the channel of an item made from a problem raised at a 民情恳谈会 (core/intake/rules.py)
TALK_CHANNEL = "民情恳谈会"


class SqlMeetings:
    """民情恳谈会 and 民情分析会 with their topics; problems raised become items.

    Args:
        db: the store's database.
        items: the intake items (problems become items through it); one is made if None.
    """

    def __init__(self, db: Database, items: SqlItems | None = None) -> None:
        self.db = db
        self.items = items or SqlItems(db)

    # writing -----------------------------------------------------------------------------
    @write_path
    def add(self, meeting: Meeting, *, today: dt.date | None = None) -> Meeting:
        """Record a meeting with its topics (in their order); returns it read back.

        A 分析会's topic may already point at an item (``item_id``) or a 民情信息
        (``info_id``) of this station; a 恳谈会's problems become items later
        (:meth:`problem_to_item`).

        Raises:
            ValidationError: a rule of :func:`core.meetings.checked_meeting` is broken, or
                a 恳谈会's problem names an item (use :meth:`problem_to_item`).
            NotFoundError: a linked item or information does not exist (any more).
        """
        self._station_only()
        checked = checked_meeting(meeting, today=today or dt.date.today())
        with self.db.writing() as s:
            row = m.MassMeeting(
                kind=checked.kind, held_on=checked.held_on, place=checked.place,
                host=checked.host, attendance=checked.attendance, attendees=checked.attendees,
                summary=checked.summary, decisions=checked.decisions,
            )  # fmt: skip
            s.add(row)
            for position, topic in enumerate(checked.topics):
                self._check_links(s, checked.kind, topic)
                s.add(_topic_row(row.id, position, topic))
            s.flush()
            return _meeting(s, row)

    @write_path
    def edit(self, meeting: Meeting, *, today: dt.date | None = None) -> Meeting:
        """Save a changed meeting: its fields, and its topics added, changed or removed.

        Topics are matched by ``id``: a topic without one is new, a stored topic no longer
        listed becomes a tombstone. A topic keeps the item or information it points at (only
        :meth:`problem_to_item` and :meth:`link` set them).

        Raises:
            NotFoundError: the meeting or a listed topic is gone.
            ValidationError: a rule of :func:`core.meetings.checked_meeting`; a problem that
                became an item left out; the kind changed while topics point at items.
        """
        self._station_only()
        checked = checked_meeting(meeting, today=today or dt.date.today())
        with self.db.writing() as s:
            row = _live(s, meeting.id or "")
            stored = {t.id: t for t in _topics(s, row.id)}
            if checked.kind != row.kind and any(t.item_id or t.info_id for t in stored.values()):
                raise ValidationError(
                    f"这次{row.kind}已有问题关联了事项或民情信息，不能改为{checked.kind}。",
                    code="meeting.kind_locked", field="kind",
                )  # fmt: skip
            listed = {t.id for t in checked.topics if t.id}
            unknown = listed - set(stored)
            if unknown:
                raise NotFoundError(
                    "会议中的某个问题已被删除，请重新打开会议再修改。", code="meeting.topic_missing"
                )
            for gone in (t for t in stored.values() if t.id not in listed):
                if row.kind == TALK and gone.item_id:
                    number = _number(s, gone.item_id)
                    raise ValidationError(
                        f"问题“{_short(gone.text)}”已转为事项 {number}，不能从会议中删除。",
                        code="meeting.topic_has_item", field="topics",
                    )  # fmt: skip
            _assign(row, "kind", checked.kind)
            for name in ("held_on", "place", "host", "attendance", "attendees", "summary",
                         "decisions"):  # fmt: skip
                _assign(row, name, getattr(checked, name))
            now = utcnow()
            for gone in (t for t in stored.values() if t.id not in listed):
                gone.deleted_at = now
            for position, topic in enumerate(checked.topics):
                if topic.id:
                    old = stored[topic.id]
                    _assign(old, "position", position)
                    _assign(old, "text", topic.text)
                    _assign(old, "raised_by", topic.raised_by)
                    _assign(old, "owner", topic.owner)
                else:
                    self._check_links(s, checked.kind, topic)
                    s.add(_topic_row(row.id, position, topic))
            s.flush()
            return _meeting(s, row)

    @write_path(needs=Permission.DELETE)
    def delete(self, meeting_id: str) -> None:
        """Remove a meeting with its topics (tombstones); items made from it stay.

        Raises:
            NotFoundError: no live meeting has that id.
        """
        self._station_only()
        with self.db.writing() as s:
            row = _live(s, meeting_id)
            now = utcnow()
            row.deleted_at = now
            for topic in _topics(s, row.id):
                topic.deleted_at = now

    @write_path(needs=Permission.DELETE)
    def restore(self, meeting_id: str) -> Meeting:
        """Bring back a deleted meeting with the topics deleted with it (撤销删除).

        Raises:
            NotFoundError: no deleted meeting has that id.
        """
        self._station_only()
        with self.db.writing() as s:
            row = s.get(m.MassMeeting, meeting_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError("没有可以恢复的这次会议。", code="meeting.not_deleted")
            deleted_at, row.deleted_at = row.deleted_at, None
            for topic in s.scalars(
                select(m.MeetingTopic).where(
                    m.MeetingTopic.meeting_id == row.id,
                    m.MeetingTopic.deleted_at == deleted_at,
                )
            ):
                topic.deleted_at = None
            s.flush()
            return _meeting(s, row)

    @write_path
    def problem_to_item(
        self,
        meeting_id: str,
        topic_id: str,
        *,
        domain: str,
        grade: str,
        actor: str,
        content: str = "",
        item_type: str = "承诺件",
        requester: str = "",
        requester_person_id: str | None = None,
        promised_days: int | None = None,
        result: str = "",
        now: dt.datetime | None = None,
    ) -> ItemDetail:
        """Register a problem raised at a 民情恳谈会 as an intake item (channel 民情恳谈会).

        The item and the topic's link to it are written in one transaction: a refusal
        leaves neither. The content is the problem's text unless given; the requester is a
        resident of the register (``requester_person_id``), else a name or a group
        (``requester``), else whoever raised it.

        Raises:
            NotFoundError: the meeting or the topic is gone.
            ValidationError: the meeting is no 恳谈会; the problem already became an item;
                no requester; a field of the item (:meth:`.SqlItems.register_item`).
        """
        self._station_only()
        now = (now or dt.datetime.now()).replace(microsecond=0)
        deadlines = self.items.deadlines()
        with self.db.writing() as s:
            row = _live(s, meeting_id)
            if row.kind != TALK:
                raise ValidationError(
                    f"只有{TALK}上群众反映的问题可以转为事项；{row.kind}请关联已有事项。",
                    code="meeting.not_talk",
                )
            topic = s.get(m.MeetingTopic, topic_id)
            if topic is None or topic.deleted_at is not None or topic.meeting_id != row.id:
                raise NotFoundError(
                    "会议中没有这个问题（可能已被删除）。", code="meeting.topic_missing"
                )
            if topic.item_id:
                raise DuplicateError(
                    f"这个问题已转为事项 {_number(s, topic.item_id)}，不能重复登记。",
                    code="meeting.topic_has_item",
                )
            name = compact(requester) or ("" if requester_person_id else topic.raised_by)
            if not name and not requester_person_id:
                raise ValidationError(
                    "请填写提出问题的群众或群体，例如“第三村民小组”。",
                    code="item.requester", field="requester",
                )  # fmt: skip
            new = NewItem(
                channel=TALK_CHANNEL, domain=domain, grade=grade, item_type=item_type,
                content=content.strip() or topic.text, requester_name=name,
                requester_person_id=requester_person_id, handler=actor,
                promised_days=promised_days, result=result,
            )  # fmt: skip
            detail = self.items.register_in(s, new, actor=actor, now=now, deadlines=deadlines)
            topic.item_id = detail.id
            return detail

    @write_path
    def link(
        self,
        meeting_id: str,
        *,
        item_number: str = "",
        info_id: str = "",
        text: str = "",
        owner: str = "",
    ) -> Topic:
        """Add to a 民情分析会 a topic about an existing item or 民情信息 of this station.

        Raises:
            NotFoundError: the meeting, the item or the information is gone.
            ValidationError: the meeting is no 分析会; neither or both named; too many topics.
            DuplicateError: the meeting already discusses it.
        """
        self._station_only()
        if bool(compact(item_number)) == bool(info_id):
            raise ValidationError(
                "请选择要分析的一件事项或一条民情信息（二选一）。", code="meeting.link_target"
            )
        with self.db.writing() as s:
            row = _live(s, meeting_id)
            if row.kind != ANALYSIS:
                raise ValidationError(
                    f"关联已有事项或民情信息请用{ANALYSIS}；{row.kind}的问题可直接转为事项。",
                    code="meeting.not_analysis",
                )
            topics = _topics(s, row.id)
            if len(topics) >= MAX_TOPICS:
                raise ValidationError(
                    f"一次会议最多记录 {MAX_TOPICS} 个问题。", code="meeting.topics", field="topics"
                )
            item_id = _item(s, item_number).id if compact(item_number) else None
            info = _info(s, info_id) if info_id else None
            if any(
                (item_id and t.item_id == item_id) or (info and t.info_id == info.id)
                for t in topics
            ):
                raise DuplicateError("这次分析会已经关联了它。", code="meeting.link_twice")
            topic = m.MeetingTopic(
                meeting_id=row.id, position=max((t.position for t in topics), default=-1) + 1,
                text=text.strip(), owner=compact(owner), item_id=item_id,
                info_id=info.id if info else None,
            )  # fmt: skip
            s.add(topic)
            s.flush()
            return _topic(s, topic)

    # reading -----------------------------------------------------------------------------
    def meetings(
        self,
        kind: str | None = None,
        first: dt.date | None = None,
        last: dt.date | None = None,
    ) -> list[Meeting]:
        """Live meetings, newest first, with their topics; of one kind and days if said.

        Raises:
            ValidationError: an unknown kind.
        """
        if kind and kind not in KINDS:
            raise ValidationError(
                f"会议类型应为{'、'.join(KINDS)}之一。", code="meeting.kind", field="kind"
            )
        query = select(m.MassMeeting).where(m.MassMeeting.deleted_at.is_(None))
        if kind:
            query = query.where(m.MassMeeting.kind == kind)
        if first:
            query = query.where(m.MassMeeting.held_on >= first)
        if last:
            query = query.where(m.MassMeeting.held_on <= last)
        query = query.order_by(m.MassMeeting.held_on.desc(), m.MassMeeting.created_at.desc())
        with self.db.session() as s:
            return [_meeting(s, row) for row in s.scalars(query)]

    def meeting(self, meeting_id: str) -> Meeting:
        """One live meeting with its topics and the linked items' numbers and states.

        Raises:
            NotFoundError: no live meeting has that id.
        """
        with self.db.session() as s:
            return _meeting(s, _live(s, meeting_id))

    def meetings_of_item(self, number: str) -> list[Meeting]:
        """The live meetings whose problem became the item, or that analysed it."""
        with self.db.session() as s:
            item = _item(s, number)
            rows = s.scalars(
                select(m.MassMeeting)
                .join(m.MeetingTopic, m.MeetingTopic.meeting_id == m.MassMeeting.id)
                .where(
                    m.MeetingTopic.item_id == item.id,
                    m.MeetingTopic.deleted_at.is_(None),
                    m.MassMeeting.deleted_at.is_(None),
                )
                .distinct()
                .order_by(m.MassMeeting.held_on.desc())
            )
            return [_meeting(s, row) for row in rows]

    def stations(self) -> dict[str, str]:
        """At the township: meeting id → the station that held it (empty at a station)."""
        with self.db.session() as s:
            return row_station_names(s, m.MassMeeting.__tablename__)

    def counts(self, first: dt.date, last: dt.date) -> dict[str, int]:
        """How many live meetings of each kind were held from ``first`` to ``last``."""
        with self.db.session() as s:
            found = dict(
                s.execute(
                    select(m.MassMeeting.kind, func.count())
                    .where(
                        m.MassMeeting.deleted_at.is_(None),
                        m.MassMeeting.held_on.between(first, last),
                    )
                    .group_by(m.MassMeeting.kind)
                ).all()
            )
        return {kind: int(found.get(kind, 0)) for kind in KINDS}

    # helpers ------------------------------------------------------------------------------
    def _station_only(self) -> None:
        station_only(
            self.db, "民情会议由工作站记录，乡镇和县里不能修改工作站的会议。", "meeting.role"
        )

    @staticmethod
    def _check_links(s: Session, kind: str, topic: Topic) -> None:
        if topic.item_id and kind == TALK:
            raise ValidationError(
                "恳谈会上的问题请登记后再转为事项，不能直接指向已有事项。",
                code="meeting.topic_item", field="topics",
            )  # fmt: skip
        if topic.item_id:
            found = s.get(m.IntakeItem, topic.item_id)
            if found is None or found.deleted_at is not None:
                raise NotFoundError("所关联的事项已不存在。", code="item.missing")
        if topic.info_id:
            _info(s, topic.info_id)


def _topic_row(meeting_id: str, position: int, topic: Topic) -> m.MeetingTopic:
    return m.MeetingTopic(
        meeting_id=meeting_id, position=position, text=topic.text, raised_by=topic.raised_by,
        owner=topic.owner, item_id=topic.item_id, info_id=topic.info_id,
    )  # fmt: skip


def _assign(row: object, name: str, value: object) -> None:
    """Set a field only when it differs: the outbox records real changes only."""
    if getattr(row, name) != value:
        setattr(row, name, value)


def _live(s: Session, meeting_id: str) -> m.MassMeeting:
    row = s.get(m.MassMeeting, meeting_id) if meeting_id else None
    if row is None or row.deleted_at is not None:
        raise NotFoundError("这次会议已不存在（可能已被删除）。", code="meeting.missing")
    return row


def _item(s: Session, number: str) -> m.IntakeItem:
    found = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == compact(number))).first()
    if found is None or found.deleted_at is not None:
        raise NotFoundError(f"找不到编号为 {compact(number)} 的事项。", code="item.missing")
    return found


def _info(s: Session, info_id: str) -> m.MassInfo:
    found = s.get(m.MassInfo, info_id)
    if found is None or found.deleted_at is not None:
        raise NotFoundError("所关联的民情信息已不存在。", code="info.missing")
    return found


def _number(s: Session, item_id: str) -> str:
    found = s.get(m.IntakeItem, item_id)
    return found.number if found is not None else "（已删除）"


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _topics(s: Session, meeting_id: str) -> list[m.MeetingTopic]:
    return list(
        s.scalars(
            select(m.MeetingTopic)
            .where(m.MeetingTopic.meeting_id == meeting_id, m.MeetingTopic.deleted_at.is_(None))
            .order_by(m.MeetingTopic.position, m.MeetingTopic.created_at)
        )
    )


def _topic(s: Session, row: m.MeetingTopic) -> Topic:
    item = s.get(m.IntakeItem, row.item_id) if row.item_id else None
    info = s.get(m.MassInfo, row.info_id) if row.info_id else None
    return Topic(
        text=row.text, raised_by=row.raised_by, owner=row.owner, item_id=row.item_id,
        info_id=row.info_id, id=row.id, item_number=item.number if item else "",
        item_state=_state_name(item.state) if item else "", info_text=info.text if info else "",
    )  # fmt: skip


def _state_name(state: str) -> str:
    try:
        return STATE_NAMES[State(state)]
    except (KeyError, ValueError):
        return state


def _meeting(s: Session, row: m.MassMeeting) -> Meeting:
    topics: Sequence[m.MeetingTopic] = _topics(s, row.id)
    return Meeting(
        kind=row.kind, held_on=row.held_on, place=row.place, host=row.host,
        attendance=row.attendance, attendees=row.attendees, summary=row.summary,
        decisions=row.decisions, topics=tuple(_topic(s, t) for t in topics), id=row.id,
    )  # fmt: skip
