"""Rules of the household register: check and normalise a household and its members."""

from __future__ import annotations

from dataclasses import dataclass

from qunzhong_desktop.core import citizen_id, limits, phone
from qunzhong_desktop.core.entities import RELATIONS, Household, Person
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean, compact


@dataclass(frozen=True, slots=True)
class FieldError:
    """A problem with one field of a form: ``field`` is e.g. ``"number"`` or ``"members.1.id_number"``."""

    field: str
    message: str


class HouseholdInvalid(ValidationError):
    """A household form has one or more field errors."""

    code = "household.invalid"

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("；".join(e.message for e in errors), errors=errors)
        self.errors = errors


def normalise_person(person: Person, prefix: str, errors: list[FieldError]) -> None:
    """Normalise one member in place, appending what is wrong to ``errors``."""
    person.name = compact(person.name)
    if not person.name:
        errors.append(FieldError(f"{prefix}.name", "请填写姓名。"))
    elif limits.too_long(person.name, limits.NAME):
        errors.append(
            FieldError(f"{prefix}.name", limits.message("姓名", limits.NAME, person.name))
        )
    if person.relation not in RELATIONS:
        errors.append(
            FieldError(f"{prefix}.relation", f"与户主关系“{person.relation}”不在列表中。")
        )
    if compact(person.id_number):
        try:
            checked = citizen_id.parse(person.id_number)
        except ValidationError as exc:
            errors.append(
                FieldError(f"{prefix}.id_number", f"{person.name or '成员'}：{exc.message}")
            )
        else:
            person.id_number = checked.number
            person.birth_date = checked.birth_date
            person.gender = checked.gender
    else:
        person.id_number = ""
    if compact(person.phone):
        try:
            person.phone = phone.normalise(person.phone)
        except ValidationError as exc:
            errors.append(FieldError(f"{prefix}.phone", f"{person.name or '成员'}：{exc.message}"))
    else:
        person.phone = ""
    person.note = clean(person.note)
    if limits.too_long(person.note, limits.NOTE):
        errors.append(
            FieldError(f"{prefix}.note", limits.message("备注", limits.NOTE, person.note))
        )


def normalise_household(household: Household) -> None:
    """Normalise a household and its members in place.

    Raises:
        HouseholdInvalid: listing every field error at once, so a form can mark them all.
    """
    errors: list[FieldError] = []
    household.number = compact(household.number)
    household.address = clean(household.address)
    household.note = clean(household.note)
    if not household.number:
        errors.append(FieldError("number", "请填写户号。"))
    for field, label, limit in (
        ("number", "户号", limits.HOUSEHOLD_NUMBER),
        ("address", "地址", limits.ADDRESS),
        ("note", "备注", limits.NOTE),
    ):
        value = getattr(household, field)
        if limits.too_long(value, limit):
            errors.append(FieldError(field, limits.message(label, limit, value)))
    if compact(household.phone):
        try:
            household.phone = phone.normalise(household.phone)
        except ValidationError as exc:
            errors.append(FieldError("phone", exc.message))
    else:
        household.phone = ""
    if not household.members:
        errors.append(FieldError("members", "一户至少要有一名成员（户主）。"))
    heads = [p for p in household.members if p.relation == "户主"]
    if len(heads) > 1:
        errors.append(FieldError("members", "一户只能有一名户主。"))
    seen: dict[str, str] = {}
    for index, person in enumerate(household.members):
        normalise_person(person, f"members.{index}", errors)
        if person.id_number:
            if person.id_number in seen:
                errors.append(
                    FieldError(
                        f"members.{index}.id_number",
                        f"身份证号 {citizen_id.mask(person.id_number)} 在本户中重复"
                        f"（{seen[person.id_number]} 和 {person.name}）。",
                    )
                )
            seen[person.id_number] = person.name
    if errors:
        raise HouseholdInvalid(errors)
