"""Assistance records (帮扶记录) on SQLite, and the support ledger (困难群众帮扶台账) built on them.

A household is "in difficulty" when it or one of its live members carries a support tag.
The ledger lists each such household with its head, tags and paired cadre, one row per
assistance record (oldest first), or one row when it has none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.assistance import AssistanceRecord, checked_assistance
from qunzhong_desktop.core.assistance_case import NEED_STATE_NAMES, NeedState
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.ledger import (
    NeedLine,
    Row,
    SupportFilter,
    SupportHousehold,
    SupportMember,
    support_rows,
    support_tags,
    with_station,
)
from qunzhong_desktop.core.text import clean
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.code_ranges import code_prefix
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.ledger_repo import station_labels
from qunzhong_desktop.storage.models_sync import SyncPeer, SyncRowVersion
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.tag_filters import household_or_member_tagged
from qunzhong_desktop.storage.write_paths import write_path

HOUSEHOLD_CHUNK = 500


def to_record(row: m.Assistance) -> AssistanceRecord:
    """Map an assistance row to the domain record."""
    return AssistanceRecord(
        id=row.id,
        need_id=row.need_id,
        kind=row.kind,
        amount_fen=row.amount_fen,
        helper_ids=tuple(row.helper_ids or ()),
        household_id=row.household_id,
        person_id=row.person_id,
        given_on=row.given_on,
        helping_unit=row.helping_unit,
        helper=row.helper,
        target=row.target,
        content=row.content,
        time_limit=row.time_limit,
        result=row.result,
    )


def _in_difficulty() -> ColumnElement[bool]:
    person = m.Person
    tagged_member = exists().where(
        person.household_id == m.Household.id,
        person.deleted_at.is_(None),
        func.json_array_length(person.tags) > 0,
    )
    return or_(func.json_array_length(m.Household.tags) > 0, tagged_member)


def _records_in(stmt: Any, date_from: dt.date | None, date_to: dt.date | None) -> Any:
    a = m.Assistance
    stmt = stmt.where(a.deleted_at.is_(None))
    if date_from:
        stmt = stmt.where(a.given_on >= date_from)
    if date_to:
        stmt = stmt.where(a.given_on <= date_to)
    return stmt


@dataclass(frozen=True, slots=True)
class Outcome:
    """An outcome written for a help record: the day, the text, who wrote it."""

    day: dt.date
    text: str
    actor: str


def _cadre_names(s: Session, ids: Sequence[str]) -> list[str]:
    names = dict(s.execute(select(m.Cadre.id, m.Cadre.name).where(m.Cadre.id.in_(ids))).all())
    return [names[i] for i in ids if i in names]


def _check_need(s: Session, record: AssistanceRecord) -> None:
    """A new help record (or one moved to another need) answers a checked need of its household.

    Records from before cases (no need) stay as they are until the station's upgrade links
    them (storage/assistance_upgrade.py); a new one must name its need.
    """
    if record.need_id is None:
        raise ValidationError(
            "请先选择这次帮扶所针对的帮扶需求（需求经村党组织初核、镇（县）复核后才能登记帮扶）。",
            code="assistance.need",
            field="need",
        )
    need = s.get(m.AssistanceNeed, record.need_id)
    if need is None or need.deleted_at is not None or need.household_id != record.household_id:
        raise NotFoundError(
            "所选的帮扶需求不是这一户的，请重新选择。", code="assistance.need", field="need"
        )
    if need.state != NeedState.VERIFIED.value:
        raise ValidationError(
            f"这项需求现在是“{NEED_STATE_NAMES[NeedState(need.state)]}”：只有经过村党组织初核和"
            "镇（县）复核、尚未销号的需求才能登记帮扶。",
            code="assistance.need_unchecked",
            field="need",
        )


def _check_helpers(s: Session, record: AssistanceRecord, stored: m.Assistance | None) -> None:
    """Each helper is a cadre on the register (a retired one only if already named)."""
    kept = set(stored.helper_ids) if stored is not None else set()
    found = {
        c.id: c
        for c in s.scalars(select(m.Cadre).where(m.Cadre.id.in_(record.helper_ids)))
        if c.deleted_at is None and (not c.retired or c.id in kept)
    }
    if any(i not in found for i in record.helper_ids):
        raise NotFoundError(
            "所选的帮扶人中有人已不在干部名单中，请重新选择。",
            code="assistance.helpers",
            field="helpers",
        )


def _ledger_lines(
    s: Session, records: Sequence[AssistanceRecord]
) -> tuple[dict[str, NeedLine], dict[str, str]]:
    """The needs the records answer and the helpers they name, as the ledger prints them."""
    need_ids = {r.need_id for r in records if r.need_id}
    needs = {
        nid: NeedLine(what, NEED_STATE_NAMES[NeedState(state)])
        for nid, what, state in s.execute(
            select(m.AssistanceNeed.id, m.AssistanceNeed.what, m.AssistanceNeed.state).where(
                m.AssistanceNeed.id.in_(need_ids)
            )
        )
    }
    cadre_ids = {i for r in records for i in r.helper_ids}
    helpers = {
        cid: f"{name}（{unit}）" if unit else name
        for cid, name, unit in s.execute(
            select(m.Cadre.id, m.Cadre.name, m.Cadre.unit).where(m.Cadre.id.in_(cadre_ids))
        )
    }
    return needs, helpers


class SqlAssistance:
    """The assistance records and the support ledger of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # records -----------------------------------------------------------------------------
    @write_path
    def save(self, record: AssistanceRecord, *, today: dt.date | None = None) -> AssistanceRecord:
        """Check and store a record (new without ``id``, else an update); returns it with its id.

        Raises:
            ValidationError: a field is missing or wrong (``field`` in its data).
            NotFoundError: the household (or the record to update) does not exist.
        """
        self._station_only()
        today = today or dt.date.today()
        with self.db.writing() as s:
            if not record.helper.strip() and record.helper_ids:
                record = replace(record, helper="、".join(_cadre_names(s, record.helper_ids)))
            record = checked_assistance(record, today)
            household = s.get(m.Household, record.household_id)
            if household is None or household.deleted_at is not None:
                raise NotFoundError(
                    "这一户已不在户籍中，不能登记帮扶。", code="assistance.household"
                )
            if record.person_id is not None:
                self._check_person(s, record)
            stored = self._load(s, record.id) if record.id is not None else None
            if stored is None or stored.need_id != record.need_id:
                _check_need(s, record)
            _check_helpers(s, record, stored)
            values = {
                "household_id": record.household_id,
                "person_id": record.person_id,
                "given_on": record.given_on,
                "helping_unit": record.helping_unit,
                "helper": record.helper,
                "target": record.target,
                "content": record.content,
                "time_limit": record.time_limit,
                "result": record.result,
                "need_id": record.need_id,
                "kind": record.kind,
                "amount_fen": record.amount_fen,
                "helper_ids": list(record.helper_ids),
            }
            before = stored.result if stored is not None else ""  # the row is updated below
            if stored is None:
                row = m.Assistance(**values)
                s.add(row)
            else:
                row = stored
                for key, value in values.items():
                    if getattr(row, key) != value:
                        setattr(row, key, value)
            s.flush()
            if record.result and (before != record.result or not self._has_outcomes(s, row.id)):
                s.add(m.AssistanceOutcome(
                    assistance_id=row.id, day=today, text=record.result, actor=self.db.actor
                ))  # fmt: skip
            return to_record(row)

    @write_path
    def set_outcome(
        self, record_id: str, text: str, *, today: dt.date | None = None
    ) -> AssistanceRecord:
        """Write the outcome (帮扶成效) of a help record, now or later; earlier ones are kept.

        Raises:
            ValidationError: an empty outcome.
            NotFoundError: no such record.
        """
        self._station_only()
        outcome = clean(text)
        if not outcome:
            raise ValidationError("请填写帮扶成效。", code="assistance.result", field="result")
        with self.db.writing() as s:
            row = self._load(s, record_id)
            if row.result != outcome:
                row.result = outcome
                s.add(m.AssistanceOutcome(
                    assistance_id=row.id, day=today or dt.date.today(), text=outcome,
                    actor=self.db.actor,
                ))  # fmt: skip
            s.flush()
            return to_record(row)

    def outcomes(self, record_id: str) -> list[Outcome]:
        """Every outcome written for a help record, oldest first (the history of 帮扶成效)."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.AssistanceOutcome)
                .where(
                    m.AssistanceOutcome.assistance_id == record_id,
                    m.AssistanceOutcome.deleted_at.is_(None),
                )
                .order_by(m.AssistanceOutcome.created_at, m.AssistanceOutcome.id)
            )
            return [Outcome(r.day, r.text, r.actor) for r in rows]

    @staticmethod
    def _has_outcomes(s: Session, record_id: str) -> bool:
        return (
            s.scalar(
                select(m.AssistanceOutcome.id)
                .where(m.AssistanceOutcome.assistance_id == record_id)
                .limit(1)
            )
            is not None
        )

    @write_path(needs=Permission.DELETE)
    def delete(self, record_id: str) -> None:
        """Remove a record (a tombstone, so sync carries the removal)."""
        self._station_only()
        with self.db.writing() as s:
            self._load(s, record_id).deleted_at = m.utcnow()

    @write_path(needs=Permission.DELETE)
    def restore(self, record_id: str) -> None:
        """Bring back a deleted record (撤销删除).

        Raises:
            NotFoundError: no deleted record has that id, or its household is gone.
        """
        self._station_only()
        with self.db.writing() as s:
            row = s.get(m.Assistance, record_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError("没有可以恢复的这条帮扶记录。", code="assistance.not_deleted")
            household = s.get(m.Household, row.household_id)
            if household is None or household.deleted_at is not None:
                raise NotFoundError(
                    "这条帮扶记录所属的户已被删除，请先从回收站恢复该户。",
                    code="assistance.household_missing",
                )
            row.deleted_at = None

    def get(self, record_id: str) -> AssistanceRecord:
        """One record by id.

        Raises:
            NotFoundError: no live record has that id.
        """
        with self.db.session() as s:
            return to_record(self._load(s, record_id))

    def for_household(self, household_id: str) -> list[AssistanceRecord]:
        """A household's records, oldest first."""
        stmt = _records_in(select(m.Assistance), None, None).where(
            m.Assistance.household_id == household_id
        )
        with self.db.session() as s:
            rows = s.scalars(stmt.order_by(m.Assistance.given_on, m.Assistance.id))
            return [to_record(r) for r in rows]

    def in_period(
        self, date_from: dt.date | None = None, date_to: dt.date | None = None
    ) -> list[AssistanceRecord]:
        """The records given in a period (inclusive), oldest first."""
        stmt = _records_in(select(m.Assistance), date_from, date_to)
        with self.db.session() as s:
            rows = s.scalars(stmt.order_by(m.Assistance.given_on, m.Assistance.id))
            return [to_record(r) for r in rows]

    def count(self) -> int:
        """How many live records there are."""
        with self.db.session() as s:
            stmt = select(func.count(m.Assistance.id)).where(m.Assistance.deleted_at.is_(None))
            return int(s.scalar(stmt) or 0)

    # the support ledger -------------------------------------------------------------------
    def household_ids(self, f: SupportFilter) -> list[str]:
        """Ids of the households the ledger lists, by household number (:meth:`_listed`)."""
        return [household_id for household_id, _station in self._listed(f)]

    def _listed(self, f: SupportFilter) -> list[tuple[str, str | None]]:
        """(id, station code) of the households the ledger lists, by household number.

        Those in difficulty (a support tag), and any other household that has a need or help
        on record: help given is on the ledger even where no tag was set. Where the store
        holds several stations' households (a township, the county) they come station by
        station — the code of the station whose bundles brought them — which the filter's
        station or township narrows.
        """
        helped = or_(
            exists().where(
                m.Assistance.household_id == m.Household.id, m.Assistance.deleted_at.is_(None)
            ),
            exists().where(
                m.AssistanceNeed.household_id == m.Household.id,
                m.AssistanceNeed.deleted_at.is_(None),
            ),
        )
        station = (
            select(SyncPeer.code)
            .join(SyncRowVersion, SyncRowVersion.owner == SyncPeer.node_id)
            .where(
                SyncRowVersion.table_name == "household", SyncRowVersion.row_id == m.Household.id
            )
            .scalar_subquery()
        )  # None: the household was registered here
        stmt = select(m.Household.id, station).where(
            m.Household.deleted_at.is_(None), or_(_in_difficulty(), helped)
        )
        if f.grid_id:
            stmt = stmt.where(m.Household.grid_id == f.grid_id)
        if f.tag:
            stmt = stmt.where(household_or_member_tagged(self.db.dialect, f.tag))
        if code := f.station_code or f.township_code:
            stmt = stmt.where(code_prefix(station, code))
        with self.db.session() as s:
            rows = s.execute(stmt.order_by(station.asc().nulls_first(), m.Household.number))
            return [(household_id, code) for household_id, code in rows]

    def households(self, ids: Sequence[str]) -> list[SupportHousehold]:
        """The ledger's view of the given households, in that order."""
        with self.db.session() as s:
            return self._households(s, ids)

    def records_of(
        self, household_ids: Sequence[str], f: SupportFilter | None = None
    ) -> dict[str, list[AssistanceRecord]]:
        """The records of some households in the filter's period, oldest first."""
        f = f or SupportFilter()
        with self.db.session() as s:
            return self._records(s, household_ids, f)

    def ledger_rows(
        self, f: SupportFilter, *, full: bool = False, township: bool = False
    ) -> Iterator[Row]:
        """Yield the support ledger's rows, ``HOUSEHOLD_CHUNK`` households at a time.

        ``full``: phones in full (the caller checked the role); masked otherwise.
        ``township``: each row names its household's station (``TOWNSHIP_SUPPORT_COLUMNS``).
        """
        for row, _household, _record in self.ledger_entries(f, full=full, township=township):
            yield row

    def ledger_entries(
        self, f: SupportFilter, *, full: bool = False, township: bool = False
    ) -> Iterator[tuple[Row, str, str | None]]:
        """Each support-ledger row with its household's id and its record's id.

        The record is None on the row of a household without records; the window opens a
        row's record with it. ``township``: the 工作站 column put in, as at the township and
        the county, whose households come from several stations.
        """
        listed = self._listed(f)
        ids = [household_id for household_id, _station in listed]
        codes = {household_id: code or "" for household_id, code in listed}
        labels = station_labels(self.db) if township else {}
        seq = 0
        for start in range(0, len(ids), HOUSEHOLD_CHUNK):
            chunk = ids[start : start + HOUSEHOLD_CHUNK]
            with self.db.session() as s:
                households = self._households(s, chunk)
                records = self._records(s, chunk, f)
                needs, helpers = _ledger_lines(s, [r for rs in records.values() for r in rs])
            for household in households:
                seq += 1
                mine = records.get(household.id, [])
                rows = support_rows(seq, household, mine, full=full, needs=needs, helpers=helpers)
                record_ids: list[str | None] = [r.id for r in mine] or [None]
                if township:
                    code = codes[household.id]
                    rows = [with_station(row, labels.get(code, code)) for row in rows]
                for row, record_id in zip(rows, record_ids, strict=True):
                    yield row, household.id, record_id

    def ledger_row_count(self, f: SupportFilter) -> int:
        """How many rows the support ledger has (households without records count once)."""
        ids = self.household_ids(f)
        total = 0
        for start in range(0, len(ids), HOUSEHOLD_CHUNK):
            chunk = ids[start : start + HOUSEHOLD_CHUNK]
            with self.db.session() as s:
                stmt = _records_in(
                    select(m.Assistance.household_id, func.count()),
                    f.date_from,
                    f.date_to,
                ).where(m.Assistance.household_id.in_(chunk))
                counts = {h: int(n) for h, n in s.execute(stmt.group_by(m.Assistance.household_id))}
            total += sum(max(1, counts.get(h, 0)) for h in chunk)
        return total

    # helpers ------------------------------------------------------------------------------
    def _station_only(self) -> None:
        station_only(
            self.db,
            "帮扶记录由工作站登记，随数据包报到乡镇和县里；这里只能查看。",
            "assistance.role",
        )

    @staticmethod
    def _check_person(s: Session, record: AssistanceRecord) -> None:
        """帮扶对象 is a member of the household; one who left only if the record named them."""
        person = s.get(m.Person, record.person_id)
        stored = s.get(m.Assistance, record.id) if record.id is not None else None
        kept = stored is not None and stored.person_id == record.person_id
        if (
            person is None
            or person.household_id != record.household_id
            or (person.deleted_at is not None and not kept)
        ):
            raise NotFoundError(
                "所选帮扶对象不是这一户的成员，请重新选择。",
                code="assistance.person",
                field="person",
            )

    @staticmethod
    def _load(s: Session, record_id: str) -> m.Assistance:
        row = s.get(m.Assistance, record_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("找不到这条帮扶记录，可能已被删除。", code="assistance.missing")
        return row

    @staticmethod
    def _households(s: Session, ids: Sequence[str]) -> list[SupportHousehold]:
        found = {h.id: h for h in s.scalars(select(m.Household).where(m.Household.id.in_(ids)))}
        result: list[SupportHousehold] = []
        for household_id in ids:
            h = found.get(household_id)
            if h is None:
                continue
            members = [p for p in h.members if p.deleted_at is None]
            head = next((p for p in members if p.relation == "户主"), None)
            head = head or (members[0] if members else None)
            everyone = sorted(h.members, key=lambda p: (p.deleted_at is not None, p.position))
            result.append(
                SupportHousehold(
                    id=h.id,
                    number=h.number,
                    head_name=head.name if head else "",
                    phone=h.phone or (head.phone if head else ""),
                    grid_name=h.grid.name if h.grid else "",
                    tags=tuple(support_tags(h.tags, (p.tags for p in members))),
                    cadre_name=h.cadre.name if h.cadre else "",
                    cadre_unit=h.cadre.unit if h.cadre else "",
                    members=tuple(
                        SupportMember(
                            id=p.id,
                            name=p.name,
                            relation=p.relation,
                            tags=tuple(p.tags),
                            left=p.deleted_at is not None,
                        )
                        for p in everyone
                    ),
                )
            )
        return result

    @staticmethod
    def _records(
        s: Session, household_ids: Sequence[str], f: SupportFilter
    ) -> dict[str, list[AssistanceRecord]]:
        stmt = _records_in(select(m.Assistance), f.date_from, f.date_to).where(
            m.Assistance.household_id.in_(household_ids)
        )
        found: dict[str, list[AssistanceRecord]] = defaultdict(list)
        for row in s.scalars(stmt.order_by(m.Assistance.given_on, m.Assistance.id)):
            found[row.household_id].append(to_record(row))
        return found
