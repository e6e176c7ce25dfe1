"""Row identities: UUIDv7, generated where a row is created (SYNC.md, Identity)."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    """A new time-ordered UUIDv7 as its canonical 36-character string."""
    return str(uuid6.uuid7())
