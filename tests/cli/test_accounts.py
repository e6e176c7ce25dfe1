"""``qunzhong accounts`` and ``qunzhong --operator`` (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main

ITEM = [
    "items", "add", "--requester-name", "王大爷", "--phone", "13812345678", "--channel", "来访",
    "--domain", "社会保障", "--grade", "B", "--type", "承诺件", "--content", "咨询养老保险补缴",
]  # fmt: skip


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert main(["init", "station", "--home", str(home), "--code", "430121101201",
                 "--name", "白沙村群众工作站", "--township-code", "430121101",
                 "--township-name", "白沙镇"]) == 0  # fmt: skip
    capsys.readouterr()
    return home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_operators_sign_in_and_the_head_reads_the_log(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    h = ["--home", str(home)]
    # without accounts the CLI runs as before
    assert run(capsys, *ITEM, *h)[0] == 0
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "站长密码123")
    code, out, _ = run(capsys, "accounts", "add", "王站长", "--role", "head", *h)
    assert code == 0 and out.strip() == "已建操作员账号：王站长（站长）"
    # from now on a command names its operator
    code, out, err = run(capsys, *ITEM, *h)
    assert code == 1 and "--operator" in err and out == ""
    monkeypatch.setenv("QUNZHONG_PASSWORD", "站长密码123")
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "工作人员密码1")
    assert run(capsys, "--operator", "王站长", "accounts", "add", "李秀英", *h)[0] == 0
    monkeypatch.setenv("QUNZHONG_PASSWORD", "错误的密码")
    code, _out, err = run(capsys, "--operator", "李秀英", *ITEM, *h)
    assert code == 1 and "姓名或密码不对" in err
    monkeypatch.setenv("QUNZHONG_PASSWORD", "工作人员密码1")
    code, number, _err = run(capsys, "--operator", "李秀英", *ITEM, *h)
    assert code == 0
    code, out, _err = run(capsys, "--operator", "李秀英", "items", "show", number.strip(), *h)
    assert "李秀英　已受理" in out  # the history names the clerk
    code, _out, err = run(capsys, "--operator", "李秀英", "accounts", "log", *h)
    assert code == 1 and "没有权限管理操作员账号" in err
    out_file = home.parent / "台账.xlsx"
    assert (
        run(
            capsys, "--operator", "李秀英", "ledger", "--kind", "items", "--out", str(out_file), *h
        )[0]
        == 0
    )
    monkeypatch.setenv("QUNZHONG_OPERATOR", "王站长")
    monkeypatch.setenv("QUNZHONG_PASSWORD", "站长密码123")
    code, out, _err = run(capsys, "accounts", "log", "--json", *h)
    lines = json.loads(out)
    assert [(e["operator"], e["action"]) for e in lines[:3]] == [
        ("王站长", "sign_in"), ("李秀英", "export"), ("李秀英", "sign_in")
    ]  # fmt: skip
    code, out, _err = run(capsys, "accounts", "list", *h)
    assert out.splitlines() == ["王站长　站长", "李秀英　工作人员"]
