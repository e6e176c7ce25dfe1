"""What the period report's PDF and workbook (and the window) show alike.

The headers of its tables, the rows they hold and the footnotes: the period's own
definitions (:data:`.period_report.PERIOD_DEFINITIONS`) and, for the figures it shares
with the monthly report, the monthly report's definitions said of a period (本月 → 本期,
月末 → 期末).
"""

from __future__ import annotations

from qunzhong_desktop.core.intake.rules import GRADES
from qunzhong_desktop.core.monthly.cadre_period import NOT_ASSESSED, CadrePeriod, shortfall_count
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.period_report import (
    BOTTOM,
    PairedRow,
    PeriodFigures,
    PeriodReport,
    UnitRow,
)
from qunzhong_desktop.core.monthly.report import DEFINITIONS

REPORT_NAME = "民情报表"
COMPARISON_HEADERS: tuple[str, ...] = ("指标", "本期", "上期", "比上期", "去年同期", "比去年同期")
STATION_HEADERS: tuple[str, ...] = (
    "工作站",
    "受理",
    "办结",
    "期末在办",
    "期末超期",
    "一次办结率",
    "按期办结率",
    "满意率",
    "走访农户",
    "民情恳谈会",
)
UNIT_HEADERS: tuple[str, ...] = (
    "排名",
    "单位",
    "层级",
    "负责事项",
    "办结",
    "未办结",
    "得分",
    "满意",
    "基本满意",
    "不满意",
    "满意率",
)
GRADE_LABELS: tuple[str, ...] = tuple(GRADES)  # A, B, C
PAIRED_HEADERS: tuple[str, ...] = (
    "双联系单位",
    "联系村",
    *(f"受理 {g}" for g in GRADE_LABELS),
    "受理合计",
    *(f"办结 {g}" for g in GRADE_LABELS),
    "办结合计",
)
CADRE_TITLE = "干部民情日记"
#: the 干部民情日记 table; 工作地点 at the township only (:func:`cadre_headers`)
CADRE_HEADERS: tuple[str, ...] = (
    "姓名",
    "类别",
    "工作地点",
    "在村天数",
    "坐班天数",
    "考核月数",
    "未达标月份",
    "结论",
)
PLACE = "工作地点"
NO_CADRES = "尚未登记干部。"
TOTAL = "合计"
NO_UNITS = "本期没有负责事项的单位。"
NO_PAIRED = "尚未登记有联系点的双联系单位。"
#: the monthly report's terms the period report shares, and what it calls them
SHARED_TERMS: dict[str, str] = {
    "本月受理": "受理",
    "本月办结": "办结",
    "月末在办": "期末在办",
    "月末超期": "期末超期",
    "上报": "上报",
    "一次办结率": "一次办结率",
    "按期办结率": "按期办结率",
    "满意率": "满意率",
    "比率": "比率",
}


def of_period(text: str) -> str:
    """A monthly definition said of any period."""
    return text.replace("本月", "本期").replace("月末", "期末").replace("以前月份", "以前")


#: the monthly report's terms the cadre table shares (when the report lists cadres)
CADRE_TERMS: tuple[str, ...] = ("在村天数", "坐班天数", "考核规则")


def footnotes(report: PeriodReport) -> tuple[tuple[str, str], ...]:
    """Every footnote: the shared figures' definitions, then the period report's own.

    With cadres, the monthly report's days and rules (said of a period) follow.
    """
    shared = tuple(
        (SHARED_TERMS[term], of_period(text)) for term, text in DEFINITIONS if term in SHARED_TERMS
    )
    cadres = tuple(
        (term, of_period(text).replace("以表后所列规则为准", "以乡镇设置的规则为准"))
        for term, text in DEFINITIONS
        if report.cadres and term in CADRE_TERMS
    )
    return shared + tuple(report.definitions) + cadres


def value_text(value: int | Rate) -> str:
    """A figure as shown: a count, or a rate with its fraction."""
    return value.text if isinstance(value, Rate) else str(value)


def comparison_rows(report: PeriodReport) -> list[list[str]]:
    """The 概况 table's rows: the figure, this period, before, Δ, a year before, Δ."""
    rows = []
    for c in report.comparisons:
        rows.append(
            [
                c.label,
                value_text(c.current),
                value_text(c.previous.other),
                c.previous.text,
                value_text(c.year_before.other),
                c.year_before.text,
            ]
        )
    return rows


