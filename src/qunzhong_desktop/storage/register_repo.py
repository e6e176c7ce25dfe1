"""The household register on SQLite: implements :class:`core.ports.Register`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core import entities as e
from qunzhong_desktop.core import phone as phones
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError
from qunzhong_desktop.core.pinyin_keys import search_text
from qunzhong_desktop.core.register import HouseholdInvalid, normalise_household
from qunzhong_desktop.core.register_merge import merge_household
from qunzhong_desktop.core.stale import StaleEdit, merge_fields, plain_text
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.write_paths import write_path

STATION_LABELS = {
    "name": "站名", "township_name": "乡镇名称", "address": "地址", "phone": "电话",
    "opening_hours": "办公时间", "supervision_phone": "监督电话",
    "township_phone": "乡镇电话", "operator": "经办人", "services": "服务项目",
}  # fmt: skip
GRID_LABELS = {"name": "网格名称", "leader_name": "网长", "leader_phone": "网长电话"}
CADRE_LABELS = {"name": "姓名", "phone": "电话", "unit": "单位", "role": "身份"}


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A person found by :meth:`SqlRegister.search_persons` (e.g. to pick a requester)."""

    id: str
    name: str
    id_masked: str
    phone: str
    household_number: str
    household_id: str


def _like_pattern(query: str) -> str:
    needle = compact(query).lower()
    return "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def person_search_text(person: m.Person, household: m.Household) -> str:
    """The haystack a person is found by: name and its pinyin, ID, phones, household number."""
    return member_search_text(person.name, person.id_number, person.phone, household)


def member_search_text(
    name: str, id_number: str | None, phone: str | None, household: m.Household
) -> str:
    """:func:`person_search_text` from a member's values (for bulk inserts without objects)."""
    return search_text(name, id_number, phone, household.number, household.phone, names=(name,))


def load_station(s: Session) -> e.StationProfile | None:
    """The live station profile in a session, or None before set-up."""
    row = s.scalars(select(m.Station).where(m.Station.deleted_at.is_(None))).first()
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


