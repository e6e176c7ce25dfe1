import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.rotation import DAYS, MONTHS, WEEKS, to_keep

NOW = dt.datetime(2026, 12, 2, 9)


def test_a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() -> None:
    stamps = [NOW - dt.timedelta(days=d) for d in range(400)]
    kept = to_keep(stamps, NOW)
    days = sorted({s.date() for s in kept}, reverse=True)
    assert days[:7] == [(NOW - dt.timedelta(days=d)).date() for d in range(7)]
    assert len({(s.year, s.month) for s in kept}) == 12
    assert len(kept) <= DAYS + WEEKS + MONTHS
    assert max(kept) == NOW  # the newest always stays


def test_several_a_day_keep_the_newest_of_the_day() -> None:
    morning, noon = NOW.replace(hour=8), NOW.replace(hour=12)
    assert to_keep([morning, noon], NOW.replace(hour=13)) == {noon}


def test_a_clock_set_back_never_deletes_the_newest() -> None:
    future = NOW + dt.timedelta(days=30)
    assert future in to_keep([future, NOW], NOW)


@given(st.lists(st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=NOW), max_size=80))
def test_the_newest_backup_is_always_kept_and_the_count_is_bounded(
    stamps: list[dt.datetime],
) -> None:
    kept = to_keep(stamps, NOW)
    assert kept <= set(stamps)
    assert len(kept) <= DAYS + WEEKS + MONTHS
    if stamps:
        assert max(stamps) in kept
