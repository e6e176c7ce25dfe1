"""Hypothesis strategies for moves through the five steps."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from qunzhong_desktop.core.intake.agency import NOTIFY_WAYS
from qunzhong_desktop.core.intake.rules import FOLLOW_UP_WAYS, SATISFACTION
from qunzhong_desktop.core.intake.states import FINAL, State

#: The day every history of the property tests starts on, and one before it.
FIRST_DAY, BEFORE = "2025-03-03", "2025-03-01"

notes = st.one_of(st.just(""), st.just("  "), st.sampled_from(["材料已补齐", "不属于受理范围"]))
data_values = st.dictionaries(
    st.sampled_from(
        ["result", "satisfaction", "way", "unit", "deadline", "how", "notified_on", "by",
         "collected_on", "department", "days"]
    ),
    st.one_of(
        st.just(""),
        st.sampled_from([0, 1, 5, 61, True, "5"]),
        st.sampled_from([*SATISFACTION, *FOLLOW_UP_WAYS, *NOTIFY_WAYS, "很好", "邮件"]),
        st.sampled_from(["已办理补缴", "镇社会事务办", "本人", "2025-04-01", FIRST_DAY, BEFORE]),
    ),
    max_size=6,
)  # fmt: skip


def valid_move_data(
    rng: st.DataObject, target: State, day: str | None = None
) -> tuple[str, dict[str, Any]]:
    """A note and data that satisfy the rules of the move (drawn, so some reopen).

    ``day``: the day 通知领取 and 已领取 record (a day of the history, not after the move).
    """
    if target in (State.REJECTED, State.WITHDRAWN, State.ESCALATED_COUNTY):
        return "不属于受理范围", {}
    if target is State.COUNTY_ASSIGNED:
        return "", {"department": "县人社局", "days": 10, "deadline": "2025-04-15"}
    if target is State.RESOLVED:
        return "", {"result": "已办理"}
    if target is State.FOLLOWED_UP:
        satisfaction = rng.draw(st.sampled_from(SATISFACTION), label="satisfaction")
        return "", {"way": rng.draw(st.sampled_from(FOLLOW_UP_WAYS)), "satisfaction": satisfaction}
    if target is State.ASSIGNED:
        return "", {"unit": "镇社会事务办", "deadline": "2025-04-01"}
    if target is State.NOTIFIED:
        how = rng.draw(st.sampled_from(NOTIFY_WAYS))
        return "", {"notified_on": day or FIRST_DAY, "how": how}
    if target is State.COLLECTED:
        return "", {"collected_on": day or "2025-04-01", "by": "本人"}
    return "", {}


def draw_target(rng: st.DataObject, allowed: list[State]) -> State:
    """One of the allowed targets; a final one only now and then, so histories grow long."""
    open_ = [target for target in allowed if target not in FINAL]
    if open_ and rng.draw(st.integers(0, 5), label="finish") > 0:
        return rng.draw(st.sampled_from(open_))
    return rng.draw(st.sampled_from(allowed))
