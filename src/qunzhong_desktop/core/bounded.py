"""Bounds on what comes from outside (a USB stick, a file the clerk chose), checked first.

- :func:`regular_file`: only a regular file is opened — a FIFO would hang the reader, a
  folder or device is not a file the clerk meant.
- :func:`loads`: JSON with no duplicate keys, no NaN, nesting at most :data:`MAX_DEPTH`
  deep (a file nested thousands deep otherwise crashes the parser before any signature is
  checked), integers within 64 bits and text that is valid Unicode (no lone surrogates).
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

MAX_DEPTH = 32
_INT_DIGITS = 18  # |n| < 10**18 < 2**63
_LONE = re.compile(rb"\\u[dD][89abAB]|\\u[dD][c-fC-F]")


class NotARegularFile(OSError):
    """The path names a folder, a FIFO, a device or nothing at all."""


def regular_file(path: Path) -> os.stat_result:
    """The file's status, if ``path`` is a regular file.

    Raises:
        NotARegularFile: it is missing, a folder, a FIFO, a socket or a device.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise NotARegularFile(exc.errno, "文件不存在", str(path)) from exc
    except OSError as exc:
        raise NotARegularFile(exc.errno, exc.strerror or "无法读取", str(path)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotARegularFile(21, "这是一个文件夹，不是文件", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(22, "这不是普通文件（可能是管道或设备）", str(path))
    return info


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)  # in C; a repeated key leaves fewer entries than pairs
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)  # the first repeated key, as before
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(name)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _INT_DIGITS:
        raise ValueError("integer out of range")
    return int(text)


def _depth(data: bytes) -> int:
    """The deepest nesting of arrays and objects, strings skipped (one linear pass)."""
    deepest = depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _valid_text(value: Any) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    if isinstance(value, list):
        return all(_valid_text(v) for v in value)
    if isinstance(value, dict):
        return all(_valid_text(k) and _valid_text(v) for k, v in value.items())
    return True


def loads(data: bytes | str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON within the bounds of the module docstring.

    Raises:
        ValueError: malformed or out of bounds (a subclass names a repeated key).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    # cheap first: a line with few brackets cannot be deep; count exactly only otherwise
    if raw.count(b"[") + raw.count(b"{") > max_depth and _depth(raw) > max_depth:
        raise ValueError("nested too deep")
    value = json.loads(
        raw,
        object_pairs_hook=_no_duplicates,
        parse_constant=_no_constants,
        parse_int=_bounded_int,
    )
    if _LONE.search(raw) and not _valid_text(value):
        raise ValueError("lone surrogate")
    return value


def duplicate_key(exc: ValueError) -> str | None:
    """The repeated key a :func:`loads` error names, if that was the fault."""
    return str(exc) if isinstance(exc, _DuplicateKey) else None
