"""``qunzhong ledger`` and ``qunzhong report`` at the township, with and without ``--station``."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from qunzhong_desktop.cli import main
from tests.helpers.township_data import TOWNSHIP_NAME, build

ONE, TWO = "第1村群众工作站", "第2村群众工作站"


@pytest.fixture
def homes(
    _template_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path, str, str]:
    """(township home, station 1 home, station 1 code, station 2 code), stores closed."""
    tw = build(_template_dirs[0], tmp_path / "net")
    tw.close()
    capsys.readouterr()
    return tw.township.home, tw.one.home, tw.one.code, tw.two.code


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ledger_of_one_station_at_the_township(
    homes: tuple[Path, Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, _station, _one, two = homes
    out = tmp_path / "two.xlsx"
    code, stdout, err = run(
        capsys, "ledger", "--home", str(township), "--kind", "items", "--out", str(out),
        "--station", two, "--from", "2026-11-01",
    )  # fmt: skip
    assert code == 0, err
    assert "民情台账：2 行" in stdout  # B1 and B2 (B0 is October's)
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A1"].value == f"{TOWNSHIP_NAME}民情台账（{TWO}）（2026-11-01 起）"
    assert [ws.cell(r, 2).value for r in (3, 4)] == [TWO, TWO]

    out = tmp_path / "all.xlsx"
    assert (
        run(capsys, "ledger", "--home", str(township), "--kind", "items", "--out", str(out))[0] == 0
    )
    ws = load_workbook(out).active
    assert ws is not None and ws.max_row == 2 + 6
    assert ws["A1"].value == f"{TOWNSHIP_NAME}民情台账（全乡镇）（全部）"


def test_report_of_the_township_and_of_one_station(
    homes: tuple[Path, Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, _station, one, _two = homes
    out = tmp_path / "township.xlsx"
    code, stdout, err = run(
        capsys, "report", "--home", str(township), "--month", "2026-11", "--out", str(out)
    )
    assert code == 0, err
    assert "受理 5 件，办结 3 件" in stdout
    assert f"{ONE}：受理 3 件，办结 2 件，办理中 1 件，超期 1 件" in stdout
    assert f"{TWO}：受理 2 件，办结 1 件，办理中 1 件，超期 0 件" in stdout
    assert load_workbook(out).sheetnames[1] == "各工作站"

    out = tmp_path / "one.xlsx"
    code, stdout, err = run(
        capsys, "report", "--home", str(township), "--month", "2026-11", "--out", str(out),
        "--station", one,
    )  # fmt: skip
    assert code == 0, err
    assert stdout.startswith(f"{ONE}：") and "受理 3 件，办结 2 件" in stdout
    wb = load_workbook(out)
    assert "各工作站" not in wb.sheetnames
    # (the month may still be under way on the test machine's clock: "（截至 …）")
    assert str(wb["概况"]["A1"].value).startswith(f"{ONE} 民情月报（2026年11月")


@pytest.mark.parametrize("command", ["ledger", "report"])
def test_station_option_is_refused_at_a_station_and_for_unknown_codes(
    homes: tuple[Path, Path, str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    township, station, _one, two = homes
    extra = ["--kind", "items"] if command == "ledger" else ["--month", "2026-11"]
    out = tmp_path / "x.xlsx"
    code, _, err = run(
        capsys, command, "--home", str(station), *extra, "--out", str(out), "--station", two
    )
    assert code == 1 and err.startswith("错误：") and "--station 只能在乡镇群众工作办使用" in err
    code, _, err = run(
        capsys, command, "--home", str(township), *extra, "--out", str(out),
        "--station", "430121101299",
    )  # fmt: skip
    assert code == 1 and "没有编码为“430121101299”的工作站" in err and ONE in err
    assert not out.exists()


def test_station_option_narrows_the_support_ledger_too(
    homes: tuple[Path, Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    township, _station, one, _two = homes
    code, stdout, err = run(
        capsys, "ledger", "--home", str(township), "--kind", "support",
        "--out", str(tmp_path / "s.xlsx"), "--station", one,
    )  # fmt: skip
    assert code == 0, err
    assert "困难群众帮扶台账" in stdout
    ws = load_workbook(tmp_path / "s.xlsx").active
    assert ws is not None and str(ws["A1"].value).startswith(f"{TOWNSHIP_NAME}困难群众帮扶台账（")
    assert [c.value for c in ws[2]][:3] == ["序号", "工作站", "户号"]
    assert ONE in str(ws["A1"].value) and TWO not in str(ws["A1"].value)
