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
    lines = out.splitlines()
    assert code == 0 and lines[0] == "已建操作员账号：王站长（站长）" and "已加密" in lines[1]
    recovery = lines[2]
    # the database is encrypted now: sqlite3 alone cannot read it, the keys file names
    # only the operators
    import sqlite3

    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(home / "qunzhong.sqlite3").execute("SELECT * FROM household").fetchall()
    assert "王站长" in (home / "qunzhong.keys.json").read_text(encoding="utf-8")
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
    code, out, _err = run(capsys, "accounts", "log", "--out", str(home.parent / "log.xlsx"), *h)
    assert code == 0 and "已导出访问记录" in out and (home.parent / "log.xlsx").is_file()
    code, out, _err = run(capsys, "accounts", "list", *h)
    assert out.splitlines() == ["王站长　站长", "李秀英　工作人员"]
    assert len(recovery) == 34 and recovery.count("-") == 4


def test_every_password_lost_the_recovery_code_opens_the_data(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    h = ["--home", str(home)]
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "站长密码123")
    code, out, _ = run(capsys, "accounts", "add", "王站长", "--role", "head", *h)
    recovery = out.splitlines()[2]
    monkeypatch.setenv("QUNZHONG_OPERATOR", "王站长")
    monkeypatch.setenv("QUNZHONG_PASSWORD", "忘了是什么")
    code, _out, err = run(capsys, "items", "list", *h)
    assert code == 1 and "姓名或密码不对" in err
    code, _out, err = run(capsys, "accounts", "recover", "王站长", "--code", "1-2-3", *h)
    assert code == 1 and "恢复码不对" in err
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "新的站长密码1")
    code, out, err = run(capsys, "accounts", "recover", "王站长", "--code", recovery, *h)
    assert code == 0, err
    monkeypatch.setenv("QUNZHONG_PASSWORD", "新的站长密码1")
    assert run(capsys, "items", "list", *h)[0] == 0


def test_a_plain_store_can_be_chosen(home: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "站长密码123")
    code, out, _ = run(capsys, "accounts", "add", "王站长", "--role", "head", "--plain",
                       "--home", str(home))  # fmt: skip
    assert code == 0 and "加密" not in out
    assert not (home / "qunzhong.keys.json").exists()


def test_a_plain_store_is_encrypted_later_by_the_head(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    h = ["--home", str(home)]
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "站长密码123")
    run(capsys, "accounts", "add", "王站长", "--role", "head", "--plain", *h)
    monkeypatch.setenv("QUNZHONG_OPERATOR", "王站长")
    monkeypatch.setenv("QUNZHONG_PASSWORD", "站长密码123")
    monkeypatch.setenv("QUNZHONG_NEW_PASSWORD", "工作人员密码1")
    run(capsys, "accounts", "add", "李秀英", *h)
    code, out, err = run(capsys, "accounts", "encrypt", *h)
    assert code == 0, err
    assert "已加密" in out and "李秀英" in out.splitlines()[-1]  # her password: set again
    assert (home / "qunzhong.keys.json").is_file()
    code, out, _err = run(capsys, "accounts", "encrypt", *h)
    assert out.strip() == "数据库已经加密。"
    code, _out, _err = run(capsys, "accounts", "password", "李秀英", *h)
    assert code == 0
    monkeypatch.setenv("QUNZHONG_OPERATOR", "李秀英")
    monkeypatch.setenv("QUNZHONG_PASSWORD", "工作人员密码1")
    assert run(capsys, "items", "list", *h)[0] == 0
