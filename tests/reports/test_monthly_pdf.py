"""The monthly report PDF: the figures, the rates with their fractions, the footnotes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.monthly.report import DEFINITIONS, MonthlyReport, compute
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.monthly_output import ReportOutputError
from qunzhong_desktop.reports.monthly_pdf import render_monthly_pdf
from tests.helpers.monthly_data import CADRES, ITEMS, NOV, Weekdays


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


@pytest.fixture(scope="module")
def report() -> MonthlyReport:
    return compute(NOV, ITEMS, CADRES, calendar=Weekdays(), station_name="白沙村群众工作站")


def _text(path: Path) -> str:
    reader = PdfReader(path)
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_pdf_has_every_figure_and_the_definitions(
    report: MonthlyReport, font: CjkFont, tmp_path: Path
) -> None:
    out = render_monthly_pdf(report, tmp_path / "月报.pdf", font=font, today=dt.date(2026, 12, 1))
    text = _text(out)
    assert "民情月报" in text and "白沙村群众工作站" in text and "2026年11月" in text
    for figure in ("本月受理10件", "本月办结5件", "月末在办6件", "月末超期3件", "上报2次"):
        assert figure in text
    assert "60.0%（3/5）" in text  # first time
    assert "80.0%（4/5）" in text  # on time
    assert "75.0%（3/4）" in text  # satisfaction over the month's follow-ups
    assert "镇民政办" in text and "+0.7" in text
    assert "镇派出所" in text and "−0.6" in text
    for name in ("甲", "乙", "丙", "丁", "戊", "己"):
        assert name in text
    assert "结对困难户6户，多于5户" in text and "不考核" in text
    assert "3人未达标：乙、戊、己" in text
    assert "乡驻村干部：每月在村≥10天；坐班≥2天" in text  # the rules, after the table
    for term, definition in DEFINITIONS:
        assert "".join(f"{term}：{definition}".split()) in text
    assert "受理来源渠道分布" in text and "受理诉求类别" in text  # the two charts
    assert "来访4件（40.0%）" in text  # the pie's legend
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_font_is_embedded_on_every_page(
    report: MonthlyReport, font: CjkFont, tmp_path: Path
) -> None:
    reader = PdfReader(render_monthly_pdf(report, tmp_path / "m.pdf", font=font))
    assert len(reader.pages) <= 3
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]  # type: ignore[index]
        descriptors = [
            desc.get_object()["/FontDescriptor"].get_object()
            for ref in fonts.values()
            for desc in ref.get_object().get("/DescendantFonts", [ref])
            if "/FontDescriptor" in desc.get_object()
        ]
        assert descriptors and all("/FontFile2" in d for d in descriptors)
        names = {str(ref.get_object()["/BaseFont"]) for ref in fonts.values()}
        assert not any("Helvetica" in n or "Times" in n for n in names)
    assert reader.metadata is not None and "2026年11月" in str(reader.metadata.title)


def test_an_empty_month_shows_dashes(font: CjkFont, tmp_path: Path) -> None:
    empty = compute(NOV, [], [], calendar=Weekdays(), station_name="白沙村群众工作站")
    text = _text(render_monthly_pdf(empty, tmp_path / "empty.pdf", font=font))
    assert "—（0/0）" in text and "本月无受理事项" in text
    assert "本月没有交办给责任单位的事项" in text


def test_output_errors_are_explained(report: MonthlyReport, font: CjkFont, tmp_path: Path) -> None:
    with pytest.raises(ReportOutputError) as info:
        render_monthly_pdf(report, tmp_path / "missing" / "m.pdf", font=font)
    assert "不存在" in info.value.message
    with pytest.raises(ReportOutputError):
        render_monthly_pdf(report, tmp_path, font=font)
