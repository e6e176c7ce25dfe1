"""The figures of residents' voice (issue 18) for a month or any period: 民情与信访.

Pure: the repository (``storage/voice_figures.py``) hands in plain rows — meetings with
their problems counted, 民情信息, the groups answered, the petitions with the day each was
first acted on, the evaluation rounds with their tallies — every row with its station's
code ("" at a station), and :func:`compute` counts those of a span with the core's rules
(:func:`.mass_info.figures`, :func:`.petitions.read_rate` and :func:`.petitions.level_counts`,
:func:`.evaluation.results`). Every figure is defined once, in :data:`DEFINITIONS`; the
monthly and the period report print those texts as their footnotes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from qunzhong_desktop.core.evaluation import (
    ADMONISH,
    BOTTOM,
    CADRE,
    NO_PROMOTION,
    UNIT,
    EvaluationRules,
    Tally,
    results,
)
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.mass_info import Info, InfoFigures, figures
from qunzhong_desktop.core.meetings import ANALYSIS, TALK
from qunzhong_desktop.core.petitions import (
    DEFAULT_READ_DAYS,
    LEVELS,
    REACHES,
    Handling,
    Mark,
    ReadFigures,
    level_counts,
    read_rate,
)

# (term, definition): the footnotes of the 民情与信访 section, in this order.
DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "民情会议",
        "会议日期在期间内的民情恳谈会、民情分析会次数（按会议登记计）。反映问题：民情恳谈会上记录的"
        "群众反映问题数；转为事项：其中已转为受理事项（渠道“民情恳谈会”）的个数。",
    ),
    (
        "民情信息",
        "收集日期在期间内的民情信息条数；意见建议、苗头性和倾向性（合称苗头倾向）、普遍性问题按类型"
        "分列；转为事项：其中已转为受理事项的条数。共性问题答复：答复日期在期间内的共性问题个数"
        "（一个共性问题一并答复其中各条信息）。",
    ),
    (
        "信访件",
        "受理时间在期间内、标记为信访的事项数，按类别（初信初访、重复信访）和层级（到乡、到县、"
        "到市、进省、赴京）分列。",
    ),
    (
        "阅办率",
        "期间内受理的信访件中，自受理之日起在乡镇设定的工作日内（默认 15 个工作日）有下一步办理"
        "记录（办理、上报、办结、不予受理等）的件数 ÷ 计入的件数，目标 100%。尚未办理且时限未到的"
        "不计入（列为“待阅办”）；时限已过仍未办理或超时才办理的为“超时”。",
    ),
    (
        "民主测评",
        "测评日期在期间内的民意测评会、民主测评、群众评议干部、作风民意测评的场次，被测评的个人、"
        "单位个数（按测评表的行计）。不满意票占该行票数达到乡镇设定比例（默认 40%，恰好 40% 也算）"
        "的干部不予提拔；达到诫勉比例（默认 30%）或排名最后的干部列入诫勉谈话名单；排名最后的"
        "单位为末位。",
    ),
)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A 民情 meeting: its kind and day, the problems raised and how many became items."""

    kind: str
    held_on: dt.date
    problems: int = 0  # topics of a 恳谈会 (an analysis meeting's topics are not problems)
    to_items: int = 0
    station: str = ""


@dataclass(frozen=True, slots=True)
class InfoRow:
    """A 民情信息 as the figures see it."""

    received_on: dt.date
    topic: str
    info_type: str
    to_item: bool = False
    station: str = ""


@dataclass(frozen=True, slots=True)
class PetitionRow:
    """An item marked 信访: when it came, its mark, and the day it was first acted on."""

    received_on: dt.date
    level: str
    reach: str
    acted_on: dt.date | None = None
    form: str = ""
    station: str = ""


@dataclass(frozen=True, slots=True)
class RoundRow:
    """An evaluation round with its tallies."""

    kind: str
    held_on: dt.date
    tallies: tuple[Tally, ...]
    title: str = ""
    station: str = ""


@dataclass(frozen=True, slots=True)
class MeetingFigures:
    """The meetings of a span."""

    talks: int = 0  # 民情恳谈会
    analyses: int = 0  # 民情分析会
    problems: int = 0  # raised at the talks
    to_items: int = 0  # of them, became items

    @property
    def total(self) -> int:
        """Both kinds."""
        return self.talks + self.analyses


@dataclass(frozen=True, slots=True)
class PetitionFigures:
    """The petitions received in a span and their 阅办率."""

    counts: dict[str, int]  # level_counts: 初信初访 … 赴京, 合计
    read: ReadFigures

    @property
    def total(self) -> int:
        """Every petition received."""
        return self.counts.get("合计", 0)


