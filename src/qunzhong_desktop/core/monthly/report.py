"""The monthly report (民情月报): every figure of a month, computed from plain records.

Pure: the repository hands in one :class:`ItemRecord` per item that matters for the month
(with its whole history) and one :class:`CadreRecord` per cadre; :func:`compute` replays each
history up to the end of the month. Every figure is defined once, in :data:`DEFINITIONS`,
and the PDF and the workbook print those texts as their footnotes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.assistance_figures import DEFINITIONS as ASSISTANCE_DEFINITIONS
from qunzhong_desktop.core.assistance_figures import AssistanceFigures
from qunzhong_desktop.core.cadre_rules import (
    DEFAULT_RULES,
    FIRST_WEEK_WORKDAYS,
    DiaryDay,
    MonthFacts,
    Rule,
    duty_days,
    judge,
    rule_for,
    village_days,
    year_required,
)
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.clock import Calendar, due_date
from qunzhong_desktop.core.intake.rules import CHANNELS, DOMAIN_DAYS, GRADES, Event
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State

SATISFIED: tuple[str, ...] = ("满意", "基本满意")
UNIT_BONUS_TENTHS = 10  # +1 per item resolved in the month
UNIT_PENALTY_TENTHS = 3  # −0.3 per assigned item left unresolved at month end
OPEN_STATES: frozenset[State] = CLOCK_RUNNING | {State.AWAITING_DOCUMENTS}

# (term, definition): the footnotes of the PDF and the workbook, in this order.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("本月受理", "受理时间在本月内的事项数。按来源渠道、诉求类别、等级分列。"),
    (
        "本月办结",
        "本月内有“已办结”记录的事项数；同一事项本月办结多次只计一次，以本月最后一次办结为准。",
    ),
    (
        "月末在办",
        "按流转记录回放到月末最后一刻，状态为已受理、办理中、待补件、已上报、待交办或已交办的事项数"
        "（含以前月份受理的事项）。",
    ),
    (
        "月末超期",
        "月末在办且正在计时（不含待补件）的事项中，月末时有效的承诺办结日期早于本月最后一天的事项数"
        "（与工作台在月末最后一天显示的“已超期”一致）。有效日期：已交办的以最后一次交办期限为准，"
        "否则为受理日起承诺工作日数加上待补件暂停的工作日。",
    ),
    (
        "一次办结率",
        "本月办结的事项中，群众不用再跑第二次就办结的事项所占比例：在计入的那次办结之前没有"
        "待补件、不是补办件、没有因回访不满意重新办理；上报乡镇的，由乡镇一次交办办结的也计入"
        "（交办两次及以上的不计）。分母为本月办结数。",
    ),
    (
        "按期办结率",
        "本月办结的事项中，计入的那次办结日期不晚于当时有效的承诺办结日期的事项所占比例。"
        "分母为本月办结数。",
    ),
    (
        "满意率",
        "本月内的回访记录中，满意度为“满意”或“基本满意”的所占比例。分母为本月回访次数"
        "（按回访记录计，不是办结数）。",
    ),
    ("上报", "本月内“已上报”记录的次数。"),
    (
        "单位得分",
        "责任单位以交办记录为准。本月办结的事项，记给办结前最后一次交办的单位，每件 +1 分；"
        "月末仍在办的事项，记给月末前最后一次交办的单位，每件 −0.3 分（以前月份交办的也计）。",
    ),
    (
        "在村天数",
        "本月民情日记中类型为入户走访、集中工作日、坐班接待（村便民服务点）或民情恳谈会的天数，"
        "每人每天只计一次；电话回访不计，除非日记记有在村里的地点。",
    ),
    ("坐班天数", "本月类型为“坐班接待”的民情日记天数（也计入在村天数）。"),
    (
        "结对困难户",
        "与该干部结对、且户或任一成员带有重点帮扶对象标签的在册户数（按生成报表时的登记）。",
    ),
    (
        "考核规则",
        "按干部类别的考核规则（乡镇设置，随工作包下发）：乡驻村干部每月在村不少于 10 天、"
        "坐班不少于 2 天；乡主要领导在村不少于 5 天；乡副科级以上领导 2–3 天；村两委主要负责人"
        "不少于 10 天、其他干部不少于 5 天，且各结对困难户 3–5 户；工作队员每月第一周"
        "（前 5 个工作日）集中工作日须在村；县、镇机关干部全年在村不少于全年工作日的 1/3，"
        "按年计；党员只列联系户数，不考核天数（以上为默认值，以表后所列规则为准）。",
    ),
    ("比率", "分母为 0 时显示“—”。"),
)


class Month:
    """A calendar month, e.g. ``Month.parse("2026-11")``."""

    __slots__ = ("month", "year")

    def __init__(self, year: int, month: int) -> None:
        if not 1 <= month <= 12 or not 2000 <= year <= 2199:
            raise ValidationError(
                f"月份 {year}-{month:02d} 不正确。", code="report.month", year=year, month=month
            )
        self.year = year
        self.month = month

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-11``, ``2026-1``, ``202611`` or ``2026年11月``.

        Raises:
            ValidationError: not a month.
        """
        found = re.fullmatch(r"\s*(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?\s*", text)
        if found is None:
            raise ValidationError(
                f"月份“{text}”应写成 2026-11 的样子。", code="report.month", value=text
            )
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        """The month a day lies in."""
        return cls(day.year, day.month)

    @property
    def first(self) -> dt.date:
        """The first day."""
        return dt.date(self.year, self.month, 1)

    @property
    def next_first(self) -> dt.date:
        """The first day of the next month."""
        if self.month == 12:
            return dt.date(self.year + 1, 1, 1)
        return dt.date(self.year, self.month + 1, 1)

    @property
    def last(self) -> dt.date:
        """The last day."""
        return self.next_first - dt.timedelta(days=1)

    @property
    def start(self) -> dt.datetime:
        """The first moment of the month."""
        return dt.datetime.combine(self.first, dt.time())

    @property
    def end(self) -> dt.datetime:
        """The first moment after the month (exclusive bound)."""
        return dt.datetime.combine(self.next_first, dt.time())

    def contains(self, moment: dt.datetime | dt.date) -> bool:
        """Whether a moment or a day lies in the month."""
        return (moment.year, moment.month) == (self.year, self.month)

    def previous(self) -> Month:
        """The month before."""
        return Month.of(self.first - dt.timedelta(days=1))

    @property
    def title(self) -> str:
        """``2026年11月``."""
        return f"{self.year}年{self.month}月"

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Month) and (self.year, self.month) == (other.year, other.month)

    def __hash__(self) -> int:
        return hash((self.year, self.month))


