"""The township's petition duty roster (信访值周) and reception log (接访登记, issue 18).

Only the township keeps them (``duty_day``, ``reception``: sync/schema.TOWNSHIP_OWN, captured
in its outbox for the county tier, never sent to a station); a station is refused. A working
day has at most one member on duty: setting a day replaces its row, a day off is refused
(:func:`.core.duty.checked_duty` on the working-day calendar). A reception is received by
the member on duty that day unless another is named; deleting one leaves a tombstone and
:meth:`SqlDuty.restore_reception` brings it back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import duty as rules
from qunzhong_desktop.core.duty import Duty, Reception, Roster
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.write_paths import write_path

STATION_REFUSAL = "信访值班和接访登记由乡镇群众工作办管理，工作站不能排班或登记接访。"
BY = ("week", "day")


def _to_reception(row: m.Reception) -> Reception:
    return Reception(row.day, row.member, row.matter, row.visitors, tuple(row.units),
                     row.handling, row.item_id, row.id)  # fmt: skip


def _live_days(s: Session, first: dt.date, last: dt.date) -> list[m.DutyDay]:
    return list(
        s.scalars(
            select(m.DutyDay)
            .where(m.DutyDay.day >= first, m.DutyDay.day <= last, m.DutyDay.deleted_at.is_(None))
            .order_by(m.DutyDay.day, m.DutyDay.created_at)
        )
    )


def _put(s: Session, rows: Sequence[m.DutyDay], duty: Duty) -> None:
    """``duty`` as the day's only live row: the first row kept (changed if need be)."""
    if rows:
        keep = rows[0]
        if (keep.member, keep.note) != (duty.member, duty.note):
            keep.member, keep.note = duty.member, duty.note
        for extra in rows[1:]:
            extra.deleted_at = m.utcnow()
    else:
        s.add(m.DutyDay(day=duty.day, member=duty.member, note=duty.note))


