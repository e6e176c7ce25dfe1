"""The 帮扶 section of the monthly report (民情月报): the month's assistance figures.

Shared by the PDF (:mod:`.monthly_pdf`) and the workbook (:mod:`.monthly_xlsx`): the rows
are plain text here, each writer lays them out. The definitions are the footnotes of the
report (:data:`.core.assistance_figures.DEFINITIONS`, added by ``MonthlyReport.definitions``).
"""

from __future__ import annotations

from collections.abc import Mapping

from qunzhong_desktop.core.assistance_case import fen_text
from qunzhong_desktop.core.assistance_figures import AssistanceFigures

#: the per-station table of a township's report
STATION_HEADERS: tuple[str, ...] = (
    "工作站", "新报需求", "销号", "未销号", "超时限", "帮扶次数", "资金（元）", "物品（元）",
    "无人帮扶户", "特困未达标",
)  # fmt: skip
OVERDUE_HEADERS: tuple[str, ...] = ("户号", "帮扶对象", "需求", "帮扶时限", "超出天数", "状态")
POOR_HEADERS: tuple[str, ...] = ("户号", "姓名", "本年已得（元）")


def _yuan(fen: int) -> str:
    return f"{fen_text(fen) or '0'} 元"


def summary_rows(f: AssistanceFigures) -> list[tuple[str, str, str, str]]:
    """The summary table: (label, value, label, value) per row."""
    return [
        ("本月新报需求", f"{f.needs_reported} 件", "本月复核通过", f"{f.needs_checked} 件"),
        ("本月销号", f"{f.needs_closed} 件", "月末未销号", f"{f.needs_open} 件"),
        (
            "超时限需求",
            f"{len(f.overdue)} 件",
            "帮扶次数",
            f"{f.records} 次（{f.households_helped} 户）",
        ),
        ("资金", _yuan(f.money_fen), "物品", _yuan(f.goods_fen)),
        ("致富信息", f"{f.information} 条", "创业项目", f"{f.projects} 个"),
        ("就业岗位", f"{f.jobs} 个", "政策办理", f"{f.kind('政策办理').count} 次"),
        (
            "无人帮扶困难户",
            f"{len(f.unhelped)} 户（困难户共 {f.difficult_households} 户）",
            "特困未达标",
            f"{len(f.poor)} 人（特困共 {f.poor_people} 人，"
            f"标准 {f.poor_threshold_yuan:,} 元/人·年）",
        ),
    ]


def station_rows(stations: tuple[tuple[str, str, AssistanceFigures], ...]) -> list[list[str]]:
    """A row per station (a township's report), after :data:`STATION_HEADERS`."""
    return [
        [
            name or code,
            str(f.needs_reported),
            str(f.needs_closed),
            str(f.needs_open),
            str(len(f.overdue)),
            str(f.records),
            fen_text(f.money_fen) or "0",
            fen_text(f.goods_fen) or "0",
            str(len(f.unhelped)),
            str(len(f.poor)),
        ]
        for code, name, f in stations
    ]


def total_row(f: AssistanceFigures) -> list[str]:
    """The 合计 row of the per-station table: the township's figures."""
    return ["合计", *station_rows((("", "合计", f),))[0][1:]]


def _where(station: str, names: Mapping[str, str]) -> str:
    return f"{names.get(station, station)} " if station else ""


def overdue_rows(f: AssistanceFigures, names: Mapping[str, str]) -> list[list[str]]:
    """The needs past their time limit (at the township the household number names its station)."""
    return [
        [
            f"{_where(o.station, names)}{o.household_number}",
            o.beneficiary,
            o.what,
            o.time_limit.isoformat(),
            str(o.days_over),
            o.state_name,
        ]
        for o in f.overdue
    ]


def poor_rows(f: AssistanceFigures, names: Mapping[str, str]) -> list[list[str]]:
    """The extremely poor under the threshold in the year so far."""
    return [
        [f"{_where(p.station, names)}{p.household_number}", p.name, p.received_text] for p in f.poor
    ]


def unhelped_text(f: AssistanceFigures, names: Mapping[str, str]) -> str:
    """The households in difficulty with no helper, in one line ("" when none)."""
    return "；".join(
        f"{_where(u.station, names)}{u.household_number} {u.head_name}".strip() for u in f.unhelped
    )
