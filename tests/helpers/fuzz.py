"""Fuzzing what arrives on a USB stick: bundles, enrollments and kits (issue 10).

Three ways to make a hostile file from a good one:

- **bytes**: flip, cut, insert and repeat bytes of a valid file (what a damaged stick does);
- **lines**: replace a value anywhere in the decoded change lines with something wild
  (huge numbers, control characters, long text, wrong types, missing or extra keys) and
  sign the bundle with the sender's real key (what a faulty or hostile station does);
- **manifest / document**: the same inside a bundle's manifest or a kit's or enrollment's
  signed document.

:func:`attempt` feeds one file to the real importer (or enrollment, or kit import) of a
fresh copy of a township or station and checks the promise: never a traceback — either the
file is taken, or it is refused with a sentence and the database is byte for byte as it was.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.sync.bundle_format import MANIFEST, PAYLOAD, SIGNATURE, pae
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.signed_doc import DOC_SIGNATURE, DOC_TYPE, DOCUMENT
from tests.helpers.bundles import assemble, entries, signed
from tests.helpers.dbhash import db_hash
from tests.helpers.network import Node


def wild(rng: random.Random) -> Any:
    """A value a careful sender would never write."""
    choices: list[Any] = [
        None, True, False, 0, -1, 2**63, -(2**63) - 1, 10**17, 1.5, "", "\x00", "\x1b[2J",
        "\u202e", "=HYPERLINK(\"http://x\")", "9" * 40, "长" * 40_000, [], {}, [1, [2, [3]]],
        {"a": {"b": None}}, "2026-13-45", "2286-01-01T00:00:00", "\ud800", "NaN",
        "0193a0c0-0000-7000-8000-000000000001", rng.random(), rng.randint(-(10**12), 10**12),
    ]  # fmt: skip
    return rng.choice(choices)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def mutate(value: Any, rng: random.Random) -> Any:
    """A copy of a JSON value with one place replaced, removed or added."""
    result = copy.deepcopy(value)
    path = rng.choice(_paths(result)[1:] or [()])
    if not path:
        return wild(rng)
    parent = result
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    roll = rng.random()
    if roll < 0.7:
        parent[last] = wild(rng)
    elif roll < 0.85 and isinstance(parent, dict):
        del parent[last]
    elif isinstance(parent, dict):
        parent[f"extra{rng.randint(0, 9)}"] = wild(rng)
    else:
        parent.append(wild(rng))
    return result


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """A damaged copy: bytes flipped, cut, inserted or repeated."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        at = rng.randrange(max(len(out), 1))
        if roll < 0.4 and out:
            out[at] ^= 1 << rng.randrange(8)
        elif roll < 0.6:
            del out[at:]
        elif roll < 0.8:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        else:
            out[at:at] = out[at : at + rng.randint(1, 512)]
    return bytes(out)


def resign_bundle(good: Path, out: Path, manifest: Any, sender: Node) -> Path:
    """A bundle with this manifest (any JSON), signed by the sender's own key."""
    parts = entries(good)
    # ASCII escapes: a lone surrogate reaches the reader as the escape a hostile file holds
    body = json.dumps(manifest, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return assemble(
        out, [(MANIFEST, body), (SIGNATURE, signed(body, sender.keys)), (PAYLOAD, parts[PAYLOAD])]
    )


def resign_document(good: Path, out: Path, document: Any, keys: Any) -> Path:
    """A kit or enrollment with this document (any JSON), signed by ``keys``."""
    body = json.dumps(document, ensure_ascii=True).encode("ascii")
    return assemble(out, [(DOCUMENT, body), (DOC_SIGNATURE, keys.sign(pae(DOC_TYPE, body)))])


@dataclass
class Tally:
    """What the fuzzing did."""

    tried: int = 0
    taken: int = 0
    refused: Counter[str] = field(default_factory=Counter)


def attempt(kind: str, path: Path, home: Path, keys: Any, work: Path, tally: Tally) -> None:
    """Feed ``path`` to a fresh copy of ``home`` (a township for bundles and enrollments, a
    station for kits); any exception but a refusal with a sentence fails, and a refusal
    must leave the database as it was."""
    tally.tried += 1
    copy_home = work / f"home-{tally.tried}"
    shutil.copytree(home, copy_home)
    before = db_hash(database_path(copy_home))
    db = Database(database_path(copy_home), user="fuzz")
    sync = SyncService(db, copy_home)
    try:
        if kind == "bundle":
            sync.import_bundle(path, keys)
        elif kind == "enrollment":
            info = sync.read_enrollment(path)
            sync.enroll(path, info.fingerprint)
        else:
            info_kit = sync.read_station_kit(path)
            sync.accept_station_kit(path, info_kit.fingerprint)
        tally.taken += 1
    except DomainError as exc:
        assert exc.message and not exc.message.startswith("Traceback"), exc
        tally.refused[exc.code or type(exc).__name__] += 1
        db.close()
        assert db_hash(database_path(copy_home)) == before, (kind, exc.code)
    finally:
        db.close()
        shutil.rmtree(copy_home, ignore_errors=True)
