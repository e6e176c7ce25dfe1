"""``qunzhong info``: two similar 民情信息 are grouped and answered once (issue 18).

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

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.storage.store import open_store
from tests.helpers.cli_runs import init_station, run

DAY = dt.date.today() - dt.timedelta(days=2)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("info") / "home"
    init_station(home)
    store = open_store(home)
    try:
        store.register.save_household(
            Household(number="0001", members=[Person(name="张三丰", relation="户主")])
        )
    finally:
        store.close()
    yield home


def listed(capsys: pytest.CaptureFixture[str], home: Path, *more: str) -> list[Any]:
    code, out, err = run(capsys, home, "info", "list", "--json", *more)
    assert code == 0, err
    found: list[Any] = json.loads(out)
    return found


def add(capsys: pytest.CaptureFixture[str], home: Path, text: str, *more: str) -> int:
    return run(
        capsys, home, "info", "add", "--date", DAY.isoformat(), "--source", "网格员",
        "--topic", "子女入学", "--type", "苗头性", "--text", text, "--reporter", "网格员老陈",
        *more,
    )[0]  # fmt: skip


def test_two_similar_are_grouped_and_answered_once(
    home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert add(capsys, home, "三组两户孩子入学难", "--household", "0001", "--households", "2") == 0
    assert add(capsys, home, "外出务工家庭孩子入学手续难办") == 0
    found = listed(capsys, home, "--topic", "子女入学", "--month", DAY.strftime("%Y-%m"))
    assert [i["households"] for i in found] == [0, 2]
    ids = [i["id"] for i in found]
    code, out, err = run(capsys, home, "info", "group", *ids, "--title", "子女入学手续")
    assert code == 0 and "已合并为共性问题" in out, err
    [group] = json.loads(run(capsys, home, "info", "groups", "--json")[1])
    assert set(group["members"]) == set(ids) and group["answered_on"] is None
    code, out, err = run(capsys, home, "info", "answer", group["id"][:13], "--result",
                         "已与镇中心学校协调，统一办理", "--date", DAY.isoformat(),
                         "--by", "刘书记")  # fmt: skip
    assert code == 0 and "已统一答复 2 条" in out, err
    both = listed(capsys, home, "--grouped")
    assert [i["result"] for i in both] == ["已与镇中心学校协调，统一办理"] * 2
    assert {i["group_title"] for i in both} == {"子女入学手续"}
    code, out, err = run(capsys, home, "info", "follow-up", group["id"], "--text", "两户满意",
                         "--date", DAY.isoformat())  # fmt: skip
    assert code == 0 and "回访" in out, err
    code, _out, err = run(capsys, home, "info", "ungroup", ids[0])
    assert code == 1 and "已统一答复" in err
    code, out, _err = run(capsys, home, "info", "list")
    assert out.count("答复：已与镇中心学校协调") == 2
    pdf = tmp_path / "info.pdf"
    code, out, err = run(capsys, home, "info", "print", "--month", DAY.strftime("%Y-%m"),
                         "--out", str(pdf))  # fmt: skip
    assert code == 0 and "2 条" in out, err
    text = "".join("".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    for expected in ("民情信息登记表", "共2条", "三组两户孩子入学难（网格员老陈）",
                     "共性问题：子女入学手续", "答复：已与镇中心学校协调"):  # fmt: skip
        assert expected in text, expected


def test_bad_input_is_refused_in_chinese_and_nothing_is_written(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = len(listed(capsys, home))
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    for more, message in (
        (["--date", future, "--topic", "子女入学"], "在今天之后"),
        (["--date", DAY.isoformat(), "--topic", "修路"], "主题应为"),
        (["--date", DAY.isoformat(), "--topic", "子女入学", "--household", "9999"], "户号"),
    ):
        code, _out, err = run(capsys, home, "info", "add", "--source", "来电", "--type",
                              "意见建议", "--text", "x", *more)  # fmt: skip
        assert code == 1 and message in err, (more, err)
    assert len(listed(capsys, home)) == before
    # grouping two topics: refused, nothing grouped
    assert add(capsys, home, "学位紧张") == 0
    code, _out, err = run(
        capsys, home, "info", "add", "--date", DAY.isoformat(), "--source", "来电",
        "--topic", "医疗保障", "--type", "意见建议", "--text", "医保报销慢",
    )  # fmt: skip
    assert code == 0, err
    free = {i["topic"]: i["id"] for i in listed(capsys, home, "--ungrouped")}
    code, _out, err = run(capsys, home, "info", "group", free["子女入学"], free["医疗保障"],
                          "--title", "混合")  # fmt: skip
    assert code == 1 and "主题不同" in err
    assert len(listed(capsys, home, "--ungrouped")) == 2
    # an item once: the call becomes an item of channel 来电, the second try is refused
    code, out, err = run(capsys, home, "info", "item", free["医疗保障"], "--domain", "医疗卫生")
    assert code == 1 and "请填写诉求人" in err  # no household, no reporter: who asks?
    code, out, err = run(capsys, home, "info", "item", free["医疗保障"], "--domain", "医疗卫生",
                         "--requester", "赵大姐")  # fmt: skip
    assert code == 0, err
    number = out.strip()
    code, _out, err = run(capsys, home, "info", "item", free["医疗保障"], "--domain", "医疗卫生")
    assert code == 1 and "不能重复登记" in err and number in err
    store = open_store(home)
    try:
        item = store.items.item(number)
        assert (item.channel, item.content, item.requester_name) == ("来电", "医保报销慢", "赵大姐")
    finally:
        store.close()
    [shown] = listed(capsys, home, "--topic", "医疗保障")
    assert shown["item_number"] == number