@dataclass(frozen=True, slots=True)
class ItemRecord:
    """An intake item with its whole history, in event order."""

    number: str
    received_at: dt.datetime
    channel: str
    domain: str
    grade: str
    item_type: str
    promised_days: int
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class CadreRecord:
    """A cadre's diary days and the households in difficulty paired with them."""

    name: str
    unit: str
    role: str
    category: str
    days: tuple[DiaryDay, ...]  # the month's diary entries
    difficult_households: int
    # 1 January to the month's end: for a rule counted over the year (县、镇机关干部)
    year_days: tuple[DiaryDay, ...] = ()
    # the day the cadre was registered, or wrote the first diary day if earlier: months
    # before it are not judged (a wrong flag on a named person is worse than none)
    since: dt.date | None = None
    # at the township: where the cadre works (a station, or 乡镇本级 with the village of 包村)
    station: str = ""
    cadre_id: str = ""  # the register's row, for a window to open the cadre's year


@dataclass(frozen=True, slots=True)
class Rate:
    """A share with its numerator and denominator; no value when the denominator is 0."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """The share in [0, 1], or None."""
        return self.numerator / self.denominator if self.denominator else None

    @property
    def percent(self) -> str:
        """``87.5%`` or ``—``."""
        value = self.value
        return "—" if value is None else f"{100 * value:.1f}%"

    @property
    def text(self) -> str:
        """``87.5%（35/40）`` or ``—（0/0）``."""
        return f"{self.percent}（{self.numerator}/{self.denominator}）"


@dataclass(frozen=True, slots=True)
class UnitScore:
    """A responsible unit's score for the month."""

    unit: str
    resolved: int
    unresolved: int

    @property
    def tenths(self) -> int:
        """The score in tenths of a point (exact)."""
        return UNIT_BONUS_TENTHS * self.resolved - UNIT_PENALTY_TENTHS * self.unresolved

    @property
    def score(self) -> float:
        """The score, e.g. 1.4."""
        return self.tenths / 10

    @property
    def score_text(self) -> str:
        """``+1.4``, ``-0.6``, ``0.0``."""
        sign = "+" if self.tenths > 0 else ("−" if self.tenths < 0 else "")
        return f"{sign}{abs(self.tenths) // 10}.{abs(self.tenths) % 10}"


