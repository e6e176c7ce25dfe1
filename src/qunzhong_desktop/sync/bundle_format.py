"""The bundle container's constants, limits and refusal error (SYNC.md, "The bundle file").

A bundle is a zip whose entries are all STORED: ``manifest.json``, ``manifest.sig`` (an
Ed25519 signature over the DSSE pre-authentication encoding of the exact manifest bytes)
and ``payload.age`` (gzip-compressed JSON Lines encrypted with age to the recipient).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from qunzhong_desktop.core.errors import DomainError

FORMAT = "qunzhong-bundle"
VERSION = 1
PAYLOAD_TYPE = "application/vnd.qunzhong.manifest+json"

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.age"
ENTRIES = (MANIFEST, SIGNATURE, PAYLOAD)

KINDS = frozenset({"changes", "dispatch", "enrollment", "station-kit"})
OPS = frozenset({"insert", "update", "delete"})
SIGNATURE_SIZE = 64  # a raw Ed25519 signature

MAX_MANIFEST_BYTES = 64 * 1024
MAX_PAYLOAD_BYTES = 1024 * 1024 * 1024  # encrypted, as stored in the zip
MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024
MAX_LINE_BYTES = 1024 * 1024
MAX_CHANGES = 2_000_000

#: Every change line has exactly these fields with these types (``SyncChange`` rows).
CHANGE_FIELDS: dict[str, type] = {
    "seq": int,
    "change_id": str,
    "node_id": str,
    "table_name": str,
    "row_id": str,
    "op": str,
    "fields": dict,
    "hlc": str,
    "user": str,
}


@dataclass(frozen=True)
class Limits:
    """The sizes a reader accepts; the module constants unless a caller narrows them.

    Attributes:
        manifest_bytes: the largest ``manifest.json``.
        payload_bytes: the largest ``payload.age`` (encrypted).
        decompressed_bytes: the most bytes the gzip stream may expand to.
        line_bytes: the longest JSON line, newline included.
        changes: the most change lines.
    """

    manifest_bytes: int = MAX_MANIFEST_BYTES
    payload_bytes: int = MAX_PAYLOAD_BYTES
    decompressed_bytes: int = MAX_DECOMPRESSED_BYTES
    line_bytes: int = MAX_LINE_BYTES
    changes: int = MAX_CHANGES


class BundleRefused(DomainError):
    """A bundle file that is not accepted; ``code`` says which check refused it."""

    code = "bundle"


def pae(payload_type: str, body: bytes) -> bytes:
    """The DSSE pre-authentication encoding that the manifest signature covers.

    Args:
        payload_type: the DSSE payload type, :data:`PAYLOAD_TYPE` for manifests.
        body: the exact manifest bytes.

    Returns:
        ``b"DSSEv1 <len(type)> <type> <len(body)> <body>"``.
    """
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(body), body)


def canonical_json(value: Any) -> bytes:
    """Compact, key-sorted UTF-8 JSON: one line, the same bytes for the same value."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )
