"""Property tests of the five steps: random moves against the state machine and its rules,
and the working-day clock against the calendar."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.intake.agency import NOTIFY_WAYS
from qunzhong_desktop.core.intake.clock import due_date, paused_workdays
from qunzhong_desktop.core.intake.rules import (
    FOLLOW_UP_WAYS,
    SATISFACTION,
    Event,
    MoveRefused,
    check_move,
    current_state,
    offered_targets,
)
from qunzhong_desktop.core.intake.states import (
    COLLECTION,
    FINAL,
    MOVES,
    Role,
    State,
    allowed_targets,
)
from qunzhong_desktop.core.workcalendar import WorkCalendar
from tests.helpers.intake_strategies import data_values, draw_target, notes, valid_move_data

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CODES = {
    "item.move_refused",
    "item.not_owner",
    "item.reason_required",
    "item.result_required",
    "item.satisfaction_required",
    "item.way_invalid",
    "item.reopen_refused",
    "item.close_refused",
    "item.assignment_incomplete",
    "item.deadline_invalid",
    "item.not_agency",
    "item.collect_first",
    "item.how_required",
    "item.collector_required",
    "item.day_invalid",
    "item.day_too_early",
    "item.collected_before_notified",
    "item.department_required",
    "item.days_invalid",
}
START = dt.datetime(2025, 3, 3, 9, 0)


def expected_refusal(
    events: list[Event],
    target: State,
    role: Role,
    note: str,
    data: dict[str, Any],
    agency: str = "",
) -> str | None:
    """The spec, written out independently of check_move: the code a move is refused with,
    or None when it is allowed (DOMAIN.md, "Intake and the five steps", "代办")."""
    state = current_state(events)
    if state is None:
        return None if target is State.REGISTERED else "item.move_refused"
    roles = MOVES.get((state, target))
    if roles is None:
        return "item.move_refused"
    if role not in roles:
        return "item.not_owner"
    if target in COLLECTION and not agency:
        return "item.not_agency"
    if agency and state is State.RESOLVED and target is State.FOLLOWED_UP:
        return "item.collect_first"
    refusal = _expected_data_refusal(events, state, target, note, data)
    if refusal is None and target in COLLECTION:
        return _expected_collection_refusal(events, state, target, data)
    return refusal


def _expected_collection_refusal(
    events: list[Event], state: State, target: State, data: dict[str, Any]
) -> str | None:
    if target is State.NOTIFIED and data.get("how") not in NOTIFY_WAYS:
        return "item.how_required"
    if target is State.COLLECTED and not str(data.get("by", "")).strip():
        return "item.collector_required"
    key = "notified_on" if target is State.NOTIFIED else "collected_on"
    try:
        day = dt.date.fromisoformat(str(data.get(key)))
    except ValueError:
        return "item.day_invalid"
    if day < events[0].at.date():
        return "item.day_too_early"
    told = events[-1].data.get("notified_on") if state is State.NOTIFIED else None
    if target is State.COLLECTED and told and dt.date.fromisoformat(told) > day:
        return "item.collected_before_notified"
    return None


def _expected_data_refusal(
    events: list[Event], state: State, target: State, note: str, data: dict[str, Any]
) -> str | None:
    if target in (State.REJECTED, State.WITHDRAWN, State.ESCALATED_COUNTY) and not note.strip():
        return "item.reason_required"
    if state is State.ESCALATED_COUNTY and target is State.AWAITING_ASSIGNMENT and not note.strip():
        return "item.reason_required"  # 退回乡镇 says why
    if target is State.RESOLVED and not str(data.get("result", note)).strip():
        return "item.result_required"
    if target is State.FOLLOWED_UP:
        if data.get("satisfaction") not in SATISFACTION:
            return "item.satisfaction_required"
        if data.get("way", "电话") not in FOLLOW_UP_WAYS:
            return "item.way_invalid"
    if target is State.IN_PROGRESS and state is State.FOLLOWED_UP:
        follow_ups = [e for e in events if e.to_state is State.FOLLOWED_UP]
        if follow_ups[-1].data.get("satisfaction") != "不满意":
            return "item.reopen_refused"
    if target is State.CLOSED and state is State.FOLLOWED_UP:
        follow_ups = [e for e in events if e.to_state is State.FOLLOWED_UP]
        if follow_ups[-1].data.get("satisfaction") == "不满意":
            return "item.close_refused"  # 不满意 reopens; it is never closed
    if target is State.COUNTY_ASSIGNED:
        days = data.get("days")
        if not str(data.get("department", "")).strip():
            return "item.department_required"
        if type(days) is not int or not 1 <= days <= 60:
            return "item.days_invalid"
        try:
            dt.date.fromisoformat(str(data.get("deadline", "")))
        except ValueError:
            return "item.deadline_invalid"
    if target is State.ASSIGNED and not (data.get("unit") and data.get("deadline")):
        return "item.assignment_incomplete"
    if target is State.ASSIGNED:
        try:
            dt.date.fromisoformat(str(data["deadline"]))
        except ValueError:
            return "item.deadline_invalid"
    return None


def check_history(events: list[Event]) -> None:
    """What every accepted history satisfies."""
    assert events[0].from_state is None and events[0].to_state is State.REGISTERED
    for before, after in itertools.pairwise(events):
        assert after.from_state is before.to_state
        assert before.to_state not in FINAL, "nothing follows a final state"
        assert before.at <= after.at
        if after.to_state is State.CLOSED:
            assert before.to_state is State.FOLLOWED_UP
            assert before.data["satisfaction"] != "不满意"
        if before.to_state is State.FOLLOWED_UP and after.to_state is State.IN_PROGRESS:
            assert before.data["satisfaction"] == "不满意"
    assert current_state(events) is events[-1].to_state


class MoveMachine(RuleBasedStateMachine):
    """One item's history, grown by random moves (most refused) and by allowed ones."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[Event] = []
        self.clock = START
        self.refused = 0
        self.agency = ""  # 代办 or not: drawn when the item is registered

    def _try(self, target: State, role: Role, note: str, data: dict[str, Any]) -> None:
        before = list(self.events)
        expected = expected_refusal(self.events, target, role, note, data, self.agency)
        try:
            check_move(self.events, target, role=role, note=note, data=data, agency=self.agency)
        except MoveRefused as exc:
            assert isinstance(exc, DomainError)
            assert exc.code in CODES and exc.message
            assert exc.code == expected, (exc.code, expected)
            assert self.events == before
            self.refused += 1
            return
        assert expected is None, expected
        self.clock += dt.timedelta(hours=5)
        previous = current_state(self.events)
        self.events.append(Event(self.clock, "测试员", previous, target, note, data))

    @initialize(agency=st.sampled_from(["", "", "上门代办"]))
    def register(self, agency: str) -> None:
        self.agency = agency
        self._try(State.REGISTERED, Role.STATION, "受理登记", {})

    @rule(to=st.sampled_from(State), role=st.sampled_from(Role), note=notes, data=data_values)
    def any_move(self, to: State, role: Role, note: str, data: dict[str, Any]) -> None:
        self._try(to, role, note, data)

    @precondition(lambda self: bool(allowed_targets(current_state(self.events), Role.STATION)))
    @rule(rng=st.data())
    def station_move(self, rng: st.DataObject) -> None:
        state = current_state(self.events)
        assert state is not None
        target = draw_target(rng, allowed_targets(state, Role.STATION))
        note, data = valid_move_data(rng, target)
        self._try(target, Role.STATION, note, data)

    @precondition(lambda self: bool(allowed_targets(current_state(self.events), Role.TOWNSHIP)))
    @rule(rng=st.data())
    def township_move(self, rng: st.DataObject) -> None:
        state = current_state(self.events)
        assert state is not None
        target = draw_target(rng, allowed_targets(state, Role.TOWNSHIP))
        note, data = valid_move_data(rng, target)
        self._try(target, Role.TOWNSHIP, note, data)

    @precondition(lambda self: bool(allowed_targets(current_state(self.events), Role.COUNTY)))
    @rule(rng=st.data())
    def county_move(self, rng: st.DataObject) -> None:
        state = current_state(self.events)
        assert state is not None
        target = draw_target(rng, allowed_targets(state, Role.COUNTY))
        note, data = valid_move_data(rng, target)
        if target is State.AWAITING_ASSIGNMENT:
            note = "请乡镇先行协调"
        self._try(target, Role.COUNTY, note, data)

    @invariant()
    def history_is_consistent(self) -> None:
        if self.events:
            check_history(self.events)

    @invariant()
    def a_final_state_allows_nothing(self) -> None:
        state = current_state(self.events)
        if state in FINAL:
            assert allowed_targets(state, Role.STATION) == []
            assert allowed_targets(state, Role.TOWNSHIP) == []
            assert allowed_targets(state, Role.COUNTY) == []


