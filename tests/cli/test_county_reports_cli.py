"""``qunzhong report`` and ``qunzhong ledger`` at the county: --township, --station, refusals.

The real CLI on the county's data folder of a county with two townships and three stations
(tests/helpers/county_network.py), built once for the module.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.cli_runs import run
from tests.helpers.county_network import CountyNetwork, county_network

T1, T2, S3 = "430121101", "430121102", "430121102201"


@pytest.fixture(scope="module")
def net(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CountyNetwork]:
    network = county_network(_template_dirs[0], tmp_path_factory.mktemp("county-cli"))
    yield network
    network.close()


def test_report_json_has_a_row_per_township(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, net.county.home, "report", "--month", "2026-11", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert figures["name"] == "长沙县群众工作部" and "stations" not in figures
    rows = {r["code"]: r for r in figures["townships"]}
    assert list(rows) == [T1, T2]
    assert rows[T1]["received"] + rows[T2]["received"] == figures["received"] == 12
    assert [r["code"] for r in figures["voice"]["townships"]] == [T1, T2]
    code, out, err = run(
        capsys, net.county.home, "report", "--month", "2026-11", "--json", "--township", T1
    )
    assert code == 0, err
    one = json.loads(out)
    assert one["name"] == "白沙镇群众工作办" and one["received"] == 8
    assert [r["code"] for r in one["stations"]] == [f"{T1}201", f"{T1}202"]


def test_period_json_has_a_row_per_township(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, net.county.home, "report", "--period", "2026-11", "--json", "--township", T2
    )
    assert code == 0, err
    figures = json.loads(out)
    assert [r["code"] for r in figures["stations"]] == [S3]
    code, out, err = run(capsys, net.county.home, "report", "--period", "2026-11", "--json")
    assert code == 0, err
    assert [r["code"] for r in json.loads(out)["townships"]] == [T1, T2]


def test_report_files_name_the_townships(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    xlsx, pdf = tmp_path / "county.xlsx", tmp_path / "county.pdf"
    for out in (xlsx, pdf):
        code, text, err = run(capsys, net.county.home, "report", "--month", "2026-11", "--out",
                              str(out))  # fmt: skip
        assert code == 0, err
        assert "长沙县群众工作部：" in text and "白沙镇群众工作办：受理 8 件" in text
    sheet = load_workbook(xlsx)["各乡镇"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=6)]
    assert values[0][0] == "乡镇"
    assert [v[0] for v in values[1:]] == ["白沙镇群众工作办", "第1镇群众工作办", "合计"]
    assert [v[1] for v in values[1:]] == [8, 4, 12]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "各乡镇情况" in text and "全县 2 个乡镇" in text and "第1镇群众工作办" in text


def test_ledger_by_township(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "t2.xlsx"
    code, text, err = run(capsys, net.county.home, "ledger", "--kind", "items", "--out", str(out),
                          "--township", T2)  # fmt: skip
    assert code == 0, err
    assert "4 行" in text
    sheet = load_workbook(out).active
    assert sheet is not None
    assert "长沙县群众工作部民情台账（第1镇群众工作办）" in str(sheet["A1"].value)


def test_support_ledger_by_township_and_station(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    households: dict[str, list[str]] = {}
    for scope in ("", T1, T2, S3):
        out = tmp_path / f"support{scope}.xlsx"
        argv = ("--township", scope[:9]) + (("--station", scope) if len(scope) == 12 else ())
        code, _, err = run(capsys, net.county.home, "ledger", "--kind", "support", "--out",
                           str(out), *(argv if scope else ()))  # fmt: skip
        assert code == 0, err
        sheet = load_workbook(out).active
        assert sheet is not None
        header = [c.value for c in sheet[2]]
        number, station = header.index("户号"), header.index("工作站")
        rows = [r for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]]
        households[scope] = [f"{r[station]} {r[number]}" for r in rows]
        name = {"": "全县", T1: "白沙镇", T2: "第1镇", S3: "第1村"}[scope]
        assert "长沙县群众工作部困难群众帮扶台账（" in str(sheet["A1"].value), sheet["A1"].value
        assert name in str(sheet["A1"].value)
    assert households[T1] and households[T2]
    # the county's ledger is the townships' one after the other, station by station
    assert households[""] == households[T1] + households[T2]
    assert households[S3] == households[T2]  # 第1镇 has one station
    assert {h.rsplit(" ", 1)[0] for h in households[T2]} == {"第1镇群众工作办 第1镇第1村工作站"}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("report", "--month", "2026-11", "--json", "--township", "430121199"), "本县没有编码"),
        (("report", "--month", "2026-11", "--json", "--township", T1, "--station", S3), "不属于"),
        (("report", "--period", "2026-11", "--json", "--station", "430121101299"), "没有编码"),
        (
            ("ledger", "--kind", "support", "--out", "x.xlsx", "--township", "430121199"),
            "本县没有编码",
        ),
        (
            ("ledger", "--kind", "support", "--out", "x.xlsx", "--township", T1, "--station", S3),
            "不属于",
        ),
        (
            ("ledger", "--kind", "items", "--out", "x.xlsx", "--township", "43012110"),
            "本县没有编码",
        ),
    ],
)
def test_refusals_in_chinese(
    net: CountyNetwork,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
    words: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # not the working folder, should a ledger be written
    code, out, err = run(capsys, net.county.home, *argv)
    assert code != 0 and out == ""
    assert words in err
    assert not (tmp_path / "x.xlsx").exists()  # refused before anything was written


def test_township_filter_refused_at_a_township(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str]
) -> None:
    home = net.townships[T1].home
    code, _out, err = run(capsys, home, "report", "--month", "2026-11", "--json", "--township", T1)
    assert code != 0 and "只有县群众工作部才能按乡镇筛选" in err


def test_items_list_across_the_county(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, net.county.home, "items", "list", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert len(rows) == 12
    assert {r["station"][:9] for r in rows} == {T1, T2}
    assert {r["station_name"] for r in rows if r["station"] == S3} == {
        "第1镇群众工作办 第1镇第1村工作站"
    }
    code, out, err = run(capsys, net.county.home, "items", "list", "--json", "--township", T2,
                         "--text", "第2件事")  # fmt: skip
    assert code == 0, err
    (hit,) = json.loads(out)
    assert hit["station"] == S3 and hit["number"].startswith(f"{S3}-")
    code, out, err = run(capsys, net.county.home, "items", "list", "--text", "第2件事")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 3 and sum("第1镇群众工作办" in line for line in lines) == 1
    code, out, err = run(capsys, net.county.home, "items", "list", "--json", "--limit", "2")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, err = run(capsys, net.county.home, "items", "list", "--township", "430121199")
    assert code != 0 and "本县没有编码" in err


def test_register_search_names_the_station(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, net.county.home, "register", "search", "张三丰", "--json")
    assert code == 0, err
    hits = json.loads(out)
    assert [h["station"] for h in hits] == [f"{T1}201", S3]
    assert set(hits[0]) == {"name", "household_number", "station", "station_name"}  # no ID, phone
    code, out, err = run(capsys, net.county.home, "register", "search", "zsf", "--township", T2)
    assert code == 0, err
    assert out.count("张三丰") == 1 and "第1镇群众工作办 第1镇第1村工作站" in out
    code, out, err = run(capsys, net.county.home, "register", "search", "没有这个人")
    assert code == 0 and "没有找到" in out
    # more than --limit: the first ones, and a sentence saying the list is not everyone
    code, out, err = run(capsys, net.county.home, "register", "search", "张三丰", "--limit", "1")
    assert code == 0 and out.count("张三丰") == 1 and "超过 1 人，只列出了前 1 人" in out, out
    code, out, err = run(
        capsys, net.county.home, "register", "search", "张三丰", "--limit", "1", "--json"
    )
    assert code == 0 and len(json.loads(out)) == 1 and "超过 1 人" in err
    code, out, err = run(capsys, net.county.home, "register", "search", "张三丰", "--limit", "0")
    assert code != 0 and out == "" and "--limit 至少为 1" in err
    code, _out, err = run(capsys, net.county.home, "register", "search", "张", "--township", "4")
    assert code != 0 and "本县没有编码" in err


def test_assessment_ranks_the_townships(
    net: CountyNetwork, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, net.county.home, "assessment", "score", "--period", "2026-11")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("长沙县群众工作部") and lines[1].startswith("名次　乡镇")
    assert sum("群众工作办" in line for line in lines[2:]) == 2
    code, out, err = run(capsys, net.county.home, "assessment", "score", "--period", "2026-11",
                         "--township", T2)  # fmt: skip
    assert code == 0, err
    assert "名次　工作站" in out and "第1镇第1村工作站" in out
