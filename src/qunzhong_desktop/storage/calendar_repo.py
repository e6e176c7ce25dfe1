"""Holiday schedules the user loaded, and the working-day calendar built from them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database


def load_calendar(s: Session) -> WorkCalendar:
    """The calendar: bundled schedules plus the years loaded into this store."""
    years = s.scalars(select(m.CalendarYear.year).where(m.CalendarYear.deleted_at.is_(None))).all()
    days = {
        row.day: row.workday
        for row in s.scalars(select(m.CalendarDay).where(m.CalendarDay.deleted_at.is_(None)))
    }
    return WorkCalendar(days, years)


class SqlCalendar:
    """The working-day calendar of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def calendar(self) -> WorkCalendar:
        """The calendar as loaded now."""
        with self.db.session() as s:
            return load_calendar(s)
