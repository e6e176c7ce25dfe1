"""``qunzhong units`` (list, add, edit, pair, remove) at a township and at a station."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.intake.rules import DEFAULT_UNITS
from qunzhong_desktop.core.units import Unit
from qunzhong_desktop.storage.store import open_store
from tests.helpers.stations import copy_store
from tests.helpers.units_data import make_township

ONE, TWO = "430121101201", "430121101202"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def home(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Path:
    make_township(copy_store(_template_dirs[0], tmp_path / "township")).close()
    return tmp_path / "township"


def test_add_pair_edit_list_and_remove(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "units", "add", "--home", home, "--name", "县水利局", "--level", "县直",
        "--kind", "双联系单位", "--village", ONE, "--contact", "张局长", "--contact", "李干事",
        "--domain", "基础设施",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert (
        "已登记责任单位：县水利局　县直　双联系单位　联系村：白沙村群众工作站（430121101201）"
        in out
    )
    code, out, _ = run(capsys, "units", "pair", "--home", home, "--name", "县水利局",
                       "--village", TWO)  # fmt: skip
    assert code == 0 and "青山村群众工作站（430121101202）" in out
    code, out, _ = run(capsys, "units", "edit", "--home", home, "--name", "县水利局",
                       "--rename", "县水务局", "--no-contacts")  # fmt: skip
    assert code == 0 and "已修改责任单位：县水务局" in out and "联系干部" not in out

    code, out, _ = run(capsys, "units", "list", "--home", home, "--json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == [*DEFAULT_UNITS, "县水务局"]
    assert rows[-1] == {
        "name": "县水务局", "level": "县直", "kind": "双联系单位",
        "villages": [{"code": ONE, "name": "白沙村群众工作站"},
                     {"code": TWO, "name": "青山村群众工作站"}],
        "contacts": [], "domains": ["基础设施"],
    }  # fmt: skip
    code, out, _ = run(capsys, "units", "list", "--home", home)
    assert code == 0 and out.splitlines()[0] == f"{DEFAULT_UNITS[0]}　乡镇　职能部门"
    assert "主管：基础设施" in out.splitlines()[-1]

    code, out, _ = run(capsys, "units", "pair", "--home", home, "--name", "县水务局",
                       "--village", TWO, "--replace")  # fmt: skip
    assert code == 0 and "白沙村" not in out
    code, out, _ = run(capsys, "units", "remove", "--home", home, "--name", "县水务局")
    assert code == 0 and "已删除责任单位：县水务局" in out
    with open_store(home) as store:
        assert [u.name for u in store.units.register()] == list(DEFAULT_UNITS)
        assert store.items.units() == list(DEFAULT_UNITS)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["add", "--name", "农办", "--level", "省直"], "级别应为乡镇或县直"),
        (["add", "--name", "农办", "--kind", "窗口"], "类别应为"),
        (["add", "--name", "农办", "--village", "430121101299"], "不是本乡镇已登记的工作站"),
        (["add", "--name", "农办", "--domain", "天气"], "诉求类别“天气”不在本机的类别中"),
        (["add", "--name", DEFAULT_UNITS[0]], "重复"),
        (["add", "--name", "  "], "没有名称"),
        (["pair", "--name", "农办", "--village", ONE], "没有找到责任单位“农办”"),
        (["pair", "--name", DEFAULT_UNITS[0]], "请指明联系村"),
        (["edit", "--name", DEFAULT_UNITS[0]], "请至少给出一项修改"),
        (["edit", "--name", DEFAULT_UNITS[0], "--contact", "张", "--no-contacts"], "不能与"),
        (["edit", "--name", DEFAULT_UNITS[0], "--rename", DEFAULT_UNITS[1]], "重复"),
        (["remove", "--name", "农办"], "没有找到"),
    ],
)
def test_bad_commands_exit_1_in_chinese_and_change_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "units", argv[0], "--home", home, *argv[1:])
    assert code == 1 and out == ""
    assert err.startswith("错误：") and message in err
    with open_store(home) as store:
        assert store.units.register() == tuple(Unit(n) for n in DEFAULT_UNITS)


def test_the_last_unit_stays(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(home) as store:
        store.units.save([Unit("民政办"), Unit("司法所")])
    assert run(capsys, "units", "remove", "--home", home, "--name", "司法所")[0] == 0
    code, _, err = run(capsys, "units", "remove", "--home", home, "--name", "民政办")
    assert code == 1 and "请至少保留一个责任单位" in err


def test_a_station_lists_its_copy_and_may_not_change_it(
    _template_dirs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_store(_template_dirs[1], tmp_path / "station").close()
    home = tmp_path / "station"
    code, out, _ = run(capsys, "units", "list", "--home", home, "--json")
    assert code == 0 and [r["name"] for r in json.loads(out)] == list(DEFAULT_UNITS)
    code, _, err = run(capsys, "units", "add", "--home", home, "--name", "农办")
    assert code == 1 and "由乡镇群众工作办设置" in err
