"""The township's units register travels to its stations in the configuration (issue 17)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.units import Unit
from qunzhong_desktop.sync.bundle_container import BundleRefused
from qunzhong_desktop.sync.config import apply_config_in, current
from tests.helpers.network import Node


def _dispatch(township: Node, station: Node, out: Path) -> None:
    (dispatch,) = township.export(out, station_code=station.code)
    station.sync.import_bundle(dispatch, station.keys)


def test_a_unit_added_and_paired_at_the_township_reaches_the_station(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    # the township knows the station once it imported its first bundle
    township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    township.store.units.add(
        Unit("县水利局", "县直", "双联系单位", contacts=("张局长",), domains=("基础设施",))
    )
    township.store.units.pair("县水利局", [one.code])
    _dispatch(township, one, tmp_path / "back")
    register = one.store.units.register()
    assert register[-1] == Unit(
        "县水利局", "县直", "双联系单位", (one.code,), ("张局长",), ("基础设施",)
    )
    assert one.store.items.units()[-1] == "县水利局"  # the names beside it, for the dialogs
    # the station keeps its copy and may not edit it
    with pytest.raises(ValidationError, match="由乡镇群众工作办设置"):
        one.store.units.remove("县水利局")
    # taken off at the township: gone at the station after the next dispatch
    township.store.units.remove("县水利局")
    _dispatch(township, one, tmp_path / "again")
    assert "县水利局" not in [u.name for u in one.store.units.register()]


def _refused(station: Node, conf: dict[str, Any]) -> None:
    with station.store.db.session() as s, pytest.raises(BundleRefused) as refused:
        apply_config_in(s, conf, source="test")
    assert refused.value.code == "bundle.config_invalid"


def test_a_bad_register_refuses_the_whole_configuration(
    net: tuple[Node, Node, Node],
) -> None:
    township, one, _ = net
    before = one.store.units.register()
    conf = current(township.store.db)
    good = conf["unit_register"]
    for bad in (
        "民政办",  # not a list
        [],  # empty
        [{**good[0], "level": "省直"}],
        [good[0], good[0]],  # a name twice
        [{**good[0], "domains": ["社会保障"]}, {**good[1], "domains": ["社会保障"]}],
        [{**good[0], "villages": ["白沙村"]}],
        [{"level": "乡镇"}],  # no name
    ):
        _refused(one, {**conf, "unit_register": bad, "grade_a": {"矛盾纠纷": 2}})
    assert one.store.units.register() == before
    assert one.store.items.grade_a_days() == {}  # nothing of the configuration was taken


def test_a_township_of_an_earlier_release_sends_the_names_alone(
    net: tuple[Node, Node, Node],
) -> None:
    township, one, _ = net
    conf = current(township.store.db)
    assert conf["units"] == [u["name"] for u in conf["unit_register"]]
    del conf["unit_register"]
    conf["units"] = ["水利站", "民政办"]
    with one.store.db.session() as s:
        apply_config_in(s, conf, source="test")
        s.commit()
    assert one.store.units.register() == (Unit("水利站"), Unit("民政办"))
    assert one.store.items.units() == ["水利站", "民政办"]
