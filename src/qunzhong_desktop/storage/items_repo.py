"""Intake items on SQLite: numbering, the append-only history, work lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import NotFoundError, SetupError, ValidationError
from qunzhong_desktop.core.intake import corrections
from qunzhong_desktop.core.intake.clock import (
    Calendar,
    assignment_deadline,
    due_date,
    urgency,
)
from qunzhong_desktop.core.intake.corrections import Correction, ItemFix
from qunzhong_desktop.core.intake.records import ItemDetail, NewItem
from qunzhong_desktop.core.intake.rules import (
    INITIAL_MOVE,
    Deadlines,
    Event,
    check_move,
    check_new_item,
    finding_channel,
    item_number,
    new_query_code,
)
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.item_escalation import ItemEscalation
from qunzhong_desktop.storage.item_list import ItemLists
from qunzhong_desktop.storage.item_responsibility import (
    ItemResponsibility,
    defaults,
    follow_domain,
)
from qunzhong_desktop.storage.item_settings import ItemSettings
from qunzhong_desktop.storage.petitions_repo import petition_fields
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.write_paths import write_path


def to_event(row: m.ItemEvent) -> Event:
    """Map an event row to the domain event."""
    return Event(
        at=row.at,
        actor=row.actor,
        from_state=State(row.from_state) if row.from_state else None,
        to_state=State(row.to_state),
        note=row.note,
        data=dict(row.data),
    )


def to_correction(row: m.ItemCorrection) -> Correction:
    """Map a correction row to the domain record."""
    changes = {
        str(name): (value.get("old"), value.get("new"))
        for name, value in row.changes.items()
        if isinstance(value, dict)
    }
    return Correction(at=row.at, actor=row.actor, reason=row.reason, changes=changes)


def _due(
    item: m.IntakeItem, events: Sequence[Event], calendar: Calendar, today: dt.date
) -> dt.date:
    assigned = assignment_deadline(events)
    if assigned is not None:
        return assigned
    return due_date(item.received_at.date(), item.promised_days, events, calendar, today)


def derived_fields(
    item: m.IntakeItem, calendar: Calendar, today: dt.date
) -> tuple[str, dt.date | None]:
    """An item's state and deadline as its events say (the sync importer recomputes them)."""
    events = [to_event(e) for e in item.events]
    return events[-1].to_state.value, _due(item, events, calendar, today)


