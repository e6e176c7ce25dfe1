from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.register.roster_dialog import RosterImportDialog
from tests.helpers.roster_builder import ROWS, build_messy_roster


@pytest.fixture
def dialog(qtbot: QtBot, store: Store) -> RosterImportDialog:
    dialog = RosterImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()
    return dialog


def test_preview_then_import(
    dialog: RosterImportDialog, store: Store, tmp_path: Path, qtbot: QtBot, qtmodeltester
) -> None:
    assert not dialog.import_button.isEnabled() and not dialog.report_button.isEnabled()
    dialog.load_file(build_messy_roster(tmp_path / "花名册.xlsx"))
    assert "将新建 3 户、6 人" in dialog.summary_label.text()
    assert dialog.table.rowCount() == 6  # 2 rejected + 4 flagged, by row
    rows = [int(dialog.table.item(r, 0).text()) for r in range(dialog.table.rowCount())]
    assert rows == sorted(ROWS[n] for n in ("张小明", "王大山", "王芳", "赵六", "钱七", "孙八"))
    assert dialog.table.item(rows.index(ROWS["王大山"]), 2).text() == "不能导入"
    assert store.register.count_households() == 0  # the preview writes nothing
    assert dialog.import_button.isEnabled() and dialog.report_button.isEnabled()
    qtbot.wait(50)  # let the layout settle before the picture
    qtmodeltester.check(dialog.table.model())
    assert dialog.grab().save(str(tmp_path / "roster_dialog.png"))
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert store.register.count_households() == 3
    assert "已新建 3 户、6 人" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.cancel_button.text() == "关闭"
    report = dialog.save_report(tmp_path / "错误")
    assert report is not None and report.suffix == ".xlsx"
    ws = load_workbook(report).active
    assert ws is not None and ws.max_row == 3
    assert "错误报告已保存" in dialog.summary_label.text()


def test_unreadable_file_is_explained_inline(dialog: RosterImportDialog, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    dialog.load_file(bad)
    assert "bad.xlsx" in dialog.summary_label.text() and "损坏" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled() and not dialog.report_button.isEnabled()
    assert dialog.table.rowCount() == 0


def test_nothing_to_import_keeps_import_disabled(
    dialog: RosterImportDialog, store: Store, tmp_path: Path
) -> None:
    path = build_messy_roster(tmp_path / "花名册.xlsx")
    dialog.load_file(path)
    dialog.import_rows()
    dialog.load_file(path)  # the same roster again: nothing new
    assert "将新建 0 户、0 人" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
