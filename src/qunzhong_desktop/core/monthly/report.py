"""The monthly report (民情月报): every figure of a month, computed from plain records.

Pure: the repository hands in one :class:`ItemRecord` per item that matters for the month
(with its whole history) and one :class:`CadreRecord` per cadre; :func:`compute` takes the
item figures from :func:`.items.item_figures` (which the period report uses too) and judges
each cadre by the rule of the category. Every figure is defined once, in :data:`DEFINITIONS`,
and the PDF and the workbook print those texts as their footnotes.
"""

from __future__ import annotations

import datetime as dt
import re
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
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS
from qunzhong_desktop.core.monthly.items import (
    OPEN_STATES,
    SATISFIED,
    ItemRecord,
    MemoCalendar,
    Rate,
    UnitScore,
    as_of_day,
    due_in_force,
    first_time,
    item_figures,
    replay,
)
from qunzhong_desktop.core.monthly.voice import DEFINITIONS as VOICE_DEFINITIONS
from qunzhong_desktop.core.monthly.voice import VoiceFigures

__all__ = [
    "DEFINITIONS",
    "OPEN_STATES",
    "SATISFIED",
    "CadreFigures",
    "CadreRecord",
    "ItemRecord",
    "Month",
    "MonthlyReport",
    "Rate",
    "UnitScore",
    "cadre_figures",
    "compute",
    "due_in_force",
    "first_time",
    "replay",
]

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
    voice: VoiceFigures | None = None  # the 民情与信访 section (core.monthly.voice)

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
        """The footnotes: each figure's definition (帮扶's, 民情与信访's when it has them)."""
        return (
            DEFINITIONS
            + (ASSISTANCE_DEFINITIONS if self.assistance is not None else ())
            + (VOICE_DEFINITIONS if self.voice is not None else ())
        )


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
    cal = MemoCalendar(calendar)
    as_of = as_of_day(month, today)
    f = item_figures(month, items, calendar=cal, domains=domains, today=today)
    return MonthlyReport(
        month=month,
        station_name=station_name,
        received=f.received,
        by_channel=f.by_channel,
        by_domain=f.by_domain,
        by_grade=f.by_grade,
        resolved=f.resolved,
        in_progress=f.in_progress,
        overdue=f.overdue,
        escalations=f.escalations,
        first_time=f.first_time,
        on_time=f.on_time,
        satisfaction=f.satisfaction,
        units=f.units,
        cadres=tuple(cadre_figures(c, rules, month, cal, as_of=as_of) for c in cadres),
        as_of=as_of,
    )
