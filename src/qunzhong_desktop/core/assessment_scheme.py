"""The township's assessment scheme (考评方案, issue 17): scoring items with their points.

For the stations and for the units, scoring items (考评项目) each with its points: computed
from sub-items (a figure of the period report with a weight in points and a direction,
higher or lower is better; the weights of an item add up to its points) or manual (0 to the
item's points entered by hand). :func:`checked_scheme` reads a scheme as stored or typed and
refuses it whole, in Chinese naming the part. How the sheet scores: :mod:`.assessment`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.period_report import FIGURES, RATE_KEYS
from qunzhong_desktop.core.text import compact, strip_controls

STATIONS, UNITS = "stations", "units"
OF: dict[str, str] = {STATIONS: "工作站", UNITS: "责任单位"}
HIGHER, LOWER = "higher", "lower"
DIRECTIONS: dict[str, str] = {HIGHER: "越高越好", LOWER: "越低越好"}
MAX_ITEMS = 30
MAX_PARTS = 12
MAX_POINTS = 1000
MAX_NAME = 40
MAX_REASON = 200

#: the station figures a sub-item may draw on (the period report's)
STATION_FIGURES: dict[str, str] = dict(FIGURES)
#: the unit figures (化解情况成效表)
UNIT_FIGURES: dict[str, str] = {
    "score": "化解得分",
    "satisfied": "满意率",
    "resolved_share": "办结率",
    "answered": "负责事项",
    "resolved": "办结",
    "unresolved": "期末未办结",
}
UNIT_RATES = frozenset({"satisfied", "resolved_share"})

#: what each figure counts, for the footnotes (period wording of the monthly report's)
FIGURE_DEFINITIONS: dict[str, str] = {
    "受理": "受理时间在期间内的事项数。",
    "办结": "期间内有“已办结”记录的事项数（同一事项多次办结只计一次）。",
    "期末在办": "按流转记录回放到期间最后一天（期间未结束的，到今天）仍在办理的事项数。",
    "期末超期": "期末在办且正在计时的事项中，有效承诺办结日期已过的事项数。",
    "上报": "期间内“已上报”记录的次数。",
    "一次办结率": "期间内办结的事项中，群众不用再跑第二次就办结的所占比例（口径同民情月报）。",
    "按期办结率": "期间内办结的事项中，办结日期不晚于当时有效的承诺办结日期的所占比例。",
    "满意率": "期间内的回访记录中，满意度为“满意”或“基本满意”的所占比例（分母为回访次数）。",
    "发放联系卡": "期间内打印发放的便民服务联系卡张数（补发也计）。",
    "走访农户": "期间内民情日记记录走访的不同户数（同一户多次走访只计一户）。",
    "收集意见建议": "期间内民情日记走访中，“问建议意见”一项记有内容的户次。",
    "民情恳谈会": "期间内类型为“民情恳谈会”的民情日记，按工作站和日期计次。",
    "化解得分": "化解情况成效表的得分：期间内办结每件 +1 分，期末未办结每件 −0.3 分"
    "（单位作为主管部门或双联系单位负责的事项）。",
    "办结率": "单位负责的事项中期间内办结的所占比例（办结 ÷ 负责事项）。",
    "负责事项": "期间内受理、办结或期末仍在办且由该单位负责（主管部门或双联系单位）的事项数。",
    "期末未办结": "单位负责的事项中期末仍未办结的件数。",
}
UNIT_DEFINITIONS: dict[str, str] = {
    "满意率": "单位负责事项期间内的回访中，满意和基本满意的所占比例。",
    "办结": "单位负责的事项中期间内办结的件数。",
}

#: how figures become points, the ranking and the veto (the sheet's footnotes)


@dataclass(frozen=True, slots=True)
class Part:
    """A sub-item: a figure, its weight in points and which way is better."""

    figure: str
    weight: float
    direction: str = HIGHER

    def as_json(self) -> dict[str, Any]:
        """As it is stored."""
        return {"figure": self.figure, "weight": self.weight, "direction": self.direction}


@dataclass(frozen=True, slots=True)
class ScoreItem:
    """A scoring item: computed from its parts, or manual (no parts)."""

    name: str
    points: float
    parts: tuple[Part, ...] = ()
    note: str = ""  # what a manual item judges

    @property
    def manual(self) -> bool:
        """Entered by hand."""
        return not self.parts

    def as_json(self) -> dict[str, Any]:
        """As it is stored."""
        out: dict[str, Any] = {"name": self.name, "points": self.points}
        if self.manual:
            out["manual"] = True
        else:
            out["parts"] = [p.as_json() for p in self.parts]
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Scheme:
    """The scoring items for the stations and for the units."""

    stations: tuple[ScoreItem, ...]
    units: tuple[ScoreItem, ...]

    def of(self, what: str) -> tuple[ScoreItem, ...]:
        """The items for ``stations`` or ``units``."""
        return self.stations if what == STATIONS else self.units

    def as_json(self) -> dict[str, Any]:
        """As it is stored and ``assessment scheme --json`` prints it."""
        return {
            STATIONS: [i.as_json() for i in self.stations],
            UNITS: [i.as_json() for i in self.units],
        }


DEFAULT_SCHEME = Scheme(
    stations=(
        ScoreItem(
            "群众工作",
            20,
            (
                Part("on_time", 6),
                Part("satisfaction", 6),
                Part("first_time", 4),
                Part("households_visited", 4),
            ),
        ),
        ScoreItem("民情恳谈会与台账", 10, note="民情恳谈会召开情况、民情台账和民情日记记录情况。"),
    ),
    units=(
        ScoreItem(
            "化解工作",
            20,
            (Part("score", 10), Part("satisfied", 6), Part("resolved_share", 4)),
        ),
        ScoreItem("双联系工作", 10, note="联系村、联系户走访和为联系村办实事情况。"),
    ),
)


def figures_of(what: str) -> dict[str, str]:
    """The figures (key → label) sub-items for ``stations`` or ``units`` may use."""
    return STATION_FIGURES if what == STATIONS else UNIT_FIGURES


def is_rate(what: str, key: str) -> bool:
    """Whether a figure is a rate (scored as weight × rate)."""
    return key in (RATE_KEYS if what == STATIONS else UNIT_RATES)


# validation ----------------------------------------------------------------------------------
def _tenths(value: Any, where: str, what: str) -> int:
    """A number of points with at most one decimal, in tenths."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(f"{where}的{what}应为数字。", code="assessment.number", field=what)
    tenths = round(value * 10)
    if abs(tenths - value * 10) > 1e-6:
        raise ValidationError(
            f"{where}的{what} {value:g} 最多保留一位小数。", code="assessment.decimal", field=what
        )
    if not 0 < tenths <= MAX_POINTS * 10:
        raise ValidationError(
            f"{where}的{what}应大于 0、不超过 {MAX_POINTS} 分，现在是 {value:g}。",
            code="assessment.points",
            field=what,
        )
    return tenths


