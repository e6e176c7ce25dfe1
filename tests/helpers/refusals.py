"""Refusals of bad bundles: the database must not change (a hash of its dump)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qunzhong_desktop.sync.bundle_format import BundleRefused
from tests.helpers.dbhash import unchanged_mark
from tests.helpers.network import Node

HOUSEHOLD = {
    "number": "009", "address": "", "grid_id": None, "phone": "", "cadre_id": None,
    "tags": [], "note": "", "deleted_at": None,
}  # fmt: skip


def refused(receiver: Node, bundle: Path, code: str) -> BundleRefused:
    """Import ``bundle`` expecting refusal ``code``; the database must not change."""
    before = unchanged_mark(receiver.store)
    with pytest.raises(BundleRefused) as caught:
        receiver.sync.import_bundle(bundle, receiver.keys)
    assert caught.value.code == f"bundle.{code}", caught.value.message
    assert caught.value.message  # a sentence for the user
    assert unchanged_mark(receiver.store) == before
    return caught.value
