import json
import sqlite3
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.home import database_path
from tests.helpers.roster_builder import ROWS, build_messy_roster, build_simple_roster, make_id


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    code = main(
        [
            "init", "station", "--home", str(home), "--code", "430121101201",
            "--name", "白沙村群众工作站", "--township-code", "430121101",
            "--township-name", "白沙镇",
        ]
    )  # fmt: skip
    assert code == 0
    capsys.readouterr()
    return home


def _counts(home: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(database_path(home))
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("household", "person", "sync_change")
        )
    finally:
        con.close()


def test_json_summary_and_report(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = build_messy_roster(tmp_path / "花名册.xlsx")
    report = tmp_path / "errors.xlsx"
    code = main(
        ["import-roster", str(roster), "--home", str(home), "--json", "--report", str(report)]
    )
    out = capsys.readouterr().out
    assert code == 0
    summary = json.loads(out)
    assert summary["households"] == {"created": 3, "updated": 0}
    assert summary["persons"] == {"created": 6, "updated": 0}
    assert [r["row"] for r in summary["rejected"]] == [ROWS["王大山"], ROWS["钱七"]]
    assert all(r["reason"] for r in summary["rejected"] + summary["flagged"])
    assert [r["row"] for r in summary["flagged"]] == [
        ROWS["张小明"], ROWS["王芳"], ROWS["赵六"], ROWS["孙八"],
    ]  # fmt: skip
    assert set(summary) == {"households", "persons", "flagged", "rejected"}
    assert report.exists()
    # again: nothing new
    assert main(["import-roster", str(roster), "--home", str(home), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["persons"] == {"created": 0, "updated": 0}
    assert _counts(home)[:2] == (3, 6)


def test_text_output_and_dry_run(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = build_messy_roster(tmp_path / "花名册.xlsx")
    assert main(["import-roster", str(roster), "--home", str(home), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "户：将新建 3" in out and "人：将新建 6" in out and "未导入：2 行" in out
    assert f"第 {ROWS['钱七']} 行" in out and "预览" in out
    assert _counts(home)[:2] == (0, 0)


def _bad_files(tmp_path: Path) -> dict[str, Path]:
    txt = tmp_path / "notes.xlsx"
    txt.write_text("户号,姓名,身份证号\n1,张三,x\n", encoding="utf-8")
    good = build_simple_roster(tmp_path / "good.xlsx", [["1", "甲", "户主", make_id("19800101")]])
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    no_header = build_simple_roster(
        tmp_path / "noheader.xlsx", [["1", "2"]], header=["编号", "数量"]
    )
    return {
        "missing": tmp_path / "missing.xlsx",
        "txt": txt,
        "truncated": truncated,
        "no_header": no_header,
    }


@pytest.mark.parametrize("case", ["missing", "txt", "truncated", "no_header"])
def test_unreadable_file_exits_1_with_one_line_and_changes_nothing(
    case: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _counts(home)
    path = _bad_files(tmp_path)[case]
    code = main(["import-roster", str(path), "--home", str(home), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and path.name in lines[0]
    assert _counts(home) == before


def test_import_needs_a_set_up_station(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = build_simple_roster(tmp_path / "r.xlsx", [["1", "甲", "户主", make_id("19800101")]])
    assert main(["import-roster", str(roster), "--home", str(tmp_path / "new")]) == 1
    assert "设置工作站" in capsys.readouterr().err
