"""Apply a roster import to the register in one transaction.

The register is loaded once (households with their members, grids), the plan is made against
it inside the same transaction, and the changes go through the ORM models so the change
capture (:mod:`.changes`) records every write. Either every valid row lands or none does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.roster.parse import ParsedRoster, load_roster
from qunzhong_desktop.core.roster.plan import (
    Action,
    HouseholdChange,
    ImportPlan,
    KnownHousehold,
    KnownPerson,
    PersonChange,
    RegisterSnapshot,
    plan_import,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import backups
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.register_rows import member_search_text, person_search_text
from qunzhong_desktop.storage.write_paths import write_path


class _Register:
    """The register's rows loaded in one go, and the snapshot the planner compares with."""

    def __init__(self, session: Session) -> None:
        self.session = session
        households = session.scalars(select(m.Household)).unique().all()
        # a live household wins over a deleted one that had the same number
        ordered = sorted(households, key=lambda h: h.deleted_at is None)
        self.households: dict[str, m.Household] = {h.number: h for h in ordered}
        self.persons: dict[str, m.Person] = {p.id: p for h in households for p in h.members}
        self.grids: dict[str, m.Grid] = {}
        for grid in session.scalars(select(m.Grid).where(m.Grid.deleted_at.is_(None))):
            self.grids.setdefault(compact(grid.name), grid)

    def snapshot(self) -> RegisterSnapshot:
        snap = RegisterSnapshot()
        for household in self.households.values():
            head = next(
                (p for p in household.members if p.relation == "户主" and p.deleted_at is None),
                None,
            )
            snap.households[household.number] = KnownHousehold(
                id=household.id,
                number=household.number,
                address=household.address,
                grid_name=household.grid.name if household.grid else "",
                phone=household.phone,
                tags=tuple(household.tags),
                head_person_id=head.id if head else None,
                deleted=household.deleted_at is not None,
            )
            for person in household.members:
                known = KnownPerson(
                    id=person.id,
                    household_number=household.number,
                    name=person.name,
                    relation=person.relation,
                    id_number=person.id_number or "",
                    gender=person.gender,
                    birth_date=person.birth_date,
                    phone=person.phone,
                    tags=tuple(person.tags),
                    flags=tuple(person.flags),
                    note=person.note,
                    deleted=person.deleted_at is not None,
                )
                live = person.deleted_at is None and household.deleted_at is None
                if person.id_number and (live or person.id_number not in snap.by_id_number):
                    snap.by_id_number[person.id_number] = known
                if live:
                    snap.by_household_name.setdefault((household.number, person.name), known)
        return snap

    def grid(self, name: str) -> m.Grid:
        key = compact(name)
        grid = self.grids.get(key)
        if grid is None:
            grid = self.grids[key] = m.Grid(name=key)
            self.session.add(grid)
        return grid


def preview_roster(db: Database, path: Path) -> ImportPlan:
    """Read a roster file and plan its import without writing anything.

    Raises:
        RosterUnreadable: the file cannot be read, or has no roster header.
    """
    return plan_roster(db, load_roster(path))


def plan_roster(db: Database, roster: ParsedRoster) -> ImportPlan:
    """Plan the import of a parsed roster against the register as it is now (read only)."""
    with db.session() as session:
        plan = plan_import(roster, _Register(session).snapshot())
        session.rollback()
    return plan


@write_path(needs=Permission.IMPORT_ROSTER)
def apply_roster(db: Database, roster: ParsedRoster) -> ImportPlan:
    """Import the valid rows of a roster in one transaction; returns the plan carried out.

    The plan is made again inside the transaction, so edits made since the preview are
    taken into account and nothing is created twice.
    """
    backups.before_import(db)  # a copy to go back to (storage/backups.py)
    with db.writing() as session:
        register = _Register(session)
        plan = plan_import(roster, register.snapshot())
        _write(register, plan)
    record(db, "roster_import", "花名册", len(plan.persons))
    return plan


def import_roster(db: Database, path: Path, *, dry_run: bool = False) -> ImportPlan:
    """Read, plan and (unless ``dry_run``) import a roster file.

    Raises:
        RosterUnreadable: the file cannot be read; the register is unchanged.
    """
    roster = load_roster(path)
    return plan_roster(db, roster) if dry_run else apply_roster(db, roster)


def _write(register: _Register, plan: ImportPlan) -> None:
    households = {change.number: _household(register, change) for change in plan.households}
    positions: dict[str, int] = {}
    new_people: list[dict[str, Any]] = []
    for change in plan.persons:
        if change.action == Action.UNCHANGED:
            continue
        household = households[change.household_number]
        if change.action == Action.CREATE:
            # new people go in as one ORM bulk INSERT (thousands of rows, no objects); the
            # change capture records them like any other write
            values = {
                "id": new_id(),
                "household_id": household.id,
                "position": _next_position(household, positions),
                **change.values,
            }
            values["search_text"] = member_search_text(
                str(values.get("name") or ""),
                values.get("id_number"),
                values.get("phone"),
                household,
            )
            new_people.append(values)
        else:
            person = register.persons[change.person_id or ""]
            _update_person(person, household, change, positions)
            person.search_text = person_search_text(person, household)
    if new_people:
        register.session.execute(insert(m.Person), new_people)


def _household(register: _Register, change: HouseholdChange) -> m.Household:
    if change.action == Action.CREATE:
        household = m.Household(number=change.number)
        register.session.add(household)
        register.households[change.number] = household
    else:
        household = register.households[change.number]
    for key, value in change.values.items():
        if key == "grid_name":
            grid = register.grid(value) if value else None
            if household.grid is not grid:
                household.grid = grid
        elif getattr(household, key) != value:
            setattr(household, key, value)
    return household


def _next_position(household: m.Household, positions: dict[str, int]) -> int:
    """The next free position in a household (new members go after the known ones)."""
    number = household.number
    if number not in positions:
        positions[number] = max((p.position for p in household.members), default=-1) + 1
    positions[number] += 1
    return positions[number] - 1


def _update_person(
    person: m.Person, household: m.Household, change: PersonChange, positions: dict[str, int]
) -> None:
    values: dict[str, Any] = dict(change.values)
    if values.pop("household_number", None) is not None:
        person.household = household
        person.position = _next_position(household, positions)
    for key, value in values.items():
        if getattr(person, key) != value:
            setattr(person, key, value)
