"""The figures of assistance (帮扶) for a period: help by kind, needs, who is left out.

Pure: the repository (storage/assistance_figures.py) hands in plain records — help given
(:class:`.AssistanceRecord`), needs with their steps (:class:`NeedRecord`) and the households
in difficulty with their members (:class:`PoorHousehold`) — and :func:`compute` counts them.
Every figure is defined once, in :data:`DEFINITIONS`; the monthly report prints those texts
as its footnotes. Money and goods are kept in 分 and shown in 元 (:func:`.fen_text`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import (
    HELP_KINDS,
    NEED_STATE_NAMES,
    OPEN_NEED_STATES,
    POOR_THRESHOLD_YUAN,
    WITH_AMOUNT,
    NeedState,
    Step,
    StepRefused,
    fen_text,
    next_state,
)

#: A support tag marks the extremely poor (特困) when it contains this (特困供养(五保), 特困人员).
POOR_TAG_MARK = "特困"

# (term, definition): the footnotes of the monthly report's 帮扶 section, in this order.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "帮扶需求",
        "新报：本期内有“网长报告”的需求数；复核通过：本期内有“镇（县）复核”的需求数；销号：本期内"
        "有“销号”的需求数；期末未销号：按检查步骤回放到期末，状态为待初核、待复核、实施中或已退回的"
        "需求数。",
    ),
    (
        "超时限需求",
        "期末未销号、且帮扶时限早于期末（本月未结束时为今天）的需求；超出天数为两者相差的天数。",
    ),
    (
        "帮扶次数",
        "帮扶日期在本期内的帮扶记录条数，按帮扶方式分列；资金、物品按记录所填金额合计（元）。"
        "致富信息、创业项目、就业岗位分别为这三种方式的记录条数。",
    ),
    (
        "无人帮扶困难户",
        "户或任一在册成员带有重点帮扶对象标签的在册户中，没有结对干部、且从本年1月1日到期末没有"
        "任何帮扶记录（每条帮扶记录都写明帮扶人）的户。",
    ),
    (
        "特困人员年度帮扶",
        "带有“特困”类标签（如特困供养(五保)）的在册成员，户带有该标签时为户内每个在册成员。"
        "从本年1月1日到期末的资金、物品帮扶：写明帮扶对象的计给该人；帮扶对象为全户的，按户内"
        "在册成员人数平均分摊。合计低于乡镇设定标准（元/人·年）的列出。",
    ),
)


def is_poor_tag(tag: str) -> bool:
    """Whether a support tag marks the extremely poor (特困)."""
    return POOR_TAG_MARK in tag


@dataclass(frozen=True, slots=True)
class NeedRecord:
    """A need with its steps (in order) and how to name it in a list."""

    id: str
    household_id: str
    reported_on: dt.date
    steps: tuple[tuple[dt.date, Step], ...]
    time_limit: dt.date | None = None
    what: str = ""
    household_number: str = ""
    beneficiary: str = ""  # the member concerned, else the head of the household
    station: str = ""  # at the township: the code of the station it came from


@dataclass(frozen=True, slots=True)
class Member:
    """A live member of a household in difficulty."""

    id: str
    name: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PoorHousehold:
    """A household in difficulty (it or a live member carries a support tag)."""

    id: str
    number: str
    head_name: str
    tags: tuple[str, ...]  # the household's own tags
    members: tuple[Member, ...]  # live members only
    cadre_id: str | None = None  # the paired cadre (结对干部)
    station: str = ""

    def poor_members(self) -> tuple[Member, ...]:
        """The extremely poor members: tagged themselves, or all when the household is."""
        if any(is_poor_tag(t) for t in self.tags):
            return self.members
        return tuple(m for m in self.members if any(is_poor_tag(t) for t in m.tags))


@dataclass(frozen=True, slots=True)
class KindTotal:
    """Help of one kind in the period: how many records, and the amount (分) if it has one."""

    kind: str
    count: int
    amount_fen: int | None  # money and goods only

    @property
    def amount_text(self) -> str:
        """The amount in 元 (``1,200.50``), "" for a kind without amounts."""
        return fen_text(self.amount_fen) if self.amount_fen is not None else ""


@dataclass(frozen=True, slots=True)
class OverdueNeed:
    """An open need past its time limit."""

    household_number: str
    beneficiary: str
    what: str
    time_limit: dt.date
    days_over: int
    state: NeedState
    station: str = ""  # at the township: the station's code

    @property
    def state_name(self) -> str:
        """待初核 … 已退回."""
        return NEED_STATE_NAMES[self.state]


@dataclass(frozen=True, slots=True)
class Unhelped:
    """A household in difficulty with no helper."""

    household_number: str
    head_name: str
    station: str = ""


@dataclass(frozen=True, slots=True)
class PoorPerson:
    """An extremely poor person who received less than the threshold in the year."""

    household_number: str
    name: str
    received: Fraction  # 分, household help shared
    station: str = ""

    @property
    def received_fen(self) -> int:
        """What the person received, rounded to the 分."""
        return round(self.received)

    @property
    def received_text(self) -> str:
        """In 元: ``0``, ``1,200.50``."""
        return fen_text(self.received_fen) if self.received_fen else "0"


@dataclass(frozen=True, slots=True)
class AssistanceFigures:
    """The assistance figures of one period (a station's, or the township's)."""

    date_from: dt.date
    date_to: dt.date
    as_of: dt.date  # the day the "period end" figures stand at
    kinds: tuple[KindTotal, ...]
    households_helped: int
    needs_reported: int
    needs_checked: int
    needs_closed: int
    needs_open: int
    overdue: tuple[OverdueNeed, ...]
    unhelped: tuple[Unhelped, ...]
    difficult_households: int
    poor_people: int  # the extremely poor considered
    poor: tuple[PoorPerson, ...]  # those under the threshold
    poor_threshold_yuan: int = POOR_THRESHOLD_YUAN

    def kind(self, kind: str) -> KindTotal:
        """The total of one kind (a zero total for a kind not in HELP_KINDS)."""
        return next((k for k in self.kinds if k.kind == kind), KindTotal(kind, 0, None))

    @property
    def records(self) -> int:
        """帮扶次数: help records in the period."""
        return sum(k.count for k in self.kinds)

    @property
    def money_fen(self) -> int:
        """资金 in 分."""
        return self.kind("资金").amount_fen or 0

    @property
    def goods_fen(self) -> int:
        """物品 (their value) in 分."""
        return self.kind("物品").amount_fen or 0

    @property
    def information(self) -> int:
        """致富信息 given."""
        return self.kind("致富信息").count

    @property
    def projects(self) -> int:
        """创业项目."""
        return self.kind("创业项目").count

    @property
    def jobs(self) -> int:
        """就业岗位."""
        return self.kind("就业岗位").count

    def as_json(self) -> dict[str, Any]:
        """The figures for ``--json`` (amounts in 元 as text, and in 分)."""
        return {
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "as_of": self.as_of.isoformat(),
            "needs": {
                "reported": self.needs_reported,
                "checked": self.needs_checked,
                "closed": self.needs_closed,
                "open": self.needs_open,
                "overdue": len(self.overdue),
            },
            "help": {
                "records": self.records,
                "households": self.households_helped,
                "money_yuan": fen_text(self.money_fen) or "0",
                "money_fen": self.money_fen,
                "goods_yuan": fen_text(self.goods_fen) or "0",
                "goods_fen": self.goods_fen,
                "information": self.information,
                "projects": self.projects,
                "jobs": self.jobs,
                "by_kind": {
                    k.kind: {"count": k.count, "amount_fen": k.amount_fen} for k in self.kinds
                },
            },
            "overdue_needs": [
                {
                    "household": o.household_number,
                    "beneficiary": o.beneficiary,
                    "what": o.what,
                    "time_limit": o.time_limit.isoformat(),
                    "days_over": o.days_over,
                    "state": o.state_name,
                }
                for o in self.overdue
            ],
            "difficult_households": self.difficult_households,
            "unhelped_households": [
                {"household": u.household_number, "head": u.head_name} for u in self.unhelped
            ],
            "poor_threshold_yuan": self.poor_threshold_yuan,
            "poor_people": self.poor_people,
            "poor_under_threshold": [
                {
                    "household": p.household_number,
                    "name": p.name,
                    "received_yuan": p.received_text,
                    "received_fen": p.received_fen,
                }
                for p in self.poor
            ],
        }


def state_on(need: NeedRecord, day: dt.date) -> NeedState | None:
    """The need's state at the end of ``day`` (None: not reported yet, or steps out of order)."""
    state: NeedState | None = None
    for when, step in need.steps:
        if when > day:
            break
        try:
            state = next_state(state, step)
        except StepRefused:  # two PCs' steps crossed in sync: keep the state before
            continue
    return state


