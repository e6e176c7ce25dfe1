"""``qunzhong`` sync commands with real stores, keys and bundles.

Creating and opening keys runs scrypt (about a second each), so one scenario test walks the
whole round trip with two homes; the other tests stop before any key is made. The keys the
commands make come from the run's pool, sealed once (``keys_made_once``, tests/helpers/
ui_keys.py): the files are real sealed keys, opened with the real passphrase check.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.cli.sync import NO_PASSPHRASE
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import open_store
from qunzhong_desktop.sync import node
from tests.helpers.roster_builder import WANG, make_id
from tests.helpers.roster_formats import write_roster

FINGERPRINT = re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){7}$")
STATION = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇",
]  # fmt: skip
OTHER_STATION = [
    "init", "station", "--code", "430121102201", "--name", "黄花村群众工作站",
    "--township-code", "430121102", "--township-name", "黄花镇",
]  # fmt: skip
TOWNSHIP = ["init", "township", "--code", "430121101", "--name", "白沙镇群众工作办"]
ITEM = [
    "items", "add", "--requester-name", "王大爷", "--phone", "13812345678", "--channel", "来访",
    "--domain", "社会保障", "--grade", "B", "--type", "承诺件", "--content", "咨询养老保险补缴",
]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def lines(text: str) -> list[str]:
    return text.strip().splitlines()


def not_set_up(home: Path) -> bool:
    store = open_store(home)
    try:
        return not store.is_set_up() and node_role(store.db) == ""
    finally:
        store.close()


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.mark.slow
def test_township_and_station_round_trip(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
    keys_made_once: str,
) -> None:
    monkeypatch.setenv(node.PASSPHRASE_ENV, keys_made_once)
    township, station, usb = tmp_path / "township", tmp_path / "station", tmp_path / "usb"
    usb.mkdir()

    # the township sets up and writes the kit
    code, out, err = run(capsys, *TOWNSHIP, "--phone", "0731-84560000", "--home", township)
    assert code == 0, err
    assert "白沙镇群众工作办（430121101）" in out
    township_fp = lines(out)[-1].split("：")[-1]
    assert FINGERPRINT.match(township_fp)
    code, out, err = run(capsys, "--home", township, "station-kit", "--out", usb / "白沙镇.qzkit")
    assert code == 0, err
    assert (usb / "白沙镇.qzkit").is_file() and township_fp in out

    # a station of another township cannot take the kit: nothing is set up
    other = tmp_path / "other"
    code, out, err = run(capsys, *OTHER_STATION, "--kit", usb / "白沙镇.qzkit", "--home", other)
    assert code == 1 and out == ""
    assert "430121101" in err and "430121102" in err and err.count("\n") == 1
    assert not_set_up(other) and not node.has_keys(other)

    # the station sets up with the kit, then writes its enrollment file
    code, out, err = run(capsys, *STATION, "--kit", usb / "白沙镇.qzkit", "--home", station)
    assert code == 0, err
    assert "白沙村群众工作站" in out and township_fp in out
    station_fp = lines(out)[-1].split("：")[-1]
    assert FINGERPRINT.match(station_fp) and station_fp != township_fp
    code, out, err = run(capsys, "enrollment", "--out", usb / "白沙村.qzenroll",
                         "--sheet", usb / "白沙村登记表.pdf", "--home", station)  # fmt: skip
    assert code == 0, err
    assert lines(out)[-1] == station_fp and "已生成登记表" in out
    sheet = "".join(PdfReader(usb / "白沙村登记表.pdf").pages[0].extract_text().split())
    assert "工作站登记表" in sheet and "".join(station_fp.split()) in sheet

    # the township enrolls it only with the right fingerprint
    enrollment = usb / "白沙村.qzenroll"
    wrong = "0000 1111 2222 3333 4444 5555 6666 7777"
    code, out, err = run(capsys, "enroll", enrollment, "--fingerprint", wrong, "--home", township)
    assert code == 1 and "指纹" in err and err.count("\n") == 1
    typed = station_fp.replace(" ", "").lower()
    code, out, err = run(capsys, "enroll", enrollment, "--fingerprint", typed, "--home", township)
    assert code == 0, err
    assert "白沙村群众工作站（430121101201）" in out

    # the station starts the normal way: its roster (messy, then again in the other two
    # formats, then corrected), an item and demo data; issue 9: this could never sync
    data = Path(__file__).parents[1] / "data"
    for roster in ("roster_messy.xlsx", "roster_messy.ods", "roster_messy.xls"):
        code, out, err = run(capsys, "import-roster", data / roster, "--home", station)
        assert code == 0, err
    corrected = write_roster(
        usb / "花名册（改正）.xls",
        ["户号", "姓名", "与户主关系", "身份证号", "联系电话", "家庭住址", "网格"],
        [["002", "王大山", "户主", WANG, "13900001112", "白沙村二组 3 号", "第二网格"],
         ["004", "周九", "户主", make_id("19800808", "071"), "", "白沙村四组", "第四网格"]],
    )  # fmt: skip
    code, out, err = run(capsys, "import-roster", corrected, "--home", station)
    assert code == 0, err
    assert "户：已新建 1，已更新 1" in out
    code, out, err = run(capsys, *ITEM, "--home", station)
    assert code == 0, err
    number = out.strip()
    code, out, err = run(capsys, "demo", "--households", "5", "--items", "12", "--home", station)
    assert code == 0, err
    up = usb / "up"
    up.mkdir()
    code, out, err = run(capsys, "export-bundle", "--out", up, "--home", station)
    assert code == 0, err
    summary, path = lines(out)
    assert "白沙镇群众工作办" in summary and "序号 1–" in summary and "事项" in summary
    bundle = Path(path)
    assert bundle.is_file() and bundle.parent == up

    # the township imports it once, with no conflict; again changes nothing
    code, out, err = run(capsys, "import-bundle", bundle, "--home", township)
    assert code == 0, err
    assert bundle.name in out and "已导入" in out and "冲突" not in out
    code, out, err = run(capsys, "import-bundle", bundle, "--home", township)
    assert code == 0, err
    assert "已于" in out and "导入过" in out

    # a damaged copy is refused in one line; the good file after it is still reported
    damaged = usb / "damaged.qzb"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    code, out, err = run(capsys, "import-bundle", damaged, bundle, "--home", township)
    assert code == 1
    assert err.startswith("错误：damaged.qzb：") and err.count("\n") == 1
    assert bundle.name in out and "导入过" in out

    # the stations board
    code, out, err = run(capsys, "--home", township, "stations", "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["code"] == "430121101201" and row["enrolled"] is True
    assert row["received_through"] > 0 and row["fingerprint"] == station_fp
    assert row["open_items"] > 1 and row["missing"] is None
    assert dt.datetime.fromisoformat(row["last_received_at"]).tzinfo is not None
    code, out, err = run(capsys, "stations", "--home", township)
    assert code == 0, err
    header, line = lines(out)
    assert header.split()[:3] == ["代码", "名称", "已登记"]
    assert line.startswith("430121101201") and station_fp in line

    # the township works on the escalated demo items (its own demo steps)
    code, out, err = run(capsys, "demo", "--seed", "2", "--home", township)
    assert code == 0, err
    assert "件上报事项生成乡镇办理记录" in out

    # the township's dispatch goes back and acknowledges the station's changes
    down = usb / "down"
    down.mkdir()
    code, out, err = run(
        capsys, "export-bundle", "--out", down, "--station", "430121101201", "--home", township
    )
    assert code == 0, err
    dispatch = Path(lines(out)[-1])
    assert dispatch.is_file() and "白沙村群众工作站" in lines(out)[0]
    code, out, err = run(capsys, "import-bundle", dispatch, "--home", station)
    assert code == 0, err
    assert dispatch.name in out and "冲突" not in out
    code, out, err = run(capsys, "stations", "--json", "--home", station)
    (row,) = json.loads(out)
    assert row["role"] == "township" and row["code"] == "430121101"
    assert row["acked_through"] > 0 and row["fingerprint"] == township_fp

    # the item is still the station's, under its number; both sides see the same states
    code, out, err = run(capsys, "items", "list", "--json", "--home", station)
    here = {r["number"]: r["state"] for r in json.loads(out)}
    assert number in here
    code, out, err = run(capsys, "items", "list", "--json", "--home", township)
    assert {r["number"]: r["state"] for r in json.loads(out)} == here


def test_without_passphrase_nothing_is_set_up(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
) -> None:
    monkeypatch.delenv(node.PASSPHRASE_ENV, raising=False)
    code, _, err = run(capsys, *TOWNSHIP, "--home", tmp_path / "t")
    assert code == 1 and err.strip() == f"错误：{NO_PASSPHRASE}"
    assert not_set_up(tmp_path / "t")
    kit = tmp_path / "kit.qzkit"
    kit.write_bytes(b"not a kit")
    code, _, err = run(capsys, *STATION, "--kit", kit, "--home", tmp_path / "s")
    assert code == 1 and err.count("\n") == 1
    assert not_set_up(tmp_path / "s")


def test_a_short_passphrase_is_refused_before_setup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(node.PASSPHRASE_ENV, "abc")
    code, _, err = run(capsys, *TOWNSHIP, "--home", tmp_path)
    assert code == 1 and "至少 6 个字符" in err
    assert not_set_up(tmp_path) and not node.has_keys(tmp_path)


def test_a_station_without_passphrase_gets_its_keys_later(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    no_terminal: None,
) -> None:
    monkeypatch.delenv(node.PASSPHRASE_ENV, raising=False)
    code, out, err = run(capsys, *STATION, "--home", tmp_path)
    assert code == 0 and "白沙村群众工作站" in out
    assert "QUNZHONG_PASSPHRASE" in lines(out)[-1] and err == ""
    assert not node.has_keys(tmp_path)
    code, out, err = run(capsys, "enrollment", "--out", tmp_path / "e.qzenroll", "--home", tmp_path)
    assert code == 1 and NO_PASSPHRASE in err
    assert not (tmp_path / "e.qzenroll").exists()


def test_passphrase_typed_twice_must_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(node.PASSPHRASE_ENV, raising=False)
    terminal = io.StringIO("")
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", terminal)
    typed = iter(["口令一二三四五", "口令一二三四六"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    code, _, err = run(capsys, *TOWNSHIP, "--home", tmp_path)
    assert code == 1 and "不一致" in err
    assert not_set_up(tmp_path) and not node.has_keys(tmp_path)


def test_sync_commands_need_a_set_up_pc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "stations", "--home", tmp_path)
    assert code == 1 and "init township" in err


@pytest.mark.slow
def test_rekey_starts_a_new_epoch_and_keeps_the_old_key_files(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    keys_made_once: str,
) -> None:
    monkeypatch.setenv(node.PASSPHRASE_ENV, keys_made_once)
    code, out, err = run(capsys, *TOWNSHIP, "--home", tmp_path)
    assert code == 0, err
    old = lines(out)[-1].split("：")[-1]
    code, out, err = run(capsys, "rekey", "--home", tmp_path)
    assert code == 0, err
    new = lines(out)[-1]
    assert FINGERPRINT.match(new) and new != old
    assert "乡镇工作包" in out  # what to do next
    retired = list((tmp_path / "keys").glob("retired-*/node-keys.public.json"))
    assert len(retired) == 1
    with sqlite3.connect(tmp_path / "qunzhong.sqlite3") as conn:
        assert conn.execute("SELECT epoch FROM local_node").fetchone() == (2,)
