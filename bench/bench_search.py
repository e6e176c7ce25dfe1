"""Search benchmark at county scale: 400,000 residents, items, on SQLite or PostgreSQL.

    .venv/bin/python bench/bench_search.py [--residents 400000] [--items 50000]
        [--queries 40] [--cache DIR]                      # SQLite file (FTS5 trigram)
    .venv/bin/python bench/bench_search.py --pg [...]     # a throw-away PostgreSQL cluster
    .venv/bin/python bench/bench_search.py --url postgresql+psycopg://user@host/db [...]

Builds a county store: 400 stations' villages from the demo generator (realistic names with
their pinyin, ID numbers with a valid check digit, mobile phones; each station's households
under its own origin, as a county holds them) and intake items whose requesters are those
residents. The rows are SEEDED: written by SQLAlchemy Core ``executemany`` straight into
``household`` / ``person`` / ``intake_item`` in transactions marked as received from the
stations (``changes.REMOTE``, as the import writes them: no outbox lines), while the search indexes' triggers (SQLite) and GIN indexes
(PostgreSQL) are kept as in use. With ``--cache DIR`` the SQLite file is kept and reused; on
a server a database already holding ``--residents`` persons is reused.

Then times, end to end, what the windows call — ``SqlRegister.find_persons`` (the
requester picker: 30 hits and whether there are more), ``SqlRegister.find_households`` (the
register page: at most 200 households in 户号 order and whether there are more),
``search_households`` (every matching household, as other callers still ask) and the item list's text filter (``items.count`` +
``page_ids`` of the first 100 + ``rows``, as the work list opens) — for pinyin initials
(2–4 letters), name fragments (1–3 characters), ID suffixes (4–6 digits), phone suffixes
(4 digits) and queries finding nobody, with p50/p95 per kind and overall; beside them the
plain driver (sqlite3 / psycopg) asking the same index for the matching person ids
(SQLite: the FTS5 trigram ``LIKE``; PostgreSQL: the trigram ``LIKE`` on ``search_text``),
and the ratio. Target: p95 ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.pinyin_keys import name_keys, search_text
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.changes import REMOTE
from qunzhong_desktop.storage.search_index import persons_matching
from qunzhong_desktop.storage.setup import init_county
from qunzhong_desktop.storage.store import Store, open_store

COUNTY = "430121"
TODAY = dt.date(2026, 6, 1)
STATIONS = 400
CHUNK = 5000


# -- building ---------------------------------------------------------------------------------
def _villages(residents: int) -> Iterator[tuple[str, Any]]:
    """(station code, generated village) for 400 stations, about ``residents`` persons."""
    per_station = max(1, residents // STATIONS)
    households = max(1, round(per_station / 3.4))  # the generator's mean household size
    for index in range(STATIONS):
        township, village = divmod(index, 20)
        code = f"{COUNTY}{101 + township:03d}{201 + village:03d}"
        yield code, generate(code, f"第{index + 1}村", households=households, seed=index,
                             today=TODAY)  # fmt: skip


@contextlib.contextmanager
def _seeding(store: Store) -> Iterator[Session]:
    """A transaction whose writes are marked as received from stations (sync.remote), as a
    county's residents are: no outbox lines (the change capture and its guard let them by)."""
    with write_paths.scope("bench seed"), store.db.writing() as s:
        s.info[REMOTE] = True
        yield s


