"""The fuzz suite in the test run (bounded); bench/soak_fuzz.py runs it long (tests/sync/fuzz.py)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.sync.bundle_format import MANIFEST
from qunzhong_desktop.sync.keys import NodeKeys
from qunzhong_desktop.sync.signed_doc import DOCUMENT
from tests.helpers.bundles import entries, plain_lines
from tests.helpers.fuzz import Tally, attempt, mutate, mutate_bytes, resign_bundle, resign_document
from tests.helpers.intake_data import FRIDAY, register
from tests.helpers.network import Node, make_station, make_township

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=25, deadline=None, derandomize=True, database=None,
    suppress_health_check=list(HealthCheck),
)  # fmt: skip


@dataclass
class Stage:
    township: Node
    station: Node
    bundle: Path
    dispatch: Path
    enrollment: Path
    kit: Path
    work: Path


@pytest.fixture(scope="module")
def stage(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stage]:
    root = tmp_path_factory.mktemp("fuzz")
    township = make_township(_template_dirs[0], root / "township")
    station = make_station(_template_dirs[0], root / "station", township, 1)
    station.store.register.save_household(
        Household(number="001", phone="0731-84561111",
                  members=[Person(name="张三", id_number="11010519491231002X", tags=["低保户"])])
    )  # fmt: skip
    number = register(station.store, FRIDAY, item_type="上报件", content="桥梁损坏")
    bundle = station.export(root / "usb")[0]
    township.sync.import_bundle(bundle, township.keys)
    township.store.items.move(
        number, State.ASSIGNED, actor="乡镇", role=Role.TOWNSHIP,
        data={"unit": "城建办", "deadline": "2026-12-04"},
    )  # fmt: skip
    dispatch = township.export(root / "down", station_code=station.code)[0]
    enrollment = root / "again.qzenroll"
    station.sync.write_enrollment(enrollment, station.keys)
    kit = township.sync.write_station_kit(root / "kit.qzkit", township.keys)
    township.close()
    station.close()
    work = root / "work"
    work.mkdir()
    yield Stage(township, station, bundle, dispatch, enrollment, kit, work)


def _file(stage: Stage, name: str, data: bytes) -> Path:
    path = stage.work / name
    path.write_bytes(data)
    return path


@FUZZ
@given(seed=st.integers(0, 2**32))
def test_damaged_files_are_refused_with_a_sentence(stage: Stage, seed: int) -> None:
    rng = random.Random(seed)
    tally = Tally()
    for kind, good, home, keys in (
        ("bundle", stage.bundle, stage.township.home, stage.township.keys),
        ("bundle", stage.dispatch, stage.station.home, stage.station.keys),
        ("enrollment", stage.enrollment, stage.township.home, None),
        ("kit", stage.kit, stage.station.home, None),
    ):
        damaged = _file(stage, f"{kind}-{seed}", mutate_bytes(good.read_bytes(), rng))
        attempt(kind, damaged, home, keys, stage.work, tally)
    assert tally.tried == 4


@FUZZ
@given(seed=st.integers(0, 2**32))
def test_signed_bundles_with_wild_values_never_crash(stage: Stage, seed: int) -> None:
    from tests.helpers.forge import forge

    rng = random.Random(seed)
    tally = Tally()
    lines = [json.loads(line) for line in plain_lines_of(stage, stage.bundle, stage.township)]
    changes = lines[1:-1]
    index = rng.randrange(len(changes))
    changes[index] = mutate(changes[index], rng)
    out = stage.work / f"lines-{seed}.qzb"
    try:
        forged = forge(stage.station, stage.township, out, changes)
    except (TypeError, ValueError, KeyError, UnicodeError):  # the writer refuses some shapes
        forged = None
    if forged is not None:
        attempt("bundle", forged, stage.township.home, stage.township.keys, stage.work, tally)
    manifest = json.loads(entries(stage.bundle)[MANIFEST])
    bad = resign_bundle(
        stage.bundle, stage.work / f"m-{seed}.qzb", mutate(manifest, rng), stage.station
    )
    attempt("bundle", bad, stage.township.home, stage.township.keys, stage.work, tally)


@FUZZ
@given(seed=st.integers(0, 2**32))
def test_signed_documents_with_wild_values_never_crash(stage: Stage, seed: int) -> None:
    rng = random.Random(seed)
    tally = Tally()
    for kind, good, home in (
        ("enrollment", stage.enrollment, stage.township.home),
        ("kit", stage.kit, stage.station.home),
    ):
        document = json.loads(entries(good)[DOCUMENT])
        keys = NodeKeys.generate() if rng.random() < 0.3 else None
        signer = keys or (stage.station.keys if kind == "enrollment" else stage.township.keys)
        changed = mutate(document, rng)
        if keys is not None and isinstance(changed, dict):
            changed["keys"] = keys.public.to_json()
        path = resign_document(good, stage.work / f"{kind}-{seed}.zip", changed, signer)
        attempt(kind, path, home, None, stage.work, tally)


def plain_lines_of(stage: Stage, bundle: Path, recipient: Node) -> list[bytes]:
    """The decrypted lines of a good bundle (header, changes, trailer)."""
    from tests.helpers.bundles import Keys

    original = Keys.township
    Keys.township = recipient.keys
    try:
        return plain_lines(bundle)
    finally:
        Keys.township = original
