"""民情信息: recorded, turned into items, grouped and answered once (issue 18).

The station's records, travelling to the township like the diary (the township changes
none of them). A piece of information may become an intake item (in the transaction that
points the information at it); several alike of one topic become a common issue
(``info_group``) answered once and followed up once for every member.

Deleting information makes it a tombstone that keeps its group and item (restoring it
brings it back where it was); lists and groups show live information only. Information
leaves a group only while the group is unanswered (the one answer was given to all of
them); a group left with one member is dissolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import mass_info
from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.intake.records import ItemDetail, NewItem
from qunzhong_desktop.core.mass_info import (
    TOPICS,
    TYPES,
    Group,
    Info,
    InfoFigures,
    checked_answer,
    checked_grouping,
    checked_info,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.row_owners import row_station_names
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.write_paths import write_path

#: the channel of an item made from information, by the information's source
CHANNEL_OF_SOURCE: dict[str, str] = {
    "网格员": "走访", "走访": "走访", "会议": "民情恳谈会", "来电": "来电", "其他": "来访",
}  # fmt: skip


class SqlMassInfo:
    """民情信息: recorded, turned into items, grouped and answered once.

    Args:
        db: the store's database.
        items: the intake items (information becomes items through it); one is made if None.
    """

    def __init__(self, db: Database, items: SqlItems | None = None) -> None:
        self.db = db
        self.items = items or SqlItems(db)

    # writing -----------------------------------------------------------------------------
    @write_path
    def add(self, info: Info, *, today: dt.date | None = None) -> Info:
        """Record a piece of information; returns it read back.

        Raises:
            ValidationError: a rule of :func:`core.mass_info.checked_info` is broken.
            NotFoundError: a household or the meeting named is gone.
        """
        self._station_only()
        checked = checked_info(info, today=today or dt.date.today())
        with self.db.writing() as s:
            _check_refs(s, checked)
            row = m.MassInfo(
                received_on=checked.received_on, source=checked.source,
                reporter=checked.reporter, topic=checked.topic, info_type=checked.info_type,
                text=checked.text, household_ids=list(checked.household_ids),
                households=checked.households, meeting_id=checked.meeting_id,
            )  # fmt: skip
            s.add(row)
            s.flush()
            return _info(s, row)

    @write_path
    def edit(self, info: Info, *, today: dt.date | None = None) -> Info:
        """Save changed information; its item and group stay as they are.

        Raises:
            NotFoundError: the information, a household or the meeting is gone.
            ValidationError: a rule of :func:`core.mass_info.checked_info`; a new topic
                while it is part of a common issue.
        """
        self._station_only()
        checked = checked_info(info, today=today or dt.date.today())
        with self.db.writing() as s:
            row = _live(s, info.id or "")
            _check_refs(s, checked)
            if row.group_id and checked.topic != row.topic:
                raise ValidationError(
                    "这条信息已并入共性问题，不能改主题；请先移出再改。",
                    code="info.grouped_topic", field="topic",
                )  # fmt: skip
            for name in ("received_on", "source", "reporter", "topic", "info_type", "text",
                         "households", "meeting_id"):  # fmt: skip
                _assign(row, name, getattr(checked, name))
            _assign(row, "household_ids", list(checked.household_ids))
            s.flush()
            return _info(s, row)

    @write_path(needs=Permission.DELETE)
    def delete(self, info_id: str) -> None:
        """Remove information (a tombstone keeping its group and item; see the module).

        Raises:
            NotFoundError: no live information has that id.
        """
        self._station_only()
        with self.db.writing() as s:
            _live(s, info_id).deleted_at = utcnow()

    @write_path(needs=Permission.DELETE)
    def restore(self, info_id: str) -> Info:
        """Bring back deleted information (撤销删除), in its group if that still stands.

        Raises:
            NotFoundError: no deleted information has that id.
        """
        self._station_only()
        with self.db.writing() as s:
            row = s.get(m.MassInfo, info_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError("没有可以恢复的这条民情信息。", code="info.not_deleted")
            row.deleted_at = None
            group = s.get(m.InfoGroup, row.group_id) if row.group_id else None
            if group is not None and group.deleted_at is not None:
                row.group_id = None
            s.flush()
            return _info(s, row)

    @write_path
    def to_item(
        self,
        info_id: str,
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
        """Register information as an intake item, its channel by the source.

        The channel: 来电 → 来电, 会议 → 民情恳谈会, 走访 and 网格员 → 走访, 其他 → 来访
        (:data:`CHANNEL_OF_SOURCE`). The content is the information's text unless given;
        the requester a resident chosen, else a name, else the head of the first household
        named, else whoever reported it. Item and link are written in one transaction.

        Raises:
            NotFoundError: the information is gone.
            DuplicateError: it already became an item.
            ValidationError: no requester; a field of the item (:meth:`.SqlItems.register_item`).
        """
        self._station_only()
        now = (now or dt.datetime.now()).replace(microsecond=0)
        deadlines = self.items.deadlines()
        with self.db.writing() as s:
            row = _live(s, info_id)
            if row.item_id:
                raise DuplicateError(
                    f"这条民情信息已转为事项 {_number(s, row.item_id)}，不能重复登记。",
                    code="info.has_item",
                )
            person_id, name = requester_person_id, compact(requester)
            if not person_id and not name:
                person_id = _head_of(s, row.household_ids)
                name = "" if person_id else row.reporter
            if not person_id and not name:
                raise ValidationError(
                    "请填写诉求人：选择群众或填写姓名、群体。", code="item.requester",
                    field="requester",
                )  # fmt: skip
            new = NewItem(
                channel=CHANNEL_OF_SOURCE.get(row.source, "来访"), domain=domain, grade=grade,
                item_type=item_type, content=content.strip() or row.text, requester_name=name,
                requester_person_id=person_id, handler=actor, promised_days=promised_days,
                result=result,
            )  # fmt: skip
            detail = self.items.register_in(s, new, actor=actor, now=now, deadlines=deadlines)
            row.item_id = detail.id
            return detail

    @write_path
    def group(self, info_ids: Sequence[str], title: str) -> Group:
        """Take two or more alike pieces of one topic as one common issue (共性问题).

        Raises:
            NotFoundError: a piece is gone.
            ValidationError: no title; fewer than two; one already grouped; topics differ.
        """
        self._station_only()
        name = compact(title)
        if not name:
            raise ValidationError("请填写共性问题的标题。", code="info.group_title", field="title")
        with self.db.writing() as s:
            rows = [_live(s, i) for i in dict.fromkeys(info_ids)]
            topic = checked_grouping([_info(s, r) for r in rows])
            group = m.InfoGroup(title=name, topic=topic)
            s.add(group)
            for row in rows:
                row.group_id = group.id
            s.flush()
            return _group(s, group)

    @write_path
    def ungroup(self, info_id: str) -> Group | None:
        """Take information out of its unanswered group; returns the group, None if dissolved.

        A group left with one piece is dissolved (a tombstone; that piece leaves it too).

        Raises:
            NotFoundError: the information is gone.
            ValidationError: it is in no group, or the group was answered already.
        """
        self._station_only()
        with self.db.writing() as s:
            row = _live(s, info_id)
            group = s.get(m.InfoGroup, row.group_id) if row.group_id else None
            if group is None or group.deleted_at is not None:
                raise ValidationError("这条信息不在任何共性问题中。", code="info.not_grouped")
            if group.answered_on is not None:
                raise ValidationError(
                    f"共性问题“{group.title}”已统一答复，不能再移出信息。", code="info.answered"
                )
            row.group_id = None
            rest = [r for r in _members(s, group.id) if r.id != row.id]
            if len(rest) >= 2:
                s.flush()
                return _group(s, group)
            group.deleted_at = utcnow()
            for other in rest:
                other.group_id = None
            return None

    @write_path
    def answer_group(
        self, group_id: str, result: str, day: dt.date, by: str = "", *,
        today: dt.date | None = None,
    ) -> Group:  # fmt: skip
        """One result for every piece of a common issue (一并答复); may be corrected later.

        Raises:
            NotFoundError: the group is gone.
            ValidationError: no result; a day in the future or before the newest piece.
        """
        self._station_only()
        with self.db.writing() as s:
            group = _live_group(s, group_id)
            members = _members(s, group.id)
            newest = max((r.received_on for r in members), default=day)
            text = checked_answer(result, day, today=today or dt.date.today(), grouped_on=newest)
            _assign(group, "result", text)
            _assign(group, "answered_on", day)
            _assign(group, "answered_by", compact(by) or self.db.actor)
            s.flush()
            return _group(s, group)

    @write_path
    def follow_up_group(
        self, group_id: str, text: str, day: dt.date, *, today: dt.date | None = None
    ) -> Group:
        """One batch follow-up (回访) of an answered common issue, for every piece.

        Raises:
            NotFoundError: the group is gone.
            ValidationError: not answered yet; no text; a day in the future or before the answer.
        """
        self._station_only()
        note = text.strip()
        if not note:
            raise ValidationError("请填写回访情况。", code="info.follow_up", field="follow_up")
        with self.db.writing() as s:
            group = _live_group(s, group_id)
            if group.answered_on is None:
                raise ValidationError(
                    "共性问题还没有答复，请先统一答复再回访。", code="info.not_answered"
                )
            if day > (today or dt.date.today()):
                raise ValidationError("回访日期在今天之后。", code="info.follow_day",
                                      field="followed_on")  # fmt: skip
            if day < group.answered_on:
                raise ValidationError(
                    f"回访日期早于答复日期 {group.answered_on:%Y-%m-%d}。",
                    code="info.follow_day", field="followed_on",
                )  # fmt: skip
            _assign(group, "follow_up", note)
            _assign(group, "followed_on", day)
            s.flush()
            return _group(s, group)

    # reading -----------------------------------------------------------------------------
    def infos(
        self,
        *,
        topic: str = "",
        info_type: str = "",
        first: dt.date | None = None,
        last: dt.date | None = None,
        grouped: bool | None = None,
        text: str = "",
    ) -> list[Info]:
        """Live information, newest first, filtered as said.

        Raises:
            ValidationError: an unknown topic or type.
        """
        if topic and topic not in TOPICS:
            raise ValidationError(f"主题应为{'、'.join(TOPICS)}之一。", code="info.topic",
                                  field="topic")  # fmt: skip
        if info_type and info_type not in TYPES:
            raise ValidationError(f"类型应为{'、'.join(TYPES)}之一。", code="info.info_type",
                                  field="info_type")  # fmt: skip
        query = select(m.MassInfo).where(m.MassInfo.deleted_at.is_(None))
        if topic:
            query = query.where(m.MassInfo.topic == topic)
        if info_type:
            query = query.where(m.MassInfo.info_type == info_type)
        if first:
            query = query.where(m.MassInfo.received_on >= first)
        if last:
            query = query.where(m.MassInfo.received_on <= last)
        if grouped is not None:
            column = m.MassInfo.group_id
            query = query.where(column.is_not(None) if grouped else column.is_(None))
        words = compact(text)
        if words:
            like = f"%{words}%"
            query = query.where(or_(m.MassInfo.text.like(like), m.MassInfo.reporter.like(like)))
        query = query.order_by(m.MassInfo.received_on.desc(), m.MassInfo.created_at.desc())
        with self.db.session() as s:
            return [_info(s, row) for row in s.scalars(query)]

    def stations(self) -> dict[str, str]:
        """At the township: information id → the station that recorded it (empty at one)."""
        with self.db.session() as s:
            return row_station_names(s, m.MassInfo.__tablename__)

    def info(self, info_id: str) -> Info:
        """One live piece of information.

        Raises:
            NotFoundError: no live information has that id.
        """
        with self.db.session() as s:
            return _info(s, _live(s, info_id))

    def groups(self) -> list[Group]:
        """Live common issues, newest first, with their live members."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.InfoGroup)
                .where(m.InfoGroup.deleted_at.is_(None))
                .order_by(m.InfoGroup.created_at.desc())
            )
            return [_group(s, row) for row in rows]

    def group_of(self, group_id: str) -> Group:
        """One live common issue with its live members.

        Raises:
            NotFoundError: no live group has that id.
        """
        with self.db.session() as s:
            return _group(s, _live_group(s, group_id))

    def figures(self, first: dt.date, last: dt.date) -> InfoFigures:
        """The counts of :func:`core.mass_info.figures` for the live information of the days."""
        return mass_info.figures(self.infos(first=first, last=last), first, last)

    # helpers ------------------------------------------------------------------------------
    def _station_only(self) -> None:
        station_only(
            self.db, "民情信息由工作站记录，乡镇和县里不能修改工作站的民情信息。", "info.role"
        )


