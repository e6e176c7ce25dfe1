"""The household register on SQLite: implements :class:`core.ports.Register`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core import entities as e
from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.cadre_rules import category_or_default, check_category, role_of
from qunzhong_desktop.core.errors import NotFoundError
from qunzhong_desktop.core.register import normalise_household
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.register_lifecycle import RegisterLifecycle
from qunzhong_desktop.storage.register_rows import (
    load_station,
    to_household,
)
from qunzhong_desktop.storage.register_search import (
    HOUSEHOLD_LIMIT,
    PERSON_LIMIT,
    HouseholdOrder,
    HouseholdSearch,
    PersonHit,
    PersonSearch,
    find_households,
    find_persons,
    flagged_households,
)
from qunzhong_desktop.storage.register_write import (
    CADRE_LABELS,
    GRID_LABELS,
    STATION_LABELS,
    add_households,
    assign_changed,
    check_unique,
    describe_values,
    merge_stored_household,
    merged_values,
    write_household,
)
from qunzhong_desktop.storage.search_index import persons_matching
from qunzhong_desktop.storage.tag_filters import household_or_member_tagged
from qunzhong_desktop.storage.write_paths import write_path


def _hit(person: m.Person, household_number: str) -> PersonHit:
    return PersonHit(
        id=person.id,
        name=person.name,
        id_masked=citizen_id.mask(person.id_number),
        phone=person.phone or person.household.phone or "",
        household_number=household_number,
        household_id=person.household_id,
    )


class SqlRegister(RegisterLifecycle):
    """The register of the station in one SQLite store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # station ---------------------------------------------------------------------------
    def station(self) -> e.StationProfile | None:
        """The station profile, or None before set-up."""
        with self.db.session() as s:
            return load_station(s)

    @write_path(needs=Permission.SETTINGS)
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
                values = merged_values(
                    "工作站资料",
                    row,
                    values,
                    base,
                    STATION_LABELS,
                    keep=keep,
                    describe=describe_values(s),
                )
            assign_changed(row, values)
            s.flush()
            stored = load_station(s)
        assert stored is not None
        return stored

    # grids and cadres ------------------------------------------------------------------
    def grids(self) -> list[e.Grid]:
        """All live grids by name."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.Grid)
                .where(m.Grid.deleted_at.is_(None))
                .order_by(func.natural_key(m.Grid.name), m.Grid.name)
            )
            return [
                e.Grid(
                    id=r.id,
                    name=r.name,
                    leader_name=r.leader_name,
                    leader_phone=r.leader_phone,
                    retired=r.retired,
                )
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
                values = merged_values(
                    f"网格“{row.name}”", row, values, base, GRID_LABELS, keep=keep
                )
            assign_changed(row, values)
            s.flush()
            grid.id, grid.name = row.id, row.name  # what is stored (merged with meanwhile)
            grid.leader_name, grid.leader_phone = row.leader_name, row.leader_phone
        return grid

    def cadres(self) -> list[e.Cadre]:
        """All live cadres by name."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.Cadre).where(m.Cadre.deleted_at.is_(None)).order_by(m.Cadre.name)
            )
            return [
                e.Cadre(
                    id=r.id,
                    name=r.name,
                    phone=r.phone,
                    unit=r.unit,
                    role=r.role,
                    retired=r.retired,
                    category=category_or_default(r.category, r.role),
                    village_code=r.village_code,
                )
                for r in rows
            ]

    @write_path
    def save_cadre(
        self, cadre: e.Cadre, *, base: e.Cadre | None = None, keep: dict[str, str] | None = None
    ) -> e.Cadre:
        """Create or update a cadre (``base``, ``keep``: as :meth:`save_station`).

        The category decides the role (身份) when given; without one it follows the role.

        Raises:
            ValidationError: an unknown category or a village code that is not 12 digits.
        """
        category = check_category(cadre.category, cadre.role, cadre.village_code)
        with self.db.writing() as s:
            row = s.get(m.Cadre, cadre.id) if cadre.id else None
            values: dict[str, Any] = {
                "name": compact(cadre.name),
                "phone": cadre.phone,
                "unit": cadre.unit,
                "role": role_of(category),
                "category": category,
                "village_code": cadre.village_code.strip(),
            }
            if row is None:
                row = m.Cadre(name=values["name"])
                s.add(row)
            elif base is not None:
                values = merged_values(
                    f"干部“{row.name}”", row, values, base, CADRE_LABELS, keep=keep
                )
            assign_changed(row, values)
            s.flush()
            cadre.id, cadre.name, cadre.phone = row.id, row.name, row.phone  # as stored
            cadre.unit, cadre.role = row.unit, row.role
            cadre.category, cadre.village_code = row.category, row.village_code
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
                household = merge_stored_household(s, household, base, keep)
            check_unique(s, [household])
            assign = write_household(s, household)
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

    @write_path(needs=Permission.DELETE)
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
        sort: Sort | None = None,
    ) -> list[str]:
        """Ids of live households matching a query, a grid and a support tag, in order.

        The query matches any member's name, full pinyin or initials, ID number (or its last
        digits), phone, or the household number and phone. ``flagged`` keeps households with
        a member the roster import marked as needing a check (需核对). ``sort`` is one of
        :data:`HOUSEHOLD_SORTS` (default: 户号 in natural order).
        """
        stmt = select(m.Household.id).where(m.Household.deleted_at.is_(None))
        # the households of the matching persons, found in the search index (search_index.py)
        matching = persons_matching(self.db.engine.dialect.name, query)
        if matching is not None:
            households = matching.subquery("matching")
            stmt = stmt.where(m.Household.id.in_(select(households.c.household_id)))
        if grid_id:
            stmt = stmt.where(m.Household.grid_id == grid_id)
        if tag:
            stmt = stmt.where(household_or_member_tagged(self.db.dialect, tag))
        if flagged:
            stmt = stmt.where(m.Household.id.in_(flagged_households()))
        stmt = _household_order(stmt, sort or Sort("number"))
        with self.db.session() as s:
            return list(s.scalars(stmt))

    def find_households(
        self,
        query: str = "",
        *,
        grid_id: str | None = None,
        tag: str | None = None,
        flagged: bool = False,
        sort: Sort | None = None,
        limit: int = HOUSEHOLD_LIMIT,
    ) -> HouseholdSearch:
        """As :meth:`search_households`, but a typed query lists at most ``limit`` households.

        ``more`` says there were more (the register page says 超过 and asks for more
        characters); those shown are then the first the search index gives, in the sort
        (:mod:`.register_search`). Without a query, every household, as before.
        """
        filters = [m.Household.grid_id == grid_id] if grid_id else []
        if tag:
            filters.append(household_or_member_tagged(self.db.dialect, tag))
        if flagged:
            filters.append(m.Household.id.in_(flagged_households()))
        key, natural = _household_key(sort or Sort("number"))
        order = HouseholdOrder(
            key, natural, bool(sort and sort.descending), (sort or Sort("number")).key
        )
        found = find_households(self.db, query, filters, order, limit)
        if found is not None:
            return found
        every = self.search_households(query, grid_id=grid_id, tag=tag, flagged=flagged, sort=sort)
        return HouseholdSearch(every, False)

    def search_persons(self, query: str, limit: int = PERSON_LIMIT) -> list[PersonHit]:
        """Live persons matching a query, as for :meth:`search_households`, at most ``limit``.

        An empty query finds nobody; the hits come by household number (natural order), then
        name. :meth:`find_persons` also says whether there were more.
        """
        return find_persons(self.db, query, limit).hits

    def find_persons(self, query: str, limit: int = PERSON_LIMIT) -> PersonSearch:
        """The persons :meth:`search_persons` gives, and whether more than ``limit`` match."""
        return find_persons(self.db, query, limit)

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

    def reveal(self, what: str, count: int = 1) -> None:
        """Allow showing full ID numbers and phones of ``what`` (logged) — or refuse.

        Raises:
            PermissionDenied: the operator's role may not see full numbers.
        """
        require(self.db.operator, Permission.SHOW_FULL)
        record(self.db, "show_full", what, count)

    def person_hit(self, person_id: str) -> PersonHit | None:
        """A live person as :meth:`search_persons` finds them, by id (e.g. an item's requester)."""
        with self.db.session() as s:
            found = s.execute(
                select(m.Person, m.Household.number)
                .join(m.Household, m.Household.id == m.Person.household_id)
                .where(m.Person.id == person_id, m.Person.deleted_at.is_(None))
            ).first()
            return None if found is None else _hit(*found)

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


