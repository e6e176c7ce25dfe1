"""``qunzhong evaluation``: a half-year 民意测评会, five cadres and two units (issue 18).

One data folder for the module; each test runs the real CLI in-process (``main([...])``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers.cli_runs import init_station, run

CADRES = ("王建国", "赵敏", "钱多", "孙丽", "周强")
UNITS = ("县农业农村局", "白沙镇农业综合服务中心")


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("evaluation") / "home"
    init_station(home)
    yield home


def as_json(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> Any:
    code, out, err = run(capsys, home, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _text(path: Path) -> str:
    return "".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_the_issue_scenario(home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    found = as_json(capsys, home, "evaluation", "new", "--candidates")
    assert found["candidates"][0]["name"] == "白沙镇群众工作办" and found["notes"]
    rate = [a for n in CADRES for a in ("--rate", f"{n}:乡驻村干部")]
    units = [a for n in UNITS for a in ("--rate-unit", n)]
    made = as_json(
        capsys, home, "evaluation", "new", "--kind", "民意测评会", "--period", "2026-H1",
        "--date", "2026-06-28", "--participants", "12", "--issued", "10", "--returned", "10",
        *rate, *units,
    )  # fmt: skip
    ident = made["short"]
    assert [r["name"] for r in made["rows"]] == [*CADRES, *UNITS]
    code, _out, err = run(capsys, home, "evaluation", "ballots", ident, "--out",
                         str(tmp_path / "ballots.pdf"), "--copies", "2")  # fmt: skip
    assert code == 0, err
    ballots = _text(tmp_path / "ballots.pdf")
    assert len(PdfReader(tmp_path / "ballots.pdf").pages) == 2
    assert (
        all(n in ballots for n in (*CADRES, *UNITS))
        and "白沙村2026年上半年民意测评会测评票" in ballots
    )
    rows = ["王建国=6,0,4", "赵敏=8,1,1", "钱多=9,1,0", "孙丽=7,2,1", "周强=5,3,2",
            "县农业农村局=9,1,0", "白沙镇农业综合服务中心=6,2,2"]  # fmt: skip
    code, _out, err = run(capsys, home, "evaluation", "tally", ident,
                         *[a for r in rows for a in ("--row", r)])  # fmt: skip
    assert code == 0, err
    result = as_json(capsys, home, "evaluation", "result", ident, "--out", str(tmp_path / "r.pdf"))
    flags = {v["name"]: v["flags"] for v in result["verdicts"]}
    assert flags["王建国"] == ["不予提拔", "诫勉谈话"]  # 4 of 10: 40 % exactly
    assert flags["白沙镇农业综合服务中心"] == ["末位"] and flags["县农业农村局"] == []
    assert "不予提拔" not in flags["周强"]  # 20 %
    sheet = _text(tmp_path / "r.pdf")
    assert "王建国" in sheet and "不予提拔" in sheet and "60.0%（6/10）" in sheet
    listed = as_json(capsys, home, "evaluation", "list")
    assert ident in [r["short"] for r in listed]


def test_refusals_in_chinese_and_nothing_lost(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    made = as_json(capsys, home, "evaluation", "new", "--period", "2026-H2", "--participants",
                   "5", "--issued", "5", "--returned", "4", "--rate", "甲:工作队员")  # fmt: skip
    ident = made["short"]
    code, _out, err = run(capsys, home, "evaluation", "tally", ident, "--row", "甲=3,1,1")
    assert code != 0 and "超过了收回的选票 4 张" in err
    code, _out, err = run(capsys, home, "evaluation", "tally", ident, "--row", "甲=3,1")
    assert code != 0 and "姓名=满意,基本满意,不满意" in err
    csv_file = tmp_path / "t.csv"
    csv_file.write_text("姓名,满意,基本满意,不满意\n甲,2,1,1\n", encoding="utf-8")
    assert run(capsys, home, "evaluation", "tally", ident, "--file", str(csv_file))[0] == 0
    code, _out, err = run(capsys, home, "evaluation", "ballot", ident, "--answer", "甲=满意")
    assert code != 0 and "超过了收回的 4 张" in err
    shown = as_json(capsys, home, "evaluation", "show", ident)
    assert [(r["satisfied"], r["fair"], r["unsatisfied"]) for r in shown["rows"]] == [(2, 1, 1)]
    code, _out, err = run(capsys, home, "evaluation", "new", "--kind", "评比", "--rate", "乙:")
    assert code != 0 and "测评类型应为" in err
    code, _out, err = run(capsys, home, "evaluation", "rules", "--no-promotion", "30")
    assert code != 0 and "乡镇群众工作办设置" in err
    assert as_json(capsys, home, "evaluation", "rules") == {
        "no_promotion_percent": 40,
        "admonish_percent": 30,
    }
    assert run(capsys, home, "evaluation", "delete", ident)[0] == 0
    code, _out, err = run(capsys, home, "evaluation", "show", ident)
    assert code != 0 and "没有找到" in err
    assert run(capsys, home, "evaluation", "restore", ident)[0] == 0
    code, _out, err = run(capsys, home, "evaluation", "survey", "new", "--cadre", "甲")
    assert code != 0 and ("没有" in err or "乡镇" in err)
