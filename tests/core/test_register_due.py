"""Who needs a service soon: turning 60/70/80 within a window (table tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.register_due import (
    Resident,
    Window,
    birth_date_of,
    birthday,
    check_ages,
    due_residents,
    turns,
    window,
    without_birth_date,
)
from tests.helpers.roster_builder import make_id

D = dt.date


@pytest.mark.parametrize(
    ("birth", "year", "expected"),
    [
        (D(1956, 11, 20), 2026, D(2026, 11, 20)),
        (D(1956, 2, 29), 2026, D(2026, 2, 28)),  # no 29 February in 2026
        (D(1956, 2, 29), 2028, D(2028, 2, 29)),
        (D(1956, 2, 29), 2100, D(2100, 2, 28)),  # 2100 is not a leap year
        (D(1956, 2, 29), 2000, D(2000, 2, 29)),  # 2000 is
        (D(1956, 2, 28), 2026, D(2026, 2, 28)),
        (D(1956, 3, 1), 2026, D(2026, 3, 1)),
        (D(1956, 12, 31), 2026, D(2026, 12, 31)),
    ],
)
def test_birthday(birth: dt.date, year: int, expected: dt.date) -> None:
    assert birthday(birth, year) == expected


@pytest.mark.parametrize(
    ("birth", "age", "expected"),
    [
        (D(1956, 11, 20), 70, D(2026, 11, 20)),
        (D(1966, 1, 1), 60, D(2026, 1, 1)),
        (D(1948, 2, 29), 80, D(2028, 2, 29)),
        (D(1952, 2, 29), 70, D(2022, 2, 28)),
        (D(1952, 2, 29), 74, D(2026, 2, 28)),
    ],
)
def test_turns(birth: dt.date, age: int, expected: dt.date) -> None:
    assert turns(birth, age) == expected


@pytest.mark.parametrize(
    ("today", "within", "first", "last"),
    [
        (D(2026, 11, 20), None, D(2026, 11, 1), D(2026, 12, 31)),  # this month and the next
        (D(2026, 12, 5), None, D(2026, 12, 1), D(2027, 1, 31)),  # over the new year
        (D(2027, 1, 15), None, D(2027, 1, 1), D(2027, 2, 28)),
        (D(2028, 1, 31), None, D(2028, 1, 1), D(2028, 2, 29)),
        (D(2026, 11, 20), 60, D(2026, 11, 20), D(2027, 1, 19)),
        (D(2026, 11, 20), 1, D(2026, 11, 20), D(2026, 11, 21)),
    ],
)
def test_window(today: dt.date, within: int | None, first: dt.date, last: dt.date) -> None:
    assert window(today, within) == Window(first, last)


@pytest.mark.parametrize("within", [0, -1, 367])
def test_window_refuses_odd_days(within: int) -> None:
    with pytest.raises(ValidationError, match="天数应为 1–366"):
        window(D(2026, 11, 20), within)


def test_ages_are_checked() -> None:
    assert check_ages([80, 60, 60]) == (60, 80)
    for ages, words in (([], "至少选择一个年龄"), ([0], "1–120"), ([70, 121], "121")):
        with pytest.raises(ValidationError, match=words):
            check_ages(ages)


def person(name: str, birth: dt.date | None, *, id_number: str = "", tags: tuple[str, ...] = (),
           household: str = "001") -> Resident:  # fmt: skip
    return Resident(
        person_id=name, name=name, birth_date=birth, id_number=id_number,
        household_id=household, household_number=household, tags=tags,
    )  # fmt: skip


def test_birth_date_from_the_register_else_the_id_number() -> None:
    from_id = person("甲", None, id_number=make_id("19561203", "021"))
    assert birth_date_of(from_id) == D(1956, 12, 3)
    assert birth_date_of(person("乙", D(1956, 1, 2), id_number=make_id("19561203", "021"))) == D(
        1956, 1, 2
    )
    assert birth_date_of(person("丙", None, id_number="43012119561203")) is None  # not valid
    assert birth_date_of(person("丁", None)) is None
    assert without_birth_date([from_id, person("丁", None)]) == 1


RESIDENTS = [
    person("王建明", D(1956, 11, 28), household="003"),
    person("李秀英", D(1956, 12, 31), tags=("低保户",), household="001"),
    person("张大爷", D(1956, 1, 5)),  # turned 70 already this year, before the window
    person("赵奶奶", D(1957, 1, 1)),  # turns 70 the day after the window
    person("刘阿姨", D(1966, 12, 10), tags=("低保户",)),  # turns 60
    person("陈老", None, id_number=make_id("19461102", "011")),  # 80, from the ID number
    person("孙老", D(1956, 11, 1), household="002"),  # the window's first day
    person("无生日", None),
]


def test_turning_70_this_month_or_next() -> None:
    span = window(D(2026, 11, 20))
    found = due_residents(RESIDENTS, [70], span)
    assert [(d.resident.name, d.on, d.age) for d in found] == [
        ("孙老", D(2026, 11, 1), 70),
        ("王建明", D(2026, 11, 28), 70),
        ("李秀英", D(2026, 12, 31), 70),
    ]
    assert found[0].service == "高龄津贴"


def test_several_ages_a_tag_and_within_days() -> None:
    span = window(D(2026, 11, 20))
    found = due_residents(RESIDENTS, [60, 70, 80], span)
    assert {(d.resident.name, d.age) for d in found} == {
        ("孙老", 70), ("王建明", 70), ("李秀英", 70), ("刘阿姨", 60), ("陈老", 80),
    }  # fmt: skip
    assert [d.service for d in found if d.age == 60] == ["老年优待证"]
    tagged = due_residents(RESIDENTS, [60, 70, 80], span, tag="低保户")
    assert [d.resident.name for d in tagged] == ["刘阿姨", "李秀英"]
    # within 10 days of the 20th: only the 28th
    soon = due_residents(RESIDENTS, [70], window(D(2026, 11, 20), 10))
    assert [d.resident.name for d in soon] == ["王建明"]


def test_29_february_in_a_common_year() -> None:
    leapling = person("闰日", D(1956, 2, 29))
    found = due_residents([leapling], [70], window(D(2026, 1, 10)))
    assert [(d.on, d.birth_date) for d in found] == [(D(2026, 2, 28), D(1956, 2, 29))]
    assert due_residents([leapling], [70], Window(D(2026, 3, 1), D(2026, 3, 31))) == []
    assert [d.on for d in due_residents([leapling], [72], window(D(2028, 2, 1)))] == [
        D(2028, 2, 29)
    ]
