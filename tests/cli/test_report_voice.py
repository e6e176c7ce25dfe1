"""The 民情与信访 section of ``qunzhong report`` (month and period), on a township synced
from two stations (tests/helpers/voice_data.py), made once for the module."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from tests.helpers import voice_data
from tests.helpers.voice_data import VoiceTownship


@pytest.fixture(scope="module")
def world(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[VoiceTownship]:
    built = voice_data.build(_template_dirs[0], tmp_path_factory.mktemp("voice-cli"))
    yield built
    built.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _text(pdf: Path) -> str:
    found = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return found.stdout.decode("utf-8")


def test_the_township_month_lists_each_station(
    world: VoiceTownship, capsys: pytest.CaptureFixture[str]
) -> None:
    home = str(world.township.home)
    code, out, err = run(capsys, "report", "--home", home, "--month", "2026-11", "--json")
    assert code == 0, err
    voice = json.loads(out)["voice"]
    counts = voice["counts"]
    assert (counts["talks"], counts["analyses"], counts["problems"]) == (2, 1, 4)
    assert (counts["info"], counts["suggestions"], counts["signals"]) == (3, 1, 2)
    assert (counts["petitions"], counts["初信初访"], counts["重复信访"]) == (2, 1, 1)
    assert voice["read_rate"]["numerator"] == 1  # P1 in time; P2 late or still waiting
    assert voice["evaluations"]["no_promotion"] == ["张三（第1村群众工作站）"]
    stations = {row["code"]: row["counts"] for row in voice["stations"]}
    assert stations["430121101201"]["talks"] == 1 and stations["430121101202"]["problems"] == 1
    assert "阅办率" in json.loads(out)["definitions"]


def test_the_station_month_prints_the_section(
    world: VoiceTownship, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "月报.pdf"
    home = str(world.one.home)
    code, _, err = run(capsys, "report", "--home", home, "--month", "2026-11", "--out", str(out))
    assert code == 0, err
    text = _text(out)
    for words in ("民情与信访", "民情恳谈会", "阅办率", "苗头倾向", "初信初访 1", "本月民主测评"):
        assert words in text, words
    assert "张三" in text and "镇财政所" in text


def test_the_half_year_compares_and_lists_the_evaluations(
    world: VoiceTownship, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    home = str(world.township.home)
    code, out, err = run(capsys, "report", "--home", home, "--period", "2026-H2", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["current"]["activity"]["meetings"] == 2  # the register's 民情恳谈会
    voice = figures["voice"]
    rows = {row["key"]: row for row in voice["comparisons"]}
    assert rows["talks"]["current"] == 2 and rows["talks"]["previous"]["value"] == 0
    # 赴京: none this half-year, one the same half a year before
    assert rows["赴京"]["current"] == 0 and rows["赴京"]["year_before"]["value"] == 1
    assert rows["read_rate"]["year_before"]["value"]["numerator"] == 1
    assert voice["evaluations_shown"] is True
    assert voice["current"]["evaluations"]["bottom"] == ["镇财政所（第1村群众工作站）"]
    assert [row["code"] for row in voice["stations"]] == ["430121101201", "430121101202"]
    pdf = tmp_path / "半年.pdf"
    code, _, err = run(capsys, "report", "--home", home, "--period", "2026-H2", "--out", str(pdf))
    assert code == 0, err
    text = _text(pdf)
    for words in ("民情与信访", "去年同期", "阅办率", "赴京", "民主测评", "不予提拔"):
        assert words in text, words
    # a quarter lists no evaluations; a station's report has no station rows
    station = str(world.one.home)
    code, out, err = run(capsys, "report", "--home", station, "--period", "2026-Q4", "--json")
    assert code == 0, err
    voice = json.loads(out)["voice"]
    assert voice["evaluations_shown"] is False and voice["stations"] == []
