from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pyrage
import pytest

from qunzhong_desktop.sync.bundle_format import (
    FORMAT,
    MANIFEST,
    PAYLOAD,
    SIGNATURE,
    VERSION,
    BundleRefused,
    Limits,
    canonical_json,
)
from qunzhong_desktop.sync.bundle_write import write_bundle
from tests.helpers.bundles import (
    OTHER,
    TOWNSHIP,
    Keys,
    assemble,
    entries,
    fake_change,
    plain_lines,
    read,
    rebuild,
    sealed_lines,
    signed,
    spec,
)


def refused(path: Path, code: str, limits: Limits | None = None) -> BundleRefused:
    with pytest.raises(BundleRefused) as info:
        read(path, limits)
    assert info.value.code == f"bundle.{code}"
    assert info.value.message  # a Chinese sentence for the user
    return info.value


def test_round_trip_1000_changes(tmp_path: Path) -> None:
    changes = [fake_change(i) for i in range(1, 1001)]
    written = write_bundle(
        tmp_path / "b.zip", spec(1000, acks={TOWNSHIP: 7}), Keys.station, iter(changes)
    )
    with zipfile.ZipFile(written.path) as zf:
        assert zf.namelist() == [MANIFEST, SIGNATURE, PAYLOAD]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in zf.infolist())
    with read(written.path) as bundle:
        assert bundle.manifest == written.manifest
        assert bundle.manifest["format"] == FORMAT and bundle.manifest["version"] == VERSION
        assert bundle.manifest["seq"] == {"from": 1, "to": 1000}
        assert bundle.manifest["acks"] == {TOWNSHIP: 7}
        assert bundle.count == 1000
        assert list(bundle.changes()) == changes
    assert len(written.sha256) == 64


# --- the container ---------------------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"this is a spreadsheet, not a bundle" * 10)
    refused(path, "not_zip")


def test_truncated(good: Path) -> None:
    good.write_bytes(good.read_bytes()[:-100])
    refused(good, "truncated")


def test_trailing_bytes(good: Path) -> None:
    good.write_bytes(good.read_bytes() + b"hidden")
    refused(good, "trailing_bytes")


def test_prepended_bytes_are_corrupt(good: Path) -> None:
    good.write_bytes(b"PK\x03\x04" + b"\0" * 40 + good.read_bytes())
    refused(good, "corrupt")


def test_flipped_byte_fails_the_crc(good: Path) -> None:
    data = bytearray(good.read_bytes())
    data[data.index(b"manifest.json") + 20] ^= 1  # inside the manifest entry's data
    good.write_bytes(bytes(data))
    refused(good, "corrupt")


def test_unexpected_entry(good: Path, tmp_path: Path) -> None:
    parts = [*entries(good).items(), ("readme.txt", b"hi")]
    refused(assemble(tmp_path / "b.zip", parts), "unexpected_entry")


def test_missing_entry(good: Path, tmp_path: Path) -> None:
    parts = [(n, d) for n, d in entries(good).items() if n != PAYLOAD]
    refused(assemble(tmp_path / "b.zip", parts), "missing_entry")


def test_duplicate_entry(good: Path, tmp_path: Path) -> None:
    parts = [*entries(good).items(), (MANIFEST, b"{}")]
    refused(assemble(tmp_path / "b.zip", parts), "duplicate_entry")


@pytest.mark.parametrize(
    "name", ["../manifest.json", "/manifest.json", "a\\manifest.json", "C:/manifest.json"]
)
def test_unsafe_names(good: Path, tmp_path: Path, name: str) -> None:
    parts = [*entries(good).items(), (name, b"x")]
    refused(assemble(tmp_path / "b.zip", parts), "unsafe_name")


def test_symlink_entry(good: Path, tmp_path: Path) -> None:
    parts = list(entries(good).items())
    path = assemble(tmp_path / "b.zip", parts, attrs={SIGNATURE: 0o120777})
    refused(path, "link")


