"""Station kits and enrollment files: one signed JSON document in a STORED zip.

A kit or an enrollment is how two PCs first learn each other's keys, so it cannot be
encrypted to a key the reader does not have yet. It is signed by the key it carries: the
signature proves the file is whole and unaltered, and a person confirms the key itself by
comparing its fingerprint with the printed sheet or over the phone (SYNC.md, "Enrollment").
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from qunzhong_desktop import __version__
from qunzhong_desktop.core.bounded import regular_file
from qunzhong_desktop.core.safe_write import atomic_path
from qunzhong_desktop.sync.bundle_container import open_checked_zip, refuse
from qunzhong_desktop.sync.bundle_format import SIGNATURE_SIZE, canonical_json, pae
from qunzhong_desktop.sync.bundle_manifest import strict_loads
from qunzhong_desktop.sync.keys import NodeKeys, PublicKeys, verify_signature

DOC_FORMAT = "qunzhong-document"
DOC_VERSION = 1
DOC_TYPE = "application/vnd.qunzhong.document+json"
DOCUMENT, DOC_SIGNATURE = "document.json", "document.sig"
MAX_DOCUMENT_BYTES = 512 * 1024
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NAMES = {"station-kit": "乡镇工作包", "enrollment": "站点登记文件", "county-kit": "县工作包"}


def write_document(out: Path, kind: str, body: dict[str, Any], keys: NodeKeys) -> Path:
    """Write ``body`` (with the format fields and the signer's public keys) signed.

    Raises:
        OutputError: the file cannot be written (full disk, missing folder …).
    """
    document = {
        "format": DOC_FORMAT,
        "version": DOC_VERSION,
        "kind": kind,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "keys": keys.public.to_json(),
        **body,
    }
    data = canonical_json(document)
    signature = keys.sign(pae(DOC_TYPE, data))
    out = Path(out)
    with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:
        for name, content in ((DOCUMENT, data), (DOC_SIGNATURE, signature)):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.external_attr = 0o100644 << 16
            zf.writestr(info, content)
    return out


def read_document(path: Path, kind: str) -> tuple[dict[str, Any], PublicKeys]:
    """Check a document file and return its body and the public keys that signed it.

    Raises:
        BundleRefused: not such a file, damaged, altered, or of another kind.
    """
    name = _NAMES[kind]
    try:
        regular_file(Path(path))
        with Path(path).open("rb") as f:
            zf = open_checked_zip(f, {DOCUMENT: MAX_DOCUMENT_BYTES, DOC_SIGNATURE: SIGNATURE_SIZE})
            with zf:
                data, signature = zf.read(DOCUMENT), zf.read(DOC_SIGNATURE)
    except (zipfile.BadZipFile, NotImplementedError) as exc:
        raise refuse("corrupt", f"{name}已损坏，请重新复制。") from exc
    except OSError as exc:
        raise refuse("unreadable", f"无法读取{name} {path}（{exc.strerror or exc}）。") from exc
    try:
        document = strict_loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != DOC_FORMAT:
            raise ValueError("format")
        keys = PublicKeys.from_json(document.get("keys"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise refuse("document_malformed", f"这不是有效的{name}（内容格式错误）。") from exc
    if document.get("version") != DOC_VERSION:
        raise refuse(
            "unknown_version", f"{name}的格式版本本程序不支持，请把两边的程序升级到同一版本。"
        )
    if not verify_signature(keys.signing, signature, pae(DOC_TYPE, data)):
        raise refuse("signature_bad", f"{name}的签名无效，文件可能被改动过，已拒绝。")
    if document.get("kind") != kind:
        other = _NAMES.get(str(document.get("kind")), "其他文件")
        raise refuse("wrong_kind", f"选择的文件是{other}，不是{name}。")
    return document, keys


def normalise_fingerprint(text: str) -> str:
    """Upper-case hex digits only, so ``3f2a-9c01 …`` equals ``3F2A 9C01 …``."""
    return "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
