"""The log keeps no personal numbers; ``--version`` says where things are (issue 14, item 6)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from qunzhong_desktop.app import setup_logging
from qunzhong_desktop.cli import main
from qunzhong_desktop.storage.migrate import HEAD_REVISION
from tests.helpers.roster_builder import make_id


def test_the_log_masks_id_numbers_and_phones(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    id_number = make_id("19580301", "021")
    try:
        try:
            raise ValueError(f"身份证号 {id_number} 与电话 13912345678 不符")
        except ValueError:
            logging.getLogger("qunzhong_desktop.test").exception("保存失败")
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", "") == str(path):
                handler.close()
                logging.getLogger().removeHandler(handler)
    text = path.read_text(encoding="utf-8")
    assert "保存失败" in text and "ValueError" in text  # the traceback is there
    assert id_number not in text and "13912345678" not in text
    assert "139****5678" in text


def test_version_says_where_the_data_schema_and_log_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "数据 目录"
    with pytest.raises(SystemExit) as done:
        main(["--home", str(home), "--version"])
    assert done.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("qunzhong ") and lines[1] == f"数据目录：{home.resolve()}"
    assert lines[2].startswith(f"数据库版本：程序 {HEAD_REVISION}") and lines[3].endswith(
        "qunzhong.log"
    )
