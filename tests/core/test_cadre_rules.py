"""How days count for the cadre rules (issue 15, item 2): properties over any diary month."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.cadre_rules import (
    CATEGORIES,
    DEFAULT_RULES,
    DiaryDay,
    RulesInvalid,
    duty_days,
    in_village,
    parse_rules,
    rules_json,
    village_days,
    with_changes,
)
from qunzhong_desktop.core.diary import KINDS

days = st.dates(min_value=dt.date(2026, 11, 1), max_value=dt.date(2026, 11, 30))
entries = st.lists(
    st.builds(DiaryDay, days, st.sampled_from(KINDS), st.sampled_from(["", "村委会"])),
    max_size=60,
)


@given(entries)
def test_a_day_counts_once_and_duty_days_are_days_in_the_village(
    month: list[DiaryDay],
) -> None:
    village, duty = village_days(month), duty_days(month)
    assert len(village) <= len({e.day for e in month}) <= 30  # each day once
    assert duty <= village  # a duty day at the village service point is a day there
    assert duty == {e.day for e in month if e.kind == "坐班接待"}
    # entering a day twice changes nothing
    assert village_days(month + month) == village


@given(entries)
def test_phone_follow_ups_count_only_with_a_place(month: list[DiaryDay]) -> None:
    calls = [e for e in month if e.kind == "电话回访"]
    others = [e for e in month if e.kind != "电话回访"]
    with_place = {e.day for e in calls if e.place}
    assert village_days(month) == village_days(others) | with_place
    assert not village_days([DiaryDay(e.day, e.kind) for e in calls])


def test_the_kinds_that_are_days_in_the_village() -> None:
    assert [k for k in KINDS if in_village(k)] == [
        "入户走访",
        "集中工作日",
        "坐班接待",
        "民情恳谈会",
    ]
    assert in_village("电话回访", "三组") and not in_village("电话回访", "  ")


def test_the_table_round_trips_and_refuses_nonsense() -> None:
    assert parse_rules(rules_json(DEFAULT_RULES)) == DEFAULT_RULES
    assert [r.category for r in parse_rules([])] == list(CATEGORIES)  # the defaults fill in
    changed = with_changes(DEFAULT_RULES, "村两委其他干部", paired=(2, 4))
    assert parse_rules(rules_json(changed))[4].paired == (2, 4)
    for bad in (
        [{"category": "村长"}],
        [{"category": "党员"}, {"category": "党员"}],
        [{"category": "党员", "village_days": 40}],
        [{"category": "党员", "paired": [5, 3]}],
        [{"category": "党员", "year_share": [0, 3]}],
        "not a list",
    ):
        with pytest.raises(RulesInvalid):
            parse_rules(bad)
