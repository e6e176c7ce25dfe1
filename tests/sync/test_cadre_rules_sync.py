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


def test_the_townships_support_tags_reach_the_station_and_its_report(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    import datetime as dt

    from qunzhong_desktop.core.entities import Household, Person
    from qunzhong_desktop.core.monthly.report import Month

    township, one, _ = net
    township.store.settings.set_support_tags(["低保户", "返乡创业户"])
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    one.sync.import_bundle(dispatch, one.keys)
    assert one.store.settings.support_tags() == ("低保户", "返乡创业户")
    with pytest.raises(ValidationError, match="乡镇群众工作办设置"):
        one.store.settings.set_support_tags(["低保户"])
    cadre = one.store.register.save_cadre(Cadre(name="周主任", category="村两委其他干部"))
    for number, tag in (("001", "返乡创业户"), ("002", "残疾人")):  # 残疾人: off the list
        household = one.store.register.save_household(
            Household(number=number, tags=[tag], members=[Person(name=f"户主{number}")])
        )
        one.store.register.pair(cadre.id, [household.id or ""])
    today = dt.date.today()
    (figures,) = one.store.reports.monthly_report(Month.of(today), today=today).cadres
    assert figures.difficult_households == 1
