"""代办 on SQLite: an item's agency, 上门服务, its records, the residents due a service.

The agency fields, 上门服务 and the wait for collection of an item; the register's residents
turning an age soon (即将到龄) and the 代办 items made for them. The agency fields are columns of ``intake_item`` and the records rows of ``agency_entry``
(append-only); both travel to the township with the item, through the change capture. The
two moves of collection (通知领取, 已领取) are item moves (:meth:`.SqlItems.move`); their
rules are the core's (:func:`.intake.rules.check_move`). A township keeps its stations'
items as sent: it does not change their 代办.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.diary import VISIT_KINDS
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.agency import (
    COLLECTION_DAYS,
    Agency,
    AgencyEntry,
    check_agency,
    check_collection_days,
    check_entry,
)
from qunzhong_desktop.core.intake.records import ItemAgency, NewItem
from qunzhong_desktop.core.intake.rules import Event, check_new_item
from qunzhong_desktop.core.intake.states import COLLECTION, FINAL, State
from qunzhong_desktop.core.register_due import (
    DueResident,
    Resident,
    Window,
    due_residents,
    item_content,
    without_birth_date,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems, to_event
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.tag_filters import person_or_household_tagged
from qunzhong_desktop.storage.write_paths import write_path

COLLECTION_DAYS_SETTING = "intake.collection_days"


@dataclass(frozen=True, slots=True)
class DueList:
    """The residents turning an age in a window, as the register query found them."""

    window: Window
    ages: tuple[int, ...]
    tag: str
    found: list[DueResident]
    without_birth: int  # residents with neither a birth date nor a valid ID number
    open_items: dict[str, str] = field(default_factory=dict)  # person id → an open 代办 item


@dataclass(frozen=True, slots=True)
class DueItems:
    """The 代办 items made for residents, and those skipped (made before)."""

    numbers: list[str]
    skipped: list[tuple[str, str]]  # (name, number of the item made before)


@dataclass(frozen=True, slots=True)
class DiaryLink:
    """A diary entry that visited an item's household (上门服务 links to one)."""

    id: str
    day: dt.date
    kind: str
    cadre_name: str


