"""Report periods (issue 17): parsing, the period before, the same period a year before."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.period import (
    Kind,
    Period,
    between,
    half,
    month,
    parse_period,
    quarter,
    year,
)

TODAY = dt.date(2026, 12, 2)
D = dt.date


@pytest.mark.parametrize(
    ("typed", "kind", "first", "last", "title"),
    [
        ("2026-11", Kind.MONTH, D(2026, 11, 1), D(2026, 11, 30), "2026年11月"),
        ("2028-2", Kind.MONTH, D(2028, 2, 1), D(2028, 2, 29), "2028年2月"),  # leap year
        ("2026年2月", Kind.MONTH, D(2026, 2, 1), D(2026, 2, 28), "2026年2月"),
        ("2026-Q3", Kind.QUARTER, D(2026, 7, 1), D(2026, 9, 30), "2026年第三季度"),
        ("2026q1", Kind.QUARTER, D(2026, 1, 1), D(2026, 3, 31), "2026年第一季度"),
        ("2026年第四季度", Kind.QUARTER, D(2026, 10, 1), D(2026, 12, 31), "2026年第四季度"),
        ("2026-H2", Kind.HALF, D(2026, 7, 1), D(2026, 12, 31), "2026年下半年"),
        ("2026年上半年", Kind.HALF, D(2026, 1, 1), D(2026, 6, 30), "2026年上半年"),
        ("2026", Kind.YEAR, D(2026, 1, 1), D(2026, 12, 31), "2026年"),
        ("2026-YTD", Kind.YEAR_TO_DATE, D(2026, 1, 1), TODAY, "2026年1月1日至12月2日"),
        ("2025-ytd", Kind.YEAR_TO_DATE, D(2025, 1, 1), D(2025, 12, 31), "2025年1月1日至12月31日"),
        ("2026-01-01..2026-06-30", Kind.RANGE, D(2026, 1, 1), D(2026, 6, 30),
         "2026年1月1日至6月30日"),
        ("2025-12-15..2026-01-14", Kind.RANGE, D(2025, 12, 15), D(2026, 1, 14),
         "2025年12月15日至2026年1月14日"),
    ],
)  # fmt: skip
def test_periods_as_typed(typed: str, kind: Kind, first: D, last: D, title: str) -> None:
    period = parse_period(typed, today=TODAY)
    assert (period.kind, period.first, period.last, period.title) == (kind, first, last, title)
    if kind is not Kind.YEAR_TO_DATE:
        assert parse_period(period.code, today=TODAY) == period  # the code reads back


@pytest.mark.parametrize(
    ("period", "previous", "year_before"),
    [
        (month(2026, 3), (D(2026, 2, 1), D(2026, 2, 28)), (D(2025, 3, 1), D(2025, 3, 31))),
        (month(2026, 1), (D(2025, 12, 1), D(2025, 12, 31)), (D(2025, 1, 1), D(2025, 1, 31))),
        (month(2028, 2), (D(2028, 1, 1), D(2028, 1, 31)), (D(2027, 2, 1), D(2027, 2, 28))),
        (month(2029, 2), (D(2029, 1, 1), D(2029, 1, 31)), (D(2028, 2, 1), D(2028, 2, 29))),
        (quarter(2026, 1), (D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 1, 1), D(2025, 3, 31))),
        (half(2026, 2), (D(2026, 1, 1), D(2026, 6, 30)), (D(2025, 7, 1), D(2025, 12, 31))),
        (year(2026), (D(2025, 1, 1), D(2025, 12, 31)), (D(2025, 1, 1), D(2025, 12, 31))),
        (parse_period("2028-YTD", today=D(2028, 2, 29)),  # the same span a year before
         (D(2027, 1, 1), D(2027, 2, 28)), (D(2027, 1, 1), D(2027, 2, 28))),
        (between(D(2026, 3, 1), D(2026, 3, 10)),  # as many days just before
         (D(2026, 2, 19), D(2026, 2, 28)), (D(2025, 3, 1), D(2025, 3, 10))),
    ],
)  # fmt: skip
def test_the_period_before_and_a_year_before(
    period: Period, previous: tuple[D, D], year_before: tuple[D, D]
) -> None:
    before, last_year = period.previous(), period.year_before()
    assert (before.first, before.last) == previous and before.kind is period.kind
    assert (last_year.first, last_year.last) == year_before


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2026-13", "看不懂"),
        ("2026-Q5", "看不懂"),
        ("2026-02-30..2026-03-01", "看不懂"),
        ("上个月", "看不懂"),
        ("2026-06-30..2026-01-01", "早于开始日"),
        ("2000-01-01..2026-01-01", "超过十年"),
        ("2027-YTD", "还没有开始"),
        ("1999", "2000—2199"),
    ],
)
def test_bad_periods_are_refused_with_a_sentence(typed: str, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        parse_period(typed, today=TODAY)


@given(st.dates(D(2001, 1, 1), D(2198, 12, 31)), st.sampled_from(["m", "q", "h", "y"]))
def test_periods_tile_the_calendar(day: D, kind: str) -> None:
    """Property: the period before ends the day before this one starts, of the same kind."""
    number = {"m": day.month, "q": (day.month - 1) // 3 + 1, "h": 1 if day.month < 7 else 2}
    period = {
        "m": lambda: month(day.year, number["m"]),
        "q": lambda: quarter(day.year, number["q"]),
        "h": lambda: half(day.year, number["h"]),
        "y": lambda: year(day.year),
    }[kind]()
    assert period.contains(day)
    before = period.previous()
    assert before.last + dt.timedelta(days=1) == period.first
    assert before.previous().last + dt.timedelta(days=1) == before.first
    assert period.year_before().code == f"{day.year - 1}{period.code[4:]}"
