"""``qunzhong assessment`` at a township with two stations (tests/helpers/township_data.py).

The second half of 2026, by hand (the default scheme; nobody visited a household, so 走访农户
scores nobody):
    第1村 (…201): 按期办结 2/2 → 6, 满意 1/2 → 3, 一次办结 2/2 → 4: 群众工作 13.0.
    第2村 (…202): B0 (October) and B1 resolved — 按期 1/2 (B1 late) → 3, 满意 — (无数据) → 0,
        一次 2/2 (B1 assigned once) → 4: 群众工作 7.0.
With 民情恳谈会与台账 8 and 9.5: 21.0 and 16.5 — first 第1村, until it is vetoed.
Units: 民政办 resolved B1 (score +1.0, the best: 10; 办结率 1/1: 4; no answers): 14.0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.assessment_scheme import DEFAULT_SCHEME
from qunzhong_desktop.core.monthly.period import half
from qunzhong_desktop.storage.store import open_store
from tests.helpers.township_data import build

ONE, TWO = "430121101201", "430121101202"
P = ("--period", "2026-H2")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def built(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("assessment")
    tw = build(_template_dirs[0], root / "net")
    homes = (tw.township.home, tw.one.home)
    tw.close()
    return homes[0]


@pytest.fixture
def home(built: Path, tmp_path: Path) -> Path:
    """A copy of the township's data folder, for one test."""
    return Path(shutil.copytree(built, tmp_path / "township"))


