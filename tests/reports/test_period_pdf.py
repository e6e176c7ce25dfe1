"""The report over any period as a PDF: read back with pypdf, figure by figure.

A demo station (a year and a half of items) gives a half-year with every comparison and a
ranking with its last place; the township of :mod:`tests.helpers.township_data` gives the
rows per station (its November figures worked out by hand there); a period without data
still renders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.monthly.period import parse_period
from qunzhong_desktop.core.monthly.period_report import PeriodReport
from qunzhong_desktop.core.units import Unit
from qunzhong_desktop.reports import period_common as pc
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.monthly_output import ReportOutputError
from qunzhong_desktop.reports.period_pdf import render_period_pdf
from tests.helpers import period_data
from tests.helpers.reports_built import period_demo
from tests.helpers.reports_built import township as built_township
from tests.helpers.township_data import AFTER, TOWNSHIP_NAME

SINCE = dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


@pytest.fixture(scope="module")
def reports(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, PeriodReport]]:
    """The demo station's 2026-H2 (since July 2025) and an empty 2030-Q1."""
    store = period_demo(_template_dirs[1], tmp_path_factory, tmp_path_factory.mktemp("pd") / "demo")
    today = period_data.TODAY

    def report(code: str, since: dt.date | None = None) -> PeriodReport:
        period = parse_period(code, today=today)
        return store.period_reports.period_report(period, today=today, since=since)

    yield {"half": report("2026-H2", SINCE), "empty": report("2030-Q1")}
    store.close()


@pytest.fixture(scope="module")
def township_report(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PeriodReport]:
    """The township's November 2026, a county unit paired with the first village."""
    tw = built_township(
        _template_dirs[0], tmp_path_factory, tmp_path_factory.mktemp("period-township") / "net"
    )
    try:
        t = tw.township.store
        t.units.add(Unit("县农业农村局", level="县直", kind="双联系单位"))
        t.units.pair("县农业农村局", [tw.one.store.register.station().code])  # type: ignore[union-attr]
        yield t.period_reports.period_report(parse_period("2026-11", today=AFTER), today=AFTER)
    finally:
        tw.close()


def _text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _flat(text: str) -> str:
    return "".join(text.split())


def test_a_half_year_beside_the_half_before_and_a_year_before(
    reports: dict[str, PeriodReport], font: CjkFont, tmp_path: Path
) -> None:
    report = reports["half"]
    out = render_period_pdf(report, tmp_path / "报表.pdf", font=font, today=period_data.TODAY)
    text = _text(out)
    assert "白沙村群众工作站民情报表" in text and "2026年下半年（截至11月20日）" in text
    for head in pc.COMPARISON_HEADERS:
        assert head in text
    assert "2026年上半年" in text and "2025年下半年" in text  # the periods compared
    for row in pc.comparison_rows(report):
        assert _flat("".join(row)) in text, row
    received = next(c for c in report.comparisons if c.key == "received")
    assert received.previous.other == report.previous.items.received > 0
    assert received.year_before.other == report.year_before.items.received > 0
    assert "%）" in received.previous.text  # Δ with its percentage
    rate = next(c for c in report.comparisons if c.key == "satisfaction")
    assert "个百分点" in rate.previous.text and _flat(rate.previous.text) in text
    assert _flat(pc.cumulative_text(report)) in text
    assert "2025-07-01" in text and report.cumulative.combed > report.current.items.received
    # the ranking: every unit, the last place marked and named under the table
    bottom = [u for u in report.units if u.bottom]
    assert bottom and all(_flat(f"{u.rank}末位{u.unit}") in text for u in bottom)
    assert "化解情况成效表" in text and "双联系单位责任表" in text
    assert "受理来源渠道分布" in text and "受理诉求类别" in text  # the charts
    for term, definition in pc.footnotes(report):
        assert _flat(f"{term}：{definition}") in text
    assert "期末在办：按流转记录回放到期末最后一刻" in text  # a monthly definition, of a period
    reader = PdfReader(out)
    assert reader.metadata is not None
    assert reader.metadata.title == "白沙村群众工作站 民情报表 2026年下半年（截至 11月20日）"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.fixture(scope="module")