@dataclass(frozen=True, slots=True)
class CadreFigures:
    """A cadre's figures against the rule of the category; ``reasons`` empty when met."""

    name: str
    unit: str
    role: str
    category: str
    rule: str  # the rule in one line (core.cadre_rules.Rule.text)
    village_days: int
    duty_days: int
    difficult_households: int
    assessed: bool
    reasons: tuple[str, ...]
    # not reached yet: days while the month is under way, a year figure until the year ends
    pending: tuple[str, ...] = ()
    year_days: int = 0
    year_required: int | None = None
    station: str = ""  # at the township (CadreRecord.station)
    cadre_id: str = ""

    @property
    def meets(self) -> bool:
        """Whether the cadre meets every rule (always True when not assessed)."""
        return not self.reasons

    @property
    def verdict(self) -> str:
        """达标, 不达标, 待月末 (still to come), 按年计 (a year figure) or 不考核."""
        if not self.assessed:
            return "不考核"
        if not self.meets:
            return "不达标"
        if self.year_required is not None:
            return "按年计"
        return "待月末" if self.pending else "达标"

    @property
    def remarks(self) -> str:
        """The reasons and what is still to come, as one cell of the report."""
        return "；".join((*self.reasons, *self.pending))


@dataclass(frozen=True, slots=True)
class MonthlyReport:
    """Every figure of the monthly report of one station."""

    month: Month
    station_name: str
    received: int
    by_channel: tuple[tuple[str, int], ...]
    by_domain: tuple[tuple[str, int], ...]
    by_grade: tuple[tuple[str, int], ...]
    resolved: int
    in_progress: int
    overdue: int
    escalations: int
    first_time: Rate
    on_time: Rate
    satisfaction: Rate
    units: tuple[UnitScore, ...]
    cadres: tuple[CadreFigures, ...]
    # for the month still under way: the day the figures stand at (None: a finished month)
    as_of: dt.date | None = None
    assistance: AssistanceFigures | None = None  # the 帮扶 section (core.assistance_figures)

    @property
    def period_title(self) -> str:
        """``2026年11月``, or ``2026年11月（截至 11月21日）`` while the month is under way."""
        if self.as_of is None:
            return self.month.title
        return f"{self.month.title}（截至 {self.as_of.month}月{self.as_of.day}日）"

    @property
    def shortfalls(self) -> tuple[CadreFigures, ...]:
        """The assessed cadres who fall short of a rule."""
        return tuple(c for c in self.cadres if c.assessed and not c.meets)

    @property
    def definitions(self) -> tuple[tuple[str, str], ...]:
        """The footnotes: each figure's definition (帮扶's too when the report has them)."""
        return DEFINITIONS + (ASSISTANCE_DEFINITIONS if self.assistance is not None else ())


@dataclass(slots=True)
class _Replay:
    """What one item's history says about the month."""

    state: State | None = None  # at month end
    resolution: int | None = None  # index of the last RESOLVED event in the month
    unit_at_end: str = ""  # last assignment at or before month end
    unit_at_resolution: str = ""


