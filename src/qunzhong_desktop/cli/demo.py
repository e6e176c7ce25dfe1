"""`qunzhong demo` (being built)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add the command (not yet available)."""
    del commands, home