class SqlRegister:
    """The register of the station in one SQLite store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # station ---------------------------------------------------------------------------
    def station(self) -> e.StationProfile | None:
        """The station profile, or None before set-up."""
        with self.db.session() as s:
            return load_station(s)

    @write_path
    def save_station(
        self,
        profile: e.StationProfile,
        *,
        base: e.StationProfile | None = None,
        keep: dict[str, str] | None = None,
    ) -> e.StationProfile:
        """Update the station profile (the station is created by :mod:`.setup`); returns it.

        Args:
            profile: the values to store.
            base: the profile the form was opened with: fields changed since by someone
                else are kept, and fields both changed raise :class:`StaleEdit`.
            keep: the clerk's choices after a :class:`StaleEdit`.
        """
        with self.db.writing() as s:
            row = s.scalars(select(m.Station)).first()
            if row is None:
                raise NotFoundError("本机尚未设置工作站。", code="setup.station")
            values = {key: getattr(profile, key) for key in STATION_LABELS}
            values["services"] = list(profile.services)
            if base is not None:
                values = _merged(
                    "工作站资料",
                    row,
                    values,
                    base,
                    STATION_LABELS,
                    keep=keep,
                    describe=_describe(s),
                )
            _assign(row, values)
            s.flush()
            stored = load_station(s)
        assert stored is not None
        return stored

    # grids and cadres ------------------------------------------------------------------
    def grids(self) -> list[e.Grid]:
        """All live grids by name."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.Grid).where(m.Grid.deleted_at.is_(None)).order_by(m.Grid.name)
            )
            return [
                e.Grid(id=r.id, name=r.name, leader_name=r.leader_name, leader_phone=r.leader_phone)
                for r in rows
            ]

    @write_path
    def save_grid(
        self, grid: e.Grid, *, base: e.Grid | None = None, keep: dict[str, str] | None = None
    ) -> e.Grid:
        """Create or update a grid (``base``, ``keep``: as :meth:`save_station`)."""
        with self.db.writing() as s:
            row = s.get(m.Grid, grid.id) if grid.id else None
            values: dict[str, Any] = {
                "name": compact(grid.name),
                "leader_name": compact(grid.leader_name),
                "leader_phone": grid.leader_phone,
            }
            if row is None:
                row = m.Grid(name=values["name"])
                s.add(row)
            elif base is not None:
                values = _merged(f"网格“{row.name}”", row, values, base, GRID_LABELS, keep=keep)
            _assign(row, values)
            s.flush()
            grid.id = row.id
        return grid

    def cadres(self) -> list[e.Cadre]:
        """All live cadres by name."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.Cadre).where(m.Cadre.deleted_at.is_(None)).order_by(m.Cadre.name)
            )
            return [
                e.Cadre(id=r.id, name=r.name, phone=r.phone, unit=r.unit, role=r.role) for r in rows
            ]

    @write_path
    def save_cadre(
        self, cadre: e.Cadre, *, base: e.Cadre | None = None, keep: dict[str, str] | None = None
    ) -> e.Cadre:
        """Create or update a cadre (``base``, ``keep``: as :meth:`save_station`)."""
        with self.db.writing() as s:
            row = s.get(m.Cadre, cadre.id) if cadre.id else None
            values: dict[str, Any] = {
                "name": compact(cadre.name),
                "phone": cadre.phone,
                "unit": cadre.unit,
                "role": cadre.role,
            }
            if row is None:
                row = m.Cadre(name=values["name"])
                s.add(row)
            elif base is not None:
                values = _merged(f"干部“{row.name}”", row, values, base, CADRE_LABELS, keep=keep)
            _assign(row, values)
            s.flush()
            cadre.id = row.id
        return cadre

    @write_path
    def pair(self, cadre_id: str | None, household_ids: Sequence[str]) -> None:
        """Pair households with a cadre (None unpairs them)."""
        with self.db.writing() as s:
            for row in s.scalars(select(m.Household).where(m.Household.id.in_(household_ids))):
                if row.cadre_id != cadre_id:
                    row.cadre_id = cadre_id

    # households ------------------------------------------------------------------------
    def household(self, household_id: str) -> e.Household:
        """One household with its live members."""
        with self.db.session() as s:
            row = s.get(m.Household, household_id)
            if row is None or row.deleted_at is not None:
                raise NotFoundError("找不到这一户，可能已被删除。", code="household.missing")
            return to_household(row)

    @write_path
    def save_household(
        self,
        household: e.Household,
        *,
        base: e.Household | None = None,
        keep: dict[str, str] | None = None,
    ) -> e.Household:
        """Check and store a household with its members.

        Args:
            household: the household as the form holds it.
            base: the household as the form was opened: what others changed since is kept,
                and what both changed is a clash (see :mod:`core.register_merge`).
            keep: the clerk's choices after a :class:`StaleEdit`, by clash key.

        Raises:
            HouseholdInvalid: field errors (nothing is written).
            DuplicateError: the household number or an ID number belongs to someone else.
            StaleEdit: the household changed since ``base`` where the form changed it too.
            NotFoundError: the household was deleted since the form was opened.
        """
        normalise_household(household)
        with self.db.writing() as s:
            if base is not None and household.id:
                household = _merge_stored(s, household, base, keep)
            _check_unique(s, [household])
            assign = _write_household(s, household)
            s.flush()
            assign()
        return household

    @write_path
    def save_households(self, households: Sequence[e.Household]) -> list[e.Household]:
        """Check and store many households in one transaction (imports, demo data).

        The rules of :meth:`save_household`, with uniqueness checked by a few queries for
        the whole batch; all or nothing is written.

        Raises:
            HouseholdInvalid: field errors of the first invalid household; its position in
                the batch is ``data["index"]`` (nothing is written).
            DuplicateError: a household number or ID number is taken, in the register or
                twice in the batch.
        """
        with self.db.writing() as s:
            add_households(s, households)
        return list(households)

    @write_path
    def delete_household(self, household_id: str) -> None:
        """Tombstone a household and its members."""
        with self.db.writing() as s:
            row = s.get(m.Household, household_id)
            if row is None:
                raise NotFoundError("找不到这一户。", code="household.missing")
            now = utcnow()
            row.deleted_at = now
            for person in row.members:
                if person.deleted_at is None:
                    person.deleted_at = now

    # search ----------------------------------------------------------------------------
    def search_households(
        self,
        query: str = "",
        *,
        grid_id: str | None = None,
        tag: str | None = None,
        flagged: bool = False,
    ) -> list[str]:
        """Ids of live households matching a query, a grid and a support tag, by number.

        The query matches any member's name, full pinyin or initials, ID number (or its last
        digits), phone, or the household number and phone. ``flagged`` keeps households with
        a member the roster import marked as needing a check (需核对).
        """
        needle = compact(query).lower()
        stmt = select(m.Household.id).where(m.Household.deleted_at.is_(None))
        if needle:
            pattern = (
                "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            # One scan of the covering index ix_person_search, then the few households by id
            # (a correlated EXISTS per household probed the person table 30 000 times).
            matching = select(m.Person.household_id).where(
                m.Person.deleted_at.is_(None), m.Person.search_text.like(pattern, escape="\\")
            )
            stmt = stmt.where(m.Household.id.in_(matching))
        if grid_id:
            stmt = stmt.where(m.Household.grid_id == grid_id)
        if tag:
            tagged = text(
                "(EXISTS (SELECT 1 FROM json_each(household.tags) WHERE value = :tag) OR "
                "EXISTS (SELECT 1 FROM person p, json_each(p.tags) "
                "WHERE p.household_id = household.id AND p.deleted_at IS NULL AND value = :tag))"
            ).bindparams(tag=tag)
            stmt = stmt.where(tagged)
        if flagged:
            stmt = stmt.where(m.Household.id.in_(_flagged_households()))
        stmt = stmt.order_by(m.Household.number)
        with self.db.session() as s:
            return list(s.scalars(stmt))

    def search_persons(self, query: str, limit: int = 30) -> list[PersonHit]:
        """Live persons matching a query, as for :meth:`search_households`, at most ``limit``.

        An empty query finds nobody; the hits come by household number, then name.
        """
        if not compact(query):
            return []
        stmt = (
            select(m.Person, m.Household.number)
            .join(m.Household, m.Household.id == m.Person.household_id)
            .where(
                m.Person.deleted_at.is_(None),
                m.Household.deleted_at.is_(None),
                m.Person.search_text.like(_like_pattern(query), escape="\\"),
            )
            .order_by(m.Household.number, m.Person.name)
            .limit(limit)
        )
        with self.db.session() as s:
            return [
                PersonHit(
                    id=person.id,
                    name=person.name,
                    id_masked=citizen_id.mask(person.id_number),
                    phone=person.phone or person.household.phone or "",
                    household_number=number,
                    household_id=person.household_id,
                )
                for person, number in s.execute(stmt)
            ]

    def household_rows(self, ids: Sequence[str]) -> list[e.HouseholdRow]:
        """List rows for the given ids, in that order."""
        if not ids:
            return []
        with self.db.session() as s:
            rows = {r.id: r for r in s.scalars(select(m.Household).where(m.Household.id.in_(ids)))}
            result = []
            for hid in ids:
                row = rows.get(hid)
                if row is None:
                    continue
                members = [p for p in row.members if p.deleted_at is None]
                head = next((p for p in members if p.relation == "户主"), None) or (
                    members[0] if members else None
                )
                result.append(
                    e.HouseholdRow(
                        id=row.id,
                        number=row.number,
                        head_name=head.name if head else "",
                        head_id_number=(head.id_number or "") if head else "",
                        address=row.address,
                        grid_name=row.grid.name if row.grid else "",
                        members=len(members),
                        phone=row.phone or (head.phone if head else ""),
                        tags=tuple(
                            dict.fromkeys([*row.tags, *(t for p in members for t in p.tags)])
                        ),
                        cadre_name=row.cadre.name if row.cadre else "",
                    )
                )
            return result

    def count_households(self) -> int:
        """How many live households the register holds."""
        with self.db.session() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(m.Household)
                    .where(m.Household.deleted_at.is_(None))
                )
                or 0
            )

    def person_id_by_id_number(self, id_number: str) -> str | None:
        """The id of the live person with this (normalised) citizen ID number, if any."""
        with self.db.session() as s:
            return s.scalars(
                select(m.Person.id).where(
                    m.Person.id_number == id_number, m.Person.deleted_at.is_(None)
                )
            ).first()

    def count_persons(self) -> int:
        """How many live persons the register holds."""
        with self.db.session() as s:
            return int(
                s.scalar(
                    select(func.count()).select_from(m.Person).where(m.Person.deleted_at.is_(None))
                )
                or 0
            )

    def count_flagged_persons(self) -> int:
        """How many live persons carry a 需核对 flag from the roster import."""
        with self.db.session() as s:
            flagged = select(func.count()).where(
                m.Person.deleted_at.is_(None), func.json_array_length(m.Person.flags) > 0
            )
            return int(s.scalar(flagged) or 0)

    def household_counts_by_grid(self) -> dict[str, int]:
        """How many live households each grid holds (grids with none are absent)."""
        return self._counts_by(m.Household.grid_id)

    def household_counts_by_cadre(self) -> dict[str, int]:
        """How many live households each cadre is paired with (cadres with none are absent)."""
        return self._counts_by(m.Household.cadre_id)

    def _counts_by(self, column: Any) -> dict[str, int]:
        stmt = (
            select(column, func.count())
            .where(m.Household.deleted_at.is_(None), column.is_not(None))
            .group_by(column)
        )
        with self.db.session() as s:
            return {str(key): int(count) for key, count in s.execute(stmt)}


def _describe(s: Session) -> Callable[[str, Any], str]:
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


def _merged(
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


def _assign(row: Any, values: dict[str, Any]) -> None:
    """Set changed values only: the outbox records real changes."""
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, list(value) if isinstance(value, list) else value)


def _merge_stored(
    s: Session, household: e.Household, base: e.Household, keep: dict[str, str] | None
) -> e.Household:
    row = s.get(m.Household, household.id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(
            f"户 {base.number} 在您打开之后已被删除（可能在另一个窗口、命令行或导入的数据包中），"
            "无法保存。请关闭表单后重新查找。",
            code="household.deleted",
        )
    merged, clashes = merge_household(
        base, household, to_household(row), keep=keep, describe=_describe(s)
    )
    if clashes:
        raise StaleEdit(f"户 {row.number}", clashes)
    normalise_household(merged)
    return merged


def _flagged_households() -> Select[str]:
    """Household ids of live persons with a 需核对 flag."""
    return select(m.Person.household_id).where(
        m.Person.deleted_at.is_(None), func.json_array_length(m.Person.flags) > 0
    )


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
    _check_unique(s, households)
    assigns = [_write_household(s, household) for household in households]
    s.flush()
    for assign in assigns:
        assign()


def _write_household(s: Session, household: e.Household) -> Callable[[], None]:
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


def _check_unique(s: Session, households: Sequence[e.Household]) -> None:
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