MoveMachine.TestCase.settings = settings(max_examples=120, stateful_step_count=30, deadline=None)
TestMoves = MoveMachine.TestCase


@pytest.mark.parametrize("agency", ["", "流动代办"])
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("state", [None, *State])
def test_allowed_targets_are_exactly_the_moves_the_rules_accept(
    state: State | None, role: Role, agency: str
) -> None:
    """Exhaustive: with valid data, check_move accepts exactly what offered_targets lists
    (allowed_targets less what the history refuses: here, 销号 after 不满意)."""
    events: list[Event] = []
    if state is not None:
        # a history ending in ``state``; a follow-up before it was 不满意, so reopening is open
        events = [Event(START, "x", None, State.REGISTERED)]
        if state is not State.REGISTERED:
            data = {"satisfaction": "不满意"} if state is State.FOLLOWED_UP else {}
            events.append(Event(START, "x", State.REGISTERED, state, data=data))
    allowed = offered_targets(events, state, role, agency)
    assert set(allowed) <= set(allowed_targets(state, role))
    for target in State:
        note, data = "理由", {"result": "已办理", "satisfaction": "满意", "way": "电话"}
        data |= {"unit": "镇社会事务办", "deadline": "2025-04-01"}
        data |= {"notified_on": "2025-03-03", "how": "电话", "collected_on": "2025-03-04"}
        data |= {"by": "本人", "department": "县人社局", "days": 10}
        try:
            check_move(events, target, role=role, note=note, data=data, agency=agency)
        except MoveRefused as exc:
            assert target not in allowed, (state, target, exc.code)
            assert exc.code in (
                "item.move_refused", "item.not_owner", "item.close_refused", "item.not_agency",
                "item.collect_first",
            )  # fmt: skip
        else:
            assert target in allowed, (state, target)