def _name(value: Any, where: str) -> str:
    name = compact(value) if isinstance(value, str) else ""
    if not name or len(name) > MAX_NAME:
        raise ValidationError(
            f"{where}的名称为空或超过 {MAX_NAME} 个字。", code="assessment.name", field="name"
        )
    return name


def checked_items(value: Any, what: str) -> tuple[ScoreItem, ...]:
    """The items for ``stations`` or ``units`` as stored, checked.

    Raises:
        ValidationError: naming the part (``考评方案（工作站）第 2 项“群众工作”…``).
    """
    label = f"考评方案（{OF[what]}）"
    if not isinstance(value, list) or not value or len(value) > MAX_ITEMS:
        raise ValidationError(
            f"{label}应有 1 至 {MAX_ITEMS} 个考评项目。", code="assessment.items", field=what
        )
    known = figures_of(what)
    items: list[ScoreItem] = []
    for index, raw in enumerate(value, start=1):
        where = f"{label}第 {index} 项"
        if not isinstance(raw, dict):
            raise ValidationError(f"{where}不正确。", code="assessment.item", index=index)
        name = _name(raw.get("name"), where)
        where = f"{label}第 {index} 项“{name}”"
        if name in (i.name for i in items):
            raise ValidationError(
                f"{where}与前面的项目重名。", code="assessment.twin", field="name", index=index
            )
        points = _tenths(raw.get("points"), where, "分值")
        note = compact(raw.get("note", "")) if isinstance(raw.get("note", ""), str) else ""
        raw_parts = raw.get("parts") or []
        manual = raw.get("manual", False) is True
        if manual and raw_parts:
            raise ValidationError(
                f"{where}是手工评分项，不能再有分项。", code="assessment.manual_parts", index=index
            )
        if not manual and (not isinstance(raw_parts, list) or not raw_parts):
            raise ValidationError(
                f'{where}没有分项：请列出分项（指标、分值），或标明为手工评分（"manual": true）。',
                code="assessment.no_parts",
                index=index,
            )
        if len(raw_parts) > MAX_PARTS:
            raise ValidationError(
                f"{where}的分项超过 {MAX_PARTS} 个。", code="assessment.parts", index=index
            )
        parts = tuple(
            _part(p, f"{where}的第 {n} 个分项", known) for n, p in enumerate(raw_parts, start=1)
        )
        total = sum(round(p.weight * 10) for p in parts)
        if parts and total != points:
            raise ValidationError(
                f"{where}的各分项分值之和为 {total / 10:g} 分，应等于该项的 {points / 10:g} 分。",
                code="assessment.weights",
                index=index,
            )
        items.append(ScoreItem(name, points / 10, parts, note[:200]))
    return tuple(items)


