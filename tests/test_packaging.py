"""The wheel ships the migrations and resources inside the package (a frozen app needs them)."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_migrations_and_resources(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("qunzhong_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "qunzhong_desktop/migrations/env.py" in names
    assert any(n.startswith("qunzhong_desktop/migrations/versions/0001_") for n in names)
    assert "qunzhong_desktop/resources/icons/app.svg" in names
    assert "qunzhong_desktop/cli/__init__.py" in names
