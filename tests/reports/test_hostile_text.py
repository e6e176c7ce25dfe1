"""Text that broke the printouts and the terminal (issue 10, case 6).

Control characters (typed, pasted or synced by an older version) made every .xlsx ledger
export crash; one very long content made the ledger PDF crash; text starting with ``=`` went
into the workbook as a live formula; ``items list`` printed terminal escapes raw.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.ledger import ITEM_COLUMNS
from qunzhong_desktop.home import database_path
from qunzhong_desktop.reports.fonts import FontNotFound, find_cjk_font
from qunzhong_desktop.reports.ledger_pdf import write_ledger_pdf
from qunzhong_desktop.reports.ledger_xlsx import write_ledger_xlsx
from qunzhong_desktop.storage.store import Store
from tests.helpers.ledger_data import sample

HOSTILE = [
    "咨询\x07养老\x1b[31m保险\x00补缴\u202e",
    '=HYPERLINK("http://evil.example/","点我")',
    "+1234",
    "@SUM(A1:A2)",
    "-2+3",
]


def _rows() -> list[tuple[object, ...]]:
    rows = sample(len(HOSTILE))
    return [(*row[:9], text, *row[10:]) for row, text in zip(rows, HOSTILE, strict=True)]


def test_the_xlsx_ledger_keeps_hostile_text_as_plain_text(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    assert write_ledger_xlsx(
        out, title="台账", period="", columns=ITEM_COLUMNS, rows=iter(_rows()), sheet_name="台账"
    ) == len(HOSTILE)  # fmt: skip
    ws = load_workbook(out)["台账"]
    contents = [ws.cell(3 + n, 10) for n in range(len(HOSTILE))]
    assert contents[0].value == "咨询养老[31m保险补缴"  # the controls are gone, nothing else
    for cell, text in zip(contents[1:], HOSTILE[1:], strict=True):
        assert cell.value == text and cell.data_type == "s"  # text, not a formula
        assert cell.quotePrefix
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_a_very_long_content_still_prints(tmp_path: Path) -> None:
    try:
        font = find_cjk_font()
    except FontNotFound:
        pytest.skip("no CJK font")
    rows = sample(3)
    rows[1] = (*rows[1][:4], "长" * 33_000, *rows[1][5:9], "诉求" * 20_000, *rows[1][10:])
    out = tmp_path / "长.pdf"
    assert write_ledger_pdf(out, title="台账", period="", columns=ITEM_COLUMNS,
                            rows=iter(rows), font=font) == 3  # fmt: skip
    pages = PdfReader(out).pages
    text = "".join(page.extract_text() for page in pages).replace("\n", "").replace(" ", "")
    assert "全文见系统" in text and "430121101201-2026-00003" in text
    assert len(pages) <= 3  # cut to fit, not 33,000 characters across dozens of pages


def test_items_list_never_sends_terminal_escapes(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store.items.register_item(
        NewItem("来访", "其他", "B", "承诺件", "咨询", "王大爷"), actor="站务员"
    )
    store.close()
    # as a 0.1.0 database may hold it (that version checked nothing)
    with sqlite3.connect(database_path(store.home)) as conn:
        conn.execute(
            "UPDATE intake_item SET requester_name = ?", ("清屏\x1b[2J\x1b]0;伪造标题\x07响铃",)
        )
    assert main(["items", "list", "--home", str(store.home)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "清屏" in out


def test_forms_and_the_store_refuse_a_33000_character_name(store: Store) -> None:
    from qunzhong_desktop.core.entities import Grid, Household, Person
    from qunzhong_desktop.core.errors import ValidationError
    from qunzhong_desktop.core.register import HouseholdInvalid

    with pytest.raises(HouseholdInvalid) as caught:
        store.register.save_household(Household(number="001", members=[Person(name="张" * 33_000)]))
    assert "姓名最多 50 个字" in caught.value.message
    with pytest.raises(ValidationError) as caught_item:
        store.items.register_item(
            NewItem("来访", "其他", "B", "承诺件", "诉" * 5_000, "王大爷"), actor="站务员"
        )
    assert caught_item.value.data["field"] == "content"
    with pytest.raises(ValidationError) as too_long:  # no form checks a grid's name length
        store.register.save_grid(Grid(name="网" * 300))
    assert too_long.value.code == "storage.too_long" and "网格" in too_long.value.message
    assert store.register.grids() == []