def replay(events: Sequence[Event], month: Month) -> tuple[State | None, int | None, str, str]:
    """Replay a history up to the end of the month.

    Returns:
        (state at month end, index of the month's last RESOLVED event or None, unit of the
        last assignment at or before month end, unit of the last assignment before that
        resolution).
    """
    r = _Replay()
    end = month.end
    for index, event in enumerate(events):
        if event.at >= end:
            break
        r.state = event.to_state
        if event.to_state is State.ASSIGNED:
            r.unit_at_end = str(event.data.get("unit", "")).strip()
        elif event.to_state is State.RESOLVED and month.contains(event.at):
            r.resolution = index
            r.unit_at_resolution = r.unit_at_end
    return r.state, r.resolution, r.unit_at_end, r.unit_at_resolution


def due_in_force(
    item: ItemRecord, events: Sequence[Event], calendar: Calendar, today: dt.date
) -> dt.date:
    """The promised date given the events so far.

    The last assignment's deadline, else the promised working days after intake plus the
    working days paused for documents (as the repository keeps ``due_on``).
    """
    for event in reversed(events):
        if event.to_state is State.ASSIGNED and event.data.get("deadline"):
            return dt.date.fromisoformat(str(event.data["deadline"]))
    return due_date(item.received_at.date(), item.promised_days, events, calendar, today)


def first_time(events: Sequence[Event], item_type: str = "") -> bool:
    """Whether an item was settled without the resident having to come back (一次办结).

    Up to and including the resolution counted: never waiting for documents (a 补办件, or a
    待补件 step), never reopened, and — if escalated — settled by the township in one pass
    (assigned once). Escalation itself is not a second trip for the resident.
    """
    if item_type == "补办件":
        return False
    assignments = 0
    for event in events:
        if event.to_state is State.AWAITING_DOCUMENTS:
            return False
        if event.to_state is State.IN_PROGRESS and event.from_state is State.FOLLOWED_UP:
            return False
        assignments += event.to_state is State.ASSIGNED
    return assignments <= 1


def cadre_figures(
    cadre: CadreRecord,
    rules: Sequence[Rule],
    month: Month,
    calendar: Calendar,
    *,
    as_of: dt.date | None = None,
) -> CadreFigures:
    """A cadre's figures with the reasons they fall short of the category's rule.

    While the month is under way (``as_of``) a count of days below its minimum is not a
    shortfall yet (on the 2nd nobody has 10 days): it is ``pending``, judged at month end.
    """
    rule = rule_for(rules, cadre.category)
    judged = as_of or month.last
    village = village_days(cadre.days)
    week_end = calendar.add_workdays(month.first - dt.timedelta(days=1), FIRST_WEEK_WORKDAYS)
    year = judged.year
    workdays = calendar.workdays_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
    required = year_required(rule, workdays)
    in_year = {d for d in village_days(cadre.year_days) if d <= judged}
    facts = MonthFacts(
        village_days=len(village),
        duty_days=len(duty_days(cadre.days)),
        difficult_households=cadre.difficult_households,
        first_week_days=sum(1 for d in village if d <= week_end),
        first_week_over=judged > week_end,
        year_days=len(in_year | village),
        year_required=required,
        under_way=as_of is not None,
    )
    reasons, pending = judge(rule, facts)
    return CadreFigures(
        name=cadre.name,
        unit=cadre.unit,
        role=cadre.role,
        category=cadre.category,
        rule=rule.text,
        village_days=facts.village_days,
        duty_days=facts.duty_days,
        difficult_households=cadre.difficult_households,
        assessed=rule.assessed,
        reasons=reasons,
        pending=pending,
        year_days=facts.year_days,
        year_required=required,
        station=cadre.station,
        cadre_id=cadre.cadre_id,
    )


