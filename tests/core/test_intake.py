import datetime as dt

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.clock import Urgency, due_date, paused_workdays, urgency
from qunzhong_desktop.core.intake.rules import (
    DOMAIN_DAYS,
    Event,
    MoveRefused,
    check_move,
    check_new_item,
    current_state,
    item_number,
    new_query_code,
)
from qunzhong_desktop.core.intake.states import Role, State, allowed_targets, parse_state
from qunzhong_desktop.core.workcalendar import WorkCalendar

CAL = WorkCalendar()
T0 = dt.datetime(2026, 9, 30, 9)


def ev(to: State, *, at: dt.datetime = T0, frm: State | None = None, **data: object) -> Event:
    return Event(at, "x", frm, to, "", dict(data))


def test_item_number_and_query_code() -> None:
    assert item_number("430121101201", 2026, 7) == "430121101201-2026-00007"
    code = new_query_code()
    assert len(code) == 6 and not set(code) & set("01OIL")


def test_parse_state_accepts_codes_and_chinese() -> None:
    assert parse_state("办理中") is State.IN_PROGRESS
    assert parse_state("closed") is State.CLOSED
    assert parse_state("撤回") is State.WITHDRAWN
    with pytest.raises(ValueError):
        parse_state("处理完毕")


def test_allowed_targets_by_role() -> None:
    assert allowed_targets(None) == [State.REGISTERED]
    station = allowed_targets(State.REGISTERED)
    assert State.RESOLVED in station and State.ASSIGNED not in station
    assert allowed_targets(State.ESCALATED, Role.TOWNSHIP)[:2] == [
        State.AWAITING_ASSIGNMENT,
        State.ASSIGNED,
    ]
    assert allowed_targets(State.CLOSED) == []


def test_township_moves_are_refused_to_the_station() -> None:
    history = [ev(State.REGISTERED), ev(State.ESCALATED, frm=State.REGISTERED)]
    with pytest.raises(MoveRefused) as info:
        check_move(history, State.ASSIGNED, data={"unit": "民政办", "deadline": "2026-10-20"})
    assert info.value.code == "item.not_owner" and "乡镇" in info.value.message
    check_move(
        history,
        State.ASSIGNED,
        role=Role.TOWNSHIP,
        data={"unit": "民政办", "deadline": "2026-10-20"},
    )


def test_new_item_checks_each_field() -> None:
    good = dict(channel="来访", domain="教育", grade="B", item_type="承诺件", content="入学")
    check_new_item(requester_name="甲", domains=list(DOMAIN_DAYS), **good)
    for field, value, offered in [
        ("channel", "微信", "来访、来电"),
        ("domain", "天气", "、".join(DOMAIN_DAYS)),
        ("grade", "D", "A、B 或 C"),
        ("item_type", "急件", "即办件、承诺件"),
    ]:
        bad = {**good, field: value}
        with pytest.raises(ValidationError) as info:
            check_new_item(requester_name="甲", domains=list(DOMAIN_DAYS), **bad)
        assert info.value.data["field"] == ("type" if field == "item_type" else field)
        assert value in info.value.message and offered in info.value.message  # what would do


def test_due_date_over_national_day_and_pause() -> None:
    history = [ev(State.REGISTERED)]
    assert due_date(T0.date(), 5, history, CAL, T0.date()) == dt.date(2026, 10, 13)
    paused = [
        *history,
        ev(State.AWAITING_DOCUMENTS, frm=State.REGISTERED),
        ev(State.IN_PROGRESS, at=dt.datetime(2026, 10, 9, 10), frm=State.AWAITING_DOCUMENTS),
    ]
    assert paused_workdays(paused, CAL, dt.date(2026, 10, 20)) == 2  # 8 and 9 October
    assert due_date(T0.date(), 5, paused, CAL, dt.date(2026, 10, 20)) == dt.date(2026, 10, 15)
    assert current_state(paused) is State.IN_PROGRESS


def test_urgency_colours() -> None:
    due = dt.date(2026, 10, 13)
    assert urgency(State.IN_PROGRESS, due, CAL, dt.date(2026, 10, 8)) is Urgency.ON_TIME
    assert urgency(State.IN_PROGRESS, due, CAL, dt.date(2026, 10, 12)) is Urgency.DUE_SOON
    assert urgency(State.IN_PROGRESS, due, CAL, dt.date(2026, 10, 14)) is Urgency.OVERDUE
    assert urgency(State.AWAITING_DOCUMENTS, due, CAL, dt.date(2026, 10, 14)) is Urgency.PAUSED
    assert urgency(State.CLOSED, due, CAL, dt.date(2026, 12, 1)) is Urgency.DONE


def test_an_assignment_deadline_must_be_a_date() -> None:
    # found by the items state machine: a bad deadline crashed the store's due-date step
    from qunzhong_desktop.core.intake.rules import MoveRefused, check_move

    events = [
        Event(dt.datetime(2026, 11, 2, 9), "站", None, State.REGISTERED, "", {}),
        Event(dt.datetime(2026, 11, 2, 9), "站", State.REGISTERED, State.ESCALATED, "", {}),
    ]
    with pytest.raises(MoveRefused) as caught:
        check_move(
            events,
            State.ASSIGNED,
            role=Role.TOWNSHIP,
            note="",
            data={"unit": "民政办", "deadline": "满意"},
        )
    assert caught.value.code == "item.deadline_invalid" and "满意" in caught.value.message
