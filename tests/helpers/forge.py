"""Bundles written by hand with a real node's keys: what a faulty or hostile sender sends."""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qunzhong_desktop.core.hlc import Hlc
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.storage.migrate import HEAD_REVISION
from qunzhong_desktop.sync.bundle_write import BundleSpec, write_bundle
from tests.helpers.network import Node


def change(
    sender: Node,
    seq: int,
    table: str,
    row_id: str,
    op: str,
    fields: Mapping[str, Any],
    **extra: Any,
) -> dict[str, Any]:
    """One change line from ``sender``, stamped now (or at ``millis``)."""
    millis = extra.pop("millis", int(time.time() * 1000))
    line = {
        "seq": seq,
        "change_id": new_id(),
        "node_id": sender.node_id,
        "table_name": table,
        "row_id": row_id,
        "op": op,
        "fields": dict(fields),
        "hlc": Hlc(millis, seq, sender.node_id).encode(),
        "user": "伪造者",
    }
    line.update(extra)
    return line


def forge(
    sender: Node, recipient: Node, out: Path, changes: list[dict[str, Any]], **spec: Any
) -> Path:
    """A bundle from ``sender`` to ``recipient`` carrying ``changes`` exactly."""
    seqs = [c["seq"] for c in changes] or [0]
    values: dict[str, Any] = dict(
        kind="changes" if len(sender.code) == 12 else "dispatch",
        sender_node_id=sender.node_id,
        sender_epoch=1,
        recipient_node_id=recipient.node_id,
        recipient_keys=recipient.keys.public,
        seq_from=min(seqs),
        seq_to=max(seqs),
        schema_revision=HEAD_REVISION,
    )
    values.update(spec)
    return write_bundle(out, BundleSpec(**values), sender.keys, changes).path
