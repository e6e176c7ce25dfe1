import json

from PySide6.QtCore import Qt

from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import is_marked
from qunzhong_desktop.ui.register.grids_cadres_dialog import (
    CadreForm,
    GridForm,
    GridsCadresDialog,
    PairDialog,
)
from tests.helpers.register_data import type_text


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_add_a_grid_with_a_checked_leader_phone(qtbot, store: Store) -> None:
    dialog = GridsCadresDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_grid()
    form = dialog.form
    assert isinstance(form, GridForm) and form.isVisible()
    type_text(qtbot, form.name, "第一网格")
    type_text(qtbot, form.leader_name, "王网长")
    type_text(qtbot, form.leader_phone, "84561234")
    form.accept()
    assert form.isVisible() and is_marked(form.leader_phone)
    assert "缺少区号" in form.messages.text()
    assert (form.name.text(), form.leader_name.text()) == ("第一网格", "王网长")
    assert store.register.grids() == []

    form.leader_phone.setText("0731 8456 1234")
    with qtbot.waitSignal(form.accepted):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    (grid,) = store.register.grids()
    assert grid.leader_phone == "0731-84561234"
    assert cells(dialog.grid_table, 0) == ["第一网格", "王网长", "0731-****1234", "0", "使用中"]


def test_grid_needs_a_unique_name(qtbot, store: Store) -> None:
    store.register.save_grid(Grid(name="第一网格"))
    form = GridForm(store)
    qtbot.addWidget(form)
    form.accept()
    assert is_marked(form.name) and "请填写网格名称" in form.messages.text()
    type_text(qtbot, form.name, "第一网格")
    form.accept()
    assert "已有名为“第一网格”的网格" in form.messages.text()
    assert len(store.register.grids()) == 1


def test_edit_a_cadre_and_see_pair_counts(qtbot, store: Store) -> None:
    cadre = store.register.save_cadre(Cadre(name="刘书记", phone="13700000000", unit="镇党委"))
    household = store.register.save_household(Household(number="1", members=[Person(name="甲")]))
    store.register.pair(cadre.id, [household.id or ""])
    dialog = GridsCadresDialog(store)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    assert cells(dialog.cadre_table, 0) == [
        "刘书记",
        "乡驻村干部",
        "镇党委",
        "137****0000",
        "1",
        "使用中",
    ]
    dialog.cadre_table.selectRow(0)
    dialog.edit_cadre()
    form = dialog.form
    assert isinstance(form, CadreForm) and form.name.text() == "刘书记"
    assert "每月在村 ≥ 10 天" in form.rule_label.text()  # what the rules ask of 乡驻村干部
    form.category.setCurrentText("工作队员")
    assert "第一周" in form.rule_label.text()
    form.phone.setText("123")
    form.accept()
    assert is_marked(form.phone) and form.isVisible()
    form.phone.setText("13700000001")
    form.accept()
    (saved,) = store.register.cadres()
    assert (saved.id, saved.role, saved.phone) == (cadre.id, "工作队员", "13700000001")
    assert saved.category == "工作队员"
    assert cells(dialog.cadre_table, 0)[1] == "工作队员"


def test_pair_and_unpair(qtbot, store: Store) -> None:
    cadre = store.register.save_cadre(Cadre(name="刘书记", unit="镇党委"))
    ids = [
        store.register.save_household(Household(number=n, members=[Person(name=f"户主{n}")])).id
        or ""
        for n in ("1", "2")
    ]
    dialog = PairDialog(store, ids)
    qtbot.addWidget(dialog)
    assert "选中的 2 户" in dialog.intro.text() and "1 户主1" in dialog.intro.text()
    assert dialog.chosen_cadre_id() == cadre.id  # the first cadre is pre-selected
    dialog.accept()
    assert [r.cadre_name for r in store.register.household_rows(ids)] == ["刘书记", "刘书记"]

    dialog = PairDialog(store, ids[:1])
    qtbot.addWidget(dialog)
    assert "已结对 2 户" in dialog.cadres.item(1).text()
    dialog.cadres.setCurrentRow(0)
    assert dialog.chosen_cadre_id() is None
    dialog.accept()
    assert [r.cadre_name for r in store.register.household_rows(ids)] == ["", "刘书记"]


