"""Intake items (受理事项): vocabulary, the events of their history, and the rules of a move.

Every change of state is an :class:`Event` (who, when, from, to, note and the data the move
needs). :func:`check_move` decides whether a move may be made; :func:`current_state` derives
the state from the events, so the history is the only truth.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from qunzhong_desktop.core import limits
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.intake.agency import NOTIFY_WAYS
from qunzhong_desktop.core.intake.states import (
    COLLECTION,
    MOVES,
    ROLE_NAMES,
    STATE_NAMES,
    Role,
    State,
    allowed_targets,
)

CHANNELS: tuple[str, ...] = ("来访", "来电", "来信", "网络", "走访", "民情恳谈会", "上级交办")
GRADES: dict[str, str] = {"A": "A 重大紧急", "B": "B 一般", "C": "C 咨询"}
ITEM_TYPES: tuple[str, ...] = ("即办件", "承诺件", "补办件", "上报件")
FOLLOW_UP_WAYS: tuple[str, ...] = ("当面", "电话", "信函", "网络")
SATISFACTION: tuple[str, ...] = ("满意", "基本满意", "不满意")
# working days a promised item gets by default, per domain (editable in 设置)
DOMAIN_DAYS: dict[str, int] = {
    "政策咨询": 3, "社会保障": 5, "医疗卫生": 5, "劳动就业": 5, "教育": 5,
    "土地山林宅基地": 10, "矛盾纠纷": 7, "基础设施": 15, "环境卫生": 5, "证照代办": 5,
    "治安安全": 3, "农业生产": 7, "其他": 5,
}  # fmt: skip
# a finding of a resident-diary entry (问题转受理) comes by the channel of the entry's kind:
# raised at a 民情恳谈会 it is a 民情恳谈会 item, found on a visit (or otherwise) a 走访 one
FINDING_CHANNEL = "走访"
FINDING_CHANNELS: dict[str, str] = {"民情恳谈会": "民情恳谈会"}
# the kinds of entry whose findings may come from a group or the whole village (no household)
GROUP_FINDING_KINDS: frozenset[str] = frozenset({"民情恳谈会"})
# 急事急办: a grade A (重大紧急) item is promised half its domain's days (rounded up, at
# least 1) unless the township set the domain's A days (设置 › 承诺办结时限)
URGENT_GRADE = "A"
DAYS_MIN, DAYS_MAX = 1, 60  # the range of promised days a domain may be given
# the township's units (责任单位) an escalated item is assigned to (editable at the township)
DEFAULT_UNITS: tuple[str, ...] = (
    "民政办", "社保所", "国土所", "派出所", "司法所", "农业站",
    "卫生院", "城建办", "综治办", "财政所", "林业站", "水利站",
)  # fmt: skip

# the first move the intake itself makes, by item type
INITIAL_MOVE: dict[str, State | None] = {
    "即办件": State.RESOLVED,
    "承诺件": None,
    "补办件": State.AWAITING_DOCUMENTS,
    "上报件": State.ESCALATED,
}

_QUERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L


class MoveRefused(DomainError):
    """A move the state machine or its rules do not allow."""

    code = "item.move_refused"


@dataclass(frozen=True, slots=True)
class Event:
    """One step of an item's history (append-only)."""

    at: dt.datetime
    actor: str
    from_state: State | None
    to_state: State
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)


def item_number(station_code: str, year: int, sequence: int) -> str:
    """``{station code}-{year}-{5-digit sequence}``."""
    return f"{station_code}-{year}-{sequence:05d}"


def new_query_code() -> str:
    """A short code the resident can quote when asking about the item (6 unambiguous chars)."""
    return "".join(secrets.choice(_QUERY_ALPHABET) for _ in range(6))


def current_state(events: Sequence[Event]) -> State | None:
    """The state the history leads to: the target of the last event."""
    return events[-1].to_state if events else None


def last_follow_up(events: Sequence[Event]) -> Event | None:
    """The most recent follow-up (回访) event."""
    for event in reversed(events):
        if event.to_state is State.FOLLOWED_UP:
            return event
    return None


