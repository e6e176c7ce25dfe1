from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.ledger import ITEM_COLUMNS, SUPPORT_COLUMNS, SupportFilter
from qunzhong_desktop.reports.fonts import CjkFont, FontNotFound, find_cjk_font
from qunzhong_desktop.reports.ledger_export import export_ledger
from qunzhong_desktop.reports.ledger_pdf import write_ledger_pdf
from qunzhong_desktop.storage.store import Store
from tests.helpers.assistance_data import checked_need
from tests.helpers.ledger_data import TODAY, Village, build, sample
from tests.helpers.ui_built import built_store, built_value

# ledger_data's village written once per worker (tests/helpers/ui_built.py), a copy per test
store = built_store(build)
village = built_value(build)


@pytest.fixture(scope="module")
def font():  # type: ignore[no-untyped-def]
    try:
        return find_cjk_font()
    except FontNotFound:
        pytest.skip("no CJK font")


@pytest.mark.slow
def test_long_ledger_repeats_the_header_on_every_page(tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    # 140 rows make ~21 pages: every page's header and 第 n 页，共 N 页 are read (pypdf's text
    # extraction is most of the time: 700 rows made 106 pages and ten seconds of CPU)
    out = tmp_path / "l.pdf"
    count = write_ledger_pdf(
        out, title="白沙村群众工作站民情台账", period="2026-03-01 至 2026-03-31",
        columns=ITEM_COLUMNS, rows=iter(sample(140)), font=font,
    )  # fmt: skip
    assert count == 140
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
    assert "430121101201-2026-00140" in texts[-1]


def test_support_ledger_pdf_from_store(store: Store, tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    result = export_ledger(store, SupportFilter(), tmp_path / "s.pdf")
    assert result.rows == 3
    text = PdfReader(result.path).pages[0].extract_text()
    assert "困难群众帮扶台账" in text and "帮扶责任人" in text and "孙超峰" in text
    assert all(c.header in text for c in SUPPORT_COLUMNS)


def test_support_ledger_names_the_person_helped(
    store: Store, village: Village, tmp_path: Path, font: CjkFont
) -> None:
    [household] = store.assistance.households([village.tagged])
    child = household.members[1]
    store.assistance.save(
        AssistanceRecord(
            household_id=village.tagged, given_on=TODAY, helping_unit="村两委", helper="孙超峰",
            content="送学习用品", target="安全健康成长", person_id=child.id,
            need_id=checked_need(store, village.tagged, day=TODAY),
        ),
        today=TODAY,
    )  # fmt: skip
    result = export_ledger(store, SupportFilter(), tmp_path / "s.pdf")
    assert result.rows == 4
    text = PdfReader(result.path).pages[0].extract_text()
    assert "帮扶对象" in text and "帮扶目标" in text
    flat = text.replace("\n", "")  # a cell's text wraps inside its column
    assert "王小妹" in flat and "安全健康成长" in flat and "王大爷户" in flat
    assert all(c.header in text for c in SUPPORT_COLUMNS)  # each header on one line
    sheet = load_workbook(export_ledger(store, SupportFilter(), tmp_path / "s.xlsx").path).active
    assert sheet is not None
    rows = [[str(c.value or "") for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if "帮扶对象" in r)
    column = header.index("帮扶对象")
    assert header[column + 4] == "帮扶目标"
    assert [r[column] for r in rows[rows.index(header) + 1 :] if r[1] == "0001"] == [
        "王大爷户", "王大爷户", "王小妹",
    ]  # fmt: skip


def test_empty_ledger_still_prints_its_header(tmp_path: Path, font) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "e.pdf"
    assert (
        write_ledger_pdf(out, title="t", period="全部", columns=ITEM_COLUMNS, rows=[], font=font)
        == 0
    )
    assert "（无记录）" in PdfReader(out).pages[0].extract_text()
