"""The period of a cadre's mass-work record: months and days, a year, the plain sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.cadre_record import (
    CadreServiceRecord,
    PeriodInvalid,
    add_months,
    check_period,
    reaches_year,
    span,
    span_text,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 1, 15), D(2026, 3, 20), (2, 6)),  # 15 Jan – 14 Mar, then 15–20 Mar
        (D(2026, 10, 1), D(2026, 10, 31), (1, 0)),
        (D(2026, 10, 1), D(2026, 10, 30), (0, 30)),
        (D(2025, 11, 1), D(2026, 10, 31), (12, 0)),
        (D(2025, 11, 2), D(2026, 10, 31), (11, 30)),
        (D(2024, 2, 29), D(2025, 2, 27), (12, 0)),  # to 28 Feb, the day before 29 Feb
        (D(2026, 1, 31), D(2026, 2, 27), (1, 0)),  # 31 Jan + 1 month is 28 Feb
        (D(2026, 5, 5), D(2026, 5, 5), (0, 1)),
    ],
)
def test_span(start: dt.date, end: dt.date, expected: tuple[int, int]) -> None:
    assert span(start, end) == expected


def test_a_year_at_its_boundary() -> None:
    assert reaches_year(D(2025, 12, 1), D(2026, 11, 30))
    assert not reaches_year(D(2025, 12, 1), D(2026, 11, 29))
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
    assert span_text(14, 3) == "1 年 2 个月 3 天"
    assert span_text(10, 0) == "10 个月" and span_text(0, 20) == "20 天"


@given(st.dates(D(2000, 1, 1), D(2100, 1, 1)), st.integers(0, 2000))
def test_span_adds_back_up(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    months, days = span(start, end)
    assert add_months(start, months) + dt.timedelta(days=days) == end + dt.timedelta(days=1)
    assert reaches_year(start, end) == (end >= add_months(start, 12) - dt.timedelta(days=1))


def test_periods_refused() -> None:
    today = D(2026, 12, 2)
    with pytest.raises(PeriodInvalid, match="早于开始日期"):
        check_period(D(2026, 10, 31), D(2026, 10, 1), today)
    with pytest.raises(PeriodInvalid, match="还没到"):
        check_period(D(2026, 12, 3), D(2026, 12, 31), today)
    with pytest.raises(PeriodInvalid, match="最长 10 年"):
        check_period(D(2016, 1, 1), D(2026, 1, 1), today)
    check_period(D(2016, 1, 2), D(2026, 1, 1), today)


def record(
    start: dt.date, end: dt.date, as_of: dt.date, since: dt.date | None
) -> CadreServiceRecord:
    return CadreServiceRecord(
        name="刘芳娜", category="乡驻村干部", unit="镇党委", rule="", start=start, end=end,
        as_of=as_of, stations=(), months=(), households_visited=0, visits=0,
        items_by_state=(), resolved=(), paired=0, paired_difficult=0, since=since,
    )  # fmt: skip


def test_the_year_sentence() -> None:
    full = record(D(2025, 11, 1), D(2026, 10, 31), D(2026, 10, 31), D(2025, 3, 1))
    assert full.full_year
    assert full.year_sentence == "本期群众工作满一年（2025年11月1日至2026年10月31日，共 1 年）。"
    short = record(D(2026, 1, 1), D(2026, 10, 30), D(2026, 10, 30), None)
    assert not short.full_year
    assert short.year_sentence == "本期不足一年（9 个月 30 天），晋升需满一年。"
    # counted from the day the cadre came, when inside the period
    came = record(D(2025, 11, 1), D(2026, 10, 31), D(2026, 10, 31), D(2026, 10, 8))
    assert not came.full_year
    assert came.year_sentence == "本期不足一年（24 天，自2026年10月8日起算），晋升需满一年。"
    # a period not over yet stands at today
    running = record(D(2026, 1, 1), D(2026, 12, 31), D(2026, 12, 2), None)
    assert running.period_text == "2026年1月1日至2026年12月31日（截至 2026年12月2日）"
    assert running.year_sentence == "本期不足一年（11 个月 2 天），晋升需满一年。"
    later = record(D(2026, 1, 1), D(2026, 3, 31), D(2026, 3, 31), D(2026, 5, 1))
    assert not later.full_year and "才登记" in later.year_sentence
