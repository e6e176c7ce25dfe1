"""The PC's faults are one Chinese sentence, a non-zero exit and no damage (issue 10, case 9).

Each case was a traceback before: a data folder that is a file, a read-only or full disk,
a database file that is not a database, a database of a newer program, the roster error
report into a read-only folder after the roster was imported, concurrent ``items add``.
Read-only and full disks are real: small tmpfs mounts (root only; skipped otherwise).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.home import database_path
from tests.helpers import forked

pytestmark = pytest.mark.slow

INIT = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇",
]  # fmt: skip
ITEM = [
    "items", "add", "--requester-name", "王大爷", "--channel", "来访", "--domain", "社会保障",
    "--grade", "B", "--type", "承诺件", "--content", "咨询养老保险补缴",
]  # fmt: skip
CLI = "import sys; from qunzhong_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
ROSTER = Path(__file__).parents[1] / "data" / "roster_messy.xlsx"


def qz(home: Path, *argv: str | Path) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own (a fork of this one: tests/helpers/forked.py)."""
    env = {k: v for k, v in os.environ.items() if k != "QUNZHONG_PASSPHRASE"}
    return forked.run(CLI, "--home", str(home), *map(str, argv), env=env)


@pytest.fixture(scope="module")
def station_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station's data folder set up once (``init station`` in this process).

    The faults below are the subject, not setting up: each test copies this folder where
    its fault is (a small disk, a folder of its own) and runs the commands that meet the
    fault in a real process: a fork of this one (tests/helpers/forked.py), which has the
    program imported. First starts in a new interpreter are tests/cli/test_setup.py's.
    """
    home = tmp_path_factory.mktemp("environment") / "home"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--home", str(home), *INIT]) == 0
    return home


def set_up(station_home: Path, home: Path) -> Path:
    """A copy of the set-up station in ``home``."""
    shutil.copytree(station_home, home)
    return home


def one_sentence(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("错误：") and done.stderr.count("\n") == 1, done.stderr
    for word in words:
        assert word in done.stderr, done.stderr


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                      capture_output=True, check=False).returncode:  # fmt: skip
        pytest.skip("cannot mount tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def test_a_data_folder_that_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "数据"
    home.write_text("not a folder")
    one_sentence(qz(home, "items", "list"), "是一个文件")


def test_a_database_file_that_is_not_a_database(station_home: Path, tmp_path: Path) -> None:
    home = set_up(station_home, tmp_path / "home")
    database_path(home).write_bytes(b"this is no database " * 400)
    for wal in home.glob("qunzhong.sqlite3-*"):
        wal.unlink()
    one_sentence(qz(home, "items", "list"), "已损坏", "backups")


def test_a_database_of_a_newer_program(station_home: Path, tmp_path: Path) -> None:
    home = set_up(station_home, tmp_path / "home")
    with sqlite3.connect(database_path(home)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    one_sentence(qz(home, "items", "list"), "更新版本", "0099")
    with sqlite3.connect(database_path(home)) as conn:  # not touched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0099",)


def test_a_read_only_disk(station_home: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "8m") as disk:
        home = set_up(station_home, disk / "home")
        assert qz(home, *ITEM).returncode == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        one_sentence(qz(home, *ITEM), "只读")


def test_a_full_disk_keeps_what_was_there(station_home: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", "2m") as disk:  # the store after init is ~1 MB
        home = set_up(station_home, disk / "home")
        assert qz(home, *ITEM).returncode == 0
        done = qz(home, "demo", "--households", "1000", "--items", "0")
        one_sentence(done, "磁盘空间已满")
        with sqlite3.connect(database_path(home)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert conn.execute("SELECT count(*) FROM intake_item").fetchone() == (1,)


def test_the_roster_report_into_a_read_only_folder_after_the_import(
    station_home: Path, tmp_path: Path
) -> None:
    set_up(station_home, tmp_path / "home")
    with tmpfs(tmp_path / "ro", "1m") as disk:
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        done = qz(tmp_path / "home", "import-roster", ROSTER, "--report", disk / "错误报告.xlsx")
        one_sentence(done, "花名册已导入", "错误报告没有保存")
        assert "户：已新建 3" in done.stdout  # the import itself happened, and said so
        assert not list(disk.iterdir())  # no partial file


def test_concurrent_items_add_lose_nothing(station_home: Path, tmp_path: Path) -> None:
    home = set_up(station_home, tmp_path / "home")
    env = {k: v for k, v in os.environ.items() if k != "QUNZHONG_PASSPHRASE"}
    procs = [forked.start(CLI, "--home", str(home), *ITEM, env=env) for _ in range(5)]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in results]
    numbers = sorted(out.strip() for out, _ in results)
    assert numbers == [f"430121101201-{numbers[0][13:17]}-{n:05d}" for n in range(1, 6)]


def test_output_into_a_pipe_that_stopped_reading(station_home: Path, tmp_path: Path) -> None:
    """``qunzhong items list | head -1``: the reader went away, which is no error (a new
    interpreter, not a fork: what it does with the closed pipe at its exit is the subject)."""
    home = set_up(station_home, tmp_path / "home")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--home", str(home), "demo", "--households", "20", "--items", "200"]) == 0
    env = {k: v for k, v in os.environ.items() if k != "QUNZHONG_PASSPHRASE"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "--home", str(home), "items", "list"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before its first line: ~22 KB must go into a closed pipe
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert err == ""
