"""Every file in the data directory is readable by its owner only (issue 13, item 4)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.home import protect

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def loose(home: Path) -> list[str]:
    """Entries anyone but the owner may read, write or enter."""
    found = []
    for path in [home, *home.rglob("*")]:
        if not path.is_symlink() and stat.S_IMODE(path.lstat().st_mode) & 0o077:
            found.append(f"{path.relative_to(home)} {oct(stat.S_IMODE(path.lstat().st_mode))}")
    return found


def test_a_worked_data_folder_is_owner_only(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    keys_made_once: str,  # the keys from the run's pool, sealed once (tests/helpers/ui_keys)
) -> None:
    old = os.umask(0o022)  # the usual desktop umask: new files would be world-readable
    try:
        home = tmp_path / "home"
        h = ["--home", str(home)]
        assert main(["init", "station", *h, "--code", "430121101201", "--name", "白沙村群众工作站",
                     "--township-code", "430121101", "--township-name", "白沙镇"]) == 0  # fmt: skip
        assert main(["items", "add", *h, "--requester-name", "王大爷", "--channel", "来访",
                     "--domain", "教育", "--grade", "B", "--type", "承诺件",
                     "--content", "入学"]) == 0  # fmt: skip
        messy = Path(__file__).parents[1] / "data" / "roster_messy.xlsx"
        report = home / "花名册-错误报告.xlsx"  # saved into the data folder: private too
        main(["import-roster", str(messy), "--report", str(report), *h])
        assert report.is_file()
        monkeypatch.setenv("QUNZHONG_PASSPHRASE", keys_made_once)
        assert main(["enrollment", *h, "--out", str(tmp_path / "e.qzenroll")]) in (0, 1)
        capsys.readouterr()
        assert {p.name for p in home.iterdir()} >= {"qunzhong.sqlite3"}
        assert loose(home) == []
    finally:
        os.umask(old)


def test_an_older_folder_is_closed_up_when_opened(tmp_path: Path) -> None:
    home = tmp_path / "old"
    (home / "backups").mkdir(parents=True)
    for name in ("qunzhong.sqlite3", "qunzhong.sqlite3-wal", "backups/before-0007.sqlite3"):
        (home / name).write_bytes(b"x")
        os.chmod(home / name, 0o644)
    os.chmod(home, 0o755)
    os.symlink("/etc/hostname", home / "link")  # a link is not followed
    assert protect(home) == 5
    assert loose(home) == [] and protect(home) == 0
