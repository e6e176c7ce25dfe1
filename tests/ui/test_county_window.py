"""The county's window (issue 19): the 协调 page, its dialogs, the sync board and the shell.

One county world per module, built through the real sync path (tests/helpers/county_world):
two townships enrolled, three matters escalated by 白沙镇 (one assigned by the county).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.ui.county import departments_dialog, matter_dialogs
from qunzhong_desktop.ui.county.departments_dialog import DepartmentsDialog
from qunzhong_desktop.ui.county.matter_dialogs import CountyAssignDialog, CountyTextDialog
from qunzhong_desktop.ui.county.matters_page import CountyItemDialog, CountyMattersPage
from qunzhong_desktop.ui.county.meeting_dialog import MeetingDialog, tick
from qunzhong_desktop.ui.shell.main_window import MainWindow
from qunzhong_desktop.ui.sync import sync_host
from qunzhong_desktop.ui.sync.key_dialogs import FingerprintDialog
from qunzhong_desktop.ui.sync.sync_page import SyncPage
from tests.helpers.county_world import LATER, CountyWorld, build
from tests.helpers.printing import RecordingOutput

SHOTS = Path("/tmp/countyui")


@pytest.fixture(scope="module")
def world(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CountyWorld]:
    built = build(_template_dirs[0], tmp_path_factory.mktemp("county"))
    yield built
    built.close()


def page_of(qtbot: QtBot, world: CountyWorld) -> CountyMattersPage:
    page = CountyMattersPage(world.county.store, clock=lambda: LATER)
    qtbot.addWidget(page)
    return page


def cells(page: CountyMattersPage, column: int) -> list[str]:
    model = page.model
    return [model.text(model.matters[r], column) for r in range(model.rowCount())]


def test_the_lists_show_the_townships_matters(qtbot: QtBot, world: CountyWorld) -> None:
    page = page_of(qtbot, world)
    waiting = sorted(world.numbers[1:])  # received together: by number
    assert cells(page, 0) == waiting and page.count_label.text() == "共 2 件"
    assert set(cells(page, 1)) == {"白沙镇"}
    assert cells(page, 2) == ["第1村", "第2村"]
    assert cells(page, 5)[1] == "涉及县属企业，需县人社局牵头"
    assert page.table.isColumnHidden(7)  # no department while waiting
    page.show_view("assigned")
    assert cells(page, 0) == world.numbers[:1]
    assert cells(page, 7) == ["县自然资源局"]
    assert cells(page, 9)[0].endswith("个工作日")  # overdue on LATER, in red
    assert page.model.data(page.model.index(0, 9), 9) is not None  # ForegroundRole
    assert not page.assign_button.isEnabled() and page.result_button.isEnabled()
    page.show_view("overdue")
    assert cells(page, 0) == world.numbers[:1]
    page.show_view("waiting")
    page.township.setCurrentIndex(page.township.findData(world.other.code))
    assert page.model.rowCount() == 0 and page.count_label.text() == "共 0 件"


def test_the_assign_dialog_says_what_is_missing(
    qtbot: QtBot, world: CountyWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(qtbot, world)
    page.assign()
    dialog = page.dialog
    assert isinstance(dialog, CountyAssignDialog)
    assert dialog.department.count() == 4
    first_due = world.county.store.county.deadline(10, LATER.date())
    assert dialog.due_label.text().startswith(first_due.isoformat())
    dialog.submit()
    assert dialog.department_error.text() == "请选择县直部门。" and dialog.isVisible()
    dialog.department.setCurrentIndex(0)
    dialog.days.setValue(0)
    assert dialog.due_label.text() == "—"
    dialog.submit()
    assert "至少 1 个工作日" in dialog.days_error.text()
    dialog.days.setValue(3)
    due = world.county.store.county.deadline(3, LATER.date())
    assert dialog.due_label.text().startswith(due.isoformat())
    dialog.note.setPlainText("请尽快")
    asked: list[str] = []

    def stay(_parent: object, _title: str, text: str, _yes: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(matter_dialogs, "confirm", stay)
    dialog.reject()  # something typed: asks, and the clerk stays
    assert asked and dialog.isVisible() and dialog.note.toPlainText() == "请尽快"
    dialog.done(0)


def test_send_back_needs_a_reason(qtbot: QtBot, world: CountyWorld) -> None:
    page = page_of(qtbot, world)
    page.send_back()
    dialog = page.dialog
    assert isinstance(dialog, CountyTextDialog)
    dialog.submit()
    assert dialog.text_error.text() == "请填写退回乡镇的理由。"
    assert world.county.store.items.item(dialog.matter.number).state is State.ESCALATED_COUNTY
    dialog.done(0)


def test_assign_then_result_in_the_window(qtbot: QtBot, world: CountyWorld) -> None:
    page = page_of(qtbot, world)
    number = world.numbers[2]
    assert page.select_number(number)
    page.assign()
    dialog = page.dialog
    assert isinstance(dialog, CountyAssignDialog)
    dialog.department.setCurrentIndex(dialog.department.findText("县住建局"))
    dialog.days.setValue(10)
    dialog.submit()
    item = world.county.store.items.item(number)
    assert item.state is State.COUNTY_ASSIGNED
    assert item.due_on == world.county.store.county.deadline(10, LATER.date())
    assert number not in cells(page, 0)
    page.show_view("assigned")
    assert page.select_number(number)
    page.record_result()
    result = page.dialog
    assert isinstance(result, CountyTextDialog)
    result.submit()
    assert result.text_error.text() == "请填写办理结果。"
    result.text.setPlainText("县住建局已责令停止采砂，恢复供水")
    result.submit()
    assert world.county.store.items.item(number).state is State.RESOLVED
    assert number not in cells(page, 0)


def test_a_meeting_and_the_departments(
    qtbot: QtBot, world: CountyWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(qtbot, world)
    page.add_meeting()
    dialog = page.dialog
    assert isinstance(dialog, MeetingDialog)
    tick(dialog.items, [])
    dialog.submit()
    assert dialog.items_error.text() == "请至少选择一件协调的事项。"
    tick(dialog.items, [world.numbers[0]])
    dialog.submit()
    assert dialog.lead_error.text() == "请选择牵头单位。"
    dialog.lead.setCurrentIndex(dialog.lead.findText("县人社局"))
    tick(dialog.cooperating, ["县信访局"])
    dialog.submit()
    assert dialog.decisions_error.text() == "请填写会议议定事项。"
    dialog.decisions.setPlainText("县人社局牵头，一周内约谈企业")
    dialog.submit()
    (meeting,) = world.county.store.county.meetings(world.numbers[0])
    assert meeting.lead == "县人社局" and meeting.cooperating == ("县信访局",)
    departments = DepartmentsDialog(world.county.store.county)
    qtbot.addWidget(departments)
    departments.add()
    assert departments.name_error.text() == "请填写县直部门名称。"
    departments.name.setText("县水利局")
    departments.add()
    assert "县水利局" in departments.names()
    departments.list.setCurrentRow(departments.names().index("县水利局"))
    monkeypatch.setattr(departments_dialog, "confirm", lambda *_a: True)
    departments.retire()
    assert "县水利局" in departments.names(retired=True)
    assert "县水利局" not in [d.name for d in world.county.store.county.departments()]


def test_the_board_and_the_shell(
    qtbot: QtBot, world: CountyWorld, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window = MainWindow(world.county.store)
    qtbot.addWidget(window)
    assert window.page_keys() == ["county", "sync", "ledger", "conflicts", "settings"]
    assert window.windowTitle() == "县（市）群众工作部 — 长沙县群众工作部"
    window.show_page("sync")
    page = window.page("sync")
    assert isinstance(page, SyncPage) and page.county_panel is not None
    board = page.county_panel.board
    assert board.topLevelItemCount() == 2
    top = board.topLevelItem(0)
    assert top is not None and top.text(0) == "白沙镇群众工作办"
    assert top.childCount() == 2 and top.text(6) == "2"
    assert int(top.text(7)) >= 3
    assert [top.child(i).text(1) for i in range(2)] == [world.one.code, world.two.code]
    assert int(top.text(3)) >= 1
    other = board.topLevelItem(1)
    assert other is not None and other.childCount() == 0
    assert page.empty_label.isHidden()
    # a folder without bundles is said, and nothing is imported (the page's one folder import)
    said: list[str] = []
    monkeypatch.setattr(page.files, "choose_folder", lambda _title: tmp_path)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(page, "import_paths", lambda paths: said.append(f"import {paths}"))
    (tmp_path / "说明.txt").write_text("不是数据包", encoding="utf-8")
    page.county_panel.import_folder()
    assert said == [f"文件夹 {tmp_path} 中没有数据包（.qzb 文件）。"]
    (tmp_path / "x-430121101.qzb").write_bytes(b"")
    page.county_panel.import_folder()
    assert said[-1] == f"import {[tmp_path / 'x-430121101.qzb']}"
    window.show_page("county")
    assert isinstance(window.page("county"), CountyMattersPage)
    window.show_page("ledger")  # the township's ledger and report pages, hosted as they are
    assert window.current_key() == "ledger"


def test_the_township_s_sheet_for_the_county_and_the_county_enrols_it(
    qtbot: QtBot, world: CountyWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    printed: RecordingOutput,
) -> None:  # fmt: skip
    township = SyncPage(world.township.store, world.township.sync)
    qtbot.addWidget(township)
    township.keys = world.township.keys  # no passphrase (scrypt) in the test
    panel = township.township_panel
    assert panel is not None and panel.county is not None  # (keys in memory: buttons greyed)
    out = tmp_path / "白沙镇-县级登记"  # the suffix is added
    monkeypatch.setattr(township.files, "choose_save", lambda *_a: out.with_suffix(".qzenroll"))
    panel.export_county_enrollment()
    enrollment, sheet = out.with_suffix(".qzenroll"), out.with_suffix(".pdf")
    assert enrollment.is_file()
    fingerprint = world.township.keys.fingerprint
    assert fingerprint in township.status_label.text()
    if printed.shown:  # a CJK font is installed: the sheet was made and previewed
        assert [p.path for p in printed.shown] == [sheet]
        text = "".join(PdfReader(sheet).pages[0].extract_text().split())
        for expected in ("乡镇登记表", "白沙镇群众工作办", world.township.code, "长沙县群众工作部",
                         "".join(fingerprint.split()), enrollment.name):  # fmt: skip
            assert expected in text, expected
    # the county reads the township's file (not a station's) and types the fingerprint
    county = SyncPage(world.county.store, world.county.sync)
    qtbot.addWidget(county)
    county.keys = world.county.keys
    assert county.county_panel is not None
    monkeypatch.setattr(county.files, "choose_file", lambda *_a: enrollment)
    county.county_panel.enroll_township()
    dialog = county.dialog
    assert isinstance(dialog, FingerprintDialog)
    assert (dialog.info.station_code, dialog.info.role) == (world.township.code, "township")
    dialog.field.setText("1234 5678 9ABC DEF0 1234 5678 9ABC DEF0")
    dialog.ok_button.click()
    assert dialog.isVisible() and "不一致" in dialog.error_label.text()
    dialog.field.setText(fingerprint)
    dialog.ok_button.click()
    assert not dialog.isVisible() and "已登记 白沙镇群众工作办" in county.status_label.text()
    # a station's enrollment file is refused at the county, in Chinese, before any typing
    station_file = world.one.home / "enroll.qzenroll"
    said: list[str] = []
    monkeypatch.setattr(county.files, "choose_file", lambda *_a: station_file)
    monkeypatch.setattr(sync_host, "show_error", lambda _w, exc, **_k: said.append(exc.message))
    county.dialog = None
    county.county_panel.enroll_township()
    assert county.dialog is None and said and "工作站在乡镇登记" in said[0]


SIZES = [(1024, 768), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES)
def test_pictures(qtbot: QtBot, world: CountyWorld, size: tuple[int, int]) -> None:
    """Render the county's pages at each size and its dialogs once (looked at by eye; saved
    under /tmp/countyui)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    window = MainWindow(world.county.store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    tag = f"{size[0]}x{size[1]}"
    for key in ("county", "sync", "ledger"):
        window.show_page(key)
        qtbot.wait(10)
        assert window.grab().save(str(SHOTS / f"{key}-{tag}.png"))
    window.show_page("county")
    page = window.page("county")
    assert isinstance(page, CountyMattersPage)
    page._clock = lambda: LATER  # the overdue red at a fixed day
    page.refresh()
    page.show_view("assigned")
    assert window.grab().save(str(SHOTS / f"county-assigned-{tag}.png"))
    if size != SIZES[0]:
        return  # a dialog is drawn at its own size, whatever the window's: once is enough
    page.show_view("waiting")
    for name, opener in (("assign", page.assign), ("back", page.send_back),
                         ("meeting", page.add_meeting)):  # fmt: skip
        opener()
        dialog = page.dialog
        assert dialog is not None
        qtbot.wait(10)
        assert dialog.grab().save(str(SHOTS / f"{name}-{tag}.png"))
        dialog.done(0)
    departments = DepartmentsDialog(world.county.store.county, window)
    departments.show()
    assert departments.grab().save(str(SHOTS / f"departments-{tag}.png"))
    departments.done(0)
    assert dt.date.today()  # the pictures are made


def history_text(dialog: object) -> str:
    table = dialog.history  # type: ignore[attr-defined]
    return "\n".join(
        table.item(r, c).text() if table.item(r, c) else ""
        for r in range(table.rowCount())
        for c in range(table.columnCount())
    )


def test_the_township_escalates_and_sees_the_county(
    qtbot: QtBot, world: CountyWorld, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qunzhong_desktop.ui.triage import TownshipItemDialog, TriagePage, escalate_dialog

    page = TriagePage(world.township.store, clock=lambda: LATER)
    qtbot.addWidget(page)
    assert page.county == "长沙县群众工作部"
    page.show_view("waiting")
    rows = [page.model.item_row(r) for r in range(page.model.rowCount())]
    (lamp,) = [r for r in rows if r is not None and r.state is State.ESCALATED]
    assert page.select_number(lamp.number)
    assert page.county_button.isEnabled()
    page.escalate()
    dialog = page.dialog
    assert isinstance(dialog, escalate_dialog.EscalateDialog)
    dialog.submit()
    assert dialog.reason_error.text() == "请写明上报县的理由。"
    dialog.reason.setPlainText("路灯由县城管局统一管理")
    asked: list[str] = []
    monkeypatch.setattr(escalate_dialog, "confirm", lambda *a: asked.append(a[2]) or False)
    dialog.reject()
    assert asked and dialog.isVisible()
    dialog.submit()
    assert world.township.store.items.item(lamp.number).state is State.ESCALATED_COUNTY
    assert not page.county_button.isEnabled()  # at the county now
    # the county's assignment comes back in its dispatch and reads well on the item page
    for path in world.county.export(tmp_path / "down"):
        if path.stem.endswith(world.township.code):
            world.township.sync.import_bundle(path, world.township.keys)
    item = TownshipItemDialog(world.township.store, world.numbers[0], clock=lambda: LATER)
    qtbot.addWidget(item)
    text = history_text(item)
    assert "上报县，理由：涉及跨乡镇土地权属，乡镇无法协调" in text
    assert "县已交办 县自然资源局，5个工作日，期限 " in text
    county_item = CountyItemDialog(world.county.store, world.numbers[0], clock=lambda: LATER)
    qtbot.addWidget(county_item)
    assert "县已交办 县自然资源局，5个工作日" in history_text(county_item)


def test_a_township_without_county_offers_no_escalation(
    qtbot: QtBot, _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    from qunzhong_desktop.ui.triage import TriagePage
    from tests.helpers.network import make_township

    alone = make_township(_template_dirs[0], tmp_path / "alone")
    try:
        page = TriagePage(alone.store)
        qtbot.addWidget(page)
        assert page.county == "" and not page.county_button.isEnabled()
    finally:
        alone.close()
