import shutil
from pathlib import Path

import pytest

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.reports.fonts import (
    FontNotFound,
    find_cjk_font,
    font_dirs,
    load_font_file,
    parse_setting,
)

SYSTEM_CJK = [
    p
    for p in (
        Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
        Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
    )
    if p.is_file()
]
needs_cjk = pytest.mark.skipif(not SYSTEM_CJK, reason="no CJK TrueType font installed")


def test_no_font_in_an_empty_dir_is_a_typed_error_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(FontNotFound) as info:
        find_cjk_font(search_dirs=[tmp_path, tmp_path / "missing"])
    error = info.value
    assert isinstance(error, DomainError) and error.code == "cards.font_missing"
    assert "中文" in error.message and "设置" in error.message
    assert str(tmp_path) in error.data["searched"]


def test_latin_and_cff_fonts_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "NotoSansCJK-Regular.ttc").write_bytes(
        b"ttcf\x00\x01\x00\x00\x00\x00\x00\x01" + b"\x00\x00\x00\x10OTTO" + b"\x00" * 3_000_000
    )
    (tmp_path / "broken.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 3_000_000)
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.is_file():
        shutil.copy(dejavu, tmp_path / "DejaVuSans.ttf")
    with pytest.raises(FontNotFound):
        find_cjk_font(search_dirs=[tmp_path])


@needs_cjk
def test_discovers_a_cjk_truetype_font_on_this_machine() -> None:
    font = find_cjk_font()
    assert font.path.suffix.lower() in (".ttf", ".ttc")
    assert font.family
    assert find_cjk_font() is font  # registered once


@needs_cjk
def test_discovery_in_given_dirs_finds_any_cjk_truetype(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "SomeOtherName.ttf").symlink_to(SYSTEM_CJK[-1])
    font = find_cjk_font(search_dirs=[tmp_path])
    assert font.path == nested / "SomeOtherName.ttf"


@needs_cjk
def test_configured_font_overrides_discovery() -> None:
    chosen = SYSTEM_CJK[-1]
    assert find_cjk_font(str(chosen)).path == chosen
    assert find_cjk_font(f"{SYSTEM_CJK[0]}#0").path == SYSTEM_CJK[0]


def test_configured_font_missing_or_unusable_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(FontNotFound) as info:
        find_cjk_font(str(tmp_path / "simhei.ttf"))
    assert "不存在" in info.value.message and "设置" in info.value.message
    otf = tmp_path / "NotoSansCJKsc-Regular.otf"
    otf.write_bytes(b"OTTO" + b"\x00" * 100)
    with pytest.raises(FontNotFound) as info:
        load_font_file(otf)
    assert "TrueType" in info.value.message
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if dejavu.is_file():
        with pytest.raises(FontNotFound) as info:
            load_font_file(dejavu)
        assert "不含中文" in info.value.message


def test_parse_setting() -> None:
    assert parse_setting("C:/Windows/Fonts/simsun.ttc#1") == (
        Path("C:/Windows/Fonts/simsun.ttc"),
        1,
    )
    assert parse_setting(" /x/a#b.ttf ") == (Path("/x/a#b.ttf"), 0)


def test_font_dirs_are_absolute() -> None:
    assert font_dirs() and all(d.is_absolute() for d in font_dirs())
