"""Petitions (信访, issue 18): the marks on an item, repeats, the 阅办率 and deputies' areas.

An item may be a petition: a first one (初信初访) or a repeat (重复信访), by letter or visit
(来信, 来访), and how far it went (到乡, 到县, 到市, 进省, 赴京; seed 003 counts 赴京进省 and
到市 year on year). A new item from the same requester on a similar matter within a year is
*suggested* as a repeat; the clerk decides. The 阅办率 is the share of the petitions received
that were acted on (any step after registering) within the township's set working days,
target 100 %; petitions whose days have not run out and that wait still are left out until
they are acted on or late. Deputies' areas (分管) map a domain to the committee member in
charge, who is proposed as the handler of a petition in that domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.clock import Calendar
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.text import compact

FIRST, REPEAT = "初信初访", "重复信访"
LEVELS: tuple[str, ...] = (FIRST, REPEAT)
FORMS: tuple[str, ...] = ("来信", "来访")
REACHES: tuple[str, ...] = ("到乡", "到县", "到市", "进省", "赴京")
#: working days within which a petition must be acted on (a township setting; 《信访工作条例》
#: gives 15 days to decide whether a matter is taken up)
DEFAULT_READ_DAYS = 15
MAX_READ_DAYS = 60
REPEAT_WINDOW_DAYS = 365


@dataclass(frozen=True, slots=True)
class Mark:
    """How an item is marked as a petition ('' level: not a petition)."""

    level: str = ""
    form: str = ""
    reach: str = ""

    @property
    def is_petition(self) -> bool:
        """Whether the item is a petition."""
        return bool(self.level)


def checked_mark(mark: Mark) -> Mark:
    """A level from the list (or none, and then nothing else), a form and a reach.

    Raises:
        ValidationError: said in Chinese.
    """
    if not mark.level:
        if mark.form or mark.reach:
            raise ValidationError("请先选择信访类别（初信初访或重复信访）。",
                                  code="petition.level", field="petition")  # fmt: skip
        return Mark()
    if mark.level not in LEVELS:
        raise ValidationError(f"信访类别应为{'、'.join(LEVELS)}之一。",
                              code="petition.level", field="petition")  # fmt: skip
    if mark.form not in FORMS:
        raise ValidationError("请选择信访形式：来信或来访。", code="petition.form",
                              field="petition_form")  # fmt: skip
    if mark.reach not in REACHES:
        raise ValidationError(f"信访层级应为{'、'.join(REACHES)}之一。",
                              code="petition.reach", field="petition_reach")  # fmt: skip
    return mark


def checked_read_days(days: object) -> int:
    """The working days of the 阅办率 (1–60).

    Raises:
        ValidationError: not a whole number in range.
    """
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_READ_DAYS:
        raise ValidationError(f"阅办时限应为 1–{MAX_READ_DAYS} 个工作日。",
                              code="petition.read_days", field="read_days")  # fmt: skip
    return days


@dataclass(frozen=True, slots=True)
class Earlier:
    """An item received before, as the repeat check sees it."""

    number: str
    received_on: dt.date
    person_id: str | None
    name: str
    phone: str
    domain: str
    content: str
    petition: str = ""


def _bigrams(text: str) -> set[str]:
    plain = "".join(ch for ch in text if ch.isalnum())
    return {plain[i : i + 2] for i in range(len(plain) - 1)} or ({plain} if plain else set())


def similarity(one: str, other: str) -> float:
    """Dice coefficient of the two texts' character pairs (0–1; punctuation ignored)."""
    a, b = _bigrams(one), _bigrams(other)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


#: how alike two contents must be: of the same domain, or of any domain
SAME_DOMAIN_SIMILARITY = 0.3
ANY_DOMAIN_SIMILARITY = 0.6


def _same_requester(new: Earlier, old: Earlier) -> bool:
    if new.person_id and old.person_id:
        return new.person_id == old.person_id
    name = compact(new.name)
    if not name or name != compact(old.name):
        return False
    return not new.phone or not old.phone or new.phone == old.phone


def repeat_of(new: Earlier, earlier: Iterable[Earlier]) -> tuple[Earlier, ...]:
    """The items of the same requester on a similar matter within a year before ``new``.

    Newest first. Same requester: the same resident of the register, else the same name
    (and phone, when both have one). Similar: the same domain with contents at least 0.3
    alike, or any domain at least 0.6 alike.
    """
    first = new.received_on - dt.timedelta(days=REPEAT_WINDOW_DAYS)
    found = []
    for old in earlier:
        if old.number == new.number or not first <= old.received_on <= new.received_on:
            continue
        if not _same_requester(new, old):
            continue
        alike = similarity(new.content, old.content)
        limit = SAME_DOMAIN_SIMILARITY if old.domain == new.domain else ANY_DOMAIN_SIMILARITY
        if alike >= limit:
            found.append(old)
    return tuple(sorted(found, key=lambda e: (e.received_on, e.number), reverse=True))


@dataclass(frozen=True, slots=True)
class Handling:
    """A petition as the 阅办率 sees it: when it came and when it was first acted on."""

    received_on: dt.date
    acted_on: dt.date | None  # the first step after registering, if any


@dataclass(frozen=True, slots=True)
class ReadFigures:
    """阅办率 of a period, with what was left out."""

    rate: Rate  # acted on in time / counted
    late: int  # acted on after the days, or not at all with the days run out
    waiting: int  # not acted on yet, days not run out (left out of the rate)


def read_rate(
    handlings: Sequence[Handling], calendar: Calendar, *, days: int, today: dt.date
) -> ReadFigures:
    """The 阅办率 of ``handlings`` (see the module docstring)."""
    in_time = late = waiting = 0
    for h in handlings:
        limit = calendar.add_workdays(h.received_on, days)
        if h.acted_on is not None and h.acted_on <= limit:
            in_time += 1
        elif h.acted_on is None and today <= limit:
            waiting += 1
        else:
            late += 1
    return ReadFigures(Rate(in_time, in_time + late), late, waiting)


def level_counts(
    marks: Iterable[Mark],
) -> dict[str, int]:
    """Counts of petitions by level and by reach (keys from LEVELS and REACHES) and total."""
    counts = dict.fromkeys((*LEVELS, *REACHES, "合计"), 0)
    for mark in marks:
        if not mark.is_petition:
            continue
        counts["合计"] += 1
        counts[mark.level] = counts.get(mark.level, 0) + 1
        if mark.reach:
            counts[mark.reach] = counts.get(mark.reach, 0) + 1
    return counts


def checked_areas(areas: Mapping[str, str], domains: Iterable[str]) -> dict[str, str]:
    """Deputies' areas (分管): each known domain to one leader's name.

    Raises:
        ValidationError: an unknown domain or an empty name.
    """
    known = set(domains)
    out: dict[str, str] = {}
    for domain, leader in areas.items():
        if domain not in known:
            raise ValidationError(f"分管领域“{domain}”不在诉求类别中。", code="petition.area")
        name = compact(leader)
        if not name:
            raise ValidationError(f"请填写“{domain}”的分管领导。", code="petition.area_leader")
        if len(name) > 50:
            raise ValidationError("分管领导的姓名过长。", code="petition.area_leader")
        out[domain] = name
    return out


def proposed_handler(areas: Mapping[str, str], domain: str) -> str:
    """The leader in charge of ``domain`` ('' when no one is)."""
    return areas.get(domain, "")