def score(capsys: pytest.CaptureFixture[str], home: Path, *extra: str) -> dict:
    code, out, err = run(capsys, "assessment", "score", "--home", home, *P, "--json", *extra)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_the_stations_ranked_with_one_veto(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = score(capsys, home)
    assert sheet["title"] == "白沙镇群众工作办 2026年下半年 考评排名"
    assert [(e["key"], e["items"]["群众工作"], e["total"]) for e in sheet["entries"]] == [
        (ONE, 13.0, 13.0),
        (TWO, 7.0, 7.0),
    ]
    assert sheet["entries"][1]["remark"] == "群众工作：满意率无数据；民情恳谈会与台账：未录入"

    for station, points in ((ONE, "8"), (TWO, "9.5")):
        code, out, err = run(
            capsys, "assessment", "manual", "--home", home, *P, "--station", station,
            "--item", "民情恳谈会与台账", "--points", points,
        )  # fmt: skip
        assert (code, err) == (0, "") and "民情恳谈会与台账" in out
    sheet = score(capsys, home)
    assert [(e["key"], e["total"], e["rank"]) for e in sheet["entries"]] == [
        (ONE, 21.0, 1),
        (TWO, 16.5, 2),
    ]

    code, out, err = run(
        capsys, "assessment", "veto", "--home", home, *P, "--station", ONE,
        "--reason", "发生重大安全生产事故",
    )  # fmt: skip
    assert (code, err) == (0, "") and "一票否决：发生重大安全生产事故" in out
    sheet = score(capsys, home)
    first, second = sheet["entries"]
    assert (first["key"], first["rank"], first["veto"]) == (TWO, 1, "")
    assert (second["key"], second["rank"], second["total"]) == (ONE, 2, 21.0)
    assert second["remark"] == "一票否决：发生重大安全生产事故"

    code, out, _ = run(capsys, "assessment", "score", "--home", home, *P)
    lines = out.splitlines()
    assert lines[1] == "名次　工作站　群众工作（20）　民情恳谈会与台账（10）　合计　备注"
    assert lines[2] == "1　第2村群众工作站　7.0　9.5　16.5　群众工作：满意率无数据"
    assert lines[3] == "2（否决）　第1村群众工作站　13.0　8.0　21.0　一票否决：发生重大安全生产事故"

    pdf = tmp_path / "考评.pdf"
    code, out, err = run(capsys, "assessment", "score", "--home", home, *P, "--out", pdf)
    assert (code, err) == (0, "") and f"已生成考评排名：{pdf.resolve()}" in out
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    flat = "".join(text.split())
    assert "白沙镇群众工作办2026年下半年考评排名" in flat
    assert "2（否决）第1村群众工作站13.08.021.0一票否决：发生重大安全生产事故" in flat
    assert "1第2村群众工作站7.09.516.5" in flat
    assert "分项分值×比率" in flat and "走访农户：期间内民情日记" in flat

    code, out, _ = run(capsys, "assessment", "unveto", "--home", home, *P, "--station", ONE)
    assert code == 0 and "已撤销" in out
    assert score(capsys, home)["entries"][0]["key"] == ONE
    # another period keeps its own records
    other = run(capsys, "assessment", "score", "--home", home, "--period", "2026", "--json")
    assert json.loads(other[1])["entries"][0]["items"]["民情恳谈会与台账"] == 0


def test_the_units_are_scored_from_the_resolution_table(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "assessment", "manual", "--home", home, *P, "--unit", "民政办",
        "--item", "双联系工作", "--points", "7",
    )  # fmt: skip
    assert (code, err) == (0, "")
    sheet = score(capsys, home, "--units")
    top = sheet["entries"][0]
    assert (top["key"], top["items"]["化解工作"], top["total"], top["rank"]) == (
        "民政办",
        14.0,
        21.0,
        1,
    )
    assert top["remark"] == "化解工作：满意率无数据"
    # the rest answered for nothing: listed after it, unranked (as in the 化解情况成效表)
    rest = sheet["entries"][1:]
    assert rest and {(e["rank"], e["total"], e["remark"]) for e in rest} == {(0, 0, "无负责事项")}
    code, out, _ = run(capsys, "assessment", "score", "--home", home, *P, "--units")
    lines = out.splitlines()
    assert lines[2] == "1　民政办　14.0　7.0　21.0　化解工作：满意率无数据"
    assert lines[3].startswith("—　") and lines[3].endswith("　—　—　—　无负责事项")


def test_the_scheme_is_shown_and_set_from_a_file(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "assessment", "scheme", "--home", home, "--json")
    assert code == 0 and json.loads(out) == DEFAULT_SCHEME.as_json()
    code, out, _ = run(capsys, "assessment", "scheme", "--home", home)
    assert "群众工作（20 分）：共 20 分：按期办结率 6 分（越高越好）" in out

    value = DEFAULT_SCHEME.as_json()
    value["stations"] = [
        {"name": "办理时效", "points": 10, "parts": [
            {"figure": "escalations", "weight": 5, "direction": "lower"},
            {"figure": "on_time", "weight": 5},
        ]},
    ]  # fmt: skip
    path = tmp_path / "方案.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "assessment", "scheme", "--home", home, "--file", path)
    assert (code, err) == (0, "") and "办理时效（10 分）" in out
    sheet = score(capsys, home)
    assert [i["name"] for i in sheet["items"]] == ["办理时效"]
    # 第1村 escalated nothing (5 in full), 第2村 once (5 × 0 ÷ 1 = 0); 按期 2/2 and 1/2
    assert {e["key"]: e["total"] for e in sheet["entries"]} == {ONE: 10.0, TWO: 2.5}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "不是有效的 JSON：第 1 行第 2 列有错"),
        (json.dumps({"stations": [{"name": "甲", "points": 10, "parts": [
            {"figure": "on_time", "weight": 6}]}]}), "各分项分值之和为 6 分，应等于该项的 10 分"),
        (json.dumps({"units": [{"name": "甲", "points": 5, "parts": [
            {"figure": "meetings", "weight": 5}]}]}), "考评方案（责任单位）第 1 项“甲”的第 1 个分项"),
    ],
)  # fmt: skip
def test_a_bad_scheme_file_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "assessment", "scheme", "--home", home, "--file", path)
    assert code == 1 and out == "" and message in err
    code, out, _ = run(capsys, "assessment", "scheme", "--home", home, "--json")
    assert json.loads(out) == DEFAULT_SCHEME.as_json()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["manual", "--station", ONE, "--item", "群众工作", "--points", "5"], "按统计数字计算"),
        (["manual", "--station", ONE, "--item", "民情恳谈会与台账", "--points", "10.5"],
         "应在 0 至 10 分之间"),
        (["manual", "--station", ONE, "--item", "卫生", "--points", "5"], "没有“卫生”这一项"),
        (["manual", "--station", "430121101299", "--item", "民情恳谈会与台账", "--points", "5"],
         "没有代码为“430121101299”的工作站"),
        (["veto", "--unit", "气象局", "--reason", "理由"], "责任单位名册中没有“气象局”"),
        (["veto", "--station", ONE, "--reason", "  "], "一票否决必须写明理由"),
        (["unveto", "--station", ONE], "没有一票否决记录"),
        (["score", "--period", "2026-H3"], "统计期间“2026-H3”看不懂"),
    ],
)  # fmt: skip
def test_bad_entries_are_refused_in_chinese(
    home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    period = [] if "--period" in argv else list(P)
    code, _, err = run(capsys, "assessment", argv[0], "--home", home, *period, *argv[1:])
    assert code == 1 and message in err, err
    with open_store(home) as store:
        assert store.assessment.records(half(2026, 2)) == {}


def test_a_station_refuses_the_assessment(
    built: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    station = Path(shutil.copytree(built.parent / "station1", tmp_path / "station"))
    scheme = tmp_path / "scheme.json"
    scheme.write_text(json.dumps(DEFAULT_SCHEME.as_json()), encoding="utf-8")
    for argv in (
        ["score", *P],
        ["score", *P, "--out", str(tmp_path / "x.pdf")],
        ["veto", *P, "--station", ONE, "--reason", "理由"],
        ["manual", *P, "--station", ONE, "--item", "民情恳谈会与台账", "--points", "1"],
        ["scheme", "--file", str(scheme)],
    ):
        code, _, err = run(capsys, "assessment", argv[0], "--home", station, *argv[1:])
        assert code == 1 and "考评由乡镇群众工作办进行" in err, argv
    assert not (tmp_path / "x.pdf").exists()
