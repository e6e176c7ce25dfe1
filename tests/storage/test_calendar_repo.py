import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.calendar_file import Schedule, ScheduleDay, parse_schedule
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.store import Store

D = dt.date
FIRST = """
年份 2027
2027-01-01 休 元旦
2027-02-06..2027-02-12 休 春节
2027-02-14 班 春节调休
"""
# a corrected notice: Spring Festival one day shorter, another make-up day, 元旦 unchanged
SECOND = """
年份 2027
2027-01-01 休 元旦
2027-02-06..2027-02-11 休 春节
2027-02-20 班 春节调休
"""


def _changes(store: Store, table: str) -> list[m.SyncChange]:
    with store.db.session() as s:
        query = select(m.SyncChange).where(m.SyncChange.table_name == table)
        return list(s.scalars(query.order_by(m.SyncChange.seq)))


def test_nothing_loaded_at_first(store: Store) -> None:
    assert store.calendar.loaded_years() == []
    assert store.calendar.sources() == {}
    assert store.calendar.days(2027) == []
    assert store.calendar.calendar().missing_years(D(2027, 3, 1)) == [2027]


def test_import_makes_the_year_known(store: Store) -> None:
    store.calendar.import_schedule(parse_schedule(FIRST, source="2027.txt"))
    assert store.calendar.loaded_years() == [2027]
    assert store.calendar.sources() == {2027: "2027.txt"}
    days = store.calendar.days(2027)
    assert len(days) == 9
    assert days[0] == ScheduleDay(D(2027, 1, 1), False, "元旦")
    assert days[-1] == ScheduleDay(D(2027, 2, 14), True, "春节调休")
    cal = store.calendar.calendar()
    assert cal.knows(2027)
    assert cal.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 14)
    with store.db.session() as s:
        assert load_calendar(s).knows(2027)


def test_import_is_captured_for_sync(store: Store) -> None:
    store.calendar.import_schedule(parse_schedule(FIRST))
    assert [c.op for c in _changes(store, "calendar_year")] == ["insert"]
    days = _changes(store, "calendar_day")
    assert len(days) == 9 and {c.op for c in days} == {"insert"}
    assert days[0].fields["workday"] in (False, 0)


def test_reimport_replaces_the_year(store: Store) -> None:
    store.calendar.import_schedule(parse_schedule(FIRST, source="old.txt"))
    store.calendar.import_schedule(parse_schedule(SECOND, source="new.txt"))
    assert store.calendar.sources() == {2027: "new.txt"}
    days = {d.day: d for d in store.calendar.days(2027)}
    assert D(2027, 2, 12) not in days and D(2027, 2, 14) not in days
    assert days[D(2027, 2, 20)].workday
    assert len(days) == 8
    cal = store.calendar.calendar()
    assert cal.is_workday(D(2027, 2, 12))  # a Friday again
    assert not cal.is_workday(D(2027, 2, 14))  # a Sunday again
    ops = [c.op for c in _changes(store, "calendar_day")]
    assert ops.count("delete") == 2  # 02-12 and 02-14 tombstoned, not deleted
    with store.db.session() as s:
        tombstones = s.scalars(select(m.CalendarDay).where(m.CalendarDay.deleted_at.is_not(None)))
        assert sorted(r.day for r in tombstones) == [D(2027, 2, 12), D(2027, 2, 14)]


def test_a_tombstoned_day_listed_again_is_revived(store: Store) -> None:
    store.calendar.import_schedule(parse_schedule(FIRST))
    store.calendar.import_schedule(parse_schedule(SECOND))
    store.calendar.import_schedule(parse_schedule(FIRST))
    assert len(store.calendar.days(2027)) == 9
    assert store.calendar.calendar().is_workday(D(2027, 2, 14))
    assert not store.calendar.calendar().is_workday(D(2027, 2, 20))


def test_import_leaves_other_years_alone(store: Store) -> None:
    store.calendar.import_schedule(parse_schedule(FIRST))
    store.calendar.import_schedule(parse_schedule("年份 2028\n2028-01-01 休 元旦"))
    assert store.calendar.loaded_years() == [2027, 2028]
    assert len(store.calendar.days(2027)) == 9
    assert len(store.calendar.days(2028)) == 1


def test_a_stray_day_is_refused_and_nothing_written(store: Store) -> None:
    bad = Schedule(years=(2027,), days=(ScheduleDay(D(2028, 1, 1), False),))
    with pytest.raises(ValidationError):
        store.calendar.import_schedule(bad)
    assert store.calendar.loaded_years() == []
