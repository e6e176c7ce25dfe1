"""设置 › 干部考核规则 (issue 15, item 1): the township edits it, a station only sees it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.cadre_rules import DEFAULT_RULES, rule_for
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.settings.cadre_rules_box import CadreRulesBox


def test_the_township_edits_the_table(qtbot: QtBot, empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    box = CadreRulesBox(empty_store)
    qtbot.addWidget(box)
    assert box.editable and not box.save_button.isHidden()
    head = box.rows["乡主要领导"]
    assert head.village.value() == 5 and head.duty.text() == "—"
    head.village.setValue(6)
    head.note.setText("本乡规定")
    member = box.rows["村两委其他干部"]
    member.low.setValue(6)  # above the upper bound 5: refused, boxes kept
    assert not box.save()
    assert "下限大于上限" in box.status.text() and member.low.value() == 6
    member.low.setValue(3)
    assert box.save() and "已保存" in box.status.text()
    rule = rule_for(empty_store.settings.cadre_rules(), "乡主要领导")
    assert (rule.village_days, rule.note) == (6, "本乡规定")
    organ = rule_for(empty_store.settings.cadre_rules(), "县、镇机关干部")
    assert organ.year_share == (1, 3)  # untouched rows keep their rule
    box.default_button.click()
    assert head.village.value() == 5 and box.save()
    assert empty_store.settings.cadre_rules() == DEFAULT_RULES


def test_a_station_sees_the_table_read_only(qtbot: QtBot, store: Store) -> None:
    box = CadreRulesBox(store)
    qtbot.addWidget(box)
    assert not box.editable
    assert not box.rows["乡驻村干部"].village.isEnabled()
    assert box.rows["乡驻村干部"].village.value() == 10
    assert box.save_button.isHidden() and "乡镇群众工作办设置" in box.explain.text()


def test_the_township_sets_the_support_tags(qtbot: QtBot, empty_store: Store) -> None:
    from qunzhong_desktop.ui.settings.support_tags_box import SupportTagsBox

    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    box = SupportTagsBox(empty_store)
    qtbot.addWidget(box)
    assert "困难学生" in box.text.toPlainText() and "下岗职工" in box.text.toPlainText()
    box.text.setPlainText("")
    assert not box.save() and "至少要有一项" in box.status.text()
    box.text.setPlainText("低保户\n  困难学生 \n低保户\n返乡创业户")
    assert box.save() and "已保存 3 项" in box.status.text()
    assert empty_store.settings.support_tags() == ("低保户", "困难学生", "返乡创业户")


def test_a_station_sees_the_support_tags_read_only(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.ui.settings.support_tags_box import SupportTagsBox

    box = SupportTagsBox(store)
    qtbot.addWidget(box)
    assert box.text.isReadOnly() and box.save_button.isHidden()


def test_the_township_sets_the_assistance_options(qtbot: QtBot, empty_store: Store) -> None:
    from qunzhong_desktop.storage.settings_repo import AssistanceOptions
    from qunzhong_desktop.ui.settings.assistance_options_box import AssistanceOptionsBox

    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    box = AssistanceOptionsBox(empty_store)
    qtbot.addWidget(box)
    assert box.editable and not box.save_button.isHidden() and box.threshold.isEnabled()
    assert not box.amounts.isChecked() and box.threshold.value() == 2000  # the defaults
    box.threshold.setValue(5_000_000)  # absurd: the box keeps to 0–1,000,000 元
    assert box.threshold.value() == 1_000_000
    box.amounts.setChecked(True)
    box.threshold.setValue(2500)
    assert box.save() and "已保存" in box.status.text() and "2,500" in box.status.text()
    assert empty_store.settings.assistance_options() == AssistanceOptions(True, 2500)
    box.default_button.click()
    assert not box.amounts.isChecked() and box.threshold.value() == 2000
    assert box.save() and empty_store.settings.assistance_options() == AssistanceOptions()


def test_a_station_sees_the_assistance_options_read_only(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.storage.settings_repo import AssistanceOptions
    from qunzhong_desktop.ui.settings.assistance_options_box import AssistanceOptionsBox

    box = AssistanceOptionsBox(store)
    qtbot.addWidget(box)
    assert not box.editable and box.save_button.isHidden() and box.default_button.isHidden()
    assert not box.amounts.isEnabled() and not box.threshold.isEnabled()
    assert box.threshold.value() == 2000 and "乡镇群众工作办设置" in box.explain.text()
    # saving anyway is refused by the store, with the reason, and the boxes are kept
    box.threshold.setValue(3000)
    assert not box.save() and "由乡镇群众工作办设置" in box.status.text()
    assert box.threshold.value() == 3000
    assert store.settings.assistance_options() == AssistanceOptions()
