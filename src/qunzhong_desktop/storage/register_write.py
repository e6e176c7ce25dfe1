"""Writing the register: checked households in an open session, merged forms.

A form is merged with what was stored since it was opened (:mod:`core.stale`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core import entities as e
from qunzhong_desktop.core import phone as phones
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError
from qunzhong_desktop.core.register import HouseholdInvalid, normalise_household
from qunzhong_desktop.core.register_merge import merge_household
from qunzhong_desktop.core.stale import StaleEdit, merge_fields, plain_text
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.register_rows import apply_person, person_search_text, to_household

STATION_LABELS = {
    "name": "站名", "township_name": "乡镇名称", "address": "地址", "phone": "电话",
    "opening_hours": "办公时间", "supervision_phone": "监督电话",
    "township_phone": "乡镇电话", "operator": "经办人", "services": "服务项目",
}  # fmt: skip
GRID_LABELS = {"name": "网格名称", "leader_name": "网长", "leader_phone": "网长电话"}
CADRE_LABELS = {
    "name": "姓名", "phone": "电话", "unit": "单位", "role": "身份", "category": "类别",
    "village_code": "包村",
}  # fmt: skip


def describe_values(s: Session) -> Callable[[str, Any], str]:
    """Values as the clerk knows them: grid and cadre names, masked numbers."""
    grids = dict(s.execute(select(m.Grid.id, m.Grid.name)).all())
    cadres = dict(s.execute(select(m.Cadre.id, m.Cadre.name)).all())

    def describe(key: str, value: Any) -> str:
        if key == "grid_id":
            return str(grids.get(value, "（无）"))
        if key == "cadre_id":
            return str(cadres.get(value, "（无）"))
        if key == "id_number" and value:
            return citizen_id.mask(value)
        if key.endswith("phone") and value:
            return phones.mask(value)
        return plain_text(key, value)

    return describe


def merged_values(
    what: str,
    row: Any,
    values: dict[str, Any],
    base: Any,
    labels: dict[str, str],
    *,
    keep: dict[str, str] | None,
    describe: Callable[[str, Any], str] = plain_text,
) -> dict[str, Any]:
    """A flat form merged with its stored row (raises :class:`StaleEdit` on clashes)."""
    stored = {key: getattr(row, key) for key in values}
    opened = {key: getattr(base, key) for key in values}
    merged, clashes = merge_fields(
        opened, values, stored, labels=labels, keep=keep, describe=describe
    )
    if clashes:
        raise StaleEdit(what, clashes)
    return merged


def assign_changed(row: Any, values: dict[str, Any]) -> None:
    """Set changed values only: the outbox records real changes."""
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, list(value) if isinstance(value, list) else value)


def merge_stored_household(
    s: Session, household: e.Household, base: e.Household, keep: dict[str, str] | None
) -> e.Household:
    """A household form merged with the stored household (see :mod:`core.register_merge`).

    Raises:
        NotFoundError: the household was deleted since the form was opened.
        StaleEdit: fields both sides changed differently, not decided by ``keep``.
    """
    row = s.get(m.Household, household.id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(
            f"户 {base.number} 在您打开之后已被删除（可能在另一个窗口、命令行或导入的数据包中），"
            "无法保存。请关闭表单后重新查找。",
            code="household.deleted",
        )
    merged, clashes = merge_household(
        base, household, to_household(row), keep=keep, describe=describe_values(s)
    )
    if clashes:
        raise StaleEdit(f"户 {row.number}", clashes)
    normalise_household(merged)
    return merged


def add_households(s: Session, households: Sequence[e.Household]) -> None:
    """Normalise, check and write households in an open session (one flush at the end).

    For callers that write more in the same transaction (the demo loader); the register's
    :meth:`SqlRegister.save_households` wraps it in its own unit of work.

    Raises:
        HouseholdInvalid: with ``data["index"]``, the position of the household in the batch.
        DuplicateError: a household number or ID number is taken or repeated in the batch.
    """
    for index, household in enumerate(households):
        try:
            normalise_household(household)
        except HouseholdInvalid as exc:
            exc.data["index"] = index
            raise
    check_unique(s, households)
    assigns = [write_household(s, household) for household in households]
    s.flush()
    for assign in assigns:
        assign()


def write_household(s: Session, household: e.Household) -> Callable[[], None]:
    """Add or update the rows of one checked household (not flushed).

    Returns:
        A function that fills in the ids of the household and its members, to call once
        the flush succeeded (a failed save leaves the records as they were).
    """
    row = s.get(m.Household, household.id) if household.id else None
    if row is None:
        row = m.Household(number=household.number)
        s.add(row)
    for key in ("number", "address", "grid_id", "phone", "cadre_id", "note"):
        value = getattr(household, key)
        if getattr(row, key) != value:
            setattr(row, key, value)
    if list(row.tags) != household.tags:
        row.tags = list(household.tags)
    kept = {p.id for p in household.members if p.id}
    for old in row.members:
        if old.id not in kept and old.deleted_at is None:
            old.deleted_at = utcnow()
    by_id = {p.id: p for p in row.members}
    saved: list[m.Person] = []
    for position, person in enumerate(household.members):
        prow = by_id.get(person.id) if person.id else None
        if prow is None:
            prow = m.Person(name=person.name, household=row)
            s.add(prow)
        apply_person(prow, person)
        if prow.position != position:
            prow.position = position
        prow.search_text = person_search_text(prow, row)
        saved.append(prow)

    def assign() -> None:
        household.id = row.id
        for person, prow in zip(household.members, saved, strict=True):
            person.id = prow.id

    return assign


def _chunks(values: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def check_unique(s: Session, households: Sequence[e.Household]) -> None:
    """Household numbers and ID numbers are not taken by other rows nor repeated in the batch."""
    numbers: dict[str, e.Household] = {}
    for household in households:
        if household.number in numbers:
            raise DuplicateError(
                f"户号 {household.number} 在这批数据中出现了两次，请换一个户号。",
                code="household.number_taken",
                number=household.number,
            )
        numbers[household.number] = household
    for chunk in _chunks(list(numbers)):
        for hid, number in s.execute(
            select(m.Household.id, m.Household.number).where(
                m.Household.number.in_(chunk), m.Household.deleted_at.is_(None)
            )
        ):
            if hid != numbers[number].id:
                raise DuplicateError(
                    f"户号 {number} 已被使用，请换一个户号。",
                    code="household.number_taken",
                    number=number,
                )
    people: dict[str, tuple[e.Person, e.Household]] = {}
    for household in households:
        for person in household.members:
            if not person.id_number:
                continue
            if person.id_number in people:
                first, first_household = people[person.id_number]
                raise DuplicateError(
                    f"身份证号 {citizen_id.mask(person.id_number)} 在这批数据中出现了两次"
                    f"（户号 {first_household.number} 的“{first.name}”和户号 "
                    f"{household.number} 的“{person.name}”），同一个人不能登记两次。",
                    code="person.id_taken",
                    id_number=person.id_number,
                    existing_name=first.name,
                    existing_household=first_household.number,
                )
            people[person.id_number] = (person, household)
    for chunk in _chunks(list(people)):
        live = select(m.Person).where(m.Person.id_number.in_(chunk), m.Person.deleted_at.is_(None))
        for other in s.scalars(live):
            person, _ = people[other.id_number or ""]
            if other.id != (person.id or ""):
                raise DuplicateError(
                    f"身份证号 {citizen_id.mask(person.id_number)} 已登记为"
                    f"“{other.name}”（户号 {other.household.number}），同一个人不能登记两次。",
                    code="person.id_taken",
                    id_number=person.id_number,
                    existing_name=other.name,
                    existing_household=other.household.number,
                )
