import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from qunzhong_desktop.core.ledger import ITEM_COLUMNS, LedgerFilter
from qunzhong_desktop.reports.ledger_export import export_ledger
from qunzhong_desktop.reports.ledger_output import LedgerOutputError
from qunzhong_desktop.reports.ledger_xlsx import write_ledger_xlsx
from qunzhong_desktop.storage.store import Store
from tests.helpers.ledger_data import TODAY, build, sample
from tests.helpers.ui_built import built_store

# ledger_data's village written once per worker (tests/helpers/ui_built.py), a copy per test
store = built_store(build)


def test_workbook_is_ready_to_print(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    count = write_ledger_xlsx(
        out, title="白沙村群众工作站民情台账", period="2026-03-01 至 2026-03-31",
        columns=ITEM_COLUMNS, rows=iter(sample(120)), sheet_name="民情台账",
    )  # fmt: skip
    assert count == 120
    ws = load_workbook(out)["民情台账"]
    assert ws["A1"].value == "白沙村群众工作站民情台账（2026-03-01 至 2026-03-31）"
    assert "A1:T1" in {str(r) for r in ws.merged_cells.ranges}  # 20 columns
    assert [c.value for c in ws[2]] == [c.header for c in ITEM_COLUMNS]
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.column_dimensions["J"].width == 30  # 诉求内容
    assert ws["J3"].alignment.wrap_text and not ws["B3"].alignment.wrap_text
    assert ws["F3"].value == "138****5678"
    assert ws.max_row == 122
    assert ws["A122"].value == 120
    assert (ws.row_dimensions[6].height or 0) > 40  # row 4: five times the text, four lines


def test_unwritable_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerOutputError, match="不存在"):
        write_ledger_xlsx(tmp_path / "no" / "x.xlsx", title="t", period="", columns=ITEM_COLUMNS,
                          rows=[])  # fmt: skip
    with pytest.raises(LedgerOutputError, match="文件夹"):
        write_ledger_xlsx(tmp_path, title="t", period="", columns=ITEM_COLUMNS, rows=[])


def test_a_failure_leaves_no_partial_file(tmp_path: Path) -> None:
    def rows() -> object:
        yield from sample(3)
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        write_ledger_xlsx(tmp_path / "x.xlsx", title="t", period="", columns=ITEM_COLUMNS,
                          rows=rows())  # type: ignore[arg-type]  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_export_from_store(store: Store, tmp_path: Path) -> None:
    result = export_ledger(store, LedgerFilter(), tmp_path / "l.xlsx", today=TODAY)
    assert result.rows == 4
    ws = load_workbook(result.path).active
    assert ws is not None and str(ws["A1"].value).startswith("白沙村群众工作站民情台账（全部）")


@pytest.mark.skipif(
    not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice not installed"
)
def test_libreoffice_reads_the_workbook(store: Store, tmp_path: Path) -> None:
    out = export_ledger(store, LedgerFilter(), tmp_path / "ledger.xlsx", today=TODAY).path
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office is not None
    subprocess.run(
        [office, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
         str(out)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with (tmp_path / "ledger.csv").open(encoding="utf-8") as fh:
        lines = list(csv.reader(fh))
    assert lines[0][0].startswith("白沙村群众工作站民情台账")
    assert lines[1] == [c.header for c in ITEM_COLUMNS]
    assert len(lines) == 6
    assert lines[2][15] == "已协助补缴 3 年" and lines[2][5] == "138****5678"
