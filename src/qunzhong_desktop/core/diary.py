"""The resident diary (民情日记): kinds of day, the visit checklist, records and their rules.

A cadre writes one entry per day: its kind, the households visited, what was seen and heard.
Each household visit follows 三必看、三必问、三必留 — nine points, each done or not and each
with an optional note. How the days count against the rules for each category of cadre is
:mod:`qunzhong_desktop.core.cadre_rules` (坐班接待 is a day on duty and in the village;
电话回访 only with a place in the village).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from qunzhong_desktop.core.errors import DuplicateError, ValidationError

KINDS: tuple[str, ...] = ("入户走访", "集中工作日", "坐班接待", "民情恳谈会", "电话回访")
DUTY_KIND = "坐班接待"
# kinds whose entry lists the households visited
VISIT_KINDS: frozenset[str] = frozenset({"入户走访", "集中工作日"})

CHECK_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("三必看", (
        ("look_kitchen", "看厨房（吃得怎么样）"),
        ("look_bedroom", "看卧室（住得怎么样）"),
        ("look_toilet", "看厕所（卫生怎么样）"),
    )),
    ("三必问", (
        ("ask_living", "问生活冷暖"),
        # the code stays (entries already ticked keep their ticks); the practice says 就业发展
        ("ask_income", "问就业发展"),
        ("ask_advice", "问建议意见"),
    )),
    ("三必留", (
        ("leave_care", "留下关怀的话语"),
        ("leave_promise", "留下解决问题的承诺"),
        ("leave_contact", "留下联系方式"),
    )),
)  # fmt: skip
POINTS: dict[str, str] = {code: label for _group, points in CHECK_GROUPS for code, label in points}
POINT_CODES: tuple[str, ...] = tuple(POINTS)

TEXT_LIMIT = 5000
NOTE_LIMIT = 200
PLACE_LIMIT = 100
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


class DiaryInvalid(ValidationError):
    """An entry breaks a rule; ``field`` in its data names the part to correct."""

    code = "diary.invalid"


class DiaryDuplicate(DuplicateError):
    """The cadre already has an entry for that day (``existing_id`` in its data)."""

    code = "diary.duplicate"


@dataclass(slots=True)
class CheckMark:
    """One point of the checklist: done or not, and a note."""

    done: bool = False
    note: str = ""


@dataclass(slots=True)
class DiaryVisit:
    """A household visited, with its checklist.

    ``household_number`` and ``head_name`` are filled when read back, for lists and print.
    """

    household_id: str
    checks: dict[str, CheckMark] = field(default_factory=dict)
    note: str = ""
    household_number: str = ""
    head_name: str = ""
    address: str = ""
    id: str | None = None

    def mark(self, code: str) -> CheckMark:
        """The mark of one point (an empty mark if not set)."""
        return self.checks.get(code) or CheckMark()

    def done_count(self) -> int:
        """How many of the nine points are done."""
        return sum(1 for code in POINT_CODES if self.mark(code).done)


@dataclass(frozen=True, slots=True)
class LinkedItem:
    """An intake item turned from a finding of the entry."""

    id: str
    number: str
    household_id: str | None
    content: str
    state: str


@dataclass(slots=True)
class DiaryEntry:
    """A cadre's diary for one day."""

    cadre_id: str
    day: dt.date
    kind: str
    text: str
    visits: list[DiaryVisit] = field(default_factory=list)
    id: str | None = None
    cadre_name: str = ""
    items: list[LinkedItem] = field(default_factory=list)
    author: str = ""  # who wrote it down (set by the store when it is first saved)
    place: str = ""  # where (a 电话回访 with a place in the village counts as a day there)


@dataclass(frozen=True, slots=True)
class DiaryRow:
    """One line of a diary list."""

    id: str
    day: dt.date
    cadre_id: str
    cadre_name: str
    kind: str
    households: int
    items: int
    text: str


def is_duty(kind: str) -> bool:
    """Whether a day of this kind is on duty at the village service point (坐班接待)."""
    return kind == DUTY_KIND


