"""``qunzhong meeting``: 民情恳谈会、民情分析会 (issue 18; being built)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``meeting`` (its sub-commands come with issue 18's slices)."""
    del commands, home
