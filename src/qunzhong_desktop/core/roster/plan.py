"""The import plan (the preview): what a roster will create, update, flag and reject.

:func:`plan_import` compares the parsed roster with a :class:`RegisterSnapshot` of what the
register holds (storage fills it) and decides row by row. A person is matched by ID number
first, then by household number and name; an empty cell never erases a stored value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from qunzhong_desktop.core import citizen_id, phone
from qunzhong_desktop.core.roster.parse import ParsedRoster, RosterRow


class Action(StrEnum):
    """What the import does with a household or a person."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person the register already holds (live or tombstoned)."""

    id: str
    household_number: str
    name: str
    relation: str
    id_number: str
    gender: str
    birth_date: dt.date | None
    phone: str
    tags: tuple[str, ...]
    flags: tuple[str, ...]
    note: str
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class KnownHousehold:
    """A household the register already holds (live or tombstoned)."""

    id: str
    number: str
    address: str
    grid_name: str
    phone: str
    tags: tuple[str, ...]
    head_person_id: str | None = None
    deleted: bool = False


@dataclass(slots=True)
class RegisterSnapshot:
    """What the import needs to know of the register, loaded in one go."""

    households: dict[str, KnownHousehold] = field(default_factory=dict)
    by_id_number: dict[str, KnownPerson] = field(default_factory=dict)
    by_household_name: dict[tuple[str, str], KnownPerson] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A row's problem as the preview, the CLI and the error report show it."""

    row: int
    reason: str
    name: str = ""


@dataclass(slots=True)
class PersonChange:
    """One person to create or update; ``values`` are the fields to write."""

    row: int
    action: Action
    household_number: str
    person_id: str | None
    values: dict[str, Any]


@dataclass(slots=True)
class HouseholdChange:
    """One household to create or update; ``grid_name`` is matched or created by name."""

    number: str
    action: Action
    household_id: str | None
    values: dict[str, Any]


@dataclass(slots=True)
class ImportPlan:
    """The preview of an import and what applying it writes."""

    roster: ParsedRoster
    households: list[HouseholdChange] = field(default_factory=list)
    persons: list[PersonChange] = field(default_factory=list)
    flagged: list[RowIssue] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)

    def count(self, kind: str, action: Action) -> int:
        """How many ``"households"`` or ``"persons"`` the import creates or updates."""
        items = self.households if kind == "households" else self.persons
        return sum(1 for item in items if item.action == action)

    @property
    def rejected_rows(self) -> list[RosterRow]:
        """The roster rows that are not imported (for the error report)."""
        rejected = {issue.row for issue in self.rejected}
        return [row for row in self.roster.rows if row.row in rejected]

    def summary(self) -> dict[str, Any]:
        """The counts and the row problems as the CLI's ``--json`` prints them."""
        return {
            kind: {
                "created": self.count(kind, Action.CREATE),
                "updated": self.count(kind, Action.UPDATE),
            }
            for kind in ("households", "persons")
        } | {
            "flagged": [{"row": i.row, "reason": i.reason} for i in self.flagged],
            "rejected": [{"row": i.row, "reason": i.reason} for i in self.rejected],
        }


@dataclass(slots=True)
class _Draft:
    """A household's cells gathered over its rows (first non-empty value wins)."""

    number: str
    known: KnownHousehold | None
    address: str = ""
    grid_name: str = ""
    phone: str = ""
    tags: list[str] = field(default_factory=list)

    def fold(self, row: RosterRow) -> None:
        self.address = self.address or row.address
        self.grid_name = self.grid_name or row.grid
        if row.relation == "户主" and not self.phone and phone.is_valid(row.phone):
            self.phone = row.phone
        self.tags = list(dict.fromkeys([*self.tags, *row.household_tags]))

    def change(self) -> HouseholdChange:
        proposed: dict[str, Any] = {
            "address": self.address,
            "grid_name": self.grid_name,
            "phone": self.phone,
            "tags": self.tags,
        }
        known = self.known
        if known is None:
            return HouseholdChange(self.number, Action.CREATE, None, proposed)
        proposed["tags"] = list(dict.fromkeys([*known.tags, *self.tags]))
        if known.phone:
            proposed["phone"] = known.phone  # the head's phone fills an empty one only
        values = {
            key: value
            for key, value in proposed.items()
            if value and value != getattr(known, key) and value != list(getattr(known, key))
        }
        if known.deleted:
            values["deleted_at"] = None
        action = Action.UPDATE if values else Action.UNCHANGED
        return HouseholdChange(self.number, action, known.id, values)


