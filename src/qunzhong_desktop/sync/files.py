"""Writing a sync file in one piece: a temporary name next to the target, renamed when done."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``out``; move it onto ``out`` if the block succeeds.

    The temporary file is created with mode 0600, so private keys are never readable by
    others even for a moment. On any error the temporary file is removed and ``out`` is
    left as it was.

    Args:
        out: the file to write.

    Yields:
        The temporary path to write to.
    """
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
