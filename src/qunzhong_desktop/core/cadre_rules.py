"""Cadres as the rules hold them: categories, what each must do, and how days are counted.

The published rules for township mass work differ by category of cadre (乡驻村干部 at
least 10 days a month in the village and 2 days on duty at the village service point with a
diary; 村两委 members 3–5 households in difficulty; 工作队员 in the village during the first
week of every month; organ cadres a third of the year's working days …). :data:`DEFAULT_RULES`
holds them; the township edits the table and it travels to its stations with the rest of
its configuration (``sync/config.py``).

**A day in the village** is a diary day (one per cadre and day) of kind 入户走访, 集中工作日,
坐班接待 (at the village service point) or 民情恳谈会; a 电话回访 counts only when the entry
records a place in the village. A day on duty is a 坐班接待 day (also a day in the village).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from qunzhong_desktop.core.errors import ValidationError

# the categories, in the order forms and tables list them
STATIONED = "乡驻村干部"
TOWNSHIP_HEAD = "乡主要领导"
TOWNSHIP_LEADER = "乡副科级以上领导"
VILLAGE_HEAD = "村两委主要负责人"
VILLAGE_MEMBER = "村两委其他干部"
WORK_TEAM = "工作队员"
ORGAN_CADRE = "县、镇机关干部"
PARTY_MEMBER = "党员"
LINKED_MEMBER = "联户党员"
CATEGORIES: tuple[str, ...] = (
    STATIONED, TOWNSHIP_HEAD, TOWNSHIP_LEADER, VILLAGE_HEAD, VILLAGE_MEMBER,
    WORK_TEAM, ORGAN_CADRE, PARTY_MEMBER, LINKED_MEMBER,
)  # fmt: skip
#: The categories of the township's own cadres (包村: each linked to a village).
TOWNSHIP_CATEGORIES = frozenset({STATIONED, TOWNSHIP_HEAD, TOWNSHIP_LEADER})

#: The kind of person (身份) each category is, as the register has always kept it.
ROLE_OF: dict[str, str] = {
    PARTY_MEMBER: "党员", LINKED_MEMBER: "党员", WORK_TEAM: "工作队员",
}  # fmt: skip
#: Cadres registered before categories existed (migration 0010; the township can correct).
CATEGORY_OF_ROLE: dict[str, str] = {"干部": STATIONED, "党员": PARTY_MEMBER, "工作队员": WORK_TEAM}

VILLAGE_KINDS = frozenset({"入户走访", "集中工作日", "坐班接待", "民情恳谈会"})
DUTY_KIND = "坐班接待"
PHONE_KIND = "电话回访"
FIRST_WEEK_WORKDAYS = 5  # 集中工作日: the first week of every month, in working days

MAX_DAYS = 31
MAX_HOUSEHOLDS = 50


def role_of(category: str) -> str:
    """干部, 党员 or 工作队员 for a category."""
    return ROLE_OF.get(category, "干部")


def category_or_default(category: str, role: str) -> str:
    """A cadre's category; one from an older program (none sent) follows its role."""
    return category if category in CATEGORIES else CATEGORY_OF_ROLE.get(role, STATIONED)