def plan_import(roster: ParsedRoster, snapshot: RegisterSnapshot) -> ImportPlan:
    """Decide, row by row, what importing a roster into the register does."""
    # the plan works on copies: a roster can be planned again (preview, then apply)
    roster = replace(roster, rows=[_copy(row) for row in roster.rows])
    plan = ImportPlan(roster=roster)
    drafts: dict[str, _Draft] = {}
    claimed: dict[str, int] = {}
    for row in roster.rows:
        if row.ok:
            _plan_row(row, snapshot, plan, drafts, claimed)
        if row.errors:
            plan.rejected.append(RowIssue(row.row, "".join(row.errors), row.name))
        elif row.flags:
            plan.flagged.append(RowIssue(row.row, "".join(row.flags), row.name))
    plan.households = [draft.change() for draft in drafts.values()]
    return plan


def _copy(row: RosterRow) -> RosterRow:
    return replace(row, errors=list(row.errors), flags=list(row.flags))


def _match(row: RosterRow, snapshot: RegisterSnapshot) -> KnownPerson | None:
    if row.id_number and row.id_number in snapshot.by_id_number:
        return snapshot.by_id_number[row.id_number]
    known = snapshot.by_household_name.get((row.household_number, row.name))
    if known is not None and row.id_number and known.id_number:
        row.errors.append(
            f"户号 {row.household_number} 中已登记“{row.name}”，身份证号为 "
            f"{citizen_id.mask(known.id_number)}，与本行不同；请核对后再导入。"
        )
        return None
    return known


def _plan_row(
    row: RosterRow,
    snapshot: RegisterSnapshot,
    plan: ImportPlan,
    drafts: dict[str, _Draft],
    claimed: dict[str, int],
) -> None:
    known = _match(row, snapshot)
    if not row.ok:
        return
    if known is not None:
        if known.id in claimed:
            row.errors.append(f"与第 {claimed[known.id]} 行是同一个人（已登记的“{known.name}”）。")
            return
        claimed[known.id] = row.row
        if not row.household_number:
            row.household_number = known.household_number
        row.relation = row.relation or known.relation
    elif not row.household_number:
        row.errors.append("缺少户号，且在登记簿中找不到此人（按身份证号）。")
        return
    household = snapshot.households.get(row.household_number)
    draft = drafts.get(row.household_number)
    if draft is None:
        draft = drafts[row.household_number] = _Draft(row.household_number, household)
    draft.fold(row)
    _head_check(row, known, household)
    plan.persons.append(_person_change(row, known))


def _head_check(
    row: RosterRow, known: KnownPerson | None, household: KnownHousehold | None
) -> None:
    if row.relation != "户主" or household is None or household.deleted:
        return
    head = household.head_person_id
    if head is not None and (known is None or known.id != head):
        row.flags.append(f"户号 {row.household_number} 已登记了另一位户主，请核对户主。")


def _person_change(row: RosterRow, known: KnownPerson | None) -> PersonChange:
    values: dict[str, Any] = {
        "name": row.name,
        "relation": row.relation or "其他",
        "id_number": row.id_number or None,
        "gender": row.gender,
        "birth_date": row.birth_date,
        "phone": row.phone,
        "note": row.note,
        "tags": list(row.tags),
        "flags": list(row.flags),
    }
    if known is None:
        return PersonChange(row.row, Action.CREATE, row.household_number, None, values)
    changed: dict[str, Any] = {}
    for key, given in values.items():
        value, old = given, getattr(known, key)
        if key == "tags":
            value = list(dict.fromkeys([*old, *given]))
            old = list(old)
        elif key == "flags":
            old = list(old)
        elif key == "id_number":
            old = old or None
        elif not value:
            continue  # an empty cell keeps what the register has
        if value != old:
            changed[key] = value
    if known.deleted:
        changed["deleted_at"] = None
    if known.household_number != row.household_number:
        changed["household_number"] = row.household_number
    if changed.get("id_number", "keep") is None:
        del changed["id_number"]
    action = Action.UPDATE if changed else Action.UNCHANGED
    return PersonChange(row.row, action, row.household_number, known.id, changed)
