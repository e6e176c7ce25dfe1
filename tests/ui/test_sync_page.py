"""The 同步 page at a station and at the township, driving the real sync service.

Real keys, real kit and enrollment files, real bundles and real SQLite: two data
directories (a township and one of its stations) are set up once per module and copied for
each test. File dialogs are replaced by monkeypatching QFileDialog's static methods.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.work import CancelToken
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.node import PASSPHRASE_ENV
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import ALREADY, APPLIED, REFUSED, ImportReport, PeerStatus
from qunzhong_desktop.ui.sync import key_dialogs as passphrase_dialog
from qunzhong_desktop.ui.sync import sync_page
from qunzhong_desktop.ui.sync.import_report_dialog import (
    ExportResultDialog,
    ImportReportDialog,
    import_summary,
    summary_text,
)
from qunzhong_desktop.ui.sync.key_dialogs import (
    FingerprintDialog,
    NewKeysDialog,
    PassphraseDialog,
    ask_keys,
    normalise_fingerprint,
)
from qunzhong_desktop.ui.sync.stations_model import (
    COL_ENROLLED,
    COL_LAST_BUNDLE,
    COL_MISSING,
    COL_NAME,
    COL_OVERDUE,
    COL_PENDING,
    COL_RECEIVED,
    RED,
    StationsTableModel,
)
from qunzhong_desktop.ui.sync.sync_page import FOLDER_SETTING, SyncPage
from tests.helpers.printing import RecordingOutput
from tests.helpers.register_data import make_id
from tests.helpers.sealed import PASSPHRASE, SealedKeys

PASS = PASSPHRASE  # the sealed keys' (tests/helpers/sealed.py)
TOWNSHIP_NAME = "白沙镇群众工作办"


@dataclass
class Templates:
    township_fresh: Path
    station_fresh: Path
    township_paired: Path
    station_paired: Path
    township_keys: NodeKeys
    station_keys: NodeKeys


def _service(home: Path) -> tuple[Database, SyncService]:
    db = Database(database_path(home), user="测试员")
    return db, SyncService(db, home)


@pytest.fixture(scope="module")
def templates(
    tmp_path_factory: pytest.TempPathFactory,
    _template_dirs: tuple[Path, Path],
    sealed_keys: tuple[SealedKeys, SealedKeys],
) -> Templates:
    """A township and a station with keys; and the same pair after kit and enrollment."""
    empty, station = _template_dirs
    root = tmp_path_factory.mktemp("sync-pair")
    township_fresh, station_fresh = root / "township-fresh", root / "station-fresh"
    for home, template in ((township_fresh, empty), (station_fresh, station)):
        home.mkdir()
        shutil.copy(database_path(template), database_path(home))
    db = Database(database_path(township_fresh), user="测试员")
    init_township(db, "430121101", TOWNSHIP_NAME, "0731-84560000")
    db.close()
    township_keys, station_keys = (k.keys for k in sealed_keys)
    sealed_keys[0].copy_to(township_fresh / "keys")
    sealed_keys[1].copy_to(station_fresh / "keys")

    township_paired, station_paired = root / "township-paired", root / "station-paired"
    shutil.copytree(township_fresh, township_paired)
    shutil.copytree(station_fresh, station_paired)
    t_db, township = _service(township_paired)
    s_db, station_sync = _service(station_paired)
    kit = township.write_station_kit(root / "kit.qzkit", township_keys)
    station_sync.accept_station_kit(kit)
    fingerprint = station_sync.write_enrollment(root / "e.qzenroll", station_keys)
    township.enroll(root / "e.qzenroll", fingerprint)
    t_db.close()
    s_db.close()
    return Templates(
        township_fresh, station_fresh, township_paired, station_paired, township_keys, station_keys
    )


def _open(template: Path, target: Path) -> Store:
    shutil.copytree(template, target)
    return Store(home=target, db=Database(database_path(target), user="测试员"))


@pytest.fixture
def stores(templates: Templates, tmp_path: Path) -> dict[str, Store]:
    opened = {
        "township": _open(templates.township_fresh, tmp_path / "township"),
        "station": _open(templates.station_fresh, tmp_path / "station"),
        "township_paired": _open(templates.township_paired, tmp_path / "township-paired"),
        "station_paired": _open(templates.station_paired, tmp_path / "station-paired"),
    }
    yield opened  # type: ignore[misc]
    for store in opened.values():
        store.close()


def make_page(qtbot: QtBot, store: Store, keys: NodeKeys | None = None) -> SyncPage:
    page = SyncPage(store, SyncService(store.db, store.home))
    qtbot.addWidget(page)
    page.keys = keys  # the passphrase costs a second of scrypt: given once per module
    return page


def choose(monkeypatch: pytest.MonkeyPatch, method: str, result: object) -> None:
    monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *_a, **_k: result))


def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def show(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", show)
    return shown


def add_household(store: Store, number: str = "1-001") -> None:
    store.register.save_household(
        Household(
            number=number,
            address="白沙村一组 12 号",
            phone="13800000001",
            members=[
                Person(name="王建国", id_number=make_id("19650315", 1)),
                Person(name="王小明", relation="子女"),
            ],
        )
    )


def red(colour: object) -> bool:
    return isinstance(colour, QColor) and colour.name() == QColor(RED).name()


# station ----------------------------------------------------------------------------------
def test_station_without_kit_offers_to_import_it(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    station = stores["station"]
    page = make_page(qtbot, station)
    assert page.no_kit.isVisibleTo(page) and not page.township_form.isVisibleTo(page)
    assert not page.export_button.isEnabled() and not page.enrollment_button.isEnabled()
    assert page.fingerprint_label.text() == templates.station_keys.fingerprint
    assert not page.keys_button.isVisibleTo(page)

    township = SyncService(stores["township"].db, stores["township"].home)
    kit = township.write_station_kit(tmp_path / "白沙镇.qzkit", templates.township_keys)
    choose(monkeypatch, "getOpenFileName", (str(kit), ""))
    page.kit_button.click()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    assert TOWNSHIP_NAME in box.text()
    assert templates.township_keys.fingerprint in box.informativeText()
    assert page.no_kit.isVisibleTo(page)  # nothing stored before the answer
    accept = next(b for b in box.buttons() if b.text() == "导入")
    accept.click()
    assert page.township_form.isVisibleTo(page) and not page.no_kit.isVisibleTo(page)
    values = page.township_values
    assert values["name"].text() == TOWNSHIP_NAME
    assert values["code"].text() == "430121101"
    assert values["fingerprint"].text() == templates.township_keys.fingerprint
    assert values["sent"].text() == "尚未导出"
    assert page.export_button.isEnabled() and page.enrollment_button.isEnabled()
    assert "已导入" in page.status_label.text()
    assert station.settings.get(FOLDER_SETTING) == str(tmp_path)


def test_a_damaged_kit_is_explained_and_nothing_stored(
    qtbot: QtBot, stores: dict[str, Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, stores["station"])
    bad = tmp_path / "bad.qzkit"
    bad.write_bytes(b"not a zip at all")
    choose(monkeypatch, "getOpenFileName", (str(bad), ""))
    shown = no_message_boxes(monkeypatch)
    page.kit_button.click()
    assert shown and page.dialog is None
    assert page.no_kit.isVisibleTo(page)
    assert page.sync.peers() == []


def test_enrollment_sheet_then_township_confirms_the_fingerprint(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, printed: RecordingOutput,
) -> None:  # fmt: skip
    # the station: kit accepted, now the enrollment file and the sheet
    station = stores["station"]
    township_store = stores["township"]
    township = SyncService(township_store.db, township_store.home)
    kit = township.write_station_kit(tmp_path / "kit.qzkit", templates.township_keys)
    SyncService(station.db, station.home).accept_station_kit(kit)
    page = make_page(qtbot, station, templates.station_keys)
    previews = printed.shown
    out = tmp_path / "登记"  # the suffix is added
    choose(monkeypatch, "getSaveFileName", (str(out), ""))
    page.enrollment_button.click()
    enrollment = tmp_path / "登记.qzenroll"
    assert enrollment.is_file()
    fingerprint = templates.station_keys.fingerprint
    if previews:  # a CJK font is installed: the sheet was made and previewed
        assert [p.path for p in previews] == [tmp_path / "登记.pdf"]
        text = "".join(PdfReader(previews[0].path).pages[0].extract_text().split())
        assert "".join(fingerprint.split()) in text and "白沙村群众工作站" in text
    assert str(enrollment) in page.status_label.text()

    # the township: choose the file, type the fingerprint from the sheet
    board = make_page(qtbot, township_store, templates.township_keys)
    assert board.model is not None and board.model.rowCount() == 0
    assert board.empty_label.isVisibleTo(board)
    choose(monkeypatch, "getOpenFileName", (str(enrollment), ""))
    board.enroll_button.click()
    dialog = board.dialog
    assert isinstance(dialog, FingerprintDialog)
    assert dialog.info.station_code == "430121101201"
    assert fingerprint not in dialog.field.text()  # typed from the sheet, not copied
    dialog.field.setText("1234 5678 9ABC DEF0 1234 5678 9ABC DEF0")
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.error_label.isVisibleTo(dialog)
    assert "不一致" in dialog.error_label.text()
    assert board.sync.peers() == []  # a mismatch stores nothing
    dialog.field.setText("12345")
    dialog.ok_button.click()
    assert "32 位" in dialog.error_label.text()
    dialog.field.setText(fingerprint.lower().replace(" ", "-"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert board.model.rowCount() == 1
    assert board.model.peer(0) is not None and board.model.peer(0).enrolled  # type: ignore[union-attr]
    index = board.model.index(0, COL_ENROLLED)
    assert board.model.data(index) == "是"
    assert board.selected_code() == "430121101201"
    assert "已登记" in board.status_label.text()
    assert not board.empty_label.isVisibleTo(board)


def test_station_exports_and_township_imports_the_bundle(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    station = stores["station_paired"]
    add_household(station)
    page = make_page(qtbot, station, templates.station_keys)
    assert page.township_form.isVisibleTo(page)
    pending = page.township_values["pending"].text()
    assert pending != "无"
    usb = tmp_path / "usb"
    usb.mkdir()
    choose(monkeypatch, "getExistingDirectory", str(usb))
    page.export_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ExportResultDialog)
    assert len(dialog.results) == 1
    result = dialog.results[0]
    assert result.path.parent == usb and result.path.suffix == ".qzb" and result.path.is_file()
    assert result.summary.get("households") == 1 and result.summary.get("persons") == 2
    assert dialog.cell_text(0, 0) == result.path.name
    assert dialog.cell_text(0, 2) == f"{result.seq_from}–{result.seq_to}"
    assert "户 1" in dialog.cell_text(0, 4) and "居民 2" in dialog.cell_text(0, 4)
    assert page.township_values["sent"].text() not in ("", "尚未导出")
    assert station.settings.get(FOLDER_SETTING) == str(usb)

    # the township imports the whole USB folder (plus a file that is not a bundle)
    (usb / "说明.txt").write_text("not a bundle", encoding="utf-8")
    board = make_page(qtbot, stores["township_paired"], templates.township_keys)
    assert board.model is not None
    choose(monkeypatch, "getExistingDirectory", str(usb))
    board.import_folder_button.click()
    report = board.dialog
    assert isinstance(report, ImportReportDialog)
    assert [(r.status, r.message) for r in report.reports] == [(APPLIED, report.reports[0].message)]
    assert report.summary_label.text() == "1 个数据包：1 个已导入"
    assert report.cell_text(0, 1) == "已导入"
    assert "白沙村群众工作站" in report.cell_text(0, 2)
    assert int(report.cell_text(0, 4)) == result.changes
    row = board.model.peer(0)
    assert row is not None and row.received_through == result.seq_to
    model = board.model
    assert model.data(model.index(0, COL_RECEIVED)) == str(result.seq_to)
    assert model.data(model.index(0, COL_LAST_BUNDLE)) not in ("", "尚未收到")
    assert board.status_label.text() == "1 个数据包：1 个已导入"

    # the same file again changes nothing and says so
    choose(monkeypatch, "getOpenFileNames", ([str(result.path)], ""))
    board.import_button.click()
    again = board.dialog
    assert isinstance(again, ImportReportDialog)
    assert [r.status for r in again.reports] == [ALREADY]
    assert "导入过" in again.cell_text(0, 7)


def test_refused_files_are_red_in_the_report(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    board = make_page(qtbot, stores["township_paired"], templates.township_keys)
    bad = tmp_path / "430121101201-1-3-x.qzb"
    bad.write_bytes(b"PK\x03\x04 truncated")
    choose(monkeypatch, "getOpenFileNames", ([str(bad)], ""))
    board.import_button.click()
    report = board.dialog
    assert isinstance(report, ImportReportDialog)
    assert [r.status for r in report.reports] == [REFUSED]
    assert report.summary_label.text() == "1 个数据包：1 个被拒绝"
    status = report.table.item(0, 1)
    assert status is not None and status.text() == "已拒绝"
    assert red(status.foreground().color())
    assert report.cell_text(0, 7)  # the reason, in Chinese
    assert board.model is not None and board.model.peer(0).received_through == 0  # type: ignore[union-attr]


def test_cancel_keeps_the_database_as_it_was(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    station = stores["station_paired"]
    add_household(station)
    bundles = SyncService(station.db, station.home).export_bundles(tmp_path, templates.station_keys)
    board = make_page(qtbot, stores["township_paired"], templates.township_keys)
    monkeypatch.setattr(CancelToken, "cancelled", property(lambda _self: True))  # 取消 at once
    board.import_paths([bundles[0].path])
    assert "导入已取消" in board.status_label.text()
    assert board.dialog is None
    assert board.model is not None and board.model.peer(0).received_through == 0  # type: ignore[union-attr]


def test_township_dispatch_for_the_selected_station_reaches_it(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    station = stores["station_paired"]
    add_household(station)
    station_sync = SyncService(station.db, station.home)
    (tmp_path / "up").mkdir()
    sent = station_sync.export_bundles(tmp_path / "up", templates.station_keys)
    township = stores["township_paired"]
    imported = SyncService(township.db, township.home).import_bundles(
        [sent[0].path], templates.township_keys
    )
    assert [r.status for r in imported] == [APPLIED], imported[0].message
    board = make_page(qtbot, township, templates.township_keys)
    assert not board.export_selected_button.isEnabled()
    board.select_station("430121101201")
    assert board.export_selected_button.isEnabled()
    down = tmp_path / "down"
    down.mkdir()
    choose(monkeypatch, "getExistingDirectory", str(down))
    board.export_selected_button.click()
    dialog = board.dialog
    assert isinstance(dialog, ExportResultDialog)
    assert [r.recipient_code for r in dialog.results] == ["430121101201"]
    assert dialog.results[0].kind == "dispatch"

    # the station imports it: its changes are acknowledged
    page = make_page(qtbot, station, templates.station_keys)
    assert page.township.pending_out > 0
    choose(monkeypatch, "getOpenFileNames", ([str(dialog.results[0].path)], ""))
    page.import_button.click()
    report = page.dialog
    assert isinstance(report, ImportReportDialog)
    # nothing new but the acknowledgement (the configuration came with the kit): the
    # importer calls that "already had"; what matters is that the changes are confirmed
    assert [r.status for r in report.reports] in ([APPLIED], [ALREADY])
    assert page.township.pending_out == 0
    assert page.township_values["pending"].text() == "无"
    assert page.township_values["received"].text() not in ("", "尚未导入")


def test_township_exports_the_station_kit(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    board = make_page(qtbot, stores["township"], templates.township_keys)
    assert not board.export_button.isEnabled()  # no station yet
    choose(monkeypatch, "getSaveFileName", (str(tmp_path / "工作包"), ""))
    board.kit_button.click()
    kit = tmp_path / "工作包.qzkit"
    assert kit.is_file()
    info = board.sync.read_station_kit(kit)
    assert info.township_name == TOWNSHIP_NAME
    assert info.fingerprint == templates.township_keys.fingerprint
    assert str(kit) in board.status_label.text()


# keys -------------------------------------------------------------------------------------
def test_passphrase_from_the_environment_and_asked_once(
    qtbot: QtBot, stores: dict[str, Store], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    station = stores["station_paired"]
    page = make_page(qtbot, station)
    monkeypatch.setenv(PASSPHRASE_ENV, PASS)
    calls: list[int] = []
    real = passphrase_dialog.ask_keys

    def counting(parent: object, sync: SyncService) -> NodeKeys | None:
        calls.append(1)
        return real(parent, sync)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_page, "ask_keys", counting)
    choose(monkeypatch, "getExistingDirectory", str(tmp_path))
    page.export_button.click()
    page.export_button.click()
    assert calls == [1]  # kept for the session
    assert page.keys is not None and page.keys.fingerprint == page.sync.fingerprint()


def test_passphrase_dialog_explains_a_wrong_passphrase(
    qtbot: QtBot, stores: dict[str, Store]
) -> None:
    store = stores["station"]
    dialog = PassphraseDialog(SyncService(store.db, store.home))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.error_label.text() == "请输入密钥口令。"
    dialog.field.setText("wrong-pass")
    dialog.ok_button.click()
    assert dialog.isVisible() and "口令不正确" in dialog.error_label.text()
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
    dialog.field.setText(PASS)
    dialog.ok_button.click()
    assert not dialog.isVisible() and dialog.keys is not None


def test_wrong_environment_passphrase_falls_back_to_asking(
    qtbot: QtBot, stores: dict[str, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = stores["station"]
    monkeypatch.setenv(PASSPHRASE_ENV, "wrong-pass")
    seen: list[str] = []

    def answer(dialog: PassphraseDialog) -> int:
        seen.append(dialog.error_label.text())
        return 0  # cancelled

    monkeypatch.setattr(PassphraseDialog, "exec", answer)
    assert ask_keys(None, SyncService(store.db, store.home)) is None
    assert seen and "口令不正确" in seen[0]


@pytest.mark.usefixtures("keys_made_once")  # two key pairs, each sealed once per run
def test_a_pc_without_keys_can_create_them(
    qtbot: QtBot, _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    home = tmp_path / "old-station"
    shutil.copytree(_template_dirs[1], home)
    store = Store(home=home, db=Database(database_path(home), user="测试员"))
    try:
        page = make_page(qtbot, store)
        assert page.fingerprint_label.text() == "尚未生成"
        assert page.keys_button.isVisibleTo(page)
        page.keys_button.click()
        dialog = page.dialog
        assert isinstance(dialog, NewKeysDialog)
        dialog.field.setText("abc")
        dialog.again.setText("abc")
        dialog.ok_button.click()
        assert "至少 6 个字符" in dialog.error_label.text()
        dialog.field.setText(PASS)
        dialog.again.setText(PASS + "x")
        dialog.ok_button.click()
        assert "不一致" in dialog.error_label.text()
        dialog.again.setText(PASS)
        dialog.ok_button.click()
        assert page.sync.has_keys()
        assert page.fingerprint_label.text() == page.sync.fingerprint()
        assert not page.keys_button.isVisibleTo(page)
        first = page.sync.fingerprint()

        # the passphrase is lost: new keys, a new epoch, and the page says what next
        assert page.rekey_button.isVisibleTo(page)
        page.rekey_button.click()
        dialog = page.dialog
        assert isinstance(dialog, NewKeysDialog) and dialog.replace
        assert "重新登记" in dialog.windowTitle() + dialog.findChild(QLabel).text()
        dialog.field.setText(PASS)
        dialog.again.setText(PASS)
        dialog.ok_button.click()
        assert page.sync.fingerprint() != first
        assert page.fingerprint_label.text() == page.sync.fingerprint()
        assert "重新导出登记表" in page.status_label.text() and page.keys is None
        assert list((home / "keys").glob("retired-*"))
    finally:
        store.close()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3f2a9c01ab12cd34ef567890b8d05678", "3F2A 9C01 AB12 CD34 EF56 7890 B8D0 5678"),
        ("3F2A-9C01-AB12-CD34-EF56-7890-B8D0-5678", "3F2A 9C01 AB12 CD34 EF56 7890 B8D0 5678"),
        (" 3f2a 9c01 ab12 cd34\tef56 7890 b8d0 5678 ", "3F2A 9C01 AB12 CD34 EF56 7890 B8D0 5678"),
        ("3F2A 9C01 AB12 CD34 EF56 7890 B8D0 567", None),
        ("3F2A 9C01 AB12 CD34 EF56 7890 B8D0 567G", None),
        ("", None),
    ],
)
def test_fingerprints_are_typed_loosely(typed: str, expected: str | None) -> None:
    assert normalise_fingerprint(typed) == expected


# the board and the report dialogs, on their own ---------------------------------------------
def _peer(**kw: object) -> PeerStatus:
    values: dict[str, object] = dict(
        node_id="n1", role="station", code="430121101201", name="白沙村群众工作站", epoch=1,
        fingerprint="3F2A 9C01 AB12 CD34 EF56 7890 B8D0 5678", enrolled=True,
        received_through=12, last_received_at=dt.datetime(2026, 11, 16, 1, 30),
        missing=None, acked_through=3, pending_out=2, last_sent_at=None,
        open_items=4, overdue_items=0,
    )  # fmt: skip
    values.update(kw)
    return PeerStatus(**values)  # type: ignore[arg-type]


def test_stations_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = StationsTableModel()
    model.set_peers(
        [
            _peer(),
            _peer(node_id="n2", code="430121101202", name="新村", enrolled=False,
                  missing=(13, 15), overdue_items=2, last_received_at=None),
            _peer(node_id="t", role="township", code="430121101", name="白沙镇"),
        ]
    )  # fmt: skip
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # the township's own row is not a station
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "工作站"
    cell = lambda row, column: model.data(model.index(row, column))  # noqa: E731
    fg = lambda row, column: model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)  # noqa: E731
    assert cell(0, COL_ENROLLED) == "是" and cell(1, COL_ENROLLED) == "待确认指纹"
    assert cell(0, COL_MISSING) == "" and cell(1, COL_MISSING) == "13–15"
    assert red(fg(1, COL_MISSING)) and not red(fg(0, COL_MISSING))
    assert cell(1, COL_OVERDUE) == "2" and red(fg(1, COL_OVERDUE)) and not red(fg(0, COL_OVERDUE))
    assert cell(0, COL_PENDING) == "2"
    local = dt.datetime(2026, 11, 16, 1, 30, tzinfo=dt.UTC).astimezone()
    assert cell(0, COL_LAST_BUNDLE) == local.strftime("%Y-%m-%d %H:%M")
    assert cell(1, COL_LAST_BUNDLE) == "尚未收到"


def test_import_summary_and_export_counts(qtbot: QtBot) -> None:
    reports = [
        ImportReport(Path("a.qzb"), APPLIED, "已导入 3 条变更。", applied=3, seq_from=1, seq_to=3),
        ImportReport(Path("b.qzb"), APPLIED, "已导入 1 条变更。", applied=1, flagged=1),
        ImportReport(Path("c.qzb"), REFUSED, "数据包已损坏。", code="bundle.not_zip"),
    ]
    assert import_summary(reports) == "3 个数据包：2 个已导入，1 个被拒绝"
    assert import_summary([*reports[:1], ImportReport(Path("d"), ALREADY, "")]) == (
        "2 个数据包：1 个已导入，1 个此前已导入过"
    )
    dialog = ImportReportDialog(reports)
    qtbot.addWidget(dialog)
    assert dialog.cell_text(0, 3) == "1–3" and dialog.cell_text(2, 3) == ""
    assert red(dialog.table.item(2, 7).foreground().color())  # type: ignore[union-attr]
    assert not red(dialog.table.item(0, 1).foreground().color())  # type: ignore[union-attr]
    assert summary_text({"households": 3, "persons": 10, "items": 0, "events": 5}) == (
        "户 3，居民 10，办理记录 5"
    )
    assert summary_text({"diary": 1, "other": 2, "config": 1}) == "日记 1，配置 1，其他 2"
    assert summary_text({"stations": 1, "persons": 2}) == "居民 2，工作站名单 1"  # a county bundle
    assert summary_text({}) == "无新变更"


def test_the_townships_new_kit_asks_for_its_new_fingerprint(
    qtbot: QtBot, stores: dict[str, Store], templates: Templates, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    station = stores["station_paired"]
    page = make_page(qtbot, station, templates.station_keys)
    township = SyncService(stores["township_paired"].db, stores["township_paired"].home)
    new_keys = NodeKeys.generate()  # the township lost its passphrase: new keys, epoch 2
    township.start_new_epoch()
    kit = township.write_station_kit(tmp_path / "新工作包.qzkit", new_keys)
    choose(monkeypatch, "getOpenFileName", (str(kit), ""))
    page.kit_button.click()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "导入").click()
    dialog = page.dialog
    assert isinstance(dialog, FingerprintDialog)
    assert dialog.windowTitle() == "核对乡镇新密钥"
    dialog.field.setText("0000 1111 2222 3333 4444 5555 6666 7777")
    dialog.ok_button.click()
    assert dialog.isVisible() and "不一致" in dialog.error_label.text()  # nothing taken
    assert SyncService(station.db, station.home).peers()[0].fingerprint != new_keys.fingerprint
    dialog.field.setText(new_keys.fingerprint.lower())
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert SyncService(station.db, station.home).peers()[0].fingerprint == new_keys.fingerprint
    assert "已导入" in page.status_label.text()
