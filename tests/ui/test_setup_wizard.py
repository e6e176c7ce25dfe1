from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.storage.setup import init_township, node_role, township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.node import PASSPHRASE_ENV, keys_dir
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.ui.setup import setup_pages, setup_wizard
from qunzhong_desktop.ui.setup.setup_wizard import SetupWizard
from tests.helpers.register_data import type_text
from tests.helpers.sealed import PASSPHRASE as PASS
from tests.helpers.sealed import SealedKeys
from tests.helpers.stations import STATION, copy_store

# making the keys is this wizard's last step, not what most of these tests are about: the
# keys come from a pool, each sealed once per passphrase (tests/helpers/ui_keys.py), and
# the passphrase typed is the session's sealed keys' (PASS), sealed already
pytestmark = pytest.mark.usefixtures("keys_made_once")

PAGE1 = ("code", "name", "township_code", "township_name")


@pytest.fixture(autouse=True)
def no_preset_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)


def make_wizard(qtbot: QtBot, store: Store, role: str = "station") -> SetupWizard:
    """A wizard past its first page, on the path of ``role``."""
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    (wizard.role_page.township if role == "township" else wizard.role_page.station).click()
    wizard.next()
    return wizard


def fill(wizard: SetupWizard, values: dict[str, str]) -> None:
    for key, value in values.items():
        wizard.station_fields.fields[key].edit.setText(value)


def finish(wizard: SetupWizard, passphrase: str, again: str | None = None) -> None:
    """Type the passphrase on its page and press 完成设置."""
    assert wizard.currentId() == wizard.passphrase_page_id
    wizard.passphrase_page.first.edit.setText(passphrase)
    wizard.passphrase_page.second.edit.setText(passphrase if again is None else again)
    wizard.button(QWizard.WizardButton.CommitButton).click()


