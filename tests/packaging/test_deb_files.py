"""The .deb's files: the menu entry, the control file, the staged layout (no dpkg-deb run)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.packaging_files import PACKAGING, ROOT, load

build_deb = load("build_deb")
DESKTOP = PACKAGING / "debian" / "qunzhong-desktop.desktop"
posix_only = pytest.mark.skipif(os.name != "posix", reason="the .deb is built on Linux")


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "群众工作站" and entry["Name[en]"] == "Mass-work station"
    assert re.search(r"[\u4e00-\u9fff]", entry["Comment"])  # a Chinese comment
    assert "Office" in entry["Categories"].split(";") and entry["Categories"].endswith(";")
    assert entry["Exec"].split()[0] == "qunzhong-desktop" and entry["Terminal"] == "false"
    assert build_deb.ICON_PATH.stem == entry["Icon"]  # the icon the package installs
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(
            ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def _depends() -> set[str]:
    text = (PACKAGING / "debian" / "control.in").read_text(encoding="utf-8")
    field = re.search(r"^Depends:(.*?)^\S", text, re.S | re.M)
    assert field is not None
    return {
        alt.strip().split()[0]
        for part in field.group(1).split(",")
        for alt in part.split("|")
        if alt.strip()
    }


def test_depends_on_a_truetype_cjk_font_and_the_xcb_libraries() -> None:
    depends = _depends()
    assert "fonts-wqy-microhei" in depends
    for lib in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
                "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1",
                "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1",
                "libdbus-1-3"):  # fmt: skip
        assert lib in depends, lib


def test_the_readme_lists_the_same_libraries_for_a_venv() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if "apt install" in x and "libxcb-cursor0" in x)
    listed = {w for w in line.split() if w.startswith(("lib", "fonts-"))}
    assert listed and listed <= _depends(), listed - _depends()


def test_no_maintainer_script_can_touch_the_data() -> None:
    scripts = {"preinst", "postinst", "prerm", "postrm", "config", "triggers"}
    assert not scripts & {p.name for p in (PACKAGING / "debian").iterdir()}
    assert "postrm" in build_deb.__doc__ and "never touches users' data" in build_deb.__doc__


def test_control_file_is_filled_in() -> None:
    text = build_deb.control_text(
        {"VERSION": "1.2.3", "ARCH": "arm64", "INSTALLED_SIZE": "1000", "LIBC": "libc6 (>= 2.35)"}
    )
    assert "Version: 1.2.3\n" in text and "Architecture: arm64\n" in text
    assert "Depends: libc6 (>= 2.35)," in text and "Installed-Size: 1000\n" in text


@posix_only
def test_the_staged_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dist = tmp_path / "dist 文件夹" / "qunzhong-desktop"
    (dist / "_internal").mkdir(parents=True)
    for name in ("qunzhong", "qunzhong-desktop"):
        (dist / name).write_bytes(b"#!/bin/sh\n")
        (dist / name).chmod(0o700)
    (dist / "_internal" / "data.txt").write_text("x")
    monkeypatch.setattr(build_deb, "architecture", lambda: "amd64")
    root = tmp_path / "root"
    fields = build_deb.stage(dist, root)
    assert fields["ARCH"] == "amd64" and fields["LIBC"] == "libc6 (>= 2.17)"
    assert int(fields["INSTALLED_SIZE"]) > 0
    for name in ("qunzhong", "qunzhong-desktop"):
        link = root / "usr" / "bin" / name
        assert os.readlink(link) == f"/opt/qunzhong-desktop/{name}"
        assert (root / "opt" / "qunzhong-desktop" / name).stat().st_mode & 0o777 == 0o755
    assert (root / "opt/qunzhong-desktop/_internal/data.txt").stat().st_mode & 0o777 == 0o644
    assert (root / "usr/share/applications/qunzhong-desktop.desktop").is_file()
    assert (root / "usr/share/icons/hicolor/scalable/apps/qunzhong-desktop.svg").is_file()
    assert (root / "usr/share/doc/qunzhong-desktop/copyright").is_file()
    assert not (root / "DEBIAN").exists()  # written by build() with the control file


def test_the_version_comes_from_pyproject() -> None:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as fh:
        assert build_deb.version() == tomllib.load(fh)["project"]["version"]