def compute(
    date_from: dt.date,
    date_to: dt.date,
    help_given: Iterable[AssistanceRecord],
    needs: Iterable[NeedRecord],
    households: Iterable[PoorHousehold],
    *,
    today: dt.date | None = None,
    poor_threshold_yuan: int = POOR_THRESHOLD_YUAN,
) -> AssistanceFigures:
    """The assistance figures of a period (both days included).

    Args:
        date_from: the period's first day.
        date_to: its last day.
        help_given: every live help record from 1 January of ``date_to``'s year to
            ``date_to`` (earlier and later ones are ignored); the year so far counts for the
            extremely poor and for households without a helper.
        needs: the needs with their steps (any that may matter: others count nowhere).
        households: the households in difficulty, with their live members.
        today: while the period is under way, "period end" figures stand at this day.
        poor_threshold_yuan: the least an extremely poor person should get in the year.
    """
    as_of = min(date_to, today) if today is not None and today >= date_from else date_to
    year_start = dt.date(date_to.year, 1, 1)
    year_help = [r for r in help_given if year_start <= r.given_on <= date_to]
    period = [r for r in year_help if date_from <= r.given_on]
    counts: Counter[str] = Counter(r.kind for r in period)
    amounts: Counter[str] = Counter()
    for r in period:
        amounts[r.kind] += r.amount_fen or 0
    kinds = [*HELP_KINDS, *sorted(k for k in counts if k not in HELP_KINDS)]
    totals = tuple(KindTotal(k, counts[k], amounts[k] if k in WITH_AMOUNT else None) for k in kinds)
    reported = checked = closed = still_open = 0
    overdue: list[OverdueNeed] = []
    for need in needs:
        days = [(when, step) for when, step in need.steps if date_from <= when <= date_to]
        reported += any(step is Step.REPORT for _, step in days)
        checked += any(step is Step.TOWNSHIP_CHECK for _, step in days)
        closed += any(step is Step.CLOSE for _, step in days)
        state = state_on(need, as_of)
        if state in OPEN_NEED_STATES:
            still_open += 1
            if need.time_limit is not None and need.time_limit < as_of:
                overdue.append(
                    OverdueNeed(
                        household_number=need.household_number,
                        beneficiary=need.beneficiary,
                        what=need.what,
                        time_limit=need.time_limit,
                        days_over=(as_of - need.time_limit).days,
                        state=state,
                        station=need.station,
                    )
                )
    overdue.sort(key=lambda o: (-o.days_over, o.station, o.household_number))
    homes = list(households)
    helped_in_year = {r.household_id for r in year_help}
    unhelped = tuple(
        Unhelped(h.number, h.head_name, h.station)
        for h in sorted(homes, key=lambda h: (h.station, h.number))
        if h.cadre_id is None and h.id not in helped_in_year
    )
    received = _received(homes, year_help)
    threshold = poor_threshold_yuan * 100
    poor_people = 0
    poor: list[PoorPerson] = []
    for h in sorted(homes, key=lambda h: (h.station, h.number)):
        for member in h.poor_members():
            poor_people += 1
            got = received.get(member.id, Fraction(0))
            if got < threshold:
                poor.append(PoorPerson(h.number, member.name, got, h.station))
    return AssistanceFigures(
        date_from=date_from,
        date_to=date_to,
        as_of=as_of,
        kinds=totals,
        households_helped=len({r.household_id for r in period}),
        needs_reported=reported,
        needs_checked=checked,
        needs_closed=closed,
        needs_open=still_open,
        overdue=tuple(overdue),
        unhelped=unhelped,
        difficult_households=len(homes),
        poor_people=poor_people,
        poor=tuple(poor),
        poor_threshold_yuan=poor_threshold_yuan,
    )


def _received(
    households: Sequence[PoorHousehold], help_given: Iterable[AssistanceRecord]
) -> dict[str, Fraction]:
    """Per person, the money and goods (分) of the help given: household help shared equally."""
    members = {h.id: [m.id for m in h.members] for h in households}
    received: dict[str, Fraction] = {}
    for r in help_given:
        if r.kind not in WITH_AMOUNT or not r.amount_fen:
            continue
        if r.person_id is not None:
            received[r.person_id] = received.get(r.person_id, Fraction(0)) + r.amount_fen
            continue
        everyone = members.get(r.household_id, [])
        for person_id in everyone:
            share = Fraction(r.amount_fen, len(everyone))
            received[person_id] = received.get(person_id, Fraction(0)) + share
    return received
