"""The township's monthly report (民情月报): every station's items together, and each station's.

At the township the store holds the items of all its stations. The whole township's figures
are :func:`.monthly_report.compute` over all of them; each station's row is the same
:func:`.monthly_report.compute` over the items that station numbered (an item's number begins
with its station's code), so a station's row here and the station's own report follow the
same rules, and the counts of the rows add up to the township's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.assistance_figures import AssistanceFigures
from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, Rule
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS
from qunzhong_desktop.core.ledger import station_code_of
from qunzhong_desktop.core.monthly.report import (
    CadreRecord,
    ItemRecord,
    Month,
    MonthlyReport,
    Rate,
    compute,
)
from qunzhong_desktop.core.monthly.voice import VoiceFigures

#: the headers of the per-station table (PDF, workbook and the 月报 tab)
STATION_HEADERS: tuple[str, ...] = (
    "工作站",
    "受理",
    "办结",
    "办理中",
    "超期",
    "一次办结率",
    "按时办结率",
    "满意率",
)
#: under the per-station table: its short headers are the report's defined figures
STATION_NOTE = (
    "受理、办结、办理中、超期即本月受理、本月办结、月末在办、月末超期，按时办结率即按期办结率，"
    "口径与全乡镇合计相同，见“注：指标口径”。事项按编号所属的工作站统计，合计行为全乡镇的数字。"
)
TOTAL = "合计"
#: at the county the rows are townships (``rows_label``) and the whole is the county's
COUNTY_ROWS, COUNTY_WHOLE = "乡镇", "全县"


def township_of(number: str) -> str:
    """The township (9 digits) of an item number: its station code's first nine digits."""
    return station_code_of(number)[:9]


def row_headers(headers: Sequence[str], label: str) -> tuple[str, ...]:
    """A per-row table's headers with its first column named ``label`` (工作站 or 乡镇)."""
    return (label, *headers[1:])


def row_note(note: str, label: str, whole: str) -> str:
    """A per-station table's note said of townships and the county where the rows are those."""
    if label == "工作站":
        return note
    return note.replace("全乡镇", whole).replace("工作站", label)


@dataclass(frozen=True, slots=True)
class StationFigures:
    """One station's figures for the month (or the township's, in the 合计 row)."""

    code: str
    name: str
    received: int
    resolved: int
    in_progress: int
    overdue: int
    first_time: Rate
    on_time: Rate
    satisfaction: Rate

    @classmethod
    def of(cls, code: str, name: str, report: MonthlyReport) -> StationFigures:
        """The table's figures of a computed report."""
        return cls(
            code=code,
            name=name,
            received=report.received,
            resolved=report.resolved,
            in_progress=report.in_progress,
            overdue=report.overdue,
            first_time=report.first_time,
            on_time=report.on_time,
            satisfaction=report.satisfaction,
        )

    @property
    def counts(self) -> tuple[int, int, int, int]:
        """受理, 办结, 办理中, 超期."""
        return (self.received, self.resolved, self.in_progress, self.overdue)

    @property
    def rates(self) -> tuple[Rate, Rate, Rate]:
        """一次办结率, 按时办结率, 满意率."""
        return (self.first_time, self.on_time, self.satisfaction)


@dataclass(frozen=True, slots=True)
class TownshipReport:
    """The monthly report of a township: the whole township's figures and each station's.

    ``overall`` is an ordinary :class:`.MonthlyReport` (its ``station_name`` the township's
    name): the summary, categories, unit scores and cadres print from it as for a station.
    """

    township_name: str
    overall: MonthlyReport
    stations: tuple[StationFigures, ...]
    # each station's 帮扶 figures: (code, name, figures), by code
    assistance: tuple[tuple[str, str, AssistanceFigures], ...] = ()
    # each station's 民情与信访 figures: (code, name, figures), by code
    voice: tuple[tuple[str, str, VoiceFigures], ...] = ()
    # what a row is (工作站; 乡镇 in the county's report) and what the whole is called
    rows_label: str = "工作站"
    whole: str = "全乡镇"

    @property
    def month(self) -> Month:
        """The month."""
        return self.overall.month

    @property
    def title(self) -> str:
        """``白沙镇群众工作办 民情月报``."""
        return f"{self.township_name} 民情月报" if self.township_name else "民情月报"

    @property
    def total(self) -> StationFigures:
        """The 合计 row: the whole township's figures."""
        return StationFigures.of("", TOTAL, self.overall)


def station_figures(
    month: Month,
    items: Iterable[ItemRecord],
    stations: Sequence[tuple[str, str]],
    *,
    calendar: Calendar,
    today: dt.date | None = None,
    code_of: Callable[[str], str] = station_code_of,
) -> tuple[StationFigures, ...]:
    """Each station's figures, by :func:`.compute` over the items it numbered.

    Args:
        month: the month.
        items: every station's items that may matter for the month.
        stations: (code, name) of the township's stations; each gets a row, items or not.
            Items of a station not listed get a row under their code.
        calendar: the working-day calendar.
        today: as for :func:`.compute` (the month under way stands at this day).
        code_of: an item number's row code (its station's; the county's rows: :func:`township_of`).
    """
    names = dict(stations)
    groups: dict[str, list[ItemRecord]] = {code: [] for code in names}
    for item in items:
        groups.setdefault(code_of(item.number), []).append(item)
    return tuple(
        StationFigures.of(
            code,
            names.get(code, code),
            compute(month, groups[code], (), calendar=calendar, today=today),
        )
        for code in sorted(groups)
    )


def township_report(
    month: Month,
    items: Iterable[ItemRecord],
    cadres: Iterable[CadreRecord],
    stations: Sequence[tuple[str, str]],
    *,
    calendar: Calendar,
    township_name: str = "",
    domains: Sequence[str] = tuple(DOMAIN_DAYS),
    today: dt.date | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
    code_of: Callable[[str], str] = station_code_of,
) -> TownshipReport:
    """The township's monthly report: :func:`.compute` over all items, and per station.

    Args:
        month: the month.
        items: the items of every station that may matter for the month.
        cadres: every cadre of the township's stations.
        stations: (code, name) of the township's stations, each listed even without items.
        calendar: the working-day calendar.
        township_name: shown in the title.
        domains: the configured domains, in the order the report lists them.
        today: for the month under way (see :func:`.compute`).
        rules: the cadre rule table.
        code_of: an item number's row code (the county's report: :func:`township_of`).
    """
    items = list(items)
    overall = compute(
        month,
        items,
        cadres,
        calendar=calendar,
        station_name=township_name,
        domains=domains,
        today=today,
        rules=rules,
    )
    per_station = station_figures(
        month, items, stations, calendar=calendar, today=today, code_of=code_of
    )
    return TownshipReport(township_name=township_name, overall=overall, stations=per_station)


def parts(report: MonthlyReport | TownshipReport) -> tuple[MonthlyReport, TownshipReport | None]:
    """The figures to print as for a station, and the township's report if it is one."""
    if isinstance(report, TownshipReport):
        return report.overall, report
    return report, None
