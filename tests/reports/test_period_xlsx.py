"""The report over any period as a workbook, and ``documents.period`` that writes either file.

Read back with openpyxl: the sheets, the comparison values, the ranking with its last
place, print setup; ``documents.period`` refuses another suffix and a reader, and records
the export in the access log.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qunzhong_desktop.core.access import Operator, PermissionDenied, Role
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.cadre_period import CadrePeriod
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.monthly.period import parse_period
from qunzhong_desktop.core.monthly.period_report import PeriodReport
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.reports import documents
from qunzhong_desktop.reports import period_common as pc
from qunzhong_desktop.reports.period_xlsx import (
    CADRES,
    SHEETS,
    TOWNSHIP_SHEETS,
    write_period_xlsx,
)
from qunzhong_desktop.storage.access_log import entries
from qunzhong_desktop.storage.store import Store
from tests.helpers import period_data
from tests.helpers.reports_built import period_demo
from tests.helpers.reports_built import township as built_township
from tests.helpers.township_data import AFTER

TODAY = period_data.TODAY


@pytest.fixture(scope="module")
def demo(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The demo station (read-only but for the access log)."""
    store = period_demo(_template_dirs[1], tmp_path_factory, tmp_path_factory.mktemp("px") / "demo")
    yield store
    store.close()


@pytest.fixture(scope="module")
def half(demo: Store) -> PeriodReport:
    period = parse_period("2026-H2", today=TODAY)
    return demo.period_reports.period_report(period, today=TODAY, since=dt.date(2025, 7, 1))


def _values(ws: object) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def test_every_sheet_with_its_values(half: PeriodReport, tmp_path: Path) -> None:
    out = write_period_xlsx(half, tmp_path / "报表.xlsx")
    wb = load_workbook(out)
    assert tuple(wb.sheetnames) == SHEETS
    ws = wb["概况"]
    assert ws["A1"].value == "白沙村群众工作站 民情报表 2026年下半年（截至 11月20日）"
    rows = _values(ws)
    header = rows[3]
    assert header[:4] == ["指标", "本期（2026年下半年）", "上期（2026年上半年）", "比上期"]
    assert header[5] == "去年同期（2025年下半年）"
    by_label = {row[0]: row for row in rows[4 : 4 + len(half.comparisons)]}
    for c in half.comparisons:
        row = by_label[c.label]
        if isinstance(c.current, Rate):
            assert row[1] == pytest.approx(c.current.value)
            assert row[8] == f"{c.current.numerator}/{c.current.denominator}"
        else:
            assert row[1] == c.current and row[2] == c.previous.other
            assert row[5] == c.year_before.other
        assert row[3] == c.previous.text and row[6] == c.year_before.text
    received = by_label["受理"]
    now, before = half.current.items.received, half.previous.items.received
    assert before and received[4] == pytest.approx(round(100 * (now - before) / before, 1) / 100)
    assert ws.cell(5, 4).data_type == "s"  # "+164（+88.2%）" stays text, not a formula
    flat = [v for row in rows for v in row]
    assert "梳理问题" in flat and half.cumulative.combed in flat
    assert ws.freeze_panes == "A5" and ws.print_title_rows == "$4:$4"
    assert ws.page_setup.fitToWidth == 1 and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)

    units = _values(wb["化解情况成效表"])
    assert units[2] == list(pc.UNIT_HEADERS)
    ranked = units[3 : 3 + len(half.units)]
    assert [r[1] for r in ranked] == [u.unit for u in half.units]
    bottom = [r for r in ranked if str(r[0]).endswith("末位")]
    assert bottom and [r[1] for r in bottom] == [u.unit for u in half.units if u.bottom]
    first = half.units[0]
    assert ranked[0][3:6] == [first.answered, first.resolved, first.unresolved]
    assert ranked[0][6] == pytest.approx(first.tenths / 10)
    ws_units = wb["化解情况成效表"]
    for n, u in enumerate(half.units, start=4):
        assert ws_units.cell(n, 1).fill.fgColor.rgb.endswith("FCE4D6") is u.bottom, u.unit
    unranked = [r for r in ranked if r[0] == "—"]
    assert unranked and all(r[3] == 0 for r in unranked)  # answered for nothing: not ranked

    categories = _values(wb["分类"])
    assert categories[2][:3] == ["来源渠道", "件数", "占比"]
    total = next(r[:2] for r in categories if r[0] == "合计")
    assert total == ["合计", half.current.items.received]
    paired = _values(wb["双联系单位责任表"])
    assert paired[2] == list(pc.PAIRED_HEADERS) and paired[4][0] == pc.NO_PAIRED
    notes = _values(wb["注"])
    terms = [row[1] for row in notes[3:]]
    assert terms == [term for term, _text in pc.footnotes(half)]


