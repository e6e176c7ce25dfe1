"""The township's ledgers and monthly report, from a township that imported two stations.

The store is built through sync (:mod:`tests.township_data`, where every figure below is
worked out by hand item by item); the files are real .xlsx and PDF read back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.ledger import TOWNSHIP_ITEM_COLUMNS, LedgerFilter
from qunzhong_desktop.core.monthly.report import MonthlyReport, Rate, UnitScore
from qunzhong_desktop.core.monthly.stations import STATION_HEADERS, StationFigures, TownshipReport
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.ledger_export import export_ledger
from qunzhong_desktop.reports.monthly_pdf import render_monthly_pdf
from qunzhong_desktop.reports.monthly_xlsx import TOWNSHIP_SHEETS, write_monthly_xlsx
from qunzhong_desktop.storage.ledger_repo import SqlLedger, is_township
from tests.helpers.reports_built import township as built_township
from tests.helpers.township_data import AFTER, NOV, TOWNSHIP_NAME, Township

ONE, TWO = "第1村群众工作站", "第2村群众工作站"
H = [c.header for c in TOWNSHIP_ITEM_COLUMNS]


@pytest.fixture(scope="module")
def tw(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Township]:
    """Read-only for the tests of this module (built once: three stores and a sync)."""
    built = built_township(
        _template_dirs[0], tmp_path_factory, tmp_path_factory.mktemp("township") / "net"
    )
    yield built
    built.close()


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _pdf_text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


# ledgers ---------------------------------------------------------------------------------
def test_only_the_township_is_a_township(tw: Township) -> None:
    assert is_township(tw.township.store.db)
    assert not is_township(tw.one.store.db)


def test_item_ledger_filtered_by_station_lists_only_its_items(tw: Township) -> None:
    ledger = SqlLedger(tw.township.store.db, township=True)

    def rows(f: LedgerFilter) -> list[dict[str, object]]:
        found = [dict(zip(H, r, strict=True)) for r in ledger.stream(f, today=AFTER)]
        assert ledger.count(f) == len(ledger.ids(f)) == len(found)
        return found

    everything = rows(LedgerFilter())
    assert len(everything) == 6  # three items of each station, October's included
    assert {r["编号"]: r["工作站"] for r in everything} == {
        **{number: ONE for number in tw.a},
        **{number: TWO for number in tw.b},
    }
    one = rows(LedgerFilter(station_code=tw.one.code))
    a1, a2, a3 = tw.a
    assert [r["编号"] for r in one] == [a1, a3, a2]  # received 2 Nov 9:00 (twice), 3 Nov
    assert {r["工作站"] for r in one} == {ONE} and [r["序号"] for r in one] == [1, 2, 3]
    two = rows(LedgerFilter(station_code=tw.two.code))
    assert [r["编号"] for r in two] == tw.b  # B0 (October), B1, B2
    assert two[1]["责任人/单位"] == "李秀英 / 民政办"  # the township's assignment
    # the station filter combines with the others
    assert len(rows(LedgerFilter(station_code=tw.two.code, domain="基础设施"))) == 1
    # rows fetched by id (the 台账 page) carry the station too
    ids = ledger.ids(LedgerFilter(station_code=tw.one.code))
    assert {r[1] for r in ledger.rows_for(ids, today=AFTER)} == {ONE}


def test_exported_ledger_says_which_station_or_the_whole_township(
    tw: Township, tmp_path: Path, font: CjkFont
) -> None:
    store = tw.township.store
    out = tmp_path / "one.xlsx"
    result = export_ledger(store, LedgerFilter(station_code=tw.one.code), out, today=AFTER)
    assert result.rows == 3
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A1"].value == f"{TOWNSHIP_NAME}民情台账（{ONE}）（全部）"
    assert [c.value for c in ws[2]][:3] == ["序号", "工作站", "编号"]
    assert [ws.cell(r, 2).value for r in range(3, ws.max_row + 1)] == [ONE] * 3

    pdf = export_ledger(store, LedgerFilter(), tmp_path / "all.pdf", today=AFTER)
    assert pdf.rows == 6
    text = _pdf_text(pdf.path)
    assert f"{TOWNSHIP_NAME}民情台账（全乡镇）" in text
    assert text.count(ONE) >= 3 and text.count(TWO) >= 3


def test_station_filter_is_refused_at_a_station_and_for_an_unknown_code(
    tw: Township, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError) as info:
        export_ledger(tw.one.store, LedgerFilter(station_code=tw.two.code), tmp_path / "x.xlsx")
    assert info.value.code == "station.not_township" and "乡镇" in info.value.message
    with pytest.raises(ValidationError) as info:
        unknown = LedgerFilter(station_code="430121101299")
        export_ledger(tw.township.store, unknown, tmp_path / "y.xlsx")
    assert info.value.code == "station.unknown" and ONE in info.value.message
    assert not list(tmp_path.iterdir())
    with pytest.raises(ValidationError):
        tw.one.store.reports.monthly_report(NOV, station_code=tw.two.code)


# the monthly report ----------------------------------------------------------------------
def test_township_report_has_each_station_computed_by_the_same_rules(tw: Township) -> None:
    report = tw.township.store.reports.report_for(NOV, today=AFTER)
    assert isinstance(report, TownshipReport)
    assert report.title == f"{TOWNSHIP_NAME} 民情月报"
    one, two = report.stations
    # 第1村: A1, A2, A3 received; A1 and A2 resolved, both on time and first time; A3 open
    # since 2 Nov, due 9 Nov < 30 Nov: overdue; follow-ups A1 满意, A2 不满意 → 1/2
    assert one == StationFigures(
        tw.one.code, ONE, received=3, resolved=2, in_progress=1, overdue=1,
        first_time=Rate(2, 2), on_time=Rate(2, 2), satisfaction=Rate(1, 2),
    )  # fmt: skip
    # 第2村: B1, B2 received (B0 is October's and untouched since); B1 resolved 25 Nov after
    # an escalation the township settled in one pass (first time: the resident did not come
    # back, issue 15) but past its deadline of 20 Nov → 1/1 and 0/1; B2 due 2 Dec, not overdue
    assert two == StationFigures(
        tw.two.code, TWO, received=2, resolved=1, in_progress=1, overdue=0,
        first_time=Rate(1, 1), on_time=Rate(0, 1), satisfaction=Rate(0, 0),
    )  # fmt: skip
    # the whole township: 3 + 2 = 5 received, 2 + 1 = 3 resolved, 1 + 1 = 2 open, 1 + 0 = 1
    # overdue; first time (2 + 1)/(2 + 1), on time (2 + 0)/3, satisfaction (1 + 0)/(2 + 0)
    whole = report.overall
    assert (whole.received, whole.resolved, whole.in_progress, whole.overdue) == (5, 3, 2, 1)
    assert (whole.first_time, whole.on_time, whole.satisfaction) == (
        Rate(3, 3),
        Rate(2, 3),
        Rate(1, 2),
    )
    assert report.total.counts == (5, 3, 2, 1) and report.total.name == "合计"
    assert whole.escalations == 1 and whole.units == (UnitScore("民政办", 1, 0),)
    assert whole.station_name == TOWNSHIP_NAME
    assert sorted(c.name for c in whole.cadres) == ["赵一", "钱二"]  # both stations' cadres


def test_a_station_row_is_that_station_s_own_report(tw: Township) -> None:
    """Station 1's figures are the same at the station and at the township (same rules)."""
    own = tw.one.store.reports.report_for(NOV, today=AFTER)
    assert isinstance(own, MonthlyReport)  # a station's report stays as it was
    at_township = tw.township.store.reports.report_for(NOV, today=AFTER, station_code=tw.one.code)
    row = tw.township.store.reports.township_report(NOV, today=AFTER).stations[0]
    assert StationFigures.of(tw.one.code, ONE, own) == row
    # items, figures, title and the station's own cadre (赵一); the 帮扶 lists at the
    # township also say which station a household is of
    assert dataclasses.replace(at_township, assistance=None) == dataclasses.replace(
        own, assistance=None
    )
    assert at_township.assistance and own.assistance
    assert at_township.assistance.as_json() == own.assistance.as_json()
    assert [p.name for p in own.assistance.poor] == ["周老汉"]
    assert [c.name for c in at_township.cadres] == ["赵一"]


