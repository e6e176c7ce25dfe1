"""The county's coordination of escalated matters (重大疑难事项, issue 19): ``store.county``.

Only the county's mass-work department (a store whose node role is ``county``) writes
here: its departments (县直部门, ``county_department``), its coordination meetings (协调会,
``county_meeting``) — both its own rows (sync/schema.COUNTY_OWN), never sent down — and its
moves on the items townships escalated: 县已交办 (a department and N working days: the due
date is N working days after the assignment on this PC's calendar and is written into the
event, so every PC derives the same date), 退回乡镇 (back to 待交办, with a reason) and the
result (办结). Those are item events with ``actor_role`` county; they travel down to the
township and on to the station, which follows up and closes as ever.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake import county as rules
from qunzhong_desktop.core.intake.county import Department, Matter, Meeting
from qunzhong_desktop.core.intake.records import ItemDetail
from qunzhong_desktop.core.intake.states import STATE_NAMES, Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.write_paths import write_path

COUNTY_ONLY = "县直部门、县交办和协调会由县群众工作部办理，本机不是县级节点。"


def _department(row: m.CountyDepartment) -> Department:
    return Department(row.name, row.note, row.retired)


def _meeting(row: m.CountyMeeting) -> Meeting:
    return Meeting(row.held_on, tuple(row.items), row.lead, tuple(row.cooperating),
                   row.attendees, row.decisions, row.topic, row.id)  # fmt: skip


class SqlCounty:
    """The county's departments, meetings and its moves on escalated items."""

    def __init__(self, db: Database, items: SqlItems) -> None:
        """Records of ``db``; the items' moves go through ``items``."""
        self.db = db
        self.items = items

    def _county_only(self) -> None:
        if node_role(self.db) != "county":
            raise ValidationError(COUNTY_ONLY, code="county.role")

    # departments (县直部门) -----------------------------------------------------------------
    @write_path
    def add_department(self, name: str, note: str = "") -> Department:
        """Add a department; a retired one of the same name comes back into service.

        Raises:
            ValidationError: not the county, an empty or too long name, or a department of
                that name already in service.
        """
        self._county_only()
        name = rules.department_name(name)
        note = rules.checked_text(note, "备注", "note", required=False)
        with self.db.writing() as s:
            row = _live_department(s, name)
            if row is not None and not row.retired:
                raise ValidationError(
                    f"县直部门“{name}”已经有了。", code="county.department_exists", field="name"
                )
            if row is None:
                row = m.CountyDepartment(name=name, note=note)
                s.add(row)
            else:
                row.retired = False
                if note and row.note != note:
                    row.note = note
            s.flush()
            return _department(row)

    @write_path
    def retire_department(self, name: str) -> Department:
        """Take a department out of service (kept: matters and meetings still name it).

        Raises:
            NotFoundError: no department of that name in service.
        """
        self._county_only()
        with self.db.writing() as s:
            row = _live_department(s, name.strip())
            if row is None or row.retired:
                raise NotFoundError(
                    f"没有在用的县直部门“{name.strip()}”。", code="county.no_department"
                )
            row.retired = True
            s.flush()
            return _department(row)

    def departments(self, *, retired: bool = False) -> list[Department]:
        """The departments in service, by name (``retired``: those out of service too)."""
        with self.db.session() as s:
            stmt = select(m.CountyDepartment).where(m.CountyDepartment.deleted_at.is_(None))
            if not retired:
                stmt = stmt.where(m.CountyDepartment.retired.is_(False))
            rows = s.scalars(stmt.order_by(m.CountyDepartment.name))
            return [_department(row) for row in rows]

    # the county's moves ----------------------------------------------------------------------
    def deadline(self, days: int, on: dt.date | None = None) -> dt.date:
        """The due date of an assignment of ``days`` working days made on ``on`` (today).

        Raises:
            ValidationError: days not within 1–60.
        """
        with self.db.session() as s:
            return rules.county_deadline(load_calendar(s), on or dt.date.today(), days)

    @write_path
    def assign(
        self,
        number: str,
        department: str,
        days: int,
        *,
        note: str = "",
        actor: str,
        now: dt.datetime | None = None,
    ) -> ItemDetail:
        """Assign an escalated matter to a department for ``days`` working days (县交办).

        Raises:
            NotFoundError: no item has that number.
            ValidationError: not the county, an unknown department, days not within 1–60,
                or the matter is not waiting at the county (``field`` in data).
        """
        self._county_only()
        now = (now or dt.datetime.now()).replace(microsecond=0)
        rules.checked_days(days)
        name = department.strip()
        if name not in {d.name for d in self.departments()}:
            raise ValidationError(
                f"“{name}”不是在用的县直部门，请先添加或从列表中选择。",
                code="county.unknown_department",
                field="department",
            )
        self._expect(number, State.ESCALATED_COUNTY, "交办")
        deadline = self.deadline(days, now.date())
        data = {"department": name, "days": days, "deadline": deadline.isoformat()}
        note = rules.checked_text(note, "交办意见", "note", required=False) or f"交{name}办理"
        return self.items.move(
            number, State.COUNTY_ASSIGNED, actor=actor, role=Role.COUNTY, note=note, data=data,
            now=now,
        )  # fmt: skip

    @write_path
    def send_back(
        self, number: str, reason: str, *, actor: str, now: dt.datetime | None = None
    ) -> ItemDetail:
        """Send a waiting matter back to the township (退回乡镇 → 待交办) with ``reason``.

        Raises:
            NotFoundError: no item has that number.
            ValidationError: not the county, no reason, or not waiting at the county.
        """
        self._county_only()
        reason = rules.checked_text(reason, "退回乡镇的理由", "reason")
        self._expect(number, State.ESCALATED_COUNTY, "退回乡镇")
        return self.items.move(
            number, State.AWAITING_ASSIGNMENT, actor=actor, role=Role.COUNTY,
            note=reason, data={"back": True}, now=now,
        )  # fmt: skip

    @write_path
    def record_result(
        self, number: str, text: str, *, actor: str, now: dt.datetime | None = None
    ) -> ItemDetail:
        """Record the result of an assigned matter (办结): the station follows it up.

        Raises:
            NotFoundError: no item has that number.
            ValidationError: not the county, no result, or the matter is not assigned by
                the county.
        """
        self._county_only()
        text = rules.checked_text(text, "办理结果", "result")
        self._expect(number, State.COUNTY_ASSIGNED, "登记办理结果")
        return self.items.move(
            number, State.RESOLVED, actor=actor, role=Role.COUNTY, note=text,
            data={"result": text}, now=now,
        )  # fmt: skip

    def _expect(self, number: str, state: State, what: str) -> None:
        found = self.items.item(number).state
        if found is not state:
            raise ValidationError(
                f"事项 {number} 当前为“{STATE_NAMES[found]}”，不能{what}："
                f"只有“{STATE_NAMES[state]}”的事项可以。",
                code="county.wrong_state",
                field="state",
            )

    # coordination meetings (协调会) ---------------------------------------------------------
    @write_path
    def add_meeting(self, meeting: Meeting, *, today: dt.date | None = None) -> Meeting:
        """Record a coordination meeting on matters at the county.

        Raises:
            ValidationError: not the county, a wrong field, or a matter that never reached
                the county (``field`` in data).
        """
        self._county_only()
        names = [d.name for d in self.departments()]
        kept = rules.checked_meeting(meeting, names, today=today or dt.date.today())
        with self.db.writing() as s:
            _check_matters(s, kept.items)
            row = m.CountyMeeting(
                held_on=kept.held_on, topic=kept.topic, items=list(kept.items), lead=kept.lead,
                cooperating=list(kept.cooperating), attendees=kept.attendees,
                decisions=kept.decisions,
            )  # fmt: skip
            s.add(row)
            s.flush()
            return _meeting(row)

    def meetings(self, number: str | None = None) -> list[Meeting]:
        """The meetings, newest first (``number``: those on that matter)."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.CountyMeeting)
                .where(m.CountyMeeting.deleted_at.is_(None))
                .order_by(m.CountyMeeting.held_on.desc(), m.CountyMeeting.created_at.desc())
            )
            found = [_meeting(row) for row in rows]
        return [x for x in found if number is None or number in x.items]

    def meeting(self, key: str) -> Meeting:
        """One meeting by its id or the id's first characters (at least 6).

        Raises:
            NotFoundError: no meeting, or the beginning names more than one.
        """
        key = key.strip()
        hits = [
            x for x in self.meetings() if x.id == key or (len(key) >= 6 and x.id.startswith(key))
        ]
        if len(hits) != 1:
            raise NotFoundError(f"没有编号为“{key}”的协调会。", code="county.no_meeting")
        return hits[0]

    # lists -----------------------------------------------------------------------------------
    def waiting(self, *, today: dt.date | None = None) -> list[Matter]:
        """Matters escalated and not yet assigned (待县交办), the oldest first."""
        return self._matters((State.ESCALATED_COUNTY,), today or dt.date.today())

    def assigned(self, *, today: dt.date | None = None, overdue: bool = False) -> list[Matter]:
        """Matters the county assigned and not yet resolved, the soonest due first."""
        rows = self._matters((State.COUNTY_ASSIGNED,), today or dt.date.today())
        rows.sort(key=lambda r: (r.due_on or dt.date.max, r.number))
        return [r for r in rows if r.overdue_days or not overdue]

    def _matters(self, states: Iterable[State], today: dt.date) -> list[Matter]:
        item = m.IntakeItem
        with self.db.session() as s:
            calendar = load_calendar(s)
            rows = s.scalars(
                select(item)
                .where(item.state.in_([x.value for x in states]), item.deleted_at.is_(None))
                .order_by(item.received_at, item.number)
            ).all()
            meetings = [_meeting(r) for r in s.scalars(
                select(m.CountyMeeting).where(m.CountyMeeting.deleted_at.is_(None)))]  # fmt: skip
            found = []
            for row in rows:
                escalated = next(
                    (e for e in reversed(row.events) if e.to_state == State.ESCALATED_COUNTY.value),
                    None,
                )
                assigned = next(
                    (e for e in reversed(row.events) if e.to_state == State.COUNTY_ASSIGNED.value),
                    None,
                )
                data = dict(assigned.data) if assigned is not None else {}
                due = row.due_on if assigned is not None else None
                late = calendar.workdays_between(due, today) if due and due < today else 0
                station = row.number.split("-", 1)[0]
                found.append(
                    Matter(
                        number=row.number, station=station, township=station[:9],
                        requester_name=row.requester_name, domain=row.domain,
                        content=row.content, state=row.state,
                        escalated_at=escalated.at if escalated is not None else None,
                        reason=escalated.note if escalated is not None else "",
                        department=str(data.get("department", "")),
                        days=int(data.get("days", 0) or 0), due_on=due,
                        overdue_days=max(late, 1) if due and due < today else 0,
                        meetings=sum(row.number in x.items for x in meetings),
                    )
                )  # fmt: skip
            return found


def _live_department(s: Session, name: str) -> m.CountyDepartment | None:
    return s.scalars(
        select(m.CountyDepartment).where(
            m.CountyDepartment.name == name, m.CountyDepartment.deleted_at.is_(None)
        )
    ).first()


def _check_matters(s: Session, numbers: Iterable[str]) -> None:
    """Every number is an item that reached the county (escalated at some time)."""
    for number in numbers:
        item = s.scalars(select(m.IntakeItem).where(m.IntakeItem.number == number)).first()
        reached = item is not None and any(
            e.to_state == State.ESCALATED_COUNTY.value for e in item.events
        )
        if not reached:
            raise ValidationError(
                f"事项 {number} 没有上报到县，不能列入协调会。",
                code="county.meeting_item",
                field="items",
            )
