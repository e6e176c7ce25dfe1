"""The second gate: the manifest's signature, then its bytes, JSON and fields.

The signature is checked over the exact bytes before they are decoded or parsed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qunzhong_desktop.core import bounded
from qunzhong_desktop.sync.bundle_container import refuse
from qunzhong_desktop.sync.bundle_format import (
    FORMAT,
    KINDS,
    PAYLOAD_TYPE,
    SIGNATURE_SIZE,
    VERSION,
    pae,
)
from qunzhong_desktop.sync.keys import key_id, verify_signature


def strict_loads(data: bytes | str) -> Any:
    """Parse JSON within bounds (:func:`core.bounded.loads`).

    Raises:
        ValueError: malformed, nested too deep, a number beyond 64 bits, a lone surrogate
            or a repeated key (:func:`core.bounded.duplicate_key` names it).
    """
    return bounded.loads(data)


def signers(manifest: bytes, signature: bytes, trusted_keys: Mapping[str, bytes]) -> set[str]:
    """The trusted node ids whose key signed these exact manifest bytes.

    Raises:
        BundleRefused: ``bundle.signature_missing`` or ``bundle.signature_bad`` (no trusted key).
    """
    if not signature:
        raise refuse("signature_missing", "数据包没有签名，无法确认来源，已拒绝导入。")
    message = pae(PAYLOAD_TYPE, manifest)
    found = {
        node
        for node, public in trusted_keys.items()
        if len(signature) == SIGNATURE_SIZE and verify_signature(public, signature, message)
    }
    if not found:
        raise refuse(
            "signature_bad",
            "数据包签名无效或来自未登记的密钥，可能已被篡改，已拒绝导入。请确认对方已完成登记。",
        )
    return found


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shape_ok(m: dict[str, Any]) -> bool:
    sender, recipient, seq, payload = (m.get(k) for k in ("sender", "recipient", "seq", "payload"))
    strings = ("bundle_id", "kind", "created_at", "app_version", "schema_revision")
    return (
        all(isinstance(m.get(k), str) for k in strings)
        and m["kind"] in KINDS
        and isinstance(m.get("previous_bundle_hash"), str)
        and isinstance(sender, dict)
        and isinstance(sender.get("node_id"), str)
        and _is_int(sender.get("epoch"))
        and isinstance(sender.get("key_id"), str)
        and isinstance(recipient, dict)
        and isinstance(recipient.get("node_id"), str)
        and isinstance(recipient.get("key_fingerprint"), str)
        and isinstance(seq, dict)
        and _is_int(seq.get("from"))
        and _is_int(seq.get("to"))
        and isinstance(m.get("acks"), dict)
        and all(_is_int(v) for v in m["acks"].values())
        and isinstance(payload, dict)
        and _is_int(payload.get("size"))
        and isinstance(payload.get("sha256"), str)
        # ranges: an epoch from 1, sequences from 1, a range that does not run backwards
        # (an empty bundle is ``to = from - 1``), sizes not negative
        and sender["epoch"] >= 1
        and 1 <= seq["from"] <= seq["to"] + 1
        and payload["size"] >= 0
        and all(v >= 0 for v in m["acks"].values())
    )


def parse_manifest(manifest: bytes) -> dict[str, Any]:
    """Decode and parse signed manifest bytes and check their fields.

    Raises:
        BundleRefused: ``manifest_encoding``, ``manifest_duplicate_key``,
            ``manifest_malformed``, ``unknown_format``, ``unknown_version`` or
            ``manifest_invalid``.
    """
    try:
        text = manifest.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse("manifest_encoding", "数据包清单不是 UTF-8 编码，已拒绝导入。") from exc
    try:
        data = strict_loads(text)
    except ValueError as exc:
        key = bounded.duplicate_key(exc)
        if key is not None:
            raise refuse(
                "manifest_duplicate_key", f"数据包清单中字段 {key} 重复出现，已拒绝导入。"
            ) from exc
        raise refuse("manifest_malformed", "数据包清单格式错误，已拒绝导入。") from exc
    if not isinstance(data, dict):
        raise refuse("manifest_malformed", "数据包清单格式错误，已拒绝导入。")
    if data.get("format") != FORMAT:
        raise refuse("unknown_format", "这不是群众工作站的数据包（格式名称不符），已拒绝导入。")
    if not _is_int(data.get("version")) or data["version"] != VERSION:
        raise refuse(
            "unknown_version",
            f"数据包格式版本 {data.get('version')!r} 本程序不支持，请把两边的程序升级到同一版本。",
        )
    if not _shape_ok(data):
        raise refuse("manifest_invalid", "数据包清单缺少字段或字段类型错误，已拒绝导入。")
    return data


def check_sender(
    manifest: dict[str, Any], found: set[str], trusted_keys: Mapping[str, bytes]
) -> None:
    """The node the manifest names as sender must be the one whose key signed it.

    ``trusted_keys`` is keyed by node id, or by ``node_id|label`` where a node has several
    keys (one per epoch: old keys stay to verify old bundles).

    Raises:
        BundleRefused: ``bundle.wrong_key``.
    """
    sender = manifest["sender"]
    node = sender["node_id"]
    if not any(
        label.split("|", 1)[0] == node and sender["key_id"] == key_id(trusted_keys[label])
        for label in found
    ):
        raise refuse(
            "wrong_key",
            f"数据包声称来自 {node}，但签名密钥不是该站点登记的密钥，已拒绝导入。",
            node_id=node,
        )


def check_recipient(manifest: dict[str, Any], node_id: str, fingerprint: str) -> None:
    """The bundle must be addressed to this node and to its current key.

    Raises:
        BundleRefused: ``bundle.wrong_recipient`` or ``bundle.recipient_key_mismatch``.
    """
    recipient = manifest["recipient"]
    if recipient["node_id"] != node_id:
        raise refuse(
            "wrong_recipient",
            "这个数据包是发给其他站点的，不是发给本机的，已拒绝导入。",
            recipient=recipient["node_id"],
        )
    if recipient["key_fingerprint"] != fingerprint:
        raise refuse(
            "recipient_key_mismatch",
            "数据包加密所用的本机密钥与当前密钥不符（指纹不同），请让对方使用最新登记的密钥重新导出。",
        )
