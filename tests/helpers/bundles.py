"""Shared keys and surgery helpers to build bad bundles from a good one."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import warnings
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pyrage

from qunzhong_desktop.sync.bundle_format import (
    MANIFEST,
    PAYLOAD,
    PAYLOAD_TYPE,
    SIGNATURE,
    Limits,
    canonical_json,
    pae,
)
from qunzhong_desktop.sync.bundle_read import VerifiedBundle, read_bundle
from qunzhong_desktop.sync.bundle_write import BundleSpec, write_bundle
from qunzhong_desktop.sync.keys import NodeKeys

STATION = "0193a0c0-0000-7000-8000-000000000001"
TOWNSHIP = "0193a0c0-0000-7000-8000-0000000000aa"
OTHER = "0193a0c0-0000-7000-8000-000000000002"


def fake_change(seq: int) -> dict[str, Any]:
    return {
        "seq": seq,
        "change_id": f"0193a0c1-0000-7000-8000-{seq:012d}",
        "node_id": STATION,
        "table_name": "household",
        "row_id": f"0193a0c2-0000-7000-8000-{seq:012d}",
        "op": "update",
        "fields": {"phone": f"138{seq:08d}", "address": "白沙村三组"},
        "hlc": f"{1_700_000_000_000 + seq:015d}-0000-{STATION}",
        "user": "李秀英",
    }


class Keys:
    station = NodeKeys.generate()
    township = NodeKeys.generate()
    other = NodeKeys.generate()


def spec(count: int = 3, **changes: Any) -> BundleSpec:
    values: dict[str, Any] = dict(
        kind="changes",
        sender_node_id=STATION,
        sender_epoch=1,
        recipient_node_id=TOWNSHIP,
        recipient_keys=Keys.township.public,
        seq_from=1,
        seq_to=count,
        schema_revision="0007_sync_outbox",
    )
    values.update(changes)
    return BundleSpec(**values)


def read(path: Path, limits: Limits | None = None) -> VerifiedBundle:
    trusted = {
        STATION: Keys.station.public_signing_bytes,
        OTHER: Keys.other.public_signing_bytes,
    }
    return read_bundle(
        path, node_id=TOWNSHIP, keys=Keys.township, trusted_keys=trusted, limits=limits
    )


def write_good(out: Path) -> Path:
    write_bundle(out, spec(3), Keys.station, (fake_change(i) for i in range(1, 4)))
    return out


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def assemble(
    path: Path,
    parts: Iterable[tuple[str, bytes]],
    *,
    compress: int = zipfile.ZIP_STORED,
    attrs: dict[str, int] | None = None,
) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on the duplicate names we want
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in parts:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = compress
                info.external_attr = (attrs or {}).get(name, 0o100644) << 16
                zf.writestr(info, data)
    return path


def signed(manifest: bytes, keys: NodeKeys | None = None) -> bytes:
    return (keys or Keys.station).sign(pae(PAYLOAD_TYPE, manifest))


def rebuild(
    good: Path,
    out: Path,
    *,
    edit: Callable[[dict[str, Any]], None] | None = None,
    payload: bytes | None = None,
    manifest_bytes: bytes | None = None,
    keys: NodeKeys | None = None,
) -> Path:
    """Rewrite a good bundle with an edited manifest and/or payload, validly re-signed."""
    parts = entries(good)
    manifest = json.loads(parts[MANIFEST])
    if payload is not None:
        manifest["payload"] = {"size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
        parts[PAYLOAD] = payload
    if edit:
        edit(manifest)
    body = manifest_bytes if manifest_bytes is not None else canonical_json(manifest)
    return assemble(
        out, [(MANIFEST, body), (SIGNATURE, signed(body, keys)), (PAYLOAD, parts[PAYLOAD])]
    )


def sealed_lines(lines: Iterable[bytes], to: NodeKeys | None = None) -> bytes:
    """Gzip the lines and encrypt them to the township (or ``to``)."""
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for line in lines:
            gz.write(line)
    identity = (to or Keys.township).identity
    return bytes(pyrage.encrypt(raw.getvalue(), [identity.to_public()]))


def plain_lines(good: Path) -> list[bytes]:
    """The decrypted, decompressed lines of a good bundle."""
    sealed = entries(good)[PAYLOAD]
    data = gzip.decompress(pyrage.decrypt(sealed, [Keys.township.identity]))
    return data.splitlines(keepends=True)
