"""The first gate of reading a bundle: the zip container itself, before any entry is trusted.

Checks the end-of-central-directory record sits exactly at the end of the file, that the
entries are exactly the three expected ones, safely named, regular files, STORED, within
size limits, and that the local records tile the file with no hidden bytes between them.
"""

from __future__ import annotations

import os
import struct
import zipfile
from collections import Counter
from dataclasses import dataclass
from typing import BinaryIO

from qunzhong_desktop.sync.bundle_format import (
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    SIGNATURE_SIZE,
    BundleRefused,
    Limits,
)

_LOCAL = b"PK\x03\x04"
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
_S_IFMT, _S_IFLNK = 0o170000, 0o120000
_MAX_ENTRIES = 16  # a bundle has 3 entries and a signed document 2


@dataclass(frozen=True)
class Container:
    """An opened, structurally sound bundle zip.

    Attributes:
        zip: the open archive (the caller closes it).
        manifest: the exact ``manifest.json`` bytes, not yet trusted.
        signature: the exact ``manifest.sig`` bytes.
        payload: the ``payload.age`` entry.
    """

    zip: zipfile.ZipFile
    manifest: bytes
    signature: bytes
    payload: zipfile.ZipInfo


def refuse(code: str, message: str, **data: object) -> BundleRefused:
    """A :class:`BundleRefused` with code ``bundle.<code>`` and a Chinese message."""
    return BundleRefused(message, code=f"bundle.{code}", **data)


def _end_record(f: BinaryIO, size: int) -> tuple[int, int, int]:
    """Return (entry count, central directory size, offset) from an EOCD ending the file."""
    head = f.read(4)
    if head != _LOCAL:
        raise refuse("not_zip", "这个文件不是数据包（不是 zip 文件），请选择正确的 .zip 数据包。")
    tail_size = min(size, _EOCD_SIZE + _MAX_COMMENT)
    f.seek(size - tail_size)
    tail = f.read(tail_size)
    pos = tail.rfind(_EOCD)
    if pos < 0 or pos + _EOCD_SIZE > len(tail):
        raise refuse("truncated", "数据包不完整（文件被截断），请重新从U盘复制或让对方重新导出。")
    record = tail[pos : pos + _EOCD_SIZE]
    disk, cd_disk, here, total, cd_size, cd_offset, comment = struct.unpack("<4HIIH", record[4:])
    if pos + _EOCD_SIZE + comment > len(tail):
        raise refuse("truncated", "数据包不完整（文件被截断），请重新从U盘复制或让对方重新导出。")
    if pos + _EOCD_SIZE != len(tail):
        raise refuse("trailing_bytes", "数据包末尾有多余的数据，文件可能被篡改，已拒绝导入。")
    eocd_at = size - tail_size + pos
    if disk or cd_disk or here != total or cd_offset + cd_size != eocd_at:
        raise refuse("corrupt", "数据包结构已损坏，请重新从U盘复制或让对方重新导出。")
    return total, cd_size, cd_offset


def _check_names(infos: list[zipfile.ZipInfo], entries: tuple[str, ...]) -> None:
    names = [i.filename for i in infos]
    for info in infos:
        name = info.filename
        parts = name.split("/")
        if "\\" in name or name.startswith("/") or ":" in name or ".." in parts:
            raise refuse(
                "unsafe_name", f"数据包中有不安全的文件名 {name!r}，已拒绝导入。", name=name
            )
        if (info.external_attr >> 16) & _S_IFMT == _S_IFLNK:
            raise refuse("link", f"数据包中的 {name!r} 是一个链接，已拒绝导入。", name=name)
    for name, times in Counter(names).items():  # linear: thousands of entries stay fast
        if times > 1:
            raise refuse(
                "duplicate_entry", f"数据包中 {name!r} 出现了多次，已拒绝导入。", name=name
            )
    for name in names:
        if name not in entries:
            raise refuse(
                "unexpected_entry", f"数据包中有多余的文件 {name!r}，已拒绝导入。", name=name
            )
    for name in entries:
        if name not in names:
            raise refuse("missing_entry", f"数据包缺少 {name}，文件不完整，已拒绝导入。", name=name)


