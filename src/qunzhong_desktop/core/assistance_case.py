"""Assistance as a case (帮扶): a need, its checking steps, help given against it, closing.

A **need** (帮扶需求) is reported for a household or one of its members, usually by the grid
leader (网长报告). The village party organisation checks it first (村党组织初核), the
township (or county) checks it again (镇（县）复核); only then may help be recorded against
it, by the helping units (单位实施). Either check may send it back with a reason; the
station corrects it and reports it again. When the need is met it is closed (销号) with the
result; a closed need may be reopened with a reason.

The current state is never stored as the truth: it is the fold of the need's steps
(:func:`state_after`), as an intake item's is of its events. Every step says who and when.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.text import clean, compact

#: What a need is about.
NEED_CATEGORIES: tuple[str, ...] = ("生活", "医疗", "住房", "教育", "就业", "产业", "其他")
#: What help was given; amounts (元) apply to money and goods.
HELP_KINDS: tuple[str, ...] = (
    "资金", "物品", "致富信息", "创业项目", "就业岗位", "政策办理", "其他",
)  # fmt: skip
WITH_AMOUNT = frozenset({"资金", "物品"})
#: The largest amount one help record may carry (元): anything above is a typing error.
MAX_AMOUNT_YUAN = 1_000_000
#: 特困 (extremely poor) persons should receive at least this much a year (元; a setting).
POOR_THRESHOLD_YUAN = 2000


class NeedState(StrEnum):
    """Where a need stands. :data:`NEED_STATE_NAMES` has the Chinese."""

    REPORTED = "reported"  # 待初核
    VILLAGE_CHECKED = "village_checked"  # 待复核
    VERIFIED = "verified"  # 实施中: help may be recorded
    RETURNED = "returned"  # 已退回
    CLOSED = "closed"  # 已销号


NEED_STATE_NAMES: dict[NeedState, str] = {
    NeedState.REPORTED: "待初核",
    NeedState.VILLAGE_CHECKED: "待复核",
    NeedState.VERIFIED: "实施中",
    NeedState.RETURNED: "已退回",
    NeedState.CLOSED: "已销号",
}
OPEN_NEED_STATES = frozenset(
    {NeedState.REPORTED, NeedState.VILLAGE_CHECKED, NeedState.VERIFIED, NeedState.RETURNED}
)


class Step(StrEnum):
    """A checking step. :data:`STEP_NAMES` has the Chinese."""

    REPORT = "report"  # 网长报告
    VILLAGE_CHECK = "village_check"  # 村党组织初核
    TOWNSHIP_CHECK = "township_check"  # 镇（县）复核
    SEND_BACK = "send_back"  # 退回 (with a reason)
    RESUBMIT = "resubmit"  # 重新报告 (after a send-back)
    CLOSE = "close"  # 销号 (with the result)
    REOPEN = "reopen"  # 重新打开 (with a reason)


STEP_NAMES: dict[Step, str] = {
    Step.REPORT: "网长报告",
    Step.VILLAGE_CHECK: "村党组织初核",
    Step.TOWNSHIP_CHECK: "镇（县）复核",
    Step.SEND_BACK: "退回",
    Step.RESUBMIT: "重新报告",
    Step.CLOSE: "销号",
    Step.REOPEN: "重新打开",
}

# (state before, step) → state after; anything not listed is refused
_MOVES: dict[tuple[NeedState | None, Step], NeedState] = {
    (None, Step.REPORT): NeedState.REPORTED,
    (NeedState.REPORTED, Step.VILLAGE_CHECK): NeedState.VILLAGE_CHECKED,
    (NeedState.VILLAGE_CHECKED, Step.TOWNSHIP_CHECK): NeedState.VERIFIED,
    (NeedState.REPORTED, Step.SEND_BACK): NeedState.RETURNED,
    (NeedState.VILLAGE_CHECKED, Step.SEND_BACK): NeedState.RETURNED,
    (NeedState.RETURNED, Step.RESUBMIT): NeedState.REPORTED,
    (NeedState.VERIFIED, Step.CLOSE): NeedState.CLOSED,
    (NeedState.CLOSED, Step.REOPEN): NeedState.VERIFIED,
}
#: Steps that need a note: the reason sent back or reopened, the result of a closing.
NEEDS_NOTE: dict[Step, str] = {
    Step.SEND_BACK: "请写明退回的原因。",
    Step.CLOSE: "请填写帮扶结果（需求如何得到解决），再销号。",
    Step.REOPEN: "请写明重新打开的原因。",
}


class StepRefused(DomainError):
    """A step that the need's state does not allow."""


@dataclass(frozen=True, slots=True)
class Need:
    """A need for help (帮扶需求) of a household or one of its members."""

    household_id: str
    what: str  # 需求内容
    category: str  # NEED_CATEGORIES
    reported_on: dt.date
    reported_by: str = ""  # usually the 网长
    urgent: bool = False  # 急事急办
    person_id: str | None = None  # the member concerned (None: the household)
    time_limit: dt.date | None = None  # 帮扶时限: when the need should be met
    id: str | None = None


@dataclass(frozen=True, slots=True)
class NeedStep:
    """One checking step of a need: what, when, who, and a note (reason or result)."""

    step: Step
    day: dt.date
    actor: str
    note: str = ""
    id: str | None = None


