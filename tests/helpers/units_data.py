"""A township store that knows two stations, for the units register (issue 17)."""

from __future__ import annotations

import json

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.units_repo import UNIT_REGISTER_SETTING, UNITS_SETTING
from qunzhong_desktop.storage.write_paths import scope

TOWNSHIP = "430121101"
STATIONS = {"430121101201": "白沙村群众工作站", "430121101202": "青山村群众工作站"}


def make_township(store: Store) -> Store:
    """Set the empty ``store`` up as 白沙镇群众工作办 knowing the two stations of STATIONS.

    The stations' rows are written directly, as an import of their bundles would have.
    """
    init_township(store.db, TOWNSHIP, "白沙镇群众工作办", "0731-84560000")
    with scope("test: stations of the township"), store.db.writing() as s:
        for code, name in STATIONS.items():
            s.add(m.Station(code=code, name=name, township_code=TOWNSHIP, township_name="白沙镇"))
    return store


def as_earlier_release(store: Store, names: list[str]) -> None:
    """Leave only the plain list of unit names, as a store of an earlier release has it."""
    with store.db.writing() as s:
        row = s.get(m.Setting, UNIT_REGISTER_SETTING)
        if row is not None:
            s.delete(row)
        row = s.get(m.Setting, UNITS_SETTING)
        value = json.dumps(names, ensure_ascii=False)
        if row is None:
            s.add(m.Setting(key=UNITS_SETTING, value=value))
        else:
            row.value = value
