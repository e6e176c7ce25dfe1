"""Working days on the Chinese calendar: weekends and statutory holidays off, 调休 days on.

The bundled data come from the ``chinese-calendar`` package (State Council schedules up to
the year it knows). Years it does not know are filled from schedules the user loads (see
:mod:`.calendar_file`); a year known to neither counts weekends only, and
:meth:`WorkCalendar.unknown_years` says so, so the window can warn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import chinese_calendar

_ONE_DAY = dt.timedelta(days=1)


def bundled_years() -> range:
    """The years the ``chinese-calendar`` package has schedules for."""
    years = sorted(
        {day.year for day in chinese_calendar.holidays}
        | {day.year for day in chinese_calendar.workdays}
    )
    return range(years[0], years[-1] + 1)


class WorkCalendar:
    """Which days are working days.

    Args:
        loaded: days from schedules the user loaded: ``True`` a make-up workday (班),
            ``False`` a holiday (休). They win over the bundled data.
        loaded_years: the years those schedules cover (a year may have no exceptions).
    """

    def __init__(
        self,
        loaded: Mapping[dt.date, bool] | None = None,
        loaded_years: Iterable[int] = (),
    ) -> None:
        self._loaded = dict(loaded or {})
        self._loaded_years = frozenset(loaded_years)
        self._bundled = bundled_years()
        # day → answer: the bundled lookup validates its range on every call (slow in reports)
        self._known: dict[dt.date, bool] = {}

    def knows(self, year: int) -> bool:
        """Whether holidays of ``year`` are known (bundled or loaded)."""
        return year in self._loaded_years or year in self._bundled

    def missing_years(self, today: dt.date) -> list[int]:
        """The years to load now: this year if unknown, and from December next year too.

        The State Council publishes a year's schedule in the autumn before, so in December
        the next year's deadlines are already near.
        """
        years = [today.year, today.year + 1] if today.month == 12 else [today.year]
        return [year for year in years if not self.knows(year)]

    def unknown_years(self, *days: dt.date) -> list[int]:
        """The years among ``days`` whose holidays are unknown (weekends only are counted)."""
        return sorted({d.year for d in days if not self.knows(d.year)})

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day."""
        found = self._known.get(day)
        if found is None:
            found = self._known[day] = self._is_workday(day)
        return found

    def _is_workday(self, day: dt.date) -> bool:
        if day in self._loaded:
            return self._loaded[day]
        if day.year in self._bundled and day.year not in self._loaded_years:
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (``start`` itself not counted).

        With ``days`` = 0 the result is ``start`` itself.
        """
        day = start
        left = days
        while left > 0:
            day += _ONE_DAY
            if self.is_workday(day):
                left -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie in ``(start, end]`` (0 when ``end`` ≤ ``start``)."""
        count = 0
        day = start
        while day < end:
            day += _ONE_DAY
            count += self.is_workday(day)
        return count
