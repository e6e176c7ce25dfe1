"""The house rules the import linter cannot state (ARCHITECTURE: ui/ by feature).

A feature folder of ``ui/`` uses ``ui/common`` freely, and another feature only through the
names its package exports (``from qunzhong_desktop.ui.intake import ItemDialog``), never a
module inside it; a folder holds about ten modules at most. A test module imports no other
test module: what tests share lives in ``tests/helpers`` (or a ``conftest.py``) and the CLI
tests sit in ``tests/cli``.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

ROOT = Path(__file__).parents[1]
UI = ROOT / "src" / "qunzhong_desktop" / "ui"
TESTS = ROOT / "tests"
SHARED = {"common"}


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every ``from … import …`` and ``import …`` in a module."""
    found: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name, []) for a in node.names)
    return found


def test_features_use_each_other_only_through_their_public_names() -> None:
    problems: list[str] = []
    features = sorted(p.name for p in UI.iterdir() if (p / "__init__.py").is_file())
    for feature in features:
        for path in (UI / feature).glob("*.py"):
            for line, module, names in _imports(path):
                parts = module.split(".")
                if parts[:2] != ["qunzhong_desktop", "ui"] or len(parts) < 3:
                    continue
                other = parts[2]
                if other in (feature, *SHARED):
                    continue
                public = importlib.import_module(f"qunzhong_desktop.ui.{other}").__all__
                if len(parts) > 3 or not names or any(n not in public for n in names):
                    problems.append(f"{path.relative_to(UI)}:{line} imports {module} {names}")
    assert not problems, "use the feature's public names:\n" + "\n".join(problems)


def test_every_public_name_exists() -> None:
    for package in sorted(p for p in UI.iterdir() if (p / "__init__.py").is_file()):
        module = importlib.import_module(f"qunzhong_desktop.ui.{package.name}")
        for name in getattr(module, "__all__", []):
            assert getattr(module, name) is not None, (package.name, name)


def test_folders_stay_small() -> None:
    for folder in [UI, *(p for p in UI.iterdir() if p.is_dir())]:
        modules = [p for p in folder.glob("*.py") if p.name != "__init__.py"]
        assert len(modules) <= 12, (folder.name, len(modules))


def test_tests_share_code_only_through_helpers() -> None:
    problems: list[str] = []
    for path in [*TESTS.rglob("*.py"), *(ROOT / "bench").glob("*.py")]:
        for line, module, _names in _imports(path):
            if module.startswith("tests.") and not module.startswith("tests.helpers"):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno} imports relatively")
    assert not problems, "share test code through tests/helpers:\n" + "\n".join(problems)


def test_test_folders_mirror_the_source() -> None:
    assert not list(TESTS.glob("test_cli_*.py")), "CLI tests live in tests/cli"
    loose = [p.name for p in TESTS.glob("*.py") if not p.name.startswith(("test_", "conftest"))]
    assert loose == ["__init__.py"], loose