def test_retired_ones_stay_on_records_but_leave_the_pickers(
    qtbot, store: Store, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: a grid or cadre no longer used is 停用 (kept) or, when unused, 删除."""
    from qunzhong_desktop.ui.common import form_feedback
    from qunzhong_desktop.ui.register import grids_cadres_dialog
    from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog

    one = store.register.save_grid(Grid(name="一组"))
    spare = store.register.save_grid(Grid(name="备用组"))
    li = store.register.save_cadre(Cadre(name="李四"))
    store.register.save_cadre(Cadre(name="王五"))
    hid = store.register.save_household(
        Household(number="001", grid_id=one.id, cadre_id=li.id, members=[Person(name="张三")])
    ).id
    monkeypatch.setattr(form_feedback, "confirm", lambda *_a: True)
    shown: list[str] = []
    monkeypatch.setattr(
        grids_cadres_dialog, "show_error", lambda _p, exc, **_k: shown.append(exc.message)
    )
    dialog = GridsCadresDialog(store)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.cadre_table.setCurrentCell(0, 0)  # 李四
    assert dialog.retire_buttons["cadre"].text() == "停用"
    qtbot.mouseClick(dialog.retire_buttons["cadre"], Qt.MouseButton.LeftButton)
    assert cells(dialog.cadre_table, 0)[-1] == "已停用"
    assert dialog.retire_buttons["cadre"].text() == "启用"
    # not offered for a new household, still shown on the one that has it
    fresh = HouseholdDialog(store)
    qtbot.addWidget(fresh)
    assert "李四" not in [fresh.cadre.itemText(i) for i in range(fresh.cadre.count())]
    kept = HouseholdDialog(store, hid)
    qtbot.addWidget(kept)
    assert kept.cadre.currentText() == "李四（已停用）"
    pair = PairDialog(store, [hid or ""])
    qtbot.addWidget(pair)
    assert not any("李四" in pair.cadres.item(i).text() for i in range(pair.cadres.count()))
    # a grid in use cannot be deleted; an unused one can
    dialog.tabs.setCurrentIndex(0)
    row = [g.name for g in dialog.grids].index("一组")
    dialog.grid_table.setCurrentCell(row, 0)
    dialog.delete_selected("grid")
    assert shown and "一组" in shown[0] and "停用" in shown[0]
    dialog.grid_table.setCurrentCell([g.name for g in dialog.grids].index("备用组"), 0)
    dialog.delete_selected("grid")
    assert [g.name for g in store.register.grids()] == ["一组"]
    assert spare.id not in [g.id for g in store.register.grids()]


def test_a_form_grows_to_show_its_messages_whole(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Issue 12: a dialog that shows an error grows instead of clipping the text."""
    dialog = GridsCadresDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_grid()
    form = dialog.form
    assert isinstance(form, GridForm)
    form.resize(form.width(), form.minimumSizeHint().height())
    before = form.height()
    type_text(qtbot, form.leader_phone, "84561234")
    form.accept()  # no name, a phone without area code: two messages
    assert form.messages.isVisible()
    assert form.height() > before
    label = form.messages
    assert label.height() >= label.heightForWidth(label.width())  # not cut off


def test_a_category_the_township_set_is_shown_and_kept(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """核定类别 (from the township's configuration): listed as such, not editable here."""
    cadre = store.register.save_cadre(Cadre(name="吴主任", unit="村委会"))
    other = store.register.save_cadre(Cadre(name="郑委员", unit="村委会"))
    store.settings.set("cadre.categories", json.dumps({cadre.id: "村两委主要负责人"}))
    dialog = GridsCadresDialog(store)
    qtbot.addWidget(dialog)
    rows = {cells(dialog.cadre_table, r)[0]: cells(dialog.cadre_table, r) for r in range(2)}
    assert rows["吴主任"][1] == "村两委主要负责人（乡镇核定）"
    assert rows["郑委员"][1] == "乡驻村干部"
    form = CadreForm(store, cadre)
    qtbot.addWidget(form)
    assert form.category.currentText() == "村两委主要负责人"
    assert not form.category.isEnabled() and "乡镇已核定" in form.category.toolTip()
    form.accept()  # saving takes the township's category into the register
    saved = {c.name: c for c in store.register.cadres()}
    assert saved["吴主任"].category == "村两委主要负责人"
    plain = CadreForm(store, other)
    qtbot.addWidget(plain)
    assert plain.category.isEnabled() and plain.village is None
