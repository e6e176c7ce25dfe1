"""The rules of an assistance case: a need's checking steps, help only on a checked need."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.assistance import AssistanceRecord, checked_assistance
from qunzhong_desktop.core.assistance_case import (
    NEED_STATE_NAMES,
    Need,
    NeedState,
    NeedStep,
    Step,
    StepRefused,
    allowed_steps,
    checked_need,
    checked_step,
    fen_text,
    may_receive_help,
    next_state,
    state_after,
    yuan_to_fen,
)
from qunzhong_desktop.core.errors import ValidationError

DAY = dt.date(2026, 11, 2)
R, V, OK, BACK, DONE = (
    NeedState.REPORTED,
    NeedState.VILLAGE_CHECKED,
    NeedState.VERIFIED,
    NeedState.RETURNED,
    NeedState.CLOSED,
)


def steps(*kinds: Step) -> list[NeedStep]:
    return [NeedStep(kind, DAY, "王网长", "原因") for kind in kinds]


@pytest.mark.parametrize(
    ("path", "state"),
    [
        ((Step.REPORT,), R),
        ((Step.REPORT, Step.VILLAGE_CHECK), V),
        ((Step.REPORT, Step.VILLAGE_CHECK, Step.TOWNSHIP_CHECK), OK),
        ((Step.REPORT, Step.SEND_BACK), BACK),
        ((Step.REPORT, Step.VILLAGE_CHECK, Step.SEND_BACK), BACK),
        ((Step.REPORT, Step.SEND_BACK, Step.RESUBMIT, Step.VILLAGE_CHECK), V),
        ((Step.REPORT, Step.VILLAGE_CHECK, Step.TOWNSHIP_CHECK, Step.CLOSE), DONE),
        ((Step.REPORT, Step.VILLAGE_CHECK, Step.TOWNSHIP_CHECK, Step.CLOSE, Step.REOPEN), OK),
    ],
)
def test_the_checking_path(path: tuple[Step, ...], state: NeedState) -> None:
    assert state_after(steps(*path)) is state


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ((Step.VILLAGE_CHECK,), "需求现在是“未报告”，不能村党组织初核；可以：网长报告。"),
        ((Step.REPORT, Step.TOWNSHIP_CHECK), "不能镇（县）复核；可以：村党组织初核、退回。"),
        ((Step.REPORT, Step.CLOSE), "需求现在是“待初核”，不能销号"),
        ((Step.REPORT, Step.VILLAGE_CHECK, Step.TOWNSHIP_CHECK, Step.SEND_BACK), "不能退回"),
        ((Step.REPORT, Step.REPORT), "不能网长报告"),
    ],
)
def test_steps_out_of_order_are_refused(path: tuple[Step, ...], message: str) -> None:
    with pytest.raises(StepRefused, match=message.replace("（", "\\（").replace("）", "\\）")):
        state_after(steps(*path))


@given(st.lists(st.sampled_from(list(Step)), max_size=12))
def test_any_accepted_sequence_ends_where_its_last_step_leads(kinds: list[Step]) -> None:
    """Property: a run of steps is taken up to the first refusal, and only allowed moves."""
    state: NeedState | None = None
    for kind in kinds:
        if kind not in allowed_steps(state):
            with pytest.raises(StepRefused):
                next_state(state, kind)
            break
        before, state = state, next_state(state, kind)
        # help is possible exactly after the second check, never after closing or a send-back
        assert may_receive_help(state) == (state is OK)
        if kind is Step.CLOSE:
            assert before is OK
        if kind is Step.TOWNSHIP_CHECK:
            assert before is V  # never without the village's check first
    assert state is None or state in NEED_STATE_NAMES


def test_a_need_is_checked_before_it_is_saved() -> None:
    need = Need(household_id="h", what="  房屋漏雨，需要维修  ", category="住房", reported_on=DAY)
    assert checked_need(need, DAY).what == "房屋漏雨，需要维修"
    bad = [
        (Need(household_id="", what="x", category="住房", reported_on=DAY), "household"),
        (Need(household_id="h", what=" ", category="住房", reported_on=DAY), "what"),
        (Need(household_id="h", what="x", category="吃饭", reported_on=DAY), "category"),
        (Need(household_id="h", what="x", category="住房", reported_on=DAY + dt.timedelta(1)),
         "reported_on"),
        (Need(household_id="h", what="x", category="住房", reported_on=DAY,
              time_limit=DAY - dt.timedelta(1)), "time_limit"),
    ]  # fmt: skip
    for need, field in bad:
        with pytest.raises(ValidationError) as info:
            checked_need(need, DAY)
        assert info.value.data["field"] == field


def test_a_send_back_a_close_and_a_reopen_need_their_note() -> None:
    for kind, words in ((Step.SEND_BACK, "退回的原因"), (Step.CLOSE, "帮扶结果"),
                        (Step.REOPEN, "重新打开的原因")):  # fmt: skip
        with pytest.raises(ValidationError, match=words):
            checked_step(NeedStep(kind, DAY, "李书记", " "), DAY, DAY)
    assert checked_step(NeedStep(Step.VILLAGE_CHECK, DAY, " 李书记 "), DAY, DAY).actor == "李书记"
    with pytest.raises(ValidationError, match="经办人"):
        checked_step(NeedStep(Step.VILLAGE_CHECK, DAY, ""), DAY, DAY)
    with pytest.raises(ValidationError, match="早于报告日期"):
        checked_step(NeedStep(Step.VILLAGE_CHECK, DAY - dt.timedelta(1), "李"), DAY, DAY)


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("1200", 120_000),
        ("1,200.5", 120_050),
        ("350.50元", 35_050),
        ("0.01", 1),
        ("", None),
        ("１２００．５", 120_050),
        ("1，200", 120_000),  # from a Chinese input method
    ],
)
def test_amounts_in_yuan(typed: str, fen: int | None) -> None:
    assert yuan_to_fen(typed) == fen


@pytest.mark.parametrize("typed", ["-5", "0", "1.234", "abc", "1e3", "1000001", "1.2.3", "一百"])
def test_absurd_amounts_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        yuan_to_fen(typed)
    assert info.value.data["field"] == "amount"


def test_amount_text() -> None:
    assert (fen_text(120_000), fen_text(35_050), fen_text(None)) == ("1,200", "350.50", "")


def test_help_kinds_and_amounts() -> None:
    base = AssistanceRecord(
        household_id="h", given_on=DAY, helping_unit="镇民政办", helper="王", content="慰问金"
    )
    assert (
        checked_assistance(
            AssistanceRecord(**{**_fields(base), "kind": "资金", "amount_fen": 50_000}), DAY
        ).amount_fen
        == 50_000
    )
    refusals = [
        ({"kind": "资金"}, "资金帮扶请填写金额"),
        ({"kind": "致富信息", "amount_fen": 100}, "不填金额"),
        ({"kind": "红包"}, "帮扶方式应为"),
        ({"kind": "物品", "amount_fen": -1}, "金额应大于 0"),
        ({"helper_ids": ("a", "a")}, "帮扶人重复"),
    ]
    for change, words in refusals:
        with pytest.raises(ValidationError, match=words):
            checked_assistance(AssistanceRecord(**{**_fields(base), **change}), DAY)


def _fields(record: AssistanceRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in record.__slots__}  # type: ignore[attr-defined]
