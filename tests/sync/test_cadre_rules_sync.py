"""The township's cadre rule table travels to its stations (issue 15, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, rule_for, with_changes
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import ValidationError
from tests.helpers.network import Node


def test_the_townships_table_reaches_the_station_in_its_dispatch(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    assert one.store.settings.cadre_rules() == DEFAULT_RULES
    changed = with_changes(DEFAULT_RULES, "乡主要领导", village_days=6, note="本乡规定")
    township.store.settings.set_cadre_rules(changed)
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    one.sync.import_bundle(dispatch, one.keys)
    rule = rule_for(one.store.settings.cadre_rules(), "乡主要领导")
    assert (rule.village_days, rule.note) == (6, "本乡规定")
    # a station shows the table; only the township sets it
    with pytest.raises(ValidationError, match="乡镇群众工作办设置"):
        one.store.settings.set_cadre_rules(DEFAULT_RULES)


def test_categories_and_places_travel_with_the_rows(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    one.store.register.save_cadre(
        Cadre(name="周主任", category="村两委主要负责人", village_code=one.code)
    )
    township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    (cadre,) = township.store.register.cadres()
    assert (cadre.category, cadre.role, cadre.village_code) == (
        "村两委主要负责人",
        "干部",
        one.code,
    )


def test_the_townships_grade_a_days_reach_the_station(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    days = township.store.items.domain_days()
    township.store.items.set_deadlines(days, {"矛盾纠纷": 2})
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    one.sync.import_bundle(dispatch, one.keys)
    assert one.store.items.grade_a_days() == {"矛盾纠纷": 2}
    township.store.items.set_deadlines(days, {})  # back to half the domain's days
    (again,) = township.export(tmp_path / "again", station_code=one.code)
    one.sync.import_bundle(again, one.keys)
    assert one.store.items.grade_a_days() == {}
