"""急事急办: a grade A (重大紧急) item is promised fewer days than its domain's (issue 15)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.rules import (
    DAYS_MAX,
    DAYS_MIN,
    DOMAIN_DAYS,
    Deadlines,
    checked_grade_a_days,
    promised_days,
    urgent_days,
)


@pytest.mark.parametrize(
    ("domain_days", "expected"),
    [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (7, 4), (10, 5), (15, 8), (60, 30)],
)
def test_grade_a_gets_half_the_domains_days_rounded_up(domain_days: int, expected: int) -> None:
    assert urgent_days(domain_days) == expected
    assert promised_days(domain_days, "A") == expected


@pytest.mark.parametrize("grade", ["B", "C"])
def test_other_grades_get_the_domains_days(grade: str) -> None:
    assert promised_days(7, grade) == 7
    assert promised_days(7, grade, 2) == 7  # the A days are A's only


def test_set_a_days_win_but_never_exceed_the_domains() -> None:
    assert promised_days(10, "A", 2) == 2
    assert promised_days(10, "A", 10) == 10
    assert promised_days(5, "A", 8) == 5  # the domain's days were lowered since
    assert promised_days(5, "A", 0) == 1


@given(st.integers(DAYS_MIN, DAYS_MAX), st.none() | st.integers(-5, 100))
def test_a_is_never_slower_than_b_and_at_least_one_day(days: int, set_a: int | None) -> None:
    a = promised_days(days, "A", set_a)
    assert DAYS_MIN <= a <= promised_days(days, "B", set_a) == days


def test_deadlines_per_domain_and_grade() -> None:
    deadlines = Deadlines(DOMAIN_DAYS, {"基础设施": 5})
    assert deadlines.days("矛盾纠纷", "B") == 7
    assert deadlines.days("矛盾纠纷", "A") == deadlines.urgent("矛盾纠纷") == 4
    assert deadlines.days("基础设施", "A") == 5
    assert deadlines.days("政策咨询", "A") == 2
    assert deadlines.days("不在列表", "A", unknown=6) == 3


def test_only_a_days_apart_from_the_default_are_kept() -> None:
    domains = {"矛盾纠纷": 7, "基础设施": 15}
    kept = checked_grade_a_days(domains, {"矛盾纠纷": 4, "基础设施": 3, "已删除": 2})
    assert kept == {"基础设施": 3}


@pytest.mark.parametrize("days", [0, 8])
def test_a_days_outside_1_to_the_domains_are_refused(days: int) -> None:
    with pytest.raises(ValidationError) as info:
        checked_grade_a_days({"矛盾纠纷": 7}, {"矛盾纠纷": days})
    assert info.value.data["field"] == "矛盾纠纷"
    assert "1–7 个工作日" in info.value.message
