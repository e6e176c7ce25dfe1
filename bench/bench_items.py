"""Work-list benchmark: 450 000 intake items (a county); first rows, lazy blocks, saving.

    .venv/bin/python bench/bench_items.py [--items 450000] [--runs 15] [--cache DIR]
        [--url postgresql+psycopg://user@host/db] [--sorts]

Builds a station with the demo generator (3 000 households; items with their histories over
about three years, every state, some overdue) loaded through ORM bulk inserts with the change
capture, then measures, against the targets of issue 19:

* first rows shown (≤ 300 ms, RSS ≤ 300 MB): ``count(filter)`` + ``page_ids(first 100)`` +
  ``rows()``, p50 and p95 of ``--runs`` opens for the default order and two filtered orders,
  beside the same count and page read by the plain driver (sqlite3 / psycopg) in the same run
  and the ratio; the other filters and every sort of ``ITEM_SORTS``; the process's RSS; and
  the old way (every id read first) once, for comparison; then through the Qt model;
* lazy fetching: a further block of 100 (``page_ids`` at an offset + ``rows``), median, p95;
* saving (≤ 50 ms): ``register_item`` and ``move``, median and p95.

``--sorts``: only the whole list's first rows in every order of ``ITEM_SORTS`` both ways
(count + first 100 + rows, ``--runs`` times each, p50 and p95), nothing written.

With ``--cache DIR`` the built SQLite database is kept in DIR and reused by the next run. With
``--url`` the store lives on that PostgreSQL database (built there once: a database that
already holds ``--items`` items is reused as it is).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.intake.records import ItemFilter, ItemRow, NewItem
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_demo, load_items
from qunzhong_desktop.demo.village import generate, village_of
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage.item_order import ITEM_SORTS
from qunzhong_desktop.storage.setup import init_station
from qunzhong_desktop.storage.store import Store, open_store

STATION = StationProfile(
    code="430121101201", name="白沙村群众工作站", township_code="430121101", township_name="白沙镇"
)
TODAY = dt.date(2026, 6, 1)
SEED = 42
BLOCK = 100


def build(home: Path, count: int) -> None:
    store = open_store(home)
    try:
        init_station(store.db, STATION)
        started = time.perf_counter()
        village = generate(
            STATION.code, village_of(STATION.name), households=3000, seed=SEED, today=TODAY
        )
        load_demo(store.db, village)
        print(
            f"village: {len(village.households)} households in {time.perf_counter() - started:.1f} s"
        )
        started = time.perf_counter()
        items = generate_items(
            village,
            count=count,
            seed=SEED,
            today=TODAY,
            township_steps=True,  # one store stands for both tiers
            calendar=store.calendar.calendar(),
            operator="李秀英",
            span_days=1100,
        )
        events = sum(len(item.events) for item in items)
        print(
            f"generated {len(items)} items, {events} events in "
            f"{time.perf_counter() - started:.1f} s",
            flush=True,
        )

        def progress(done: int, total: int) -> None:
            print(f"\r  loading {done}/{total}", end="", flush=True)

        started = time.perf_counter()
        load_items(store.db, items, village, batch=10_000, progress=progress)
        print(f"\nloaded (bulk ORM + change capture) in {time.perf_counter() - started:.1f} s")
        with store.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    finally:
        store.close()


def _ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - started)


def _stats(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered):7.1f}  p95 {p95:7.1f}  max {ordered[-1]:7.1f} ms"


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def _rss() -> str:
    """This process's resident memory now and at its peak (Linux /proc; else getrusage)."""
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        now, peak = (int(fields[k].split()[0]) // 1024 for k in ("VmRSS", "VmHWM"))
        return f"RSS {now} MB now, peak {peak} MB"
    return f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"


RUNNING = tuple(state.value for state in CLOCK_RUNNING)
#: the lists measured against the targets: the default order and two filtered orders
MAIN = {
    "all, newest first": (ItemFilter(), "", ()),
    "open (clock running)": (
        ItemFilter(states=tuple(CLOCK_RUNNING)),
        f"WHERE state IN ({', '.join('?' * len(RUNNING))})",
        RUNNING,
    ),
    "overdue": (
        ItemFilter(overdue=True),
        f"WHERE state IN ({', '.join('?' * len(RUNNING))}) AND due_on < ?",
        (*RUNNING, TODAY),
    ),
    # at the county: one township's (a number range) and one station's items, newest first
    "one township": (
        ItemFilter(township_code=STATION.township_code),
        "WHERE number >= ? AND number < ?",
        (STATION.township_code, f"{STATION.township_code}:"),
    ),
    "one station": (
        ItemFilter(station_code=STATION.code),
        "WHERE number >= ? AND number < ?",
        (f"{STATION.code}-", f"{STATION.code}."),
    ),
}
OTHERS = {
    "closed": ItemFilter(states=(State.CLOSED,)),
    "handler": ItemFilter(handler="李秀英"),
    "text 路灯": ItemFilter(text="路灯"),
    "domain + grade": ItemFilter(domain="社会保障", grade="B"),
    "oldest first": ItemFilter(newest_first=False),
}
COLUMNS = (
    "id, number, received_at, requester_name, channel, domain, grade, item_type, content,"
    " handler, state, due_on"
)


def _plain(store: Store, where: str, params: tuple[object, ...]) -> Callable[[], object]:
    """The same first page by the plain driver (sqlite3 / psycopg): a count and 100 rows."""
    raw = store.db.engine.raw_connection()
    server = store.db.engine.dialect.name == "postgresql"
    sql = f"SELECT {COLUMNS} FROM intake_item {where} ORDER BY received_at DESC, number DESC"
    count = f"SELECT count(*) FROM intake_item {where}"
    if server:
        sql, count = sql.replace("?", "%s"), count.replace("?", "%s")
    values = tuple(v.isoformat() if isinstance(v, dt.date) and not server else v for v in params)

    def page() -> object:
        cursor = raw.cursor()
        cursor.execute(count, values)
        cursor.fetchone()
        cursor.execute(f"{sql} LIMIT {BLOCK}", values)
        rows = cursor.fetchall()
        cursor.close()
        return rows

    return page


def first_rows(store: Store, runs: int) -> None:
    """First rows as the work list shows them: count + page_ids(0, 100) + rows()."""
    items = store.items

    def opener(f: ItemFilter) -> Callable[[], object]:
        def show() -> object:
            items.count(f, today=TODAY)
            return items.rows(items.page_ids(f, offset=0, limit=BLOCK, today=TODAY), today=TODAY)

        return show

    print(f"\n(a) first rows: count + page_ids(first {BLOCK}) + rows(); target ≤ 300 ms (p95)")
    print(f"    {'list':22} {'matches':>8}  {'cold':>7}  {'p50':>7}  {'p95':>7}   plain p50  ratio")
    for name, (f, where, params) in MAIN.items():
        show, plain = opener(f), _plain(store, where, params)
        cold = _ms(show)
        times = [_ms(show) for _ in range(runs)]
        base = [_ms(plain) for _ in range(runs)]
        ratio = statistics.median(times) / max(statistics.median(base), 0.001)
        print(
            f"    {name:22} {items.count(f, today=TODAY):8}  {cold:7.1f}  "
            f"{statistics.median(times):7.1f}  {_p95(times):7.1f}   "
            f"{statistics.median(base):7.1f}  {ratio:5.1f}x"
        )
    for name, f in OTHERS.items():
        show = opener(f)
        times = [_ms(show) for _ in range(max(3, runs // 3))]
        print(
            f"    {name:22} {items.count(f, today=TODAY):8}  {'':7}  "
            f"{statistics.median(times):7.1f}  {_p95(times):7.1f}"
        )
    sorted_pages(store, max(3, runs // 3))
    print(f"    {_rss()}")
    before = _ms(lambda: items.search_ids(ItemFilter(), today=TODAY))
    print(f"    before (every id read first, search_ids): all, newest first {before:7.1f} ms")


def sorted_pages(store: Store, runs: int) -> None:
    """The whole list's first rows in every order of ITEM_SORTS, both ways (p50, p95)."""
    items = store.items
    for key in ITEM_SORTS:
        for down in (False, True):
            sort = Sort(key, descending=down)

            def sorted_page(sort: Sort = sort) -> object:
                items.count(ItemFilter(), today=TODAY)
                ids = items.page_ids(ItemFilter(), offset=0, limit=BLOCK, today=TODAY, sort=sort)
                return items.rows(ids, today=TODAY)

            times = [_ms(sorted_page) for _ in range(runs)]
            label = f"by {key}{' desc' if down else ''}"
            print(
                f"    {label:22} {'':8}  {'':7}  {statistics.median(times):7.1f}  {_p95(times):7.1f}"
            )


def qt_first_rows(store: Store, runs: int) -> None:
    """The same through the work list's Qt model and a shown table view (offscreen)."""
    from PySide6.QtWidgets import QApplication, QTableView

    from qunzhong_desktop.ui.intake.worklist_model import WorkListModel

    app = QApplication.instance() or QApplication([])
    view = QTableView()
    view.resize(1280, 800)
    view.show()
    items, f = store.items, ItemFilter()

    def page(start: int, end: int) -> list[ItemRow]:
        ids = items.page_ids(f, offset=start, limit=end - start, today=TODAY)
        return items.rows(ids, today=TODAY)

    def show() -> None:
        model = WorkListModel(lambda ids: items.rows(ids, today=TODAY))
        model.set_pages(items.count(f, today=TODAY), page)
        view.setModel(model)
        app.processEvents()  # the view paints its first rows: data() fetches block 0
        assert model.fetch_count >= 1
        assert model.data(model.index(0, 0))

    times = [_ms(show) for _ in range(runs)]
    print(f"  Qt: count + WorkListModel.set_pages + painted QTableView   {_stats(times)}")
    model = view.model()
    assert isinstance(model, WorkListModel)
    scroll: list[float] = []
    for row in range(BLOCK + 50, 20 * BLOCK, BLOCK):

        def to(row: int = row) -> None:
            view.scrollTo(model.index(row, 0))
            app.processEvents()

        scroll.append(_ms(to))
    print(
        f"  Qt: scrolling a block further, painted          {_stats(scroll)}"
        f"  ({model.fetch_count} blocks fetched)"
    )
    end = model.rowCount() - 1
    print(
        f"  Qt: jumping to the last row, painted            {_ms(lambda: view.scrollTo(model.index(end, 0)) or app.processEvents()):7.1f} ms"
    )
    print(f"    {_rss()}")
    view.close()


def lazy_blocks(store: Store) -> None:
    items, f = store.items, ItemFilter()
    total = items.count(f, today=TODAY)
    rng = random.Random(0)

    def block(k: int) -> float:
        return _ms(
            lambda: items.rows(items.page_ids(f, offset=k, limit=BLOCK, today=TODAY), today=TODAY)
        )

    sequential = [block(k) for k in range(BLOCK, 20 * BLOCK, BLOCK)]
    jumps = [block(rng.randrange(total - BLOCK)) for _ in range(50)]
    print(f"\n(b) lazy fetching: page_ids + rows() of a further block of {BLOCK}")
    print(f"  scrolling down (19 blocks)   {_stats(sequential)}")
    print(f"  jumping (50 random blocks)   {_stats(jumps)}")


def saving(store: Store, calls: int) -> None:
    items = store.items
    rng = random.Random(1)
    now = dt.datetime.combine(TODAY, dt.time(9))
    saves: list[float] = []
    numbers: list[str] = []
    for index in range(calls):
        new = NewItem(
            "来访",
            rng.choice(["社会保障", "基础设施", "矛盾纠纷"]),
            "B",
            rng.choice(["承诺件", "补办件", "上报件"]),
            "反映路灯损坏多日，夜间出行不便",
            "王大爷",
            requester_phone="13812345678",
        )
        when = now + dt.timedelta(seconds=index)
        saves.append(
            _ms(
                lambda new=new, when=when: numbers.append(
                    items.register_item(new, actor="李秀英", now=when).number
                )
            )
        )
    moves: list[float] = []
    for number in numbers:
        state = items.item(number, today=TODAY).state
        target = {
            State.REGISTERED: State.IN_PROGRESS,
            State.AWAITING_DOCUMENTS: State.IN_PROGRESS,
            State.ESCALATED: State.WITHDRAWN,
        }[state]
        moves.append(
            _ms(
                lambda n=number, t=target: items.move(
                    n, t, actor="李秀英", note="群众撤回", now=now + dt.timedelta(hours=1)
                )
            )
        )
    print(
        f"\n(c) saving on the {items.count(ItemFilter(), today=TODAY)}-item store; target ≤ 50 ms"
    )
    print(f"  register_item x{calls:<4}  {_stats(saves)}   last {numbers[-1]}")
    print(f"  move          x{calls:<4}  {_stats(moves)}")


def _on_server(home: Path, url: str, count: int) -> None:
    """Point ``home`` at the server; build the items there unless it holds them already."""
    from qunzhong_desktop.storage.server import point_at_server

    point_at_server(home, url)
    store = open_store(home)
    try:
        held = store.items.count(ItemFilter(), today=TODAY) if store.is_set_up() else 0
    finally:
        store.close()
    if held >= count:
        print(f"using the {held} items already on {url.rsplit('@', maxsplit=1)[-1]}")
        return
    started = time.perf_counter()
    build(home, count)
    print(f"build total {time.perf_counter() - started:.1f} s")


def _on_file(home: Path, count: int, cache: Path | None) -> None:
    cached = cache / f"bench-items-{count}.sqlite3" if cache else None
    if cached is not None and cached.exists():
        shutil.copy(cached, database_path(home))
        print(f"using cached {cached}")
        return
    started = time.perf_counter()
    build(home, count)
    print(f"build total {time.perf_counter() - started:.1f} s")
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        store = open_store(home)
        with store.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        shutil.copy(database_path(home), cached)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=450_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--cache", type=Path, help="keep and reuse the built database here")
    parser.add_argument("--url", help="run on this PostgreSQL database instead of a file")
    parser.add_argument(
        "--sorts", action="store_true", help="only the first rows in every order (--runs each)"
    )
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="qunzhong-bench-items-"))
    try:
        home = temp / "home"
        home.mkdir()
        if args.url:
            _on_server(home, args.url, args.items)
        else:
            _on_file(home, args.items, args.cache)
        store = open_store(home)
        try:
            with store.db.engine.connect() as conn:  # fresh statistics for the planner
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
            print(f"engine: {store.db.engine.dialect.name}; {_rss()}")
            if args.sorts:
                print(f"    {'order':22} {'':8}  {'':7}  {'p50':>7}  {'p95':>7}")
                sorted_pages(store, args.runs)
                print(f"    {_rss()}")
                return 0
            first_rows(store, args.runs)
            qt_first_rows(store, args.runs)
            lazy_blocks(store)
            saving(store, args.saves)
        finally:
            store.close()
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