@dataclass(frozen=True, slots=True)
class Rule:
    """What one category of cadre must do; None: not required of it."""

    category: str
    village_days: int | None = None  # at least, each month
    duty_days: int | None = None  # at least, each month, on duty with a diary
    paired: tuple[int, int] | None = None  # households in difficulty paired, from–to
    first_week: bool = False  # in the village during the first working week of each month
    year_share: tuple[int, int] | None = None  # of the year's working days, in the village
    note: str = ""  # how the rules say it (shown beside the figures)

    @property
    def assessed(self) -> bool:
        """Whether anything is asked of this category at all."""
        return any(
            (
                self.village_days is not None,
                self.duty_days is not None,
                self.paired is not None,
                self.first_week,
                self.year_share is not None,
            )
        )

    @property
    def text(self) -> str:
        """The rule in one line, e.g. ``每月在村 ≥ 10 天；坐班 ≥ 2 天（记民情日记）``."""
        parts = []
        if self.village_days is not None:
            parts.append(f"每月在村 ≥ {self.village_days} 天")
        if self.duty_days is not None:
            parts.append(f"坐班 ≥ {self.duty_days} 天（记民情日记）")
        if self.paired is not None:
            parts.append(f"结对困难户 {self.paired[0]}–{self.paired[1]} 户")
        if self.first_week:
            parts.append("每月第一周集中工作日在村")
        if self.year_share is not None:
            parts.append(f"全年在村 ≥ 工作日的 {self.year_share[0]}/{self.year_share[1]}")
        text = "；".join(parts) if parts else "不考核在村天数"
        return f"{text}（{self.note}）" if self.note else text


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(STATIONED, village_days=10, duty_days=2),
    Rule(TOWNSHIP_HEAD, village_days=5),
    Rule(TOWNSHIP_LEADER, village_days=2, note="深入基层调研 2–3 天"),
    Rule(VILLAGE_HEAD, village_days=10, paired=(3, 5), note="入户访谈、协调、处理事务"),
    Rule(VILLAGE_MEMBER, village_days=5, paired=(3, 5)),
    Rule(WORK_TEAM, first_week=True, note="集中工作日进村入户"),
    Rule(ORGAN_CADRE, year_share=(1, 3), note="帮扶困难群众，按年计"),
    Rule(PARTY_MEMBER, note="列出联系户数"),
    Rule(LINKED_MEMBER, note="列出联系户数"),
)


class RulesInvalid(ValidationError):
    """A rule table that does not hold together (``field`` names the category)."""

    code = "cadres.rules"


def rules_json(rules: Iterable[Rule]) -> list[dict[str, Any]]:
    """The table as it is stored and travels."""
    return [
        {
            "category": r.category,
            "village_days": r.village_days,
            "duty_days": r.duty_days,
            "paired": list(r.paired) if r.paired is not None else None,
            "first_week": r.first_week,
            "year_share": list(r.year_share) if r.year_share is not None else None,
            "note": r.note,
        }
        for r in rules
    ]


