"""A cadre's year (年度在村情况): month by month against the rule, and the year figure.

The year view of the diary page and the cadre's mass-work record read the same months the
monthly report judges (:func:`.report.cadre_figures`), and the year figure: days in the
village since 1 January against the year-share rule (县、镇机关干部: a third of the year's
working days on the working-day calendar), or simply the total for other categories.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.cadre_rules import Rule, rule_for, village_days, year_required
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.monthly.report import CadreFigures, CadreRecord, Month, cadre_figures


@dataclass(frozen=True, slots=True)
class CadreYear:
    """One cadre's year up to ``as_of``."""

    year: int
    name: str
    category: str
    rule: str
    # January (or the month the cadre came) to the month of ``as_of``
    months: tuple[tuple[Month, CadreFigures], ...]
    village_days: int  # in the year so far
    workdays: int  # working days of the whole year (the calendar's)
    required: int | None  # what a year-share rule asks for the year
    as_of: dt.date

    @property
    def verdict(self) -> str:
        """The year figure: 达标 / 未达标 / 待年末 for a year-share rule, else 不按年考核."""
        if self.required is None:
            return "不按年考核"
        if self.village_days >= self.required:
            return "达标"
        return "待年末" if self.as_of < dt.date(self.year, 12, 31) else "未达标"

    @property
    def shortfall_months(self) -> tuple[Month, ...]:
        """The months the category's monthly rule was not met."""
        return tuple(month for month, figures in self.months if figures.verdict == "不达标")


def cadre_year(
    record: CadreRecord,
    rules: Sequence[Rule],
    year: int,
    calendar: Calendar,
    *,
    today: dt.date,
) -> CadreYear:
    """A cadre's year from ``record`` whose ``days`` hold the whole year's diary entries."""
    rule = rule_for(rules, record.category)
    as_of = min(today, dt.date(year, 12, 31))
    months: list[tuple[Month, CadreFigures]] = []
    for number in range(1, as_of.month + 1 if as_of.year == year else 13):
        month = Month(year, number)
        if record.since is not None and record.since > month.last:
            continue  # not on the register yet
        in_month = tuple(d for d in record.days if month.first <= d.day <= month.last)
        so_far = tuple(d for d in record.days if d.day <= month.last)
        figures = cadre_figures(
            dataclasses.replace(record, days=in_month, year_days=so_far),
            rules,
            month,
            calendar,
            as_of=as_of if month.first <= as_of < month.last else None,
        )
        months.append((month, figures))
    workdays = calendar.workdays_between(dt.date(year - 1, 12, 31), dt.date(year, 12, 31))
    return CadreYear(
        year=year,
        name=record.name,
        category=record.category,
        rule=rule.text,
        months=tuple(months),
        village_days=len({d for d in village_days(record.days) if d <= as_of}),
        workdays=workdays,
        required=year_required(rule, workdays),
        as_of=as_of,
    )
