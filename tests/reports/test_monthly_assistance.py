"""The 帮扶 section of the monthly report, from a real store (ledger village + 特困 households)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qunzhong_desktop.cli.report import report_json
from qunzhong_desktop.core.monthly.report import Month
from qunzhong_desktop.reports.fonts import FontNotFound, find_cjk_font
from qunzhong_desktop.reports.monthly_pdf import render_monthly_pdf
from qunzhong_desktop.reports.monthly_xlsx import write_monthly_xlsx
from tests.helpers.figures_data import add_poor
from tests.helpers.ledger_data import build
from tests.helpers.stations import copy_store

APRIL = Month(2026, 4)


@pytest.fixture
def font():  # type: ignore[no-untyped-def]
    try:
        return find_cjk_font()
    except FontNotFound:
        pytest.skip("no CJK font")


@pytest.fixture(scope="module")
def report(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """April's report of the village, built once: the tests only read it."""
    store = copy_store(_template_dirs[1], tmp_path_factory.mktemp("monthly-assistance"))
    try:
        add_poor(store, build(store))
        return store.reports.report_for(APRIL, today=dt.date(2026, 5, 2))
    finally:
        store.close()


def test_the_pdf_has_the_assistance_section(report, tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    out = render_monthly_pdf(report, tmp_path / "月报.pdf", font=font)
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", "")
    assert "帮扶工作" in text
    assert "本月新报需求" in text and "2,500 元" in text and "600 元" in text
    # 刘老汉 under 2,000 (1,500 received), 陈阿婆 above: not named
    assert "刘老汉" in text and "1,500" in text and "陈阿婆" not in text
    assert "屋顶漏雨需修缮" in text  # past its time limit
    assert "无人帮扶的困难户：0002 李奶奶" in text
    assert "平均分摊" in text  # the definitions in the footnotes


def test_the_workbook_has_the_assistance_sheet(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = load_workbook(write_monthly_xlsx(report, tmp_path / "月报.xlsx"))
    rows = [tuple(r) for r in wb["帮扶工作"].iter_rows(values_only=True)]
    cells = [str(c) for r in rows for c in r if c is not None]
    assert "资金" in cells and "2,500 元" in cells and "刘老汉" in cells
    assert "陈阿婆" not in cells
    overview = [str(c) for r in wb["概况"].iter_rows(values_only=True) for c in r if c]
    assert any("特困人员年度帮扶" in c for c in overview)


def test_json_has_the_assistance_figures(report) -> None:  # type: ignore[no-untyped-def]
    figures = report_json(report)
    aid = figures["assistance"]
    assert aid["needs"] == {"reported": 3, "checked": 1, "closed": 0, "open": 5, "overdue": 1}
    assert (aid["help"]["money_yuan"], aid["help"]["goods_yuan"]) == ("2,500", "600")
    assert aid["poor_under_threshold"] == [
        {"household": "0004", "name": "刘老汉", "received_yuan": "1,500", "received_fen": 150000}
    ]
    assert aid["unhelped_households"] == [{"household": "0002", "head": "李奶奶"}]
    assert "无人帮扶困难户" in figures["definitions"]