def check_move(
    events: Sequence[Event],
    target: State,
    *,
    role: Role = Role.STATION,
    note: str = "",
    data: dict[str, Any] | None = None,
    agency: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Refuse a move the machine or the rules do not allow.

    Args:
        events: the item's history so far.
        target: the state to move to.
        role: who moves.
        note: the move's note (a reason, a result).
        data: what the move records (a result, a satisfaction, a unit, a day …).
        agency: the item's 代办 mode ("" when the station does not act for the resident):
            only a 代办 item is notified and collected, and its follow-up waits for that.
            None: not known here (a step checked again inside the repository, after the
            item's own check; a generator's story), so not checked.
        at: when the move is made (a day it records may not be later); None: not checked.

    Raises:
        MoveRefused: with a Chinese message naming the states and what is missing.
    """
    data = data or {}
    state = current_state(events)
    here = STATE_NAMES[state] if state else "（新登记）"
    there = STATE_NAMES[target]
    if state is None:
        if target is not State.REGISTERED:
            raise MoveRefused(f"新事项只能先“{there}”。", from_state=None, to_state=target)
        return
    roles = MOVES.get((state, target))
    if roles is None:
        raise MoveRefused(
            f"事项当前为“{here}”，不能直接改为“{there}”。",
            from_state=state,
            to_state=target,
        )
    if role not in roles:
        raise MoveRefused(
            f"“{here}”→“{there}”由{_owner(roles)}办理。",
            code="item.not_owner",
            from_state=state,
            to_state=target,
        )
    if agency is not None:
        _check_agency(state, target, agency)
    _check_data(events, state, target, note, data)
    if target in COLLECTION:
        _check_collection(events, state, target, data, at)


def _owner(roles: frozenset[Role]) -> str:
    """Who a move belongs to, in words (the township before the station, as ever)."""
    for role in (Role.TOWNSHIP, Role.COUNTY, Role.STATION):
        if role in roles:
            return ROLE_NAMES[role]
    return ROLE_NAMES[Role.STATION]


def _check_agency(state: State, target: State, agency: str) -> None:
    """Collection is a 代办 item's; a 代办 item is followed up once collected."""
    if target in COLLECTION and not agency:
        raise MoveRefused(
            f"这件事项不是代办事项，不需要“{STATE_NAMES[target]}”：办结后请直接回访。",
            code="item.not_agency",
        )
    if agency and state is State.RESOLVED and target is State.FOLLOWED_UP:
        raise MoveRefused(
            "代办事项要等群众领取后再回访：请先登记“已通知领取”或“已领取”。",
            code="item.collect_first",
        )


def _data_day(data: dict[str, Any], key: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(data.get(key, "")))
    except ValueError:
        raise MoveRefused(
            f"请填写{label}（年-月-日），现在是“{data.get(key, '')}”。", code="item.day_invalid"
        ) from None


def _check_collection(
    events: Sequence[Event],
    state: State,
    target: State,
    data: dict[str, Any],
    at: dt.datetime | None,
) -> None:
    """通知领取 needs the day and the way, 已领取 the day and who collected.

    Neither day is later than the move or earlier than the intake; nobody collects before
    being told.
    """
    if target is State.NOTIFIED:
        if data.get("how") not in NOTIFY_WAYS:
            raise MoveRefused(
                f"通知领取时请选择通知方式（{'、'.join(NOTIFY_WAYS)}）。", code="item.how_required"
            )
        day, label = _data_day(data, "notified_on", "通知日期"), "通知日期"
    else:
        by = str(data.get("by", "")).strip()
        if not by:
            raise MoveRefused(
                "登记领取时请填写领取人（本人，或代领人的姓名）。", code="item.collector_required"
            )
        if limits.too_long(by, limits.NAME):
            raise MoveRefused(limits.message("领取人", limits.NAME, by), code="item.too_long")
        day, label = _data_day(data, "collected_on", "领取日期"), "领取日期"
    if at is not None and day > at.date():
        raise MoveRefused(
            f"{label}不能晚于今天（{at.date().isoformat()}）。", code="item.day_in_future"
        )
    if events and day < events[0].at.date():
        raise MoveRefused(
            f"{label}不能早于受理日期（{events[0].at.date().isoformat()}）。",
            code="item.day_too_early",
        )
    if target is State.COLLECTED and state is State.NOTIFIED:
        told = events[-1].data.get("notified_on")
        if told and str(told) > day.isoformat():
            raise MoveRefused(
                f"领取日期不能早于通知领取的日期（{told}）。", code="item.collected_before_notified"
            )


def _check_data(
    events: Sequence[Event], state: State, target: State, note: str, data: dict[str, Any]
) -> None:
    for label, value in (("说明", note), ("办理结果", str(data.get("result", "")))):
        if limits.too_long(value, limits.NOTE):
            raise MoveRefused(limits.message(label, limits.NOTE, value), code="item.too_long")
    if target in (State.REJECTED, State.WITHDRAWN, State.ESCALATED_COUNTY) and not note.strip():
        raise MoveRefused(f"“{STATE_NAMES[target]}”必须写明原因。", code="item.reason_required")
    if state is State.ESCALATED_COUNTY and target is State.AWAITING_ASSIGNMENT and not note.strip():
        raise MoveRefused("退回乡镇必须写明原因。", code="item.reason_required")
    if target is State.RESOLVED and not str(data.get("result", note)).strip():
        raise MoveRefused("办结时请填写办理结果。", code="item.result_required")
    if target is State.FOLLOWED_UP:
        if data.get("satisfaction") not in SATISFACTION:
            raise MoveRefused(
                "回访时请选择满意度（满意、基本满意、不满意）。", code="item.satisfaction_required"
            )
        if data.get("way", "电话") not in FOLLOW_UP_WAYS:
            raise MoveRefused("回访方式应为当面、电话、信函或网络。", code="item.way_invalid")
    _check_history(events, state, target)
    if target is State.COUNTY_ASSIGNED:
        _check_county_assignment(data)
    if target is State.ASSIGNED:
        if not (data.get("unit") and data.get("deadline")):
            raise MoveRefused("交办时请选择责任单位和办结期限。", code="item.assignment_incomplete")
        try:
            dt.date.fromisoformat(str(data["deadline"]))
        except ValueError:
            raise MoveRefused(
                f"办结期限“{data['deadline']}”不是日期（应为 年-月-日）。",
                code="item.deadline_invalid",
            ) from None


def _check_county_assignment(data: dict[str, Any]) -> None:
    """县已交办 names the 县直部门, the working days (at least 1) and the deadline they give."""
    if not str(data.get("department", "")).strip():
        raise MoveRefused("县交办时请选择县直部门。", code="item.department_required")
    days = data.get("days")
    if not isinstance(days, int) or isinstance(days, bool) or not DAYS_MIN <= days <= DAYS_MAX:
        raise MoveRefused(
            f"办理时限应为 {DAYS_MIN}–{DAYS_MAX} 个工作日，现在是“{days}”。",
            code="item.days_invalid",
        )
    try:
        dt.date.fromisoformat(str(data.get("deadline", "")))
    except ValueError:
        raise MoveRefused(
            f"办结期限“{data.get('deadline', '')}”不是日期（应为 年-月-日）。",
            code="item.deadline_invalid",
        ) from None


def _check_history(events: Sequence[Event], state: State, target: State) -> None:
    """What the item's follow-up decides: 不满意 reopens it and may not be closed."""
    if state is not State.FOLLOWED_UP:
        return
    follow_up = last_follow_up(events)
    unsatisfied = follow_up is not None and follow_up.data.get("satisfaction") == "不满意"
    if target is State.IN_PROGRESS and not unsatisfied:
        raise MoveRefused("只有回访“不满意”的事项才能重新办理。", code="item.reopen_refused")
    if target is State.CLOSED and unsatisfied:
        raise MoveRefused(
            "回访“不满意”的事项不能销号：请重新办理，办结后再回访。", code="item.close_refused"
        )


def offered_targets(
    events: Sequence[Event], state: State | None, role: Role = Role.STATION, agency: str = ""
) -> list[State]:
    """The moves an item's page offers.

    Those its state allows that its history does not refuse: after an unsatisfied
    follow-up, 重新办理 but not 销号. A 代办 item (``agency``: its mode) is offered
    通知领取 and 已领取 and, until collected, no follow-up; any other item never those two.
    """
    offered = []
    for target in allowed_targets(state, role):
        if state is not None:
            try:
                _check_agency(state, target, agency)
                _check_history(events, state, target)
            except MoveRefused:
                continue
        offered.append(target)
    return offered


def check_new_item(
    *,
    channel: str,
    domain: str,
    grade: str,
    item_type: str,
    content: str,
    requester_name: str,
    domains: Sequence[str],
) -> None:
    """Check the fields of an intake form.

    Raises:
        ValidationError: the first field that is wrong, ``field`` in its data.
    """
    checks: list[tuple[bool, str, str]] = [
        (bool(requester_name.strip()), "requester", "请选择或填写诉求人。"),
        (
            channel in CHANNELS,
            "channel",
            f"来源渠道“{channel}”不在列表中，可用：{'、'.join(CHANNELS)}。",
        ),
        (
            domain in domains,
            "domain",
            f"诉求类别“{domain}”不在列表中，可用：{'、'.join(domains)}。",
        ),
        (grade in GRADES, "grade", f"等级应为 A、B 或 C，现在是“{grade}”。"),
        (
            item_type in ITEM_TYPES,
            "type",
            f"件类型“{item_type}”不在列表中，可用：{'、'.join(ITEM_TYPES)}。",
        ),
        (bool(content.strip()), "content", "请填写诉求内容。"),
        (
            not limits.too_long(requester_name, limits.NAME),
            "requester",
            limits.message("诉求人", limits.NAME, requester_name),
        ),
        (
            not limits.too_long(content, limits.CONTENT),
            "content",
            limits.message("诉求内容", limits.CONTENT, content),
        ),
    ]
    for ok, name, message in checks:
        if not ok:
            raise ValidationError(message, code=f"item.{name}", field=name)


def urgent_days(domain_days: int) -> int:
    """The default days of a grade A item: half the domain's, rounded up, at least 1."""
    return max(DAYS_MIN, -(-domain_days // 2))


def promised_days(domain_days: int, grade: str, grade_a_days: int | None = None) -> int:
    """The working days a promised item (承诺件) gets: the one rule of 急事急办.

    Args:
        domain_days: the working days of the item's domain (承诺办结时限).
        grade: the item's grade; only A (重大紧急) is promised less.
        grade_a_days: the domain's A days as set in 设置, None for the default (half).

    A set value longer than the domain's own days is cut to them: A is never slower than B.
    """
    if grade != URGENT_GRADE:
        return domain_days
    if grade_a_days is None:
        return urgent_days(domain_days)
    return max(DAYS_MIN, min(grade_a_days, domain_days))


@dataclass(frozen=True, slots=True)
class Deadlines:
    """The promised days of a store: per domain, and the A days set per domain (the rest: half).

    ``grade_a_days`` holds only the domains whose A days were set apart from the default.
    """

    domain_days: Mapping[str, int]
    grade_a_days: Mapping[str, int] = field(default_factory=dict)

    def days(self, domain: str, grade: str, *, unknown: int = 5) -> int:
        """The days an item of ``domain`` and ``grade`` is promised (``unknown``: no such domain)."""
        base = self.domain_days.get(domain, unknown)
        return promised_days(base, grade, self.grade_a_days.get(domain))

    def urgent(self, domain: str) -> int:
        """The days of a grade A item of ``domain``."""
        return self.days(domain, URGENT_GRADE)


def checked_grade_a_days(
    domain_days: Mapping[str, int], grade_a_days: Mapping[str, int]
) -> dict[str, int]:
    """The A days worth storing: those of known domains that differ from the default (half).

    Raises:
        ValidationError: a value under 1 or over its domain's days (``field``: the domain).
    """
    kept: dict[str, int] = {}
    for domain, days in grade_a_days.items():
        if domain not in domain_days:
            continue
        limit = domain_days[domain]
        if not DAYS_MIN <= days <= limit:
            raise ValidationError(
                f"“{domain}”A 级（重大紧急）事项的时限应为 {DAYS_MIN}–{limit} 个工作日"
                f"（不超过该类别的 {limit} 个工作日）。",
                code="intake.grade_a_days",
                field=domain,
            )
        if days != urgent_days(limit):
            kept[domain] = days
    return kept


def finding_channel(kind: str) -> str:
    """The channel of an item turned from a finding of a diary entry of ``kind``."""
    return FINDING_CHANNELS.get(kind, FINDING_CHANNEL)
