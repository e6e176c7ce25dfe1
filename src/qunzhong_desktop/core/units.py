"""The township's units register (责任单位): who answers for a villager's demand (issue 17).

The practice pairs every county and township organ with a village (双联系: the organ links to a
village, its cadres to households) and names on every demand who answers for it: the locality
(属地, the station), the competent department (主管部门) and the paired unit (双联系单位).

A :class:`Unit` has a name, a level (县直 / 乡镇), a kind (职能部门, 双联系单位, 服务窗口), the
villages it is paired with (联系点: station codes), its contact cadres and the request domains
(诉求类别) it is the competent department for. The register is the township's configuration:
it travels whole to the stations, and one bad entry refuses it whole
(:func:`checked_register`). The plain list of unit names of earlier releases becomes a
register of 乡镇 职能部门 (:func:`from_names`).

Defaults on a new item: the competent department of its domain (:func:`competent_for`) and the
unit paired with its station (:func:`paired_for`), both editable; a township's assignment
(交办) names the competent department from then on (:func:`competent_of`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import compact

LEVELS: tuple[str, ...] = ("乡镇", "县直")
KINDS: tuple[str, ...] = ("职能部门", "双联系单位", "服务窗口")
MAX_UNITS = 200
MAX_NAME = 100
MAX_LIST = 100  # villages, contacts or domains of one unit
_STATION_CODE = re.compile(r"\d{6,15}")


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of the register."""

    name: str
    level: str = "乡镇"
    kind: str = "职能部门"
    villages: tuple[str, ...] = ()  # 联系点: codes of the stations it is paired with
    contacts: tuple[str, ...] = ()  # its contact cadres (names)
    domains: tuple[str, ...] = ()  # the domains it is the competent department (主管部门) of

    def as_json(self) -> dict[str, Any]:
        """As it is stored and travels."""
        return {
            "name": self.name,
            "level": self.level,
            "kind": self.kind,
            "villages": list(self.villages),
            "contacts": list(self.contacts),
            "domains": list(self.domains),
        }


def from_names(names: Iterable[str]) -> tuple[Unit, ...]:
    """The register of a plain list of names (earlier releases): 乡镇 职能部门 each."""
    return tuple(Unit(compact(name)) for name in names if compact(name))


def _strings(value: Any, what: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or len(value) > MAX_LIST:
        raise ValidationError(
            f"责任单位“{name}”的{what}不正确。", code="units.list", field=what, unit=name
        )
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or not compact(item) or len(compact(item)) > MAX_NAME:
            raise ValidationError(
                f"责任单位“{name}”的{what}有一项为空或过长。",
                code="units.list",
                field=what,
                unit=name,
            )
        if compact(item) not in out:
            out.append(compact(item))
    return tuple(out)


def checked_unit(value: Unit | Mapping[str, Any]) -> Unit:
    """One unit, with its names compacted and its level, kind and villages checked.

    Raises:
        ValidationError: a blank or long name, an unknown level or kind, a village that is
            not a station code (``field`` names the part).
    """
    data = value.as_json() if isinstance(value, Unit) else value
    if not isinstance(data, Mapping):
        raise ValidationError("责任单位的格式不正确。", code="units.format")
    name = compact(data.get("name", "")) if isinstance(data.get("name", ""), str) else ""
    if not name:
        raise ValidationError("责任单位没有名称。", code="units.blank", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(
            f"责任单位名称不能超过 {MAX_NAME} 个字。", code="units.long", field="name"
        )
    level = data.get("level", LEVELS[0])
    if level not in LEVELS:
        raise ValidationError(
            f"责任单位“{name}”的级别应为{'或'.join(LEVELS)}。",
            code="units.level",
            field="level",
            unit=name,
        )
    kind = data.get("kind", KINDS[0])
    if kind not in KINDS:
        raise ValidationError(
            f"责任单位“{name}”的类别应为{'、'.join(KINDS)}之一。",
            code="units.kind",
            field="kind",
            unit=name,
        )
    villages = _strings(data.get("villages"), "联系村", name)
    for code in villages:
        if not _STATION_CODE.fullmatch(code):
            raise ValidationError(
                f"责任单位“{name}”的联系村“{code}”不是工作站代码。",
                code="units.village",
                field="villages",
                unit=name,
            )
    return Unit(
        name=name,
        level=str(level),
        kind=str(kind),
        villages=villages,
        contacts=_strings(data.get("contacts"), "联系干部", name),
        domains=_strings(data.get("domains"), "主管类别", name),
    )


def checked_register(units: Iterable[Unit | Mapping[str, Any]]) -> tuple[Unit, ...]:
    """A whole register: every unit checked, names unique, each domain with one competent unit.

    Raises:
        ValidationError: an empty register, too many units, a bad unit, a name twice, or a
            domain claimed by two units (``index``: the unit's place, from 0).
    """
    out: list[Unit] = []
    seen: dict[str, int] = {}
    owner: dict[str, str] = {}
    for index, value in enumerate(units):
        if index >= MAX_UNITS:
            raise ValidationError(
                f"责任单位不能超过 {MAX_UNITS} 个。", code="units.too_many", field="units"
            )
        try:
            unit = checked_unit(value)
        except ValidationError as exc:
            exc.data.setdefault("index", index)
            raise
        if unit.name in seen:
            raise ValidationError(
                f"责任单位“{unit.name}”重复了。", code="units.duplicate", field="name", index=index
            )
        for domain in unit.domains:
            if domain in owner:
                raise ValidationError(
                    f"诉求类别“{domain}”已由“{owner[domain]}”主管，不能再由“{unit.name}”主管。",
                    code="units.domain_twice",
                    field="domains",
                    index=index,
                )
            owner[domain] = unit.name
        seen[unit.name] = index
        out.append(unit)
    if not out:
        raise ValidationError("请至少保留一个责任单位。", code="units.empty", field="units")
    return tuple(out)


def register_json(units: Sequence[Unit]) -> list[dict[str, Any]]:
    """The register as it is stored and travels."""
    return [unit.as_json() for unit in units]


def competent_for(units: Sequence[Unit], domain: str) -> str:
    """The competent department (主管部门) of a domain by default ('' when none is set)."""
    domain = compact(domain)
    return next((u.name for u in units if domain in u.domains), "")


def paired_for(units: Sequence[Unit], station_code: str) -> str:
    """The unit paired with a village (双联系单位): the first in the register's order ('')."""
    code = station_code.strip()
    paired = [u for u in units if code in u.villages]
    preferred = [u for u in paired if u.kind == "双联系单位"]
    return (preferred or paired)[0].name if paired else ""


def competent_of(item_competent: str, assigned_unit: str) -> str:
    """Who answers for an item as 主管部门: the township's last assignment, else the item's."""
    return compact(assigned_unit) or compact(item_competent)


def villages_of(units: Sequence[Unit]) -> dict[str, tuple[str, ...]]:
    """Unit name → the villages (station codes) it is paired with."""
    return {u.name: u.villages for u in units}
