from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.ledger import ITEM_COLUMNS, SUPPORT_COLUMNS, SupportFilter
from qunzhong_desktop.reports.fonts import FontNotFound, find_cjk_font
from qunzhong_desktop.reports.ledger_export import export_ledger
from qunzhong_desktop.reports.ledger_pdf import write_ledger_pdf
from qunzhong_desktop.storage.store import Store
from tests.helpers.ledger_data import build, sample


@pytest.fixture(scope="module")
def font():  # type: ignore[no-untyped-def]
    try:
        return find_cjk_font()
    except FontNotFound:
        pytest.skip("no CJK font")


@pytest.mark.slow
def test_long_ledger_repeats_the_header_on_every_page(tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "l.pdf"
    count = write_ledger_pdf(
        out, title="白沙村群众工作站民情台账", period="2026-03-01 至 2026-03-31",
        columns=ITEM_COLUMNS, rows=iter(sample(700)), font=font,
    )  # fmt: skip
    assert count == 700
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages > 10
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    texts = [page.extract_text() for page in reader.pages]
    assert (
        "白沙村群众工作站民情台账" in texts[0] and "统计期间：2026-03-01 至 2026-03-31" in texts[0]
    )
    for number, text in enumerate(texts, start=1):
        assert "诉求内容" in text and "办理情况" in text and "销号日期" in text
        assert f"第 {number} 页，共 {pages} 页" in text
    assert "430121101201-2026-00700" in texts[-1]


def test_support_ledger_pdf_from_store(store: Store, tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    build(store)
    result = export_ledger(store, SupportFilter(), tmp_path / "s.pdf")
    assert result.rows == 3
    text = PdfReader(result.path).pages[0].extract_text()
    assert "困难群众帮扶台账" in text and "帮扶责任人" in text and "孙超峰" in text
    assert all(c.header in text for c in SUPPORT_COLUMNS)


def test_empty_ledger_still_prints_its_header(tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "e.pdf"
    assert (
        write_ledger_pdf(out, title="t", period="全部", columns=ITEM_COLUMNS, rows=[], font=font)
        == 0
    )
    assert "（无记录）" in PdfReader(out).pages[0].extract_text()
