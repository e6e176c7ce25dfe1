"""A units register for the tests of an item's 主管部门 and 双联系单位 (issue 17)."""

from __future__ import annotations

import json

from qunzhong_desktop.core.units import Unit, register_json
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.storage.units_repo import UNIT_REGISTER_SETTING

HERE = "430121101201"  # the test station (tests/helpers/stations.py)
REGISTER = (
    Unit("镇民政办", domains=("社会保障",)),
    Unit("镇城建办", domains=("基础设施",)),
    Unit("县农业农村局", level="县直", kind="双联系单位", villages=(HERE, "430121101202")),
    Unit("镇便民服务中心", kind="服务窗口", villages=(HERE,)),
)


def put_register(store: Store, units: tuple[Unit, ...] = REGISTER) -> None:
    """The register as the township's configuration leaves it at a station."""
    with store.db.session() as s:
        s.merge(
            m.Setting(
                key=UNIT_REGISTER_SETTING,
                value=json.dumps(register_json(units), ensure_ascii=False),
            )
        )
        s.commit()
