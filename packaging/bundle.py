"""What goes into the frozen build besides the code PyInstaller finds by itself.

The manifest of ``packaging/qunzhong.spec``: imported by the spec at build time (inside
PyInstaller) and by ``tests/packaging`` (which check it without building anything). Standard
library only, no ``qunzhong_desktop`` import: it must load in PyInstaller's process as it is.

- :func:`data_files`: the migrations and resources, placed as ``qunzhong_desktop/migrations``
  and ``qunzhong_desktop/resources`` inside ``_internal``, where ``storage/migrate.py`` and
  ``ui/shell/application.py`` look first (``importlib.resources``), as in an installed wheel.
- :func:`migration_imports`: what the migration scripts import. Alembic runs them from their
  files at run time, so PyInstaller cannot see those imports.
- :data:`EXCLUDES`: packages never to freeze (test tooling, unused Qt modules, Tk).
- :func:`keep_qt_plugin`: the Qt plugins the window needs; the rest is left out.
- :data:`SYSTEM_LIBRARIES`: the Linux libraries taken from the system (the .deb depends on
  their packages) rather than copied from the build machine.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "qunzhong_desktop"

#: Entry points: (executable name, launcher script in packaging/, console program?).
EXECUTABLES: tuple[tuple[str, str, bool], ...] = (
    ("qunzhong-desktop", "launch_window.py", False),
    ("qunzhong", "launch_cli.py", True),
)

#: The name of the build folder in dist/ (and of the folder under /opt and Programs).
BUNDLE_NAME = "qunzhong-desktop"

_SKIP_PARTS = frozenset({"__pycache__"})
_SKIP_SUFFIXES = frozenset({".pyc", ".pyo", ".ts"})  # .ts: translation sources, .qm is loaded


def _wanted(path: Path, base: Path) -> bool:
    rel = path.relative_to(base)
    return (
        path.is_file()
        and not _SKIP_PARTS.intersection(rel.parts)
        and path.suffix not in _SKIP_SUFFIXES
        and not path.name.startswith(".")
    )


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """``(source file, folder inside the bundle)`` for every file the program reads.

    The folders are relative to PyInstaller's contents folder (``_internal``) and written
    with the platform's separator, as PyInstaller's ``datas`` expect.
    """
    pairs: list[tuple[str, str]] = []
    for folder in ("migrations", "resources"):
        base = root / folder
        for path in sorted(base.rglob("*")):
            if _wanted(path, base):
                dest = PurePath(PACKAGE, folder, path.parent.relative_to(base))
                pairs.append((str(path), str(dest)))
    return pairs


def migration_imports(root: Path = ROOT) -> list[str]:
    """Every module a migration script (or alembic's ``env.py``) imports, dotted.

    ``from alembic import op`` gives both ``alembic`` and ``alembic.op`` (``op`` is a
    module); names that are not modules are filtered out by the spec.
    """
    names: set[str] = set()
    for path in sorted((root / "migrations").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    names.discard("__future__")
    return sorted(n for n in names if not n.startswith("__future__."))


#: Imported at run time in ways PyInstaller's import scan does not follow.
HIDDEN_IMPORTS: tuple[str, ...] = (
    # SQLAlchemy finds its dialect by name ("sqlite://") and alembic its DDL implementation
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "alembic.ddl.sqlite",
    "alembic.runtime.migration",
    "alembic.runtime.environment",
    "alembic.script",
    # the encrypted store (sqlcipher3-wheels) and the sync crypto (pyrage: its submodules
    # x25519/passphrase live inside the extension module)
    "sqlcipher3",
    "sqlcipher3.dbapi2",
    "pyrage",
    "argon2",
    "argon2.low_level",
    "python_calamine",
    "chinese_calendar",
    "pypinyin",
    "lxml.etree",
    "lxml._elementpath",
    # the window's child process for scrypt (sync/sealing.py) is a multiprocessing spawn
    "multiprocessing.spawn",
)

#: Packages whose every submodule is bundled: reportlab's barcode widgets import their
#: modules by name at import time (``exec("from reportlab.graphics.barcode.code128 …")``).
ALL_SUBMODULES: tuple[str, ...] = ("reportlab.graphics.barcode",)

#: Never frozen: test and build tooling, unused Qt modules, Tk, other Qt bindings.
EXCLUDES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "readline",  # the CLI's prompts are getpass and input(): no line editing library
    "test",
    "pydoc_data",
    "pytest",
    "_pytest",
    "pytestqt",
    "xdist",
    "hypothesis",
    "mypy",
    "mypyc",
    "ruff",
    "importlinter",
    "grimp",
    "hatchling",
    "pip",
    "setuptools",
    "pkg_resources",
    "IPython",
    "numpy",
    "pandas",
    "matplotlib",
    "pypdf",
    "odf",
    "xlwt",
    "PyInstaller",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "PIL.ImageQt",
    "PIL.ImageTk",
    # reportlab needs Pillow (it imports PIL.Image); no printout holds AVIF or WebP images
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    # doc, test and highlighting tools some libraries import in their __main__ or extras
    "pygments",
    "doctest",
    "pydoc",
    "unittest",
    "xmlrpc",
    "mako.testing",
    "mako.ext",
    "reportlab.lib.testutils",
    "reportlab.graphics.testshapes",
    "sqlalchemy.testing",
    "alembic.testing",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtXml",
    "PySide6.scripts",
)

# Qt plugins, by folder: None keeps the whole folder, a set keeps those plugins only (names
# without "lib", "q" prefixes or the file's extension). A folder not named here is left out.
QT_PLUGINS: dict[str, frozenset[str] | None] = {
    # the window on X11 (Kylin/UOS), on Windows, and headless (smoke tests, CI)
    "platforms": frozenset({"xcb", "windows", "offscreen", "minimal"}),
    # OpenGL on X11, needed by the xcb platform to offer GL contexts
    "xcbglintegrations": None,
    # typing Chinese: IBus (and fcitx5 through its IBus front end), compose keys
    "platforminputcontexts": frozenset({"ibusplatforminputcontextplugin",
                                        "composeplatforminputcontextplugin"}),
    # the file dialogs of the desktop portal; not GTK3's theme (it would drag GTK in)
    "platformthemes": frozenset({"xdgdesktopportal"}),
    # the application icon and any SVG
    "iconengines": frozenset({"svgicon"}),
    "imageformats": frozenset({"svg", "ico", "jpeg", "gif"}),
    # printing: CUPS on Linux, the Windows spooler
    "printsupport": None,
    # the Windows 10/11 look (qmodernwindowsstyle)
    "styles": None,
}  # fmt: skip


def _plugin_stem(filename: str) -> str:
    stem = filename.split(".", maxsplit=1)[0]
    stem = stem.removeprefix("lib")
    return stem.removeprefix("q") if not stem.startswith("qt") else stem


def qt_plugin_of(dest: str) -> tuple[str, str] | None:
    """``(folder, plugin name)`` when ``dest`` is a Qt plugin inside the bundle, else None.

    PySide6 keeps them in ``PySide6/Qt/plugins`` on Linux and ``PySide6/plugins`` on Windows.
    """
    parts = PurePath(dest.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    at = len(parts) - 1 - parts[::-1].index("plugins")
    if at < 1 or parts[at - 1] not in ("Qt", "PySide6") or len(parts) < at + 3:
        return None
    return parts[at + 1], _plugin_stem(parts[-1])


def keep_qt_plugin(dest: str) -> bool:
    """Whether a bundled file is kept; True for everything that is not a Qt plugin."""
    plugin = qt_plugin_of(dest)
    if plugin is None:
        return True
    folder, name = plugin
    if folder not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[folder]
    return wanted is None or name in wanted


#: Linux libraries taken from the system, never copied from the build machine: the X11/xcb
#: client stack, keyboard maps, fonts, D-Bus, GLib, Kerberos (QtNetwork links it), CUPS and
#: the C++ runtime. Copies would not match the user's X server, fontconfig files or print
#: system, and an old bundled libstdc++ breaks the system's Mesa GL drivers; the .deb
#: depends on their packages (packaging/debian/control.in).
SYSTEM_LIBRARIES = re.compile(
    r"^lib(xcb[-.]|X11|Xau|Xdmcp|Xext|Xrender|Xi\b|xkbcommon|fontconfig|freetype|dbus-1|"
    r"glib-2|gthread-2|gobject-2|gio-2|gmodule-2|cups|GL|EGL|OpenGL|GLX|gssapi|krb5|"
    r"wayland-|stdc\+\+|gcc_s)"
)


def is_system_library(dest: str) -> bool:
    """Whether a bundled (Linux) library should come from the system instead.

    Only libraries PyInstaller copied from the system (into the top of ``_internal``); the
    copies a wheel vendors under its own name (``pillow.libs/libxcb-9065bb12.so``) and the
    Qt plugins stay.
    """
    path = PurePath(dest.replace("\\", "/"))
    return len(path.parts) == 1 and bool(SYSTEM_LIBRARIES.match(path.name))