def _assign(row: object, name: str, value: object) -> None:
    """Set a field only when it differs: the outbox records real changes only."""
    if getattr(row, name) != value:
        setattr(row, name, value)


def _check_refs(s: Session, info: Info) -> None:
    for hid in info.household_ids:
        household = s.get(m.Household, hid)
        if household is None or household.deleted_at is not None:
            raise NotFoundError(
                "所选的某一户已不在户籍中，请重新选择涉及的农户。",
                code="info.household_missing", field="household_ids",
            )  # fmt: skip
    if info.meeting_id:
        meeting = s.get(m.MassMeeting, info.meeting_id)
        if meeting is None or meeting.deleted_at is not None:
            raise NotFoundError("所关联的会议已不存在。", code="meeting.missing")


def _head_of(s: Session, household_ids: Sequence[str]) -> str | None:
    for hid in household_ids:
        household = s.get(m.Household, hid)
        if household is None or household.deleted_at is not None:
            continue
        members = [p for p in household.members if p.deleted_at is None]
        head = next((p for p in members if p.relation == "户主"), None) or (
            members[0] if members else None
        )
        if head is not None:
            return head.id
    return None


def _live(s: Session, info_id: str) -> m.MassInfo:
    row = s.get(m.MassInfo, info_id) if info_id else None
    if row is None or row.deleted_at is not None:
        raise NotFoundError("这条民情信息已不存在（可能已被删除）。", code="info.missing")
    return row


