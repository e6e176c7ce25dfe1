"""The report over any period (issue 17): every figure, beside the period before and a year before.

A month, quarter, half-year, year, year to date or from–to (:mod:`.period`). The item
figures come from :func:`.items.item_figures`, as the monthly report's do, so the report of a
month carries the monthly report's figures. Beside them: the activity the practice counts
(contact cards, households visited, suggestions, 民情恳谈会), the cumulative figures since a
start date (梳理问题 / 办结), and the units' tables — 双联系单位责任表 and 化解情况成效表 with
the ranking, every unit answerable for an item scored (not only those named in an
assignment).

Pure: the repository hands in the items (for the three periods at once), the activity counts
of each period and the units register.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS, GRADES
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.cadre_period import CADRE_DEFINITIONS, CadrePeriod
from qunzhong_desktop.core.monthly.items import (
    SATISFACTION_LEVELS,
    UNIT_BONUS_TENTHS,
    UNIT_PENALTY_TENTHS,
    ItemFigures,
    ItemRecord,
    MemoCalendar,
    Rate,
    as_of_day,
    item_figures,
    score_text,
)
from qunzhong_desktop.core.monthly.period import Kind, Period
from qunzhong_desktop.core.monthly.voice import COUNTS as VOICE_COUNTS
from qunzhong_desktop.core.monthly.voice import DEFINITIONS as VOICE_DEFINITIONS
from qunzhong_desktop.core.monthly.voice import VoiceFigures
from qunzhong_desktop.core.units import Unit

#: the figures compared with the period before and a year before: (key, label)
FIGURES: tuple[tuple[str, str], ...] = (
    ("received", "受理"),
    ("resolved", "办结"),
    ("in_progress", "期末在办"),
    ("overdue", "期末超期"),
    ("escalations", "上报"),
    ("first_time", "一次办结率"),
    ("on_time", "按期办结率"),
    ("satisfaction", "满意率"),
    ("cards_issued", "发放联系卡"),
    ("households_visited", "走访农户"),
    ("suggestions", "收集意见建议"),
    ("meetings", "民情恳谈会"),
)
RATE_KEYS = frozenset({"first_time", "on_time", "satisfaction"})
BOTTOM = "末位"

PERIOD_DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "统计期间",
        "受理、办结、上报、回访按日期落在期间内计；期末在办、期末超期按流转记录回放到期间最后一天"
        "（期间未结束的，到今天）。一个月的数字与民情月报相同。",
    ),
    (
        "上期",
        "紧挨着的前一个同类期间：上月、上季度、上半年、上年；起止日期的，为紧挨着的同样天数。",
    ),
    ("去年同期", "上一年的同一期间（2 月 29 日按 2 月 28 日）。年初至今的上期即去年同期。"),
    (
        "增减",
        "本期减去比较期；百分比为增减除以比较期，比较期为 0 时显示“—”。比率的增减以百分点计。",
    ),
    ("累计", "自累计起始日至本期末：受理的事项为“梳理问题”，其中到本期末已办结的为“办结”。"),
    ("发放联系卡", "期间内打印发放的便民服务联系卡张数（补发也计）。"),
    ("走访农户", "期间内民情日记记录走访的不同户数（同一户多次走访只计一户）。"),
    (
        "收集意见建议",
        "期间内民情日记走访中，“问建议意见”一项记有内容的户次。",
    ),
    (
        "民情恳谈会",
        "期间内登记的民情恳谈会次数（按民情会议登记的会议日期计；此前按类型为“民情恳谈会”的"
        "民情日记计次）。",
    ),
    (
        "责任单位",
        "一件事项由主管部门和双联系单位共同负责：主管部门为乡镇最后一次交办的单位，未交办的为"
        "受理时按诉求类别确定（可修改）的主管部门；双联系单位为该村的联系单位。",
    ),
    (
        "化解情况成效表",
        f"负责事项：期间内受理、办结或期末仍在办且由该单位负责的事项。得分：办结每件 "
        f"+{UNIT_BONUS_TENTHS / 10:g} 分，期末未办结每件 −{UNIT_PENALTY_TENTHS / 10:g} 分。"
        "满意度：期间内这些事项回访的满意、基本满意、不满意次数。有负责事项的单位按得分排名"
        "（同分同名次），最后一名标“末位”（并列的同标）；没有负责事项的单位列在后面，不排名。",
    ),
    (
        "双联系单位责任表",
        "联系村为登记的联系点。受理、办结按等级（A 重大紧急、B 一般、C 简单）统计以该单位为双联系"
        "单位的事项。",
    ),
)


@dataclass(frozen=True, slots=True)
class Activity:
    """The activity figures of a period (the repository counts them)."""

    cards_issued: int = 0
    households_visited: int = 0
    suggestions: int = 0
    meetings: int = 0


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """Every figure of one period."""

    period: Period
    items: ItemFigures
    activity: Activity

    def value(self, key: str) -> int | Rate:
        """A figure of :data:`FIGURES` by its key."""
        if key in ("cards_issued", "households_visited", "suggestions", "meetings"):
            return int(getattr(self.activity, key))
        found: int | Rate = getattr(self.items, key)
        return found


@dataclass(frozen=True, slots=True)
class Change:
    """A figure beside a comparison: the difference, and the percentage of the comparison."""

    current: int | Rate
    other: int | Rate

    @property
    def delta(self) -> float | None:
        """The difference (percentage points for a rate; None when a rate has no value)."""
        if isinstance(self.current, Rate) or isinstance(self.other, Rate):
            a, b = _rate_value(self.current), _rate_value(self.other)
            return None if a is None or b is None else round(100 * (a - b), 1)
        return self.current - self.other

    @property
    def percent(self) -> float | None:
        """The difference as a share of the comparison, in % (None for rates and from 0)."""
        if isinstance(self.current, Rate) or isinstance(self.other, Rate) or not self.other:
            return None
        return round(100 * (self.current - self.other) / self.other, 1)

    @property
    def text(self) -> str:
        """``+5（+12.5%）``, ``−3``, ``+2.5 个百分点`` or ``—``."""
        delta = self.delta
        if delta is None:
            return "—"
        if isinstance(self.current, Rate):
            return f"{_signed(delta)} 个百分点"
        percent = self.percent
        return _signed(delta) + ("" if percent is None else f"（{_signed(percent)}%）")


def _rate_value(value: int | Rate) -> float | None:
    return value.value if isinstance(value, Rate) else float(value)


def _signed(value: float) -> str:
    if value == 0:
        return "0"
    text = f"{abs(value):g}" if isinstance(value, int) or value == int(value) else f"{abs(value)}"
    return ("+" if value > 0 else "−") + text


@dataclass(frozen=True, slots=True)
class Comparison:
    """One row of the comparison table."""

    key: str
    label: str
    current: int | Rate
    previous: Change
    year_before: Change


@dataclass(frozen=True, slots=True)
class UnitRow:
    """A unit in the 化解情况成效表, ranked."""

    unit: str
    level: str
    kind: str
    answered: int
    resolved: int
    unresolved: int
    satisfaction: tuple[int, int, int]  # 满意, 基本满意, 不满意
    rank: int = 0
    bottom: bool = False

    @property
    def tenths(self) -> int:
        """The score in tenths of a point (exact)."""
        return UNIT_BONUS_TENTHS * self.resolved - UNIT_PENALTY_TENTHS * self.unresolved

    @property
    def score_text(self) -> str:
        """``+1.4``, ``−0.6``, ``0.0``."""
        return score_text(self.tenths)

    @property
    def satisfied(self) -> Rate:
        """满意 and 基本满意 of all answers."""
        return Rate(self.satisfaction[0] + self.satisfaction[1], sum(self.satisfaction))


@dataclass(frozen=True, slots=True)
class PairedRow:
    """A unit in the 双联系单位责任表."""

    unit: str
    villages: tuple[str, ...]  # names
    received: tuple[int, ...]  # by grade A, B, C
    resolved: tuple[int, ...]

    @property
    def received_total(self) -> int:
        """Received, all grades."""
        return sum(self.received)

    @property
    def resolved_total(self) -> int:
        """Resolved, all grades."""
        return sum(self.resolved)


@dataclass(frozen=True, slots=True)
class Cumulative:
    """Since a start date to the period's end: 梳理问题 (received) and of them 办结."""

    since: dt.date
    combed: int
    closed: int

    @property
    def rate(self) -> Rate:
        """办结 of 梳理问题."""
        return Rate(self.closed, self.combed)


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """The report of a period, with its comparisons and the units' tables."""

    name: str  # the station's or the township's
    current: PeriodFigures
    previous: PeriodFigures
    year_before: PeriodFigures
    cumulative: Cumulative
    units: tuple[UnitRow, ...]
    paired: tuple[PairedRow, ...]
    as_of: dt.date | None = None
    # at the township: each station's figures of the period, (code, name, figures)
    stations: tuple[tuple[str, str, PeriodFigures], ...] = ()
    # each cadre over the period (at the township each says where it works: .station)
    cadres: tuple[CadrePeriod, ...] = ()
    # 民情与信访 (core.monthly.voice): the period, the period before, a year before
    voice: tuple[VoiceFigures, VoiceFigures, VoiceFigures] | None = None
    # at the township: each station's 民情与信访 of the period, (code, name, figures)
    voice_stations: tuple[tuple[str, str, VoiceFigures], ...] = ()
    # what a row of ``stations`` is (工作站; 乡镇 in the county's report), what the whole is
    rows_label: str = "工作站"
    whole: str = "全乡镇"

    @property
    def period(self) -> Period:
        """The period."""
        return self.current.period

    @property
    def title(self) -> str:
        """``2026年下半年``, or with ``（截至 11月21日）`` while it is under way."""
        if self.as_of is None:
            return self.period.title
        return f"{self.period.title}（截至 {self.as_of.month}月{self.as_of.day}日）"

    @property
    def comparisons(self) -> tuple[Comparison, ...]:
        """Every figure of :data:`FIGURES` beside the period before and a year before."""
        rows = []
        for key, label in FIGURES:
            now = self.current.value(key)
            rows.append(
                Comparison(
                    key,
                    label,
                    now,
                    Change(now, self.previous.value(key)),
                    Change(now, self.year_before.value(key)),
                )
            )
        return tuple(rows)

    @property
    def definitions(self) -> tuple[tuple[str, str], ...]:
        """The footnotes of the period's figures (the cadres', 民情与信访's when it has them)."""
        return (
            PERIOD_DEFINITIONS
            + (VOICE_DEFINITIONS if self.voice is not None else ())
            + (CADRE_DEFINITIONS if self.cadres else ())
        )

    @property
    def voice_comparisons(self) -> tuple[Comparison, ...]:
        """Every count of the 民情与信访 section beside the period before and a year before."""
        if self.voice is None:
            return ()
        now, before, last_year = self.voice
        return tuple(
            Comparison(
                key,
                label,
                now.value(key),
                Change(now.value(key), before.value(key)),
                Change(now.value(key), last_year.value(key)),
            )
            for key, label in VOICE_COUNTS
        )

    @property
    def read_comparison(self) -> Comparison | None:
        """The 阅办率 beside the period before and a year before."""
        if self.voice is None:
            return None
        now, before, last_year = (f.petitions.read.rate for f in self.voice)
        return Comparison("read_rate", "阅办率", now, Change(now, before), Change(now, last_year))

    @property
    def evaluations_shown(self) -> bool:
        """Whether the report lists the evaluations: a half-year's or a year's."""
        return self.voice is not None and self.period.kind in (Kind.HALF, Kind.YEAR)


