"""Report periods (issue 17): a month, quarter, half-year, year, year to date, or from–to.

A period is a run of whole days, ``first`` to ``last`` inclusive. It knows the period
before it of the same kind (the month before, the quarter before …; a from–to range: the
same number of days just before) and the same period a year before (29 February becomes
28 February; a month end stays a month end), which the report's comparison columns use.

``parse_period`` reads what a clerk types or the CLI gets: ``2026-11``, ``2026-Q3``,
``2026-H2``, ``2026``, ``2026-YTD`` (1 January to today, or to 31 December of a past year)
and ``2026-01-01..2026-06-30``; Chinese spellings (``2026年下半年``, ``2026年第3季度``) too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from qunzhong_desktop.core.errors import ValidationError

FIRST_YEAR, LAST_YEAR = 2000, 2199
#: the longest from–to range a report covers (a typing error beyond it)
MAX_DAYS = 3660
_NUMERALS = "一二三四"


class Kind(StrEnum):
    """What sort of period."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    YEAR_TO_DATE = "ytd"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Period:
    """Whole days from ``first`` to ``last`` (inclusive), of a kind."""

    kind: Kind
    first: dt.date
    last: dt.date

    @property
    def start(self) -> dt.datetime:
        """The first moment."""
        return dt.datetime.combine(self.first, dt.time())

    @property
    def end(self) -> dt.datetime:
        """The first moment after it (exclusive bound)."""
        return dt.datetime.combine(self.last + _DAY, dt.time())

    @property
    def days(self) -> int:
        """How many days it has."""
        return (self.last - self.first).days + 1

    @property
    def code(self) -> str:
        """What ``parse_period`` reads back: ``2026-11``, ``2026-Q3``, ``2026-H2`` …."""
        year = self.first.year
        if self.kind is Kind.MONTH:
            return f"{year}-{self.first.month:02d}"
        if self.kind is Kind.QUARTER:
            return f"{year}-Q{(self.first.month - 1) // 3 + 1}"
        if self.kind is Kind.HALF:
            return f"{year}-H{1 if self.first.month == 1 else 2}"
        if self.kind is Kind.YEAR:
            return str(year)
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    @property
    def title(self) -> str:
        """For people: ``2026年11月``, ``2026年第三季度``, ``2026年下半年``, ``2026年`` …."""
        year, first, last = self.first.year, self.first, self.last
        if self.kind is Kind.MONTH:
            return f"{year}年{first.month}月"
        if self.kind is Kind.QUARTER:
            return f"{year}年第{_NUMERALS[(first.month - 1) // 3]}季度"
        if self.kind is Kind.HALF:
            return f"{year}年{'上' if first.month == 1 else '下'}半年"
        if self.kind is Kind.YEAR:
            return f"{year}年"
        if self.kind is Kind.YEAR_TO_DATE:
            return f"{year}年1月1日至{last.month}月{last.day}日"
        if first.year == last.year:
            return f"{year}年{first.month}月{first.day}日至{last.month}月{last.day}日"
        return f"{year}年{first.month}月{first.day}日至{last.year}年{last.month}月{last.day}日"

    def contains(self, day: dt.date) -> bool:
        """Whether a day lies in it."""
        return self.first <= day <= self.last

    def previous(self) -> Period:
        """The period before it, of the same kind (a range: as many days just before)."""
        if self.kind is Kind.YEAR_TO_DATE:
            return self.year_before()
        if self.kind is Kind.RANGE:
            last = self.first - dt.timedelta(days=1)
            return _checked(Kind.RANGE, last - dt.timedelta(days=self.days - 1), last)
        months = {Kind.MONTH: 1, Kind.QUARTER: 3, Kind.HALF: 6, Kind.YEAR: 12}[self.kind]
        first = _add_months(self.first, -months)
        return _checked(self.kind, first, _add_months(self.last + _DAY, -months) - _DAY)

    def year_before(self) -> Period:
        """The same period a year earlier (29 February → 28 February)."""
        first = _shift_year(self.first, -1)
        if self.kind in (Kind.MONTH, Kind.QUARTER, Kind.HALF, Kind.YEAR):
            last = _add_months(self.last + _DAY, -12) - _DAY  # a month end stays one
        else:
            last = _shift_year(self.last, -1)
        return _checked(self.kind, first, last)


_DAY = dt.timedelta(days=1)


