"""The township's assessment sheet (考评, 评比; issue 17): a score per station or unit, ranked.

The township defines a :class:`.assessment_scheme.Scheme`: for the stations and for the units, scoring items
(考评项目) each with its points. An item is either *computed* from sub-items — a figure of
the period report (:data:`STATION_FIGURES`, :data:`UNIT_FIGURES`) with a weight in points and
a direction (higher or lower is better) — or *manual*: the township enters 0 to the item's
points by hand for each station or unit.

How a figure becomes points (:func:`part_points`, footnoted on the sheet as :data:`RULES`):

* a rate: weight × rate (lower is better: weight × (1 − rate)); a rate without a denominator
  (nothing to count) scores 0 with the remark 无数据;
* a count: weight × value ÷ the best value on the sheet (lower is better: weight × best ÷
  value, a value of 0 scoring in full). Negative values (a unit's 化解得分) count as 0; when
  the best value is 0 nobody scores.

An item's points are the sum of its sub-items' rounded half up to 0.1; the total is the sum
of the items' (so the printed columns add up). Ranking by total, ties sharing a rank (1, 1,
3). A one-vote veto (一票否决, entered by hand with a reason) keeps the computed score for
reference, but the entry ranks after every entry without one.

A candidate with nothing to answer for (``Candidate.idle``: a unit that answered for no item
in the period, as in the 化解情况成效表) is not ranked unless the township entered manual
points or a veto for it: it follows every ranked entry with rank 0 (printed "—"), no points
and the remark 无负责事项, and takes no part in the best values (a unit with nothing
unresolved would otherwise be the best of a lower-is-better count and zero everyone else).

Pure and Qt-free: :func:`score` takes the candidates' figures and the township's records.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from qunzhong_desktop.core.assessment_scheme import (
    DIRECTIONS,
    FIGURE_DEFINITIONS,
    HIGHER,
    STATIONS,
    UNIT_DEFINITIONS,
    UNITS,
    Part,
    Scheme,
    ScoreItem,
    figures_of,
    is_rate,
)
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.period_report import FIGURES, PeriodReport

VETO = "一票否决"
NO_DATA = "无数据"
NOT_ENTERED = "未录入"
NOTHING = "无负责事项"

RULES: tuple[tuple[str, str], ...] = (
    (
        "比率换算",
        "分项分值 × 比率（越低越好的：分项分值 × (1 − 比率)）。没有分母（无可统计的事项或回访）"
        "的记 0 分，备注“无数据”。",
    ),
    (
        "数量换算",
        "分项分值 × 该工作站（单位）的数值 ÷ 本表最好值（越高越好的取最大值）；越低越好的："
        "分项分值 × 最好值（最小值）÷ 该工作站（单位）的数值，数值为 0 的得满分。负数按 0 计；最好值为 0 时均不得分。"
        "最好值在本表全部对象（含一票否决的）中取。",
    ),
    ("手工评分", "由乡镇按项目逐一录入 0 至该项分值；未录入的记 0 分，备注“未录入”。"),
    (
        "得分与排名",
        "每项得分为各分项之和，四舍五入到 0.1 分；合计为各项得分之和。按合计从高到低排名，"
        "合计相同的名次并列（下一名次顺延）。",
    ),
    (
        VETO,
        "由乡镇逐一录入并写明理由；被否决的照常计分供参考，但排在所有未被否决的之后，"
        "备注“一票否决”及理由。",
    ),
)

#: the units' sheet only: who is not ranked
UNIT_RULES: tuple[tuple[str, str], ...] = (
    (
        NOTHING,
        "期间内没有负责任何事项（主管部门或双联系单位）、也没有手工评分和一票否决的责任单位"
        "不参加排名，列在最后，名次记“—”，不计分，也不参与最好值的计算（同化解情况成效表）。",
    ),
)

# scoring -------------------------------------------------------------------------------------
Figure = int | float | Rate


@dataclass(frozen=True, slots=True)
class Candidate:
    """A station or unit to score: its key (station code or unit name), name and figures."""

    key: str
    name: str
    figures: Mapping[str, Figure]
    idle: bool = False  # nothing to answer for in the period (a unit): unranked unless judged


@dataclass(frozen=True, slots=True)
class Record:
    """What the township entered for one candidate and period: manual points, a veto."""

    manual: Mapping[str, float] = field(default_factory=dict)
    veto: str = ""


@dataclass(frozen=True, slots=True)
class ItemScore:
    """A candidate's points for one item, in tenths, with remarks (无数据 …)."""

    name: str
    tenths: int
    remarks: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        """The points, e.g. 17.5."""
        return self.tenths / 10


