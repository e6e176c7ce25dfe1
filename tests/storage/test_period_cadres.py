"""The period report's cadres (issue 17, item 4), from the diaries in a store.

A demo station whose cadres wrote diaries in October and November 2026 (to the 20th): the
quarter's figures are the months' figures of the monthly cadre table, summed and judged;
the township of :mod:`tests.helpers.township_data` lists every station's cadres with where
they work, or one station's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.diary import DiaryEntry
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.monthly.cadre_period import CADRE_DEFINITIONS
from qunzhong_desktop.core.monthly.period import between, parse_period
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.demo.diary import generate_diaries
from qunzhong_desktop.demo.diary_load import load_diaries
from qunzhong_desktop.demo.load import load_demo
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from tests.helpers.stations import copy_store
from tests.helpers.township_data import AFTER, Township, build

TODAY = dt.date(2026, 11, 20)
OCT, NOV = Month(2026, 10), Month(2026, 11)


@pytest.fixture(scope="module")
def demo(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    store = copy_store(_template_dirs[1], tmp_path_factory.mktemp("period-cadres"))
    village = generate("430121101201", "白沙村", households=40, seed=5, today=TODAY)
    load_demo(store.db, village)
    diaries = generate_diaries(village, seed=5, today=TODAY, calendar=store.calendar.calendar())
    load_diaries(store.db, diaries, village)
    yield store
    store.close()


def test_a_quarter_sums_and_judges_the_months_of_the_cadre_table(demo: Store) -> None:
    report = demo.period_reports.period_report(parse_period("2026-Q4", today=TODAY), today=TODAY)
    october = {c.cadre_id: c for c in demo.reports.cadre_table(OCT, today=TODAY)}
    november = {c.cadre_id: c for c in demo.reports.cadre_table(NOV, today=TODAY)}
    assert report.cadres and {c.cadre_id for c in report.cadres} == set(november)
    assert report.definitions[-len(CADRE_DEFINITIONS) :] == CADRE_DEFINITIONS
    verdicts = set()
    for cadre in report.cadres:
        months = [m for m in (october.get(cadre.cadre_id), november[cadre.cadre_id]) if m]
        assert cadre.village_days == sum(m.village_days for m in months), cadre.name
        assert cadre.duty_days == sum(m.duty_days for m in months), cadre.name
        assert cadre.station == ""  # at a station: its own cadres
        if not cadre.assessed:
            assert cadre.verdict == "不考核" and cadre.months == ()
            continue
        assert cadre.months[-1] == NOV  # under way: judged as the monthly table does
        short = [m for m, f in zip((OCT, NOV), months, strict=False) if f.verdict == "不达标"]
        assert [m for m, _r in cadre.shortfalls] == short, cadre.name
        pending = "，".join(november[cadre.cadre_id].pending)
        if pending and not cadre.year_required:
            assert cadre.pending == (f"11月：{pending}",), cadre.name
        verdicts.add(cadre.verdict)
    assert "不考核" in {c.verdict for c in report.cadres} and verdicts


def test_a_from_to_counts_only_its_days_and_judges_no_part_month(demo: Store) -> None:
    period = between(dt.date(2026, 10, 10), dt.date(2026, 11, 10))
    report = demo.period_reports.period_report(period, today=TODAY)
    with demo.db.session() as s:
        rows = s.execute(select(m.DiaryEntry.cadre_id, m.DiaryEntry.day, m.DiaryEntry.kind)).all()
    duty: dict[str, set[dt.date]] = {}
    for cadre_id, day, kind in rows:
        if kind == "坐班接待" and period.contains(day):
            duty.setdefault(cadre_id, set()).add(day)
    assert any(duty.values())
    for cadre in report.cadres:
        assert cadre.duty_days == len(duty.get(cadre.cadre_id, ()))
        assert cadre.months == () and cadre.shortfalls == ()
        assert cadre.verdict in ("不评定", "不考核", "按年计")


@pytest.fixture(scope="module")
def township(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Township]:
    tw = build(_template_dirs[0], tmp_path_factory.mktemp("period-cadres-township"))
    yield tw
    tw.close()


def test_the_township_lists_every_stations_cadres_with_where_they_work(
    township: Township,
) -> None:
    t = township.township.store
    # the township's own cadre, 包村 the first village, on duty there in October
    own = t.register.save_cadre(
        Cadre(name="孙三", category="乡驻村干部", unit="镇党委", village_code=township.one.code)
    )
    t.diary.save_entry(
        DiaryEntry(cadre_id=own.id or "", day=dt.date(2026, 10, 20), kind="坐班接待", text="坐班"),
        today=AFTER,
    )
    quarter = parse_period("2026-Q4", today=AFTER)
    report = t.period_reports.period_report(quarter, today=AFTER)
    rows = {(c.name, c.station): c for c in report.cadres}
    assert set(rows) == {
        ("赵一", "第1村群众工作站"),
        ("钱二", "第2村群众工作站"),
        ("孙三", "乡镇本级（包村：第1村群众工作站）"),
    }
    zhao = rows[("赵一", "第1村群众工作站")]
    # one duty day on 16 November; registered then (today: the first diary day), so
    # October is not judged; December has just begun (today the 1st): pending
    assert (zhao.village_days, zhao.duty_days) == (1, 1)
    assert zhao.months == (NOV, Month(2026, 12))
    assert zhao.shortfall_text == "11月：在村 1 天，少于 10 天，坐班 1 天，少于 2 天"
    assert zhao.verdict == "不达标"
    sun = rows[("孙三", "乡镇本级（包村：第1村群众工作站）")]
    assert (sun.village_days, sun.duty_days, sun.months[0]) == (1, 1, OCT)
    # one station's report: that station's cadres only
    one = t.period_reports.period_report(quarter, today=AFTER, station_code=township.two.code)
    assert [(c.name, c.station) for c in one.cadres] == [("钱二", "")]