@dataclass(frozen=True, slots=True)
class EvaluationFigures:
    """The evaluation rounds of a span and their verdicts."""

    rounds: int = 0
    cadres_rated: int = 0
    units_rated: int = 0
    no_promotion: tuple[str, ...] = ()  # 不予提拔
    admonish: tuple[str, ...] = ()  # 诫勉谈话
    bottom: tuple[str, ...] = ()  # units ranked last (末位)


@dataclass(frozen=True, slots=True)
class VoiceFigures:
    """Every figure of the 民情与信访 section of one span."""

    first: dt.date
    last: dt.date
    meetings: MeetingFigures
    info: InfoFigures
    groups_answered: int
    petitions: PetitionFigures
    evaluations: EvaluationFigures

    @property
    def signals(self) -> int:
        """苗头性 and 倾向性 information."""
        return self.info.signals

    @property
    def counts(self) -> dict[str, int]:
        """Every count of :data:`COUNTS` by its key."""
        meetings, info, levels = self.meetings, self.info, self.petitions.counts
        return {
            "talks": meetings.talks,
            "analyses": meetings.analyses,
            "problems": meetings.problems,
            "problems_to_items": meetings.to_items,
            "info": info.total,
            "suggestions": info.suggestions,
            "signals": info.signals,
            "common": info.common,
            "info_to_items": info.to_items,
            "groups_answered": self.groups_answered,
            "petitions": self.petitions.total,
            **{key: levels.get(key, 0) for key in (*LEVELS, *REACHES)},
        }

    def value(self, key: str) -> int:
        """A count of :data:`COUNTS` by its key."""
        return self.counts[key]

    def as_json(self) -> dict[str, Any]:
        """The figures for ``--json`` (names of the cadres flagged; no phones, no IDs)."""
        read, e = self.petitions.read, self.evaluations
        return {
            "date_from": self.first.isoformat(),
            "date_to": self.last.isoformat(),
            "counts": self.counts,
            "info_by_topic": dict(self.info.by_topic),
            "read_rate": {
                "numerator": read.rate.numerator,
                "denominator": read.rate.denominator,
                "value": read.rate.value,
                "text": read.rate.text,
                "late": read.late,
                "waiting": read.waiting,
            },
            "evaluations": {
                "rounds": e.rounds,
                "cadres_rated": e.cadres_rated,
                "units_rated": e.units_rated,
                "no_promotion": list(e.no_promotion),
                "admonish": list(e.admonish),
                "bottom": list(e.bottom),
            },
        }


#: the counts compared with the period before and a year before: (key, label)
COUNTS: tuple[tuple[str, str], ...] = (
    ("talks", "民情恳谈会"),
    ("analyses", "民情分析会"),
    ("problems", "反映问题"),
    ("problems_to_items", "问题转为事项"),
    ("info", "民情信息"),
    ("suggestions", "意见建议"),
    ("signals", "苗头倾向"),
    ("common", "普遍性问题"),
    ("info_to_items", "信息转为事项"),
    ("groups_answered", "共性问题答复"),
    ("petitions", "信访件"),
    *((level, level) for level in LEVELS),
    *((reach, reach) for reach in REACHES),
)


@dataclass(frozen=True, slots=True)
class VoiceInputs:
    """The rows that may matter, each with its station's code ("" at a station)."""

    meetings: tuple[MeetingRow, ...] = ()
    infos: tuple[InfoRow, ...] = ()
    answered: tuple[tuple[dt.date, str], ...] = ()  # groups: (answered_on, station)
    petitions: tuple[PetitionRow, ...] = ()
    rounds: tuple[RoundRow, ...] = ()
    read_days: int = DEFAULT_READ_DAYS
    rules: EvaluationRules = field(default_factory=EvaluationRules)

    def of_station(self, code: str) -> VoiceInputs:
        """Only the rows of one station."""
        return VoiceInputs(
            meetings=tuple(r for r in self.meetings if r.station == code),
            infos=tuple(r for r in self.infos if r.station == code),
            answered=tuple(a for a in self.answered if a[1] == code),
            petitions=tuple(r for r in self.petitions if r.station == code),
            rounds=tuple(r for r in self.rounds if r.station == code),
            read_days=self.read_days,
            rules=self.rules,
        )

    def stations(self) -> set[str]:
        """The codes the rows belong to."""
        found = {r.station for r in self.meetings} | {r.station for r in self.infos}
        found |= {r.station for r in self.petitions} | {r.station for r in self.rounds}
        return found | {station for _, station in self.answered}