# --- the working-day clock --------------------------------------------------------------

BUNDLED = WorkCalendar()
bundled_days = st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))


@st.composite
def loaded_calendars(draw: st.DrawFn) -> tuple[WorkCalendar, dict[dt.date, bool]]:
    """A calendar with a user-loaded 2027: random holidays on weekdays, random 班 weekends."""
    days = draw(
        st.dictionaries(st.dates(dt.date(2027, 1, 1), dt.date(2027, 12, 31)), st.booleans())
    )
    loaded = {day: workday for day, workday in days.items() if workday != (day.weekday() < 5)}
    return WorkCalendar(loaded, [2027]), loaded


def _is_day_off(calendar: WorkCalendar, day: dt.date) -> bool:
    if day.year in range(2004, 2027):  # independent oracle for the bundled years
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day)
    return not calendar.is_workday(day)


@SETTINGS
@given(start=bundled_days, days=st.integers(0, 30))
def test_deadlines_on_the_bundled_calendar_are_workdays(start: dt.date, days: int) -> None:
    due = BUNDLED.add_workdays(start, days)
    if days > 0:
        assert not _is_day_off(BUNDLED, due)
        assert due > start
    else:
        assert due == start
    assert BUNDLED.workdays_between(start, due) == days


@SETTINGS
@given(
    calendar=loaded_calendars(),
    start=st.dates(dt.date(2026, 11, 1), dt.date(2027, 12, 31)),
    days=st.integers(0, 30),
)
def test_deadlines_on_a_loaded_year_are_workdays(
    calendar: tuple[WorkCalendar, dict[dt.date, bool]], start: dt.date, days: int
) -> None:
    calendar, loaded = calendar
    due = calendar.add_workdays(start, days)
    if days > 0:
        assert calendar.is_workday(due)
        if due.year == 2027:  # a loaded 休 is off, a loaded 班 on, else the plain week
            assert loaded.get(due, due.weekday() < 5)
        elif due.year == 2026:
            assert chinese_calendar.is_workday(due)
        else:  # a year known to neither counts weekends only
            assert due.weekday() < 5
    assert calendar.workdays_between(start, due) == days
    assert calendar.workdays_between(start, calendar.add_workdays(start, days + 1)) == days + 1


@st.composite
def paused_histories(draw: st.DrawFn) -> tuple[dt.date, list[Event], dt.date]:
    """Intake on a random day, then pauses (待补件) and resumptions at random gaps;
    the last pause may still be open."""
    received = draw(bundled_days)
    at = dt.datetime.combine(received, dt.time(9))
    events = [Event(at, "x", None, State.REGISTERED)]
    state = State.REGISTERED
    for _ in range(draw(st.integers(0, 4))):
        at += dt.timedelta(days=draw(st.integers(0, 20)), hours=1)
        target = State.AWAITING_DOCUMENTS if state is not State.AWAITING_DOCUMENTS else None
        target = target or State.IN_PROGRESS
        events.append(Event(at, "x", state, target))
        state = target
    today = at.date() + dt.timedelta(days=draw(st.integers(0, 20)))
    return received, events, today


@SETTINGS
@given(history=paused_histories(), days=st.integers(1, 30))
def test_paused_clock_keeps_deadlines_on_workdays(
    history: tuple[dt.date, list[Event], dt.date], days: int
) -> None:
    received, events, today = history
    paused = paused_workdays(events, BUNDLED, today)
    due = due_date(received, days, events, BUNDLED, today)
    assert not _is_day_off(BUNDLED, due)
    assert BUNDLED.workdays_between(received, due) == days + paused
    # each pause adds exactly the working days it lasted
    expected = 0
    since: dt.date | None = None
    for event in events:
        if event.to_state is State.AWAITING_DOCUMENTS:
            since = event.at.date()
        elif since is not None:
            expected += BUNDLED.workdays_between(since, event.at.date())
            since = None
    if since is not None:
        expected += BUNDLED.workdays_between(since, today)
    assert paused == expected
    assert due >= BUNDLED.add_workdays(received, days)


@SETTINGS
@given(start=bundled_days, a=st.integers(0, 30), b=st.integers(0, 30))
def test_adding_workdays_composes(start: dt.date, a: int, b: int) -> None:
    assert BUNDLED.add_workdays(BUNDLED.add_workdays(start, a), b) == BUNDLED.add_workdays(
        start, a + b
    )
