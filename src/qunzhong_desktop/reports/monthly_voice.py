"""The 民情与信访 section of the reports: meetings, 民情信息, petitions and the 阅办率.

Shared by the monthly PDF and workbook and the period PDF and workbook: the rows are plain
text here, each writer lays them out. The definitions are the reports' footnotes
(:data:`.core.monthly.voice.DEFINITIONS`).
"""

from __future__ import annotations

from qunzhong_desktop.core.monthly.voice import VoiceFigures
from qunzhong_desktop.core.petitions import LEVELS, REACHES, ReadFigures

#: the per-station table of a township's report
STATION_HEADERS: tuple[str, ...] = (
    "工作站", "恳谈会", "分析会", "反映问题", "民情信息", "意见建议", "苗头倾向", "信访件",
    "阅办率",
)  # fmt: skip


def read_text(read: ReadFigures) -> str:
    """``50.0%（1/2）``, with what was late or still waiting: ``—（0/0）`` when none counted."""
    text = read.rate.text
    extra = [f"超时 {read.late} 件"] if read.late else []
    extra += [f"待阅办 {read.waiting} 件"] if read.waiting else []
    return text + (f"，{'，'.join(extra)}" if extra else "")


def summary_rows(f: VoiceFigures) -> list[tuple[str, str, str, str]]:
    """The summary table: (label, value, label, value) per row."""
    m, i, p = f.meetings, f.info, f.petitions
    levels = "，".join(f"{level} {p.counts.get(level, 0)}" for level in LEVELS)
    reaches = "，".join(f"{reach} {p.counts.get(reach, 0)}" for reach in REACHES)
    return [
        ("民情恳谈会", f"{m.talks} 次", "民情分析会", f"{m.analyses} 次"),
        ("恳谈会反映问题", f"{m.problems} 个（转为事项 {m.to_items} 个）", "民情信息",
         f"{i.total} 条（转为事项 {i.to_items} 条）"),
        ("意见建议", f"{i.suggestions} 条", "苗头倾向", f"{i.signals} 条"),
        ("普遍性问题", f"{i.common} 条", "共性问题答复", f"{f.groups_answered} 个"),
        ("信访件", f"{p.total} 件（{levels}）", "阅办率", read_text(p.read)),
        ("信访层级", reaches, "", ""),
    ]  # fmt: skip


def evaluation_rows(f: VoiceFigures) -> list[tuple[str, str]]:
    """The evaluation figures (a half-year's or a year's report): (label, value)."""
    e = f.evaluations
    return [
        ("测评场次", f"{e.rounds} 场（测评干部 {e.cadres_rated} 人次，单位 {e.units_rated} 个次）"),
        ("不予提拔", "、".join(e.no_promotion) or "无"),
        ("诫勉谈话", "、".join(e.admonish) or "无"),
        ("末位单位", "、".join(e.bottom) or "无"),
    ]


def station_rows(stations: tuple[tuple[str, str, VoiceFigures], ...]) -> list[list[str]]:
    """A row per station (a township's report), after :data:`STATION_HEADERS`."""
    return [
        [
            name or code,
            str(f.meetings.talks),
            str(f.meetings.analyses),
            str(f.meetings.problems),
            str(f.info.total),
            str(f.info.suggestions),
            str(f.info.signals),
            str(f.petitions.total),
            f.petitions.read.rate.text,
        ]
        for code, name, f in stations
    ]


def total_row(f: VoiceFigures) -> list[str]:
    """The 合计 row of the per-station table: the township's figures."""
    return ["合计", *station_rows((("", "合计", f),))[0][1:]]
