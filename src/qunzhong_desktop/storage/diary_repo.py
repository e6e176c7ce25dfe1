"""The resident diary (民情日记) on SQLite: entries, visits with checklists, findings as items.

Every write goes through the ORM, so the change capture records it for sync. An entry is
removed as a tombstone with its visits; items turned from its findings keep their link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.cadre_rules import DiaryDay, duty_days, village_days
from qunzhong_desktop.core.diary import (
    VISIT_KINDS,
    DiaryEntry,
    DiaryRow,
    DiaryVisit,
    LinkedItem,
    check_entry,
    checklist_json,
    checklist_of,
    duplicate,
    parse_month,
)
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError, ValidationError
from qunzhong_desktop.core.intake.records import ItemDetail, NewItem
from qunzhong_desktop.core.intake.rules import GROUP_FINDING_KINDS, finding_channel
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.write_paths import write_path


def _group_requester(kind: str, requester: str) -> str:
    """The group or village that raised a problem at a meeting (民情恳谈会), as named."""
    if kind not in GROUP_FINDING_KINDS:
        raise ValidationError(
            f"“{kind}”日记中的问题要落到一户：请选择走访户；"
            "只有民情恳谈会上的问题可以由群体或全村提出。",
            code="diary.finding_household",
            field="requester",
        )
    name = compact(requester)
    if not name:
        raise ValidationError(
            "请填写提出问题的群体或村，例如“第三村民小组”或村名。",
            code="item.requester",
            field="requester",
        )
    return name


def _head(household: m.Household) -> m.Person | None:
    members = [p for p in household.members if p.deleted_at is None]
    return next((p for p in members if p.relation == "户主"), None) or (
        members[0] if members else None
    )


class SqlDiary:
    """The diary entries of one store.

    Args:
        db: the store's database.
        items: the intake items (findings become items through it); one is made if None.
    """

    def __init__(self, db: Database, items: SqlItems | None = None) -> None:
        self.db = db
        self.items = items or SqlItems(db)

    # writing -----------------------------------------------------------------------------
    @write_path
    def save_entry(self, entry: DiaryEntry, *, today: dt.date | None = None) -> DiaryEntry:
        """Create (no ``id``) or update an entry with its visits; returns it read back.

        Visits are matched to stored ones by household; visits no longer listed become
        tombstones, so sync carries the removal.

        Raises:
            DiaryInvalid: a rule of :func:`core.diary.problems` is broken.
            NotFoundError: the entry, the cadre or a household does not exist (any more).
            DiaryDuplicate: the cadre already has another entry for that day.
        """
        check_entry(entry, today=today or dt.date.today())
        with self.db.writing() as s:
            cadre = s.get(m.Cadre, entry.cadre_id)
            if cadre is None or cadre.deleted_at is not None:
                raise NotFoundError("所选干部已不存在，请重新选择。", code="diary.cadre_missing")
            clash = s.scalars(
                select(m.DiaryEntry).where(
                    m.DiaryEntry.cadre_id == entry.cadre_id,
                    m.DiaryEntry.day == entry.day,
                    m.DiaryEntry.deleted_at.is_(None),
                    m.DiaryEntry.id != (entry.id or ""),
                )
            ).first()
            if clash is not None:
                raise duplicate(cadre.name, entry.day, clash.kind, clash.id)
            if entry.id:
                row = self._live(s, entry.id)
                row.cadre_id, row.day = entry.cadre_id, entry.day
                if row.kind != entry.kind:
                    row.kind = entry.kind
                text = clean_text(entry.text)
                if row.text != text:
                    row.text = text
                if row.place != compact(entry.place):
                    row.place = compact(entry.place)
            else:
                row = m.DiaryEntry(
                    cadre_id=entry.cadre_id,
                    day=entry.day,
                    kind=entry.kind,
                    text=clean_text(entry.text),
                    place=compact(entry.place),
                    author=self.db.actor,
                )
                s.add(row)
            self._write_visits(s, row, entry.visits)
            s.flush()
            return self._entry(s, row)

    def _write_visits(self, s: Session, row: m.DiaryEntry, visits: Sequence[DiaryVisit]) -> None:
        stored = {v.household_id: v for v in row.visits if v.deleted_at is None}
        now = utcnow()
        for position, visit in enumerate(visits):
            household = s.get(m.Household, visit.household_id)
            if household is None or household.deleted_at is not None:
                raise NotFoundError(
                    f"走访户 {visit.household_number or visit.household_id} 已不在户籍中，"
                    "请移除后再保存。",
                    code="diary.household_missing",
                    household_id=visit.household_id,
                )
            checklist = checklist_json(visit.checks)
            note = clean(visit.note)
            existing = stored.pop(visit.household_id, None)
            if existing is None:
                # entry_id set at once: the outbox records the row before the flush fills it
                row.visits.append(
                    m.DiaryVisit(
                        entry_id=row.id,
                        household_id=visit.household_id,
                        position=position,
                        checklist=checklist,
                        note=note,
                    )
                )
                continue
            # assign new values only when they differ: the outbox records real changes only
            if existing.position != position:
                existing.position = position
            if existing.checklist != checklist:
                existing.checklist = checklist
            if existing.note != note:
                existing.note = note
        for gone in stored.values():
            gone.deleted_at = now

    @write_path(needs=Permission.DELETE)
    def delete_entry(self, entry_id: str) -> None:
        """Remove an entry and its visits (tombstones); its items keep their link.

        Raises:
            NotFoundError: no live entry has that id.
        """
        with self.db.writing() as s:
            row = self._live(s, entry_id)
            now = utcnow()
            row.deleted_at = now
            for visit in row.visits:
                if visit.deleted_at is None:
                    visit.deleted_at = now

    @write_path(needs=Permission.DELETE)
    def restore_entry(self, entry_id: str) -> None:
        """Bring back a deleted entry with the visits deleted with it (撤销删除).

        A visit to a household deleted since stays deleted.

        Raises:
            NotFoundError: no deleted entry has that id, or its cadre is gone.
            DuplicateError: the cadre has another entry for that day now.
        """
        with self.db.writing() as s:
            row = s.get(m.DiaryEntry, entry_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError("没有可以恢复的这篇民情日记。", code="diary.not_deleted")
            cadre = s.get(m.Cadre, row.cadre_id)
            if cadre is None or cadre.deleted_at is not None:
                raise NotFoundError(
                    "这篇日记的干部已被删除，不能恢复。", code="diary.cadre_missing"
                )
            taken = s.scalar(
                select(func.count()).where(
                    m.DiaryEntry.cadre_id == row.cadre_id,
                    m.DiaryEntry.day == row.day,
                    m.DiaryEntry.deleted_at.is_(None),
                )
            )
            if taken:
                raise DuplicateError(
                    f"{cadre.name} 在 {row.day.isoformat()} 已经另写了一篇民情日记，不能恢复这一篇。",
                    code="diary.duplicate_day",
                )
            deleted_at, row.deleted_at = row.deleted_at, None
            for visit in row.visits:
                household = s.get(m.Household, visit.household_id)
                live = household is not None and household.deleted_at is None
                if visit.deleted_at == deleted_at and live:
                    visit.deleted_at = None

    @write_path
    def finding_to_item(
        self,
        entry_id: str,
        household_id: str | None,
        *,
        content: str,
        domain: str,
        grade: str,
        item_type: str = "承诺件",
        actor: str,
        result: str = "",
        promised_days: int | None = None,
        now: dt.datetime | None = None,
        requester: str = "",
    ) -> ItemDetail:
        """Turn a problem found on a visit or raised at a meeting into an intake item, at once.

        The channel follows the entry's kind (:func:`.intake.rules.finding_channel`): 走访,
        or 民情恳谈会 for a meeting. The requester is the household's head; a problem raised
        at a 民情恳谈会 may instead come from a group or the whole village (``household_id``
        None, ``requester`` e.g. 第三村民小组 or the village's name). The item points at the
        entry (``diary_entry_id``), which lists it in :meth:`items_of_entry`. The item is
        written in one transaction with its number, so a refusal leaves nothing.

        Raises:
            NotFoundError: the entry is gone, or the household was not visited in it.
            ValidationError: a field of the item is wrong (see :meth:`.SqlItems.register_item`);
                a group requester at an entry that is no meeting, or no name for the group.
        """
        with self.db.session() as s:
            row = self._live(s, entry_id)
            channel = finding_channel(row.kind)
            if household_id is None:
                name, head_id = _group_requester(row.kind, requester), None
            else:
                name, head_id = self._household_requester(s, row, household_id)
        new = NewItem(
            channel=channel,
            domain=domain,
            grade=grade,
            item_type=item_type,
            content=content,
            requester_name=name,
            requester_person_id=head_id,
            handler=actor,
            promised_days=promised_days,
            result=result,
            diary_entry_id=entry_id,
        )
        return self.items.register_item(new, actor=actor, now=now)

    @staticmethod
    def _household_requester(
        s: Session, row: m.DiaryEntry, household_id: str
    ) -> tuple[str, str | None]:
        """The requester of a household's finding: its head (or the household's number)."""
        visited = {v.household_id for v in row.visits if v.deleted_at is None}
        household = s.get(m.Household, household_id)
        if (
            household is None
            or household.deleted_at is not None
            or (row.kind in VISIT_KINDS and household_id not in visited)
        ):
            raise NotFoundError(
                "这一户不在本篇日记的走访户中，请先把它加入走访户并保存。",
                code="diary.household_not_visited",
                household_id=household_id,
            )
        head = _head(household)
        return ("", head.id) if head is not None else (f"{household.number} 户", None)

    # reading -----------------------------------------------------------------------------
    def entry(self, entry_id: str) -> DiaryEntry:
        """One live entry with its visits and linked items.

        Raises:
            NotFoundError: no live entry has that id.
        """
        with self.db.session() as s:
            return self._entry(s, self._live(s, entry_id))

    def entry_of(self, cadre_id: str, day: dt.date) -> DiaryEntry | None:
        """The cadre's live entry of a day, if any."""
        with self.db.session() as s:
            row = s.scalars(
                select(m.DiaryEntry).where(
                    m.DiaryEntry.cadre_id == cadre_id,
                    m.DiaryEntry.day == day,
                    m.DiaryEntry.deleted_at.is_(None),
                )
            ).first()
            return None if row is None else self._entry(s, row)

    def entries(
        self,
        cadre_id: str | None = None,
        *,
        month: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> list[DiaryRow]:
        """List rows of live entries, by day then cadre name.

        Args:
            cadre_id: only this cadre's entries.
            month: only this month (``2026-11``); overrides ``start`` and ``end``.
            start: the first day listed.
            end: the last day listed.
        """
        if month:
            start, end = parse_month(month)
        visits = (
            select(m.DiaryVisit.entry_id, func.count().label("n"))
            .where(m.DiaryVisit.deleted_at.is_(None))
            .group_by(m.DiaryVisit.entry_id)
            .subquery()
        )
        items = (
            select(m.IntakeItem.diary_entry_id, func.count().label("n"))
            .where(m.IntakeItem.diary_entry_id.is_not(None), m.IntakeItem.deleted_at.is_(None))
            .group_by(m.IntakeItem.diary_entry_id)
            .subquery()
        )
        stmt: Any = (
            select(m.DiaryEntry, m.Cadre.name, visits.c.n, items.c.n)
            .join(m.Cadre, m.Cadre.id == m.DiaryEntry.cadre_id)
            .outerjoin(visits, visits.c.entry_id == m.DiaryEntry.id)
            .outerjoin(items, items.c.diary_entry_id == m.DiaryEntry.id)
            .where(m.DiaryEntry.deleted_at.is_(None))
        )
        if cadre_id:
            stmt = stmt.where(m.DiaryEntry.cadre_id == cadre_id)
        if start:
            stmt = stmt.where(m.DiaryEntry.day >= start)
        if end:
            stmt = stmt.where(m.DiaryEntry.day <= end)
        stmt = stmt.order_by(m.DiaryEntry.day, m.Cadre.name)
        with self.db.session() as s:
            return [
                DiaryRow(
                    id=row.id,
                    day=row.day,
                    cadre_id=row.cadre_id,
                    cadre_name=name,
                    kind=row.kind,
                    households=int(n_visits or 0),
                    items=int(n_items or 0),
                    text=row.text,
                )
                for row, name, n_visits, n_items in s.execute(stmt)
            ]

    def month_entries(self, cadre_id: str, month: str) -> list[DiaryEntry]:
        """A cadre's live entries of a month in full (for the printed diary), by day."""
        first, last = parse_month(month)
        with self.db.session() as s:
            rows = s.scalars(
                select(m.DiaryEntry)
                .where(
                    m.DiaryEntry.cadre_id == cadre_id,
                    m.DiaryEntry.deleted_at.is_(None),
                    m.DiaryEntry.day >= first,
                    m.DiaryEntry.day <= last,
                )
                .order_by(m.DiaryEntry.day)
            )
            return [self._entry(s, row) for row in rows]

    def paired_households(self, cadre_id: str) -> list[str]:
        """Ids of the live households paired with a cadre, by number (to visit them)."""
        with self.db.session() as s:
            return list(
                s.scalars(
                    select(m.Household.id)
                    .where(m.Household.cadre_id == cadre_id, m.Household.deleted_at.is_(None))
                    .order_by(m.Household.number)
                )
            )

    def items_of_entry(self, entry_id: str) -> list[LinkedItem]:
        """The intake items turned from an entry's findings, by number."""
        with self.db.session() as s:
            return _items(s, entry_id)

    def days_by_cadre(self, month: str) -> dict[str, dict[str, int]]:
        """A month's diary days per cadre: ``{cadre_id: {"village": n, "duty": n}}``.

        Counted as the rules count them (:mod:`qunzhong_desktop.core.cadre_rules`): a day in
        the village is a day of 入户走访, 集中工作日, 坐班接待 or 民情恳谈会 (a 电话回访 only
        with a place in the village), each day once; a 坐班接待 day is also a day on duty.
        Only cadres with at least one entry in the month appear.
        """
        first, last = parse_month(month)
        stmt = select(
            m.DiaryEntry.cadre_id, m.DiaryEntry.day, m.DiaryEntry.kind, m.DiaryEntry.place
        ).where(
            m.DiaryEntry.deleted_at.is_(None),
            m.DiaryEntry.day >= first,
            m.DiaryEntry.day <= last,
        )
        entries: dict[str, list[DiaryDay]] = {}
        with self.db.session() as s:
            for cadre_id, day, kind, place in s.execute(stmt):
                entries.setdefault(cadre_id, []).append(DiaryDay(day, kind, place))
        return {
            cadre_id: {"village": len(village_days(days)), "duty": len(duty_days(days))}
            for cadre_id, days in entries.items()
        }

    # helpers -----------------------------------------------------------------------------
    @staticmethod
    def _live(s: Session, entry_id: str) -> m.DiaryEntry:
        row = s.get(m.DiaryEntry, entry_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("这篇民情日记已不存在（可能已被删除）。", code="diary.missing")
        return row

    @staticmethod
    def _entry(s: Session, row: m.DiaryEntry) -> DiaryEntry:
        cadre = s.get(m.Cadre, row.cadre_id)
        visits: list[DiaryVisit] = []
        for v in sorted(row.visits, key=lambda v: v.position):
            if v.deleted_at is not None:
                continue
            household = s.get(m.Household, v.household_id)
            head = _head(household) if household is not None else None
            visits.append(
                DiaryVisit(
                    household_id=v.household_id,
                    checks=checklist_of(v.checklist),
                    note=v.note,
                    household_number=household.number if household is not None else "",
                    head_name=head.name if head is not None else "",
                    address=household.address if household is not None else "",
                    id=v.id,
                )
            )
        return DiaryEntry(
            cadre_id=row.cadre_id,
            day=row.day,
            kind=row.kind,
            text=row.text,
            visits=visits,
            author=row.author,
            place=row.place,
            id=row.id,
            cadre_name=cadre.name if cadre is not None else "",
            items=_items(s, row.id),
        )


def _items(s: Session, entry_id: str) -> list[LinkedItem]:
    rows = s.scalars(
        select(m.IntakeItem)
        .where(m.IntakeItem.diary_entry_id == entry_id, m.IntakeItem.deleted_at.is_(None))
        .order_by(m.IntakeItem.number)
    )
    return [
        LinkedItem(
            id=r.id,
            number=r.number,
            household_id=r.requester_household_id,
            content=r.content,
            state=r.state,
        )
        for r in rows
    ]


def clean_text(text: str) -> str:
    """The diary's prose: line breaks kept, each line cleaned, blank runs collapsed."""
    lines = [clean(line) for line in text.replace("\r\n", "\n").split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
