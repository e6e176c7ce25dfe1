"""Plaintext in progress stays in the data folder's private scratch folder (issue 10, case 5)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from qunzhong_desktop.home import SCRATCH, clean_scratch, scratch_dir, scratch_root


def test_scratch_is_private_inside_the_data_folder(tmp_path: Path) -> None:
    work = scratch_dir(tmp_path, "import-")
    assert work.parent == tmp_path / SCRATCH and str(os.getpid()) in work.name
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(scratch_root(tmp_path)).st_mode) == 0o700


@pytest.mark.skipif(sys.platform == "win32", reason="process ids are asked on POSIX")
def test_only_what_dead_processes_left_is_removed(tmp_path: Path) -> None:
    mine = scratch_dir(tmp_path, "preview-")
    (mine / "cards.pdf").write_bytes(b"%PDF")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    left = scratch_root(tmp_path) / f"import-{dead.stdout.strip()}-abc"
    left.mkdir()
    (left / "payload.jsonl.gz").write_bytes(b"secret")
    stray = scratch_root(tmp_path) / "junk.txt"
    stray.write_text("x")
    assert clean_scratch(tmp_path) == 2
    assert mine.is_dir() and not left.exists() and not stray.exists()
