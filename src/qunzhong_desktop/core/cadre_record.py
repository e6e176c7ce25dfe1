"""A cadre's mass-work record (群众工作实绩记录) for a chosen period, and whether it is a year.

Promotions ask for at least a year of mass work; the record of a period shows where the
cadre served (station, first and last diary day), the days in the village month by month
against the rule of the category (the same figures the monthly report judges), the
households visited, the items handled with their outcomes and residents' satisfaction, and
the households paired — and says plainly whether the period reaches one year.

The repository (``storage/cadre_record_repo.py``) gathers it; the PDF
(``reports/cadre_record_pdf.py``) prints it. This module holds the plain records and the
arithmetic of the period.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.report import SATISFIED, Month, Rate

MAX_YEARS = 10  # the longest period a record covers
NOT_YET = "尚未登记，不评定"  # the remark of a month before the cadre came


class PeriodInvalid(ValidationError):
    """A record's period that cannot be: reversed, in the future, or too long."""

    code = "cadre_record.period"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it is shorter (1-31 → 2-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def span(start: dt.date, end: dt.date) -> tuple[int, int]:
    """Whole months and the days left over from ``start`` to ``end``, both days included.

    ``2026-01-15`` to ``2026-03-20`` is 2 months (15 January to 14 March) and 6 days.
    """
    after = end + dt.timedelta(days=1)
    months = 0
    while add_months(start, months + 1) <= after:
        months += 1
    return months, (after - add_months(start, months)).days


def reaches_year(start: dt.date, end: dt.date) -> bool:
    """Whether ``start`` to ``end`` (both included) is at least a year."""
    return span(start, end)[0] >= 12


def span_text(months: int, days: int) -> str:
    """``10 个月 5 天``, ``10 个月``, ``20 天``; a year or more as ``1 年 2 个月``."""
    years, months = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} 年")
    if months:
        parts.append(f"{months} 个月")
    if days or not parts:
        parts.append(f"{days} 天")
    return " ".join(parts)


