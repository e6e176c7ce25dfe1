"""The English translation is kept complete and compiled (Chinese is the source language)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.shell import application

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qunzhong_en.ts"
QM = ROOT / "resources" / "translations" / "qunzhong_en.qm"
UI = ROOT / "src" / "qunzhong_desktop" / "ui"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed")
    return path


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_ui_string_has_a_finished_english_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(extracted)],
        check=True,
        capture_output=True,
    )
    committed = messages(TS)
    problems = []
    for key in messages(extracted):
        message = committed.get(key)
        translation = message.find("translation") if message is not None else None
        if translation is None:
            problems.append(f"missing: {key}")
        elif translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{translation.get('type')}: {key}")
        elif not (translation.text or "").strip() and not translation.findall("numerusform"):
            problems.append(f"empty: {key}")
    assert not problems, "run packaging/update_translations.sh and translate these:\n" + "\n".join(
        problems
    )


def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run packaging/update_translations.sh"


def test_language_choice() -> None:
    assert application.wants_english({"QUNZHONG_LANG": "en"})
    assert application.wants_english({"QUNZHONG_LANG": "en_US"})
    assert not application.wants_english({"QUNZHONG_LANG": "zh"})
    from PySide6.QtCore import QLocale

    assert application.wants_english({}, QLocale(QLocale.Language.English))
    assert not application.wants_english({}, QLocale(QLocale.Language.Chinese))
    assert not application.wants_english({}, QLocale(QLocale.Language.German))


def test_english_main_window(qtbot: QtBot, qapp: QApplication, store: Store) -> None:
    application.install_translators(qapp, english=True)
    try:
        window = application.create_main_window(store)
        qtbot.addWidget(window)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert titles == [
            "Dashboard", "Register", "Intake", "Diary", "Opinion", "Ledgers", "Sync", "Conflicts",
            "Settings",
        ]  # fmt: skip
        assert "USB stick" in window.about_text()
    finally:
        application.install_translators(qapp, english=False)


@pytest.mark.parametrize("accept", ["save", "open"])
def test_qt_file_dialog_has_no_english_label(qtbot: QtBot, accept: str) -> None:
    """qtbase_zh_CN lacks "Look in:" and "Files of type:": qt_extra_zh_CN.ts supplies them."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QToolButton

    application.install_translators(QApplication.instance(), english=False)  # type: ignore[arg-type]
    dialog = QFileDialog(None, "导出", str(Path.home()), "Excel 工作簿 (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    mode = QFileDialog.AcceptMode
    dialog.setAcceptMode(mode.AcceptSave if accept == "save" else mode.AcceptOpen)
    dialog.show()
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in dialog.findChildren(QToolButton)]
    english = [t for t in texts if re.search(r"[A-Za-z]{2,}", t.replace("&", ""))]
    assert english == []
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
