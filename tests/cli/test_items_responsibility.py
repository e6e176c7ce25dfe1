"""``qunzhong items responsibility`` and the units ``items add`` names (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.store import open_store
from tests.helpers.responsibility_data import put_register
from tests.helpers.stations import copy_store

ADD = [
    "items", "add", "--channel", "来访", "--domain", "社会保障", "--grade", "B",
    "--type", "承诺件", "--content", "咨询养老保险", "--requester-name", "王大爷",
]  # fmt: skip


@pytest.fixture
def home(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Path:
    store = copy_store(_template_dirs[1], tmp_path / "station")  # 白沙村, 430121101201
    put_register(store)
    store.close()
    return tmp_path / "station"


def run(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--home", str(home)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_show_set_and_clear(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, number, _err = run(capsys, home, *ADD)
    number = number.strip()
    assert code == 0
    code, out, err = run(capsys, home, "items", "responsibility", number)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "属地：白沙村群众工作站", "主管部门：镇民政办", "双联系单位：县农业农村局",
    ]  # fmt: skip
    code, out, err = run(capsys, home, "items", "responsibility", number, "--competent", "镇城建办")
    assert (code, err) == (0, "")
    assert "主管部门：镇城建办" in out and "双联系单位：县农业农村局" in out  # kept
    code, out, err = run(capsys, home, "items", "responsibility", number, "--paired", "", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "number": number, "station_code": "430121101201", "station_name": "白沙村群众工作站",
        "competent_unit": "镇城建办", "paired_unit": "", "assigned_unit": "",
        "competent_now": "镇城建办",
    }  # fmt: skip
    code, out, _err = run(capsys, home, "items", "show", number)
    assert "属地：白沙村群众工作站　主管部门：镇城建办　双联系单位：（未指定）" in out


def test_a_unit_outside_the_register_and_a_missing_item_are_one_line(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, home, *ADD, "--competent", "县水利局")
    assert code == 1 and out == ""
    assert err == "错误：主管部门“县水利局”不在责任单位名册中，请从名册中选择或留空。\n"
    code, number, _err = run(capsys, home, *ADD, "--competent", "镇城建办", "--paired", "")
    number = number.strip()
    code, out, err = run(capsys, home, "items", "responsibility", number, "--paired", "县水利局")
    assert code == 1 and out == "" and err.startswith("错误：双联系单位“县水利局”")
    code, out, _err = run(capsys, home, "items", "responsibility", number, "--json")
    assert json.loads(out)["competent_unit"] == "镇城建办"
    assert json.loads(out)["paired_unit"] == ""
    code, out, err = run(capsys, home, "items", "responsibility", "430121101201-2026-09999")
    assert code == 1 and err.startswith("错误：找不到编号为")


def test_the_townships_assignment_is_shown_beside_the_competent_unit(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, number, _err = run(capsys, home, *[a if a != "承诺件" else "上报件" for a in ADD])
    number = number.strip()
    with open_store(home) as store, write_paths.scope("test: a dispatch's step"):
        data = {"unit": "镇城建办", "deadline": "2027-12-01"}
        store.items.move(number, State.ASSIGNED, actor="乡镇", role=Role.TOWNSHIP, data=data)
    _code, out, _err = run(capsys, home, "items", "responsibility", number)
    assert "主管部门：镇城建办（乡镇交办；登记时为镇民政办）" in out
    _code, out, _err = run(capsys, home, "items", "responsibility", number, "--json")
    assert json.loads(out)["competent_now"] == "镇城建办"
