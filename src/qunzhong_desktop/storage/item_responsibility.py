"""Who answers for an item (issue 17): its 主管部门 and 双联系单位, by default and as edited.

The locality (属地) is the station that took the item in (its number's prefix). The competent
department (``competent_unit``, 主管部门) is by default the unit of the township's register
that is competent for the item's domain (:func:`.core.units.competent_for`), the paired unit
(``paired_unit``, 双联系单位) the unit paired with the station's village
(:func:`.core.units.paired_for`); both are columns of ``intake_item`` and travel with it.

- **A new item** takes both defaults unless the caller names them (:func:`defaults`).
- **A domain corrected** (更正 of 诉求类别) moves the competent unit to the new domain's only
  while it still is the old domain's default: a unit chosen by hand stays (:func:`follow_domain`).
- **Editing** (:meth:`ItemResponsibility.set_responsibility`) is the station's, like 代办: names
  from the register or blank; a name the register no longer holds may stay as it is. It is
  not a correction of what was registered and keeps no history entry of its own; the
  changed row travels (and the outbox names who changed it).
- **The township** does not change a station's row: its assignment (交办) names the competent
  unit from then on (:func:`.core.units.competent_of`).

A mixin of :class:`.items_repo.SqlItems` (it needs ``self.db`` and ``self.item``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.core.units import Unit, competent_for, paired_for
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import station_only
from qunzhong_desktop.storage.units_repo import load_register
from qunzhong_desktop.storage.write_paths import write_path

if TYPE_CHECKING:
    from qunzhong_desktop.core.intake.records import ItemDetail

#: What the two fields are called (messages, the item page, the ledgers).
LABELS = {"competent": "主管部门", "paired": "双联系单位"}


def checked_name(
    register: Sequence[Unit], value: str | None, *, field: str, current: str = ""
) -> str:
    """A unit name as stored: blank, a unit of the register, or the value already there.

    Raises:
        ValidationError: a name the register does not hold (``field``: competent or paired).
    """
    name = compact(value or "")
    if not name or name == current or any(u.name == name for u in register):
        return name
    raise ValidationError(
        f"{LABELS[field]}“{name}”不在责任单位名册中，请从名册中选择或留空。",
        code="responsibility.unknown",
        field=field,
        unit=name,
    )


def defaults(
    s: Session,
    domain: str,
    station_code: str,
    *,
    competent: str | None = None,
    paired: str | None = None,
) -> tuple[str, str]:
    """(主管部门, 双联系单位) of a new item: as given (checked), else the register's defaults.

    Raises:
        ValidationError: a name given that the register does not hold.
    """
    register = load_register(s)
    return (
        competent_for(register, domain)
        if competent is None
        else checked_name(register, competent, field="competent"),
        paired_for(register, station_code)
        if paired is None
        else checked_name(register, paired, field="paired"),
    )


def follow_domain(s: Session, item: m.IntakeItem, old_domain: str) -> None:
    """After a domain correction: the competent unit follows if it was the old default."""
    register = load_register(s)
    if item.competent_unit == competent_for(register, old_domain):
        new = competent_for(register, item.domain)
        if new != item.competent_unit:
            item.competent_unit = new


class ItemResponsibility:
    """Editing an item's 主管部门 and 双联系单位 (a mixin of :class:`.items_repo.SqlItems`)."""

    db: Database

    if TYPE_CHECKING:

        def item(self, number: str, *, today: dt.date | None = None) -> ItemDetail:
            """One item with its history (:meth:`.items_repo.SqlItems.item`)."""

    def unit_register(self) -> tuple[Unit, ...]:
        """The township's units register as this PC holds it (what the choices offer)."""
        with self.db.session() as s:
            return load_register(s)

    @write_path
    def set_responsibility(
        self, number: str, *, competent: str, paired: str, now: dt.datetime | None = None
    ) -> ItemDetail:
        """Set an item's 主管部门 and 双联系单位 (blank: none named).

        Raises:
            NotFoundError: no item has that number.
            ValidationError: a name not in the register (``field``), a void item, or the
                township's or the county's PC (its assignment names the unit instead).
        """
        station_only(
            self.db,
            "责任单位由受理事项的工作站填写；乡镇交办时所选的单位即为主管部门，县里交办时为县直部门。",
            "responsibility.role",
        )
        with self.db.writing() as s:
            item = s.scalars(
                select(m.IntakeItem).where(m.IntakeItem.number == compact(number))
            ).first()
            if item is None:
                raise NotFoundError(f"找不到编号为 {compact(number)} 的事项。", code="item.missing")
            if item.deleted_at is not None:
                raise ValidationError(
                    "这件事项已作废，不能修改责任单位。", code="responsibility.void"
                )
            register = load_register(s)
            new_competent = checked_name(
                register, competent, field="competent", current=item.competent_unit
            )
            new_paired = checked_name(register, paired, field="paired", current=item.paired_unit)
            if item.competent_unit != new_competent:
                item.competent_unit = new_competent
            if item.paired_unit != new_paired:
                item.paired_unit = new_paired
        return self.item(number, today=(now or dt.datetime.now()).date())
