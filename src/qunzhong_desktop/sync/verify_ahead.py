"""Verifying the next file of a batch while this one is applied (``importer.import_many``).

A county imports a USB folder of township bundles one after the other. Each is first read
whole — decrypted, every line strictly parsed and checked — before a line is applied, and
meanwhile the database waits; then, while the bundle is applied, the importing thread
often waits for the database (a chunk's writes: .apply_behind). :class:`NextBundle` reads
the next file in a thread during that apply, so the two overlap.

The result is used only when it is exactly what reading the file at its turn would give:
the same file, verified against the same trusted keys as the database holds once the
bundle before is in. Anything else — a refusal, an unreadable file, keys that changed —
is dropped, and the file is read again at its turn, raising what it always raised.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from qunzhong_desktop.sync.bundle_read import VerifiedBundle, read_bundle
from qunzhong_desktop.sync.keys import NodeKeys


class NextBundle:
    """One file of a batch verified ahead, in a thread; close it when the batch ends."""

    def __init__(self) -> None:
        """Nothing is read until :meth:`start`."""
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="import-verify")
        self._job: Future[VerifiedBundle] | None = None
        self._path: Path | None = None
        self._trusted: dict[str, bytes] = {}

    def start(
        self,
        path: Path,
        *,
        node_id: str,
        keys: NodeKeys,
        trusted_keys: Mapping[str, bytes],
        scratch: Path,
    ) -> None:
        """Begin verifying ``path`` (dropping any file begun before)."""
        self._drop()
        self._path, self._trusted = path, dict(trusted_keys)
        self._job = self._pool.submit(
            read_bundle, path, node_id=node_id, keys=keys, trusted_keys=self._trusted,
            scratch=scratch,
        )  # fmt: skip

    def take(self, path: Path, trusted_keys: Mapping[str, bytes]) -> VerifiedBundle | None:
        """``path`` verified ahead against ``trusted_keys``, or None: read it at its turn."""
        job, self._job = self._job, None
        if job is None:
            return None
        try:
            verified = job.result()
        except Exception:  # refused or unreadable: read again at its turn, raised there
            return None
        if self._path != path or self._trusted != dict(trusted_keys):
            verified.close()
            return None
        return verified

    def close(self) -> None:
        """Wait for a file under way, remove its temp files, stop the thread."""
        try:
            self._drop()
        finally:
            self._pool.shutdown(wait=True)

    def _drop(self) -> None:
        job, self._job = self._job, None
        if job is None:
            return
        wait([job])
        if job.exception() is None:
            with contextlib.suppress(OSError):
                job.result().close()
