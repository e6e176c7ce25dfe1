"""干部 at the township: every station's cadres and its own (包村), each person once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from qunzhong_desktop.ui.diary import cadres_page
from qunzhong_desktop.ui.diary.cadres_page import CadresPage, CategoryDialog
from qunzhong_desktop.ui.diary.year_dialog import CadreYearDialog
from qunzhong_desktop.ui.register.grids_cadres_dialog import CadreForm
from tests.helpers.township_data import AFTER, Township, build

ONE, TWO = "第1村群众工作站", "第2村群众工作站"


@pytest.fixture
def tw(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Township]:
    built = build(_template_dirs[0], tmp_path / "net")
    yield built
    built.close()


def _rows(page: CadresPage) -> list[tuple[str, ...]]:
    t = page.table
    return [tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]


def test_township_cadres_page(qtbot: QtBot, tw: Township, monkeypatch: pytest.MonkeyPatch) -> None:
    page = CadresPage(tw.township.store, today=lambda: AFTER)
    qtbot.addWidget(page)
    page.month.setDate(QDate(2026, 11, 1))
    rows = _rows(page)
    assert [(r[0], r[1], r[2], r[4], r[5]) for r in rows] == [
        (TWO, "钱二", "乡驻村干部", "1", "1"),
        (ONE, "赵一", "乡驻村干部", "1", "1"),
    ]  # in pinyin order; 坐班 one day each in November: short of 10 and 2
    assert rows[1][7] == "不达标" and "在村 1 天，少于 10 天" in rows[1][8]
    assert "2 人未达标：钱二、赵一" in page.summary.text()
    # the filters: a station, then pinyin initials
    page.station.setCurrentIndex(page.station.findText(TWO))
    assert [r[1] for r in _rows(page)] == ["钱二"]
    page.station.setCurrentIndex(0)
    page.search.setText("zy")
    assert [r[1] for r in _rows(page)] == ["赵一"]
    page.search.clear()
    # a station's cadre is the station's to edit, but for the category it is judged by
    page.table.selectRow(0)
    assert page.year_button.isEnabled() and page.edit_button.isEnabled()
    assert TWO in page.edit_button.toolTip() and "核定" in page.edit_button.toolTip()

    def judge_as_village_head(dialog: QDialog) -> int:
        assert isinstance(dialog, CategoryDialog)
        assert dialog.category.itemText(0) == "按站点登记（乡驻村干部）"
        dialog.category.setCurrentIndex(dialog.category.findData("村两委主要负责人"))
        assert "3–5" in dialog.rule.text()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cadres_page, "run_dialog", judge_as_village_head)
    page.edit_button.click()
    assert _rows(page)[0][1:3] == ("钱二", "村两委主要负责人")
    qian = next(c for c in tw.township.store.register.cadres() if c.name == "钱二")
    assert tw.township.store.settings.category_fixes() == {qian.id: "村两委主要负责人"}
    assert qian.category in ("", "乡驻村干部")  # the station's row stays as sent

    # 登记本镇干部: 赵一 is the township's stationed cadre, 包村 the first village
    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, CadreForm) and dialog.village is not None
        villages = [dialog.village.itemText(i) for i in range(dialog.village.count())]
        assert villages == ["（不包村）", f"{ONE}（{tw.one.code}）", f"{TWO}（{tw.two.code}）"]
        dialog.name.setText("赵一")
        dialog.unit.setText("镇党委")
        dialog.category.setCurrentText("乡驻村干部")
        dialog.village.setCurrentIndex(dialog.village.findData(tw.one.code))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cadres_page, "run_dialog", fill)
    page.new_button.click()
    rows = _rows(page)
    own = f"乡镇本级（包村：{ONE}）"
    # listed once, under the township, with the day the first station recorded
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        (TWO, "钱二", "第2村村委会", "1"),
        (own, "赵一", "镇党委", "1"),
    ]
    saved = [c for c in tw.township.store.register.cadres() if c.unit == "镇党委"]
    assert [(c.name, c.village_code) for c in saved] == [("赵一", tw.one.code)]
    page.station.setCurrentIndex(page.station.findText("乡镇本级"))
    assert [r[1] for r in _rows(page)] == ["赵一"]

    # the township edits its own cadre: 包村 the second village now
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()

    def move(dialog: QDialog) -> int:
        assert isinstance(dialog, CadreForm) and dialog.village is not None
        assert dialog.village.currentData() == tw.one.code  # opened as saved
        dialog.village.setCurrentIndex(dialog.village.findData(tw.two.code))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(cadres_page, "run_dialog", move)
    page.edit_button.click()
    assert _rows(page)[0][0] == f"乡镇本级（包村：{TWO}）"

    # 全年…: the year of the township's cadre, counting the station's day
    shown: list[QDialog] = []
    monkeypatch.setattr(cadres_page, "run_dialog", lambda d: shown.append(d) or 0)
    page.table.selectRow(0)
    page.year_button.click()
    (year,) = shown
    assert isinstance(year, CadreYearDialog)
    assert year.windowTitle() == "赵一 2026年在村情况"
    assert "本年在村 1 天" in year.total.text()


def test_the_township_window_has_a_cadres_page(qtbot: QtBot, tw: Township) -> None:
    from qunzhong_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(tw.township.store)
    qtbot.addWidget(window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "干部" in titles
    window.show_page("cadres")
    assert isinstance(window.page("cadres"), CadresPage)