def test_zip_bomb_entry_is_compressed(good: Path, tmp_path: Path) -> None:
    parts = [*list(entries(good).items())[:2], (PAYLOAD, b"\0" * (8 * 1024 * 1024))]
    path = assemble(tmp_path / "b.zip", parts, compress=zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 100_000
    refused(path, "compressed")


def test_oversized_manifest(good: Path, tmp_path: Path) -> None:
    parts = entries(good)
    parts[MANIFEST] = b" " * (64 * 1024 + 1)
    refused(assemble(tmp_path / "b.zip", parts.items()), "oversized")


def test_oversized_payload(good: Path) -> None:
    refused(good, "oversized", Limits(payload_bytes=100))


# --- the signature and the manifest ----------------------------------------------------


def test_missing_signature(good: Path, tmp_path: Path) -> None:
    parts = entries(good)
    parts[SIGNATURE] = b""
    refused(assemble(tmp_path / "b.zip", parts.items()), "signature_missing")


def test_bad_signature_after_tampering(good: Path, tmp_path: Path) -> None:
    parts = entries(good)
    parts[MANIFEST] = parts[MANIFEST].replace(b'"epoch":1', b'"epoch":2')
    refused(assemble(tmp_path / "b.zip", parts.items()), "signature_bad")


def test_signature_by_unknown_key(good: Path, tmp_path: Path) -> None:
    refused(rebuild(good, tmp_path / "b.zip", keys=Keys.township), "signature_bad")


def test_signed_by_another_enrolled_station(good: Path, tmp_path: Path) -> None:
    # OTHER is enrolled, but the manifest claims to come from STATION
    refused(rebuild(good, tmp_path / "b.zip", keys=Keys.other), "wrong_key")


def test_key_id_not_the_senders(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["sender"]["key_id"] = "0" * 16

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "wrong_key")


def test_manifest_not_utf8(good: Path, tmp_path: Path) -> None:
    body = entries(good)[MANIFEST].replace("李".encode(), b"") + b" \xff"
    refused(rebuild(good, tmp_path / "b.zip", manifest_bytes=body), "manifest_encoding")


def test_manifest_duplicate_key(good: Path, tmp_path: Path) -> None:
    body = b'{"version":1,' + entries(good)[MANIFEST][1:]
    refused(rebuild(good, tmp_path / "b.zip", manifest_bytes=body), "manifest_duplicate_key")


def test_manifest_not_json(good: Path, tmp_path: Path) -> None:
    refused(rebuild(good, tmp_path / "b.zip", manifest_bytes=b"[1, 2"), "manifest_malformed")


def test_unknown_format(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["format"] = "other-bundle"

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "unknown_format")


def test_unknown_version(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["version"] = 2

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "unknown_version")


def test_manifest_missing_field(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        del m["seq"]

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "manifest_invalid")


def test_manifest_unknown_kind(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["kind"] = "everything"

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "manifest_invalid")


def test_other_recipient(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["recipient"]["node_id"] = OTHER

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "wrong_recipient")


def test_recipient_fingerprint_mismatch(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["recipient"]["key_fingerprint"] = Keys.other.fingerprint

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "recipient_key_mismatch")


# --- the payload -----------------------------------------------------------------------


def test_payload_size_mismatch(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["payload"]["size"] += 1

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "payload_size")


def test_payload_hash_mismatch(good: Path, tmp_path: Path) -> None:
    def edit(m: dict[str, Any]) -> None:
        m["payload"]["sha256"] = "0" * 64

    refused(rebuild(good, tmp_path / "b.zip", edit=edit), "payload_hash")


def test_decryption_failure(good: Path, tmp_path: Path) -> None:
    payload = sealed_lines(plain_lines(good), to=Keys.other)
    refused(rebuild(good, tmp_path / "b.zip", payload=payload), "decrypt_failed")


def test_payload_not_gzip(good: Path, tmp_path: Path) -> None:
    payload = bytes(pyrage.encrypt(b"not gzip at all", [Keys.township.identity.to_public()]))
    refused(rebuild(good, tmp_path / "b.zip", payload=payload), "payload_corrupt")


def _with_lines(good: Path, tmp_path: Path, lines: list[bytes]) -> Path:
    return rebuild(good, tmp_path / "b.zip", payload=sealed_lines(lines))


def test_header_not_matching(good: Path, tmp_path: Path) -> None:
    lines = plain_lines(good)
    header = json.loads(lines[0])
    header["seq"]["to"] = 99
    lines[0] = canonical_json(header) + b"\n"
    refused(_with_lines(good, tmp_path, lines), "header_mismatch")


def test_trailer_count_not_matching(good: Path, tmp_path: Path) -> None:
    lines = plain_lines(good)
    del lines[2]  # drop one change; the trailer still says 3
    refused(_with_lines(good, tmp_path, lines), "trailer_mismatch")


def test_trailer_hash_not_matching(good: Path, tmp_path: Path) -> None:
    lines = plain_lines(good)
    change = json.loads(lines[1])
    change["fields"]["phone"] = "13900000000"
    lines[1] = canonical_json(change) + b"\n"
    refused(_with_lines(good, tmp_path, lines), "trailer_mismatch")


def test_missing_trailer(good: Path, tmp_path: Path) -> None:
    refused(_with_lines(good, tmp_path, plain_lines(good)[:-1]), "trailer_mismatch")


def test_decompressed_size_over_limit(good: Path, tmp_path: Path) -> None:
    # a payload bomb: ~1 MiB of spaces compresses to almost nothing
    lines = plain_lines(good)
    bomb = [lines[0], b" " * 1_000_000 + b"\n", *lines[1:]]
    path = _with_lines(good, tmp_path, bomb)
    assert path.stat().st_size < 20_000
    refused(path, "decompressed_too_large", Limits(decompressed_bytes=500_000))


def test_line_too_long(good: Path) -> None:
    refused(good, "line_too_long", Limits(line_bytes=100))


def test_too_many_changes(good: Path) -> None:
    refused(good, "too_many_changes", Limits(changes=2))


def _change_line(**edits: Any) -> bytes:
    change = fake_change(2)
    for key, value in edits.items():
        if value is ...:
            del change[key]
        else:
            change[key] = value
    return canonical_json(change) + b"\n"


@pytest.mark.parametrize(
    "line",
    [
        b"not json\n",
        b"[1, 2, 3]\n",
        b'{"seq": 2, "seq": 2}\n',
        _change_line(row_id=...),
        _change_line(extra="x"),
        _change_line(seq="2"),
        _change_line(seq=True),
        _change_line(fields=["phone"]),
        _change_line(op="drop"),
    ],
    ids=[
        "not-json",
        "not-object",
        "duplicate-key",
        "missing-field",
        "extra-field",
        "seq-str",
        "seq-bool",
        "fields-list",
        "bad-op",
    ],
)
def test_malformed_change_line(good: Path, tmp_path: Path, line: bytes) -> None:
    lines = plain_lines(good)
    lines[2] = line
    body = b"".join(lines[1:-1])
    trailer = {"type": "trailer", "count": 3, "sha256": hashlib.sha256(body).hexdigest()}
    lines[-1] = canonical_json(trailer) + b"\n"
    refused(_with_lines(good, tmp_path, lines), "change_malformed")


def test_unsigned_resign_helper_is_sound(good: Path, tmp_path: Path) -> None:
    # the surgery helpers themselves produce an acceptable bundle when nothing is changed
    with read(rebuild(good, tmp_path / "b.zip")) as bundle:
        assert bundle.count == 3
    assert signed(b"x") != signed(b"y")


def test_payload_byte_flipped_fails_the_crc(good: Path) -> None:
    data = bytearray(good.read_bytes())
    data[data.index(b"age-encryption.org/v1") + 200] ^= 1
    good.write_bytes(bytes(data))
    refused(good, "corrupt")


def test_payload_not_age(good: Path, tmp_path: Path) -> None:
    payload = b"age-encryption.org/v1\n-> X25519 garbage\n" + bytes(range(256))
    refused(rebuild(good, tmp_path / "b.zip", payload=payload), "decrypt_failed")


def test_writing_to_a_missing_folder_is_explained_and_leaves_nothing(tmp_path: Path) -> None:
    from qunzhong_desktop.core.safe_write import OutputError
    from tests.helpers.bundles import write_good

    with pytest.raises(OutputError) as info:
        write_good(tmp_path / "无此文件夹" / "bundle.qzb")
    assert "不存在" in info.value.message
    assert list(tmp_path.iterdir()) == []