def test_the_township_has_its_stations_sheet(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    tw = built_township(
        _template_dirs[0], tmp_path_factory, tmp_path_factory.mktemp("period-xlsx-township") / "net"
    )
    try:
        t = tw.township.store
        out = documents.period(
            t, parse_period("2026-11", today=AFTER), tmp_path / "t.xlsx", today=AFTER
        )
    finally:
        tw.close()
    wb = load_workbook(tmp_path / "t.xlsx")
    assert tuple(wb.sheetnames) == TOWNSHIP_SHEETS
    rows = _values(wb["各站"])
    assert rows[2] == list(pc.STATION_HEADERS)
    # by hand (tests/helpers/township_data.py)
    assert rows[3][:5] == ["第1村群众工作站", 3, 2, 1, 1]
    assert rows[4][:5] == ["第2村群众工作站", 2, 1, 1, 0]
    assert rows[5][:5] == ["合计", 5, 3, 2, 1]
    # 一次办结 3/3 (the escalated B1 settled in one assignment), 按期 2/3, 满意 1/2
    assert rows[5][5:8] == [1, pytest.approx(2 / 3), pytest.approx(1 / 2)]
    assert out.current.items.received == 5 and len(out.stations) == 2


def test_documents_period_writes_either_and_records_it(demo: Store, tmp_path: Path) -> None:
    period = parse_period("2026-Q3", today=TODAY)
    demo.db.operator = Operator("op-1", "李秀英", Role.HEAD)
    try:
        with pytest.raises(ValidationError, match=r"\.pdf 或 \.xlsx") as refused:
            documents.period(demo, period, tmp_path / "r.docx", today=TODAY)
        assert refused.value.code == "report.format"
        assert not (tmp_path / "r.docx").exists()
        report = documents.period(demo, period, tmp_path / "r.XLSX", today=TODAY)
        assert load_workbook(tmp_path / "r.XLSX")["概况"]["A1"].value.endswith("2026年第三季度")
        assert report.period == period
        log = [e for e in entries(demo.db, action="export") if "民情报表" in e.what]
        assert (
            log[0].what == "民情报表 2026年第三季度"
            and log[0].count == report.current.items.received
        )
        demo.db.operator = Operator("op-2", "周查阅", Role.READER)
        with pytest.raises(PermissionDenied):
            documents.period(demo, period, tmp_path / "no.xlsx", today=TODAY)
        assert not (tmp_path / "no.xlsx").exists()
    finally:
        demo.db.operator = None


def test_a_station_code_at_a_station_is_refused(demo: Store, tmp_path: Path) -> None:
    period = parse_period("2026-Q3", today=TODAY)
    with pytest.raises(ValidationError):
        documents.period(demo, period, tmp_path / "s.xlsx", station_code="430121101299")
    assert not (tmp_path / "s.xlsx").exists()


def test_the_cadres_sheet(half: PeriodReport, tmp_path: Path) -> None:
    short = CadrePeriod(
        name="赵一",
        unit="镇党委",
        role="干部",
        category="乡驻村干部",
        rule="每月在村 ≥ 10 天",
        village_days=17,
        duty_days=3,
        difficult_households=0,
        assessed=True,
        months=(Month(2026, 7), Month(2026, 8)),
        shortfalls=((Month(2026, 8), ("在村 7 天，少于 10 天",)),),
        station="乡镇本级（包村：白沙村）",
    )
    member = CadrePeriod(
        "吴党员", "", "党员", "党员", "不考核在村天数", 2, 0, 0, False, (), (), station="白沙村"
    )
    township = dataclasses.replace(half, cadres=(short, member))
    wb = load_workbook(write_period_xlsx(township, tmp_path / "t.xlsx"))
    ws = wb[CADRES]
    rows = _values(ws)
    assert rows[2] == list(pc.CADRE_HEADERS)
    assert rows[3] == ["赵一", "乡驻村干部", "乡镇本级（包村：白沙村）", 17, 3, 2,
                       "8月：在村 7 天，少于 10 天", "不达标"]  # fmt: skip
    assert rows[4] == ["吴党员", "党员", "白沙村", 2, 0, "—", None, "不考核"]
    assert rows[6][0] == "干部 2 名，未达标 1 名。"
    assert ws.cell(4, 1).fill.fgColor.rgb.endswith("FCE4D6")  # 不达标 shaded
    assert not ws.cell(5, 1).fill.fgColor.rgb.endswith("FCE4D6")
    assert ws.print_title_rows == "$3:$3" and ws.freeze_panes == "A4"
    notes = [row[1] for row in _values(wb["注"])[3:]]
    assert {"考核月数", "未达标月份", "结论", "在村天数", "考核规则"} <= set(notes)
    # at a station: no 工作地点; no cadres: said
    station = _values(load_workbook(write_period_xlsx(half, tmp_path / "s.xlsx"))[CADRES])
    assert station[2] == [h for h in pc.CADRE_HEADERS if h != "工作地点"]
    assert len(station) - 5 == len(half.cadres)
    empty = dataclasses.replace(half, cadres=())
    rows = _values(load_workbook(write_period_xlsx(empty, tmp_path / "e.xlsx"))[CADRES])
    assert rows[-1][0] == pc.NO_CADRES