VOICE_TITLE = "民情与信访"


def voice_rows(report: PeriodReport) -> list[list[str]]:
    """The 民情与信访 table's rows, as :func:`comparison_rows` (the 阅办率 last)."""
    read = report.read_comparison
    rows = []
    for c in (*report.voice_comparisons, *((read,) if read is not None else ())):
        rows.append(
            [
                c.label,
                value_text(c.current),
                value_text(c.previous.other),
                c.previous.text,
                value_text(c.year_before.other),
                c.year_before.text,
            ]
        )
    return rows


def period_span(figures: PeriodFigures) -> str:
    """``2026-07-01 至 2026-12-31``."""
    p = figures.period
    return f"{p.first.isoformat()} 至 {p.last.isoformat()}"


def cumulative_text(report: PeriodReport) -> str:
    """The 累计 line."""
    c = report.cumulative
    return (
        f"累计（{c.since.isoformat()} 至 {report.period.last.isoformat()}）："
        f"梳理问题 {c.combed} 件，办结 {c.closed} 件，办结率 {c.rate.text}。"
    )


def station_counts(f: PeriodFigures) -> tuple[int, int, int, int]:
    """受理, 办结, 期末在办, 期末超期."""
    i = f.items
    return (i.received, i.resolved, i.in_progress, i.overdue)


def station_rates(f: PeriodFigures) -> tuple[Rate, Rate, Rate]:
    """一次办结率, 按期办结率, 满意率."""
    i = f.items
    return (i.first_time, i.on_time, i.satisfaction)


def station_activity(f: PeriodFigures) -> tuple[int, int]:
    """走访农户, 民情恳谈会."""
    return (f.activity.households_visited, f.activity.meetings)


def rank_text(row: UnitRow) -> str:
    """``3``, ``5 末位``, or ``—`` for a unit that answered for nothing (not ranked)."""
    if not row.rank:
        return "—"
    return f"{row.rank} {BOTTOM}" if row.bottom else str(row.rank)


def unit_values(row: UnitRow) -> list[object]:
    """A 化解情况成效表 row, the score as text and the 满意率 as a Rate."""
    return [
        rank_text(row),
        row.unit,
        row.level or "—",
        row.answered,
        row.resolved,
        row.unresolved,
        row.score_text,
        *row.satisfaction,
        row.satisfied,
    ]


def paired_values(row: PairedRow) -> list[object]:
    """A 双联系单位责任表 row."""
    return [
        row.unit,
        "、".join(row.villages) or "—",
        *row.received,
        row.received_total,
        *row.resolved,
        row.resolved_total,
    ]


def heading(report: PeriodReport) -> str:
    """``白沙村群众工作站 民情报表``: the document's title (the period below it)."""
    return f"{report.name or '群众工作站'} {REPORT_NAME}"


def full_title(report: PeriodReport) -> str:
    """``白沙村群众工作站 民情报表 2026年下半年``."""
    return f"{heading(report)} {report.title}"


def cadres_at_township(report: PeriodReport) -> bool:
    """Whether the cadre table says where each cadre works (the township's report)."""
    return any(c.station for c in report.cadres)


def cadre_headers(report: PeriodReport) -> tuple[str, ...]:
    """The 干部民情日记 table's headers (工作地点 at the township only)."""
    if cadres_at_township(report):
        return CADRE_HEADERS
    return tuple(h for h in CADRE_HEADERS if h != PLACE)


def cadre_values(report: PeriodReport, cadre: CadrePeriod) -> list[object]:
    """A 干部民情日记 row, as :func:`cadre_headers` lists them."""
    judged: object = len(cadre.months) if cadre.verdict != NOT_ASSESSED else "—"
    values: list[object] = [cadre.name, cadre.category]
    if cadres_at_township(report):
        values.append(cadre.station or "—")
    return [*values, cadre.village_days, cadre.duty_days, judged, cadre.remarks, cadre.verdict]


def cadre_count_text(report: PeriodReport) -> str:
    """``干部 12 名，未达标 3 名。``."""
    return f"干部 {len(report.cadres)} 名，未达标 {shortfall_count(report.cadres)} 名。"
