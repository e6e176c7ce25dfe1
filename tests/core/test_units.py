"""The units register (责任单位): its checks and the defaults it gives an item."""

from __future__ import annotations

from typing import Any

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.units import (
    MAX_UNITS,
    Unit,
    checked_register,
    checked_unit,
    competent_for,
    competent_of,
    from_names,
    paired_for,
    register_json,
)

REGISTER = (
    Unit("民政办", domains=("社会保障",)),
    Unit("县农业农村局", level="县直", kind="双联系单位", villages=("430121101201",)),
    Unit("国土所", villages=("430121101201", "430121101202"), domains=("土地林权",)),
    Unit("便民服务中心", kind="服务窗口"),
)


def test_a_register_survives_its_json() -> None:
    assert checked_register(register_json(REGISTER)) == REGISTER


def test_names_are_compacted_and_lists_deduplicated() -> None:
    unit = checked_unit({"name": " 民政 办 ", "contacts": ["张三", "张三 ", "李四"]})
    assert (unit.name, unit.contacts) == ("民政办", ("张三", "李四"))
    assert (unit.level, unit.kind) == ("乡镇", "职能部门")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ({"name": "  "}, "units.blank"),
        ({"name": "办" * 101}, "units.long"),
        ({"name": "甲", "level": "省直"}, "units.level"),
        ({"name": "甲", "kind": "帮扶"}, "units.kind"),
        ({"name": "甲", "villages": ["白沙村"]}, "units.village"),
        ({"name": "甲", "villages": "430121101201"}, "units.list"),
        ({"name": "甲", "contacts": [""]}, "units.list"),
        ({"name": "甲", "domains": [3]}, "units.list"),
        ("甲", "units.format"),
    ],
)
def test_a_bad_unit_is_refused_in_chinese(value: Any, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        checked_unit(value)
    assert caught.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message)


def test_a_register_refuses_twins_a_domain_twice_nothing_and_too_many() -> None:
    with pytest.raises(ValidationError, match="重复") as caught:
        checked_register([Unit("甲"), Unit(" 甲")])
    assert caught.value.data["index"] == 1
    with pytest.raises(ValidationError, match="已由“甲”主管"):
        checked_register([Unit("甲", domains=("医疗卫生",)), Unit("乙", domains=("医疗卫生",))])
    with pytest.raises(ValidationError, match="至少"):
        checked_register([])
    with pytest.raises(ValidationError) as caught:
        checked_register([Unit(f"单位{i}") for i in range(MAX_UNITS + 1)])
    assert caught.value.code == "units.too_many"
    with pytest.raises(ValidationError) as caught:
        checked_register([Unit("甲"), {"name": "乙", "kind": "?"}])
    assert caught.value.data["index"] == 1


def test_the_old_list_of_names_becomes_township_departments() -> None:
    assert from_names(["民政办", " ", "派出所"]) == (Unit("民政办"), Unit("派出所"))


def test_defaults_of_an_item() -> None:
    assert competent_for(REGISTER, "社会保障") == "民政办"
    assert competent_for(REGISTER, "其他") == ""
    # a 双联系单位 is preferred over a department that also links to the village
    assert paired_for(REGISTER, "430121101201") == "县农业农村局"
    assert paired_for(REGISTER, "430121101202") == "国土所"
    assert paired_for(REGISTER, "430121101299") == ""
    assert competent_of("民政办", "") == "民政办"
    assert competent_of("民政办", " 司法所 ") == "司法所"
