"""The window says why it cannot start, instead of a traceback (issue 10, case 9)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from qunzhong_desktop import app
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    return shown


def test_a_data_folder_that_is_a_file(qapp, tmp_path: Path, told: list[str]) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "file"
    home.write_text("x")
    assert app.main(["--home", str(home)]) == 1
    assert told and "是一个文件" in told[0]


def test_a_database_of_a_newer_program(qapp, tmp_path: Path, told: list[str]) -> None:  # type: ignore[no-untyped-def]
    migrate.upgrade(database_path(tmp_path))
    with sqlite3.connect(database_path(tmp_path)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    assert app.main(["--home", str(tmp_path)]) == 1
    assert told and "更新版本" in told[0]
