"""The township's units register (责任单位, :mod:`qunzhong_desktop.core.units`) in a store.

It is configuration, not synced rows: the township keeps it in the ``setting`` table
(``township.unit_register``, JSON) and it travels whole to its stations in the configuration
of every dispatch (``sync/config.py``). A store of an earlier release has only the plain
list of names (``township.units``): read as a register of 乡镇 职能部门.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from qunzhong_desktop.core.intake.rules import DEFAULT_UNITS
from qunzhong_desktop.core.units import Unit, checked_register, from_names
from qunzhong_desktop.storage import models as m

UNIT_REGISTER_SETTING = "township.unit_register"
UNITS_SETTING = "township.units"  # the names alone, as earlier releases keep them


def load_register(s: Session) -> tuple[Unit, ...]:
    """The register in force: the stored one, else earlier releases' names, else defaults."""
    row = s.get(m.Setting, UNIT_REGISTER_SETTING)
    if row is not None and row.value:
        return checked_register(json.loads(row.value))
    row = s.get(m.Setting, UNITS_SETTING)
    names = [str(n) for n in json.loads(row.value)] if row is not None and row.value else []
    return from_names(names or DEFAULT_UNITS)
