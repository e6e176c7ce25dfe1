"""Holiday schedules the user loaded, and the working-day calendar built from them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.calendar_file import Schedule, ScheduleDay
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.write_paths import write_path


def load_calendar(s: Session) -> WorkCalendar:
    """The calendar: bundled schedules plus the years loaded into this store."""
    years = s.scalars(select(m.CalendarYear.year).where(m.CalendarYear.deleted_at.is_(None))).all()
    days = {
        row.day: row.workday
        for row in s.scalars(select(m.CalendarDay).where(m.CalendarDay.deleted_at.is_(None)))
    }
    return WorkCalendar(days, years)


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


class SqlCalendar:
    """The working-day calendar of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def calendar(self) -> WorkCalendar:
        """The calendar as loaded now."""
        with self.db.session() as s:
            return load_calendar(s)

    def loaded_years(self) -> list[int]:
        """The years whose schedule the user loaded, in order."""
        return sorted(self.sources())

    def sources(self) -> dict[int, str]:
        """Each loaded year with the file it came from, in year order."""
        with self.db.session() as s:
            rows = s.execute(
                select(m.CalendarYear.year, m.CalendarYear.source)
                .where(m.CalendarYear.deleted_at.is_(None))
                .order_by(m.CalendarYear.year)
            )
            return {year: source for year, source in rows}

    def days(self, year: int) -> list[ScheduleDay]:
        """The loaded holidays and make-up workdays of ``year``, in date order."""
        first, last = _year_bounds(year)
        with self.db.session() as s:
            rows = s.scalars(
                select(m.CalendarDay)
                .where(m.CalendarDay.deleted_at.is_(None))
                .where(m.CalendarDay.day.between(first, last))
                .order_by(m.CalendarDay.day)
            )
            return [ScheduleDay(row.day, row.workday, row.note) for row in rows]

    @write_path(needs=Permission.SETTINGS)
    def import_schedule(self, schedule: Schedule) -> None:
        """Replace what is loaded for the schedule's years with its days, in one transaction.

        Raises:
            ValidationError: a day lies outside the schedule's years.

        Rows are changed through the ORM so the change capture records them: a day no
        longer listed is tombstoned, a day listed again is revived (a date is unique in the
        table, tombstones included), a new day is added.
        """
        with self.db.writing() as s:
            replace_schedule(s, schedule)


def replace_schedule(s: Session, schedule: Schedule) -> None:
    """:meth:`SqlCalendar.import_schedule` in the caller's session (sync imports use it).

    Raises:
        ValidationError: a day lies outside the schedule's years.
    """
    stray = [d.day for d in schedule.days if d.day.year not in schedule.years]
    if stray:
        raise ValidationError(
            f"{stray[0]} 不在节假日安排写明的年份内。", code="calendar.stray_day", day=stray[0]
        )
    now = m.utcnow()
    new = {d.day: d for d in schedule.days}
    for year in schedule.years:
        row = s.scalars(select(m.CalendarYear).where(m.CalendarYear.year == year)).first()
        source = schedule.source[:200]
        if row is None:
            s.add(m.CalendarYear(year=year, source=source))
        else:
            row.source = source
            row.deleted_at = None
        first, last = _year_bounds(year)
        existing = s.scalars(select(m.CalendarDay).where(m.CalendarDay.day.between(first, last)))
        for old in existing:
            day = new.pop(old.day, None)
            if day is None:
                if old.deleted_at is None:
                    old.deleted_at = now
                continue
            old.workday = day.workday
            old.note = day.note
            old.deleted_at = None
    for day in new.values():
        s.add(m.CalendarDay(day=day.day, workday=day.workday, note=day.note))
