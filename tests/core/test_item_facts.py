"""An item's kept facts say what its whole history says (the store counts settled items by them)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.facts import DONE_STATES, fact_of, flows_of
from qunzhong_desktop.core.monthly.items import due_in_force, first_time, replay
from qunzhong_desktop.core.monthly.period import between, month
from tests.helpers.monthly_data import ITEMS, Weekdays

CAL = Weekdays()
EVER = between(dt.date(2020, 1, 1), dt.date(2029, 12, 31))


def test_a_fact_is_what_the_whole_history_says() -> None:
    record = ITEMS[0]  # A: resolved 5 Nov on time and first time, followed up 满意
    fact = fact_of("a", record, CAL)
    assert fact.resolved_at == dt.datetime(2026, 11, 5, 9)
    assert (fact.first_time, fact.on_time, fact.due_on) == (True, True, None)
    assert fact.state in DONE_STATES
    assert fact.settled(month(2026, 11).end) and not fact.settled(dt.datetime(2026, 11, 5))
    assert [(f.position, f.satisfaction) for f in flows_of("a", record)] == [(3, "满意")]


def test_every_fixture_item_s_facts_agree_with_the_replay_rules() -> None:
    for index, source in enumerate(ITEMS):
        record = dataclasses.replace(source, competent_unit=" 民政办 ", paired_unit="镇林业站 ")
        fact = fact_of(str(index), record, CAL)
        state, resolution, unit_at_end, unit_at_resolution = replay(record.events, EVER)
        assert fact.state is state and fact.assigned_unit == unit_at_end
        assert fact.competent_now == (unit_at_end or "民政办") and fact.paired == "镇林业站"
        if resolution is None:
            assert fact.resolved_at is None and not fact.first_time
            continue
        history = record.events[: resolution + 1]
        day = history[-1].at.date()
        assert fact.resolved_at == history[-1].at
        assert fact.resolved_unit == unit_at_resolution
        assert fact.first_time == first_time(history, record.item_type)
        assert fact.on_time == (day <= due_in_force(record, history, CAL, day))
        if state is State.IN_PROGRESS:
            assert fact.due_on == due_in_force(record, record.events, CAL, dt.date(2030, 1, 1))
    assert any(fact_of(str(i), r, CAL).assigned_unit for i, r in enumerate(ITEMS))