def date_text(day: dt.date) -> str:
    """``2026年11月30日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def check_period(start: dt.date, end: dt.date, today: dt.date) -> None:
    """Refuse a period that ends before it starts, starts after today or is too long.

    Raises:
        PeriodInvalid: with a sentence saying which.
    """
    if end < start:
        raise PeriodInvalid(
            f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}，请对调或改正。"
        )
    if start > today:
        raise PeriodInvalid(f"开始日期 {start.isoformat()} 还没到，实绩记录只能统计已过的日子。")
    if add_months(start, 12 * MAX_YEARS) <= end:
        raise PeriodInvalid(f"统计期间最长 {MAX_YEARS} 年，请分段生成。")


@dataclass(frozen=True, slots=True)
class ServedStation:
    """A station the cadre served in the period, with the first and last diary day there."""

    name: str
    code: str  # the station's code; the township's own cadres: the township's
    unit: str  # the unit the cadre is registered with there
    first_day: dt.date | None  # None: no diary entry there in the period
    last_day: dt.date | None

    @property
    def dates(self) -> str:
        """``2026年1月5日至2026年11月27日`` or ``本期没有民情日记``."""
        if self.first_day is None or self.last_day is None:
            return "本期没有民情日记"
        return f"{date_text(self.first_day)}至{date_text(self.last_day)}"


@dataclass(frozen=True, slots=True)
class RecordMonth:
    """One month of the period: days in the village against the rule of the category."""

    month: Month
    village_days: int
    duty_days: int
    visits: int  # households visited (户次), each entry's households
    verdict: str  # 达标, 不达标, 待月末, 按年计, 不考核; "—" for a month only partly in the period
    remarks: str
    partial: bool = False  # only part of the month lies in the period: counted, not judged


@dataclass(frozen=True, slots=True)
class HandledItem:
    """An item the cadre handled that was resolved, with its outcome."""

    number: str
    received_on: dt.date
    domain: str
    content: str
    state: str  # its state now, in Chinese
    result: str  # the last resolution's result
    satisfaction: str  # the last follow-up's (满意 …), "" when not followed up


@dataclass(frozen=True, slots=True)
class EvaluationLine:
    """How residents rated the cadre in one evaluation round of the period (issue 18)."""

    heading: str  # ``2026年上半年 民意测评会``
    held_on: dt.date
    villages: str  # the stations' names (or codes)
    satisfied: Rate  # 满意 and 基本满意 of the votes on the cadre's row
    unsatisfied: Rate
    rank: int  # among the cadres of the round (0: no votes)
    ranked: int  # how many cadres of the round were ranked
    flags: tuple[str, ...]  # 不予提拔, 诫勉谈话

    @property
    def verdict(self) -> str:
        """``不予提拔、诫勉谈话``, or ``—``."""
        return "、".join(self.flags) or "—"


@dataclass(frozen=True, slots=True)
class CadreServiceRecord:
    """Everything a cadre's mass-work record prints for a period."""

    name: str
    category: str
    unit: str
    rule: str  # the rule of the category in one line (core.cadre_rules.Rule.text)
    start: dt.date
    end: dt.date  # as asked
    as_of: dt.date  # the end, or today when the period has not ended yet
    stations: tuple[ServedStation, ...]
    months: tuple[RecordMonth, ...]
    households_visited: int  # distinct households in the period's diary visits
    visits: int  # 户次
    items_by_state: tuple[tuple[str, int], ...]  # items handled, by their state now
    resolved: tuple[HandledItem, ...]
    paired: int  # households paired with the cadre now
    paired_difficult: int  # of which in difficulty (a support tag on the household or a member)
    # the day the cadre was registered, or wrote the first diary day if earlier: the work
    # is counted from it when it falls inside the period, and months before it not judged
    since: dt.date | None = None
    by_name: bool = False  # at the township: every cadre row of this name (see the note)
    evaluations: tuple[EvaluationLine, ...] = ()  # 民意测评 in the period, oldest first

    @property
    def items(self) -> int:
        """Items handled in the period."""
        return sum(count for _state, count in self.items_by_state)

    @property
    def satisfaction(self) -> Rate:
        """Resolved items whose last follow-up was 满意 or 基本满意, of those followed up."""
        followed = [i for i in self.resolved if i.satisfaction]
        return Rate(sum(i.satisfaction in SATISFIED for i in followed), len(followed))

    @property
    def village_days(self) -> int:
        """Days in the village in the whole period."""
        return sum(m.village_days for m in self.months)

    @property
    def duty_days(self) -> int:
        """Days on duty in the whole period."""
        return sum(m.duty_days for m in self.months)

    @property
    def work_start(self) -> dt.date:
        """The first day of the period the cadre was already there (registered or writing)."""
        return max(self.start, self.since) if self.since is not None else self.start

    @property
    def full_year(self) -> bool:
        """Whether the work in the period, up to ``as_of``, reaches one year."""
        return self.work_start <= self.as_of and reaches_year(self.work_start, self.as_of)

    @property
    def period_text(self) -> str:
        """``2025年12月1日至2026年11月30日``, with ``（截至 …）`` for a period not over yet."""
        text = f"{date_text(self.start)}至{date_text(self.end)}"
        return text if self.as_of >= self.end else f"{text}（截至 {date_text(self.as_of)}）"

    @property
    def year_sentence(self) -> str:
        """The plain sentence promotions look for.

        ``本期群众工作满一年（…，共 1 年 2 个月）。`` or ``本期不足一年（10 个月 5 天），晋升需满一年。``;
        counted from the day the cadre came when that falls inside the period.
        """
        start = self.work_start
        if start > self.as_of:
            return f"本期不足一年（{date_text(start)}才登记），晋升需满一年。"
        length = span_text(*span(start, self.as_of))
        later = f"，自{date_text(start)}起算" if start > self.start else ""
        if self.full_year:
            return f"本期群众工作满一年（{self.period_text}，共 {length}{later}）。"
        return f"本期不足一年（{length}{later}），晋升需满一年。"
