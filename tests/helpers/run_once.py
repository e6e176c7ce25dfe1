"""What the xdist workers of one test run make once between them, under a file lock.

Each worker is a process of its own with its own session fixtures; a few of them cost
seconds of CPU (sealing keys with scrypt) and are the same in every worker. The first
worker to need one makes it in the run's temporary root (the parent of the workers' own
folders) while holding the lock; the others wait for the lock and read what it made.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def run_root(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: shared by its xdist workers."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (made if missing) across the run's processes."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