def test_township_workbook_has_the_stations_sheet(tw: Township, tmp_path: Path) -> None:
    report = tw.township.store.reports.township_report(NOV, today=AFTER)
    wb = load_workbook(write_monthly_xlsx(report, tmp_path / "乡镇月报.xlsx"))
    assert wb.sheetnames == list(TOWNSHIP_SHEETS)
    assert wb.sheetnames == [
        "概况", "各工作站", "分类统计", "单位得分", "干部情况", "帮扶工作", "民情与信访"
    ]  # fmt: skip
    assert wb["概况"]["A1"].value == f"{TOWNSHIP_NAME} 民情月报（2026年11月）"
    rows = [tuple(r) for r in wb["各工作站"].iter_rows(min_row=3, values_only=True)]
    assert rows[0] == STATION_HEADERS
    assert rows[1] == (ONE, 3, 2, 1, 1, 1, 1, 0.5)
    assert rows[2] == (TWO, 2, 1, 1, 0, 1, 0, "—")
    assert rows[3][:5] == ("合计", 5, 3, 2, 1)
    assert rows[3][5:] == pytest.approx((1, 2 / 3, 0.5))
    assert wb["各工作站"].cell(4, 6).number_format == "0.0%"
    assert wb["各工作站"].print_title_rows == "$3:$3"
    units = [tuple(r) for r in wb["单位得分"].iter_rows(values_only=True)]
    assert units[1] == (1, "民政办", 1, 0, 1.0)


