"""Register rows and the records the domain works with: mapping and search text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import entities as e
from qunzhong_desktop.core.pinyin_keys import search_text
from qunzhong_desktop.storage import models as m


def person_search_text(person: m.Person, household: m.Household) -> str:
    """The haystack a person is found by: name and its pinyin, ID, phones, household number."""
    return member_search_text(person.name, person.id_number, person.phone, household)


def member_search_text(
    name: str, id_number: str | None, phone: str | None, household: m.Household
) -> str:
    """:func:`person_search_text` from a member's values (for bulk inserts without objects)."""
    return search_text(name, id_number, phone, household.number, household.phone, names=(name,))


def load_station(s: Session, code: str | None = None) -> e.StationProfile | None:
    """The live station profile in a session, or None before set-up.

    At a township, whose store holds its stations' profiles, ``code`` picks one.
    """
    stmt = select(m.Station).where(m.Station.deleted_at.is_(None))
    if code is not None:
        stmt = stmt.where(m.Station.code == code)
    row = s.scalars(stmt).first()
    if row is None:
        return None
    return e.StationProfile(
        code=row.code,
        name=row.name,
        township_code=row.township_code,
        township_name=row.township_name,
        address=row.address,
        phone=row.phone,
        opening_hours=row.opening_hours,
        supervision_phone=row.supervision_phone,
        township_phone=row.township_phone,
        services=list(row.services),
        operator=row.operator,
    )


def to_person(row: m.Person) -> e.Person:
    """Map a person row to the domain record."""
    return e.Person(
        id=row.id,
        name=row.name,
        relation=row.relation,
        id_number=row.id_number or "",
        gender=row.gender,
        birth_date=row.birth_date,
        phone=row.phone,
        tags=list(row.tags),
        note=row.note,
        flags=list(row.flags),
    )


def to_household(row: m.Household) -> e.Household:
    """Map a household row and its live members to the domain record."""
    return e.Household(
        id=row.id,
        number=row.number,
        address=row.address,
        grid_id=row.grid_id,
        phone=row.phone,
        cadre_id=row.cadre_id,
        tags=list(row.tags),
        note=row.note,
        members=[to_person(p) for p in row.members if p.deleted_at is None],
    )


def apply_person(row: m.Person, person: e.Person) -> None:
    """Copy a domain person's fields onto its row (only changed values count as changes)."""
    values = {
        "name": person.name,
        "relation": person.relation,
        "id_number": person.id_number or None,
        "gender": person.gender,
        "birth_date": person.birth_date,
        "phone": person.phone,
        "tags": list(person.tags),
        "note": person.note,
        "flags": list(person.flags),
    }
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)
