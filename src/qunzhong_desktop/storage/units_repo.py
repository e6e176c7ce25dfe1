"""The township's units register (责任单位, :mod:`qunzhong_desktop.core.units`) in a store.

It is configuration, not synced rows: the township keeps it in the ``setting`` table
(``township.unit_register``, JSON) and it travels whole to its stations in the configuration
of every dispatch (``sync/config.py``). A store of an earlier release has only the plain
list of names (``township.units``): read as a register of 乡镇 职能部门. Every write keeps
that list too (the names in the register's order): the triage dialogs and older stations
read it.

:class:`SqlUnits` (``store.units``) edits the register at the township; a station takes its
copy from the township's configuration and refuses to edit it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.rules import DEFAULT_UNITS
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.core.units import Unit, checked_register, from_names, register_json
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models_sync import SyncPeer

UNIT_REGISTER_SETTING = "township.unit_register"
UNITS_SETTING = "township.units"  # the names alone, as earlier releases keep them
STATION_REFUSED = "责任单位由乡镇群众工作办设置，随乡镇工作包和下发的数据包传到工作站。"


def load_register(s: Session) -> tuple[Unit, ...]:
    """The register in force: the stored one, else earlier releases' names, else defaults."""
    row = s.get(m.Setting, UNIT_REGISTER_SETTING)
    if row is not None and row.value:
        return checked_register(json.loads(row.value))
    row = s.get(m.Setting, UNITS_SETTING)
    names = [str(n) for n in json.loads(row.value)] if row is not None and row.value else []
    return from_names(names or DEFAULT_UNITS)


def store_register(s: Session, units: Iterable[Unit]) -> tuple[Unit, ...]:
    """Check and write the register and the plain names beside it (no permission check).

    Raises:
        ValidationError: the register does not hold together (:func:`.checked_register`).
    """
    checked = checked_register(units)
    _put(s, UNIT_REGISTER_SETTING, json.dumps(register_json(checked), ensure_ascii=False))
    _put(s, UNITS_SETTING, json.dumps([u.name for u in checked], ensure_ascii=False))
    return checked


def renamed_register(s: Session, names: Sequence[str]) -> tuple[Unit, ...]:
    """The register after the plain list became ``names``: kept names keep their details.

    New names are 乡镇 职能部门; names no longer listed go, with their domains and villages.
    """
    details = {u.name: u for u in load_register(s)}
    return tuple(details.get(compact(n)) or Unit(compact(n)) for n in names)


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(m.Setting, key)
    if row is None:
        s.add(m.Setting(key=key, value=value))
    else:
        row.value = value


class SqlUnits:
    """``store.units``: the units register; the township edits it, a station reads its copy."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def register(self) -> tuple[Unit, ...]:
        """The register in force here, in its order."""
        with self.db.session() as s:
            return load_register(s)

    def unit(self, name: str) -> Unit:
        """One unit by name.

        Raises:
            NotFoundError: no unit of that name.
        """
        return _find(self.register(), name)

    def save(self, units: Sequence[Unit]) -> tuple[Unit, ...]:
        """Replace the whole register (the township): checked whole, then stored.

        A village a unit is newly paired with must be a station the township knows.

        Raises:
            PermissionDenied: the operator may not change settings.
            ValidationError: at a station, a register that does not hold together, or an
                unknown village (``field`` ``villages``, ``index`` the unit's place).
        """
        require(self.db.operator, Permission.SETTINGS)
        with self.db.writing() as s:
            return self._save_in(s, units)

    def add(self, unit: Unit) -> Unit:
        """Add a unit at the end of the register (see :meth:`save` for the errors)."""
        require(self.db.operator, Permission.SETTINGS)
        with self.db.writing() as s:
            saved = self._save_in(s, (*load_register(s), unit))
        return saved[-1]

    def update(self, old_name: str, unit: Unit) -> Unit:
        """Replace the unit called ``old_name`` (renamed when ``unit.name`` differs), in place.

        Items already assigned keep the name they were assigned under.

        Raises:
            NotFoundError: no unit called ``old_name``.
            (and those of :meth:`save`)
        """
        require(self.db.operator, Permission.SETTINGS)
        with self.db.writing() as s:
            units = list(load_register(s))
            index = units.index(_find(units, old_name))
            units[index] = unit
            return self._save_in(s, units)[index]

    def remove(self, name: str) -> None:
        """Take a unit off the register; the last one stays.

        Raises:
            NotFoundError: no unit of that name.
            ValidationError: it is the last unit, or at a station.
        """
        require(self.db.operator, Permission.SETTINGS)
        with self.db.writing() as s:
            units = list(load_register(s))
            units.remove(_find(units, name))
            if not units:
                raise ValidationError("请至少保留一个责任单位。", code="units.empty", field="units")
            self._save_in(s, units)

    def pair(self, name: str, villages: Sequence[str], *, replace: bool = False) -> Unit:
        """Pair a unit with villages (联系点): added to its villages, or ``replace`` them.

        Raises:
            NotFoundError: no unit of that name.
            ValidationError: a village is not a station the township knows, no village
                given (unless ``replace``), or at a station.
        """
        require(self.db.operator, Permission.SETTINGS)
        codes = [code.strip() for code in villages]
        if not codes and not replace:
            raise ValidationError("请指明联系村（工作站代码）。", code="units.no_village",
                                  field="villages")  # fmt: skip
        with self.db.writing() as s:
            units = list(load_register(s))
            old = _find(units, name)
            index = units.index(old)
            kept = () if replace else old.villages
            joined = tuple(dict.fromkeys((*kept, *codes)))
            units[index] = Unit(old.name, old.level, old.kind, joined, old.contacts, old.domains)
            self._save_in(s, units)
            return load_register(s)[index]

    def _save_in(self, s: Session, units: Sequence[Unit]) -> tuple[Unit, ...]:
        node = s.scalars(select(m.LocalNode)).first()
        if node is None or node.role != "township":
            raise ValidationError(STATION_REFUSED, code="units.station")
        before = {code for u in load_register(s) for code in u.villages}
        # the stations whose rows arrived, and those enrolled whose first bundle has not yet
        known = set(s.scalars(select(m.Station.code).where(m.Station.deleted_at.is_(None))))
        known |= set(
            s.scalars(
                select(SyncPeer.code).where(
                    SyncPeer.role == "station", SyncPeer.enrolled_at.is_not(None)
                )
            )
        )
        for index, unit in enumerate(units):
            for code in unit.villages:
                if code.strip() not in known and code.strip() not in before:
                    raise ValidationError(
                        f"责任单位“{compact(unit.name)}”的联系村“{code.strip()}”"
                        "不是本乡镇已登记的工作站。",
                        code="units.unknown_village",
                        field="villages",
                        index=index,
                        unit=compact(unit.name),
                    )
        return store_register(s, units)


def _find(units: Sequence[Unit], name: str) -> Unit:
    wanted = compact(name)
    for unit in units:
        if unit.name == wanted:
            return unit
    raise NotFoundError(f"没有找到责任单位“{wanted}”。", code="units.not_found")
