"""Work-list benchmark: 100 000 intake items; first rows, lazy blocks, saving an item.

    .venv/bin/python bench/bench_items.py [--items 100000] [--runs 7] [--cache DIR]

Builds a station with the demo generator (3 000 households; items with their histories over
about three years, every state, some overdue) loaded through ORM bulk inserts with the change
capture, then measures, against the targets of the intake issue:

* first rows shown (≤ 300 ms): ``search_ids(filter)`` + ``rows(first 100 ids)``, median of
  ``--runs`` runs per filter (the first, cold run is printed too); with the Qt work-list
  model as well when ``ui/worklist_model.py`` exists;
* lazy fetching: ``rows()`` of a further block of 100 ids while scrolling, median and p95;
* saving (≤ 50 ms): ``register_item`` 200 times, and ``move`` 200 times, median and p95.

With ``--cache DIR`` the built database is kept in DIR and reused by the next run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.intake.records import ItemFilter, NewItem
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, State
from qunzhong_desktop.demo.items import generate_items
from qunzhong_desktop.demo.load import load_demo, load_items
from qunzhong_desktop.demo.village import generate, village_of
from qunzhong_desktop.home import database_path
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


def first_rows(store: Store, runs: int) -> None:
    items = store.items
    filters = {
        "all, newest first": ItemFilter(),
        "open (clock running)": ItemFilter(states=tuple(CLOCK_RUNNING)),
        "overdue": ItemFilter(overdue=True),
        "closed": ItemFilter(states=(State.CLOSED,)),
        "handler": ItemFilter(handler="李秀英"),
        "text 路灯": ItemFilter(text="路灯"),
        "domain + grade": ItemFilter(domain="社会保障", grade="B"),
    }
    print(f"\n(a) first rows shown: search_ids + rows(first {BLOCK}); target ≤ 300 ms")
    for name, f in filters.items():
        found: list[str] = []

        def show(f: ItemFilter = f, found: list[str] = found) -> None:
            found[:] = items.search_ids(f, today=TODAY)
            items.rows(found[:BLOCK], today=TODAY)

        cold = _ms(show)
        times = [_ms(show) for _ in range(runs)]
        ids_only = statistics.median(
            _ms(lambda f=f: items.search_ids(f, today=TODAY)) for _ in range(runs)
        )
        print(
            f"  {name:22} {len(found):7} ids  cold {cold:7.1f}  median {statistics.median(times):7.1f}"
            f"  (ids alone {ids_only:6.1f}) ms"
        )


def qt_first_rows(store: Store, runs: int) -> None:
    """The same through the work list's Qt model and a shown table view (offscreen)."""
    if importlib.util.find_spec("qunzhong_desktop.ui.intake.worklist_model") is None:
        print("\n    Qt model: ui/worklist_model.py not there yet; skipped")
        return
    from PySide6.QtWidgets import QApplication, QTableView

    from qunzhong_desktop.ui.intake.worklist_model import WorkListModel

    app = QApplication.instance() or QApplication([])
    view = QTableView()
    view.resize(1280, 800)
    view.show()

    def show() -> None:
        model = WorkListModel(lambda ids: store.items.rows(ids, today=TODAY))
        model.set_ids(store.items.search_ids(ItemFilter(), today=TODAY))
        view.setModel(model)
        app.processEvents()  # the view paints its first rows: data() fetches block 0
        assert model.fetch_count >= 1
        assert model.data(model.index(0, 0))

    times = [_ms(show) for _ in range(runs)]
    print(f"  Qt: search_ids + WorkListModel + painted QTableView   {_stats(times)}")
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
    view.close()


def lazy_blocks(store: Store) -> None:
    items = store.items
    ids = items.search_ids(ItemFilter(), today=TODAY)
    rng = random.Random(0)
    sequential = [
        _ms(lambda k=k: items.rows(ids[k : k + BLOCK], today=TODAY))
        for k in range(BLOCK, 20 * BLOCK, BLOCK)
    ]
    jumps = [
        _ms(lambda k=k: items.rows(ids[k : k + BLOCK], today=TODAY))
        for k in (rng.randrange(len(ids) - BLOCK) for _ in range(50))
    ]
    print(f"\n(b) lazy fetching, rows() of a further block of {BLOCK}")
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
        f"\n(c) saving on the {len(items.search_ids(ItemFilter(), today=TODAY))}-item store; target ≤ 50 ms"
    )
    print(f"  register_item x{calls:<4}  {_stats(saves)}   last {numbers[-1]}")
    print(f"  move          x{calls:<4}  {_stats(moves)}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--cache", type=Path, help="keep and reuse the built database here")
    args = parser.parse_args()
    temp = Path(tempfile.mkdtemp(prefix="qunzhong-bench-items-"))
    try:
        home = temp / "home"
        home.mkdir()
        cached = args.cache / f"bench-items-{args.items}.sqlite3" if args.cache else None
        if cached is not None and cached.exists():
            shutil.copy(cached, database_path(home))
            print(f"using cached {cached}")
        else:
            started = time.perf_counter()
            build(home, args.items)
            print(f"build total {time.perf_counter() - started:.1f} s")
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                store = open_store(home)
                with store.db.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                store.close()
                shutil.copy(database_path(home), cached)
        store = open_store(home)
        try:
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
