"""Hostile files are refused with a sentence, fast, the database unchanged (issue 10, case 4).

Each case crashed, hung or blocked the sender before: a manifest nested thousands deep
(RecursionError before any signature check, and it stopped a whole folder import), 65,000
empty zip entries (149 s), a FIFO (``import-bundle`` hung forever), and signed bundles with
an integer beyond 64 bits, a lone surrogate, a clock in the year 2286 or an inverted
sequence range.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.sync.bundle_format import MANIFEST, PAYLOAD, SIGNATURE, canonical_json
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.signed_doc import read_document, write_document
from qunzhong_desktop.sync.views import APPLIED, REFUSED
from tests.helpers.bundles import assemble, entries, signed
from tests.helpers.forge import change, forge
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD, refused

DEEP = b"[" * 5000 + b"]" * 5000


def test_a_deeply_nested_unsigned_manifest_is_refused_and_the_folder_goes_on(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    usb = tmp_path / "usb"
    usb.mkdir()
    bomb = assemble(
        usb / "000-bomb.qzb",
        [(MANIFEST, b'{"sender":' + DEEP + b"}"), (SIGNATURE, b"\0" * 64), (PAYLOAD, b"x")],
    )
    good = one.export(usb)[0]
    refused(township, bomb, "signature_bad")
    reports = township.sync.import_bundles([bomb, good], township.keys)
    assert [r.status for r in reports] == [REFUSED, APPLIED]


def test_deep_nesting_in_signed_documents_is_refused(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    _, one, _ = net
    keys = NodeKeys.generate()
    path = write_document(tmp_path / "e.qzenroll", "enrollment", {"node": {"x": 1}}, keys)
    parts = entries(path)
    nested = parts["document.json"][:-1] + b',"deep":' + DEEP + b"}"
    doc = tmp_path / "deep.qzenroll"
    with zipfile.ZipFile(doc, "w") as zf:
        zf.writestr("document.json", nested)
        zf.writestr("document.sig", keys.sign(b"x"))
    from qunzhong_desktop.sync.bundle_format import BundleRefused

    with pytest.raises(BundleRefused) as caught:
        read_document(doc, "enrollment")
    assert caught.value.code == "bundle.document_malformed"
    # and a signed bundle whose manifest is deep: refused after the signature, as malformed
    manifest = b'{"format":"qunzhong-bundle","deep":' + DEEP + b"}"
    bundle = assemble(
        tmp_path / "deep.qzb",
        [(MANIFEST, manifest), (SIGNATURE, signed(manifest, one.keys)), (PAYLOAD, b"x")],
    )
    township = net[0]
    refused(township, bundle, "manifest_malformed")


def test_sixty_five_thousand_empty_entries_are_refused_at_once(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township = net[0]
    path = tmp_path / "many.qzb"
    with zipfile.ZipFile(path, "w") as zf:
        for n in range(65_000):
            zf.writestr(f"e{n}", b"")
    started = time.monotonic()
    refused(township, path, "too_many_entries")
    assert time.monotonic() - started < 3


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_hanging(net: tuple[Node, Node, Node], tmp_path: Path) -> None:
    township = net[0]
    fifo = tmp_path / "pipe.qzb"
    os.mkfifo(fifo)
    started = time.monotonic()
    error = refused(township, fifo, "unreadable")
    assert "不是普通文件" in error.message and time.monotonic() - started < 3


def _signed_bundle(
    one: Node, township: Node, out: Path, lines: list[dict[str, Any]], **m: Any
) -> Path:
    path = forge(one, township, out, lines)
    if not m:
        return path
    parts = entries(path)
    manifest = json.loads(parts[MANIFEST])
    for key, value in m.items():
        manifest[key] = value
    body = canonical_json(manifest)
    return assemble(
        out, [(MANIFEST, body), (SIGNATURE, signed(body, one.keys)), (PAYLOAD, parts[PAYLOAD])]
    )


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("huge_int", "change_malformed"),
        ("position_beyond_64_bits", "change_malformed"),
        ("lone_surrogate", "change_malformed"),
        ("year_2286", "clock_window"),
        ("inverted_range", "manifest_invalid"),
        ("same_sequence_twice", "sequence_order"),
        ("control_characters", "value_out_of_bounds"),
        ("name_33000", "value_out_of_bounds"),
    ],
)
def test_signed_bundles_out_of_bounds_are_refused_and_the_sender_is_not_blocked(
    net: tuple[Node, Node, Node], tmp_path: Path, case: str, code: str
) -> None:
    township, one, _ = net
    household = dict(HOUSEHOLD, number="100")
    line = change(one, 1, "household", new_id(), "insert", household)
    out = tmp_path / "bad.qzb"
    text = json.dumps(line, ensure_ascii=True)
    if case == "huge_int":
        bundle = _raw_line_bundle(one, township, out, text.replace('"seq": 1,', f'"seq": {2**70},'))
    elif case == "position_beyond_64_bits":
        person = {
            "household_id": line["row_id"], "position": 0, "name": "甲", "relation": "户主",
            "id_number": None, "gender": "", "birth_date": None, "phone": "", "tags": [],
            "flags": [], "search_text": "", "note": "", "deleted_at": None,
        }  # fmt: skip
        line = change(one, 1, "person", new_id(), "insert", person)
        text = json.dumps(line, ensure_ascii=True)
        bundle = _raw_line_bundle(
            one, township, out, text.replace('"position": 0', f'"position": {2**63}')
        )
    elif case == "lone_surrogate":
        lone = '"address": "\\ud800"'  # the JSON escape of a lone surrogate
        bundle = _raw_line_bundle(one, township, out, text.replace('"address": ""', lone))
    elif case == "year_2286":
        line = change(one, 1, "household", new_id(), "insert", household, millis=10**13)
        bundle = forge(one, township, out, [line])
    elif case == "inverted_range":
        bundle = _signed_bundle(one, township, out, [line], seq={"from": 5, "to": 2})
    elif case == "same_sequence_twice":
        other = change(one, 1, "household", new_id(), "insert", dict(HOUSEHOLD, number="101"))
        bundle = forge(one, township, out, [line, other])
    elif case == "control_characters":
        line["fields"]["address"] = "一组\x1b[31m\x07"
        bundle = forge(one, township, out, [line])
    else:
        line["fields"]["number"] = "1" * 33_000
        bundle = forge(one, township, out, [line])
    refused(township, bundle, code)
    # the sender is not blocked: its genuine bundle imports next
    again = township.sync.import_bundle(one.export(tmp_path / "good")[0], township.keys)
    assert again.status == APPLIED


def _raw_line_bundle(one: Node, township: Node, out: Path, text: str) -> Path:
    """A bundle whose one change line is exactly ``text`` (big numbers, escapes)."""
    import hashlib

    from tests.helpers.bundles import sealed_lines

    path = forge(one, township, out, [change(one, 1, "household", new_id(), "insert", HOUSEHOLD)])
    manifest = json.loads(entries(path)[MANIFEST])
    header = canonical_json(
        {"type": "header", "bundle_id": manifest["bundle_id"],
         "sender": {k: manifest["sender"][k] for k in ("node_id", "epoch")}, "seq": manifest["seq"]}
    )  # fmt: skip
    body = text.encode("utf-8") + b"\n"
    trailer = canonical_json(
        {"type": "trailer", "count": 1, "sha256": hashlib.sha256(body).hexdigest()}
    )
    payload = sealed_lines([header + b"\n", body, trailer + b"\n"], to=township.keys)
    manifest["payload"] = {"size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
    data = canonical_json(manifest)
    return assemble(
        out, [(MANIFEST, data), (SIGNATURE, signed(data, one.keys)), (PAYLOAD, payload)]
    )


EVENT = {
    "item_id": "", "position": 0, "at": "2026-11-20T10:00:00", "actor": "站务员",
    "actor_role": "station", "from_state": None, "to_state": "registered",
    "note": "受理登记", "data": {}, "deleted_at": None,
}  # fmt: skip


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("update_without_fields", "change_malformed"),
        ("step_to_no_state", "wrong_type"),
        ("step_data_a_list", "wrong_type"),
        ("promised_days_10_to_17", "value_out_of_bounds"),
        ("received_in_year_9999", "value_out_of_bounds"),
        ("tags_not_texts", "value_out_of_bounds"),
    ],
)
def test_cases_the_fuzzer_found_stay_refused(
    net: tuple[Node, Node, Node], tmp_path: Path, case: str, code: str
) -> None:
    """Each of these once crashed the import with a traceback (bench/soak_fuzz.py)."""
    from tests.helpers.intake_data import FRIDAY, register

    township, one, _ = net
    number = register(one.store, FRIDAY)
    township.sync.import_bundle(one.export(tmp_path / "first")[0], township.keys)
    with one.store.db.session() as s:
        from sqlalchemy import func, select

        from qunzhong_desktop.storage import models as m

        item_id = s.scalars(select(m.IntakeItem.id).where(m.IntakeItem.number == number)).one()
        seq = (s.scalar(select(func.max(m.SyncChange.seq))) or 0) + 1
    lines: list[dict[str, Any]]
    if case == "update_without_fields":
        lines = [change(one, seq, "intake_item", item_id, "update", {})]
    elif case in ("step_to_no_state", "step_data_a_list"):
        event = dict(EVENT, item_id=item_id, position=9, from_state="registered",
                     to_state="2026-13-45" if case == "step_to_no_state" else "in_progress",
                     data=[] if case == "step_data_a_list" else {})  # fmt: skip
        lines = [change(one, seq, "item_event", new_id(), "insert", event)]
    elif case == "promised_days_10_to_17":
        lines = [change(one, seq, "intake_item", item_id, "update", {"promised_days": 10**17})]
    elif case == "received_in_year_9999":
        moment = {"received_at": "9999-12-31T23:59:59"}
        lines = [change(one, seq, "intake_item", item_id, "update", moment)]
    else:
        lines = [change(one, seq, "household", new_id(), "insert", dict(HOUSEHOLD, tags=[1, 2]))]
    refused(township, forge(one, township, tmp_path / "bad.qzb", lines), code)


def test_a_zip_entry_of_an_unknown_zip_version_is_refused(
    net: tuple[Node, Node, Node], tmp_path: Path
) -> None:
    township, one, _ = net
    parts = entries(one.export(tmp_path / "good")[0])
    path = tmp_path / "v84.qzb"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_version = info.extract_version = 84
            zf.writestr(info, data)
    error = refused(township, path, "corrupt")
    assert "损坏" in error.message