@dataclass(frozen=True, slots=True)
class Entry:
    """A candidate on the sheet: its items' points, total and rank."""

    key: str
    name: str
    items: tuple[ItemScore, ...]
    rank: int
    veto: str = ""

    @property
    def tenths(self) -> int:
        """The total in tenths (the sum of the items')."""
        return sum(i.tenths for i in self.items)

    @property
    def total(self) -> float:
        """The total, e.g. 24.5."""
        return self.tenths / 10

    @property
    def vetoed(self) -> bool:
        """Whether a one-vote veto applies."""
        return bool(self.veto)

    @property
    def ranked(self) -> bool:
        """Whether it takes part in the ranking (rank 0: nothing to answer for)."""
        return self.rank > 0

    @property
    def rank_text(self) -> str:
        """The 名次 column: ``3``, ``4（否决）``, or ``—`` when not ranked."""
        if not self.ranked:
            return "—"
        return f"{self.rank}（否决）" if self.vetoed else str(self.rank)

    @property
    def remark(self) -> str:
        """``一票否决：…`` and the items' remarks (``无负责事项`` unranked), for 备注."""
        if not self.ranked:
            return NOTHING
        parts = [f"{VETO}：{self.veto}"] if self.veto else []
        parts += [f"{i.name}：{'、'.join(i.remarks)}" for i in self.items if i.remarks]
        return "；".join(parts)


@dataclass(frozen=True, slots=True)
class AssessmentSheet:
    """The ranking of the stations or the units for a period."""

    of: str  # STATIONS or UNITS
    title: str  # "{township} {period} 考评排名"
    period_code: str
    items: tuple[ScoreItem, ...]
    entries: tuple[Entry, ...]
    as_of: str = ""  # "截至 11月21日" while the period is under way
    rows_label: str = "工作站"  # what a stations' sheet ranks (乡镇 at the county)

    @property
    def footnotes(self) -> tuple[tuple[str, str], ...]:
        """Each item's definition, each figure used, and :data:`RULES`."""
        return footnotes(self.of, self.items)


def footnotes(what: str, items: Sequence[ScoreItem]) -> tuple[tuple[str, str], ...]:
    """The sheet's footnotes: items, the figures they use, and the rules."""
    known = figures_of(what)
    notes: list[tuple[str, str]] = []
    used: list[str] = []
    for item in items:
        if item.manual:
            text = f"手工评分，0 至 {item.points:g} 分。{item.note}"
        else:
            text = "，".join(
                f"{known[p.figure]} {p.weight:g} 分（{DIRECTIONS[p.direction]}）"
                for p in item.parts
            )
            text = f"共 {item.points:g} 分：{text}。"
            used += [known[p.figure] for p in item.parts if known[p.figure] not in used]
        notes.append((f"{item.name}（{item.points:g} 分）", text))
    for label in used:
        extra = UNIT_DEFINITIONS if what == UNITS else {}
        notes.append((label, extra.get(label) or FIGURE_DEFINITIONS.get(label, "")))
    return (*notes, *RULES, *(UNIT_RULES if what == UNITS else ()))


def _clamp(value: Figure) -> float:
    return max(0.0, float(value)) if not isinstance(value, Rate) else 0.0


def part_points(part: Part, value: Figure, best: float, *, rate: bool) -> tuple[float, str]:
    """The points of one sub-item for one value, and a remark (``无数据``) or ''.

    ``best`` is the best value of the figure on the sheet (ignored for a rate).
    """
    if rate:
        share = value.value if isinstance(value, Rate) else None
        if share is None:
            return 0.0, NO_DATA
        return part.weight * (share if part.direction == HIGHER else 1 - share), ""
    count = _clamp(value)
    if part.direction == HIGHER:
        return (0.0, "") if best <= 0 else (part.weight * count / best, "")
    if count == 0:
        return part.weight, ""
    return part.weight * best / count, ""


