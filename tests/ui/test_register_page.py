import sys
import types
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.register.grids_cadres_dialog import GridsCadresDialog, PairDialog
from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog
from qunzhong_desktop.ui.register.household_model import (
    COL_CADRE,
    COL_HEAD,
    COL_ID,
    COL_NUMBER,
    COL_PHONE,
)
from qunzhong_desktop.ui.register.register_page import RegisterPage
from tests.helpers.register_data import seed, type_text
from tests.helpers.ui_built import built_store


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records confirmations; answers yes unless the test appended "no" (never blocks)."""
    asked: list[str] = []

    def fake(_parent: object, _title: str, text: str, _yes: str) -> bool:
        asked.append(text)
        return "no" not in asked

    monkeypatch.setattr(form_feedback, "confirm", fake)
    monkeypatch.setattr(form_feedback, "inform", lambda *_args: asked.append("inform"))
    return asked


def _village(store: Store) -> None:
    seed(store, 28)


store = built_store(_village)  # the 30 households written once per worker, copied per test


@pytest.fixture
def page(qtbot, store: Store) -> RegisterPage:
    widget = RegisterPage(store)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def heads(page: RegisterPage) -> list[str]:
    return [page.model.data(page.model.index(r, COL_HEAD)) for r in range(page.model.rowCount())]


def search_for(qtbot, page: RegisterPage, text: str) -> None:
    total = page._store.register.count_households()
    page.search_box.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    type_text(qtbot, page.search_box, text)
    qtbot.waitUntil(lambda: page.model.rowCount() < total)


def test_lists_everything_with_a_count(page: RegisterPage) -> None:
    assert page.model.rowCount() == 30
    assert page.count_label.text() == "共 30 户"
    assert page.search_box.placeholderText() == "姓名 / 拼音首字母 / 户号 / 身份证号后几位 / 电话"
    assert heads(page)[:2] == ["张三丰", "单志生"]


def test_search_as_you_type_is_debounced(qtbot, page: RegisterPage) -> None:
    qtbot.keyClicks(page.search_box, "zsf")
    assert page.model.rowCount() == 30  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert heads(page) == ["张三丰"]
    assert page.count_label.text() == "共 1 户"


def test_a_wide_search_lists_the_limit_and_says_more(qtbot, page: RegisterPage) -> None:
    page.limit = 4
    page.search_box.setText("z")  # every household has a z in its pinyin or initials
    page.search()
    assert page.model.rowCount() == 4
    assert page.count_label.text() == "超过 4 户，只列出 4 户，请输入更多字缩小范围"
    numbers = [page.model.record(row).number for row in range(4)]  # type: ignore[union-attr]
    assert numbers == sorted(numbers, key=natural_key)  # the few found, in 户号 order
    page.search_box.setText("zsf")
    page.search()
    assert page.model.rowCount() == 1 and page.count_label.text() == "共 1 户"


@pytest.mark.parametrize(
    ("query", "head"),
    [
        ("szs", "单志生"),  # 单 read as the surname shan
        ("shanzhisheng", "单志生"),
        ("zhangsanfeng", "张三丰"),
        ("张三", "张三丰"),
        ("2-001", "单志生"),
        ("13912345678", "单志生"),
        ("84561234", "张三丰"),
    ],
)
def test_search_by_pinyin_number_and_phone(
    qtbot, page: RegisterPage, query: str, head: str
) -> None:
    search_for(qtbot, page, query)
    assert heads(page) == [head]


def test_search_by_id_number_suffix(qtbot, page: RegisterPage, store: Store) -> None:
    zhang = store.register.household(store.register.search_households("zsf")[0])
    search_for(qtbot, page, zhang.members[0].id_number[-6:])
    assert heads(page) == ["张三丰"]


def test_filters_by_grid_and_tag(qtbot, page: RegisterPage) -> None:
    page.grid_combo.setCurrentIndex(page.grid_combo.findText("第1网格"))
    assert page.model.rowCount() == 11 and page.count_label.text() == "共 11 户"
    page.tag_combo.setCurrentIndex(page.tag_combo.findText("残疾人"))
    assert heads(page) == ["张三丰"]
    page.grid_combo.setCurrentIndex(0)
    page.tag_combo.setCurrentIndex(page.tag_combo.findText("孤寡老人"))  # a member's tag
    assert heads(page) == ["单志生"]


def test_masked_unless_show_full(qtbot, page: RegisterPage, store: Store) -> None:
    zhang_id = store.register.household(store.register.search_households("zsf")[0]).members[0]
    index_id, index_phone = page.model.index(0, COL_ID), page.model.index(0, COL_PHONE)
    assert page.model.data(index_id) == zhang_id.id_number[:4] + "*" * 10 + zhang_id.id_number[-4:]
    assert page.model.data(index_phone) == "0731-****1234"
    qtbot.mouseClick(page.full_check, Qt.MouseButton.LeftButton)
    assert page.model.data(index_id) == zhang_id.id_number
    assert page.model.data(index_phone) == "0731-84561234"


def test_ctrl_n_adds_a_household_and_selects_it(qtbot, page: RegisterPage) -> None:
    page.activateWindow()
    qtbot.waitActive(page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None)  # a button shortcut clicks after 100 ms
    dialog = page.dialog
    assert isinstance(dialog, HouseholdDialog) and dialog.isVisible()
    type_text(qtbot, dialog.number, "9-001")
    type_text(qtbot, dialog.members.rows[0].name, "解晓东")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.count_label.text() == "共 31 户"
    assert page.selected_ids() == [dialog.saved_id]
    search_for(qtbot, page, "xxd")  # 解 read as the surname xie
    assert heads(page) == ["解晓东"]


def test_enter_and_double_click_open_the_household(qtbot, page: RegisterPage) -> None:
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert isinstance(dialog, HouseholdDialog)
    assert dialog.number.text() == "2-001" and dialog.members.rows[0].name.text() == "单志生"
    dialog.reject()
    assert not dialog.isVisible()
    page.dialog = None
    rect = page.table.visualRect(page.model.index(0, COL_NUMBER))
    # QTest's double click sends no press first; the view only activates a pressed item
    qtbot.mousePress(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(page.dialog, HouseholdDialog) and page.dialog.number.text() == "1-001"
    page.dialog.reject()


def test_delete_asks_first_and_tombstones(qtbot, page: RegisterPage, answers: list[str]) -> None:
    page.table.selectRow(0)
    answers.append("no")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "1-001" in answers[1] and "张三丰" in answers[1]
    assert page.model.rowCount() == 30
    answers.clear()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(answers) == 1
    assert page.model.rowCount() == 29 and "张三丰" not in heads(page)


def test_a_deleted_household_comes_back_with_ctrl_z_or_from_the_recycle_bin(
    qtbot, page: RegisterPage, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from qunzhong_desktop.ui.common.session import undo_stack
    from qunzhong_desktop.ui.register.recycle_bin import RecycleBinDialog

    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "回收站" in answers[0] and "Ctrl+Z" in answers[0]
    assert "张三丰" not in heads(page)
    stack = undo_stack(page)  # the window's (编辑 › 撤销, Ctrl+Z: tests/ui/test_main_window.py)
    assert stack.label() is not None and stack.label().startswith("删除户 ")
    assert stack.undo() is not None and stack.label() is None
    assert "张三丰" in heads(page) and page.model.rowCount() == 30
    assert len(page.selected_ids()) == 1  # the restored household is selected again
    assert page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 29

    def restore_first(dialog: RecycleBinDialog) -> int:
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 1).text() == "张三丰"
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 0 and dialog.empty.isVisibleTo(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(RecycleBinDialog, "exec", restore_first)
    qtbot.mouseClick(page.bin_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 30 and "张三丰" in heads(page)
    assert page.selected_ids() and "张三丰" in heads(page)[page.table.currentIndex().row()]


def test_delete_key_in_the_search_box_does_not_delete(
    qtbot, page: RegisterPage, answers: list[str]
) -> None:
    page.table.selectRow(0)
    page.search_box.setFocus()
    qtbot.keyClick(page.search_box, Qt.Key.Key_Delete)
    assert answers == [] and page.model.rowCount() == 30


def test_pair_selected_households_with_a_cadre(qtbot, page: RegisterPage, store: Store) -> None:
    store.register.save_cadre(Cadre(name="王队员", role="工作队员", unit="驻村工作队"))
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0),
        page.table.selectionModel().SelectionFlag.Select
        | page.table.selectionModel().SelectionFlag.Rows,
    )
    qtbot.mouseClick(page.pair_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PairDialog)
    items = [dialog.cadres.item(i).text() for i in range(dialog.cadres.count())]
    assert any("王队员" in t and "已结对 0 户" in t for t in items)
    dialog.cadres.setCurrentRow(next(i for i, t in enumerate(items) if "王队员" in t))
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()
    assert [page.model.data(page.model.index(r, COL_CADRE)) for r in (0, 1)] == ["王队员"] * 2


def test_pair_without_selection_says_so(qtbot, page: RegisterPage, answers: list[str]) -> None:
    page.table.clearSelection()
    page.pair_selected()
    assert answers == ["inform"]


def test_grids_and_cadres_button_opens_the_dialog(qtbot, page: RegisterPage) -> None:
    qtbot.mouseClick(page.grids_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.dialog, GridsCadresDialog)
    assert page.dialog.grid_table.rowCount() == 3
    page.dialog.reject()


class _FakeDialog(QDialog):
    """Stands in for a colleague's dialog: records how it was made, never shows."""

    made: ClassVar[list[tuple[object, ...]]] = []

    def __init__(self, *args: object) -> None:
        super().__init__(args[-1] if isinstance(args[-1], QWidget) else None)
        _FakeDialog.made.append(args)

    def open(self) -> None:
        pass