class SqlItems(ItemLists, ItemSettings, ItemResponsibility, ItemEscalation):
    """The intake items of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._cached: tuple[Session, Calendar] | None = None

    def _calendar(self, s: Session) -> Calendar:
        """The calendar, loaded once per session (a move appends one or two events)."""
        if self._cached is None or self._cached[0] is not s:
            self._cached = (s, load_calendar(s))
        return self._cached[1]

    # writing -----------------------------------------------------------------------------
    @write_path
    def register_item(
        self, new: NewItem, *, actor: str, now: dt.datetime | None = None
    ) -> ItemDetail:
        """Register a request, give it its number and make the intake's first move.

        The number and the item are written in one transaction: a failure leaves neither,
        so numbers have no gaps and are never used twice. Without ``promised_days``: the
        domain's days, fewer for grade A (急事急办, :func:`.intake.rules.promised_days`).

        Raises:
            ValidationError: a field of the form is wrong (``field`` in its data).
            MoveRefused: e.g. an immediate item (即办件) without its result.
        """
        now = (now or dt.datetime.now()).replace(microsecond=0)
        deadlines = self.deadlines()
        with self.db.writing() as s:
            return self.register_in(s, new, actor=actor, now=now, deadlines=deadlines)

    def register_in(
        self, s: Session, new: NewItem, *, actor: str, now: dt.datetime, deadlines: Deadlines
    ) -> ItemDetail:
        """:meth:`register_item` inside the caller's write transaction ``s``.

        For a write path that makes an item together with the record pointing at it (a
        民情恳谈会's problem, a 民情信息): a refusal of either rolls back both. ``s`` must come
        from :meth:`.Database.writing`, and ``deadlines`` be read before it was opened.
        """
        self._fill_requester(s, new)
        check_new_item(
            channel=new.channel,
            domain=new.domain,
            grade=new.grade,
            item_type=new.item_type,
            content=new.content,
            requester_name=new.requester_name,
            domains=list(deadlines.domain_days),
        )
        station = load_station(s)
        if station is None:
            raise SetupError("本机尚未设置工作站，不能受理登记。", code="setup.station")
        self._check_diary_link(s, new)
        counter = s.get(m.ItemCounter, now.year)
        if counter is None:
            counter = m.ItemCounter(year=now.year, last=0)
            s.add(counter)
        counter.last += 1
        promised = 0 if new.item_type == "即办件" else new.promised_days
        competent, paired = defaults(s, new.domain, station.code, competent=new.competent_unit,
                                     paired=new.paired_unit)  # fmt: skip
        if promised is None:
            promised = deadlines.days(new.domain, new.grade)
        item = m.IntakeItem(
            number=item_number(station.code, now.year, counter.last),
            year=now.year,
            sequence=counter.last,
            received_at=now,
            channel=new.channel,
            requester_person_id=new.requester_person_id,
            requester_household_id=self._household_of(s, new.requester_person_id),
            requester_name=compact(new.requester_name),
            requester_phone=compact(new.requester_phone),
            domain=new.domain,
            grade=new.grade,
            item_type=new.item_type,
            content=clean(new.content),
            handler=compact(new.handler) or actor,
            promised_days=promised,
            query_code=new_query_code(),
            state=State.REGISTERED.value,
            diary_entry_id=new.diary_entry_id,
            competent_unit=competent,
            paired_unit=paired,
            **petition_fields(new.petition, new.petition_form, new.petition_reach),
        )
        s.add(item)
        history: list[Event] = []
        self._append(s, item, history, State.REGISTERED, actor=actor, now=now, note="受理登记")
        initial = INITIAL_MOVE[new.item_type]
        if initial is not None:
            data = {"result": new.result} if initial is State.RESOLVED else {}
            self._append(
                s, item, history, initial, actor=actor, now=now, note=new.result, data=data
            )
        s.flush()
        return self._detail(item, history, self._calendar(s), now.date())

    @write_path
    def move(
        self,
        number: str,
        target: State,
        *,
        actor: str,
        role: Role = Role.STATION,
        note: str = "",
        data: dict[str, Any] | None = None,
        now: dt.datetime | None = None,
    ) -> ItemDetail:
        """Make one move of the five steps, as an appended event.

        Raises:
            NotFoundError: no item has that number.
            MoveRefused: the move is not allowed now, or lacks its reason or data.
        """
        now = (now or dt.datetime.now()).replace(microsecond=0)
        with self.db.writing() as s:
            item = self._load(s, number)
            history = [to_event(e) for e in item.events]
            check_move(history, target, role=role, note=note, data=data, agency=item.agency_mode)
            self._append(
                s, item, history, target, actor=actor, now=now, note=note, data=data, role=role
            )
            s.flush()
            return self._detail(item, history, self._calendar(s), now.date())

    @write_path
    def correct(
        self,
        number: str,
        fix: ItemFix,
        *,
        actor: str,
        reason: str = "",
        now: dt.datetime | None = None,
    ) -> ItemDetail:
        """Correct a saved item's requester, category, grade or content (更正), with history.

        The item keeps its number, steps and deadline; a correction entry records each
        changed field's old and new value, who and when (both sync to the township).

        Raises:
            NotFoundError: no item has that number, or the requester picked has left the
                register.
            ValidationError: a field is wrong, nothing changes, the item is void (作废), or
                this is a township's or the county's PC (items are corrected where they
                were taken in).
        """
        now = (now or dt.datetime.now()).replace(microsecond=0)
        station_only(
            self.db,
            "事项由受理的工作站更正，乡镇和县里不能修改工作站的登记内容。",
            "correction.role",
        )
        domains = self.domain_days()
        with self.db.writing() as s:
            item = self._load(s, number)
            if item.deleted_at is not None:
                raise ValidationError("这件事项已作废，不能更正。", code="correction.void")
            fix = corrections.prepare(
                fix, channel=item.channel, item_type=item.item_type, domains=list(domains)
            )
            if fix.requester_person_id:
                new = NewItem(item.channel, fix.domain, fix.grade, item.item_type, fix.content,
                              fix.requester_name, fix.requester_phone, fix.requester_person_id)  # fmt: skip
                self._fill_requester(s, new)
                fix.requester_phone = new.requester_phone
            current = {name: getattr(item, name) for name in (*corrections.FIELDS, corrections.LINK_FIELD)}  # fmt: skip
            changes = corrections.changes_between(current, fix)
            s.add(
                m.ItemCorrection(
                    item_id=item.id,
                    at=now,
                    actor=actor,
                    reason=corrections.check_reason(reason),
                    changes={k: {"old": old, "new": new} for k, (old, new) in changes.items()},
                )
            )
            for name, (_old, value) in changes.items():
                setattr(item, name, value)
            if corrections.LINK_FIELD in changes:
                item.requester_household_id = self._household_of(s, fix.requester_person_id)
            if "domain" in changes:  # the 主管部门 follows only if it was the old default
                follow_domain(s, item, str(changes["domain"][0]))
            s.flush()
            s.expire(item, ["corrections"])
            history = [to_event(e) for e in item.events]
            return self._detail(item, history, self._calendar(s), now.date())

    def _append(
        self,
        s: Session,
        item: m.IntakeItem,
        history: list[Event],
        target: State,
        *,
        actor: str,
        now: dt.datetime,
        note: str = "",
        data: dict[str, Any] | None = None,
        role: Role = Role.STATION,
    ) -> None:
        event = Event(
            now, actor, history[-1].to_state if history else None, target, note, data or {}
        )
        check_move(history, target, role=role, note=note, data=event.data, at=now)
        history.append(event)
        s.add(
            m.ItemEvent(
                item_id=item.id,
                position=len(history) - 1,
                at=event.at,
                actor=actor,
                actor_role=role.value,
                from_state=event.from_state.value if event.from_state else None,
                to_state=target.value,
                note=note,
                data=dict(event.data),
            )
        )
        item.state = target.value
        due = _due(item, history, self._calendar(s), now.date())
        if item.due_on != due:
            item.due_on = due

    # reading -----------------------------------------------------------------------------
    def item(self, number: str, *, today: dt.date | None = None) -> ItemDetail:
        """One item with its history, by number.

        Raises:
            NotFoundError: no item has that number.
        """
        with self.db.session() as s:
            item = self._load(s, number)
            events = [to_event(e) for e in item.events]
            return self._detail(item, events, load_calendar(s), today or dt.date.today())

    def number_of(self, item_id: str) -> str | None:
        """An item's number (编号), or None if there is no such item."""
        with self.db.session() as s:
            return s.scalar(select(m.IntakeItem.number).where(m.IntakeItem.id == item_id))

    def assigned_units(self, ids: Sequence[str]) -> dict[str, str]:
        """The unit (责任单位) of each item's last assignment, by item id (unassigned: absent)."""
        event = m.ItemEvent
        found: dict[str, tuple[int, str]] = {}
        with self.db.session() as s:
            rows = s.execute(
                select(event.item_id, event.position, event.data).where(
                    event.item_id.in_(ids), event.to_state == State.ASSIGNED.value
                )
            )
            for item_id, position, data in rows:
                if item_id not in found or found[item_id][0] < position:
                    found[item_id] = (position, str((data or {}).get("unit", "")))
        return {item_id: unit for item_id, (_, unit) in found.items()}

    # helpers ------------------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, number: str) -> m.IntakeItem:
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == compact(number))).first()
        if item is None:
            raise NotFoundError(f"找不到编号为 {compact(number)} 的事项。", code="item.missing")
        return item

    @staticmethod
    def _fill_requester(s: Session, new: NewItem) -> None:
        if not new.requester_person_id:
            return
        person = s.get(m.Person, new.requester_person_id)
        if person is None or person.deleted_at is not None:
            raise NotFoundError(
                "所选诉求人已不在户籍中，请重新选择。", code="item.requester_missing"
            )
        new.requester_name = new.requester_name or person.name
        new.requester_phone = new.requester_phone or person.phone or person.household.phone

    @staticmethod
    def _check_diary_link(s: Session, new: NewItem) -> None:
        """An item found in the diary comes from a live entry, by its kind's channel.

        走访 from a visit, 民情恳谈会 from a meeting (:func:`.intake.rules.finding_channel`).
        """
        if not new.diary_entry_id:
            return
        entry = s.get(m.DiaryEntry, new.diary_entry_id)
        if entry is None or entry.deleted_at is not None:
            raise NotFoundError("所关联的民情日记已不存在。", code="item.diary_missing")
        channel = finding_channel(entry.kind)
        if new.channel != channel:
            raise ValidationError(
                f"由“{entry.kind}”日记转来的事项，来源渠道应为“{channel}”。",
                code="item.channel",
                field="channel",
            )

    @staticmethod
    def _household_of(s: Session, person_id: str | None) -> str | None:
        if not person_id:
            return None
        person = s.get(m.Person, person_id)
        return person.household_id if person is not None else None

    @staticmethod
    def _detail(
        item: m.IntakeItem, events: list[Event], calendar: Calendar, today: dt.date
    ) -> ItemDetail:
        state = State(item.state)
        return ItemDetail(
            id=item.id,
            number=item.number,
            received_at=item.received_at,
            channel=item.channel,
            domain=item.domain,
            grade=item.grade,
            item_type=item.item_type,
            content=item.content,
            requester_name=item.requester_name,
            requester_phone=item.requester_phone,
            requester_person_id=item.requester_person_id,
            handler=item.handler,
            promised_days=item.promised_days,
            query_code=item.query_code,
            state=state,
            due_on=item.due_on,
            urgency=urgency(state, item.due_on, calendar, today),
            events=list(events),
            diary_entry_id=item.diary_entry_id,
            corrections=[to_correction(c) for c in item.corrections],
            competent_unit=item.competent_unit,
            paired_unit=item.paired_unit,
        )