def meeting_figures(rows: Iterable[MeetingRow], first: dt.date, last: dt.date) -> MeetingFigures:
    """The meetings held from ``first`` to ``last`` (both included)."""
    talks = analyses = problems = to_items = 0
    for row in rows:
        if not first <= row.held_on <= last:
            continue
        if row.kind == TALK:
            talks += 1
            problems += row.problems
            to_items += row.to_items
        elif row.kind == ANALYSIS:
            analyses += 1
    return MeetingFigures(talks, analyses, problems, to_items)


def info_figures(rows: Iterable[InfoRow], first: dt.date, last: dt.date) -> InfoFigures:
    """:func:`.mass_info.figures` of the rows."""
    infos = [
        Info(
            received_on=r.received_on,
            source="",
            topic=r.topic,
            info_type=r.info_type,
            text="",
            item_id="item" if r.to_item else None,
        )
        for r in rows
    ]
    return figures(infos, first, last)


def petition_figures(
    rows: Iterable[PetitionRow],
    first: dt.date,
    last: dt.date,
    *,
    calendar: Calendar,
    read_days: int = DEFAULT_READ_DAYS,
    today: dt.date,
) -> PetitionFigures:
    """The petitions received from ``first`` to ``last`` by level and reach, and the 阅办率.

    The 阅办率 stands at ``today``: a petition whose working days have not run out by then
    and that nobody has acted on yet is left out (waiting).
    """
    inside = [r for r in rows if first <= r.received_on <= last]
    counts = level_counts(Mark(r.level, r.form, r.reach) for r in inside)
    handlings = [Handling(r.received_on, r.acted_on) for r in inside]
    return PetitionFigures(counts, read_rate(handlings, calendar, days=read_days, today=today))


def evaluation_figures(
    rounds: Iterable[RoundRow],
    first: dt.date,
    last: dt.date,
    rules: EvaluationRules | None = None,
    *,
    names: dict[str, str] | None = None,
) -> EvaluationFigures:
    """The rounds held from ``first`` to ``last`` and the names their results flag.

    A name flagged in two rounds is listed once; with ``names`` (station code → name, at the
    township) each name says its station: ``张三（白沙村）``.
    """
    held = sorted((r for r in rounds if first <= r.held_on <= last), key=lambda r: r.held_on)
    flagged: dict[str, dict[str, None]] = {NO_PROMOTION: {}, ADMONISH: {}, BOTTOM: {}}
    cadres = units = 0
    for row in held:
        cadres += sum(t.rated == CADRE for t in row.tallies)
        units += sum(t.rated == UNIT for t in row.tallies)
        where = names.get(row.station, row.station) if names and row.station else ""
        for verdict in results(row.tallies, rules or EvaluationRules()):
            shown = f"{verdict.tally.name}（{where}）" if where else verdict.tally.name
            for flag in verdict.flags:
                flagged[flag][shown] = None
    return EvaluationFigures(
        rounds=len(held),
        cadres_rated=cadres,
        units_rated=units,
        no_promotion=tuple(flagged[NO_PROMOTION]),
        admonish=tuple(flagged[ADMONISH]),
        bottom=tuple(flagged[BOTTOM]),
    )


def compute(
    inputs: VoiceInputs,
    first: dt.date,
    last: dt.date,
    *,
    calendar: Calendar,
    today: dt.date,
    names: dict[str, str] | None = None,
) -> VoiceFigures:
    """Every figure of the section for the days ``first`` to ``last`` (both included)."""
    return VoiceFigures(
        first=first,
        last=last,
        meetings=meeting_figures(inputs.meetings, first, last),
        info=info_figures(inputs.infos, first, last),
        groups_answered=sum(first <= day <= last for day, _ in inputs.answered),
        petitions=petition_figures(
            inputs.petitions,
            first,
            last,
            calendar=calendar,
            read_days=inputs.read_days,
            today=today,
        ),
        evaluations=evaluation_figures(inputs.rounds, first, last, inputs.rules, names=names),
    )


def by_station(
    inputs: VoiceInputs,
    stations: Sequence[tuple[str, str]],
    first: dt.date,
    last: dt.date,
    *,
    calendar: Calendar,
    today: dt.date,
) -> tuple[tuple[str, str, VoiceFigures], ...]:
    """Each station's figures: every station listed, then codes of rows of no known station.

    Rows made on the township's own PC ("") count in the township's totals only.
    """
    names = dict(stations)
    codes = sorted(set(names) | {c for c in inputs.stations() if c})
    return tuple(
        (
            code,
            names.get(code, code),
            compute(inputs.of_station(code), first, last, calendar=calendar, today=today),
        )
        for code in codes
    )
