"""packaging/bundle.py, the manifest of the PyInstaller spec: what the frozen folder holds."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path, PurePath

from tests.helpers.packaging_files import PACKAGING, ROOT, load

bundle = load("bundle")


def _bundled() -> dict[str, str]:
    """Bundle path (posix) of every data file → its source."""
    return {PurePath(dest, Path(src).name).as_posix(): src for src, dest in bundle.data_files(ROOT)}


def test_every_migration_is_bundled_where_migrate_looks() -> None:
    bundled = _bundled()
    assert "qunzhong_desktop/migrations/env.py" in bundled  # storage/migrate.py looks for it
    versions = sorted((ROOT / "migrations" / "versions").glob("*.py"))
    assert versions
    for path in versions:
        assert f"qunzhong_desktop/migrations/versions/{path.name}" in bundled, path.name


def test_every_translation_help_page_and_icon_is_bundled() -> None:
    bundled = _bundled()
    resources = ROOT / "resources"
    wanted = [
        *resources.glob("translations/*.qm"),
        *resources.glob("help/*"),
        *resources.glob("icons/*"),
    ]
    assert any(p.suffix == ".qm" for p in wanted) and any(p.suffix == ".svg" for p in wanted)
    for path in wanted:
        rel = path.relative_to(resources).as_posix()
        assert f"qunzhong_desktop/resources/{rel}" in bundled, rel
    # sources and caches stay behind; every source file exists
    assert not any(k.endswith((".ts", ".pyc")) or "__pycache__" in k for k in bundled)
    assert all(Path(src).is_file() for src in bundled.values())


def test_the_spec_uses_the_manifest_for_both_programs() -> None:
    spec = (PACKAGING / "qunzhong.spec").read_text(encoding="utf-8")
    for name in ("bundle.data_files", "bundle.migration_imports", "bundle.HIDDEN_IMPORTS",
                 "bundle.EXCLUDES", "bundle.EXECUTABLES", "COLLECT("):  # fmt: skip
        assert name in spec
    assert "MERGE(" not in spec  # one-folder programs share one COLLECT
    programs = {name: (PACKAGING / script, console) for name, script, console in bundle.EXECUTABLES}
    assert programs["qunzhong"][1] is True and programs["qunzhong-desktop"][1] is False
    assert all(script.is_file() for script, _ in programs.values())
    ast.parse(spec)  # at least valid Python


def test_what_the_migrations_import_is_found() -> None:
    imports = bundle.migration_imports(ROOT)
    for name in (
        "alembic.op",
        "alembic.context",
        "sqlalchemy",
        "qunzhong_desktop.storage.database",
    ):
        assert name in imports
        assert importlib.util.find_spec(name) is not None


def test_hidden_imports_exist_and_excludes_are_not_used_by_the_program() -> None:
    for name in bundle.HIDDEN_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name
    used: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                used.add(node.module)
                used.update(f"{node.module}.{alias.name}" for alias in node.names)
    excluded = [
        name for name in used for ex in bundle.EXCLUDES if name == ex or name.startswith(ex + ".")
    ]
    assert not excluded, excluded


def test_qt_plugins_kept_and_left_out() -> None:
    keep = bundle.keep_qt_plugin
    qt = "PySide6/Qt/plugins"
    for kept in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/qwindows.dll",
                 "imageformats/libqsvg.so", "imageformats/qico.dll", "iconengines/libqsvgicon.so",
                 "printsupport/libcupsprintersupport.so", "styles/qmodernwindowsstyle.dll",
                 "platforminputcontexts/libibusplatforminputcontextplugin.so",
                 "xcbglintegrations/libqxcb-glx-integration.so"):  # fmt: skip
        assert keep(f"{qt}/{kept}"), kept
    for dropped in ("platforms/libqwayland.so", "platforms/libqeglfs.so",
                    "platformthemes/libqgtk3.so", "imageformats/libqwebp.so",
                    "platforminputcontexts/libqtvirtualkeyboardplugin.so", "tls/qopensslbackend.dll",
                    "wayland-shell-integration/libxdg-shell.so", "sqldrivers/qsqlite.dll"):  # fmt: skip
        assert not keep(f"{qt}/{dropped}"), dropped
    assert keep("PySide6/Qt/lib/libQt6Core.so.6") and keep("qunzhong_desktop/resources/x.svg")
    # the Windows wheels' layout
    assert keep("PySide6\\plugins\\platforms\\qwindows.dll")
    assert not keep("PySide6\\plugins\\platforms\\qdirect2d.dll")
    assert not keep("PySide6/plugins/imageformats/qtiff.dll")
    assert bundle.qt_plugin_of("PySide6/plugins/styles/qmodernwindowsstyle.dll") == (
        "styles",
        "modernwindowsstyle",
    )


def test_the_plugins_this_platform_needs_exist_in_pyside6() -> None:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    plugins = Path(next(iter(spec.submodule_search_locations)), "Qt", "plugins")
    if not plugins.is_dir():  # Windows wheels keep them at PySide6/plugins
        plugins = plugins.parent.parent / "plugins"
    native = "windows" if sys.platform.startswith("win") else "xcb"
    for folder, name in (("platforms", native), ("platforms", "offscreen"),
                         ("iconengines", "svgicon"), ("imageformats", "svg")):  # fmt: skip
        files = [p.name for p in (plugins / folder).iterdir()]
        assert any(bundle.keep_qt_plugin(f"PySide6/Qt/plugins/{folder}/{f}") and name in f
                   for f in files), (folder, name, files)  # fmt: skip


def test_system_libraries_are_the_distros_not_the_wheels() -> None:
    system = bundle.is_system_library
    for lib in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfontconfig.so.1",
                "libglib-2.0.so.0", "libdbus-1.so.3", "libcups.so.2", "libstdc++.so.6",
                "libgcc_s.so.1", "libGL.so.1", "libX11.so.6"):  # fmt: skip
        assert system(lib), lib
    for lib in ("libpython3.11.so.1.0", "libz.so.1", "libsqlite3.so.0", "libcrypto.so.3",
                "pillow.libs/libxcb-9065bb12.so.1.1.0", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
                "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                "libicudata.so.73"):  # fmt: skip
        assert not system(lib), lib


def test_the_windows_icon_has_every_size_as_png() -> None:
    make_icon = load("make_icon")
    images = make_icon.read_ico((PACKAGING / "windows" / "qunzhong.ico").read_bytes())
    assert {16, 24, 32, 48, 256} <= set(images)
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") for png in images.values())
