"""Reading a bundle: verify everything in order, then stream the changes from a temp file.

Order: container (bundle_container), signature over the exact manifest bytes, manifest,
sender key, recipient, payload size and hash, decryption, then one full pass over the
decompressed lines (limits, header, every change, trailer). Only then is a
:class:`VerifiedBundle` returned; its changes are re-read from a temp file the verifying
pass wrote: each line as the strict parser gave it, in ``marshal`` form (parsed once).
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import pyrage

from qunzhong_desktop.core.bounded import regular_file
from qunzhong_desktop.sync.bundle_container import open_container, refuse
from qunzhong_desktop.sync.bundle_format import CHANGE_FIELDS, OPS, PAYLOAD, Limits
from qunzhong_desktop.sync.bundle_manifest import (
    check_recipient,
    check_sender,
    parse_manifest,
    signers,
    strict_loads,
)
from qunzhong_desktop.sync.keys import NodeKeys

_CHUNK = 1024 * 1024
_PARSED = "changes.marshal"
_CORRUPT = "数据包内容已损坏（解压失败），请重新复制。"


class VerifiedBundle:
    """A bundle that passed every check; use as a context manager to remove its temp files.

    Attributes:
        manifest: the verified manifest.
        count: the number of changes.
    """

    def __init__(
        self, manifest: dict[str, Any], count: int, work: tempfile.TemporaryDirectory[str]
    ):
        self.manifest = manifest
        self.count = count
        self._work = work
        self._parsed = Path(work.name, _PARSED)

    def changes(self) -> Iterator[dict[str, Any]]:
        """Yield the change dicts in order, streamed from the verified temp file.

        The verifying pass wrote each change as the strict parser returned it (no
        duplicate keys, no NaN, bounded); the file is ours, so it is read back as written
        instead of parsing the JSON a second time.
        """
        with self._parsed.open("rb") as f:
            read = f.read
            for _ in range(self.count):
                # length-prefixed: marshal.load on a file reads it a few bytes at a time
                # (~60 µs a change), one read of the record and marshal.loads ~10 µs
                change: dict[str, Any] = marshal.loads(read(int.from_bytes(read(4), "little")))
                yield change

    def close(self) -> None:
        """Remove the temp files."""
        self._work.cleanup()

    def __enter__(self) -> VerifiedBundle:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def read_bundle(
    path: Path,
    *,
    node_id: str,
    keys: NodeKeys,
    trusted_keys: Mapping[str, bytes],
    limits: Limits | None = None,
    scratch: Path | None = None,
) -> VerifiedBundle:
    """Verify a bundle file addressed to this node and return its manifest and changes.

    Args:
        path: the bundle file.
        node_id: this node's id (the expected recipient).
        keys: this node's keys (decrypt, and the expected recipient fingerprint).
        trusted_keys: enrolled node_id → raw Ed25519 public signing key.
        limits: size limits; the module constants when omitted.
        scratch: where the payload is decrypted (the data directory's private scratch
            folder; the system temp folder when omitted).

    Returns:
        The verified bundle (close it, or use ``with``).

    Raises:
        BundleRefused: the first check that failed, with its ``bundle.*`` code.
    """
    limits = limits or Limits()
    try:
        regular_file(Path(path))  # a FIFO would hang the open below; a folder is no bundle
        handle = Path(path).open("rb")  # noqa: SIM115 (closed by the with below)
    except OSError as exc:
        raise refuse(
            "unreadable",
            f"无法打开 {Path(path).name}（{exc.strerror or exc}）：请确认选择的是数据包文件，"
            "U盘已插好。",
        ) from exc
    try:
        work = tempfile.TemporaryDirectory(prefix=f"import-{os.getpid()}-", dir=scratch)
    except OSError as exc:
        handle.close()
        raise _io_error(exc) from exc
    try:
        with handle as f:
            container = open_container(f, limits)
            with container.zip:
                found = signers(container.manifest, container.signature, trusted_keys)
                manifest = parse_manifest(container.manifest)
                check_sender(manifest, found, trusted_keys)
                check_recipient(manifest, node_id, keys.fingerprint)
                sealed = Path(work.name, PAYLOAD)
                _copy_payload(container.zip.open(container.payload), sealed, manifest)
        plain = Path(work.name, "payload.jsonl.gz")
        _decrypt(sealed, plain, keys)
        sealed.unlink()
        count = _scan(plain, Path(work.name, _PARSED), manifest, limits)
        plain.unlink()
    except OSError as exc:  # the temp folder: a full disk, not a bad bundle
        work.cleanup()
        raise _io_error(exc) from exc
    except BaseException:
        work.cleanup()
        raise
    return VerifiedBundle(manifest, count, work)


def _io_error(exc: OSError) -> Exception:
    return refuse(
        "io_error",
        f"读取数据包或写临时文件时出错（{exc.strerror or exc}），请检查U盘和本机磁盘空间后重试。"
        "本机数据没有改变。",
    )


def _copy_payload(src: IO[bytes], dst: Path, manifest: dict[str, Any]) -> None:
    expected = manifest["payload"]
    digest = hashlib.sha256()
    size = 0
    try:
        with src, dst.open("wb") as out:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if size > expected["size"]:
                    break
                out.write(chunk)
    except (
        zipfile.BadZipFile,
        NotImplementedError,
    ) as exc:  # the entry's CRC does not match its bytes
        raise refuse("corrupt", "数据包内容已损坏（校验失败），请重新复制。") from exc
    if size != expected["size"]:
        raise refuse("payload_size", "数据包内容大小与清单不符，可能不完整或被篡改，已拒绝导入。")
    if digest.hexdigest() != expected["sha256"]:
        raise refuse("payload_hash", "数据包内容校验值与清单不符，可能被篡改，已拒绝导入。")


def _decrypt(sealed: Path, plain: Path, keys: NodeKeys) -> None:
    try:
        with sealed.open("rb") as src, plain.open("wb") as dst:
            pyrage.decrypt_io(src, dst, [keys.identity])
    except pyrage.DecryptError as exc:
        raise refuse(
            "decrypt_failed", "数据包无法解密：它不是用本机的密钥加密的，或已损坏。"
        ) from exc


class _Lines:
    """Bounded line reader over the gzip stream."""

    def __init__(self, gz: gzip.GzipFile, limits: Limits) -> None:
        self._gz = gz
        self._limits = limits
        self.total = 0

    def next(self) -> bytes:
        try:
            line = self._gz.readline(self._limits.line_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise refuse("payload_corrupt", _CORRUPT) from exc
        self.total += len(line)
        if self.total > self._limits.decompressed_bytes:
            raise refuse("decompressed_too_large", "数据包解压后超过大小上限，已拒绝导入。")
        if len(line) > self._limits.line_bytes:
            raise refuse("line_too_long", "数据包中有一行数据过长，已拒绝导入。")
        return line


def _scan(plain: Path, parsed: Path, manifest: dict[str, Any], limits: Limits) -> int:
    expected_header = {
        "type": "header",
        "bundle_id": manifest["bundle_id"],
        "sender": {k: manifest["sender"][k] for k in ("node_id", "epoch")},
        "seq": manifest["seq"],
    }
    digest = hashlib.sha256()
    count = 0
    with gzip.open(plain, "rb") as gz, parsed.open("wb") as out:
        lines = _Lines(gz, limits)
        if _loads_or_none(lines.next()) != expected_header:
            raise refuse("header_mismatch", "数据包内容的开头与清单不符，已拒绝导入。")
        line = lines.next()
        seen: set[int] = set()
        while line:
            following = lines.next()
            if not following:
                break
            count += 1
            if count > limits.changes:
                raise refuse("too_many_changes", "数据包中的变更条数超过上限，已拒绝导入。")
            record = marshal.dumps(_check_change(line, count, manifest["seq"], seen))
            out.write(len(record).to_bytes(4, "little"))
            out.write(record)
            digest.update(line)
            line = following
    trailer = _loads_or_none(line)
    if trailer != {"type": "trailer", "count": count, "sha256": digest.hexdigest()}:
        raise refuse(
            "trailer_mismatch", "数据包内容的结尾与内容不符（条数或校验值错误），已拒绝导入。"
        )
    return count


def _loads_or_none(line: bytes) -> Any:
    try:
        return strict_loads(line)
    except ValueError:
        return None


#: Lines of state, not of the sequence (sequence 0): each kind once, marked in ``seen``.
_SEQ_ZERO = {"config": 0, "stations": -1}
_ID_FIELDS = ("change_id", "node_id", "row_id", "table_name", "hlc", "user")


def _check_change(line: bytes, number: int, seq: dict[str, int], seen: set[int]) -> dict[str, Any]:
    """One change line's shape, and its sequence: inside the manifest's range, once.

    Returns the parsed change.

    The township's configuration line in a dispatch has sequence 0, and so has the
    township's signed list of its stations in a county bundle; each at most once.
    """
    try:
        change = strict_loads(line)
    except ValueError as exc:
        raise _malformed(number) from exc
    if not isinstance(change, dict) or set(change) != set(CHANGE_FIELDS):
        raise _malformed(number)
    for name, kind in CHANGE_FIELDS.items():
        value = change[name]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _malformed(number)
    if change["op"] not in OPS or any(len(change[name]) > 100 for name in _ID_FIELDS):
        raise _malformed(number)
    at = change["seq"]
    marker = _SEQ_ZERO.get(change["table_name"]) if at == 0 else None
    if marker is not None and marker not in seen:
        seen.add(marker)
        return change
    if not seq["from"] <= at <= seq["to"] or at in seen:
        raise refuse(
            "sequence_order",
            f"数据包中第 {number} 条变更的序号 {at} 不在清单的范围内或重复出现，已拒绝导入。",
            line=number,
        )
    seen.add(at)
    return change


def _malformed(number: int) -> Exception:
    return refuse(
        "change_malformed", f"数据包中第 {number} 条变更格式错误，已拒绝导入。", line=number
    )
