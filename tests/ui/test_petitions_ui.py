"""信访 in the window (issue 18): the mark from the item page, the township's duty roster and
reception log, the 民意与信访 settings, the petitions tab, a 1024×768 screen.

The township comes from tests/helpers/voice_data.py (two stations synced up; November 2026:
P1 初信初访 acted on in time, P2 重复信访 never acted on → 阅办率 1/2 at 31 December).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.petitions import Mark
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.ui.common.session import undo_stack
from qunzhong_desktop.ui.intake import ItemDialog
from qunzhong_desktop.ui.petitions import DutyTab, PetitionsTab, VoiceSettingsDialog
from qunzhong_desktop.ui.petitions import duty_tab as duty_module
from qunzhong_desktop.ui.petitions.duty_forms import DutyDayDialog, ReceptionForm
from qunzhong_desktop.ui.petitions.mark_dialog import PetitionMarkDialog
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.printing import RecordingOutput
from tests.helpers.voice_data import build

TODAY = dt.date(2026, 11, 25)  # a Wednesday
P1 = "430121101201-2026-00001"


@pytest.fixture(scope="module")
def built(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    net = build(_template_dirs[0], tmp_path_factory.mktemp("petitions-ui") / "net")
    home = net.township.home
    net.close()
    return home


@pytest.fixture
def township(built: Path, tmp_path: Path) -> Iterator[Store]:
    store = open_store(Path(shutil.copytree(built, tmp_path / "township")))
    yield store
    store.close()


Fill = Callable[[QDialog], None]


@pytest.fixture
def forms(monkeypatch: pytest.MonkeyPatch) -> list[Fill]:
    """How each form the duty tab opens is filled in, in turn."""
    fills: list[Fill] = []

    def run(dialog: QDialog) -> int:
        fills.pop(0)(dialog)
        return dialog.result()

    monkeypatch.setattr(duty_module, "run_dialog", run)
    monkeypatch.setattr(duty_module, "confirm", lambda *_a: True)
    return fills


def test_marking_from_the_item_page_takes_the_repeat_suggestion(qtbot: QtBot, store: Store) -> None:
    first = register(store, FRIDAY - dt.timedelta(days=40), petition="初信初访",
                     petition_form="来访", petition_reach="到乡")  # fmt: skip
    second = register(store, FRIDAY, content="再次咨询城乡居民养老保险补缴的办法")
    page = ItemDialog(store, second, clock=lambda: FRIDAY)
    qtbot.addWidget(page)
    assert page.petition_button.isEnabled() and page.petition_button.text() == "信访标记(&X)…"
    page.petition_button.click()
    dialog = page.petition_button.dialog
    assert isinstance(dialog, PetitionMarkDialog)
    assert not dialog.suggestion.isHidden()
    assert dialog.earlier.item(0, 0).text() == first
    assert dialog.earlier.item(0, 2).text() == "初信初访"
    assert not dialog.form.isEnabled()  # no form before a level
    dialog.take_button.click()
    assert dialog.level.currentText() == "重复信访" and dialog.form.isEnabled()
    dialog.reach.setCurrentText("到县")
    dialog.ok_button.click()
    assert store.petitions.mark_of(second) == Mark("重复信访", "来访", "到县")
    assert page.changed
    assert page.petition_button.text() == "信访：重复信访·来访·到县(&X)…"
    # an item with nothing alike earlier shows no suggestion; unmarking takes the mark off
    other = register(store, FRIDAY, requester_name="李四", content="门前水沟堵塞")
    plain = PetitionMarkDialog(store, other, "社会保障")
    qtbot.addWidget(plain)
    assert plain.suggestion.isHidden() and plain.level.currentText() == "不是信访"
    again = PetitionMarkDialog(store, second, "社会保障")
    qtbot.addWidget(again)
    again.level.setCurrentIndex(0)
    again.ok_button.click()
    assert store.petitions.mark_of(second) == Mark()


def test_the_township_cannot_change_a_mark(qtbot: QtBot, township: Store) -> None:
    page = ItemDialog(township, P1, clock=lambda: FRIDAY)
    qtbot.addWidget(page)
    button = page.petition_button
    assert not button.isEnabled()
    assert "乡镇只能查看" in button.toolTip()
    assert button.text() == "信访：初信初访·来访·到乡(&X)…"
    shown = PetitionMarkDialog(township, P1, "社会保障")
    qtbot.addWidget(shown)
    assert shown.ok_button.isHidden() and not shown.level.isEnabled()


def test_the_roster_paints_an_uncovered_day_red_and_setting_a_member_clears_it(
    qtbot: QtBot, township: Store, forms: list[Fill]
) -> None:
    township.duty.rotate(["张镇长", "王副镇长"], dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    township.duty.clear(dt.date(2026, 11, 18))
    tab = DutyTab(township, clock=lambda: TODAY)
    qtbot.addWidget(tab)
    red = tab.cell_of(dt.date(2026, 11, 18))
    assert red is not None and "无人值班" in red.text()
    assert red.background().color() == duty_module.UNCOVERED_BG
    assert "1 个工作日无人值班" in tab.summary.text()
    saturday = tab.cell_of(dt.date(2026, 11, 21))
    assert saturday is not None and saturday.background().color() == duty_module.OFF_BG

    def refused(dialog: QDialog) -> None:
        assert isinstance(dialog, DutyDayDialog) and "张镇长" in [
            dialog.member.itemText(i) for i in range(dialog.member.count())
        ]
        dialog.member.setCurrentText("  ")
        dialog.submit()
        assert dialog.errors["member"].text() == "请填写值班的班子成员。"
        dialog.member.setCurrentText("赵委员")
        dialog.submit()

    forms.append(refused)
    tab.grid.setCurrentItem(red)
    tab.edit_day(tab.grid.currentRow(), tab.grid.currentColumn())
    assert township.duty.on_duty(dt.date(2026, 11, 18)) == "赵委员"
    cell = tab.cell_of(dt.date(2026, 11, 18))
    assert cell is not None and "赵委员" in cell.text()
    assert cell.background().color() != duty_module.UNCOVERED_BG
    assert "每个工作日都已安排值班" in tab.summary.text()


def test_a_reception_is_logged_deleted_and_brought_back(
    qtbot: QtBot, township: Store, forms: list[Fill], printed: RecordingOutput
) -> None:
    day = dt.date(2026, 11, 24)
    township.duty.set_duty(day, "王副镇长")
    tab = DutyTab(township, clock=lambda: TODAY)
    qtbot.addWidget(tab)
    tab._select_day(day)
    assert "值班：王副镇长" in tab.log_title.text()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReceptionForm) and dialog.member.text() == "王副镇长"
        dialog.units.setText("镇交通站、供电所")
        dialog.submit()  # no matter yet: refused next to the field, the units kept
        assert dialog.errors["matter"].text() == "请填写来访反映的事项。"
        assert dialog.units.text() == "镇交通站、供电所" and not dialog.result()
        dialog.matter.setPlainText("村道路灯长期不亮")
        dialog.visitors.setValue(3)
        dialog.submit()

    forms.append(fill)
    tab.add_button.click()
    assert tab.log.rowCount() == 1
    assert tab.log.item(0, 3).text() == "联合接访：镇交通站、供电所"
    cell = tab.cell_of(day)
    assert cell is not None and "接访 1 批" in cell.text()
    tab.log.selectRow(0)
    tab.delete_button.click()
    assert tab.log.rowCount() == 0 and township.duty.receptions(day, day) == []
    undo_stack(tab).undo()
    assert tab.log.rowCount() == 1
    tab.print_button.click()
    tab.log_print_button.click()
    assert [s.title for s in printed.shown] == ["信访值周表", "接访登记"]
    roster = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.shown[0].pdf)).pages)
    assert "信访值周表" in roster and "王副镇长" in roster


def test_settings_are_saved_and_refused_out_of_range(qtbot: QtBot, township: Store) -> None:
    dialog = VoiceSettingsDialog(township)
    qtbot.addWidget(dialog)
    dialog.admonish.setValue(50)  # above 不予提拔's 40
    dialog.read_days.setValue(10)
    dialog.submit()
    assert "不能高于不予提拔的界限" in dialog.admonish_error.text()
    assert dialog.read_days.value() == 10 and township.voice.get().read_days == 15
    dialog.admonish.setValue(25)
    row = next(r for r in range(dialog.areas.rowCount())
               if dialog.areas.item(r, 0).text() == "社会保障")  # fmt: skip
    dialog.areas.item(row, 1).setText(" 王副镇长 ")
    dialog.submit()
    kept = township.voice.get()
    assert (kept.rules.admonish_percent, kept.read_days) == (25, 10)
    assert kept.areas == {"社会保障": "王副镇长"}
    assert township.petitions.proposed_handler("社会保障") == "王副镇长"


def test_a_station_sees_the_settings_only(qtbot: QtBot, store: Store) -> None:
    dialog = VoiceSettingsDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isHidden() and dialog.read_days.isReadOnly()
    tab = DutyTab(store)
    qtbot.addWidget(tab)
    assert tab.roster is None


def test_the_petitions_tab_shows_the_read_rate_and_last_year(qtbot: QtBot, township: Store) -> None:
    tab = PetitionsTab(township, clock=lambda: dt.date(2026, 12, 31))
    qtbot.addWidget(tab)
    tab.span.set_span(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert tab.span.combo.currentText() == "上月"
    assert [r.number for r in tab.rows] == [P1, "430121101201-2026-00002"]
    assert "阅办率 50.0%（1/2）" in tab.rate_label.text()
    assert "逾期 1 件" in tab.rate_label.text()
    assert tab.table.item(0, 2).text() == "王*爷"  # masked
    assert [tab.years.item(r, 0).text() for r in range(3)] == ["2", "1", "+1"]  # 合计
    tab.level.setCurrentIndex(tab.level.findData("重复信访"))
    assert len(tab.rows) == 1 and tab.table.rowCount() == 1
    assert "共 1 件（本期信访 2 件）" in tab.count.text()


@pytest.mark.parametrize("make", [DutyTab, PetitionsTab])
def test_the_tabs_fit_a_small_screen(
    qtbot: QtBot, township: Store, make: Callable[..., QWidget]
) -> None:
    tab = make(township, clock=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)  # 1024×768 less the window's navigation and title
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.width() <= 1000 and tab.height() <= 640
    frame = QRect(QPoint(0, 0), tab.size())
    outside = [
        f"{type(w).__name__} {w.objectName()}"
        for w in tab.findChildren(QWidget)
        if w.isVisible() and not w.isWindow() and w.width() > 1
        and w.parentWidget() is not None and w.parentWidget().objectName() != "qt_scrollarea_viewport"
        and not frame.contains(QRect(w.mapTo(tab, QPoint(0, 0)), w.size()))
    ]  # fmt: skip
    assert not outside
