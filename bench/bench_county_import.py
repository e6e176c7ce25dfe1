"""County import benchmark: townships' county bundles into the county's PostgreSQL store.

    .venv/bin/python bench/bench_county_import.py --pg [--stations 400] [--per-station 10000]
        [--bundles 20]   (or --url postgresql+psycopg://… of an empty database)

The issue's figure: 400 stations × a year (~10,000 changes each) through 20 township bundles
(20 stations each) into PostgreSQL; target ≥ 10,000 changes/s and ≤ 3× a plain ``COPY`` of
the same rows in the same run. A small run: ``--stations 20 --per-station 2000 --bundles 2``.

How the data is made (docs/county-import.md):

1. **One real station-year through the real code.** A seed county, township and station on
   SQLite; the station gets the demo village and its items (households, residents, items
   with their histories, diary entries; sized to ``--per-station`` changes); its bundle is
   exported and imported at the township, which relays it into its outbox; the township's
   own county-bundle writer (``county_relay.county_lines``) gives the lines exactly as a
   county bundle carries them.
2. **Replicated for every station** with fresh identities: every UUID of the station's lines
   (row ids, change ids, references, the node id, the node inside each HLC stamp) gets a
   station-specific prefix, the station code inside item numbers becomes the new station's
   code, and each ID number gets the station's own area code (and its check digit), so no
   two stations share a resident. Fields, clocks and the order of the lines are the seed's.
3. **20 real townships**, each enrolled with the county by kit and fingerprint
   (``join_county``), each writing one real county bundle (``bundle_write.write_bundle``:
   signed, encrypted to the county) whose line 0 is its signed list of its 20 stations and
   whose lines are its stations' changes one station after another (as a township's outbox
   holds them: it imports a station's bundle whole), sequences 1…N.

The county imports every bundle with ``SyncService.import_bundle`` (every check on, one
transaction per bundle). The baseline writes the same rows (the inserts' rows, and the
updates applied as plain UPDATEs) into the same tables of a second county database with
psycopg ``COPY``, one transaction per bundle, decrypted and decoded outside the clock.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from tests.helpers.network import (  # noqa: E402
    COUNTY_CODE,
    Node,
    join_county,
    make_county,
    make_station,
    make_township,
)
from tests.helpers.stations import copy_store  # noqa: E402

from qunzhong_desktop.core.citizen_id import check_digit  # noqa: E402
from qunzhong_desktop.core.errors import DomainError  # noqa: E402
from qunzhong_desktop.core.hlc import Hlc  # noqa: E402
from qunzhong_desktop.core.ids import new_id  # noqa: E402
from qunzhong_desktop.core.intake.states import State, allowed_targets  # noqa: E402
from qunzhong_desktop.demo.items import generate_items  # noqa: E402
from qunzhong_desktop.demo.load import load_demo, load_items  # noqa: E402
from qunzhong_desktop.demo.village import generate, village_of  # noqa: E402
from qunzhong_desktop.home import database_path  # noqa: E402
from qunzhong_desktop.storage import migrate  # noqa: E402
from qunzhong_desktop.storage import models as m  # noqa: E402
from qunzhong_desktop.storage.database import Database  # noqa: E402
from qunzhong_desktop.storage.migrate import HEAD_REVISION  # noqa: E402
from qunzhong_desktop.storage.models_sync import (  # noqa: E402
    SyncPeer,
    SyncReceived,
    SyncRowVersion,
)
from qunzhong_desktop.storage.register_rows import person_search_text  # noqa: E402
from qunzhong_desktop.storage.server import SERVER_FILE  # noqa: E402
from qunzhong_desktop.storage.setup import init_township  # noqa: E402
from qunzhong_desktop.storage.store import Store  # noqa: E402
from qunzhong_desktop.sync import county_relay, schema  # noqa: E402
from qunzhong_desktop.sync.apply_county import STATIONS_TABLE  # noqa: E402
from qunzhong_desktop.sync.bundle_format import canonical_json  # noqa: E402
from qunzhong_desktop.sync.bundle_read import read_bundle  # noqa: E402
from qunzhong_desktop.sync.bundle_write import BundleSpec, write_bundle  # noqa: E402
from qunzhong_desktop.sync.importer import import_order  # noqa: E402
from qunzhong_desktop.sync.keys import NodeKeys  # noqa: E402
from qunzhong_desktop.sync.peers import trusted_keys  # noqa: E402

_TOKEN = re.compile(
    rb"([0-9a-f]{8})(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"  # a UUID
    rb"|(?<!\d)(\d{6})(\d{11})[\dX](?!\d)"  # an ID number (in its field, in search_text)
    rb"|(?<!\d)(\d{12}|\d{9})(?!\d)"  # a station or township code (and in item numbers)
)


# 1. one real station-year ------------------------------------------------------------------
def seed_lines(
    work: Path, template: Path, per_station: int, *, later: bool = False
) -> tuple[list[bytes], str, str, list[bytes]]:
    """One station-year as a township's county bundle carries it.

    Returns:
        the lines (JSON, the station's only), the station's node id and code; with
        ``later``, the lines of the station's next bundle (:func:`a_week_later`), else none.
    """
    county = make_county(template, work / "seed-county")
    township = make_township(template, work / "seed-township")
    join_county(county, township)
    station = make_station(template, work / "seed-station", township, 1)
    data = generate(
        station.code, village_of(station.name), households=max(20, per_station * 13 // 100),
        seed=1,
    )  # fmt: skip
    load_demo(station.store.db, data)
    items = generate_items(
        data, count=max(10, per_station * 94 // 1000), seed=1, today=dt.date(2026, 11, 20),
        calendar=station.store.calendar.calendar(), operator="站务员",
    )  # fmt: skip
    load_items(station.store.db, items, data)
    own = relayed(station, township, work / "seed-usb")
    after: list[bytes] = []
    if later:
        a_week_later(station)
        had = {json.loads(line)["change_id"] for line in own}
        after = [
            line
            for line in relayed(station, township, work / "seed-usb-later")
            if json.loads(line)["change_id"] not in had
        ]
    for node in (county, township, station):
        node.close()
    return own, station.node_id, station.code, after


def relayed(station: Node, township: Node, usb: Path) -> list[bytes]:
    """The station's next bundle imported at the township; the station's lines of the
    township's county bundle then (all it has not sent the county: every bundle so far)."""
    (bundle,) = station.export(usb)
    report = township.sync.import_bundle(bundle, township.keys)
    assert report.status == "applied" and not report.flagged, report.message
    with township.store.db.session() as s:
        local = s.scalars(select(m.LocalNode)).one()
        peer = county_relay.county_of(s)
        assert peer is not None
        lines = list(county_relay.county_lines(s, local, peer, defaultdict(int)))  # type: ignore[arg-type]
    own = [line for line in lines[1:] if isinstance(line, bytes)]
    return [line for line in own if json.loads(line)["node_id"] == station.node_id]


def a_week_later(station: Node) -> None:
    """The station's work after its first bundle, on rows the county already has.

    Every item that can move on does (the first step the rules allow it without further
    data: an event and the item's new state), and every third household and fifth resident
    get a new phone number (updates).
    """
    with station.store.db.session() as s:
        items = s.execute(select(m.IntakeItem.number, m.IntakeItem.state)).all()
    moved = 0
    for number, state in items:
        for target in allowed_targets(State(state)):
            try:
                station.store.items.move(number, target, actor="站务员", note="跟进办理")
            except DomainError:
                continue
            moved += 1
            break
    with station.store.db.writing() as s:
        for index, home in enumerate(s.scalars(select(m.Household).order_by(m.Household.id))):
            if index % 3 == 0:
                home.phone = f"139{index:08d}"
        homes = {home.id: home for home in s.scalars(select(m.Household))}
        for index, person in enumerate(s.scalars(select(m.Person).order_by(m.Person.id))):
            if index % 5 == 0:  # as the register saves it: the search text follows
                person.phone = f"137{index:08d}"
                person.search_text = person_search_text(person, homes[person.household_id])
        s.commit()
    print(f"a week later: {moved} of {len(items)} items moved on")


class Replicator:
    """Makes station number ``k``'s lines from the seed's (see the module docstring)."""

    def __init__(self, lines: list[bytes], node_id: str, seed_code: str) -> None:
        self.node_id = node_id
        self.seed_code = seed_code.encode()
        # each line split once: literal bytes and tokens (UUID, ID number, station code)
        self.templates: list[list[Any]] = []
        for line in lines:
            parts: list[Any] = []
            at = 0
            for match in _TOKEN.finditer(line):
                parts.append(line[at : match.start()])
                if match.group(1):
                    parts.append(("u", match.group(2)))
                elif match.group(3):
                    parts.append(("i", match.group(4)))
                elif match.group(5) == self.seed_code:
                    parts.append(("c", b""))
                elif match.group(5) == self.seed_code[:9]:
                    parts.append(("t", b""))
                else:
                    parts.append(match.group(0))
                at = match.end()
            parts.append(line[at:])
            self.templates.append(parts)

    def lines(self, k: int, code: str) -> Iterator[bytes]:
        """Station ``k``'s lines (``k`` ≥ 1: its UUID prefix and ID-number area)."""
        prefix = f"{k:08x}".encode()
        area = f"43{k // 100 + 1:02d}{k % 100:02d}"
        code_b = code.encode()
        checks: dict[bytes, bytes] = {}
        for parts in self.templates:
            out: list[bytes] = []
            for part in parts:
                if type(part) is bytes:
                    out.append(part)
                    continue
                kind, rest = part
                if kind == "u":
                    out.append(prefix + rest)
                elif kind == "i":
                    number = checks.get(rest)
                    if number is None:
                        first17 = area + rest.decode()
                        number = checks[rest] = f"{first17}{check_digit(first17)}".encode()
                    out.append(number)
                elif kind == "c":
                    out.append(code_b)
                else:
                    out.append(code_b[:9])
            yield b"".join(out)


# 2. the county, its townships and their bundles --------------------------------------------
def server_store(url: str, home: Path) -> Store:
    """A store in ``home`` on the (empty) database at ``url``, migrated to head."""
    migrate.upgrade_server(url)
    home.mkdir(parents=True, exist_ok=True)
    (home / SERVER_FILE).write_text(url + "\n", encoding="utf-8")
    return Store(home=home, db=Database(database_path(home), user="基准测试", url=url))


def make_townships(template: Path, work: Path, county: Node, count: int) -> list[Node]:
    """``count`` townships of the county, each enrolled by kit and fingerprint."""
    townships = []
    for index in range(count):
        code = f"{COUNTY_CODE}{101 + index:03d}"
        store = copy_store(template, work / f"t{index}")
        init_township(store.db, code, f"第{index + 1}镇群众工作办")
        node = Node(
            work / f"t{index}", store, NodeKeys.generate(), code, f"第{index + 1}镇群众工作办"
        )
        join_county(county, node)
        townships.append(node)
    return townships


def write_county_bundle(
    out: Path,
    township: Node,
    county: Node,
    stations: list[tuple[int, str]],
    seed: Replicator,
    *,
    first: int = 1,
) -> tuple[Path, int]:
    """The township's county bundle carrying ``stations`` ((k, code) each); its line count.

    ``first``: the sequence of its first change (the township's next bundle goes on from
    the last one's).
    """
    with township.store.db.session() as s:
        local = s.scalars(select(m.LocalNode)).one()
        clock = Hlc(local.hlc_millis, local.hlc_counter, local.node_id).encode()
        own_id, epoch = local.node_id, local.epoch
    with county.store.db.session() as s:
        county_id = s.scalars(select(m.LocalNode.node_id)).one()
    entries = []
    for k, code in stations:
        # each station's key, as the township enrolled it (the same in every bundle)
        keys = _STATION_KEYS.get(k) or _STATION_KEYS.setdefault(k, NodeKeys.generate())
        entries.append({
            "node_id": f"{k:08x}" + seed.node_id[8:], "code": code, "name": f"第{k}村群众工作站",
            "epoch": 1, "fingerprints": [[1, keys.fingerprint]],
        })  # fmt: skip
    head = {
        "seq": 0, "change_id": new_id(), "node_id": own_id, "table_name": STATIONS_TABLE,
        "row_id": "", "op": "update", "fields": {"stations": entries}, "hlc": clock, "user": "",
    }  # fmt: skip
    count = 0

    def lines() -> Iterator[bytes]:
        nonlocal count
        yield canonical_json(head)
        for k, code in stations:
            for line in seed.lines(k, code):
                at = line.rindex(b',"seq":') + 7
                yield line[:at] + str(first + count).encode() + line[line.index(b",", at) :]
                count += 1

    total = len(stations) * len(seed.templates)
    last = first + total - 1
    spec = BundleSpec(
        kind="changes", sender_node_id=own_id, sender_epoch=epoch, recipient_node_id=county_id,
        recipient_keys=county.keys.public, seq_from=first, seq_to=last,
        schema_revision=HEAD_REVISION,
    )  # fmt: skip
    name = f"{township.code}-{first:08d}-{last:08d}-bench-{COUNTY_CODE}.qzb"
    written = write_bundle(out / name, spec, township.keys, lines())
    assert count == total
    return written.path, total


_STATION_KEYS: dict[int, NodeKeys] = {}


# 3. the baseline: the same rows with COPY ------------------------------------------------
def decoded_rows(
    path: Path, node_id: str, keys: NodeKeys, trusted: dict[str, bytes]
) -> dict[str, Any]:
    """One bundle's inserts' rows per table, and its updates, as the baseline writes them."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    inserts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    updates: list[tuple[str, str, dict[str, Any]]] = []
    with read_bundle(path, node_id=node_id, keys=keys, trusted_keys=trusted) as b:
        for c in b.changes():
            if c["seq"] == 0:
                continue
            if c["op"] == "insert":
                row = dict(c["fields"], id=c["row_id"], created_at=now, updated_at=now)
                if c["table_name"] in schema.WITH_ORIGIN:
                    row["origin"] = c["node_id"]
                inserts[c["table_name"]].append(row)
            else:
                updates.append((c["table_name"], c["row_id"], c["fields"]))
    return {"inserts": inserts, "updates": updates}


def plain_copy(url: str, bundles: list[Path], county: dict[str, Any]) -> tuple[float, float, float]:
    """COPY every bundle's rows into the same tables of ``url``: seconds on the clock, and
    the CPU seconds this process and the server used meanwhile (-1: not measured).

    Each bundle is decrypted and decoded outside the clock, one at a time (4 million
    changes decoded at once would not fit in memory), then written in one transaction.
    """
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    order = [t.name for t in m.Base.metadata.sorted_tables]
    conn = psycopg.connect(
        dbname=u.database, user=u.username, host=u.query.get("host"), port=u.query.get("port"),
        password=u.password,
    )  # fmt: skip
    elapsed = ours = theirs = 0.0
    server = server_cpu(url)
    for path in bundles:
        batch = decoded_rows(path, **county)
        gc.collect()
        cpu0, server0 = own_cpu(), server() if server else 0.0
        started = time.perf_counter()
        with conn.transaction():
            conn.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in sorted(batch["inserts"], key=order.index):
                rows = batch["inserts"][table]
                cols = sorted({k for r in rows for k in r})
                names = ", ".join(f'"{c}"' for c in cols)
                with conn.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row([_plain(row.get(c)) for c in cols])
            with conn.cursor() as cur:
                for table, row_id, fields in batch["updates"]:
                    sets = ", ".join(f'"{k}" = %s' for k in fields)
                    cur.execute(
                        f'UPDATE "{table}" SET {sets} WHERE id = %s',
                        [*(_plain(v) for v in fields.values()), row_id],
                    )
        elapsed += time.perf_counter() - started
        ours += own_cpu() - cpu0
        theirs += server() - server0 if server else 0.0
        del batch
    conn.close()
    return elapsed, ours, theirs if server else -1.0


def _plain(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


# CPU seconds: the wall clock on a shared 2-core machine moves with the others' load; the
# CPU each side used moves far less, so both are printed -----------------------------------
def own_cpu() -> float:
    """CPU seconds of this process so far (every thread: the importer and its reader)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def server_cpu(url: str) -> Any:
    """A function giving the CPU seconds used so far by the server's processes (the
    postmaster's children: backends, writers, checkpointer), or None when the server does
    not run on this machine (its processes are not in /proc)."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    try:
        with psycopg.connect(
            dbname=u.database, user=u.username, host=u.query.get("host"),
            port=u.query.get("port"), password=u.password,
        ) as conn:  # fmt: skip
            pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]  # type: ignore[index]
            postmaster = _stat(pid)[1]  # while the backend lives: it ends with the connection
    except (OSError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK")

    def seconds() -> float:
        total = 0
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                with contextlib.suppress(OSError, IndexError):
                    stat = _stat(int(entry))
                    if stat[1] == postmaster or int(entry) == postmaster:
                        total += stat[11] + stat[12]  # utime, stime (clock ticks)
        return total / tick

    return seconds


def _stat(pid: int) -> list[int]:
    """/proc/PID/stat's numbers after the command: [state, ppid, …] (state as 0)."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return [0, *(int(x) for x in fields[1:])]


# the run -----------------------------------------------------------------------------------
@contextlib.contextmanager
def databases(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """Two empty databases: the county's and the baseline's (on a throw-away cluster)."""
    if args.url:
        yield args.url, args.baseline_url or args.url
        return
    from tests.helpers.postgres import throwaway_cluster

    with throwaway_cluster() as cluster:
        yield cluster.create_database(name="county"), cluster.create_database(name="plain")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=400)
    parser.add_argument("--per-station", type=int, default=10_000)
    parser.add_argument("--bundles", type=int, default=20, help="townships, one bundle each")
    parser.add_argument("--pg", action="store_true", help="start a throw-away cluster")
    parser.add_argument("--url", help="an empty database for the county")
    parser.add_argument("--baseline-url", help="an empty database for the COPY baseline")
    parser.add_argument("--profile", type=Path, help="cProfile the import into this file")
    parser.add_argument(
        "--each", action="store_true",
        help="import bundle by bundle (import_bundle), as the rounds before 2026-12-03 did",
    )  # fmt: skip
    parser.add_argument(
        "--later", action="store_true",
        help="then import every township's next bundle: a week of work on the rows the county has",
    )  # fmt: skip
    args = parser.parse_args()
    if not (args.pg or args.url):
        parser.error("--pg or --url")
    per_township = -(-args.stations // args.bundles)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{os.cpu_count()} cores")  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="bench-county-"))
    try:
        with databases(args) as (url, plain_url):
            run(args, work, url, plain_url, per_township)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path, url: str, plain_url: str, per: int) -> None:
    template = work / "template"
    template.mkdir()
    migrate.upgrade(database_path(template))
    started = time.perf_counter()
    lines, seed_node, seed_code, later = seed_lines(
        work, template, args.per_station, later=args.later
    )
    seed = Replicator(lines, seed_node, seed_code)
    tables: dict[str, int] = defaultdict(int)
    for line in lines:
        change = json.loads(line)
        tables[f"{change['table_name']}.{change['op']}"] += 1
    print(f"seed station-year: {len(lines)} changes in {time.perf_counter() - started:.1f} s — "
          + ", ".join(f"{k} {v}" for k, v in sorted(tables.items())))  # fmt: skip

    county = make_county(template, work / "county", store=server_store(url, work / "county"))
    townships = make_townships(template, work, county, args.bundles)
    started = time.perf_counter()
    bundles, totals = [], []
    carried: list[tuple[Node, list[tuple[int, str]]]] = []
    k = 0
    usb = work / "usb"
    usb.mkdir()
    for township in townships:
        stations = []
        for j in range(per):
            if k >= args.stations:
                break
            k += 1
            stations.append((k, f"{township.code}{201 + j:03d}"))
        if not stations:
            break
        path, total = write_county_bundle(usb, township, county, stations, seed)
        bundles.append(path)
        totals.append(total)
        carried.append((township, stations))
    size = statistics.median(p.stat().st_size for p in bundles) / 1e6
    print(f"wrote {len(bundles)} county bundles ({k} stations, {sum(totals)} changes, median "
          f"{size:.1f} MB) in {time.perf_counter() - started:.1f} s")  # fmt: skip

    gc.collect()
    print(f"load average before the import: {os.getloadavg()[0]:.2f}")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    times, applied, flagged = [], 0, 0
    server = server_cpu(url)
    cpu0, server0 = own_cpu(), server() if server else 0.0
    t0 = time.perf_counter()
    for path, report, took in _import(county, bundles, one_by_one=args.each):
        times.append(took)
        assert report.status == "applied", report.message
        applied += report.applied
        flagged += report.flagged
        print(f"  {path.name[:9]}: {report.applied} applied, {report.flagged} flagged, "
              f"{took:.1f} s, {report.applied / took:.0f} changes/s", flush=True)  # fmt: skip
    imported = time.perf_counter() - t0
    cpu = own_cpu() - cpu0, server() - server0 if server else -1.0
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    assert applied + flagged == sum(totals), (applied, flagged, sum(totals))
    rate = [t / s for t, s in zip(totals, times, strict=True)]
    print(f"county import: {len(bundles)} bundles, {applied} changes applied, {flagged} flagged"
          f" in {imported:.1f} s: {applied / imported:.0f} changes/s (per bundle: median "
          f"{statistics.median(rate):.0f}, min {min(rate):.0f}, max {max(rate):.0f}); "
          f"target ≥ 10000")  # fmt: skip
    print(f"CPU during the import: this process {cpu[0]:.1f} s, the server {_cpu(cpu[1])}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the importing process: {peak:.0f} MB")
    check_rows(county, k, seed)
    if later:
        import_later(
            county, carried, totals, Replicator(later, seed_node, seed_code), work=work, url=url
        )

    with county.store.db.session() as s:
        keys = {
            "node_id": s.scalars(select(m.LocalNode.node_id)).one(),
            "keys": county.keys,
            "trusted": trusted_keys(s),
        }
    county.close()
    for township in townships:
        township.close()
    plain_home = work / "plain"
    plain_store = server_store(plain_url, plain_home)
    make_county(template, plain_home, store=plain_store).close()
    gc.collect()
    plain, ours, theirs = plain_copy(plain_url, bundles, keys)
    print(f"plain psycopg COPY of the same rows (and UPDATE of the updates): {plain:.1f} s, "
          f"{sum(totals) / plain:.0f} changes/s; import / plain = {imported / plain:.2f}× "
          f"(target ≤ 3)")  # fmt: skip
    print(f"CPU during the plain COPY: this process {ours:.1f} s, the server {_cpu(theirs)}; "
          f"import / plain in CPU (both sides) = {_ratio(cpu, (ours, theirs))}")  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def import_later(
    county: Node,
    carried: list[tuple[Node, list[tuple[int, str]]]],
    totals: list[int],
    seed: Replicator,
    *,
    work: Path,
    url: str,
) -> None:
    """Every township's next bundle: its stations' week after the year (:func:`a_week_later`).

    Its changes are on rows the county has (events of items it holds, updates of items,
    households and residents): the steady state of a county, where the year's first import
    is all inserts.
    """
    usb = work / "usb-later"
    usb.mkdir()
    bundles = []
    for (township, stations), first in zip(carried, totals, strict=True):
        path, _ = write_county_bundle(usb, township, county, stations, seed, first=first + 1)
        bundles.append(path)
    count = len(seed.templates) * sum(len(s) for _, s in carried)
    server = server_cpu(url)
    cpu0, server0 = own_cpu(), server() if server else 0.0
    t0 = time.perf_counter()
    applied = flagged = 0
    for _path, report, _took in _import(county, bundles, one_by_one=False):
        assert report.status == "applied", report.message
        applied, flagged = applied + report.applied, flagged + report.flagged
    took = time.perf_counter() - t0
    cpu = own_cpu() - cpu0, server() - server0 if server else -1.0
    assert applied + flagged == count, (applied, flagged, count)
    print(f"the week after: {len(bundles)} bundles, {count} changes ({applied} applied, "
          f"{flagged} flagged) in {took:.1f} s: {count / took:.0f} changes/s; CPU: this "
          f"process {cpu[0]:.1f} s, the server {_cpu(cpu[1])}")  # fmt: skip


def _import(county: Node, bundles: list[Path], *, one_by_one: bool) -> Iterator[Any]:
    """(path, report, seconds) of each bundle: the folder at once, as 导入文件夹 does (the
    next file verified while one is applied), or ``one_by_one`` with ``import_bundle``."""
    if one_by_one:
        for path in bundles:
            b0 = time.perf_counter()
            report = county.sync.import_bundle(path, county.keys)
            yield path, report, time.perf_counter() - b0
        return
    ends: dict[int, float] = {}

    def progress(share: int, _total: int, *_: Any) -> None:
        if share and share % 1000 == 0:
            ends[share // 1000 - 1] = time.perf_counter()  # the last call for a file: its end

    assert sorted(bundles, key=import_order) == bundles  # the order the folder is taken in
    b0 = time.perf_counter()
    reports = county.sync.import_bundles(bundles, county.keys, progress=progress)
    starts = [b0, *(ends[i] for i in range(len(bundles) - 1))]
    for index, (path, report) in enumerate(zip(bundles, reports, strict=True)):
        yield path, report, ends[index] - starts[index]


def _cpu(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds >= 0 else "not measured (not on this machine)"


def _ratio(imported: tuple[float, float], plain: tuple[float, float]) -> str:
    if imported[1] < 0 or plain[1] < 0:
        return "not measured"
    return f"{sum(imported) / sum(plain):.2f}×"


def check_rows(county: Node, stations: int, seed: Replicator) -> None:
    """Every station's rows arrived under their station (households, persons, items)."""
    with county.store.db.session() as s:
        peers = s.scalar(
            select(func.count()).select_from(SyncPeer).where(SyncPeer.role == "station")
        )
        counts = {
            label: s.scalar(select(func.count()).select_from(model))
            for label, model in (
                ("households", m.Household), ("residents", m.Person), ("items", m.IntakeItem),
                ("item events", m.ItemEvent), ("row versions", SyncRowVersion),
                ("received changes", SyncReceived),
            )
        }  # fmt: skip
    print(f"at the county: {peers} stations, "
          + ", ".join(f"{v} {k}" for k, v in counts.items()))  # fmt: skip
    assert peers == stations


if __name__ == "__main__":
    main()
