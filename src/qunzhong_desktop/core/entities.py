"""Plain records the domain works with; storage maps them to tables, the UI shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from qunzhong_desktop.core.errors import ValidationError

RELATIONS: tuple[str, ...] = (
    "户主", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "祖父母", "儿媳", "女婿", "其他",
)  # fmt: skip

# the default list of support tags (重点帮扶对象); the township sets its own, which travels
# to its stations with its configuration (storage/settings_repo.py, sync/config.py)
SUPPORT_TAGS: tuple[str, ...] = (
    "低保户", "特困供养(五保)", "残疾人", "孤寡老人", "留守儿童", "失地农民",
    "无固定职业", "重病患者", "困难党员", "帮教对象", "防返贫监测户", "困难学生", "下岗职工",
)  # fmt: skip
MAX_SUPPORT_TAGS = 40
TAG_LIMIT = 20


def check_support_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """A support tag list as the township sets it: trimmed, each once, 1–20 characters.

    Raises:
        ValidationError: empty, too many, or a tag too long.
    """
    cleaned = tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))
    if not cleaned:
        raise ValidationError("重点帮扶对象类别至少要有一项。", code="register.support_tags")
    if len(cleaned) > MAX_SUPPORT_TAGS:
        raise ValidationError(
            f"重点帮扶对象类别最多 {MAX_SUPPORT_TAGS} 项。", code="register.support_tags"
        )
    long = [t for t in cleaned if len(t) > TAG_LIMIT]
    if long:
        raise ValidationError(
            f"类别“{long[0]}”太长（最多 {TAG_LIMIT} 字）。", code="register.support_tags"
        )
    return cleaned


CADRE_ROLES: tuple[str, ...] = ("干部", "党员", "工作队员")

DEFAULT_SERVICES: tuple[str, ...] = (
    "政策咨询", "代办证照", "纠纷调解", "困难帮扶", "社保医保", "就业创业",
)  # fmt: skip


@dataclass(slots=True)
class StationProfile:
    """The station this PC is, as set up by the wizard."""

    code: str
    name: str
    township_code: str
    township_name: str
    address: str = ""
    phone: str = ""
    opening_hours: str = "周一至周五 8:30–12:00，14:30–17:30"
    supervision_phone: str = ""
    township_phone: str = ""
    services: list[str] = field(default_factory=lambda: list(DEFAULT_SERVICES))
    operator: str = ""


@dataclass(slots=True)
class Grid:
    """A grid of about 30 households and its leader (网长)."""

    name: str
    leader_name: str = ""
    leader_phone: str = ""
    id: str | None = None
    retired: bool = False  # 停用: kept for history, not offered for new records


@dataclass(slots=True)
class Cadre:
    """A cadre, party member or work-team member who is paired with households."""

    name: str
    phone: str = ""
    unit: str = ""
    role: str = "干部"
    id: str | None = None
    retired: bool = False  # 停用: kept for history, not offered for new records
    category: str = ""  # core.cadre_rules.CATEGORIES; "" follows the role
    village_code: str = ""  # 包村: the station code of the village a township cadre serves


@dataclass(slots=True)
class Person:
    """A resident, member of a household."""

    name: str
    relation: str = "户主"
    id_number: str = ""
    gender: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""
    flags: list[str] = field(default_factory=list)
    id: str | None = None


@dataclass(slots=True)
class Household:
    """A household (户) with its members."""

    number: str
    address: str = ""
    grid_id: str | None = None
    phone: str = ""
    cadre_id: str | None = None
    tags: list[str] = field(default_factory=list)
    note: str = ""
    members: list[Person] = field(default_factory=list)
    id: str | None = None

    @property
    def head(self) -> Person | None:
        """The member recorded as 户主, else the first member."""
        for person in self.members:
            if person.relation == "户主":
                return person
        return self.members[0] if self.members else None


@dataclass(frozen=True, slots=True)
class DeletedHousehold:
    """A household in the recycle bin (回收站)."""

    id: str
    number: str
    head_name: str
    members: int  # deleted with it (and restored with it)
    deleted_at: dt.datetime


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """One line of the register list."""

    id: str
    number: str
    head_name: str
    head_id_number: str
    address: str
    grid_name: str
    members: int
    phone: str
    tags: tuple[str, ...]
    cadre_name: str
