"""A folder's next file is verified while this one is applied (sync/verify_ahead.py).

The result read ahead is used only when it is what reading the file at its turn gives;
otherwise the file is read again there, with the same outcome. Counted here: which files
were read at their turn (``importer.read_bundle``) and which ahead (``verify_ahead``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.work import CancelToken
from qunzhong_desktop.home import SCRATCH
from qunzhong_desktop.sync import importer, peers, verify_ahead
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.importer import ImportCancelled, import_order
from qunzhong_desktop.sync.views import APPLIED, REFUSED
from tests.helpers.network import Node


def _counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    reads: dict[str, list[str]] = {"turn": [], "ahead": []}
    for module, key in ((importer, "turn"), (verify_ahead, "ahead")):
        real = module.read_bundle

        def counting(path: Path, *args: Any, real: Any = real, key: str = key, **kw: Any) -> Any:
            reads[key].append(Path(path).name)
            return real(path, *args, **kw)

        monkeypatch.setattr(module, "read_bundle", counting)
    return reads


def _bundles(one: Node, two: Node, usb: Path) -> list[Path]:
    one.store.register.save_household(Household(number="101", members=[Person(name="甲")]))
    two.store.register.save_household(Household(number="201", members=[Person(name="乙")]))
    return one.export(usb) + two.export(usb)


def _left_behind(township: Node) -> tuple[list[str], list[Path]]:
    threads = [t.name for t in threading.enumerate() if t.name.startswith("import-")]
    return threads, [p for p in (township.home / SCRATCH).rglob("*") if p.is_file()]


def test_a_folder_is_read_a_file_ahead_and_a_bad_file_is_refused_as_alone(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    township, one, two = net
    usb = tmp_path / "usb"
    first, second = _bundles(one, two, usb)
    bad = usb / f"{first.name.split('-')[0]}-99999999-bad.qzb"  # sorted between the two
    bad.write_bytes(b"PK\x03\x04 not a bundle")
    with pytest.raises(BundleRefused) as alone:
        township.sync.import_bundle(bad, township.keys)
    order = sorted([first, second, bad], key=import_order)
    assert order.index(bad) == 1

    reads = _counted(monkeypatch)
    reports = township.sync.import_bundles([second, bad, first], township.keys)

    assert [r.status for r in reports] == [APPLIED, REFUSED, APPLIED]
    assert reports[1].code == alone.value.code and reports[1].message == alone.value.message
    assert [r.applied for r in reports] == [reports[0].applied, 0, reports[2].applied]
    assert reports[0].applied > 0 and reports[2].applied > 0
    # the first at its turn; the next two ahead; the bad one again at its turn (refused)
    assert reads == {"turn": [order[0].name, bad.name], "ahead": [bad.name, order[2].name]}
    assert _left_behind(township) == ([], [])
    assert township.store.register.count_households() == 2


def test_a_file_read_against_other_keys_is_read_again_at_its_turn(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    township, one, two = net
    order = sorted(_bundles(one, two, tmp_path / "usb"), key=import_order)
    real = peers.trusted_keys
    calls: list[int] = []

    def changing(s: Any) -> dict[str, bytes]:  # as if the import before changed them
        calls.append(1)
        return {**real(s), f"node-{len(calls)}": b"\0" * 32}

    monkeypatch.setattr(peers, "trusted_keys", changing)
    reads = _counted(monkeypatch)
    reports = township.sync.import_bundles(order, township.keys)
    assert [r.status for r in reports] == [APPLIED, APPLIED]
    assert reads == {"turn": [p.name for p in order], "ahead": [order[1].name]}
    assert _left_behind(township) == ([], [])


@pytest.mark.parametrize("during", [True, False], ids=["in-the-first-file", "after-it"])
def test_a_cancelled_folder_leaves_no_file_read_ahead_behind(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, during: bool
) -> None:
    township, one, two = net
    bundles = _bundles(one, two, tmp_path / "usb")
    cancel = CancelToken()
    if during:  # a line a chunk: the first file stops at its second line, the next being read
        monkeypatch.setattr(importer, "CHUNK", 1)

    def progress(done: int, total: int, *_: Any) -> None:
        if during or done == 1000:  # at once, or once the first file is in
            cancel.cancel()

    with pytest.raises(ImportCancelled) as stopped:
        township.sync.import_bundles(bundles, township.keys, progress=progress, cancel=cancel)
    assert [r.status for r in stopped.value.data["reports"]] == ([] if during else [APPLIED])
    assert _left_behind(township) == ([], [])
    assert township.store.register.count_households() == (0 if during else 1)
