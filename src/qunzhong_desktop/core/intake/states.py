"""The five steps of an intake item as a state machine (DOMAIN.md, "Intake and the five steps").

States, the moves between them and who may make each move. The current state of an item is
never stored as the truth: it is the target of the last event (see :mod:`.intake_events`).
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    """Where an item stands. The value is the code; :data:`STATE_NAMES` has the Chinese."""

    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    AWAITING_DOCUMENTS = "awaiting_documents"
    ESCALATED = "escalated"
    AWAITING_ASSIGNMENT = "awaiting_assignment"
    ASSIGNED = "assigned"
    ESCALATED_COUNTY = "escalated_county"  # 上报县: the township sent it up (重大疑难事项)
    COUNTY_ASSIGNED = "county_assigned"  # the county gave it to a 县直部门 with a deadline
    RESOLVED = "resolved"
    NOTIFIED = "notified"  # 代办: the resident was told to collect (core.intake.agency)
    COLLECTED = "collected"  # 代办: the resident (or someone for them) collected
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


STATE_NAMES: dict[State, str] = {
    State.REGISTERED: "已受理",
    State.IN_PROGRESS: "办理中",
    State.AWAITING_DOCUMENTS: "待补件",
    State.ESCALATED: "已上报",
    State.AWAITING_ASSIGNMENT: "待交办",
    State.ASSIGNED: "已交办",
    State.ESCALATED_COUNTY: "已上报县",
    State.COUNTY_ASSIGNED: "县已交办",
    State.RESOLVED: "已办结",
    State.NOTIFIED: "已通知领取",
    State.COLLECTED: "已领取",
    State.FOLLOWED_UP: "已回访",
    State.CLOSED: "已销号",
    State.REJECTED: "不予受理",
    State.WITHDRAWN: "已撤回",
}


class Role(StrEnum):
    """Who makes a move: station, township (交办, disposition, 上报县) or county (县交办, 退回, 办结)."""

    STATION = "station"
    TOWNSHIP = "township"
    COUNTY = "county"


#: Who a role is in a message (“…由乡镇办理”).
ROLE_NAMES: dict[Role, str] = {
    Role.STATION: "工作站",
    Role.TOWNSHIP: "乡镇",
    Role.COUNTY: "县群众工作部",
}


# (from, to) → who may make the move. Anything not listed is refused.
MOVES: dict[tuple[State, State], frozenset[Role]] = {}


def _allow(sources: tuple[State, ...], target: State, *roles: Role) -> None:
    for source in sources:
        MOVES[(source, target)] = frozenset(roles)


_S, _T = Role.STATION, Role.TOWNSHIP
_OPEN_AT_STATION = (State.REGISTERED, State.IN_PROGRESS)
_allow((State.REGISTERED, State.AWAITING_DOCUMENTS), State.IN_PROGRESS, _S)
_allow(_OPEN_AT_STATION, State.AWAITING_DOCUMENTS, _S)
_allow(_OPEN_AT_STATION, State.ESCALATED, _S)
_allow(_OPEN_AT_STATION, State.RESOLVED, _S)
_allow((State.REGISTERED,), State.REJECTED, _S)
_allow((*_OPEN_AT_STATION, State.AWAITING_DOCUMENTS, State.ESCALATED), State.WITHDRAWN, _S)
# the township side (its screens come with the sync issue)
_allow((State.ESCALATED,), State.AWAITING_ASSIGNMENT, _T)
_allow((State.ESCALATED, State.AWAITING_ASSIGNMENT), State.ASSIGNED, _T)
_allow((State.ASSIGNED,), State.RESOLVED, _T)
_allow((State.ESCALATED, State.AWAITING_ASSIGNMENT), State.REJECTED, _T)
# 重大疑难事项 (issue 19): the township escalates what it holds to the county (上报县, with a
# reason); the county assigns it to a 县直部门 with a deadline, or sends it back to the
# township (退回乡镇, with a reason), and records the result; the station follows up as today
_C = Role.COUNTY
#: The states the township holds an item in: those it may escalate to the county from.
AT_TOWNSHIP: tuple[State, ...] = (State.ESCALATED, State.AWAITING_ASSIGNMENT, State.ASSIGNED)
_allow(AT_TOWNSHIP, State.ESCALATED_COUNTY, _T)
_allow((State.ESCALATED_COUNTY,), State.COUNTY_ASSIGNED, _C)
_allow((State.ESCALATED_COUNTY,), State.AWAITING_ASSIGNMENT, _C)
_allow((State.COUNTY_ASSIGNED,), State.RESOLVED, _C)
# 代办 (core.intake.agency): the resident is told to collect, then collects (both at once
# when they come for it unannounced); only an item marked 代办 makes these moves, and its
# follow-up waits until it is collected (rules.check_move)
_allow((State.RESOLVED,), State.NOTIFIED, _S)
_allow((State.RESOLVED, State.NOTIFIED), State.COLLECTED, _S)
# follow-up (回访) and closing (销号) by the station; 不满意 may reopen
_allow((State.RESOLVED, State.COLLECTED), State.FOLLOWED_UP, _S)
_allow((State.FOLLOWED_UP,), State.CLOSED, _S)
_allow((State.FOLLOWED_UP,), State.IN_PROGRESS, _S)

FINAL: frozenset[State] = frozenset({State.CLOSED, State.REJECTED, State.WITHDRAWN})
# the clock runs in these states; it pauses while waiting for documents and stops at resolution
CLOCK_RUNNING: frozenset[State] = frozenset(
    {
        State.REGISTERED,
        State.IN_PROGRESS,
        State.ESCALATED,
        State.AWAITING_ASSIGNMENT,
        State.ASSIGNED,
        State.ESCALATED_COUNTY,
        State.COUNTY_ASSIGNED,
    }
)
#: At the county: waiting for its assignment, and assigned to a 县直部门.
AT_COUNTY: frozenset[State] = frozenset({State.ESCALATED_COUNTY, State.COUNTY_ASSIGNED})
# settled (办结): the reports count 已通知领取 and 已领取 as resolved, as 已回访 and 已销号
DONE: frozenset[State] = frozenset(
    {State.RESOLVED, State.NOTIFIED, State.COLLECTED, State.FOLLOWED_UP, State.CLOSED}
)
#: The states of collection (代办 only).
COLLECTION: frozenset[State] = frozenset({State.NOTIFIED, State.COLLECTED})


#: Other words for a state that a clerk types (the name of the step rather than the state).
STATE_ALIASES: dict[str, State] = {
    "撤回": State.WITHDRAWN,
    "通知领取": State.NOTIFIED,
    "领取": State.COLLECTED,
    "上报县": State.ESCALATED_COUNTY,
}


def parse_state(text: str) -> State:
    """A state from its code (``in_progress``) or its Chinese name (``办理中``).

    Raises:
        ValueError: not a state.
    """
    text = text.strip()
    for state, name in STATE_NAMES.items():
        if text in (state.value, name):
            return state
    if text in STATE_ALIASES:
        return STATE_ALIASES[text]
    raise ValueError(text)


def allowed_targets(state: State | None, role: Role = Role.STATION) -> list[State]:
    """The states an item in ``state`` may move to when ``role`` acts, in a stable order."""
    if state is None:
        return [State.REGISTERED]
    return [target for target in State if role in MOVES.get((state, target), frozenset())]
