"""Who needs a service soon (即将到龄): residents turning 60, 70, 80 … in a window of days.

At 60 a resident may apply for the 老年优待证, older for the 高龄津贴 and similar; the
station finds them in its register before the birthday and acts for them (代办). The birth
date is the register's, else the one in the citizen ID number. A birthday on 29 February
falls on 28 February in a year that has none.

Pure: the repository hands in :class:`Resident` records; :func:`due_residents` picks and
orders those turning one of the ages within the window.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qunzhong_desktop.core import citizen_id, phone
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ledger import Column, Row

AGE_MIN, AGE_MAX = 1, 120
WITHIN_MAX = 366
#: The services a birthday usually opens, as a clerk would name them (a suggestion only).
SERVICES: dict[int, str] = {60: "老年优待证", 70: "高龄津贴", 80: "高龄津贴", 90: "高龄津贴"}


@dataclass(frozen=True, slots=True)
class Resident:
    """A live member of the register, as the query needs them."""

    person_id: str
    name: str
    birth_date: dt.date | None
    id_number: str = ""
    household_id: str = ""
    household_number: str = ""
    address: str = ""
    phone: str = ""
    tags: tuple[str, ...] = ()  # the person's and the household's support tags


@dataclass(frozen=True, slots=True)
class DueResident:
    """A resident who turns ``age`` on ``on``."""

    resident: Resident
    birth_date: dt.date
    age: int
    on: dt.date

    @property
    def service(self) -> str:
        """The service the age usually opens (empty when none is known)."""
        return SERVICES.get(self.age, "")


@dataclass(frozen=True, slots=True)
class Window:
    """The days a birthday must fall on (both ends included)."""

    first: dt.date
    last: dt.date

    @property
    def title(self) -> str:
        """``2026-11-01 至 2026-12-31``."""
        return f"{self.first.isoformat()} 至 {self.last.isoformat()}"


def birth_date_of(resident: Resident) -> dt.date | None:
    """The register's birth date, else the one in a valid ID number, else None."""
    if resident.birth_date is not None:
        return resident.birth_date
    if not resident.id_number:
        return None
    try:
        return citizen_id.parse(resident.id_number).birth_date
    except ValidationError:
        return None


def birthday(birth: dt.date, year: int) -> dt.date:
    """The birthday in ``year``: 29 February is 28 February in a common year."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return birth.replace(year=year)


def turns(birth: dt.date, age: int) -> dt.date:
    """The day a person born on ``birth`` turns ``age``."""
    return birthday(birth, birth.year + age)


def window(today: dt.date, within: int | None = None) -> Window:
    """The days to look at: ``within`` days from today, else this month and the next.

    Raises:
        ValidationError: ``within`` is not between 1 and :data:`WITHIN_MAX`.
    """
    if within is not None:
        if not 1 <= within <= WITHIN_MAX:
            raise ValidationError(
                f"天数应为 1–{WITHIN_MAX}，现在是 {within}。", code="due.within", field="within"
            )
        return Window(today, today + dt.timedelta(days=within))
    first = today.replace(day=1)
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return Window(first, dt.date(year, month, calendar.monthrange(year, month)[1]))


def check_ages(ages: Iterable[int]) -> tuple[int, ...]:
    """The ages asked for, each once and in order.

    Raises:
        ValidationError: none given, or one outside 1–120.
    """
    chosen = tuple(sorted(set(ages)))
    if not chosen:
        raise ValidationError(
            "请至少选择一个年龄（如 60、70、80）。", code="due.ages", field="ages"
        )
    wrong = [age for age in chosen if not AGE_MIN <= age <= AGE_MAX]
    if wrong:
        raise ValidationError(
            f"年龄应为 {AGE_MIN}–{AGE_MAX} 周岁，现在是 {wrong[0]}。", code="due.ages", field="ages"
        )
    return chosen


def due_residents(
    residents: Iterable[Resident], ages: Sequence[int], span: Window, *, tag: str = ""
) -> list[DueResident]:
    """Those turning one of ``ages`` within ``span``, the earliest birthday first.

    Args:
        residents: the live members of the register.
        ages: the ages (60, 70, 80 …), checked by :func:`check_ages`.
        span: the window of days.
        tag: only residents with this support tag (their own or their household's).

    Raises:
        ValidationError: an age is out of range.
    """
    chosen = check_ages(ages)
    found: list[DueResident] = []
    for resident in residents:
        if tag and tag not in resident.tags:
            continue
        birth = birth_date_of(resident)
        if birth is None:
            continue
        for age in chosen:
            on = turns(birth, age)
            if span.first <= on <= span.last:
                found.append(DueResident(resident, birth, age, on))
    found.sort(key=lambda d: (d.on, d.resident.household_number, d.resident.name))
    return found


def item_content(due: DueResident, service: str = "") -> str:
    """The content of the 代办 item made for ``due``: whom, what, and why now."""
    what = service.strip() or due.service or "相关待遇"
    on = f"{due.on.year}年{due.on.month}月{due.on.day}日"
    return f"为{due.resident.name}代办{what}（{on}年满 {due.age} 周岁）"


def without_birth_date(residents: Iterable[Resident]) -> int:
    """How many residents have neither a birth date nor a valid ID number (not searchable)."""
    return sum(1 for resident in residents if birth_date_of(resident) is None)


#: The printed list's columns (its A4 table and any workbook take them from here).
DUE_COLUMNS: tuple[Column, ...] = (
    Column("序号", 5),
    Column("姓名", 8),
    Column("户号", 7),
    Column("身份证号", 20),
    Column("出生日期", 11),
    Column("年满", 5),
    Column("到龄日期", 11),
    Column("可办事项", 12),
    Column("重点帮扶", 8, wrap=True),
    Column("住址", 12, wrap=True),
    Column("联系电话", 13),
    Column("备注", 20, wrap=True),
)


def due_rows(
    found: Sequence[DueResident], open_items: dict[str, str] | None = None, *, full: bool = False
) -> list[Row]:
    """The list's rows: ID numbers and phones masked unless ``full`` (allowed and asked).

    ``open_items``: {person id: number of an open 代办 item}, named in 备注.
    """
    open_items = open_items or {}
    rows: list[Row] = []
    for seq, due in enumerate(found, start=1):
        r = due.resident
        number = open_items.get(r.person_id)
        rows.append(
            (
                seq,
                r.name,
                r.household_number,
                r.id_number if full else citizen_id.mask(r.id_number),
                due.birth_date.isoformat(),
                f"{due.age} 周岁",
                due.on.isoformat(),
                due.service,
                "、".join(r.tags),
                r.address,
                r.phone if full else phone.mask(r.phone),
                f"已有代办事项 {number}" if number else "",
            )
        )
    return rows