def test_valid_input_creates_the_station(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fill(wizard, {k: STATION[k] for k in PAGE1})
    wizard.next()
    assert wizard.currentId() == wizard.contact_page_id
    fill(wizard, {k: v for k, v in STATION.items() if k not in PAGE1})
    wizard.next()
    assert wizard.currentId() == wizard.kit_page_id
    wizard.next()  # no kit yet
    finish(wizard, PASS)
    assert wizard.currentId() == wizard.done_page_id
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert empty_store.is_set_up()
    station = empty_store.register.station()
    assert station is not None
    assert (station.code, station.name, station.operator) == (
        "430121101201",
        "白沙村群众工作站",
        "李秀英",
    )
    assert station.supervision_phone == STATION["supervision_phone"]
    sync = SyncService(empty_store.db, empty_store.home)
    assert sync.load_keys(PASS).fingerprint == wizard.fingerprint
    assert wizard.done_page.fingerprint.text() == wizard.fingerprint


def test_invalid_station_code_is_explained_and_nothing_is_lost(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store)
    typed = {
        "code": "43012110120X",
        "name": "白沙村群众工作站",
        "township_code": "430121101",
        "township_name": "白沙镇",
    }
    fill(wizard, typed)
    wizard.next()
    assert wizard.currentId() == wizard.station_page_id  # refused
    fields = wizard.station_fields.fields
    assert "第 12 位“X”不是数字" in fields["code"].error_text()
    assert fields["name"].error_text() == ""
    for key, value in typed.items():
        assert fields[key].text() == value
    assert not empty_store.is_set_up()
    # correcting the value clears the message, and the wizard moves on
    fields["code"].edit.clear()
    qtbot.keyClicks(fields["code"].edit, "430121101201")
    assert fields["code"].error_text() == ""
    wizard.next()
    assert wizard.currentId() == wizard.contact_page_id


def test_missing_names_and_bad_phone_are_shown_next_to_their_fields(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fill(wizard, {"code": "430121101201"})
    wizard.next()
    fields = wizard.station_fields.fields
    assert fields["name"].error_text() == "请填写工作站名称。"
    assert fields["township_name"].error_text() == "请填写乡镇名称。"
    assert fields["township_code"].error_text() == ""  # filled in from the station code
    fill(wizard, {"name": "白沙村群众工作站", "township_name": "白沙镇"})
    wizard.next()
    fill(wizard, {"phone": "12345", "operator": "李秀英"})
    wizard.next()
    assert wizard.currentId() == wizard.contact_page_id
    assert "12345" in fields["phone"].error_text()
    assert fields["phone"].text() == "12345"
    assert fields["operator"].text() == "李秀英"
    assert not empty_store.is_set_up()


def test_township_code_follows_the_station_code_until_typed(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fields = wizard.station_fields.fields
    qtbot.keyClicks(fields["code"].edit, "430121101201")
    assert fields["township_code"].text() == "430121101"
    fields["township_code"].edit.clear()
    qtbot.keyClicks(fields["township_code"].edit, "430121102")
    fields["code"].edit.setText("430121103201")
    assert fields["township_code"].text() == "430121102"
    wizard.next()
    assert "前 9 位" in fields["township_code"].error_text()


def test_enter_goes_to_the_next_step(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store)
    fill(wizard, {k: STATION[k] for k in PAGE1})
    edit = wizard.station_fields.fields["township_name"].edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.currentId() == wizard.contact_page_id


def test_an_already_set_up_store_is_refused_with_a_message(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "qunzhong_desktop.ui.setup.setup_wizard.show_error",
        lambda _parent, exc: shown.append(str(exc)),
    )
    wizard = make_wizard(qtbot, store)
    fill(wizard, STATION)
    wizard.next()
    wizard.next()
    wizard.next()
    finish(wizard, PASS)
    assert shown and "不能再次初始化" in shown[0]
    assert wizard.currentId() == wizard.passphrase_page_id
    assert wizard.station_fields.fields["name"].text() == STATION["name"]
    assert not SyncService(store.db, store.home).has_keys()


# the passphrase ---------------------------------------------------------------------------
def station_to_passphrase(wizard: SetupWizard) -> None:
    fill(wizard, STATION)
    wizard.next()
    wizard.next()
    wizard.next()


def test_a_passphrase_typed_differently_twice_is_refused(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store)
    station_to_passphrase(wizard)
    finish(wizard, PASS, again=PASS + "4")
    page = wizard.passphrase_page
    assert wizard.currentId() == wizard.passphrase_page_id
    assert "不一样" in page.second.error_text()
    assert page.first.error_text() == ""
    assert (page.first.text(), page.second.text()) == (PASS, PASS + "4")
    assert not empty_store.is_set_up()
    assert not SyncService(empty_store.db, empty_store.home).has_keys()
    # typing it again clears the message, and the set-up goes through
    page.second.edit.clear()
    type_text(qtbot, page.second.edit, PASS)
    assert page.second.error_text() == ""
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentId() == wizard.done_page_id


def test_a_short_passphrase_is_refused(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store)
    station_to_passphrase(wizard)
    finish(wizard, "12345")
    page = wizard.passphrase_page
    assert wizard.currentId() == wizard.passphrase_page_id
    assert "至少要 6 个字符" in page.first.error_text()
    assert page.first.text() == "12345"
    assert not empty_store.is_set_up()
    assert not SyncService(empty_store.db, empty_store.home).has_keys()


def test_the_passphrase_comes_from_the_environment(
    qtbot: QtBot, empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, PASS)
    wizard = make_wizard(qtbot, empty_store)
    page = wizard.passphrase_page
    assert page.first.text() == page.second.text() == PASS
    station_to_passphrase(wizard)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    assert wizard.currentId() == wizard.done_page_id
    keys = SyncService(empty_store.db, empty_store.home).load_keys(PASS)
    assert wizard.done_page.fingerprint.text() == keys.fingerprint


# the township path ------------------------------------------------------------------------
def fill_township(wizard: SetupWizard, code: str, name: str, phone: str = "") -> None:
    for key, value in (("code", code), ("name", name), ("phone", phone)):
        wizard.township_fields.fields[key].edit.setText(value)


def test_the_township_path_creates_a_township_with_keys(qtbot: QtBot, empty_store: Store) -> None:
    wizard = make_wizard(qtbot, empty_store, "township")
    assert wizard.currentId() == wizard.township_page_id
    fill_township(wizard, " 430121101 ", "白沙镇群众工作办", "0731-84560000")
    wizard.next()
    assert wizard.currentId() == wizard.passphrase_page_id
    assert "第 3 步" in wizard.passphrase_page.title()
    finish(wizard, PASS)
    assert wizard.currentId() == wizard.done_page_id
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert node_role(empty_store.db) == "township"
    assert empty_store.is_set_up()
    assert township_profile(empty_store.db) == ("430121101", "白沙镇群众工作办", "0731-84560000")
    sync = SyncService(empty_store.db, empty_store.home)
    assert sync.has_keys()
    assert wizard.done_page.fingerprint.text() == sync.fingerprint() == wizard.fingerprint
    assert "白沙镇群众工作办" in wizard.done_page.summary.text()
    assert empty_store.register.station() is None


def test_wrong_township_fields_are_explained_and_nothing_is_lost(
    qtbot: QtBot, empty_store: Store
) -> None:
    wizard = make_wizard(qtbot, empty_store, "township")
    fill_township(wizard, "43012110", "", "0731-8456")  # a hotline would be valid
    wizard.next()
    assert wizard.currentId() == wizard.township_page_id
    fields = wizard.township_fields.fields
    assert "9 位数字" in fields["code"].error_text()
    assert fields["name"].error_text() == "请填写乡镇群众工作办名称。"
    assert "位数不够" in fields["phone"].error_text()
    assert [fields[k].text() for k in ("code", "name", "phone")] == ["43012110", "", "0731-8456"]
    fill_township(wizard, "430121101", "白沙镇群众工作办", "")
    wizard.next()
    assert wizard.currentId() == wizard.passphrase_page_id
    assert all(f.error_text() == "" for f in fields.values())
    assert not empty_store.is_set_up()


# the station kit --------------------------------------------------------------------------
def write_kit(
    template: Path, folder: Path, code: str = "430121101", name: str = "白沙镇群众工作办"
) -> tuple[Path, str]:
    """A station kit written by a township store made for the test."""
    township = copy_store(template, folder)
    try:
        init_township(township.db, code, name, "0731-84560000")
        keys = NodeKeys.generate()
        path = SyncService(township.db, township.home).write_station_kit(
            folder / "白沙镇.qzkit", keys
        )
    finally:
        township.close()
    return path, keys.fingerprint


def to_kit_page(qtbot: QtBot, store: Store) -> SetupWizard:
    wizard = make_wizard(qtbot, store)
    fill(wizard, STATION)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == wizard.kit_page_id
    return wizard


def test_a_kit_is_shown_checked_and_taken(
    qtbot: QtBot,
    empty_store: Store,
    _template_dirs: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kit_path, township_fingerprint = write_kit(_template_dirs[0], tmp_path / "township")
    monkeypatch.setattr(setup_pages, "choose_kit_file", lambda _parent: str(kit_path))
    wizard = to_kit_page(qtbot, empty_store)
    page = wizard.kit_page
    page.browse.click()
    assert page.file.text() == str(kit_path)
    assert page.file.error_text() == ""
    assert page.info.isVisible()
    assert page.info_name.text() == "白沙镇群众工作办"
    assert page.info_code.text() == "430121101"
    assert page.info_fingerprint.text() == township_fingerprint
    wizard.next()
    finish(wizard, PASS)
    assert wizard.currentId() == wizard.done_page_id
    assert wizard.kit is not None and wizard.kit.fingerprint == township_fingerprint
    assert "已导入白沙镇群众工作办" in wizard.done_page.kit_note.text()
    with empty_store.db.session() as s:
        peer = s.scalars(select(SyncPeer)).one()
        assert (peer.role, peer.code) == ("township", "430121101")


def test_a_kit_of_another_township_is_refused(
    qtbot: QtBot, empty_store: Store, _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    kit_path, _fingerprint = write_kit(
        _template_dirs[0], tmp_path / "township", code="430121102", name="黄花镇群众工作办"
    )
    wizard = to_kit_page(qtbot, empty_store)
    page = wizard.kit_page
    page.file.edit.setText(str(kit_path))
    wizard.next()
    assert wizard.currentId() == wizard.kit_page_id
    assert "黄花镇群众工作办（430121102）" in page.file.error_text()
    assert "430121101" in page.file.error_text()
    assert page.file.text() == str(kit_path)
    # the kit is optional: clear the box and go on
    page.file.edit.clear()
    wizard.next()
    assert wizard.currentId() == wizard.passphrase_page_id
    finish(wizard, PASS)
    assert "还没有导入" in wizard.done_page.kit_note.text()


def test_a_missing_or_damaged_kit_file_is_explained(
    qtbot: QtBot, empty_store: Store, tmp_path: Path
) -> None:
    wizard = to_kit_page(qtbot, empty_store)
    page = wizard.kit_page
    page.file.edit.setText(str(tmp_path / "没有.qzkit"))
    wizard.next()
    assert wizard.currentId() == wizard.kit_page_id
    assert "找不到文件" in page.file.error_text()
    junk = tmp_path / "坏的.qzkit"
    junk.write_bytes(b"not a kit")
    page.file.edit.setText(str(junk))
    wizard.next()
    assert wizard.currentId() == wizard.kit_page_id
    assert page.file.error_text()
    assert not page.info.isVisible()


def test_a_kit_refused_at_the_end_leaves_the_station_set_up(
    qtbot: QtBot,
    empty_store: Store,
    _template_dirs: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kit_path, _fingerprint = write_kit(_template_dirs[0], tmp_path / "township")
    wizard = to_kit_page(qtbot, empty_store)
    wizard.kit_page.file.edit.setText(str(kit_path))
    wizard.next()

    def refuse(_path: Path) -> None:
        raise DomainError("工作包已损坏。", code="bundle.test")

    monkeypatch.setattr(wizard.sync, "accept_station_kit", refuse)
    finish(wizard, PASS)
    assert wizard.currentId() == wizard.done_page_id
    assert empty_store.is_set_up()
    assert "工作包已损坏" in wizard.done_page.kit_note.text()
    # closing the window now is the same as 开始使用
    with qtbot.waitSignal(wizard.accepted):
        wizard.reject()


def test_a_kit_is_checked_again_when_the_township_code_changes(
    qtbot: QtBot, empty_store: Store, _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    kit_path, _fingerprint = write_kit(_template_dirs[0], tmp_path / "township")
    wizard = to_kit_page(qtbot, empty_store)
    wizard.kit_page.file.edit.setText(str(kit_path))
    wizard.next()
    assert wizard.currentId() == wizard.passphrase_page_id
    # back to the station: it now lies in another township
    wizard.back()
    wizard.back()
    wizard.back()
    fill(wizard, {"code": "430121102201", "township_code": "430121102"})
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == wizard.kit_page_id
    assert "430121102" in wizard.kit_page.file.error_text()


def test_a_field_refused_at_the_end_is_shown_on_its_page(
    qtbot: QtBot, empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_db: object, _profile: object) -> None:
        raise ValidationError("这个号码已停用。", code="phone.test", field="phone")

    monkeypatch.setattr("qunzhong_desktop.ui.setup.setup_wizard.init_station", refuse)
    wizard = make_wizard(qtbot, empty_store)
    station_to_passphrase(wizard)
    finish(wizard, PASS)
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.contact_page_id)
    assert wizard.station_fields.fields["phone"].error_text() == "这个号码已停用。"
    assert not SyncService(empty_store.db, empty_store.home).has_keys()


# the county path (issue 19) -------------------------------------------------------------------
def county_wizard(qtbot: QtBot, store: Store) -> SetupWizard:
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.role_page.county.click()
    wizard.next()
    assert wizard.currentId() == wizard.county_page_id
    return wizard


def test_the_county_path_creates_a_county_on_this_pc(qtbot: QtBot, empty_store: Store) -> None:
    from qunzhong_desktop.storage.server import server_url
    from qunzhong_desktop.storage.setup import county_profile

    wizard = county_wizard(qtbot, empty_store)
    page = wizard.county_page
    assert page.local.isChecked() and not page.url.isEnabled()
    wizard.next()  # nothing typed: said under each box, the page stays
    assert wizard.currentId() == wizard.county_page_id
    assert "6 位数字" in page.code.error_text()
    assert page.name.error_text() == "请填写县（市、区）群众工作部名称。"
    page.code.edit.setText("430100")  # a city, not a county
    page.name.edit.setText("长沙县群众工作部")
    wizard.next()
    assert "不是有效的县级区划代码" in page.code.error_text()
    assert page.name.text() == "长沙县群众工作部"  # nothing typed is lost
    page.code.edit.setText(" 430121 ")
    wizard.next()
    assert "第 3 步" in wizard.passphrase_page.title()
    finish(wizard, PASS)
    assert wizard.currentId() == wizard.done_page_id
    assert node_role(empty_store.db) == "county" and wizard.store is empty_store
    assert county_profile(empty_store.db) == ("430121", "长沙县群众工作部")
    assert server_url(empty_store.home) is None
    assert "本机文件" in wizard.done_page.kit_note.text()
    assert "导出县级工作包" in wizard.done_page.next_step.text()
    assert (
        wizard.done_page.fingerprint.text()
        == SyncService(empty_store.db, empty_store.home).fingerprint()
    )


def test_the_county_path_offers_the_county_kit(
    qtbot: QtBot, empty_store: Store, sealed_keys: tuple[SealedKeys, SealedKeys],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    sealed = sealed_keys[0]  # keys already on this PC: opened, not made (no scrypt to seal)
    sealed.copy_to(keys_dir(empty_store.home))
    wizard = county_wizard(qtbot, empty_store)
    wizard.county_page.code.edit.setText("430121")
    wizard.county_page.name.edit.setText("长沙县群众工作部")
    wizard.next()
    done = wizard.done_page
    assert done.kit_button.isHidden()  # before the county exists there is nothing to export
    finish(wizard, sealed.passphrase)
    assert wizard.currentId() == wizard.done_page_id
    assert done.kit_button.isVisibleTo(wizard) and done.kit_written.isHidden()
    assert done.fingerprint.text() == sealed.keys.fingerprint
    offered: list[str] = []

    def chooser(answer: str) -> None:
        def choose(_parent: object, suggested: str) -> str:
            offered.append(suggested)
            return answer

        monkeypatch.setattr(setup_wizard, "choose_county_kit_file", choose)

    chooser("")  # cancelled: nothing written, nothing said
    done.kit_button.click()
    assert offered == ["长沙县群众工作部-县级工作包.qzkit"] and done.kit_written.isHidden()
    chooser(str(tmp_path / "no-such-folder" / "kit.qzkit"))
    assert wizard.export_county_kit() is None
    assert done.kit_written.text().startswith("县级工作包没有导出：")
    assert not (tmp_path / "no-such-folder").exists()
    chooser(str(tmp_path / "县级工作包"))  # the suffix is added
    done.kit_button.click()
    kit = tmp_path / "县级工作包.qzkit"
    assert kit.is_file() and str(kit) in done.kit_written.text()
    assert "告诉他们核对" in done.kit_written.text()
    info = SyncService(empty_store.db, empty_store.home).read_county_kit(kit)
    assert (info.county_code, info.county_name) == ("430121", "长沙县群众工作部")
    assert info.fingerprint == done.fingerprint.text()  # the one shown above the button


def test_a_wrong_server_address_is_said_under_its_box(qtbot: QtBot, empty_store: Store) -> None:
    wizard = county_wizard(qtbot, empty_store)
    page = wizard.county_page
    page.code.edit.setText("430121")
    page.name.edit.setText("长沙县群众工作部")
    page.server.click()
    assert page.url.isEnabled() and page.test_button.isEnabled()
    page.url.edit.setText("mysql://qunzhong@127.0.0.1/qunzhong")
    page.test_connection()
    assert "只支持 PostgreSQL" in page.url.error_text()
    wizard.next()
    assert wizard.currentId() == wizard.county_page_id
    page.url.edit.setText("postgresql+psycopg://qunzhong:secret99@127.0.0.1:1/qunzhong")
    page.test_connection()  # nobody listens on port 1
    assert page.url.error_text() and "secret99" not in page.url.error_text()
    assert page.tested == ""
    shots = Path("/tmp/countyui")  # looked at by eye
    shots.mkdir(parents=True, exist_ok=True)
    assert wizard.grab().save(str(shots / "wizard-county.png"))
    wizard.next()  # the form is right; the server is reached at 完成设置
    finish(wizard, PASS)
    qtbot.waitUntil(lambda: wizard.currentId() == wizard.county_page_id)  # back to the address
    assert page.url.error_text() and "secret99" not in page.url.error_text()
    assert node_role(empty_store.db) == ""


@pytest.mark.pg
def test_the_county_path_on_a_database_server(
    qtbot: QtBot, empty_store: Store, pg_url: str
) -> None:
    from qunzhong_desktop.storage.server import server_url

    wizard = county_wizard(qtbot, empty_store)
    page = wizard.county_page
    page.code.edit.setText("430121")
    page.name.edit.setText("长沙县群众工作部")
    page.server.click()
    page.url.edit.setText(pg_url)
    page.test_connection()
    assert page.tested and page.answer.text().startswith("连接成功")
    wizard.next()
    finish(wizard, PASS)
    assert wizard.currentId() == wizard.done_page_id
    store = wizard.store
    try:
        assert store is not empty_store and store.db.on_server
        assert node_role(store.db) == "county" and node_role(empty_store.db) == ""
        assert server_url(empty_store.home) is not None
        assert SyncService(store.db, store.home).has_keys()
    finally:
        store.close()