def unit_rows(figures: ItemFigures, register: Sequence[Unit]) -> tuple[UnitRow, ...]:
    """The 化解情况成效表: every unit of the register and every unit named on an item, ranked.

    The units that answered for an item are ranked by score, then resolved, then the
    register's order (a tie shares the rank); the last place (and those tied with it) is
    marked :data:`BOTTOM` when they do not all score the same. Units that answered for
    nothing follow, unranked (rank 0), never marked.
    """
    known = {u.name: u for u in register}
    order = {u.name: i for i, u in enumerate(register)}
    names = list(known) + sorted(n for n in figures.tallies if n not in known)
    rows = []
    for name in names:
        tally = figures.tallies.get(name)
        unit = known.get(name)
        answers = tally.satisfaction if tally is not None else Counter[str]()
        happy, fair, unhappy = (answers[level] for level in SATISFACTION_LEVELS)
        rows.append(
            UnitRow(
                unit=name,
                level=unit.level if unit else "",
                kind=unit.kind if unit else "",
                answered=tally.answered if tally else 0,
                resolved=tally.resolved if tally else 0,
                unresolved=tally.unresolved if tally else 0,
                satisfaction=(happy, fair, unhappy),
            )
        )
    rows.sort(
        key=lambda r: (
            not r.answered,
            -r.tenths,
            -r.resolved,
            order.get(r.unit, len(order)),
            r.unit,
        )
    )
    scored = [r for r in rows if r.answered]
    lowest = scored[-1].tenths if scored else 0
    uneven = len({r.tenths for r in scored}) > 1
    ranked: list[UnitRow] = []
    for index, row in enumerate(rows):
        if not row.answered:
            rank, bottom = 0, False
        else:
            tie = index and row.tenths == rows[index - 1].tenths
            rank = ranked[-1].rank if tie else index + 1
            bottom = uneven and row.tenths == lowest
        ranked.append(
            UnitRow(
                row.unit,
                row.level,
                row.kind,
                row.answered,
                row.resolved,
                row.unresolved,
                row.satisfaction,
                rank,
                bottom,
            )
        )
    return tuple(ranked)


