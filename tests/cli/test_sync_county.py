"""The county tier on the command line (issue 19): ``init county`` and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli_runs import init_station, run


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUNZHONG_PASSPHRASE", "county-secret")


def test_init_county_then_again(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "county"
    code, out, _ = run(
        capsys, home, "init", "county", "--code", "430121", "--name", "长沙县群众工作部"
    )
    assert code == 0 and "长沙县群众工作部（430121）" in out and "指纹" in out
    code, _, err = run(capsys, home, "init", "township", "--code", "430121101", "--name", "白沙镇")
    assert code != 0 and "县（市、区）群众工作部" in err


def test_init_county_wrong_code_and_on_a_station(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, tmp_path / "c", "init", "county", "--code", "43012", "--name", "县")
    assert code != 0 and "6 位数字" in err
    station = tmp_path / "station"
    init_station(station)
    code, _, err = run(capsys, station, "init", "county", "--code", "430121", "--name", "县")
    assert code != 0 and "工作站" in err