def state_after(steps: Iterable[NeedStep]) -> NeedState | None:
    """The state a need's steps (in order) lead to; None before it is reported.

    Raises:
        StepRefused: a step its state before did not allow.
    """
    state: NeedState | None = None
    for step in steps:
        state = next_state(state, step.step)
    return state


def next_state(state: NeedState | None, step: Step) -> NeedState:
    """The state after ``step``.

    Raises:
        StepRefused: the step is not allowed in ``state``.
    """
    target = _MOVES.get((state, step))
    if target is None:
        where = NEED_STATE_NAMES[state] if state is not None else "未报告"
        allowed = "、".join(STEP_NAMES[s] for s in allowed_steps(state)) or "无"
        raise StepRefused(
            f"需求现在是“{where}”，不能{STEP_NAMES[step]}；可以：{allowed}。",
            code="assistance.step",
        )
    return target


def allowed_steps(state: NeedState | None) -> list[Step]:
    """The steps a need in ``state`` may take, in a stable order."""
    return [step for step in Step if (state, step) in _MOVES]


def may_receive_help(state: NeedState | None) -> bool:
    """Only a checked need (镇（县）复核 done, not closed) gets help recorded against it."""
    return state is NeedState.VERIFIED


def checked_need(need: Need, today: dt.date) -> Need:
    """The need with its text tidied, if it may be saved.

    Raises:
        ValidationError: the first field that is wrong (``field`` in its data).
    """
    need = replace(need, what=clean(need.what), reported_by=compact(need.reported_by))
    checks: list[tuple[bool, str, str]] = [
        (bool(need.household_id), "household", "请选择需要帮扶的户。"),
        (bool(need.what), "what", "请填写需要什么帮扶。"),
        (len(need.what) <= 2000, "what", "需求内容不能超过 2000 个字。"),
        (
            need.category in NEED_CATEGORIES,
            "category",
            f"需求类别应为：{'、'.join(NEED_CATEGORIES)}。",
        ),
        (len(need.reported_by) <= 50, "reported_by", "报告人不能超过 50 个字。"),
        (
            need.reported_on <= today,
            "reported_on",
            f"报告日期 {need.reported_on.isoformat()} 晚于今天，请改正。",
        ),
        (
            need.time_limit is None or need.time_limit >= need.reported_on,
            "time_limit",
            "帮扶时限不能早于报告日期。",
        ),
    ]
    for ok, name, message in checks:
        if not ok:
            raise ValidationError(message, code=f"assistance.{name}", field=name)
    return need


def checked_step(step: NeedStep, reported_on: dt.date, today: dt.date) -> NeedStep:
    """The step with its text tidied, if it may be recorded.

    Raises:
        ValidationError: no one named, a day out of range, or a missing reason or result.
    """
    step = replace(step, actor=compact(step.actor), note=clean(step.note))
    if not step.actor:
        raise ValidationError(
            f"请填写{STEP_NAMES[step.step]}的经办人。", code="assistance.actor", field="actor"
        )
    if len(step.actor) > 50:
        raise ValidationError("经办人不能超过 50 个字。", code="assistance.actor", field="actor")
    if step.day > today:
        raise ValidationError(
            f"日期 {step.day.isoformat()} 晚于今天，请改正。", code="assistance.day", field="day"
        )
    if step.day < reported_on:
        raise ValidationError(
            f"日期 {step.day.isoformat()} 早于报告日期 {reported_on.isoformat()}，请改正。",
            code="assistance.day",
            field="day",
        )
    if step.step in NEEDS_NOTE and not step.note:
        raise ValidationError(NEEDS_NOTE[step.step], code="assistance.note", field="note")
    return step


def yuan_to_fen(text: str) -> int | None:
    """An amount typed in 元 (``1200``, ``1,200.50``, ``1200元``) as 分; None when blank.

    Raises:
        ValidationError: not a number, negative or zero, more than two decimals, or absurd.
    """
    # full-width digits and points from a Chinese input method read as the plain ones
    typed = unicodedata.normalize("NFKC", compact(text)).replace(",", "").removesuffix("元")
    if not typed:
        return None
    whole, _, cents = typed.partition(".")
    digits = whole.isascii() and whole.isdigit()
    if not digits or (cents and (not (cents.isascii() and cents.isdigit()) or len(cents) > 2)):
        raise ValidationError(
            f"金额“{text.strip()}”应是以元为单位的数字，最多两位小数，如 1200 或 350.50。",
            code="assistance.amount",
            field="amount",
        )
    fen = int(whole) * 100 + int((cents or "0").ljust(2, "0"))
    if fen <= 0:
        raise ValidationError("金额应大于 0。", code="assistance.amount", field="amount")
    if fen > MAX_AMOUNT_YUAN * 100:
        raise ValidationError(
            f"金额超过 {MAX_AMOUNT_YUAN:,} 元，请核对。", code="assistance.amount", field="amount"
        )
    return fen


def fen_text(fen: int | None) -> str:
    """分 as 元 for people: ``1,200`` or ``350.50``; "" for None."""
    if fen is None:
        return ""
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,}" if not cents else f"{yuan:,}.{cents:02d}"