class SqlDuty:
    """The township's petition duty roster (信访值周) and reception log."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db

    def _township_only(self) -> None:
        if node_role(self.db) != "township":
            raise ValidationError(STATION_REFUSAL, code="duty.role")

    # the roster ----------------------------------------------------------------------------
    @write_path
    def set_duty(self, day: dt.date, member: str, note: str = "") -> Duty:
        """Put ``member`` on duty on ``day`` (replacing whoever was); the duty as kept.

        Raises:
            ValidationError: at a station, a day off, no name (in Chinese).
        """
        self._township_only()
        with self.db.writing() as s:
            duty = rules.checked_duty(Duty(day, member, note), load_calendar(s))
            _put(s, _live_days(s, day, day), duty)
        return duty

    @write_path
    def clear(self, day: dt.date) -> bool:
        """No one on duty on ``day`` any more; whether someone was.

        Raises:
            ValidationError: at a station.
        """
        self._township_only()
        with self.db.writing() as s:
            rows = _live_days(s, day, day)
            for row in rows:
                row.deleted_at = m.utcnow()
        return bool(rows)

    @write_path
    def rotate(
        self, members: Sequence[str], first: dt.date, last: dt.date, by: str = "week"
    ) -> int:
        """Members in turn over the working days of the span (值周: by week); how many days.

        Every working day of the span gets its member (replacing what was set); a duty kept
        on a day that is no longer a working day is cleared.

        Raises:
            ValidationError: at a station, no members, a name twice, a bad span.
        """
        self._township_only()
        if by not in BY:
            raise ValidationError("轮换方式应为 week（按周）或 day（按日）。", code="duty.by")
        with self.db.writing() as s:
            duties = rules.rotation(members, load_calendar(s), first, last, by=by)
            existing: dict[dt.date, list[m.DutyDay]] = {}
            for row in _live_days(s, first, last):
                existing.setdefault(row.day, []).append(row)
            for duty in duties:
                _put(s, existing.pop(duty.day, []), duty)
            for rows in existing.values():  # days off now
                for row in rows:
                    row.deleted_at = m.utcnow()
        return len(duties)

    def duties(self, first: dt.date, last: dt.date) -> list[Duty]:
        """Who is on duty from ``first`` to ``last``, by day."""
        with self.db.session() as s:
            return [Duty(r.day, r.member, r.note) for r in _live_days(s, first, last)]

    def on_duty(self, day: dt.date) -> str:
        """Who is on duty on ``day`` ('' no one)."""
        found = self.duties(day, day)
        return found[0].member if found else ""

    def roster(self, first: dt.date, last: dt.date) -> Roster:
        """The weeks of the span with who is on duty, receptions per day, uncovered days.

        Raises:
            ValidationError: ``last`` before ``first``, or more than 400 days.
        """
        with self.db.session() as s:
            rows = _live_days(s, first, last)
            calendar = load_calendar(s)
            days = s.scalars(
                select(m.Reception.day)
                .where(m.Reception.day >= first, m.Reception.day <= last)
                .where(m.Reception.deleted_at.is_(None))
            ).all()
        duties = [Duty(r.day, r.member, r.note) for r in rows]
        return rules.roster(duties, calendar, first, last, Counter(days))

    # the reception log ---------------------------------------------------------------------
    @write_path
    def add_reception(self, reception: Reception, *, today: dt.date | None = None) -> Reception:
        """Log a reception (the member on duty that day receives unless one is named).

        Raises:
            ValidationError: at a station, no matter, a day ahead, no receiver (in Chinese).
        """
        self._township_only()
        today = today or dt.date.today()
        with self.db.writing() as s:
            checked = self._checked(s, reception, today)
            row = m.Reception(day=checked.day, member=checked.member, visitors=checked.visitors,
                              matter=checked.matter, units=list(checked.units),
                              handling=checked.handling, item_id=checked.item_id)  # fmt: skip
            s.add(row)
            s.flush()
            return _to_reception(row)

    @write_path
    def edit_reception(self, reception: Reception, *, today: dt.date | None = None) -> Reception:
        """Change a logged reception (``reception.id``); what it says now.

        Raises:
            NotFoundError: no live reception has that id.
            ValidationError: as :meth:`add_reception`.
        """
        self._township_only()
        today = today or dt.date.today()
        with self.db.writing() as s:
            row = self._reception(s, reception.id, live=True)
            checked = self._checked(s, reception, today)
            values = {"day": checked.day, "member": checked.member, "visitors": checked.visitors,
                      "matter": checked.matter, "units": list(checked.units),
                      "handling": checked.handling, "item_id": checked.item_id}  # fmt: skip
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
            return _to_reception(row)

    @write_path
    def delete_reception(self, reception_id: str) -> None:
        """Delete a logged reception (a tombstone: :meth:`restore_reception` undoes it).

        Raises:
            NotFoundError: no live reception has that id.
        """
        self._township_only()
        with self.db.writing() as s:
            self._reception(s, reception_id, live=True).deleted_at = m.utcnow()

    @write_path
    def restore_reception(self, reception_id: str) -> Reception:
        """Bring back a deleted reception.

        Raises:
            NotFoundError: no deleted reception has that id.
        """
        self._township_only()
        with self.db.writing() as s:
            row = self._reception(s, reception_id, live=False)
            row.deleted_at = None
            return _to_reception(row)

    def receptions(self, first: dt.date, last: dt.date) -> list[Reception]:
        """The receptions logged from ``first`` to ``last``, by day."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.Reception)
                .where(m.Reception.day >= first, m.Reception.day <= last)
                .where(m.Reception.deleted_at.is_(None))
                .order_by(m.Reception.day, m.Reception.created_at)
            )
            return [_to_reception(r) for r in rows]

    # helpers -------------------------------------------------------------------------------
    @staticmethod
    def _checked(s: Session, reception: Reception, today: dt.date) -> Reception:
        rows = _live_days(s, reception.day, reception.day)
        on_duty = rows[0].member if rows else ""
        checked = rules.checked_reception(reception, on_duty=on_duty, today=today)
        if checked.item_id is not None and s.get(m.IntakeItem, checked.item_id) is None:
            raise NotFoundError("接访登记所关联的事项不存在。", code="reception.item")
        return dataclasses.replace(checked, id=reception.id)

    @staticmethod
    def _reception(s: Session, reception_id: str | None, *, live: bool) -> m.Reception:
        row = s.get(m.Reception, reception_id) if reception_id else None
        if row is None or (row.deleted_at is None) != live:
            raise NotFoundError("找不到这条接访登记。", code="reception.missing")
        return row