def _round_tenths(value: float) -> int:
    return int(Decimal(repr(value * 10)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def score(
    what: str,
    items: Sequence[ScoreItem],
    candidates: Sequence[Candidate],
    records: Mapping[str, Record],
) -> tuple[Entry, ...]:
    """Score and rank the candidates (see the module docstring).

    Manual points above an item's points (the scheme changed since) count as its points.
    Candidates without a record score 0 on manual items (remark 未录入). Idle candidates
    without manual points or a veto are listed last, unranked (rank 0, no points).
    """

    def judged(candidate: Candidate) -> bool:
        record = records.get(candidate.key, Record())
        return not candidate.idle or bool(record.manual) or bool(record.veto)

    ranked = [c for c in candidates if judged(c)]
    best: dict[str, float] = {}
    for item in items:
        for part in item.parts:
            if is_rate(what, part.figure):
                continue
            values = [_clamp(c.figures.get(part.figure, 0)) for c in ranked] or [0.0]
            best[part.figure] = max(values) if part.direction == HIGHER else min(values)
    scored: list[tuple[Candidate, tuple[ItemScore, ...], str]] = []
    for candidate in ranked:
        record = records.get(candidate.key, Record())
        row: list[ItemScore] = []
        for item in items:
            if item.manual:
                given = record.manual.get(item.name)
                if given is None:
                    row.append(ItemScore(item.name, 0, (NOT_ENTERED,)))
                else:
                    row.append(ItemScore(item.name, round(10 * min(given, item.points))))
                continue
            total, remarks = 0.0, []
            for part in item.parts:
                value = candidate.figures.get(part.figure, 0)
                rate = is_rate(what, part.figure)
                points, remark = part_points(part, value, best.get(part.figure, 0.0), rate=rate)
                total += points
                if remark:
                    remarks.append(f"{figures_of(what)[part.figure]}{remark}")
            row.append(ItemScore(item.name, _round_tenths(total), tuple(remarks)))
        scored.append((candidate, tuple(row), record.veto))
    order = {c.key: n for n, c in enumerate(candidates)}
    scored.sort(key=lambda s: (bool(s[2]), -sum(i.tenths for i in s[1]), order[s[0].key]))
    entries: list[Entry] = []
    for index, (candidate, scores, veto) in enumerate(scored):
        tenths = sum(i.tenths for i in scores)
        previous = entries[-1] if entries else None
        tied = previous is not None and previous.vetoed == bool(veto) and previous.tenths == tenths
        rank = previous.rank if tied and previous is not None else index + 1
        entries.append(Entry(candidate.key, candidate.name, scores, rank, veto))
    zero = tuple(ItemScore(item.name, 0) for item in items)
    entries += [Entry(c.key, c.name, zero, 0) for c in candidates if not judged(c)]
    return tuple(entries)


# the period report's figures -----------------------------------------------------------------
def station_candidates(report: PeriodReport) -> tuple[Candidate, ...]:
    """Each station of a township's period report, with every figure of :data:`FIGURES`."""
    return tuple(
        Candidate(code, name, {key: figures.value(key) for key, _label in FIGURES})
        for code, name, figures in report.stations
    )


def unit_candidates(report: PeriodReport) -> tuple[Candidate, ...]:
    """Each unit of the 化解情况成效表, with :data:`UNIT_FIGURES`."""
    return tuple(
        Candidate(
            row.unit,
            row.unit,
            {
                "score": row.tenths / 10,
                "satisfied": row.satisfied,
                "resolved_share": Rate(row.resolved, row.answered),
                "answered": row.answered,
                "resolved": row.resolved,
                "unresolved": row.unresolved,
            },
            idle=not row.answered,
        )
        for row in report.units
    )


def sheet(
    what: str,
    scheme: Scheme,
    report: PeriodReport,
    records: Mapping[str, Record],
    *,
    township: str,
) -> AssessmentSheet:
    """The sheet of a township's period report for ``stations`` or ``units``."""
    items = scheme.of(what)
    candidates = station_candidates(report) if what == STATIONS else unit_candidates(report)
    as_of = f"截至 {report.as_of.month}月{report.as_of.day}日" if report.as_of else ""
    return AssessmentSheet(
        of=what,
        title=f"{township} {report.period.title} 考评排名".strip(),
        period_code=report.period.code,
        items=items,
        entries=score(what, items, candidates, records),
        as_of=as_of,
    )


def records_of(value: Any) -> dict[str, Record]:
    """The records of one list as stored (``{key: {"manual": {...}, "veto": "…"}}``).

    What does not read is left out (the township's own file; never trusted blindly).
    """
    out: dict[str, Record] = {}
    if not isinstance(value, dict):
        return out
    for key, raw in value.items():
        if not isinstance(raw, dict):
            continue
        manual = raw.get("manual") if isinstance(raw.get("manual"), dict) else {}
        points = {
            str(k): float(v)
            for k, v in (manual or {}).items()
            if isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
        }
        veto = raw.get("veto") if isinstance(raw.get("veto"), str) else ""
        out[str(key)] = Record(points, veto or "")
    return out


def record_json(record: Record) -> dict[str, Any]:
    """One record as stored."""
    out: dict[str, Any] = {"manual": dict(record.manual)}
    if record.veto:
        out["veto"] = record.veto
    return out