@pytest.mark.parametrize(
    ("module", "name", "button"),
    [
        ("cards_dialog", "CardsDialog", "cards_button"),
        ("roster_dialog", "RosterImportDialog", "import_button"),
    ],
)
def test_import_and_cards_open_the_colleagues_dialogs(
    qtbot,
    page: RegisterPage,
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    module: str,
    name: str,
    button: str,
) -> None:
    fake = types.ModuleType(f"qunzhong_desktop.ui.register.{module}")
    setattr(fake, name, _FakeDialog)
    monkeypatch.setitem(sys.modules, f"qunzhong_desktop.ui.register.{module}", fake)
    _FakeDialog.made.clear()
    page.table.clearSelection()
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    page.table.selectRow(1)
    qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
    if module == "cards_dialog":
        assert page.cards_button.text() == "打印联系卡（1 户）"
        assert [args[1] for args in _FakeDialog.made] == [None, [page.model.household_id(1)]]
    else:
        assert [args[0] for args in _FakeDialog.made] == [store, store]


def test_showing_the_page_again_picks_up_changes_made_elsewhere(
    qtbot, page: RegisterPage, store: Store
) -> None:
    page.hide()
    store.register.save_household(Household(number="8-001", members=[Person(name="外部导入")]))
    page.show()
    assert page.count_label.text() == "共 31 户" and "外部导入" in heads(page)
