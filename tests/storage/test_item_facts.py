"""The kept facts: the store's period report equals replaying every item, and writes drop facts."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

from alembic import command
from sqlalchemy import func, select

from qunzhong_desktop.core.calendar_file import Schedule, ScheduleDay
from qunzhong_desktop.core.intake.corrections import ItemFix
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.monthly.period import Period, between, parse_period
from qunzhong_desktop.core.monthly.period_report import period_report
from qunzhong_desktop.home import database_path
from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.calendar_repo import load_calendar
from qunzhong_desktop.storage.period_repo import activity
from qunzhong_desktop.storage.report_repo import item_records
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.storage.write_paths import scope
from tests.helpers import period_data
from tests.helpers.backends import Built, prebuilt
from tests.helpers.intake_data import register

FIXTURE = Path(__file__).parents[1] / "data" / "releases" / "0010-assistance-demo.zip"


def _name_units(store: Store) -> None:
    """Name a 主管部门 on two items in three and a 双联系单位 on every other one."""
    with scope("test: units on the demo's items"), store.db.writing() as s:
        for index, item in enumerate(s.scalars(select(m.IntakeItem).order_by(m.IntakeItem.number))):
            if index % 3:
                item.competent_unit = "镇民政办" if index % 2 else "镇司法所"
            if index % 2:
                item.paired_unit = "县农业农村局"


def _facts(store: Store) -> int:
    with store.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(m.ItemFact)) or 0)


def _year(store: Store) -> None:
    """The period tests' year of items, units named (written once per engine)."""
    period_data.build(store.db)
    _name_units(store)


year = prebuilt(_year)


def test_counted_from_facts_equals_replaying_every_item(year: Built[None]) -> None:
    store = year.store
    for today in (period_data.TODAY, dt.date(2026, 3, 15), dt.date(2027, 3, 1)):
        codes = ["2025-10", "2026-02", "2026-Q1", "2025-H2", "2026-H1", "2025", "2026-YTD"]
        if today > dt.date(2026, 11, 1):
            codes += ["2026-11", "2026-H2", "2026", "2026-08-15..2026-11-10"]
        for code in codes:
            _compare(store, parse_period(code, today=today), today)


def _compare(store: Store, period: Period, today: dt.date) -> None:
    """The store's report (kept facts) against replaying every item of the periods."""
    fast = store.period_reports.period_report(period, today=today, since=dt.date(2025, 9, 1))
    with store.db.session() as s:
        everything = between(dt.date(2025, 1, 1), period.last)
        slow = period_report(
            period,
            item_records(s, everything),
            activity(s, (period,), at_township=False),
            calendar=load_calendar(s),
            today=today,
            since=dt.date(2025, 9, 1),
        )
    for mine, theirs in ((fast.current, slow.current), (fast.previous, slow.previous)):
        assert mine.items == theirs.items, (period.code, today, mine.period)
    assert fast.year_before.items == slow.year_before.items, (period.code, today)
    assert fast.cumulative == slow.cumulative, (period.code, today)
    if period.code == "2026-Q1":  # the units were counted, by both
        tally = fast.current.items.tallies["县农业农村局"]
        assert tally.answered and sum(tally.satisfaction.values())


def test_a_write_drops_the_item_s_facts_and_the_report_fills_them_again(store: Store) -> None:
    first = register(store, dt.datetime(2026, 11, 2, 9))
    second = register(store, dt.datetime(2026, 11, 3, 9))
    assert store.period_reports.refresh() == 2 and _facts(store) == 2
    assert store.period_reports.refresh() == 0  # kept
    store.items.move(
        first, State.RESOLVED, actor="李秀英", data={"result": "已办"},
        now=dt.datetime(2026, 11, 4, 9),
    )  # fmt: skip
    assert _facts(store) == 1  # the moved item's facts went
    nov = parse_period("2026-11", today=dt.date(2026, 12, 1))
    report = store.period_reports.period_report(nov, today=dt.date(2026, 12, 1))
    assert (report.current.items.resolved, report.current.items.in_progress) == (1, 1)
    assert _facts(store) == 2
    item = store.items.item(second)
    fix = ItemFix(item.requester_name, item.requester_phone, None, item.domain, "A", item.content)
    store.items.correct(second, fix, reason="核实为重大紧急", actor="李秀英")
    assert _facts(store) == 1
    report = store.period_reports.period_report(nov, today=dt.date(2026, 12, 1))
    assert dict(report.current.items.by_grade)["A"] == 1


def test_a_change_of_the_calendar_drops_every_fact(store: Store) -> None:
    register(store, dt.datetime(2026, 11, 2, 9))
    store.period_reports.refresh()
    assert _facts(store) == 1
    store.calendar.import_schedule(
        Schedule((2030,), (ScheduleDay(dt.date(2030, 1, 2), False, "测试"),), "测试日历")
    )
    assert _facts(store) == 0


def test_a_release_station_upgrades_and_its_report_fills_the_facts(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURE) as zf:
        zf.extractall(tmp_path, [n for n in zf.namelist() if n.startswith("station/")])
    path = database_path(tmp_path / "station")
    assert migrate.current_revision(path) == "0010"
    with open_store(tmp_path / "station") as store:
        assert migrate.current_revision(path) == migrate.HEAD_REVISION
        assert _facts(store) == 0  # the migration writes no rows
        with store.db.session() as s:
            live = s.scalar(
                select(func.count())
                .select_from(m.IntakeItem)
                .where(m.IntakeItem.deleted_at.is_(None))
            )
        assert live and store.period_reports.refresh() == live == _facts(store)


def test_downgrade_to_0012_drops_the_cache_and_its_triggers(sqlite_store: Store) -> None:
    store = sqlite_store  # the SQLite file's migrations
    register(store, dt.datetime(2026, 11, 2, 9))
    store.period_reports.refresh()
    path = database_path(store.home)
    store.db.close()
    command.downgrade(migrate.alembic_config(path), "0012")
    with sqlite3.connect(path) as conn:
        kinds = {r[0] for r in conn.execute("SELECT type || ':' || name FROM sqlite_master")}
    assert not {k for k in kinds if "item_fact" in k or "item_flow" in k}
    assert migrate.upgrade(path) is not None
    with open_store(store.home) as again:
        assert again.period_reports.refresh() == 1
        with sqlite3.connect(path) as conn:
            triggers = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                " AND name LIKE 'item_fact%'"
            )
            assert triggers.fetchone()[0] == 10


def test_items_without_kept_facts_are_replayed(year: Built[None]) -> None:
    store = year.store
    h2 = parse_period("2026-H2", today=period_data.TODAY)
    whole = store.period_reports.period_report(h2, today=period_data.TODAY)
    with store.db.engine.begin() as conn:  # as if never filled (either engine)
        conn.exec_driver_sql(
            "DELETE FROM item_fact WHERE item_id IN (SELECT item_id FROM item_fact"
            " ORDER BY item_id LIMIT (SELECT count(*) / 3 FROM item_fact))"
        )
        conn.exec_driver_sql(
            "DELETE FROM item_flow WHERE item_id NOT IN (SELECT item_id FROM item_fact)"
        )
    missing = 700 - _facts(store)
    assert missing > 100
    unfilled = store.period_reports.period_report(h2, today=period_data.TODAY, fill=False)
    assert _facts(store) == 700 - missing  # nothing was filled
    for mine, theirs in zip(
        (unfilled.current, unfilled.previous, unfilled.year_before),
        (whole.current, whole.previous, whole.year_before),
        strict=True,
    ):
        assert mine.items == theirs.items
    assert unfilled.cumulative == whole.cumulative
