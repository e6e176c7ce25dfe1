"""``qunzhong diary finding --requester``: a group raises a problem at a 民情恳谈会 (issue 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.entities import Cadre, Household, Person
from qunzhong_desktop.storage.store import open_store

DAY = dt.date.today() - dt.timedelta(days=3)


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert main(
        [
            "init", "station", "--home", str(home), "--code", "430121101201",
            "--name", "白沙村群众工作站", "--township-code", "430121101",
            "--township-name", "白沙镇", "--phone", "0731-84561234", "--operator", "李秀英",
        ]
    ) == 0  # fmt: skip
    store = open_store(home)
    try:
        store.register.save_cadre(Cadre(name="刘建国", unit="镇党委"))
        store.register.save_household(Household(number="0001", members=[Person(name="张三丰")]))
    finally:
        store.close()
    capsys.readouterr()
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def finding(home: Path, *who: str) -> list[str]:
    return [
        "diary", "finding", "--home", str(home), "--cadre", "刘建国", "--date", DAY.isoformat(),
        *who, "--content", "村道路灯坏了一半", "--domain", "基础设施",
    ]  # fmt: skip


def test_a_group_raises_a_problem_at_a_meeting(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "diary", "add", "--home", str(home), "--cadre", "刘建国",
        "--date", DAY.isoformat(), "--kind", "民情恳谈会", "--text", "在村部召开民情恳谈会。",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, *finding(home, "--requester", "第三村民小组"))
    assert code == 0, err
    number = out.strip()
    code, out, err = run(capsys, *finding(home, "--requester", " "))
    assert code == 1 and "请填写提出问题的群体或村" in err
    with pytest.raises(SystemExit):  # a household or a group, not both
        main(finding(home, "--household", "0001", "--requester", "第三村民小组"))
    capsys.readouterr()
    store = open_store(home)
    try:
        item = store.items.item(number)
        assert (item.channel, item.requester_name, item.requester_person_id) == (
            "民情恳谈会", "第三村民小组", None,
        )  # fmt: skip
    finally:
        store.close()


def test_a_group_is_refused_at_a_home_visit(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(
        capsys, "diary", "add", "--home", str(home), "--cadre", "刘建国",
        "--date", DAY.isoformat(), "--kind", "入户走访", "--household", "0001", "--text", "走访。",
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run(capsys, *finding(home, "--requester", "第三村民小组"))
    assert code == 1 and out == "" and "只有民情恳谈会上的问题可以由群体或全村提出" in err
    code, out, err = run(capsys, *finding(home, "--household", "0001"))
    assert code == 0, err