def test_township_pdf_has_the_stations(tw: Township, tmp_path: Path, font: CjkFont) -> None:
    report = tw.township.store.reports.township_report(NOV, today=AFTER)
    out = render_monthly_pdf(report, tmp_path / "乡镇月报.pdf", font=font, today=AFTER)
    text = _pdf_text(out)
    assert f"{TOWNSHIP_NAME}民情月报" in text and "全乡镇2个工作站2026年11月" in text
    assert "二、各工作站情况" in text and "三、受理分类" in text and "五、干部民情日记" in text
    assert "".join(STATION_HEADERS) in text
    assert f"{ONE}3211100.0%（2/2）100.0%（2/2）50.0%（1/2）" in text
    assert f"{TWO}2110100.0%（1/1）0.0%（0/1）—（0/0）" in text
    assert "合计5321100.0%（3/3）66.7%（2/3）50.0%（1/2）" in text
    assert "民政办" in text and "+1.0" in text
    metadata = PdfReader(out).metadata
    assert metadata is not None and metadata.title == f"{TOWNSHIP_NAME} 民情月报 2026年11月"


def test_township_assistance_over_all_stations_and_per_station(
    tw: Township, tmp_path: Path, font: CjkFont
) -> None:
    report = tw.township.store.reports.township_report(NOV, today=AFTER)
    total = report.overall.assistance
    assert total is not None and total.money_fen == 350000 and total.needs_reported == 2
    assert [p.name for p in total.poor] == ["周老汉"]  # 吴阿婆 got 2,500: not listed
    by_code = {code: f for code, _name, f in report.assistance}
    assert len(by_code) == 2
    assert sorted(f.money_fen for f in by_code.values()) == [100000, 250000]
    assert sum(f.records for f in by_code.values()) == total.records == 2
    out = render_monthly_pdf(report, tmp_path / "乡镇月报.pdf", font=font, today=AFTER)
    text = _pdf_text(out)
    assert "帮扶工作" in text and "无人帮扶户特困未达标" in text
    assert f"{ONE}0101" in text and "周老汉" in text and "吴阿婆" not in text