def paired_rows(
    figures: ItemFigures, register: Sequence[Unit], station_names: Mapping[str, str]
) -> tuple[PairedRow, ...]:
    """The 双联系单位责任表: each unit with villages, and any unit named as one on an item."""
    rows = []
    named = [u.name for u in register if u.villages]
    named += sorted(
        n
        for n, t in figures.tallies.items()
        if n not in named and (t.paired_received or t.paired_resolved)
    )
    villages = {u.name: u.villages for u in register}
    for name in named:
        tally = figures.tallies.get(name)
        received = tally.paired_received if tally else {}
        resolved = tally.paired_resolved if tally else {}
        rows.append(
            PairedRow(
                unit=name,
                villages=tuple(station_names.get(c, c) for c in villages.get(name, ())),
                received=tuple(received.get(g, 0) for g in GRADES),
                resolved=tuple(resolved.get(g, 0) for g in GRADES),
            )
        )
    return tuple(rows)


def cumulative(items: Iterable[ItemRecord], since: dt.date, period: Period) -> Cumulative:
    """梳理问题 (received from ``since`` to the period's end) and of them 办结 by then.

    An item counts as 办结 when its state at the period's end (replayed) is resolved, followed
    up or closed.
    """
    done = {State.RESOLVED, State.FOLLOWED_UP, State.CLOSED}
    start = dt.datetime.combine(since, dt.time())
    combed = closed = 0
    for item in items:
        if not start <= item.received_at < period.end:
            continue
        combed += 1
        state = None
        for event in item.events:
            if event.at >= period.end:
                break
            state = event.to_state
        closed += state in done
    return Cumulative(since, combed, closed)


