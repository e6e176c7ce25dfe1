"""The long run of the fuzz suite (tests/sync/fuzz.py): hostile bundles, enrollments, kits.

    .venv/bin/python bench/soak_fuzz.py [--files 3000] [--seed 1]

Makes ``--files`` hostile files from good ones — damaged bytes, wild values in signed change
lines, manifests and documents — and feeds each to a fresh copy of the receiving PC. Any
traceback stops the run; every refusal must leave the database unchanged. Prints how many
files were tried, taken and refused (by reason), and the time.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.bundles import Keys, entries, plain_lines  # noqa: E402
from tests.helpers.forge import forge  # noqa: E402
from tests.helpers.fuzz import (  # noqa: E402
    Tally,
    attempt,
    mutate,
    mutate_bytes,
    resign_bundle,
    resign_document,
)
from tests.helpers.intake_data import FRIDAY, register  # noqa: E402
from tests.helpers.network import make_station, make_township  # noqa: E402

from qunzhong_desktop.core.entities import Household, Person  # noqa: E402
from qunzhong_desktop.core.intake.states import Role, State  # noqa: E402
from qunzhong_desktop.home import database_path  # noqa: E402
from qunzhong_desktop.storage import migrate, write_paths  # noqa: E402
from qunzhong_desktop.sync.bundle_format import MANIFEST  # noqa: E402
from qunzhong_desktop.sync.keys import NodeKeys  # noqa: E402
from qunzhong_desktop.sync.signed_doc import DOCUMENT  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_paths.require(True)
    rng = random.Random(args.seed)
    root = Path(tempfile.mkdtemp(prefix="soak-fuzz-"))
    template = root / "template"
    template.mkdir()
    migrate.upgrade(database_path(template))
    township = make_township(template, root / "township")
    station = make_station(template, root / "station", township, 1)
    station.store.register.save_household(
        Household(number="001", members=[Person(name="张三", id_number="11010519491231002X")])
    )
    number = register(station.store, FRIDAY, item_type="上报件", content="桥梁损坏")
    bundle = station.export(root / "usb")[0]
    township.sync.import_bundle(bundle, township.keys)
    township.store.items.move(
        number, State.ASSIGNED, actor="乡镇", role=Role.TOWNSHIP,
        data={"unit": "城建办", "deadline": "2026-12-04"},
    )  # fmt: skip
    dispatch = township.export(root / "down", station_code=station.code)[0]
    enrollment = root / "e.qzenroll"
    station.sync.write_enrollment(enrollment, station.keys)
    kit = township.sync.write_station_kit(root / "kit.qzkit", township.keys)
    township.close()
    station.close()
    Keys.township = station.keys
    down = [json.loads(line) for line in plain_lines(dispatch)][1:-1]
    Keys.township = township.keys
    lines = [json.loads(line) for line in plain_lines(bundle)][1:-1]
    manifest = json.loads(entries(bundle)[MANIFEST])
    work = root / "work"
    work.mkdir()
    tally = Tally()
    crashes: dict[str, int] = {}
    started = time.perf_counter()
    for n in range(args.files):
        try:
            if rng.random() < 0.15:  # the township's dispatch, changed, at the station
                _dispatch(n, rng, work, tally, township, station, down)
            else:
                _one(
                    n, rng, work, tally, township, station, bundle, enrollment, kit, lines, manifest
                )
        except Exception as exc:  # a traceback: the defect to fix; note where and go on
            frames = traceback.extract_tb(exc.__traceback__)
            ours = [f for f in frames if "qunzhong_desktop" in f.filename] or frames
            site = f"{type(exc).__name__} at {Path(ours[-1].filename).name}:{ours[-1].lineno}"
            crashes[site] = crashes.get(site, 0) + 1
            if crashes[site] == 1:
                traceback.print_exc()
    elapsed = time.perf_counter() - started
    print(
        f"{tally.tried} hostile files in {elapsed:.1f} s: {tally.taken} taken (harmless), "
        f"{sum(tally.refused.values())} refused with a sentence, "
        f"{sum(crashes.values())} tracebacks; every refusal left the database unchanged"
    )
    print("refusals: " + ", ".join(f"{k} {v}" for k, v in tally.refused.most_common()))
    for site, count in crashes.items():
        print(f"TRACEBACK {count}× {site}")
    shutil.rmtree(root, ignore_errors=True)
    if crashes:
        sys.exit(1)


def _dispatch(n, rng, work, tally, township, station, down):  # type: ignore[no-untyped-def]  # noqa: PLR0917
    """A dispatch with one line changed, signed with the township's own key."""
    changed = list(down)
    index = rng.randrange(len(changed))
    changed[index] = mutate(changed[index], rng)
    try:
        path = forge(township, station, work / f"d{n}", changed)
    except (TypeError, ValueError, KeyError, UnicodeError):
        return
    attempt("bundle", path, station.home, station.keys, work, tally)
    path.unlink(missing_ok=True)


def _one(n, rng, work, tally, township, station, bundle, enrollment, kit, lines, manifest):  # type: ignore[no-untyped-def]  # noqa: PLR0917
    """Make one hostile file and feed it to a fresh copy of the receiving PC."""
    roll = rng.random()
    out = work / f"f{n}"
    if roll < 0.3:
        kind, good, home = rng.choice(
            [("bundle", bundle, township.home), ("enrollment", enrollment, township.home),
             ("kit", kit, station.home)]
        )  # fmt: skip
        out.write_bytes(mutate_bytes(good.read_bytes(), rng))
        attempt(kind, out, home, township.keys, work, tally)
    elif roll < 0.6:
        changed = list(lines)
        index = rng.randrange(len(changed))
        changed[index] = mutate(changed[index], rng)
        try:
            path = forge(station, township, out, changed)
        except (TypeError, ValueError, KeyError, UnicodeError):
            return
        attempt("bundle", path, township.home, township.keys, work, tally)
    elif roll < 0.75:
        path = resign_bundle(bundle, out, mutate(manifest, rng), station)
        attempt("bundle", path, township.home, township.keys, work, tally)
    else:
        kind, good, home = rng.choice(
            [("enrollment", enrollment, township.home), ("kit", kit, station.home)]
        )
        document = json.loads(entries(good)[DOCUMENT])
        signer = station.keys if kind == "enrollment" else township.keys
        if rng.random() < 0.3:
            signer = NodeKeys.generate()
            document["keys"] = signer.public.to_json()
        path = resign_document(good, out, mutate(document, rng), signer)
        attempt(kind, path, home, None, work, tally)
    out.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
