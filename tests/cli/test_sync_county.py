"""The county tier on the command line (issue 19): ``init county`` and its refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.home import database_path
from tests.helpers.cli_runs import init_station, run
from tests.helpers.sealed import PASSPHRASE


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch, keys_made_once: str) -> None:
    """The keys the commands make come from the run's pool, sealed once (tests/helpers/
    ui_keys.py), under the passphrase given here."""
    monkeypatch.setenv("QUNZHONG_PASSPHRASE", keys_made_once)


def test_init_county_then_again(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    home = tmp_path / "county"
    code, out, _ = run(
        capsys, home, "init", "county", "--code", "430121", "--name", "长沙县群众工作部"
    )
    assert code == 0 and "长沙县群众工作部（430121）" in out and "指纹" in out
    code, _, err = run(capsys, home, "init", "township", "--code", "430121101", "--name", "白沙镇")
    assert code != 0 and "县（市、区）群众工作部" in err


def test_init_county_wrong_code_and_on_a_station(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, tmp_path / "c", "init", "county", "--code", "43012", "--name", "县")
    assert code != 0 and "6 位数字" in err
    station = tmp_path / "station"
    monkeypatch.delenv("QUNZHONG_PASSPHRASE")  # a station without keys is one all the same
    init_station(station)
    monkeypatch.setenv("QUNZHONG_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, station, "init", "county", "--code", "430121", "--name", "县")
    assert code != 0 and "工作站" in err


def test_a_township_joins_its_county_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    county, township = tmp_path / "county", tmp_path / "township"
    assert (
        run(capsys, county, "init", "county", "--code", "430121", "--name", "长沙县群众工作部")[0]
        == 0
    )
    assert (
        run(capsys, township, "init", "township", "--code", "430121101", "--name", "白沙镇")[0] == 0
    )
    code, out, _ = run(capsys, county, "county-kit", "--out", str(tmp_path / "c.qzkit"))
    assert code == 0
    fingerprint = out.strip().splitlines()[-1].split("：")[-1]
    code, _, err = run(capsys, township, "accept-kit", str(tmp_path / "c.qzkit"))
    assert code != 0 and "指纹" in err
    code, out, _ = run(
        capsys, township, "accept-kit", str(tmp_path / "c.qzkit"), "--fingerprint", fingerprint
    )
    assert code == 0 and "长沙县群众工作部（430121）" in out
    missing = tmp_path / "no-such-folder" / "t.pdf"
    code, _, err = run(capsys, township, "enrollment", "--out", str(tmp_path / "t.qzenroll"),
                       "--sheet", str(missing))  # fmt: skip
    assert code != 0 and "no-such-folder" in err and "不存在" in err
    assert not (tmp_path / "t.qzenroll").exists()  # refused before anything was written
    sheet = tmp_path / "乡镇登记表.pdf"
    code, out, _ = run(capsys, township, "enrollment", "--out", str(tmp_path / "t.qzenroll"),
                       "--sheet", str(sheet))  # fmt: skip
    assert code == 0 and "县（市、区）群众工作部核对" in out and f"已生成登记表：{sheet}" in out
    mine = out.strip().splitlines()[-1]
    text = "".join(PdfReader(sheet).pages[0].extract_text().split())
    for expected in ("乡镇登记表", "白沙镇", "430121101", "长沙县群众工作部", "县确认人签字",
                     "t.qzenroll", "".join(mine.split())):  # fmt: skip
        assert expected in text, expected
    assert "工作站登记表" not in text and "乡镇确认人" not in text  # not the station's words
    code, _, err = run(
        capsys, county, "enroll", str(tmp_path / "t.qzenroll"), "--fingerprint", "0" * 32
    )
    assert code != 0 and "不一致" in err
    code, out, _ = run(
        capsys, county, "enroll", str(tmp_path / "t.qzenroll"), "--fingerprint", mine
    )
    assert code == 0 and "已登记乡镇：白沙镇（430121101）" in out
    code, out, _ = run(capsys, county, "stations", "--json")
    assert code == 0 and "430121101" in out


def test_bundles_between_township_and_county_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    county, township = tmp_path / "county", tmp_path / "township"
    run(capsys, county, "init", "county", "--code", "430121", "--name", "长沙县群众工作部")
    run(capsys, township, "init", "township", "--code", "430121101", "--name", "白沙镇")
    fingerprint = run(capsys, county, "county-kit", "--out", str(tmp_path / "c.qzkit"))[1]
    fingerprint = fingerprint.strip().splitlines()[-1].split("：")[-1]
    run(capsys, township, "accept-kit", str(tmp_path / "c.qzkit"), "--fingerprint", fingerprint)
    mine = run(capsys, township, "enrollment", "--out", str(tmp_path / "t.qzenroll"))[1]
    mine = mine.strip().splitlines()[-1]
    assert (
        run(capsys, county, "enroll", str(tmp_path / "t.qzenroll"), "--fingerprint", mine)[0] == 0
    )
    code, out, _ = run(capsys, township, "export-bundle", "--out", str(tmp_path / "up"))
    assert code == 0 and "发往 长沙县群众工作部（430121）" in out
    assert "工作站名单 1" in out and "stations" not in out  # the list named in Chinese
    up = out.strip().splitlines()[-1]
    code, out, err = run(capsys, county, "import-bundle", up)
    assert code == 0, err
    code, out, err = run(capsys, county, "import-bundle", up)
    assert code == 0 and "导入过" in out
    code, out, _ = run(capsys, county, "export-bundle", "--out", str(tmp_path / "down"))
    assert code == 0 and "发往 白沙镇（430121101）" in out
    down = out.strip().splitlines()[-1]
    code, _, err = run(capsys, county, "import-bundle", down)
    assert code != 0  # the county's own dispatch is not for the county
    code, out, err = run(capsys, township, "import-bundle", down)
    assert code == 0, err


@pytest.mark.pg
def test_init_county_on_a_postgresql_server(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str
) -> None:
    home = tmp_path / "county"
    code, out, err = run(capsys, home, "init", "county", "--code", "430121", "--name", "长沙县群众工作部", "--db", pg_url)  # fmt: skip
    assert code == 0, err
    assert (home / "database-server.txt").is_file() and not database_path(home).exists()
    code, out, _ = run(capsys, home, "county-kit", "--out", str(tmp_path / "c.qzkit"))
    assert code == 0 and "县密钥指纹" in out
    code, out, _ = run(capsys, home, "stations", "--json")
    assert code == 0 and out.strip() == "[]"


def test_init_with_db_refuses_a_folder_with_its_own_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = tmp_path / "station"
    monkeypatch.delenv("QUNZHONG_PASSPHRASE")  # the refusal is about the database file
    init_station(station)
    monkeypatch.setenv("QUNZHONG_PASSPHRASE", PASSPHRASE)
    url = "postgresql+psycopg://qunzhong@127.0.0.1:1/qunzhong"
    code, _, err = run(capsys, station, "init", "county", "--code", "430121", "--name", "县", "--db", url)  # fmt: skip
    assert code != 0 and "已有本机数据库文件" in err
    assert not (station / "database-server.txt").exists()
    code, _, err = run(capsys, tmp_path / "c2", "init", "county", "--code", "430121", "--name", "县", "--db", "mysql://x/y")  # fmt: skip
    assert code != 0 and "只支持 PostgreSQL" in err
