"""Assistance needs (帮扶需求) on SQLite: report, check, close, and the cases for the screens.

A need's checking steps are rows of ``assistance_step``, appended; the need row keeps the
state they lead to (and the result of its closing) so that lists filter fast, written in
the same transaction as the step. Help given (``assistance`` rows) is recorded by
:class:`.SqlAssistance`, only against a need in 实施中 (see :mod:`.core.assistance_case`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.assistance import Case
from qunzhong_desktop.core.assistance_case import (
    OPEN_NEED_STATES,
    Need,
    NeedState,
    NeedStep,
    Step,
    StepRefused,
    checked_need,
    checked_step,
    next_state,
)
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.assistance_repo import to_record
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.write_paths import write_path


@dataclass(frozen=True, slots=True)
class NeedFilter:
    """Which cases a list shows."""

    open_only: bool = False
    household_id: str | None = None
    grid_id: str | None = None
    state: NeedState | None = None
    category: str | None = None


def to_need(row: m.AssistanceNeed) -> Need:
    """Map a need row to the domain need."""
    return Need(
        id=row.id,
        household_id=row.household_id,
        person_id=row.person_id,
        what=row.what,
        category=row.category,
        urgent=row.urgent,
        reported_by=row.reported_by,
        reported_on=row.reported_on,
        time_limit=row.time_limit,
    )


def to_step(row: m.AssistanceStep) -> NeedStep:
    """Map a step row to the domain step."""
    return NeedStep(step=Step(row.step), day=row.day, actor=row.actor, note=row.note, id=row.id)


class SqlNeeds:
    """The assistance needs of one store, with their steps."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _station_only(self) -> None:
        station_only(
            self.db,
            "帮扶需求由工作站登记，村党组织初核、镇（县）复核都记在工作站；这里只能查看。",
            "need.role",
        )

    # writes -------------------------------------------------------------------------------
    @write_path
    def report(self, need: Need, *, actor: str, today: dt.date | None = None) -> Case:
        """Record a need and its first step (网长报告 by ``actor``, on the day reported).

        Raises:
            ValidationError: a field is missing or wrong (``field`` in its data).
            NotFoundError: the household (or the member) is not in the register.
        """
        self._station_only()
        today = today or dt.date.today()
        need = checked_need(need, today)
        step = checked_step(
            NeedStep(Step.REPORT, need.reported_on, actor or need.reported_by),
            need.reported_on,
            today,
        )
        with self.db.writing() as s:
            self._check_household(s, need)
            row = m.AssistanceNeed(
                household_id=need.household_id,
                person_id=need.person_id,
                what=need.what,
                category=need.category,
                urgent=need.urgent,
                reported_by=need.reported_by,
                reported_on=need.reported_on,
                time_limit=need.time_limit,
                state=next_state(None, Step.REPORT).value,
                result="",
            )
            s.add(row)
            s.flush()
            s.add(self._step_row(row.id, step))
            s.flush()
            return _cases(s, [row])[0]

    @write_path
    def edit(self, need: Need, *, today: dt.date | None = None) -> Case:
        """Correct what a need says (not once it is closed).

        Raises:
            ValidationError: a field is wrong.
            NotFoundError: no such need, or its household left the register.
            StepRefused: the need is closed (reopen it first).
        """
        self._station_only()
        need = checked_need(need, today or dt.date.today())
        with self.db.writing() as s:
            row = self._load(s, need.id or "")
            if row.state == NeedState.CLOSED.value:
                raise StepRefused("需求已销号，不能修改；如需改动，请先重新打开。")
            self._check_household(s, need)
            values = {
                "household_id": need.household_id,
                "person_id": need.person_id,
                "what": need.what,
                "category": need.category,
                "urgent": need.urgent,
                "reported_by": need.reported_by,
                "reported_on": need.reported_on,
                "time_limit": need.time_limit,
            }
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            s.flush()
            return _cases(s, [row])[0]

    @write_path
    def take_step(self, need_id: str, step: NeedStep, *, today: dt.date | None = None) -> Case:
        """Record a checking step (初核, 复核, 退回, 重新报告, 销号, 重新打开).

        Raises:
            StepRefused: the need's state does not allow the step.
            ValidationError: no one named, a wrong day, or a missing reason or result.
            NotFoundError: no such need.
        """
        self._station_only()
        today = today or dt.date.today()
        with self.db.writing() as s:
            row = self._load(s, need_id)
            step = checked_step(step, row.reported_on, today)
            target = next_state(NeedState(row.state), step.step)
            s.add(self._step_row(row.id, step))
            row.state = target.value
            if step.step is Step.CLOSE:
                row.result = step.note
            elif step.step is Step.REOPEN:
                row.result = ""
            s.flush()
            return _cases(s, [row])[0]

    @write_path(needs=Permission.DELETE)
    def delete(self, need_id: str) -> None:
        """Remove a need reported by mistake (only while no help was given against it).

        Raises:
            NotFoundError: no such need.
            StepRefused: help was given against it.
        """
        self._station_only()
        with self.db.writing() as s:
            row = self._load(s, need_id)
            if self._has_help(s, row.id):
                raise StepRefused(
                    "这项需求已登记帮扶，不能删除；需求解决后请销号。",
                    code="assistance.delete_with_help",
                )
            now = m.utcnow()
            for step in s.scalars(
                select(m.AssistanceStep).where(
                    m.AssistanceStep.need_id == row.id, m.AssistanceStep.deleted_at.is_(None)
                )
            ):
                step.deleted_at = now
            row.deleted_at = now

    # reads --------------------------------------------------------------------------------
    def get(self, need_id: str) -> Case:
        """One case.

        Raises:
            NotFoundError: no live need has that id.
        """
        with self.db.session() as s:
            return _cases(s, [self._load(s, need_id)])[0]

    def cases(self, f: NeedFilter | None = None) -> list[Case]:
        """The cases a filter asks for, newest report first."""
        f = f or NeedFilter()
        need = m.AssistanceNeed
        stmt = select(need).where(need.deleted_at.is_(None))
        if f.open_only:
            stmt = stmt.where(need.state.in_([st.value for st in OPEN_NEED_STATES]))
        if f.state is not None:
            stmt = stmt.where(need.state == f.state.value)
        if f.household_id:
            stmt = stmt.where(need.household_id == f.household_id)
        if f.category:
            stmt = stmt.where(need.category == f.category)
        if f.grid_id:
            stmt = stmt.join(m.Household, m.Household.id == need.household_id).where(
                m.Household.grid_id == f.grid_id
            )
        with self.db.session() as s:
            rows = list(s.scalars(stmt.order_by(need.reported_on.desc(), need.id.desc())))
            return _cases(s, rows)

    # helpers ------------------------------------------------------------------------------
    @staticmethod
    def _step_row(need_id: str, step: NeedStep) -> m.AssistanceStep:
        return m.AssistanceStep(
            need_id=need_id, step=step.step.value, day=step.day, actor=step.actor, note=step.note
        )

    @staticmethod
    def _has_help(s: Session, need_id: str) -> bool:
        found = s.scalar(
            select(m.Assistance.id)
            .where(m.Assistance.need_id == need_id, m.Assistance.deleted_at.is_(None))
            .limit(1)
        )
        return found is not None

    @staticmethod
    def _check_household(s: Session, need: Need) -> None:
        household = s.get(m.Household, need.household_id)
        if household is None or household.deleted_at is not None:
            raise NotFoundError(
                "这一户已不在户籍中，不能登记帮扶需求。",
                code="assistance.household",
                field="household",
            )
        if need.person_id is not None:
            person = s.get(m.Person, need.person_id)
            if person is None or person.household_id != need.household_id:
                raise NotFoundError(
                    "所选的人不是这一户的成员，请重新选择。",
                    code="assistance.person",
                    field="person",
                )

    @staticmethod
    def _load(s: Session, need_id: str) -> m.AssistanceNeed:
        row = s.get(m.AssistanceNeed, need_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(
                "找不到这项帮扶需求，可能已被删除。", code="assistance.need_missing"
            )
        return row


def _cases(s: Session, rows: Sequence[m.AssistanceNeed]) -> list[Case]:
    """The cases of some need rows: their steps, help given, household and person."""
    ids = [r.id for r in rows]
    steps: dict[str, list[NeedStep]] = defaultdict(list)
    help_given: dict[str, list[m.Assistance]] = defaultdict(list)
    households: dict[str, m.Household] = {}
    people: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for step in s.scalars(
            select(m.AssistanceStep)
            .where(m.AssistanceStep.need_id.in_(chunk), m.AssistanceStep.deleted_at.is_(None))
            .order_by(m.AssistanceStep.day, m.AssistanceStep.created_at, m.AssistanceStep.id)
        ):
            steps[step.need_id].append(to_step(step))
        for record in s.scalars(
            select(m.Assistance)
            .where(m.Assistance.need_id.in_(chunk), m.Assistance.deleted_at.is_(None))
            .order_by(m.Assistance.given_on, m.Assistance.id)
        ):
            help_given[record.need_id or ""].append(record)
    household_ids = {r.household_id for r in rows}
    person_ids = {r.person_id for r in rows if r.person_id}
    for found in s.scalars(select(m.Household).where(m.Household.id.in_(household_ids))):
        households[found.id] = found
    for person_id, name in s.execute(
        select(m.Person.id, m.Person.name).where(m.Person.id.in_(person_ids))
    ):
        people[person_id] = name
    cases: list[Case] = []
    for row in rows:
        household = households.get(row.household_id)
        head = ""
        if household is not None:
            members = [p for p in household.members if p.deleted_at is None]
            first = next((p for p in members if p.relation == "户主"), None)
            first = first or (members[0] if members else None)
            head = first.name if first is not None else ""
        cases.append(
            Case(
                need=to_need(row),
                state=NeedState(row.state),
                steps=tuple(steps.get(row.id, ())),
                help=tuple(to_record(h) for h in help_given.get(row.id, ())),
                household_number=household.number if household is not None else "",
                household_head=head,
                person_name=people.get(row.person_id or "", ""),
                result=row.result,
            )
        )
    return cases
