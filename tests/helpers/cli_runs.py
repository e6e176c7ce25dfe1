"""Running the real CLI in-process against one data folder (the issue 18 command tests)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main

#: ``qunzhong init station`` of the test station (白沙村, operator 李秀英)
STATION_INIT = (
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇", "--phone", "0731-84561234",
    "--operator", "李秀英",
)  # fmt: skip


def init_station(home: Path) -> None:
    """Set ``home`` up as the test station through the CLI (its output swallowed)."""
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--home", str(home), *STATION_INIT]) == 0


def run(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    """``qunzhong --home HOME ARGV…``: the exit status, stdout and stderr."""
    code = main(["--home", str(home), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err