def half_pdf(
    reports: dict[str, PeriodReport], font: CjkFont, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[str]]:
    """The station's half year rendered as a user's 导出 does (today's date), and each page's
    text without spaces: two tests read the same file."""
    path = render_period_pdf(reports["half"], tmp_path_factory.mktemp("half") / "r.pdf", font=font)
    return path, ["".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_headers_repeat_on_the_next_page(half_pdf: tuple[Path, list[str]]) -> None:
    path, pages = half_pdf
    reader = PdfReader(path)
    assert len(pages) >= 3
    # the units' table runs over a page: its header row starts the next page too
    ranked = [n for n, page in enumerate(pages) if "排名单位层级负责事项" in page]
    assert len(ranked) >= 2, "the 化解情况成效表 header should repeat"
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]  # type: ignore[index]
        names = {str(ref.get_object()["/BaseFont"]) for ref in fonts.values()}
        assert not any("Helvetica" in n or "Times" in n for n in names)


def test_a_period_without_data(
    reports: dict[str, PeriodReport], font: CjkFont, tmp_path: Path
) -> None:
    report = reports["empty"]
    assert report.current.items.received == 0
    text = _text(render_period_pdf(report, tmp_path / "e.pdf", font=font))
    assert "2030年第一季度" in text and "本期无受理事项" in text
    assert "受理000" in text  # 本期, 上期, 比上期 all nothing
    assert "一次办结率—（0/0）—（0/0）—" in text


def test_the_township_with_a_row_per_station(
    township_report: PeriodReport, font: CjkFont, tmp_path: Path
) -> None:
    report = township_report
    assert [name for _c, name, _f in report.stations] == ["第1村群众工作站", "第2村群众工作站"]
    text = _text(render_period_pdf(report, tmp_path / "t.pdf", font=font, today=AFTER))
    assert f"{TOWNSHIP_NAME}民情报表" in text and "全乡镇2个工作站" in text
    assert "各工作站情况" in text
    # the hand-worked figures (tests/helpers/township_data.py): 3 + 2 received, 2 + 1 resolved
    assert "第1村群众工作站3211" in text and "第2村群众工作站2110" in text
    assert "合计5321" in text
    assert _flat("民政办") in text and "+1.0" in text  # B1 resolved after the assignment
    assert "县农业农村局" in text and "第1村群众工作站" in text  # its village, by name
    assert "受理5" in text


def test_an_unwritable_place_is_refused(
    reports: dict[str, PeriodReport], font: CjkFont, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ReportOutputError):
        render_period_pdf(reports["empty"], blocker / "r.pdf", font=font)
    assert blocker.read_text() == "x"


def test_the_cadres_over_the_period(
    township_report: PeriodReport,
    reports: dict[str, PeriodReport],
    half_pdf: tuple[Path, list[str]],
    font: CjkFont,
    tmp_path: Path,
) -> None:
    report = township_report
    # 赵一 and 钱二: one duty day on 16 November, on the register since: November is short
    assert [c.verdict for c in report.cadres] == ["不达标", "不达标"]
    text = _text(render_period_pdf(report, tmp_path / "c.pdf", font=font, today=AFTER))
    assert "干部民情日记" in text and _flat("".join(pc.CADRE_HEADERS)) in text
    for cadre in report.cadres:
        row = pc.cadre_values(report, cadre)
        assert _flat("".join(str(v) for v in row[:3])) in text, row
        assert _flat(cadre.remarks) in text
    assert "11月：在村1天，少于10天，坐班1天，少于2天" in text
    assert "干部2名，未达标2名。" in text
    for term, definition in pc.footnotes(report)[-8:]:  # the cadres' and the days' terms
        assert _flat(f"{term}：{definition}") in text
    assert "以表后所列规则为准" not in text  # no rule table follows the period's report
    # at a station no 工作地点 column
    station = reports["half"]
    assert station.cadres and not pc.cadres_at_township(station)
    headers = pc.cadre_headers(station)
    assert "工作地点" not in headers
    plain = "".join(half_pdf[1])  # the same report rendered the same way
    assert _flat("".join(headers)) in plain
    # a report without cadres says so, and leaves their footnotes out
    empty = dataclasses.replace(station, cadres=())
    assert not any(term == "考核月数" for term, _d in pc.footnotes(empty))
    assert pc.NO_CADRES in _text(render_period_pdf(empty, tmp_path / "e.pdf", font=font))