def assemble(
    period: Period,
    spans: Mapping[Period, ItemFigures],
    activity: Mapping[Period, Activity],
    totals: Cumulative,
    *,
    register: Sequence[Unit] = (),
    station_names: Mapping[str, str] | None = None,
    name: str = "",
    today: dt.date | None = None,
) -> PeriodReport:
    """The report of a period from the item figures of it, the period before and a year before.

    Whichever way those were counted (:func:`period_report` replays the items; the store
    counts settled items from their kept facts, ``storage/period_repo.py``).
    """
    previous, year_before = period.previous(), period.year_before()

    def figures(span: Period) -> PeriodFigures:
        return PeriodFigures(span, spans[span], activity.get(span, Activity()))

    current, before = figures(period), figures(previous)
    last_year = before if year_before == previous else figures(year_before)
    return PeriodReport(
        name=name,
        current=current,
        previous=before,
        year_before=last_year,
        cumulative=totals,
        units=unit_rows(current.items, register),
        paired=paired_rows(current.items, register, station_names or {}),
        as_of=as_of_day(period, today),
    )


def periods_of(period: Period) -> tuple[Period, ...]:
    """The period, the period before and a year before (once when they are the same)."""
    return tuple(dict.fromkeys((period, period.previous(), period.year_before())))


def period_report(
    period: Period,
    items: Sequence[ItemRecord],
    activity: Mapping[Period, Activity],
    *,
    calendar: Calendar,
    register: Sequence[Unit] = (),
    station_names: Mapping[str, str] | None = None,
    name: str = "",
    domains: Sequence[str] = tuple(DOMAIN_DAYS),
    today: dt.date | None = None,
    since: dt.date | None = None,
) -> PeriodReport:
    """The report of a period, replaying the items' histories.

    Args:
        period: the period.
        items: the items that may matter for the period, the period before or a year before,
            and since ``since``.
        activity: the activity counts of the three periods (missing: zeros).
        calendar: the working-day calendar.
        register: the units register (its units are listed even without items).
        station_names: code → name, for the villages of the paired units.
        name: the station's or the township's name.
        domains: the configured domains.
        today: a period under way stands at this day.
        since: the start of the cumulative figures (default: the period's first day).
    """
    cal = MemoCalendar(calendar)
    spans = {}
    for span in periods_of(period):
        end = span.end
        chosen = [i for i in items if i.received_at < end]
        spans[span] = item_figures(span, chosen, calendar=cal, domains=domains, today=today)
    return assemble(
        period,
        spans,
        activity,
        cumulative(items, since or period.first, period),
        register=register,
        station_names=station_names,
        name=name,
        today=today,
    )