class SqlAgency:
    """代办 and 上门服务 of one store's items, and who needs a service soon."""

    def __init__(self, db: Database, items: SqlItems) -> None:
        self.db = db
        self.items = items

    # writing -----------------------------------------------------------------------------
    @write_path
    def set_agency(
        self, number: str, agency: Agency, *, now: dt.datetime | None = None
    ) -> ItemAgency:
        """Mark an item 代办, or change its agency fields.

        Raises:
            NotFoundError: no such item.
            ValidationError: a field is wrong (``field`` in its data), the item has ended,
                or this is the township's PC.
        """
        today = (now or dt.datetime.now()).date()
        self._station_only()
        with self.db.writing() as s:
            item = self._open_item(s, number)
            fixed = check_agency(agency, received=item.received_at.date(), today=today)
            for name, value in (
                ("agency_mode", fixed.mode), ("agency_auth_on", fixed.auth_on),
                ("agency_auth_kind", fixed.auth_kind), ("agency_agent", fixed.agent),
                ("agency_office", fixed.office),
            ):  # fmt: skip
                if getattr(item, name) != value:
                    setattr(item, name, value)
            s.flush()
            return self._agency(s, item)

    @write_path
    def clear_agency(self, number: str) -> ItemAgency:
        """The item is not 代办 after all (its records stay in its history).

        Raises:
            NotFoundError: no such item.
            ValidationError: the resident was already told to collect, or the item has ended.
        """
        self._station_only()
        with self.db.writing() as s:
            item = self._open_item(s, number)
            if any(State(e.to_state) in COLLECTION for e in item.events):
                raise ValidationError(
                    "已通知群众领取的事项不能取消代办。", code="agency.collecting", field="mode"
                )
            if item.agency_mode:
                item.agency_mode, item.agency_auth_on, item.agency_auth_kind = "", None, ""
                item.agency_agent, item.agency_office = "", ""
            s.flush()
            return self._agency(s, item)

    @write_path
    def set_at_home(
        self, number: str, at_home: bool, *, diary_entry_id: str | None = None
    ) -> ItemAgency:
        """Flag an item as served at the resident's home (上门服务), linked to a diary visit.

        ``diary_entry_id``: the 入户走访 or 集中工作日 entry whose visit served it; an item
        found on a visit is linked to its entry already and keeps that link.

        Raises:
            NotFoundError: no such item, or the entry is gone.
            ValidationError: the entry is no visit, did not visit the requester's household,
                or the item is linked to another entry; the item has ended.
        """
        self._station_only()
        with self.db.writing() as s:
            item = self._open_item(s, number)
            if at_home and diary_entry_id and diary_entry_id != item.diary_entry_id:
                self._check_visit(s, item, diary_entry_id)
                item.diary_entry_id = diary_entry_id
            if item.at_home != at_home:
                item.at_home = at_home
            s.flush()
            return self._agency(s, item)

    @write_path
    def add_entry(
        self, number: str, entry: AgencyEntry, *, actor: str, now: dt.datetime | None = None
    ) -> ItemAgency:
        """Record a document received (收件) or returned (还件), or progress (进展).

        Raises:
            NotFoundError: no such item.
            ValidationError: the item is not 代办, or the record is wrong (``field``).
        """
        now = (now or dt.datetime.now()).replace(microsecond=0)
        self._station_only()
        with self.db.writing() as s:
            item = self._item(s, number)
            if not item.agency_mode:
                raise ValidationError(
                    "这件事项不是代办事项，请先登记代办方式和群众委托。",
                    code="agency.not_agency",
                    field="kind",
                )
            fixed = check_entry(entry, received=item.received_at.date(), today=now.date())
            s.add(
                m.AgencyEntry(
                    item_id=item.id, kind=fixed.kind, day=fixed.day, text=fixed.text,
                    actor=compact(actor)[:50],
                )
            )  # fmt: skip
            s.flush()
            s.expire(item)
            return self._agency(s, item)

    def create_for(
        self,
        chosen: Sequence[DueResident],
        agency: Agency,
        *,
        domain: str,
        actor: str,
        channel: str = "走访",
        grade: str = "B",
        service: str = "",
        now: dt.datetime | None = None,
    ) -> DueItems:
        """Register a 代办 item for each resident chosen from the due list (confirmed first).

        Each is an item like any other (:meth:`.SqlItems.register_item`: its number, its
        first step), then marked 代办. A resident who already has an item of the same content
        that has not been refused or withdrawn is skipped. Everything is checked before the
        first item is made.

        Raises:
            ValidationError: the agency or the item's fields are wrong; nobody chosen.
            NotFoundError: a resident has left the register.
        """
        now = (now or dt.datetime.now()).replace(microsecond=0)
        if not chosen:
            raise ValidationError("请先勾选要代办的居民。", code="agency.none_chosen")
        self._station_only()
        fixed = check_agency(agency, received=now.date(), today=now.date())
        contents = [item_content(due, service) for due in chosen]
        for due, content in zip(chosen, contents, strict=True):
            check_new_item(
                channel=channel, domain=domain, grade=grade, item_type="承诺件",
                content=content, requester_name=due.resident.name,
                domains=list(self.items.domain_days()),
            )  # fmt: skip
        made_before = self._made_before(chosen, contents)
        numbers: list[str] = []
        skipped: list[tuple[str, str]] = []
        for due, content in zip(chosen, contents, strict=True):
            before = made_before.get((due.resident.person_id, content))
            if before is not None:
                skipped.append((due.resident.name, before))
                continue
            new = NewItem(
                channel=channel, domain=domain, grade=grade, item_type="承诺件", content=content,
                requester_person_id=due.resident.person_id, handler=fixed.agent or actor,
            )  # fmt: skip
            number = self.items.register_item(new, actor=actor, now=now).number
            self.set_agency(number, fixed, now=now)
            numbers.append(number)
        return DueItems(numbers, skipped)

    def set_collection_days(self, days: int) -> int:
        """Set the working days an item may wait for collection before it turns amber.

        Raises:
            ValidationError: not 1–60. PermissionDenied: the operator may not change settings.
        """
        require(self.db.operator, Permission.SETTINGS)
        check_collection_days(days)
        with self.db.session() as s:
            row = s.get(m.Setting, COLLECTION_DAYS_SETTING)
            if row is None:
                s.add(m.Setting(key=COLLECTION_DAYS_SETTING, value=str(days)))
            else:
                row.value = str(days)
        return days

    # reading -----------------------------------------------------------------------------
    def of(self, number: str) -> ItemAgency:
        """An item's 代办: fields, 上门服务, records, notification and collection.

        Raises:
            NotFoundError: no such item.
        """
        with self.db.session() as s:
            return self._agency(s, self._item(s, number))

    def collection_days(self) -> int:
        """Working days an item may wait for collection (default 5)."""
        with self.db.session() as s:
            row = s.get(m.Setting, COLLECTION_DAYS_SETTING)
        try:
            return check_collection_days(int(row.value)) if row is not None else COLLECTION_DAYS
        except (ValueError, ValidationError):
            return COLLECTION_DAYS

    def waiting_too_long(self, *, today: dt.date | None = None) -> dict[str, int]:
        """Items told to collect more than :meth:`collection_days` working days ago.

        Returns:
            {item id: working days waited since the day the resident was told}.
        """
        today = today or dt.date.today()
        limit = self.collection_days()
        item, event = m.IntakeItem, m.ItemEvent
        with self.db.session() as s:
            calendar = load_calendar(s)
            rows = s.execute(
                select(event.item_id, event.position, event.at, event.data)
                .join(item, item.id == event.item_id)
                .where(
                    item.state == State.NOTIFIED.value,
                    item.deleted_at.is_(None),
                    event.to_state == State.NOTIFIED.value,
                )
                .order_by(event.item_id, event.position)
            ).all()
        told: dict[str, dt.date] = {}
        for item_id, _position, at, data in rows:  # the last notification of each item
            told[item_id] = _day((data or {}).get("notified_on")) or at.date()
        waited = {item_id: calendar.workdays_between(day, today) for item_id, day in told.items()}
        return {item_id: days for item_id, days in waited.items() if days > limit}

    def residents(self, *, tag: str = "") -> list[Resident]:
        """The live members of the register (with their households' tags), for the query."""
        person, household = m.Person, m.Household
        stmt = (
            select(person, household.number, household.address, household.tags, household.phone)
            .join(household, household.id == person.household_id)
            .where(person.deleted_at.is_(None), household.deleted_at.is_(None))
        )
        if tag:
            stmt = stmt.where(person_or_household_tagged(self.db.dialect, tag))
        with self.db.session() as s:
            return [
                Resident(
                    person_id=p.id,
                    name=p.name,
                    birth_date=p.birth_date,
                    id_number=p.id_number or "",
                    household_id=p.household_id,
                    household_number=number,
                    address=address,
                    phone=p.phone or phone,
                    tags=tuple(dict.fromkeys([*p.tags, *(tags or [])])),
                )
                for p, number, address, tags, phone in s.execute(stmt)
            ]

    def due(self, ages: Sequence[int], span: Window, *, tag: str = "") -> DueList:
        """Residents turning one of ``ages`` within ``span`` (with a support ``tag``).

        Raises:
            ValidationError: an age is out of range.
        """
        residents = self.residents(tag=tag.strip())
        found = due_residents(residents, ages, span)
        people = {d.resident.person_id for d in found}
        return DueList(
            span,
            tuple(sorted(set(ages))),
            tag.strip(),
            found,
            without_birth_date(residents),
            self._open_agency(people),
        )

    def visits_of(self, number: str) -> list[DiaryLink]:
        """The diary entries that visited the item's household, the latest first (20)."""
        entry, visit = m.DiaryEntry, m.DiaryVisit
        with self.db.session() as s:
            item = self._item(s, number)
            if item.requester_household_id is None:
                return []
            rows = s.execute(
                select(entry.id, entry.day, entry.kind, m.Cadre.name)
                .join(visit, visit.entry_id == entry.id)
                .join(m.Cadre, m.Cadre.id == entry.cadre_id)
                .where(
                    visit.household_id == item.requester_household_id,
                    visit.deleted_at.is_(None),
                    entry.deleted_at.is_(None),
                )
                .order_by(entry.day.desc())
                .limit(20)
            ).all()
        return [DiaryLink(*row) for row in rows]

    def requester(self, number: str) -> tuple[str, str]:
        """The ID number (unmasked; "" for an outsider) and address of an item's requester."""
        with self.db.session() as s:
            item = self._item(s, number)
            person = s.get(m.Person, item.requester_person_id) if item.requester_person_id else None
            if person is None:
                return "", ""
            id_number = citizen_id.normalise(person.id_number) if person.id_number else ""
            return id_number, person.household.address

    # helpers ------------------------------------------------------------------------------
    def _station_only(self) -> None:
        station_only(
            self.db, "代办由受理事项的工作站登记，乡镇和县里不能修改工作站的事项。", "agency.role"
        )

    @staticmethod
    def _item(s: Session, number: str) -> m.IntakeItem:
        found = s.scalars(
            select(m.IntakeItem).where(m.IntakeItem.number == compact(number))
        ).first()
        if found is None:
            raise NotFoundError(f"找不到编号为 {compact(number)} 的事项。", code="item.missing")
        return found

    def _open_item(self, s: Session, number: str) -> m.IntakeItem:
        item = self._item(s, number)
        if item.deleted_at is not None:
            raise ValidationError("这件事项已作废，不能再改。", code="agency.void")
        state = State(item.state)
        if state in FINAL:
            raise ValidationError(
                f"事项已{'销号' if state is State.CLOSED else '结束'}，不能再改代办或上门服务。",
                code="agency.ended",
            )
        return item

    @staticmethod
    def _check_visit(s: Session, item: m.IntakeItem, entry_id: str) -> None:
        entry = s.get(m.DiaryEntry, entry_id)
        if entry is None or entry.deleted_at is not None:
            raise NotFoundError("所选的民情日记已不存在。", code="agency.diary_missing")
        if item.diary_entry_id:
            raise ValidationError(
                "这件事项已关联另一篇民情日记（走访时发现的问题），不能再改。",
                code="agency.diary_linked",
                field="diary",
            )
        if entry.kind not in VISIT_KINDS:
            raise ValidationError(
                "上门服务请关联入户走访或集中工作日的民情日记。", code="agency.diary_kind",
                field="diary",
            )  # fmt: skip
        visited = {v.household_id for v in entry.visits if v.deleted_at is None}
        if item.requester_household_id and item.requester_household_id not in visited:
            raise ValidationError(
                "所选日记没有走访诉求人这一户，请选择走访过这一户的日记。",
                code="agency.diary_household",
                field="diary",
            )

    @staticmethod
    def _agency(s: Session, item: m.IntakeItem) -> ItemAgency:
        events: list[Event] = [to_event(e) for e in item.events]
        rows = s.scalars(
            select(m.AgencyEntry)
            .where(m.AgencyEntry.item_id == item.id, m.AgencyEntry.deleted_at.is_(None))
            .order_by(m.AgencyEntry.day, m.AgencyEntry.id)  # ids: UUIDv7, the same everywhere
        )
        entries = [AgencyEntry(r.kind, r.day, r.text, r.actor, r.id) for r in rows]
        last = {e.to_state: e for e in events}
        return ItemAgency(
            number=item.number,
            state=State(item.state),
            received_on=item.received_at.date(),
            agency=Agency(
                item.agency_mode,
                item.agency_auth_on,
                item.agency_auth_kind,
                item.agency_agent,
                item.agency_office,
            ),
            at_home=item.at_home,
            diary_entry_id=item.diary_entry_id,
            entries=entries,
            notified=last.get(State.NOTIFIED),
            collected=last.get(State.COLLECTED),
        )

    def _made_before(
        self, chosen: Sequence[DueResident], contents: Sequence[str]
    ) -> dict[tuple[str, str], str]:
        people = [d.resident.person_id for d in chosen]
        item = m.IntakeItem
        ended = (State.REJECTED.value, State.WITHDRAWN.value)
        with self.db.session() as s:
            rows = s.execute(
                select(item.requester_person_id, item.content, item.number).where(
                    item.requester_person_id.in_(people),
                    item.content.in_(list(contents)),
                    item.deleted_at.is_(None),
                    item.state.not_in(ended),
                )
            ).all()
        return {(str(person), content): number for person, content, number in rows}

    def _open_agency(self, people: set[str]) -> dict[str, str]:
        if not people:
            return {}
        item = m.IntakeItem
        settled = [s.value for s in (*FINAL, State.COLLECTED, State.FOLLOWED_UP)]
        with self.db.session() as s:
            rows = s.execute(
                select(item.requester_person_id, item.number)
                .where(
                    item.requester_person_id.in_(people),
                    item.agency_mode != "",
                    item.deleted_at.is_(None),
                    item.state.not_in(settled),
                )
                .order_by(item.received_at)
            ).all()
        return {str(person): number for person, number in rows}


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
