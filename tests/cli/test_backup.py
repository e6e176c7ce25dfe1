"""``qunzhong restore``: what a backup holds, then the store as it was (issue 14, item 5)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main

ITEM = ["items", "add", "--requester-name", "王大爷", "--channel", "来访", "--domain", "教育",
        "--grade", "B", "--type", "承诺件", "--content", "入学"]  # fmt: skip


def test_a_backup_is_shown_then_restored_and_the_current_file_kept_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    h = ["--home", str(home)]
    assert main(["init", "station", *h, "--code", "430121101201", "--name", "白沙村群众工作站",
                 "--township-code", "430121101", "--township-name", "白沙镇"]) == 0  # fmt: skip
    assert main([*ITEM, *h]) == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    assert main(["backup", "--out", str(stick), *h]) == 0
    [copy] = stick.glob("*.sqlite3.gz")
    assert main([*ITEM, *h]) == 0 and main([*ITEM, *h]) == 0  # three items now
    capsys.readouterr()
    assert main(["restore", str(copy), *h]) == 0  # shows, replaces nothing
    shown = capsys.readouterr().out
    assert "事项：1 件" in shown and "--yes" in shown
    assert main(["items", "list", "--json", *h]) == 0
    assert capsys.readouterr().out.count('"number"') == 3
    assert main(["restore", str(copy), "--yes", *h]) == 0
    out = capsys.readouterr().out
    assert "已恢复" in out and "rekey" not in out  # never synced: nothing more to do
    assert main(["items", "list", "--json", *h]) == 0
    assert capsys.readouterr().out.count('"number"') == 1
    aside = list((home / "backups").glob("qunzhong-*-beforerestore.sqlite3.gz"))
    assert len(aside) == 1  # the three-item store, kept
    # a damaged copy is never restored
    broken = stick / "qunzhong-20261202-090000-manual.sqlite3.gz"
    broken.write_bytes(gzip.compress(b"SQLite format 3\x00" + b"\x00" * 200))
    assert main(["restore", str(broken), "--yes", *h]) == 1
    assert "已损坏" in capsys.readouterr().err
    cut = stick / "qunzhong-20261202-090001-manual.sqlite3.gz"
    cut.write_bytes(copy.read_bytes()[:300])  # a copy cut short on the stick
    assert main(["restore", str(cut), "--yes", *h]) == 1
    assert "已损坏" in capsys.readouterr().err
    assert main(["items", "list", "--json", *h]) == 0
    assert capsys.readouterr().out.count('"number"') == 1


def test_a_station_that_synced_takes_new_keys_after_a_restore(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    keys_made_once: str,  # the keys from the run's pool, sealed once (tests/helpers/ui_keys)
) -> None:
    from qunzhong_desktop.storage.store import open_store
    from qunzhong_desktop.sync import node

    home = tmp_path / "home"
    h = ["--home", str(home)]
    assert main(["init", "station", *h, "--code", "430121101201", "--name", "白沙村群众工作站",
                 "--township-code", "430121101", "--township-name", "白沙镇"]) == 0  # fmt: skip
    monkeypatch.delenv("QUNZHONG_PASSPHRASE", raising=False)
    node.create_keys(home, keys_made_once)  # as its enrollment made them
    assert main(["backup", *h]) == 0
    [copy] = (home / "backups" / "auto").glob("*.sqlite3.gz")
    capsys.readouterr()
    # no passphrase at hand: told exactly what to do
    assert main(["restore", str(copy), "--yes", *h]) == 0
    assert "qunzhong rekey" in capsys.readouterr().out
    monkeypatch.setenv("QUNZHONG_PASSPHRASE", keys_made_once)
    with open_store(home) as store:
        epoch = store.db.engine.connect().exec_driver_sql("SELECT epoch FROM local_node").scalar()
    assert main(["restore", str(copy), "--yes", *h]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "重新登记" in "".join(out) and "备份时间" in out[1]
    assert out[-2].startswith("已更换本机密钥") and len(out[-1].split()) == 8  # fingerprint
    with open_store(home) as store:
        again = store.db.engine.connect().exec_driver_sql("SELECT epoch FROM local_node").scalar()
    assert again == epoch + 1  # a new epoch: the township will not take it for a copied PC
