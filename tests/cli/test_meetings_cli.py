"""``qunzhong meeting``: a 民情恳谈会 with three problems makes two items linked to it (issue 18).

One data folder for the module; each test runs the real CLI in-process (``main([...])``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from qunzhong_desktop.storage.store import open_store
from tests.helpers.cli_runs import init_station, run

DAY = dt.date.today() - dt.timedelta(days=3)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("meetings") / "home"
    init_station(home)
    yield home


def listed(capsys: pytest.CaptureFixture[str], home: Path, *more: str) -> list[Any]:
    code, out, err = run(capsys, home, "meeting", "list", "--json", *more)
    assert code == 0, err
    found: list[Any] = json.loads(out)
    return found


def test_a_talk_with_three_problems_makes_two_items(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, home, "meeting", "add", "--kind", "民情恳谈会", "--date", DAY.isoformat(),
        "--place", "村部会议室", "--host", "刘书记", "--attendance", "32",
        "--attendees", "各村民小组代表", "--summary", "听取群众对村道、水渠、培训的意见",
        "--decisions", "路灯月底前修复",
        "--problem", "村道路灯坏了一半|第三村民小组|张主任",
        "--problem", "灌溉水渠堵塞|王大伯", "--problem", "希望多办技能培训",
    )  # fmt: skip
    assert code == 0, err
    assert "已记录民情恳谈会" in out and "问题 3 个" in out
    [meeting] = listed(capsys, home, "--kind", "民情恳谈会", "--month", DAY.strftime("%Y-%m"))
    short = meeting["id"][:13]  # a unique beginning names it
    numbers = []
    for n in ("1", "2"):
        code, out, err = run(capsys, home, "meeting", "item", short, "--topic", n,
                             "--domain", "基础设施")  # fmt: skip
        assert code == 0, err
        numbers.append(out.strip())
    # an item twice: refused in Chinese, nothing written
    code, out, err = run(capsys, home, "meeting", "item", short, "--topic", "1",
                         "--domain", "基础设施")  # fmt: skip
    assert code == 1 and "已转为事项" in err and "不能重复登记" in err
    code, out, err = run(capsys, home, "meeting", "item", short, "--topic", "9",
                         "--domain", "基础设施")  # fmt: skip
    assert code == 1 and "没有第 9 个" in err
    code, out, err = run(capsys, home, "meeting", "show", short, "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert [t["item_number"] for t in shown["topics"]] == [*numbers, None]
    assert [t["raised_by"] for t in shown["topics"]] == ["第三村民小组", "王大伯", ""]
    code, out, err = run(capsys, home, "meeting", "show", short)
    assert f"事项 {numbers[0]}（已受理）" in out and "跟进人：张主任" in out
    store = open_store(home)
    try:
        items = [store.items.item(n) for n in numbers]
        assert {i.channel for i in items} == {"民情恳谈会"}
        assert [i.requester_name for i in items] == ["第三村民小组", "王大伯"]
    finally:
        store.close()
    # the minutes print with the problems and the items they became
    pdf = tmp_path / "minutes.pdf"
    code, out, err = run(capsys, home, "meeting", "minutes", short, "--out", str(pdf))
    assert code == 0, err
    text = "".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for expected in ("白沙村群众工作站民情恳谈会记录", "村道路灯坏了一半", "第三村民小组",
                     numbers[0], numbers[1], "路灯月底前修复", "主持人（签字）"):  # fmt: skip
        assert expected in text, expected


def test_bad_input_is_refused_in_chinese_and_nothing_is_written(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(listed(capsys, home))
    future = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    base = ["meeting", "add", "--place", "村部", "--host", "刘书记"]
    for more, message in (
        (["--kind", "民情恳谈会", "--date", future, "--attendance", "5"], "在今天之后"),
        (["--kind", "座谈会", "--date", DAY.isoformat(), "--attendance", "5"], "会议类型应为"),
        (["--kind", "民情恳谈会", "--date", DAY.isoformat(), "--attendance", "很多"], "整数"),
        (["--kind", "民情恳谈会", "--date", DAY.isoformat(), "--attendance", "0"], "参会人数"),
        (["--kind", "民情恳谈会", "--date", "11月", "--attendance", "5"], "日期"),
        (["--kind", "民情恳谈会", "--date", DAY.isoformat(), "--attendance", "5",
          "--problem", "a|b|c|d"], "格式"),
    ):  # fmt: skip
        code, _out, err = run(capsys, home, *base, *more)
        assert code == 1 and message in err, (more, err)
    assert len(listed(capsys, home)) == before
    code, _out, err = run(capsys, home, "meeting", "show", "ffffffff")
    assert code == 1 and "没有编号为" in err


def test_an_analysis_links_an_item(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, home, "meeting", "add", "--kind", "民情分析会", "--date", DAY.isoformat(),
        "--place", "村部", "--host", "刘书记", "--attendance", "8",
    )  # fmt: skip
    assert code == 0, err
    [analysis] = listed(capsys, home, "--kind", "民情分析会")
    # its own 恳谈会 with an item, a month before the other tests' (any order, any worker)
    earlier = DAY - dt.timedelta(days=40)
    code, _out, err = run(
        capsys, home, "meeting", "add", "--kind", "民情恳谈会", "--date", earlier.isoformat(),
        "--place", "村部", "--host", "刘书记", "--attendance", "12", "--problem", "桥栏松动|五组",
    )  # fmt: skip
    assert code == 0, err
    [talk] = listed(capsys, home, "--kind", "民情恳谈会", "--month", earlier.strftime("%Y-%m"))
    code, number, err = run(capsys, home, "meeting", "item", talk["id"], "--topic", "1",
                            "--domain", "基础设施")  # fmt: skip
    assert code == 0, err
    number = number.strip()
    code, out, err = run(capsys, home, "meeting", "link", analysis["id"], "--item", number,
                         "--text", "进度滞后", "--owner", "张主任")  # fmt: skip
    assert code == 0 and number in out, err
    code, _out, err = run(capsys, home, "meeting", "link", talk["id"], "--item", number)
    assert code == 1 and "民情分析会" in err
    code, out, _err = run(capsys, home, "meeting", "show", analysis["id"], "--json")
    assert [t["item_number"] for t in json.loads(out)["topics"]] == [number]
