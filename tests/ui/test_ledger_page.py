import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.access import Operator, Role
from qunzhong_desktop.core.ledger import ITEM_COLUMNS, SUPPORT_COLUMNS
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.ledgers.assistance_dialog import AssistanceDialog
from qunzhong_desktop.ui.ledgers.ledger_model import LedgerModel
from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage, period_range
from qunzhong_desktop.ui.shell.main_window import MainWindow
from tests.helpers.assistance_data import checked_need
from tests.helpers.ledger_data import TODAY, Village, build, new_item
from tests.helpers.printing import RecordingOutput
from tests.helpers.ui_built import built_store, built_value

# the ledger village written once per worker (tests/helpers/ui_built.py), copied per test
store = built_store(build)
village = built_value(build)


@pytest.fixture
def page(qtbot: QtBot, store: Store, village: Village) -> LedgerPage:
    page = LedgerPage(store, clock=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def test_model_is_lazy_and_sound(qtmodeltester, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    model = LedgerModel(ITEM_COLUMNS)
    rows = [(i, f"n{i}", *[""] * 16) for i in range(1, 1001)]
    model.set_source(1000, lambda start, end: rows[start:end])
    qtmodeltester.check(model)
    model.set_source(1000, lambda start, end: rows[start:end])
    assert model.fetch_count >= 1
    before = model.fetch_count
    assert model.data(model.index(999, 1)) == "n1000"
    assert model.fetch_count == before + 1


def test_item_tab_filters_and_exports(page: LedgerPage, tmp_path: Path, village: Village) -> None:
    tab = page.items_tab
    assert tab.model.rowCount() == 4 and tab.count_label.text() == "共 4 件"
    assert tab.model.headerData(15, Qt.Orientation.Horizontal) == "办理情况"
    assert tab.model.data(tab.model.index(0, 15)) == "已协助补缴 3 年"
    assert tab.model.headerData(13, Qt.Orientation.Horizontal) == "主管部门"
    tab.grid.setCurrentIndex(tab.grid.findData(village.grid_west))
    assert tab.model.rowCount() == 1
    tab.grid.setCurrentIndex(0)
    tab.period.setCurrentIndex(tab.period.findData("month"))  # April 2026
    assert tab.model.rowCount() == 2
    out = tmp_path / "x.xlsx"
    tab.export_to(out)
    ws = load_workbook(out).active
    assert ws is not None and ws.max_row == 4
    assert "2026-04-01 至 2026-04-30" in str(ws["A1"].value)
    assert "已保存 2 行" in tab.status_label.text()


def test_print_goes_through_the_preview(page: LedgerPage, printed: RecordingOutput) -> None:
    tab = page.support_tab
    tab.print_pdf()
    [shown] = printed.shown
    assert shown.path.suffix == ".pdf" and shown.pdf.startswith(b"%PDF")
    assert shown.title == tab.kind_title
    assert not shown.path.exists()  # the temporary folder is removed after the preview


def test_a_reader_at_a_station_is_not_offered_a_new_record(qtbot: QtBot, store: Store) -> None:
    store.db.operator = Operator("op-9", "周查阅", Role.READER)
    reader = LedgerPage(store, clock=lambda: TODAY)
    qtbot.addWidget(reader)
    assert reader.support_tab.add_button.isHidden() and not reader.support_tab.read_only


def test_support_tab_adds_a_record(page: LedgerPage, store: Store, village: Village) -> None:
    tab = page.support_tab
    assert tab.model.rowCount() == 3
    tab.table.selectRow(2)  # household 0002, no record yet, nor a need
    tab.add_record()
    dialog = tab.dialog
    assert isinstance(dialog, AssistanceDialog)
    assert dialog.need.count() == 0 and "请先登记需求" in dialog.error_label.text()
    assert not dialog.save() and store.assistance.for_household(village.member_tagged) == []
    dialog.reject()
    need = checked_need(store, village.member_tagged, day=TODAY, what="老人独居，需要照料")
    tab.add_record()
    dialog = tab.dialog
    assert isinstance(dialog, AssistanceDialog)
    assert dialog.need.currentData() == need and "老人独居" in dialog.need.currentText()
    assert dialog.household.currentData() == village.member_tagged
    # 帮扶对象: the member in difficulty at first; the whole household is offered too
    assert dialog.person.currentText() == "李奶奶（户主·孤寡老人）"
    assert [dialog.person.itemText(i) for i in range(dialog.person.count())][
        -1
    ] == "全户（李奶奶户）"
    assert not dialog.save()  # nothing typed: refused, input kept
    assert "帮扶单位" in dialog.error_label.text() or "帮扶责任人" in dialog.error_label.text()
    dialog.helping_unit.setCurrentText("镇民政办")
    dialog.helper.setText("刘秀兰")
    dialog.target.setText("老有所养")
    dialog.content.setPlainText("每周上门探望")
    dialog.has_limit.setChecked(True)
    assert dialog.save()
    records = store.assistance.for_household(village.member_tagged)
    assert [(r.helper, r.given_on) for r in records] == [("刘秀兰", TODAY)]
    assert records[0].time_limit == TODAY + dt.timedelta(days=90)
    assert tab.model.rowCount() == 3
    headers = [c.header for c in SUPPORT_COLUMNS]
    shown = {h: tab.model.data(tab.model.index(2, i)) for i, h in enumerate(headers)}
    assert (shown["帮扶对象"], shown["帮扶目标"], shown["帮扶内容"]) == (
        "李奶奶", "老有所养", "每周上门探望",
    )  # fmt: skip


def test_a_record_is_edited_later_and_deleted(
    page: LedgerPage, store: Store, village: Village, monkeypatch: pytest.MonkeyPatch
) -> None:
    """帮扶成效 "可以以后再填": a row opens its record; the outcome is filled in later."""
    from qunzhong_desktop.ui.common.list_parts import menu_for
    from qunzhong_desktop.ui.ledgers import ledger_page

    tab = page.support_tab
    tab.table.selectRow(2)
    checked_need(store, village.member_tagged, day=TODAY)
    tab.add_record()
    assert isinstance(tab.dialog, AssistanceDialog)
    dialog = tab.dialog
    dialog.helping_unit.setCurrentText("镇民政办")
    dialog.helper.setText("刘秀兰")
    dialog.content.setPlainText("每周上门探望")
    assert dialog.save()
    row = tab.row_households.index(village.member_tagged)
    assert tab.row_records[row] is not None
    tab.table.activated.emit(tab.model.index(row, 3))  # double-click: edit, not 新增
    edit = tab.dialog
    assert isinstance(edit, AssistanceDialog) and edit is not dialog
    assert edit.windowTitle() == "编辑帮扶记录" and not edit.household.isEnabled()
    assert edit.content.toPlainText() == "每周上门探望" and edit.result_edit.toPlainText() == ""
    edit.result_edit.setPlainText("老人生活有保障")
    assert edit.save()
    (record,) = store.assistance.for_household(village.member_tagged)
    assert (record.result, record.content) == ("老人生活有保障", "每周上门探望")
    texts = [a.text() for a in menu_for(tab.table, row).actions() if a.text()]
    assert texts == ["编辑帮扶记录…", "新增帮扶记录…", "删除帮扶记录…"]
    asked: list[str] = []
    monkeypatch.setattr(ledger_page, "confirm", lambda _p, _t, text, _y: asked.append(text) or True)
    tab.delete_row(row)
    assert asked and "0002" in asked[0]
    assert store.assistance.for_household(village.member_tagged) == []
    assert tab.row_records[tab.row_households.index(village.member_tagged)] is None


def test_paired_cadre_is_the_default_helper(page: LedgerPage, village: Village) -> None:
    tab = page.support_tab
    tab.table.selectRow(0)
    tab.add_record()
    assert isinstance(tab.dialog, AssistanceDialog)
    assert tab.dialog.helper.text() == "孙超峰"
    assert tab.dialog.helping_unit.currentText() == "驻村工作队"


def test_the_person_helped_is_chosen_and_kept_when_edited(
    page: LedgerPage, store: Store, village: Village
) -> None:
    tab = page.support_tab
    tab.table.selectRow(0)  # 0001: 王大爷 (残疾人) and 王小妹 (留守儿童), records helping all
    tab.add_record()
    dialog = tab.dialog
    assert isinstance(dialog, AssistanceDialog)
    texts = [dialog.person.itemText(i) for i in range(dialog.person.count())]
    assert texts == ["王大爷（户主·残疾人）", "王小妹（子女·留守儿童）", "全户（王大爷户）"]
    assert dialog.person.currentIndex() == 0
    dialog.person.setCurrentIndex(1)
    dialog.content.setPlainText("送学习用品")
    assert dialog.save()
    saved = store.assistance.for_household(village.tagged)[-1]
    [household] = store.assistance.households([village.tagged])
    assert household.beneficiary(saved.person_id) == "王小妹"
    first = store.assistance.for_household(village.tagged)[0]
    assert first.person_id is None
    tab.add_record(first)  # an older record that helped the whole household
    edit = tab.dialog
    assert isinstance(edit, AssistanceDialog) and edit.person.currentText() == "全户（王大爷户）"
    edit.person.setCurrentIndex(0)
    assert edit.save()
    assert store.assistance.get(first.id or "").person_id == household.members[0].id


def test_other_features_add_tabs(page: LedgerPage, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    index = page.add_tab(QLabel("月报"), "月报")
    assert page.tabText(index) == "月报" and page.count() == 4  # 帮扶需求 at a station


def test_window_opens_the_ledger_page(qtbot: QtBot, store: Store) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show_page("ledger")
    assert isinstance(window.page("ledger"), LedgerPage)


def test_period_presets() -> None:
    today = dt.date(2026, 5, 14)
    assert period_range("last_month", today) == (dt.date(2026, 4, 1), dt.date(2026, 4, 30))
    assert period_range("quarter", today) == (dt.date(2026, 4, 1), today)
    assert period_range("", today) == (None, None)


def test_coming_back_shows_a_new_item(qtbot: QtBot, store: Store, village: Village) -> None:
    """台账 said 共 4 件 after a fifth item was registered on another page."""
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.show_page("ledger")
    page = window.page("ledger")
    assert isinstance(page, LedgerPage)
    assert page.items_tab.count_label.text() == "共 4 件"
    window.show_page("intake")
    store.items.register_item(new_item(None, requester_name="新来的"), actor="李秀英")
    window.show_page("ledger")
    assert page.items_tab.count_label.text() == "共 5 件"