def _count(value: Any, what: str, category: str, top: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise RulesInvalid(
            f"“{category}”的{what}须是 0–{top} 的整数。", field=category, value=value
        )
    return value


def _pair(value: Any, what: str, category: str, top: int) -> tuple[int, int] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise RulesInvalid(f"“{category}”的{what}须是两个数。", field=category)
    low = _count(value[0], what, category, top)
    high = _count(value[1], what, category, top)
    assert low is not None and high is not None
    if low > high:
        raise RulesInvalid(f"“{category}”的{what}下限大于上限。", field=category)
    return (low, high)


def parse_rules(value: Any) -> tuple[Rule, ...]:
    """A rule table read back (stored, from a kit or a dispatch, or typed at the CLI).

    Categories left out keep their default rule; the order is always :data:`CATEGORIES`.

    Raises:
        RulesInvalid: an unknown category, a repeated one, or a value out of range.
    """
    if not isinstance(value, list) or len(value) > len(CATEGORIES):
        raise RulesInvalid("考核规则表格式错误。")
    given: dict[str, Rule] = {}
    for raw in value:
        if not isinstance(raw, dict):
            raise RulesInvalid("考核规则表格式错误。")
        category = raw.get("category")
        if category not in CATEGORIES:
            raise RulesInvalid(f"没有“{category}”这一类干部。", field=str(category))
        if category in given:
            raise RulesInvalid(f"“{category}”出现了两次。", field=category)
        share = _pair(raw.get("year_share"), "全年在村比例", category, 12)
        if share is not None and (share[0] == 0 or share[1] == 0):
            raise RulesInvalid(f"“{category}”的全年在村比例须大于 0。", field=category)
        note = raw.get("note", "")
        if not isinstance(note, str) or len(note) > 50:
            raise RulesInvalid(f"“{category}”的说明最多 50 字。", field=category)
        given[category] = Rule(
            category,
            village_days=_count(raw.get("village_days"), "每月在村天数", category, MAX_DAYS),
            duty_days=_count(raw.get("duty_days"), "每月坐班天数", category, MAX_DAYS),
            paired=_pair(raw.get("paired"), "结对困难户数", category, MAX_HOUSEHOLDS),
            first_week=bool(raw.get("first_week", False)),
            year_share=share,
            note=note.strip(),
        )
    defaults = {r.category: r for r in DEFAULT_RULES}
    return tuple(given.get(c, defaults[c]) for c in CATEGORIES)


def rule_for(rules: Sequence[Rule], category: str) -> Rule:
    """The rule of a category (a category missing from the table is not assessed)."""
    return next((r for r in rules if r.category == category), Rule(category))


def with_changes(rules: Sequence[Rule], category: str, **fields: Any) -> tuple[Rule, ...]:
    """The table with one category's rule changed (then checked as a whole)."""
    changed = [replace(r, **fields) if r.category == category else r for r in rules]
    return parse_rules(rules_json(changed))


# days ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DiaryDay:
    """One diary entry as the counting sees it."""

    day: dt.date
    kind: str
    place: str = ""


def in_village(kind: str, place: str = "") -> bool:
    """Whether a diary day of this kind counts as a day in the village."""
    return kind in VILLAGE_KINDS or (kind == PHONE_KIND and bool(place.strip()))


def village_days(entries: Iterable[DiaryDay]) -> set[dt.date]:
    """The days in the village (each day once)."""
    return {e.day for e in entries if in_village(e.kind, e.place)}


def duty_days(entries: Iterable[DiaryDay]) -> set[dt.date]:
    """The days on duty at the village service point (each day once)."""
    return {e.day for e in entries if e.kind == DUTY_KIND}


def year_required(rule: Rule, workdays_in_year: int) -> int | None:
    """The days in the village a year-share rule asks for (rounded up), or None."""
    if rule.year_share is None:
        return None
    share, of = rule.year_share
    return math.ceil(workdays_in_year * share / of)


@dataclass(frozen=True, slots=True)
class MonthFacts:
    """What the rules look at for one cadre and month."""

    village_days: int
    duty_days: int
    difficult_households: int
    first_week_days: int  # days in the village during the month's first working week
    first_week_over: bool  # the first working week has ended (by the day judged)
    year_days: int  # days in the village from 1 January to the day judged
    year_required: int | None  # what a year-share rule asks for the whole year
    under_way: bool  # the month is not over: day counts still below are not shortfalls


def judge(rule: Rule, facts: MonthFacts) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The shortfalls, and what is still to come while the month is under way."""
    reasons: list[str] = []
    pending: list[str] = []
    for days, minimum, what in (
        (facts.village_days, rule.village_days, "在村"),
        (facts.duty_days, rule.duty_days, "坐班"),
    ):
        if minimum is None or days >= minimum:
            continue
        if facts.under_way:
            pending.append(f"{what} {days} 天（月末须满 {minimum} 天）")
        else:
            reasons.append(f"{what} {days} 天，少于 {minimum} 天")
    if rule.paired is not None:
        low, high = rule.paired
        if facts.difficult_households < low:
            reasons.append(f"结对困难户 {facts.difficult_households} 户，少于 {low} 户")
        elif facts.difficult_households > high:
            reasons.append(f"结对困难户 {facts.difficult_households} 户，多于 {high} 户")
    if rule.first_week and not facts.first_week_days:
        if facts.first_week_over:
            reasons.append("本月第一周集中工作日没有在村记录")
        else:
            pending.append("第一周集中工作日尚未在村")
    if facts.year_required is not None and facts.year_days < facts.year_required:
        pending.append(f"本年在村 {facts.year_days} 天（全年须满 {facts.year_required} 天）")
    return tuple(reasons), tuple(pending)


def check_category(category: str, role: str, village_code: str = "") -> str:
    """The category a cadre is saved with (from its role when none is chosen).

    Raises:
        ValidationError: an unknown category, or a 包村 village code not of 12 digits.
    """
    category = category.strip()
    if category and category not in CATEGORIES:
        raise ValidationError(
            f"干部类别“{category}”不在列表中，可用：{'、'.join(CATEGORIES)}。",
            code="cadre.category",
            field="category",
        )
    code = village_code.strip()
    if code and not (len(code) == 12 and code.isdigit()):
        raise ValidationError(
            f"包村村代码“{code}”应为 12 位数字（工作站代码）。",
            code="cadre.village",
            field="village_code",
        )
    return category or CATEGORY_OF_ROLE.get(role, STATIONED)
