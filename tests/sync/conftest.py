"""A good bundle to start surgery from."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import write_good


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write_good(tmp_path / "good.zip")
