"""``qunzhong duty``: the roster with an uncovered day (JSON and the red cell's 无人值班 in
the PDF), rotation, the reception log (联合接访), and bad input refused in Chinese."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers.cli_runs import run
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

MON = dt.date(2026, 11, 2)
SPAN = ["--from", "2026-11-02", "--to", "2026-11-15"]


@pytest.fixture(scope="module")
def homes(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("duty-cli")
    copy_store(_template_dirs[1], root / "station").close()
    make_township(copy_store(_template_dirs[0], root / "township")).close()
    return {"station": root / "station", "township": root / "township", "root": root}


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_the_roster_shows_an_uncovered_day(homes: dict, capsys: pytest.CaptureFixture[str]) -> None:
    home = homes["township"]
    code, out, err = run(capsys, home, "duty", "rotate", "--members", "张书记,李镇长", *SPAN)
    assert (code, out, err) == (0, "已安排 10 个工作日的值班（每人一周）\n", "")
    code, out, err = run(capsys, home, "duty", "clear", "--date", "2026-11-11")
    assert (code, out) == (0, "2026-11-11：已取消值班安排\n")
    code, out, _err = run(capsys, home, "duty", "set", "--date", "2026-11-03", "--member", "王委员")
    assert out == "2026-11-03 周二：王委员 值班\n"
    code, out, _err = run(capsys, home, "duty", "roster", *SPAN, "--json")
    roster = json.loads(out)
    assert roster["uncovered"] == ["2026-11-11"]
    days = {d["date"]: d for d in roster["days"]}
    assert days["2026-11-02"]["member"] == "张书记" and days["2026-11-03"]["member"] == "王委员"
    assert days["2026-11-09"]["member"] == "李镇长" and not days["2026-11-07"]["working"]
    pdf = homes["root"] / "值周表.pdf"
    code, out, _err = run(capsys, home, "duty", "roster", *SPAN, "--out", str(pdf))
    assert code == 0 and "11-11周三 无人值班" in out and "无人值班的工作日 1 天" in out
    text = _text(pdf)
    assert "信访值周表" in text and text.count("无人值班") == 2  # the cell and the note
    assert "张书记" in text and "休息" in text


def test_the_reception_log(homes: dict, capsys: pytest.CaptureFixture[str]) -> None:
    home = homes["township"]
    run(capsys, home, "duty", "set", "--date", "2026-11-16", "--member", "张书记")
    code, out, err = run(capsys, home, "duty", "log", "add", "--date", "2026-11-16",
                         "--matter", "反映征地补偿未到位", "--visitors", "3",
                         "--unit", "镇国土所", "--unit", "镇司法所")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "已登记 2026-11-16 的接访：张书记 接待 3 人（联合接访：镇国土所、镇司法所）\n"
    pdf = homes["root"] / "接访登记.pdf"
    code, out, _err = run(capsys, home, "duty", "log", "list", "--from", "2026-11-01",
                          "--to", "2026-11-30", "--json", "--out", str(pdf))  # fmt: skip
    rows = json.loads(out.split("\n已生成")[0])
    assert [(r["member"], r["joint"], r["units"]) for r in rows] == [
        ("张书记", True, ["镇国土所", "镇司法所"]),
    ]  # fmt: skip
    text = _text(pdf)
    assert "联合接访：镇国土所、镇司法所" in text and "反映征地补偿未到位" in text
    code, out, _err = run(capsys, home, "duty", "log", "delete", rows[0]["id"])
    assert out == "已删除这条接访登记。\n"
    code, out, _err = run(capsys, home, "duty", "log", "list", "--from", "2026-11-01",
                          "--to", "2026-11-30")  # fmt: skip
    assert out == "2026-11-01 至 2026-11-30 没有接访登记。\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["duty", "set", "--date", "2026-11-08", "--member", "张书记"],
         "错误：2026-11-08 不是工作日，不排信访值班。"),
        (["duty", "set", "--date", "2026-13-01", "--member", "张书记"],
         "错误：日期“2026-13-01”看不懂，请写成 2026-11-16 这样的年-月-日。"),
        (["duty", "rotate", "--members", "张书记,张书记", "--from", "2026-11-02",
          "--to", "2026-11-06"], "错误：班子成员名单中有重复的姓名。"),
        (["duty", "log", "add", "--date", "2099-01-05", "--matter", "事", "--member", "张书记"],
         "错误：接访日期在今天之后。"),
        (["duty", "log", "add", "--date", "2026-11-20", "--matter", "事"],
         "错误：2026-11-20 无人值班，请填写接访人。"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_in_chinese(
    homes: dict, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, homes["township"], *argv)
    assert (code, out, err) == (1, "", message + "\n")


def test_a_station_keeps_no_roster(homes: dict, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["duty", "roster"], ["duty", "set", "--date", "2026-11-02", "--member", "张"]):
        code, out, err = run(capsys, homes["station"], *argv)
        assert code == 1 and out == "" and "工作站不能排班" in err