def build(store: Store, residents: int, items: int) -> None:
    """Seed the county's residents and items (see the module's note)."""
    if not store.is_set_up():
        init_county(store.db, COUNTY, "长沙县")
    started = time.perf_counter()
    now = dt.datetime(2026, 5, 1, 9)
    people: list[tuple[str, str, str]] = []  # (person id, household id, name) for the items
    households: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    written = 0

    def flush(final: bool = False) -> None:
        nonlocal written
        if len(persons) < CHUNK * 4 and not final:
            return
        with _seeding(store) as s:
            s.execute(insert(m.Household.__table__), households)
            s.execute(insert(m.Person.__table__), persons)
        written += len(persons)
        print(f"\r  {written} persons, {time.perf_counter() - started:.0f} s", end="", flush=True)
        households.clear()
        persons.clear()

    for code, data in _villages(residents):
        origin = f"station-{code}"
        for demo in data.households:
            h = demo.household
            hid = new_id()
            number = f"{code[-3:]}-{h.number}"
            households.append({"id": hid, "number": number, "origin": origin,
                               "address": h.address, "phone": h.phone, "tags": [], "note": "",
                               "created_at": now, "updated_at": now})  # fmt: skip
            for position, p in enumerate(h.members):
                pid = new_id()
                haystack = search_text(p.name, p.id_number, p.phone, number, h.phone,
                                       names=(p.name,))  # fmt: skip
                persons.append({
                    "id": pid, "household_id": hid, "position": position, "name": p.name,
                    "relation": p.relation, "id_number": p.id_number or None, "origin": origin,
                    "gender": p.gender, "birth_date": p.birth_date, "phone": p.phone,
                    "tags": [], "flags": [], "note": "", "search_text": haystack,
                    "created_at": now, "updated_at": now,
                })  # fmt: skip
                if len(people) < 200_000:
                    people.append((pid, hid, p.name))
        flush()
    flush(final=True)
    print(f"\nresidents seeded in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    _seed_items(store, people, items, now)
    print(f"{items} items seeded in {time.perf_counter() - started:.1f} s", flush=True)
    if store.db.dialect == "postgresql":
        with store.db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    else:
        with store.db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")


def _seed_items(store: Store, people: list[tuple[str, str, str]], count: int, now: Any) -> None:
    rng = random.Random(7)
    village = generate(f"{COUNTY}101201", "白沙村", households=300, seed=1, today=TODAY)
    stories = generate_items(village, count=400, seed=1, today=TODAY)
    rows: list[dict[str, Any]] = []
    for index in range(count):
        story = stories[index % len(stories)]
        pid, hid, name = people[rng.randrange(len(people))]
        station = f"{COUNTY}{101 + index % 20:03d}{201 + index % 20:03d}"
        sequence = index + 1
        rows.append({
            "id": new_id(), "number": f"{station}-2026-{sequence:06d}", "year": 2026,
            "sequence": sequence, "received_at": now - dt.timedelta(minutes=index),
            "channel": story.channel, "requester_person_id": pid,
            "requester_household_id": hid, "requester_name": name, "requester_phone": "",
            "domain": story.domain, "grade": story.grade, "item_type": story.item_type,
            "content": story.content, "handler": "", "promised_days": 0,
            "query_code": f"{index % 10**6:06d}", "state": "registered", "due_on": None,
            "created_at": now, "updated_at": now,
        })  # fmt: skip
        if len(rows) == CHUNK or index == count - 1:
            with _seeding(store) as s:
                s.execute(insert(m.IntakeItem.__table__), rows)
            rows.clear()


def _count(store: Store) -> tuple[int, int]:
    if not store.is_set_up():
        return 0, 0
    with store.db.session() as s:
        persons = int(s.scalar(select(func.count()).select_from(m.Person)) or 0)
        items = int(s.scalar(select(func.count()).select_from(m.IntakeItem)) or 0)
    return persons, items


# -- the queries ------------------------------------------------------------------------------
def queries(store: Store, count: int) -> dict[str, list[str]]:
    """Queries of every kind drawn from the residents in the store."""
    rng = random.Random(0)
    with store.db.session() as s:
        sample = s.execute(  # person ids are random: the first ones are a sample
            select(m.Person.name, m.Person.id_number, m.Person.phone)
            .where(m.Person.id_number.is_not(None), m.Person.phone != "")
            .order_by(m.Person.id)
            .limit(count * 20)
        ).all()
    picks = rng.sample(sample, min(count * 2, len(sample)))
    initials, names, ids, phones = [], [], [], []
    for index, (name, id_number, phone) in enumerate(picks[:count]):
        key = name_keys(name)[-1]  # the initials, e.g. zsf
        initials.append(key[: rng.randint(2, max(2, min(4, len(key))))])
        size = (1, 2, 3)[index % 3]
        names.append(name[-size:] if size < len(name) else name)
        ids.append(id_number[-rng.randint(4, 6) :])
        phones.append(phone[-4:])
    nothing = ["qxqz", "无此人", "8888888888", "zzzq", "鑫鑫鑫"] * (count // 5 + 1)
    return {
        "initials": initials,
        "name": names,
        "id suffix": ids,
        "phone suffix": phones,
        "no hit": nothing[:count],
    }


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return 1000 * (time.perf_counter() - started), result


def _p(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _plain(store: Store) -> Callable[[str], int]:
    """The plain driver (sqlite3 / psycopg) running the index's own SQL for the person ids.

    The statement :func:`search_index.persons_matching` builds (SQLite: the FTS5 trigram
    ``LIKE`` or the vocabulary's OR of trigrams, checked with ``LIKE``; PostgreSQL: the
    trigram ``LIKE`` on ``search_text``), compiled once per query and run with the driver's
    own cursor: what the index costs without the ORM, the joins and the order.
    """
    url = store.db.engine.url
    dialect: Any
    if store.db.dialect == "sqlite":
        import sqlite3

        from sqlalchemy.dialects import sqlite as sqlite_dialect

        conn: Any = sqlite3.connect(str(url.database))
        dialect = sqlite_dialect.dialect(paramstyle="named")
    else:
        import psycopg
        from sqlalchemy.dialects import postgresql

        conn = psycopg.connect(url.set(drivername="postgresql").render_as_string(False))
        dialect = postgresql.dialect(paramstyle="pyformat")

    def ids(query: str) -> int:
        stmt = persons_matching(store.db.dialect, query)
        assert stmt is not None
        compiled = stmt.compile(dialect=dialect)
        cursor = conn.cursor()
        cursor.execute(str(compiled), compiled.params)
        return len(cursor.fetchall())

    return ids


def measure(store: Store, kinds: dict[str, list[str]]) -> None:
    register, items = store.register, store.items

    def item_list(q: str) -> int:
        f = ItemFilter(text=q)
        found = items.count(f, today=TODAY)
        items.rows(items.page_ids(f, offset=0, limit=100, today=TODAY), today=TODAY)
        return found

    calls: dict[str, Callable[[str], int]] = {
        "find_persons": lambda q: len(register.find_persons(q).hits),
        "find_households": lambda q: len(register.find_households(q).ids),
        "search_households": lambda q: len(register.search_households(q)),
        "item list": item_list,
        "plain driver": _plain(store),
    }
    for call in calls.values():  # warm the caches
        for q in ("zs", "张", "1234"):
            call(q)
    every: dict[str, list[float]] = {name: [] for name in calls}
    print(f"\n{'call':18} {'kind':13} {'p50 ms':>8} {'p95 ms':>8} {'max':>8} {'hits p50':>9}")
    for name, call in calls.items():
        for kind, qs in kinds.items():
            times, hits = [], []
            for q in qs:
                took, found = _timed(lambda q=q, call=call: call(q))  # type: ignore[misc]
                times.append(took)
                hits.append(found)
            every[name] += times
            print(f"{name:18} {kind:13} {statistics.median(times):8.1f} {_p(times, 0.95):8.1f} "
                  f"{max(times):8.1f} {statistics.median(hits):9.0f}")  # fmt: skip
    print()
    base = every["plain driver"]
    for name, times in every.items():
        ratio = _p(times, 0.95) / max(_p(base, 0.95), 0.01)
        print(f"{name:18} {'overall':13} {statistics.median(times):8.1f} {_p(times, 0.95):8.1f} "
              f"{max(times):8.1f}   p95 / plain p95 = {ratio:.1f}")  # fmt: skip


# -- where the store lives --------------------------------------------------------------------
@contextlib.contextmanager
def _server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.helpers.postgres import throwaway_cluster

    with throwaway_cluster() as cluster:
        yield cluster.create_database(name="bench_search")


def _open(home: Path, args: argparse.Namespace) -> Store:
    wanted = (args.residents // STATIONS) * STATIONS
    if args.url or args.pg:
        from qunzhong_desktop.storage.server import point_at_server

        point_at_server(home, args.server)
    else:
        cached = (
            args.cache / f"search-{args.residents}-{args.items}.sqlite3" if args.cache else None
        )
        if cached is not None and cached.exists():
            shutil.copy(cached, database_path(home))
            print(f"using cached {cached}")
    store = open_store(home)
    persons, held = _count(store)
    if persons and persons >= wanted * 0.9 and held >= args.items:
        print(f"using the {persons} persons and {held} items already there")
        return store
    started = time.perf_counter()
    build(store, args.residents, args.items)
    print(f"build total {time.perf_counter() - started:.1f} s")
    if not (args.url or args.pg) and args.cache:
        store.close()
        args.cache.mkdir(parents=True, exist_ok=True)
        shutil.copy(
            database_path(home), args.cache / f"search-{args.residents}-{args.items}.sqlite3"
        )
        store = open_store(home)
    return store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=400_000)
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=40, help="queries of each kind")
    parser.add_argument("--cache", type=Path, help="keep and reuse the SQLite file here")
    parser.add_argument("--url", help="a PostgreSQL database (postgresql+psycopg://…)")
    parser.add_argument("--pg", action="store_true", help="start a throw-away cluster")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="qunzhong-bench-"))
    try:
        with contextlib.ExitStack() as stack:
            if args.url or args.pg:
                args.server = stack.enter_context(_server(args.url))
            home = temp / "home"
            home.mkdir()
            store = _open(home, args)
            try:
                persons, held = _count(store)
                print(f"{store.db.dialect}: {persons} persons, "
                      f"{store.register.count_households()} households, {held} items")  # fmt: skip
                measure(store, queries(store, args.queries))
            finally:
                store.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
