"""A cadre over any period (issue 17, item 4): the months the monthly report judges, summed.

The period report's 干部民情日记 table. Each cadre's days in the village and duty days are
counted over the period's own days (a from–to or year to date counts only its days); the
months it covers are judged one by one as the monthly report judges them
(:func:`.report.cadre_figures`, with :mod:`.cadre_year`'s approach), and the verdict of the
period follows from them:

* a month wholly inside the period is judged; the month under way (today in it, the period
  not ended before today) is judged as the monthly report judges it — a count still below
  its minimum is *pending* (待月末), not a shortfall;
* a month only partly inside the period (the ends of a from–to, a year to date of a past
  month) is **not judged**: its days count in the sums, but nobody is marked short for part
  of a month;
* months before the cadre was registered (or wrote the first diary day) are not judged;
* a rule counted over the year (县、镇机关干部) is judged on the year: days in the village
  from 1 January to the period's end against the year's share; a year whose 31 December
  falls in the period and is short is a shortfall, one not over yet is pending (按年计);
* categories asked for nothing (党员) are listed without a verdict (不考核).

Pure; the repository hands in one :class:`.report.CadreRecord` per cadre whose ``days`` hold
every diary day from 1 January of the period's first year to its last day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.cadre_rules import (
    DiaryDay,
    Rule,
    duty_days,
    rule_for,
    village_days,
    year_required,
)
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.monthly.period import Period
from qunzhong_desktop.core.monthly.report import CadreRecord, Month, cadre_figures

MET = "达标"
SHORT = "不达标"
PENDING = "待月末"
BY_YEAR = "按年计"
UNJUDGED = "不评定"
NOT_ASSESSED = "不考核"

#: the footnotes of the 干部民情日记 table (added to the period's)
CADRE_DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "干部民情日记",
        "每名干部期间内的在村天数、坐班天数（计法同民情月报，只计期间内的日子，每人每天一次），"
        "按干部类别的考核规则逐月考核（见“考核规则”）。乡镇汇总时列出干部工作地点。",
    ),
    (
        "考核月数",
        "期间内按月考核的月份：整月都在期间内的月份，以及正在进行的月份（按到今天的记录）。"
        "只有一部分在期间内的月份（起止日期两端不满一月的）不考核，其天数照计；干部登记"
        "（或首次记民情日记）之前的月份不考核。",
    ),
    (
        "未达标月份",
        "考核月份中未达到本类别每月规则的月份及原因，如“3月：在村 7 天，少于 10 天”。正在"
        "进行的月份天数未满的不算未达标，列出还差的天数（待月末）。",
    ),
    (
        "结论",
        "达标：考核的每个月都达到规则；不达标：有未达标的月份（或全年在村天数不足）；待月末："
        "没有未达标的月份，正在进行的月份尚未满；按年计：全年规则的年度未结束、天数尚未满；"
        "不评定：期间内没有可考核的月份；不考核：党员等不考核天数的类别。",
    ),
    (
        "按年计",
        "县、镇机关干部全年在村不少于全年工作日的规定比例，按自然年计：从 1 月 1 日算到期末"
        "（期间未结束的到今天）；期间内含某年 12 月 31 日而该年天数不足的，为不达标。",
    ),
)


@dataclass(frozen=True, slots=True)
class CadrePeriod:
    """One cadre's figures over a period, with the months that fell short."""

    name: str
    unit: str
    role: str
    category: str
    rule: str  # the rule in one line (core.cadre_rules.Rule.text)
    village_days: int  # in the period (to today while it is under way)
    duty_days: int
    difficult_households: int
    assessed: bool
    months: tuple[Month, ...]  # the months judged
    shortfalls: tuple[tuple[Month, tuple[str, ...]], ...]  # months short, with the reasons
    # what is still to come: the month under way's minimums (``11月：在村 3 天（月末须满
    # 10 天）``), a year figure not reached
    pending: tuple[str, ...] = ()
    year_reasons: tuple[str, ...] = ()  # a year that ended in the period short of its share
    year_days: int = 0  # 1 January of the last year to the period's end (or today)
    year_required: int | None = None  # what a year-share rule asks for that year
    station: str = ""  # at the township: where the cadre works (CadreRecord.station)
    cadre_id: str = ""
    years: bool = False  # the period spans two calendar years: months named with their year

    @property
    def verdict(self) -> str:
        """达标, 不达标, 待月末, 按年计, 不评定 or 不考核 (see :data:`CADRE_DEFINITIONS`)."""
        if not self.assessed:
            return NOT_ASSESSED
        if self.shortfalls or self.year_reasons:
            return SHORT
        if self.year_required is not None and self.year_days < self.year_required:
            return BY_YEAR
        if self.pending:
            return PENDING
        if not self.months and self.year_required is None:
            return UNJUDGED
        return MET

    @property
    def shortfall_text(self) -> str:
        """``3月：在村 7 天，少于 10 天；5月：坐班 1 天，少于 2 天`` (empty when none)."""
        parts = [f"{self.month_label(m)}：{'，'.join(r)}" for m, r in self.shortfalls]
        return "；".join((*parts, *self.year_reasons))

    @property
    def remarks(self) -> str:
        """The months short, then what is still to come, as one cell of the report."""
        return "；".join(p for p in (self.shortfall_text, *self.pending) if p)

    def month_label(self, month: Month) -> str:
        """``3月``, or ``2025年12月`` in a period spanning two years."""
        return _label(month, self.years)


