"""代办: the agency fields, its records, and the two moves of collection (core rules)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.agency import (
    Agency,
    AgencyEntry,
    check_agency,
    check_collection_days,
    check_entry,
)
from qunzhong_desktop.core.intake.rules import Event, MoveRefused, check_move, offered_targets
from qunzhong_desktop.core.intake.states import (
    DONE,
    STATE_NAMES,
    State,
    allowed_targets,
    parse_state,
)
from qunzhong_desktop.core.intake.worklists import view_filter

RECEIVED = dt.date(2026, 11, 2)
TODAY = dt.date(2026, 11, 20)
T0 = dt.datetime(2026, 11, 2, 9)
NOW = dt.datetime(2026, 11, 20, 10)


def fields(**values: Any) -> Agency:
    base: dict[str, Any] = dict(
        mode="上门代办", auth_on=dt.date(2026, 11, 3), auth_kind="书面", agent=" 张 华 ",
        office="  县政务服务中心 ",
    )  # fmt: skip
    base.update(values)
    return Agency(**base)


def test_agency_fields_are_cleaned() -> None:
    fixed = check_agency(fields(), received=RECEIVED, today=TODAY)
    assert (fixed.agent, fixed.office) == ("张华", "县政务服务中心")
    assert fixed.active and fixed.authorised
    # an authorisation still to come (委托待补): the item made from the register
    later = check_agency(fields(auth_on=None, auth_kind=""), received=RECEIVED, today=TODAY)
    assert later.active and not later.authorised
    # at the station, no agent needed
    check_agency(fields(mode="定点代办", agent=""), received=RECEIVED, today=TODAY)


@pytest.mark.parametrize(
    ("values", "name", "words"),
    [
        ({"mode": "代跑"}, "mode", "代办方式"),
        ({"mode": ""}, "mode", "代办方式"),
        ({"auth_on": dt.date(2026, 11, 21)}, "auth_on", "不能晚于今天"),
        ({"auth_on": dt.date(2026, 11, 1)}, "auth_on", "不能早于事项受理日期"),
        ({"auth_kind": "电话"}, "auth_kind", "书面或口头"),
        ({"auth_kind": ""}, "auth_kind", "书面或口头"),
        ({"auth_on": None}, "auth_on", "委托日期"),
        ({"agent": "  "}, "agent", "上门代办须填写代办干部"),
        ({"mode": "流动代办", "agent": ""}, "agent", "流动代办须填写代办干部"),
        ({"agent": "张" * 51}, "agent", "最多 50 个字"),
        ({"office": "办" * 101}, "office", "最多 100 个字"),
    ],
)
def test_wrong_agency_fields_are_refused_in_chinese(
    values: dict[str, Any], name: str, words: str
) -> None:
    with pytest.raises(ValidationError) as info:
        check_agency(fields(**values), received=RECEIVED, today=TODAY)
    assert info.value.data["field"] == name
    assert words in info.value.message


def test_entries() -> None:
    entry = check_entry(
        AgencyEntry("收件", dt.date(2026, 11, 3), " 户口本  原件 "), received=RECEIVED, today=TODAY
    )
    assert entry.text == "户口本 原件"
    for kind, day, text, words in [
        ("退件", TODAY, "x", "收件、还件或进展"),
        ("收件", TODAY + dt.timedelta(days=1), "x", "不能晚于今天"),
        ("进展", RECEIVED - dt.timedelta(days=1), "x", "不能早于"),
        ("收件", TODAY, "  ", "收到群众的哪些材料"),
        ("还件", TODAY, "", "退还群众的哪些材料"),
        ("进展", TODAY, "", "办理进展"),
        ("进展", TODAY, "字" * 501, "最多 500 个字"),
    ]:
        with pytest.raises(ValidationError) as info:
            check_entry(AgencyEntry(kind, day, text), received=RECEIVED, today=TODAY)
        assert words in info.value.message, (kind, info.value.message)


def test_collection_days_setting() -> None:
    assert check_collection_days(5) == 5
    for days in (0, 61, -3):
        with pytest.raises(ValidationError, match="待领取提醒天数"):
            check_collection_days(days)


# the moves ----------------------------------------------------------------------------------
def resolved() -> list[Event]:
    return [
        Event(T0, "x", None, State.REGISTERED),
        Event(T0, "x", State.REGISTERED, State.IN_PROGRESS),
        Event(NOW - dt.timedelta(days=2), "x", State.IN_PROGRESS, State.RESOLVED,
              data={"result": "已办好"}),
    ]  # fmt: skip


def then(events: list[Event], target: State, **data: Any) -> list[Event]:
    return [*events, Event(NOW, "x", events[-1].to_state, target, data=data)]


TOLD = {"notified_on": "2026-11-19", "how": "电话"}
TAKEN = {"collected_on": "2026-11-20", "by": "本人"}


def test_the_states_and_their_names() -> None:
    assert STATE_NAMES[State.NOTIFIED] == "已通知领取" and STATE_NAMES[State.COLLECTED] == "已领取"
    assert parse_state("已通知领取") is State.NOTIFIED and parse_state("通知领取") is State.NOTIFIED
    assert parse_state("已领取") is State.COLLECTED and parse_state("collected") is State.COLLECTED
    assert {State.NOTIFIED, State.COLLECTED} <= DONE  # the reports count them as 办结
    assert allowed_targets(State.RESOLVED) == [
        State.NOTIFIED, State.COLLECTED, State.FOLLOWED_UP,
    ]  # fmt: skip
    assert allowed_targets(State.NOTIFIED) == [State.COLLECTED]
    assert allowed_targets(State.COLLECTED) == [State.FOLLOWED_UP]
    assert view_filter("collect").states == (State.NOTIFIED,)
    assert State.COLLECTED in view_filter("follow_up").states


def test_an_agency_item_is_notified_collected_then_followed_up() -> None:
    events = resolved()
    assert offered_targets(events, State.RESOLVED, agency="上门代办") == [
        State.NOTIFIED, State.COLLECTED,
    ]  # fmt: skip
    check_move(events, State.NOTIFIED, data=TOLD, agency="上门代办", at=NOW)
    told = then(events, State.NOTIFIED, **TOLD)
    assert offered_targets(told, State.NOTIFIED, agency="上门代办") == [State.COLLECTED]
    check_move(told, State.COLLECTED, data=TAKEN, agency="上门代办", at=NOW)
    taken = then(told, State.COLLECTED, **TAKEN)
    assert offered_targets(taken, State.COLLECTED, agency="上门代办") == [State.FOLLOWED_UP]
    check_move(taken, State.FOLLOWED_UP, data={"satisfaction": "满意"}, agency="上门代办")
    # told and collected at once: the resident came for it unannounced
    check_move(events, State.COLLECTED, data=TAKEN, agency="定点代办", at=NOW)


def test_other_items_have_no_collection_and_follow_up_at_once() -> None:
    events = resolved()
    assert offered_targets(events, State.RESOLVED) == [State.FOLLOWED_UP]
    check_move(events, State.FOLLOWED_UP, data={"satisfaction": "满意"})
    for target, data in ((State.NOTIFIED, TOLD), (State.COLLECTED, TAKEN)):
        with pytest.raises(MoveRefused) as info:
            check_move(events, target, data=data, agency="", at=NOW)
        assert info.value.code == "item.not_agency" and "不是代办事项" in info.value.message
        check_move(events, target, data=data, at=NOW)  # None: not known here, not checked


def test_an_agency_item_is_followed_up_only_once_collected() -> None:
    with pytest.raises(MoveRefused) as info:
        check_move(resolved(), State.FOLLOWED_UP, data={"satisfaction": "满意"}, agency="定点代办")
    assert info.value.code == "item.collect_first"
    assert "领取后再回访" in info.value.message
    told = then(resolved(), State.NOTIFIED, **TOLD)
    with pytest.raises(MoveRefused) as info:
        check_move(told, State.FOLLOWED_UP, data={"satisfaction": "满意"}, agency="定点代办")
    assert info.value.code == "item.move_refused"


@pytest.mark.parametrize(
    ("target", "data", "code", "words"),
    [
        (State.NOTIFIED, {"notified_on": "2026-11-19"}, "item.how_required", "通知方式"),
        (State.NOTIFIED, {**TOLD, "how": "飞鸽"}, "item.how_required", "通知方式"),
        (State.NOTIFIED, {"how": "电话"}, "item.day_invalid", "通知日期"),
        (State.NOTIFIED, {**TOLD, "notified_on": "11月19日"}, "item.day_invalid", "年-月-日"),
        (State.NOTIFIED, {**TOLD, "notified_on": "2026-11-21"}, "item.day_in_future", "晚于今天"),
        (State.NOTIFIED, {**TOLD, "notified_on": "2026-11-01"}, "item.day_too_early", "受理日期"),
        (State.COLLECTED, {"collected_on": "2026-11-20"}, "item.collector_required", "领取人"),
        (State.COLLECTED, {**TAKEN, "by": "  "}, "item.collector_required", "领取人"),
        (State.COLLECTED, {**TAKEN, "by": "王" * 51}, "item.too_long", "最多 50 个字"),
        (State.COLLECTED, {"by": "本人"}, "item.day_invalid", "领取日期"),
        (State.COLLECTED, {**TAKEN, "collected_on": "2026-12-01"}, "item.day_in_future", "今天"),
    ],
)
def test_the_data_of_collection(target: State, data: dict[str, Any], code: str, words: str) -> None:
    with pytest.raises(MoveRefused) as info:
        check_move(resolved(), target, data=data, agency="上门代办", at=NOW)
    assert info.value.code == code and words in info.value.message


def test_nobody_collects_before_being_told() -> None:
    told = then(resolved(), State.NOTIFIED, **TOLD)
    early = {**TAKEN, "collected_on": "2026-11-18"}
    with pytest.raises(MoveRefused) as info:
        check_move(told, State.COLLECTED, data=early, agency="上门代办", at=NOW)
    assert info.value.code == "item.collected_before_notified"
    assert "2026-11-19" in info.value.message
    # …nor before the work is done: an item still in progress is not collected
    in_progress = resolved()[:2]
    with pytest.raises(MoveRefused) as info:
        check_move(in_progress, State.COLLECTED, data=TAKEN, agency="上门代办", at=NOW)
    assert info.value.code == "item.move_refused"
