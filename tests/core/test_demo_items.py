import datetime as dt
import itertools
from collections import Counter

import pytest

from qunzhong_desktop.core import phone
from qunzhong_desktop.core.intake.clock import Urgency, urgency
from qunzhong_desktop.core.intake.rules import (
    CHANNELS,
    DOMAIN_DAYS,
    GRADES,
    INITIAL_MOVE,
    ITEM_TYPES,
    check_move,
    promised_days,
)
from qunzhong_desktop.core.intake.states import AT_COUNTY, CLOCK_RUNNING, Role, State
from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.demo.items import (
    STORIES,
    DemoItem,
    demo_due,
    generate_items,
    is_overdue,
    station_part,
)
from qunzhong_desktop.demo.village import DemoData, generate

TODAY = dt.date(2025, 6, 3)
CODE = "430121101201"
CALENDAR = WorkCalendar()


@pytest.fixture(scope="module")
def village() -> DemoData:
    return generate(CODE, "白沙村", households=300, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def items(village: DemoData) -> list[DemoItem]:
    return generate_items(
        village, count=200, seed=7, today=TODAY, operator="李秀英", township_steps=True
    )


def test_every_state_and_every_story_occurs(items: list[DemoItem]) -> None:
    states = Counter(item.state for item in items)
    # the demo stands for a station and its township: matters at the county (上报县, 县已交办)
    # come only from a county's work
    assert set(states) == set(State) - AT_COUNTY
    assert {(i.item_type, tuple(e.to_state for e in i.events[1:])) for i in items} >= {
        (kind, moves) for kind, moves, _ in STORIES
    }
    # a small count still has every state
    village = generate(CODE, "白沙村", households=5, seed=1, today=TODAY)
    few = generate_items(village, count=len(STORIES), township_steps=True)
    assert {item.state for item in few} == set(State) - AT_COUNTY


def test_a_station_demo_writes_only_the_stations_steps(village: DemoData) -> None:
    station = generate_items(village, count=200, seed=7, today=TODAY)
    assert {role for item in station for role in item.roles} == {Role.STATION}
    states = {item.state for item in station}
    assert states == set(State) - {State.AWAITING_ASSIGNMENT, State.ASSIGNED} - AT_COUNTY
    # every story is there up to where the township's part begins
    assert {(i.item_type, tuple(e.to_state for e in i.events[1:])) for i in station} == {
        station_part(story)[:2] for story in STORIES
    }


def test_histories_pass_the_state_machine(items: list[DemoItem]) -> None:
    for item in items:
        events = item.events
        assert events[0].to_state is State.REGISTERED and events[0].at == item.received_at
        for index, (event, role) in enumerate(zip(events, item.roles, strict=True)):
            check_move(events[:index], event.to_state, role=role, note=event.note, data=event.data)
            assert event.from_state is (events[index - 1].to_state if index else None)
            assert event.at.date() <= TODAY
            if index:
                assert event.at >= events[index - 1].at
        initial = INITIAL_MOVE[item.item_type]
        if initial is not None:
            assert events[1].to_state is initial and events[1].at == item.received_at


def test_reopened_escalated_and_township_moves_are_there(items: list[DemoItem]) -> None:
    paths = [[e.to_state for e in item.events] for item in items]
    reopened = [
        item
        for item, path in zip(items, paths, strict=True)
        if any(
            a is State.FOLLOWED_UP and b is State.IN_PROGRESS for a, b in itertools.pairwise(path)
        )
    ]
    assert reopened
    for item in reopened:
        follow_ups = [e for e in item.events if e.to_state is State.FOLLOWED_UP]
        assert follow_ups[0].data["satisfaction"] == "不满意"
    assigned = [e for item in items for e in item.events if e.to_state is State.ASSIGNED]
    assert assigned and all(e.data["unit"] and e.data["deadline"] for e in assigned)
    township = {
        e.to_state
        for item in items
        for e, role in zip(item.events, item.roles, strict=True)
        if role.value == "township"
    }
    assert {State.AWAITING_ASSIGNMENT, State.ASSIGNED, State.RESOLVED} <= township


def test_some_open_items_are_overdue_most_are_not(items: list[DemoItem]) -> None:
    running = [item for item in items if item.state in CLOCK_RUNNING]
    overdue = [item for item in running if is_overdue(item, TODAY)]
    assert 0.1 * len(running) <= len(overdue) <= 0.5 * len(running)
    assert all(urgency(i.state, i.due_on, CALENDAR, TODAY) is Urgency.OVERDUE for i in overdue)
    assert any(urgency(i.state, i.due_on, CALENDAR, TODAY) is Urgency.ON_TIME for i in running)


def test_fields_are_plausible(items: list[DemoItem], village: DemoData) -> None:
    for item in items:
        assert item.channel in CHANNELS and item.domain in DOMAIN_DAYS
        assert item.grade in GRADES and item.item_type in ITEM_TYPES and item.content
        days = promised_days(DOMAIN_DAYS[item.domain], item.grade)  # grade A: 急事急办
        assert item.promised_days == (0 if item.item_type == "即办件" else days)
        assert item.due_on == demo_due(item, CALENDAR)
        if item.promised_days and item.state is not State.ASSIGNED:
            assert CALENDAR.is_workday(item.due_on)
        assert len(item.query_code) == 6 and item.handler
        if item.requester is not None:
            person = village.households[item.requester[0]].household.members[item.requester[1]]
            assert person.name == item.requester_name
            assert person.birth_date is not None and person.birth_date.year <= TODAY.year - 18
        assert not item.requester_phone or phone.is_valid(item.requester_phone)
    assert sum(item.requester is not None for item in items) > 0.8 * len(items)
    assert "李秀英" in {item.handler for item in items}
    assert len({item.domain for item in items}) >= 10
    assert items == sorted(items, key=lambda i: i.received_at)


def test_same_seed_same_items(village: DemoData) -> None:
    def snapshot(seed: int) -> list[tuple[object, ...]]:
        found = generate_items(village, count=40, seed=seed, today=TODAY)
        return [(i.received_at, i.content, i.requester_name, i.state, i.query_code) for i in found]

    assert snapshot(3) == snapshot(3)
    assert snapshot(3) != snapshot(4)


def test_no_households_means_outsiders_and_zero_means_none() -> None:
    empty = DemoData()
    found = generate_items(empty, count=30, seed=1, today=TODAY)
    assert all(item.requester is None and item.requester_name for item in found)
    assert generate_items(empty, count=0, today=TODAY) == []
    with pytest.raises(ValueError):
        generate_items(empty, count=-1)


def test_agency_items_carry_their_fields_and_records(items: list[DemoItem]) -> None:
    """代办: every item told to collect or collected is 代办, with what was handed in."""
    collecting = [
        i for i in items if {State.NOTIFIED, State.COLLECTED} & {e.to_state for e in i.events}
    ]
    assert collecting
    for item in collecting:
        assert item.agency.active and item.agency.auth_on == item.received_at.date()
        assert item.agency_entries[0].kind == "收件"
        check_move(item.events[:-1], item.events[-1].to_state, agency=item.agency.mode,
                   data=item.events[-1].data)  # fmt: skip
    assert not [i for i in items if i.agency.active and i not in collecting]