def _label(month: Month, years: bool) -> str:
    return month.title if years else f"{month.month}月"


def months_of(period: Period) -> tuple[Month, ...]:
    """Every calendar month the period touches, in order."""
    months, month = [], Month.of(period.first)
    while month.first <= period.last:
        months.append(month)
        month = Month.of(month.next_first)
    return tuple(months)


def cadre_period(
    record: CadreRecord,
    rules: Sequence[Rule],
    period: Period,
    calendar: Calendar,
    *,
    today: dt.date | None = None,
) -> CadrePeriod:
    """A cadre's figures over ``period`` (see the module docstring for what is judged).

    Args:
        record: the cadre, whose ``days`` hold every diary day from 1 January of the
            period's first year to the period's last day (``year_days`` is not read).
        rules: the cadre rule table in force (the township's).
        period: the period.
        calendar: the working-day calendar (first working week, a year's working days).
        today: a period under way stands at this day; months not begun are not judged.
    """
    rule = rule_for(rules, record.category)
    # the months are judged on their monthly rule; the year share is judged below, on the year
    monthly = [dataclasses.replace(r, year_share=None) for r in rules]
    stop = period.last if today is None else min(period.last, today)
    years = period.first.year != period.last.year
    by_month: dict[tuple[int, int], list[DiaryDay]] = defaultdict(list)
    for entry in record.days:
        by_month[(entry.day.year, entry.day.month)].append(entry)
    shortfalls: list[tuple[Month, tuple[str, ...]]] = []
    pending: list[str] = []
    judged: list[Month] = []
    for month in months_of(period) if rule.assessed else ():
        if today is not None and month.first > today:
            break  # not begun
        if record.since is not None and record.since > month.last:
            continue  # not on the register yet
        under_way = today is not None and month.first <= today < month.last and today <= period.last
        if month.first < period.first or (month.last > period.last and not under_way):
            continue  # only part of the month lies in the period
        in_month = tuple(by_month.get((month.year, month.month), ()))
        figures = cadre_figures(
            dataclasses.replace(record, days=in_month, year_days=()),
            monthly,
            month,
            calendar,
            as_of=today if under_way else None,
        )
        judged.append(month)
        if figures.reasons:
            shortfalls.append((month, figures.reasons))
        if figures.pending:
            pending.append(f"{_label(month, years)}：{'，'.join(figures.pending)}")
    inside = [d for d in record.days if period.first <= d.day <= stop]
    year_reasons: list[str] = []
    year_days, required = 0, None
    if rule.year_share is not None:
        for year in range(period.first.year, stop.year + 1):
            end = min(dt.date(year, 12, 31), stop)
            if record.since is not None and record.since > end:
                continue
            workdays = calendar.workdays_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
            required = year_required(rule, workdays)
            assert required is not None
            first = dt.date(year, 1, 1)
            year_days = len({d for d in village_days(record.days) if first <= d <= end})
            if year_days >= required:
                continue
            if end == dt.date(year, 12, 31):
                year_reasons.append(f"{year}年全年在村 {year_days} 天，少于 {required} 天")
            else:
                pending.append(f"本年在村 {year_days} 天（全年须满 {required} 天）")
    return CadrePeriod(
        name=record.name,
        unit=record.unit,
        role=record.role,
        category=record.category,
        rule=rule.text,
        village_days=len(village_days(inside)),
        duty_days=len(duty_days(inside)),
        difficult_households=record.difficult_households,
        assessed=rule.assessed,
        months=tuple(judged),
        shortfalls=tuple(shortfalls),
        pending=tuple(pending),
        year_reasons=tuple(year_reasons),
        year_days=year_days,
        year_required=required,
        station=record.station,
        cadre_id=record.cadre_id,
        years=years,
    )


def shortfall_count(cadres: Sequence[CadrePeriod]) -> int:
    """How many cadres fall short over the period."""
    return sum(c.verdict == SHORT for c in cadres)
