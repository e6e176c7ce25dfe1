"""The county's reports: a row per township, filters by township and station, on both engines.

The county's data arrives through the real sync path (tests/helpers/county_network.py); each
township's row at the county must equal the sum of its stations' own reports (made at the
stations), and a township's or a station's report at the county the one made where the data
was entered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ledger import LedgerFilter
from qunzhong_desktop.core.monthly.period import parse_period
from qunzhong_desktop.core.monthly.report import Month, MonthlyReport
from qunzhong_desktop.core.monthly.stations import TownshipReport
from qunzhong_desktop.reports.ledger_export import export_title
from qunzhong_desktop.storage.county_search import search_residents
from qunzhong_desktop.storage.ledger_repo import SqlLedger
from qunzhong_desktop.storage.report_scope import resolve
from qunzhong_desktop.storage.voice_figures import SqlVoiceFigures
from tests.helpers.backends import BACKENDS, EMPTY, server_store
from tests.helpers.county_network import CountyNetwork, county_network

MONTH = Month(2026, 11)
TODAY = dt.date(2026, 11, 30)
T1, T2 = "430121101", "430121102"
S1, S2, S3 = "430121101201", "430121101202", "430121102201"


@pytest.fixture(scope="module", params=BACKENDS)
def net(
    request: pytest.FixtureRequest,
    _template_dirs: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[CountyNetwork]:
    root = tmp_path_factory.mktemp(f"county-{request.param}")
    county_store = None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("pg_cluster")
        request.getfixturevalue("_pg_templates")
        county_store = server_store(cluster, EMPTY, root / "county")
    network = county_network(_template_dirs[0], root, county_store)
    yield network
    network.close()


def counts(r: MonthlyReport) -> tuple[int, int, int, int]:
    return (r.received, r.resolved, r.in_progress, r.overdue)


def own_report(net: CountyNetwork, code: str) -> MonthlyReport:
    report = net.stations[code].store.reports.report_for(MONTH, today=TODAY)
    assert isinstance(report, MonthlyReport)
    return report


def test_the_county_report_has_a_row_per_township_summing_its_stations(net: CountyNetwork) -> None:
    report = net.county.store.reports.report_for(MONTH, today=TODAY)
    assert isinstance(report, TownshipReport)
    assert (report.rows_label, report.whole) == ("乡镇", "全县")
    assert report.township_name == "长沙县群众工作部"
    rows = {f.code: f for f in report.stations}
    assert list(rows) == [T1, T2]
    assert rows[T1].name == "白沙镇群众工作办" and rows[T2].name == "第1镇群众工作办"
    for township, stations in ((T1, (S1, S2)), (T2, (S3,))):
        own = [counts(own_report(net, code)) for code in stations]
        assert rows[township].counts == tuple(map(sum, zip(*own, strict=True)))
    assert report.total.counts[:3] == (12, 6, 6)
    assert rows[T1].counts[:3] == (8, 3, 5) and rows[T2].counts[:3] == (4, 3, 1)
    assert report.total.overdue == rows[T1].overdue + rows[T2].overdue > 0
    # the 帮扶 and 民情与信访 tables have the same rows
    assert [code for code, _n, _f in report.assistance] == [T1, T2]
    assert [code for code, _n, _f in report.voice] == [T1, T2]


def test_a_township_at_the_county_is_the_townships_own_report(net: CountyNetwork) -> None:
    at_county = net.county.store.reports.report_for(MONTH, today=TODAY, township_code=T1)
    at_home = net.townships[T1].store.reports.report_for(MONTH, today=TODAY)
    assert isinstance(at_county, TownshipReport) and isinstance(at_home, TownshipReport)
    assert at_county.rows_label == "工作站" and at_county.township_name == "白沙镇群众工作办"
    assert [(f.code, f.name, f.counts) for f in at_county.stations] == [
        (f.code, f.name, f.counts) for f in at_home.stations
    ]
    assert at_county.total.counts == at_home.total.counts
    assert at_county.total.counts[:3] == (8, 3, 5)
    assert at_county.total.rates == at_home.total.rates
    assert [c.name for c in at_county.overall.cadres] == [c.name for c in at_home.overall.cadres]


@pytest.mark.parametrize("township", [None, T2])
def test_a_station_at_the_county_is_the_stations_own_report(
    net: CountyNetwork, township: str | None
) -> None:
    report = net.county.store.reports.report_for(
        MONTH, today=TODAY, station_code=S3, township_code=township
    )
    assert isinstance(report, MonthlyReport)
    own = own_report(net, S3)
    assert report.station_name == own.station_name
    assert counts(report) == counts(own)
    assert counts(own)[:3] == (4, 3, 1)
    assert report.by_domain == own.by_domain and report.first_time == own.first_time


def test_the_period_report_has_the_same_rows(net: CountyNetwork) -> None:
    period = parse_period("2026-11", today=TODAY)
    reports = net.county.store.period_reports
    whole = reports.period_report(period, today=TODAY)
    assert (whole.rows_label, whole.whole, whole.name) == ("乡镇", "全县", "长沙县群众工作部")
    rows = {code: f for code, _name, f in whole.stations}
    assert list(rows) == [T1, T2]
    assert [rows[T1].items.received, rows[T2].items.received] == [8, 4]
    assert [rows[T1].items.resolved, rows[T2].items.resolved] == [3, 3]
    assert whole.current.items.received == 12
    one = reports.period_report(period, today=TODAY, township_code=T1)
    home = net.townships[T1].store.period_reports.period_report(period, today=TODAY)
    assert one.rows_label == "工作站" and one.name == "白沙镇群众工作办"
    assert [(c, f.items.received, f.items.resolved) for c, _n, f in one.stations] == [
        (c, f.items.received, f.items.resolved) for c, _n, f in home.stations
    ]
    assert one.current.items == home.current.items
    station = reports.period_report(period, today=TODAY, station_code=S2)
    assert station.stations == () and station.current.items.received == 3


@pytest.mark.parametrize(
    ("township", "station", "code"),
    [
        ("430121109", None, "scope.township_unknown"),
        ("430122101", None, "scope.township_unknown"),
        (T1, S3, "scope.station_not_in_township"),
        (None, "430121101299", "station.unknown"),
    ],
)
def test_filters_the_county_does_not_hold_are_refused(
    net: CountyNetwork, township: str | None, station: str | None, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        net.county.store.reports.report_for(
            MONTH, today=TODAY, township_code=township, station_code=station
        )
    assert caught.value.code == code
    assert "乡镇" in caught.value.message or "工作站" in caught.value.message
    with pytest.raises(ValidationError):
        net.county.store.period_reports.period_report(
            parse_period("2026-11", today=TODAY), township_code=township, station_code=station
        )


def test_a_township_filter_below_the_county_is_refused(net: CountyNetwork) -> None:
    with pytest.raises(ValidationError) as caught:
        resolve(net.townships[T1].store.db, township=T1)
    assert caught.value.code == "scope.township_not_county"
    with pytest.raises(ValidationError) as caught:
        resolve(net.stations[S1].store.db, township=T1)
    assert caught.value.code == "scope.station_node"
    assert resolve(net.townships[T1].store.db, station=S2).name == "第2村群众工作站"


def test_the_county_ledger_narrows_by_township_and_station(net: CountyNetwork) -> None:
    ledger = SqlLedger(net.county.store.db, township=True)
    assert ledger.count(LedgerFilter()) == 12
    assert ledger.count(LedgerFilter(township_code=T1)) == 8
    assert ledger.count(LedgerFilter(township_code=T2)) == 4
    assert ledger.count(LedgerFilter(station_code=S2)) == 3
    rows = list(ledger.stream(LedgerFilter(township_code=T2), chunk=3))
    assert len(rows) == 4 and [r[0] for r in rows] == [1, 2, 3, 4]
    assert {r[1] for r in rows} == {"第1镇群众工作办 第1镇第1村工作站"}  # 工作站 with its township
    ids = ledger.ids(LedgerFilter(township_code=T1))
    numbers = {r[2] for r in ledger.rows_for(ids)}
    assert len(numbers) == 8 and all(n.startswith(T1) for n in numbers)
    title = export_title(net.county.store, LedgerFilter(township_code=T1), "民情台账")
    assert title == "长沙县群众工作部民情台账（白沙镇群众工作办）"
    assert export_title(net.county.store, LedgerFilter(), "民情台账").endswith("（全县）")
    with pytest.raises(ValidationError) as caught:
        export_title(net.townships[T1].store, LedgerFilter(township_code=T1), "民情台账")
    assert caught.value.code == "scope.township_not_county"


def test_residents_are_found_across_the_county_with_their_station(net: CountyNetwork) -> None:
    db = net.county.store.db
    hits = search_residents(db, "张三丰", resolve(db))
    assert [(h.name, h.station) for h in hits] == [("张三丰", S1), ("张三丰", S3)]
    assert hits[1].station_name == "第1镇群众工作办 第1镇第1村工作站"
    (only,) = search_residents(db, "zsf", resolve(db, township=T2))
    assert only.station == S3
    assert search_residents(db, "张三丰", resolve(db, station=S2)) == []
    assert len(search_residents(db, "张三丰", resolve(db), limit=1)) == 1
    assert search_residents(db, "", resolve(db)) == []
    at_station = net.stations[S1].store.db
    (own,) = search_residents(at_station, "张三丰", resolve(at_station))
    assert (own.station, own.station_name) == (S1, "第1村群众工作站")


def test_the_county_ranks_its_townships_by_the_assessment_scheme(net: CountyNetwork) -> None:
    period = parse_period("2026-11", today=TODAY)
    county = net.county.store.assessment.sheet(period, today=TODAY)
    assert county.rows_label == "乡镇" and county.title.startswith("长沙县群众工作部")
    assert sorted(e.name for e in county.entries) == ["白沙镇群众工作办", "第1镇群众工作办"]
    one = net.county.store.assessment.sheet(period, today=TODAY, township_code=T1)
    home = net.townships[T1].store.assessment.sheet(period, today=TODAY)
    assert one.rows_label == "工作站" and one.title.startswith("白沙镇群众工作办")
    assert [(e.name, e.total) for e in one.entries] == [(e.name, e.total) for e in home.entries]
    with pytest.raises(ValidationError) as caught:
        net.townships[T1].store.assessment.sheet(period, township_code=T1)
    assert caught.value.code == "scope.township_not_county"


def test_the_voice_figures_by_township(net: CountyNetwork) -> None:
    voice = SqlVoiceFigures(net.county.store.db)
    first, last = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    rows = voice.by_station(first, last, today=TODAY)
    assert [(code, name) for code, name, _f in rows] == [
        (T1, "白沙镇群众工作办"), (T2, "第1镇群众工作办")
    ]  # fmt: skip
    stations = voice.by_station(first, last, today=TODAY, township_code=T1)
    assert [code for code, _n, _f in stations] == [S1, S2]
    whole = voice.figures(first, last, today=TODAY)
    one = voice.figures(first, last, today=TODAY, township_code=T2)
    assert one == net.townships[T2].store.reports.report_for(MONTH, today=TODAY).overall.voice  # type: ignore[union-attr]
    assert whole.as_json().keys() == one.as_json().keys()