def _check_entries(infos: list[zipfile.ZipInfo], caps: dict[str, int]) -> None:
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
            raise refuse(
                "compressed", f"数据包中的 {info.filename} 被压缩或加密，不符合格式，已拒绝导入。"
            )
        if info.file_size != info.compress_size:
            raise refuse("corrupt", "数据包结构已损坏，请重新从U盘复制或让对方重新导出。")
        if info.file_size > caps[info.filename]:
            raise refuse(
                "oversized",
                f"数据包中的 {info.filename} 超过大小上限，已拒绝导入。",
                name=info.filename,
                size=info.file_size,
            )


def _check_tiling(f: BinaryIO, infos: list[zipfile.ZipInfo], cd_offset: int) -> None:
    """Local records must follow one another from byte 0 to the central directory."""
    expected = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        f.seek(info.header_offset)
        local = f.read(30)
        if info.header_offset != expected or len(local) < 30 or local[:4] != _LOCAL:
            raise refuse("corrupt", "数据包结构已损坏，请重新从U盘复制或让对方重新导出。")
        flags, method = struct.unpack("<HH", local[6:10])
        name_len, extra_len = struct.unpack("<HH", local[26:30])
        name = f.read(name_len)
        if method != zipfile.ZIP_STORED or flags & 0x9 or name != info.filename.encode():
            raise refuse("corrupt", "数据包结构已损坏，请重新从U盘复制或让对方重新导出。")
        expected = info.header_offset + 30 + name_len + extra_len + info.compress_size
    if expected != cd_offset:
        raise refuse("corrupt", "数据包结构已损坏，请重新从U盘复制或让对方重新导出。")


def open_checked_zip(f: BinaryIO, caps: dict[str, int]) -> zipfile.ZipFile:
    """Check the zip structure of an open file whose entries must be exactly ``caps``.

    Args:
        f: the file, opened for binary reading.
        caps: entry name → largest size allowed; every name must be present, no other.

    Returns:
        The open archive (the caller closes it); nothing in it is trusted yet.

    Raises:
        BundleRefused: a structural fault.
    """
    size = os.fstat(f.fileno()).st_size
    if size < 4 + _EOCD_SIZE:
        raise refuse("not_zip", "这个文件不是数据包（不是 zip 文件），请选择正确的 .zip 数据包。")
    total, _, cd_offset = _end_record(f, size)
    if total > _MAX_ENTRIES:  # before the zip module reads thousands of entries
        raise refuse(
            "too_many_entries",
            f"数据包中有 {total} 个文件（应为 {len(caps)} 个），不符合格式，已拒绝导入。",
        )
    f.seek(0)
    try:
        zf = zipfile.ZipFile(f)
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError) as exc:
        raise refuse("corrupt", "数据包结构已损坏，请重新从U盘复制或让对方重新导出。") from exc
    try:
        infos = zf.infolist()
        _check_names(infos, tuple(caps))
        _check_entries(infos, caps)
        _check_tiling(f, infos, cd_offset)
    except BaseException:
        zf.close()
        raise
    return zf


def open_container(f: BinaryIO, limits: Limits) -> Container:
    """Check the zip structure of an open bundle file and read its two small entries.

    Args:
        f: the bundle file, opened for binary reading.
        limits: the size limits.

    Returns:
        The container; nothing in it is trusted yet.

    Raises:
        BundleRefused: a structural fault (see the codes in :func:`refuse` calls).
    """
    caps = {
        MANIFEST: limits.manifest_bytes,
        SIGNATURE: SIGNATURE_SIZE,
        PAYLOAD: limits.payload_bytes,
    }
    zf = open_checked_zip(f, caps)
    try:
        manifest = zf.read(MANIFEST)
        signature = zf.read(SIGNATURE)
        payload = zf.getinfo(PAYLOAD)
    except (zipfile.BadZipFile, NotImplementedError) as exc:
        zf.close()
        raise refuse("corrupt", "数据包内容已损坏（校验失败），请重新复制。") from exc
    except BaseException:
        zf.close()
        raise
    return Container(zf, manifest, signature, payload)