def problems(entry: DiaryEntry, *, today: dt.date) -> list[DiaryInvalid]:
    """Everything wrong with an entry, in the order of the form (empty when it may be saved)."""
    found: list[DiaryInvalid] = []

    def bad(name: str, message: str, **data: Any) -> None:
        found.append(DiaryInvalid(message, code=f"diary.{name}", field=name, **data))

    if not entry.cadre_id:
        bad("cadre", "请选择写日记的干部。")
    if entry.day > today:
        bad("day", f"日期 {entry.day.isoformat()} 还没到，日记只能记今天或以前的事。")
    if entry.kind not in KINDS:
        bad("kind", f"日记类型“{entry.kind}”不在列表中，可用：{'、'.join(KINDS)}。")
    elif entry.visits and entry.kind not in VISIT_KINDS:
        bad("visits", f"“{entry.kind}”不记入户走访的户，请改为入户走访或集中工作日，或移除走访户。")
    elif entry.kind == "入户走访" and not entry.visits:
        bad("visits", "入户走访请至少添加一户走访对象。")
    if not entry.text.strip():
        bad("text", "请填写所见所闻（民情日记的正文）。")
    elif len(entry.text) > TEXT_LIMIT:
        bad("text", f"所见所闻最多 {TEXT_LIMIT} 字，现在有 {len(entry.text)} 字。")
    if len(entry.place.strip()) > PLACE_LIMIT:
        bad("place", f"地点最多 {PLACE_LIMIT} 字。")
    seen: set[str] = set()
    for visit in entry.visits:
        if visit.household_id in seen:
            label = visit.household_number or visit.household_id
            bad(
                "visits",
                f"户 {label} 添加了两次，请移除重复的一户。",
                household_id=visit.household_id,
            )
        seen.add(visit.household_id)
        unknown = [c for c in visit.checks if c not in POINTS]
        if unknown:
            bad("visits", f"没有“{unknown[0]}”这一项，检查项只有三必看、三必问、三必留。")
        long = [c for c, mark in visit.checks.items() if len(mark.note) > NOTE_LIMIT]
        if long:
            bad("visits", f"“{POINTS.get(long[0], long[0])}”的备注最多 {NOTE_LIMIT} 字。")
    return found


def check_entry(entry: DiaryEntry, *, today: dt.date) -> None:
    """Refuse an entry that breaks a rule.

    Raises:
        DiaryInvalid: the first problem (:func:`problems` lists them all).
    """
    found = problems(entry, today=today)
    if found:
        raise found[0]


def checklist_json(checks: dict[str, CheckMark]) -> dict[str, Any]:
    """The checklist as stored: ``{code: {"done": bool, "note": str}}``, points in order."""
    return {
        code: {"done": bool(checks[code].done), "note": checks[code].note.strip()}
        for code in POINT_CODES
        if code in checks and (checks[code].done or checks[code].note.strip())
    }


def checklist_of(value: Any) -> dict[str, CheckMark]:
    """A stored checklist read back (unknown points and odd values are ignored)."""
    marks: dict[str, CheckMark] = {}
    if not isinstance(value, dict):
        return marks
    for code in POINT_CODES:
        raw = value.get(code)
        if isinstance(raw, dict):
            marks[code] = CheckMark(bool(raw.get("done")), str(raw.get("note") or ""))
        elif isinstance(raw, bool):
            marks[code] = CheckMark(raw)
    return marks


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a month written ``2026-11`` (or ``2026年11月``).

    Raises:
        ValidationError: not a month.
    """
    match = _MONTH.match(text or "")
    month = int(match.group(2)) if match else 0
    if match is None or not 1 <= month <= 12:
        raise ValidationError(
            f"月份“{text}”看不懂，请写成 2026-11 这样的年-月。", code="diary.month", value=text
        )
    return month_range(int(match.group(1)), month)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def duplicate(cadre_name: str, day: dt.date, kind: str, existing_id: str) -> DiaryDuplicate:
    """The refusal of a second entry for a cadre and day, naming the existing one."""
    return DiaryDuplicate(
        f"{cadre_name} {day.isoformat()} 已有一篇民情日记（{kind}），"
        "每人每天只记一篇，请打开那一篇修改。",
        field="day",
        existing_id=existing_id,
    )