def month(year: int, number: int) -> Period:
    """A calendar month."""
    return _checked(Kind.MONTH, dt.date(year, number, 1), _month_end(year, number))


def quarter(year: int, number: int) -> Period:
    """Quarter 1–4 of a year."""
    start = 3 * (number - 1) + 1
    return _checked(Kind.QUARTER, dt.date(year, start, 1), _month_end(year, start + 2))


def half(year: int, number: int) -> Period:
    """The first (1) or second (2) half of a year."""
    start = 1 if number == 1 else 7
    return _checked(Kind.HALF, dt.date(year, start, 1), _month_end(year, start + 5))


def year(number: int) -> Period:
    """A calendar year."""
    return _checked(Kind.YEAR, dt.date(number, 1, 1), dt.date(number, 12, 31))


def year_to_date(number: int, today: dt.date) -> Period:
    """1 January to today (a past year: to 31 December).

    Raises:
        ValidationError: a year that has not begun.
    """
    if number > today.year:
        raise ValidationError(
            f"{number} 年还没有开始，不能统计“年初至今”。", code="report.period", value=number
        )
    last = today if number == today.year else dt.date(number, 12, 31)
    return _checked(Kind.YEAR_TO_DATE, dt.date(number, 1, 1), last)


def between(first: dt.date, last: dt.date) -> Period:
    """From ``first`` to ``last``, inclusive.

    Raises:
        ValidationError: the end before the start, or longer than ten years.
    """
    return _checked(Kind.RANGE, first, last)


def parse_period(text: str, *, today: dt.date) -> Period:
    """A period as typed (see the module docstring).

    Raises:
        ValidationError: not a period, with the ways to write one.
    """
    typed = text.strip().upper().replace(" ", "")
    try:
        if m := re.fullmatch(r"(\d{4})-?Q([1-4])|(\d{4})年第([1-4一二三四])季度?", typed):
            number = m.group(2) or m.group(4)
            return quarter(int(m.group(1) or m.group(3)), _number(number))
        if m := re.fullmatch(r"(\d{4})-?H([12])|(\d{4})年([上下])半年", typed):
            number = m.group(2) or ("1" if m.group(4) == "上" else "2")
            return half(int(m.group(1) or m.group(3)), int(number))
        if m := re.fullmatch(r"(\d{4})-?YTD|(\d{4})年初至今", typed):
            return year_to_date(int(m.group(1) or m.group(2)), today)
        if m := re.fullmatch(r"(\d{4})年?", typed):
            return year(int(m.group(1)))
        if m := re.fullmatch(r"(\d{4})[-/.年](\d{1,2})月?", typed):
            return month(int(m.group(1)), int(m.group(2)))
        if m := re.fullmatch(
            r"(\d{4}-\d{1,2}-\d{1,2})(?:\.\.|至|~|—)(\d{4}-\d{1,2}-\d{1,2})", typed
        ):
            return between(_day(m.group(1)), _day(m.group(2)))
    except ValueError:
        pass  # a month 13, a 30 February: said below
    raise ValidationError(
        f"统计期间“{text.strip()}”看不懂：可写 2026-11（月）、2026-Q3（季度）、2026-H2（半年）、"
        "2026（年）、2026-YTD（年初至今）或 2026-01-01..2026-06-30。",
        code="report.period",
        value=text,
    )


def _number(text: str) -> int:
    return _NUMERALS.index(text) + 1 if text in _NUMERALS else int(text)


def _day(text: str) -> dt.date:
    y, m, d = (int(part) for part in text.split("-"))
    return dt.date(y, m, d)


def _month_end(year: int, number: int) -> dt.date:
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (earlier), cut to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


def _shift_year(day: dt.date, years: int) -> dt.date:
    return _add_months(day, 12 * years)


def _checked(kind: Kind, first: dt.date, last: dt.date) -> Period:
    if not (first.year >= FIRST_YEAR and last.year <= LAST_YEAR):
        raise ValidationError(
            f"统计期间应在 {FIRST_YEAR}—{LAST_YEAR} 年之间。", code="report.period_range"
        )
    if last < first:
        raise ValidationError(
            f"统计期间的结束日 {last.isoformat()} 早于开始日 {first.isoformat()}，请改正。",
            code="report.period_reversed",
        )
    if (last - first).days + 1 > MAX_DAYS:
        raise ValidationError("统计期间超过十年，请核对起止日期。", code="report.period_too_long")
    return Period(kind, first, last)
