import datetime as dt

import pytest

from qunzhong_desktop.core.calendar_file import parse_schedule
from qunzhong_desktop.core.workcalendar import WorkCalendar, bundled_years

D = dt.date
SCHEDULE_2027 = """
年份 2027
2027-01-01 休 元旦
2027-02-06..2027-02-12 休 春节
2027-02-14 班 春节调休
"""


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


def test_bundled_years_reach_2026() -> None:
    years = bundled_years()
    assert 2026 in years and 2027 not in years and years[0] <= 2010


def test_national_day_2026_and_its_make_up_day(cal: WorkCalendar) -> None:
    # 2026: 10-01…10-07 off, Saturday 10-10 is a make-up workday
    assert cal.add_workdays(D(2026, 9, 30), 5) == D(2026, 10, 13)
    assert not cal.is_workday(D(2026, 10, 1))
    assert not cal.is_workday(D(2026, 10, 7))
    assert cal.is_workday(D(2026, 10, 10))  # Saturday, 调休
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert cal.add_workdays(D(2026, 9, 30), 2) == D(2026, 10, 9)
    assert cal.add_workdays(D(2026, 9, 30), 3) == D(2026, 10, 10)


def test_spring_festival_2026(cal: WorkCalendar) -> None:
    # 2026: 02-15…02-23 off; Saturday 02-14 and Saturday 02-28 are worked
    assert not cal.is_workday(D(2026, 2, 17))  # 初一, a Tuesday
    assert not cal.is_workday(D(2026, 2, 23))  # a Monday off
    assert cal.is_workday(D(2026, 2, 14))  # Saturday 调休
    assert cal.is_workday(D(2026, 2, 28))  # Saturday 调休
    assert cal.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert cal.add_workdays(D(2026, 2, 14), 1) == D(2026, 2, 24)


def test_zero_days_is_the_start_itself(cal: WorkCalendar) -> None:
    assert cal.add_workdays(D(2026, 10, 3), 0) == D(2026, 10, 3)


def test_unknown_year_counts_weekends_only(cal: WorkCalendar) -> None:
    assert not cal.knows(2027)
    assert cal.unknown_years(D(2026, 12, 30), D(2027, 1, 6)) == [2027]
    assert cal.is_workday(D(2027, 1, 1))  # a Friday: 元旦 not known, so a workday
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 1)
    assert cal.add_workdays(D(2027, 2, 5), 5) == D(2027, 2, 12)


def test_loaded_2027_schedule_overrides_the_fallback() -> None:
    schedule = parse_schedule(SCHEDULE_2027)
    cal = WorkCalendar({d.day: d.workday for d in schedule.days}, schedule.years)
    assert cal.knows(2027) and cal.unknown_years(D(2027, 6, 1)) == []
    assert not cal.is_workday(D(2027, 1, 1))
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.is_workday(D(2027, 2, 14))  # Sunday 调休
    assert cal.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 14)
    assert cal.add_workdays(D(2027, 2, 5), 2) == D(2027, 2, 15)


def test_a_loaded_year_replaces_the_bundled_one() -> None:
    cal = WorkCalendar({D(2026, 10, 1): True}, [2026])
    assert cal.is_workday(D(2026, 10, 1))  # as loaded
    assert cal.is_workday(D(2026, 10, 2))  # bundled holiday ignored: the loaded year rules


def test_workdays_between(cal: WorkCalendar) -> None:
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 13)) == 5
    assert cal.workdays_between(D(2026, 10, 1), D(2026, 10, 7)) == 0
    assert cal.workdays_between(D(2026, 10, 13), D(2026, 9, 30)) == 0
    assert cal.workdays_between(D(2026, 10, 13), D(2026, 10, 13)) == 0
    assert cal.workdays_between(D(2026, 2, 13), D(2026, 2, 24)) == 2  # 02-14 and 02-24


@pytest.mark.parametrize(
    ("today", "missing"),
    [
        (D(2026, 6, 1), []),
        (D(2026, 12, 1), [2027]),
        (D(2027, 3, 1), [2027]),
        (D(2027, 12, 31), [2027, 2028]),
    ],
)
def test_missing_years(cal: WorkCalendar, today: dt.date, missing: list[int]) -> None:
    assert cal.missing_years(today) == missing


def test_missing_years_knows_loaded_years() -> None:
    assert WorkCalendar({}, [2027]).missing_years(D(2027, 12, 1)) == [2028]
