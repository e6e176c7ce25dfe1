"""Paths a village PC has: Chinese characters and spaces, %LOCALAPPDATA%, Windows fonts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from qunzhong_desktop.cli import main
from qunzhong_desktop.home import APP_NAME, database_path, resolve_home
from qunzhong_desktop.reports import fonts
from qunzhong_desktop.storage.store import open_store

STATION = [
    "init", "station", "--code", "430121101201", "--name", "新塘村群众工作站",
    "--township-code", "430121101", "--township-name", "白沙镇",
]  # fmt: skip
CJK_FONTS = [
    p
    for p in (
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
        Path("C:/Windows/Fonts/simhei.ttf"),
        Path("C:/Windows/Fonts/msyh.ttc"),
    )
    if p.is_file()
]


@pytest.fixture
def windows_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """platformdirs answering as on Windows, %LOCALAPPDATA% with Chinese and spaces."""
    local = tmp_path / "C 盘" / "Users" / "李 秀英" / "AppData" / "Local"
    local.mkdir(parents=True)
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.delenv("QUNZHONG_HOME", raising=False)
    # the environment, as platformdirs reads it where the shell API is missing
    monkeypatch.setattr(
        platformdirs.windows,
        "_RESOLVE_WIN_FOLDER",
        platformdirs.windows.get_win_folder_from_env_vars,
    )
    monkeypatch.setattr(
        platformdirs,
        "user_data_dir",
        lambda name, appauthor=None: platformdirs.windows.Windows(name, appauthor).user_data_dir,
    )
    return local


def test_the_data_folder_under_a_chinese_localappdata(windows_dirs: Path) -> None:
    home = resolve_home()
    assert home == (windows_dirs / APP_NAME).resolve()  # %LOCALAPPDATA%\qunzhong-desktop
    assert home.is_dir() and "李 秀英" in str(home)


def test_init_and_open_in_a_folder_with_chinese_and_spaces(
    windows_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(STATION) == 0  # no --home: the platform's data folder
    home = windows_dirs / APP_NAME
    assert database_path(home).is_file()
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert str(home.resolve()) in capsys.readouterr().out
    store = open_store(home)
    try:
        station = store.register.station()
        assert station is not None and station.name == "新塘村群众工作站"
    finally:
        store.close()
    other = windows_dirs.parent / "U 盘 备份" / "第 2 站"
    assert main(["--home", str(other), *STATION]) == 0
    assert database_path(other).is_file()


@pytest.mark.skipif(not CJK_FONTS, reason="no CJK TrueType font to copy")
def test_fonts_are_found_in_the_windows_fonts_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    windir = tmp_path / "Windows 系统"
    local = tmp_path / "本地 数据"
    (windir / "Fonts").mkdir(parents=True)
    user_fonts = local / "Microsoft" / "Windows" / "Fonts"
    user_fonts.mkdir(parents=True)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    assert fonts.font_dirs() == [windir / "Fonts", user_fonts]
    with pytest.raises(fonts.FontNotFound) as info:
        fonts.find_cjk_font()
    assert "C:\\Windows\\Fonts" in info.value.message  # the Windows hint
    # a font installed for this user only (Windows 10 1809+ puts them there)
    shutil.copy(CJK_FONTS[0], user_fonts / "微软雅黑 副本.ttc")
    assert fonts.find_cjk_font().path == user_fonts / "微软雅黑 副本.ttc"
    # the system's 黑体 comes first
    shutil.copy(CJK_FONTS[0], windir / "Fonts" / "simhei.ttf")
    assert fonts.find_cjk_font().path == windir / "Fonts" / "simhei.ttf"
