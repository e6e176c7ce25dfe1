import subprocess
import sys
from pathlib import Path

import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.home import database_path, resolve_home
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.register_repo import SqlRegister

INIT = [
    "init", "station", "--code", "430121101201", "--name", "白沙村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇", "--phone", "0731-84561234",
]  # fmt: skip


def test_init_station_creates_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert "白沙村群众工作站" in capsys.readouterr().out
    db = Database(database_path(tmp_path))
    profile = SqlRegister(db).station()
    db.close()
    assert (
        profile is not None and profile.code == "430121101201" and profile.phone == "0731-84561234"
    )


def test_init_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*INIT, "--home", str(tmp_path)]) == 0
    assert main([*INIT, "--home", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "已设置" in err


def test_bad_station_code_is_one_line_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*INIT, "--home", str(tmp_path)]
    args[args.index("430121101201")] = "43012110120"
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert "12 位" in err and "\n" not in err
    db = Database(database_path(tmp_path))
    assert SqlRegister(db).station() is None
    db.close()


def test_station_must_lie_in_its_township(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*INIT, "--home", str(tmp_path)]
    args[args.index("430121101")] = "430121102"
    assert main(args) == 1
    assert "前 9 位" in capsys.readouterr().err


def test_home_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUNZHONG_HOME", str(tmp_path / "envhome"))
    assert resolve_home() == (tmp_path / "envhome").resolve()
    assert resolve_home(tmp_path / "explicit") == (tmp_path / "explicit").resolve()


@pytest.mark.slow
def test_cli_never_imports_pyside6(tmp_path: Path) -> None:
    code = (
        "import sys; from qunzhong_desktop.cli import main; "
        f"main(['init', 'station', '--home', r'{tmp_path}', '--code', '430121101201', "
        "'--name', 'x', '--township-code', '430121101', '--township-name', 'y']); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'PySide6 imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_home_may_stand_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(tmp_path / "a"), *INIT]) == 0
    assert (tmp_path / "a" / "qunzhong.sqlite3").exists()
    assert main([*INIT, "--home", str(tmp_path / "b")]) == 0
    assert (tmp_path / "b" / "qunzhong.sqlite3").exists()


def test_python_m_starts_the_desktop_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qunzhong_desktop", "--help"],
        check=False,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert "--home" in done.stdout and "qunzhong-desktop" in done.stdout
