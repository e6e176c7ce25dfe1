"""``qunzhong petition`` and ``items add --petition``: a repeat suggested, 阅办率, settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.cli_runs import run
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

ADD = [
    "items", "add", "--channel", "来访", "--domain", "社会保障", "--grade", "B",
    "--type", "承诺件", "--requester-name", "周老汉", "--phone", "13800000001",
]  # fmt: skip
FIRST = ["--petition", "初信初访", "--petition-form", "来访", "--petition-reach", "到乡"]


@pytest.fixture(scope="module")
def homes(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("petitions-cli")
    copy_store(_template_dirs[1], root / "station").close()
    make_township(copy_store(_template_dirs[0], root / "township")).close()
    return {"station": root / "station", "township": root / "township"}


def test_a_second_petition_on_the_same_matter_is_suggested_as_a_repeat(
    homes: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    home = homes["station"]
    code, out, err = run(capsys, home, *ADD, "--content", "低保评定不公，要求重新评定", *FIRST)
    assert (code, err) == (0, "")
    first = out.strip()
    code, out, err = run(capsys, home, *ADD, "--content", "要求重新评定低保，评定不公", *FIRST)
    second = out.strip()  # the number alone on stdout, the hint on stderr
    assert code == 0 and "\n" not in second
    assert err == f"提示：同一诉求人一年内曾反映类似事项：{first}，建议标记为重复信访。\n"
    code, out, _err = run(capsys, home, "petition", "repeats", second, "--json")
    assert [e["number"] for e in json.loads(out)] == [first]
    code, out, err = run(capsys, home, "petition", "mark", second, "--level", "重复信访",
                         "--form", "来访", "--reach", "到县")  # fmt: skip
    assert (code, out, err) == (0, f"{second}：重复信访·来访·到县\n", "")
    code, out, _err = run(capsys, home, "petition", "list", "--json")
    rows = json.loads(out)
    assert [(r["number"], r["level"], r["reach"]) for r in rows] == [
        (first, "初信初访", "到乡"), (second, "重复信访", "到县"),
    ]  # fmt: skip
    # 阅办率: one acted on today (in time), one waiting within its days
    assert run(capsys, home, "items", "move", first, "办理中")[0] == 0
    code, out, _err = run(capsys, home, "petition", "rate", "--json")
    figures = json.loads(out)
    assert (figures["in_time"], figures["counted"], figures["waiting"], figures["late"]) == (
        1, 1, 1, 0,
    )  # fmt: skip
    assert figures["days"] == 15 and figures["text"] == "100.0%（1/1）"
    code, out, _err = run(capsys, home, "petition", "rate")
    assert (
        "阅办率：100.0%（1/1）（15 个工作日内阅办，目标 100%）；逾期 0 件，时限内待办 1 件" in out
    )
    code, out, _err = run(capsys, home, "petition", "unmark", first)
    code, out, _err = run(capsys, home, "petition", "list", "--json")
    assert [r["number"] for r in json.loads(out)] == [second]


def test_bad_marks_are_refused_in_chinese_and_nothing_is_registered(
    homes: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    home = homes["station"]
    code, out, err = run(capsys, home, *ADD, "--content", "征地", "--petition", "三访")
    assert (code, out) == (1, "") and err == "错误：信访类别应为初信初访、重复信访之一。\n"
    code, out, err = run(capsys, home, *ADD, "--content", "征地", "--petition-reach", "到县")
    assert (code, out) == (1, "") and err == "错误：请先选择信访类别（初信初访或重复信访）。\n"
    code, out, _err = run(capsys, home, "items", "list", "--json")
    assert all(r["domain"] != "征地" for r in json.loads(out))
    code, _out, err = run(capsys, home, "petition", "rate", "--month", "2026-13")
    assert code == 1 and err.startswith("错误：月份")
    code, _out, err = run(capsys, home, "petition", "areas", "--set", "社会保障=王副镇长")
    assert code == 1 and err.startswith("错误：分管领导和阅办时限由乡镇群众工作办设置")


def test_the_township_sets_areas_and_days_and_cannot_mark(
    homes: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    home = homes["township"]
    code, out, err = run(capsys, home, "petition", "areas", "--set", "社会保障=王副镇长",
                         "--set", "教育=李委员", "--json")  # fmt: skip
    assert (code, err) == (0, "") and json.loads(out) == {"社会保障": "王副镇长", "教育": "李委员"}
    code, out, _err = run(capsys, home, "petition", "areas", "--clear", "教育")
    assert out == "社会保障：王副镇长\n"
    code, _out, err = run(capsys, home, "petition", "areas", "--set", "天文=张三")
    assert code == 1 and err == "错误：分管领域“天文”不在诉求类别中。\n"
    code, out, _err = run(capsys, home, "petition", "days", "10")
    assert (code, out) == (0, "阅办时限：10 个工作日\n")
    code, _out, err = run(capsys, home, "petition", "days", "0")
    assert code == 1 and err == "错误：阅办时限应为 1–60 个工作日。\n"
    code, _out, err = run(capsys, home, "petition", "mark", "430121101201-2026-00001",
                          "--level", "初信初访", "--form", "来访", "--reach", "到乡")  # fmt: skip
    assert code == 1 and "乡镇和县里不能修改工作站的事项" in err