def _live_group(s: Session, group_id: str) -> m.InfoGroup:
    row = s.get(m.InfoGroup, group_id) if group_id else None
    if row is None or row.deleted_at is not None:
        raise NotFoundError("这个共性问题已不存在。", code="info.group_missing")
    return row


def _members(s: Session, group_id: str) -> list[m.MassInfo]:
    return list(
        s.scalars(
            select(m.MassInfo)
            .where(m.MassInfo.group_id == group_id, m.MassInfo.deleted_at.is_(None))
            .order_by(m.MassInfo.received_on, m.MassInfo.created_at)
        )
    )


def _number(s: Session, item_id: str) -> str:
    found = s.get(m.IntakeItem, item_id)
    return found.number if found is not None else "（已删除）"


def _info(s: Session, row: m.MassInfo) -> Info:
    item = s.get(m.IntakeItem, row.item_id) if row.item_id else None
    group = s.get(m.InfoGroup, row.group_id) if row.group_id else None
    if group is not None and group.deleted_at is not None:
        group = None
    return Info(
        received_on=row.received_on, source=row.source, topic=row.topic,
        info_type=row.info_type, text=row.text, reporter=row.reporter,
        household_ids=tuple(row.household_ids or ()), households=row.households,
        meeting_id=row.meeting_id, item_id=row.item_id, group_id=group.id if group else None,
        id=row.id, item_number=item.number if item else "",
        group_title=group.title if group else "", result=group.result if group else "",
    )  # fmt: skip


def _group(s: Session, row: m.InfoGroup) -> Group:
    return Group(
        title=row.title, topic=row.topic, result=row.result, answered_on=row.answered_on,
        answered_by=row.answered_by, follow_up=row.follow_up, followed_on=row.followed_on,
        members=tuple(r.id for r in _members(s, row.id)), id=row.id,
    )  # fmt: skip