def _part(raw: Any, where: str, known: Mapping[str, str]) -> Part:
    if not isinstance(raw, dict):
        raise ValidationError(f"{where}不正确。", code="assessment.part")
    figure = raw.get("figure")
    if not isinstance(figure, str) or figure not in known:
        names = "、".join(f"{k}（{v}）" for k, v in known.items())
        raise ValidationError(
            f"{where}的指标“{figure}”不认识，可用：{names}。",
            code="assessment.figure",
            field="figure",
            value=str(figure),
        )
    weight = _tenths(raw.get("weight"), where, "分值")
    direction = raw.get("direction", HIGHER)
    direction = {v: k for k, v in DIRECTIONS.items()}.get(direction, direction)
    if direction not in DIRECTIONS:
        raise ValidationError(
            f"{where}的方向应为 higher（越高越好）或 lower（越低越好）。",
            code="assessment.direction",
            field="direction",
        )
    return Part(figure, weight / 10, direction)


def checked_scheme(value: Any) -> Scheme:
    """A scheme as stored (``{"stations": [...], "units": [...]}``), checked whole.

    Raises:
        ValidationError: in Chinese, naming the list, the item and the sub-item.
    """
    if not isinstance(value, dict):
        raise ValidationError(
            '考评方案应为 JSON 对象：{"stations": [...], "units": [...]}。',
            code="assessment.scheme",
        )
    unknown = sorted(set(value) - {STATIONS, UNITS})
    if unknown:
        raise ValidationError(
            f"考评方案只能有 stations（工作站）和 units（责任单位）两部分，不认识：{'、'.join(unknown)}。",
            code="assessment.scheme",
        )
    return Scheme(
        stations=checked_items(value.get(STATIONS, DEFAULT_SCHEME.as_json()[STATIONS]), STATIONS),
        units=checked_items(value.get(UNITS, DEFAULT_SCHEME.as_json()[UNITS]), UNITS),
    )


def checked_reason(reason: str) -> str:
    """A veto's reason, compacted.

    Raises:
        ValidationError: empty or longer than :data:`MAX_REASON` characters.
    """
    text = " ".join(strip_controls(str(reason)).split())
    if not text:
        raise ValidationError("一票否决必须写明理由。", code="assessment.reason", field="reason")
    if len(text) > MAX_REASON:
        raise ValidationError(
            f"一票否决的理由不要超过 {MAX_REASON} 个字。", code="assessment.reason", field="reason"
        )
    return text


def checked_manual(item: ScoreItem, points: float) -> float:
    """Points entered for a manual item: 0 to its points, at most one decimal.

    Raises:
        ValidationError: not a manual item, or out of range.
    """
    if not item.manual:
        raise ValidationError(
            f"“{item.name}”按统计数字计算，不能手工评分。", code="assessment.not_manual"
        )
    if isinstance(points, bool) or not math.isfinite(points):
        raise ValidationError("手工评分应为数字。", code="assessment.number")
    tenths = round(points * 10)
    if abs(tenths - points * 10) > 1e-6 or not 0 <= tenths <= round(item.points * 10):
        raise ValidationError(
            f"“{item.name}”的得分应在 0 至 {item.points:g} 分之间，最多一位小数，"
            f"现在是 {points:g}。",
            code="assessment.manual_range",
            field="points",
        )
    return tenths / 10


def known_items(items: Iterable[ScoreItem], name: str) -> ScoreItem:
    """The item called ``name``.

    Raises:
        ValidationError: none is, naming those there are.
    """
    items = tuple(items)
    wanted = compact(name)
    for item in items:
        if item.name == wanted:
            return item
    names = "、".join(i.name for i in items)
    raise ValidationError(
        f"考评方案中没有“{wanted}”这一项，现有：{names}。", code="assessment.unknown_item"
    )