#: The orders of the register: 户号, 户主, 人数, 电话, 网格, 结对干部, 住址.
HOUSEHOLD_SORTS = ("number", "head", "members", "phone", "grid", "cadre", "address")


def _household_key(sort: Sort) -> tuple[Any, bool]:
    """The key of one of :data:`HOUSEHOLD_SORTS` on ``household``, and whether it is natural.

    A natural key is compared as ``natural_key(key)`` (the 户号, the grid's name, the address).
    """
    household = m.Household
    live = m.Person.deleted_at.is_(None)
    if sort.key == "head":
        head = select(func.min(m.Person.name)).where(
            m.Person.household_id == household.id, live, m.Person.relation == "户主"
        )
        return head.scalar_subquery(), False
    if sort.key == "members":
        members = select(func.count(m.Person.id)).where(m.Person.household_id == household.id, live)
        return members.scalar_subquery(), False
    if sort.key == "phone":
        return household.phone, False
    if sort.key == "grid":
        return select(m.Grid.name).where(m.Grid.id == household.grid_id).scalar_subquery(), True
    if sort.key == "cadre":
        cadre = select(m.Cadre.name).where(m.Cadre.id == household.cadre_id)
        return cadre.scalar_subquery(), False
    if sort.key == "address":
        return household.address, True
    return household.number, True


def _household_order(stmt: Select[Any], sort: Sort) -> Select[Any]:
    """``stmt`` ordered in the database by one of :data:`HOUSEHOLD_SORTS`, then by 户号."""
    household = m.Household
    number = func.natural_key(household.number)
    raw, natural = _household_key(sort)
    key: Any = func.natural_key(raw) if natural else raw
    # a household without a grid, cadre or head sorts first going up, last going down, on
    # both engines (PostgreSQL puts NULL last by default, SQLite first)
    if sort.descending:
        return stmt.order_by(key.desc().nulls_last(), number.desc(), household.number.desc())
    return stmt.order_by(key.asc().nulls_first(), number, household.number)
