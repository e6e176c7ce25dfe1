"""The township's cadre rule table travels to its stations (issue 15, item 1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, rule_for, with_changes
from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.storage.settings_repo import AssistanceOptions
from qunzhong_desktop.sync.bundle_container import BundleRefused
from qunzhong_desktop.sync.config import apply_config_in, current
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


def test_the_township_sets_the_category_a_stations_cadre_is_judged_by(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    """核定类别: registered as 乡驻村干部 by its station, judged as 村两委主要负责人."""
    township, one, _ = net
    saved = one.store.register.save_cadre(Cadre(name="吴主任", unit="村委会"))
    one.store.diary.save_entry(
        DiaryEntry(cadre_id=saved.id or "", day=dt.date(2026, 11, 16), kind="坐班接待",
                   text="值班"),
        today=dt.date(2026, 12, 1),
    )  # fmt: skip
    township.sync.import_bundle(one.export(tmp_path / "up")[0], township.keys)
    nov, after = Month(2026, 11), dt.date(2026, 12, 1)
    (before,) = township.store.reports.cadre_table(nov, today=after)
    assert before.category == "乡驻村干部" and "坐班 1 天，少于 2 天" in before.reasons

    # a station cannot set it; an unknown category is refused
    with pytest.raises(ValidationError, match="登记它的工作站修改"):
        one.store.settings.fix_category(saved.id or "", "村两委主要负责人")
    with pytest.raises(ValidationError, match="不在列表中"):
        township.store.settings.fix_category(saved.id or "", "村长")
    with pytest.raises(ValidationError, match="没有找到"):
        township.store.settings.fix_category("no-such-id", "党员")

    township.store.settings.fix_category(saved.id or "", "村两委主要负责人")
    (after_fix,) = township.store.reports.cadre_table(nov, today=after)
    assert after_fix.category == "村两委主要负责人"
    assert after_fix.reasons == ("在村 1 天，少于 10 天", "结对困难户 0 户，少于 3 户")
    # the station's row is the station's: unchanged at the township
    assert [c.category for c in township.store.register.cadres()] == ["乡驻村干部"]

    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    one.sync.import_bundle(dispatch, one.keys)
    assert one.store.settings.category_fixes() == {saved.id: "村两委主要负责人"}
    report = one.store.reports.monthly_report(nov, today=after)
    assert [c.category for c in report.cadres] == ["村两委主要负责人"]

    # taken back: the station's category again, at both ends
    township.store.settings.fix_category(saved.id or "", None)
    (again,) = township.export(tmp_path / "again", station_code=one.code)
    one.sync.import_bundle(again, one.keys)
    assert one.store.settings.category_fixes() == {}
    report = one.store.reports.monthly_report(nov, today=after)
    assert [c.category for c in report.cadres] == ["乡驻村干部"]

    # a configuration with a category outside the list is refused whole
    conf = current(township.store.db)
    conf["cadre_categories"] = {saved.id: "村长"}
    with one.store.db.session() as s, pytest.raises(BundleRefused) as refused:
        apply_config_in(s, conf, source="test")
    assert refused.value.code == "bundle.config_invalid"


def test_the_townships_assistance_options_reach_the_station(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    """Amounts on the 五公开 notice and the 特困 minimum travel like the rule table."""
    township, one, _ = net
    assert one.store.settings.assistance_options() == AssistanceOptions(False, 2000)
    township.store.settings.set_assistance_options(AssistanceOptions(True, 2400))
    (dispatch,) = township.export(tmp_path / "back", station_code=one.code)
    one.sync.import_bundle(dispatch, one.keys)
    assert one.store.settings.assistance_options() == AssistanceOptions(True, 2400)
    with pytest.raises(ValidationError, match="乡镇群众工作办设置"):
        one.store.settings.set_assistance_options(AssistanceOptions(False, 2000))
    with pytest.raises(ValidationError, match="0–1,000,000 元"):
        township.store.settings.set_assistance_options(AssistanceOptions(True, -1))
    conf = current(township.store.db)
    conf["assistance"] = {"notice_amounts": "yes", "poor_threshold_yuan": 2000}
    with one.store.db.session() as s, pytest.raises(BundleRefused):
        apply_config_in(s, conf, source="test")