class _MemoCalendar:
    """A calendar that remembers its answers (10,000 items ask the same few questions)."""

    def __init__(self, calendar: Calendar) -> None:
        self._calendar = calendar
        self._add: dict[tuple[dt.date, int], dt.date] = {}
        self._between: dict[tuple[dt.date, dt.date], int] = {}

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        key = (start, days)
        found = self._add.get(key)
        if found is None:
            found = self._add[key] = self._calendar.add_workdays(start, days)
        return found

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        key = (start, end)
        found = self._between.get(key)
        if found is None:
            found = self._between[key] = self._calendar.workdays_between(start, end)
        return found


def _ordered(counts: Counter[str], known: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Known keys first in their order (zeros included), then others by count."""
    known = list(known)
    rest = sorted((k for k in counts if k not in known), key=lambda k: (-counts[k], k))
    return tuple((key, counts.get(key, 0)) for key in [*known, *rest])


def compute(
    month: Month,
    items: Iterable[ItemRecord],
    cadres: Iterable[CadreRecord],
    *,
    calendar: Calendar,
    station_name: str = "",
    domains: Sequence[str] = tuple(DOMAIN_DAYS),
    today: dt.date | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
) -> MonthlyReport:
    """Compute the monthly report.

    Args:
        month: the month.
        items: the items that may matter (others are ignored by the definitions anyway):
            received in the month, with an event in the month, or open at its end.
        cadres: every cadre, with the month's diary days and paired households.
        calendar: the working-day calendar (promised dates).
        station_name: shown in the title.
        domains: the configured domains, in the order the report lists them.
        today: for the month under way, "month end" figures (in progress, overdue) stand
            at this day instead of the month's last day, as the work lists show them.
        rules: the cadre rule table in force (the township's).
    """
    cal = _MemoCalendar(calendar)
    channel: Counter[str] = Counter()
    domain: Counter[str] = Counter()
    grade: Counter[str] = Counter()
    resolved = in_progress = overdue = escalations = 0
    first = on_time = followed = satisfied = 0
    unit_resolved: Counter[str] = Counter()
    unit_open: Counter[str] = Counter()
    as_of = today if today is not None and month.first <= today < month.last else None
    last_day = as_of or month.last
    for item in items:
        if month.contains(item.received_at):
            channel[item.channel] += 1
            domain[item.domain] += 1
            grade[item.grade] += 1
        for event in item.events:
            if not month.contains(event.at):
                continue
            if event.to_state is State.ESCALATED:
                escalations += 1
            elif event.to_state is State.FOLLOWED_UP:
                followed += 1
                satisfied += event.data.get("satisfaction") in SATISFIED
        state, resolution, unit_at_end, unit_at_resolution = replay(item.events, month)
        if resolution is not None:
            resolved += 1
            history = item.events[: resolution + 1]
            first += first_time(history, item.item_type)
            at = history[-1].at.date()
            on_time += at <= due_in_force(item, history, cal, at)
            if unit_at_resolution:
                unit_resolved[unit_at_resolution] += 1
        if state in OPEN_STATES:
            in_progress += 1
            if unit_at_end:
                unit_open[unit_at_end] += 1
            if state in CLOCK_RUNNING:
                so_far = [e for e in item.events if e.at < month.end]
                if due_in_force(item, so_far, cal, last_day) < last_day:
                    overdue += 1
    units = sorted(
        (
            UnitScore(unit, unit_resolved[unit], unit_open[unit])
            for unit in set(unit_resolved) | set(unit_open)
        ),
        key=lambda u: (-u.tenths, -u.resolved, u.unit),
    )
    return MonthlyReport(
        month=month,
        station_name=station_name,
        received=sum(channel.values()),
        by_channel=_ordered(channel, CHANNELS),
        by_domain=_ordered(domain, domains),
        by_grade=_ordered(grade, GRADES),
        resolved=resolved,
        in_progress=in_progress,
        overdue=overdue,
        escalations=escalations,
        first_time=Rate(first, resolved),
        on_time=Rate(on_time, resolved),
        satisfaction=Rate(satisfied, followed),
        units=tuple(units),
        cadres=tuple(cadre_figures(c, rules, month, cal, as_of=as_of) for c in cadres),
        as_of=as_of,
    )
