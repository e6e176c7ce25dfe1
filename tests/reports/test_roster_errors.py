from pathlib import Path

from openpyxl import load_workbook

from qunzhong_desktop.reports.roster_errors import write_error_report
from qunzhong_desktop.storage.roster_import import import_roster
from qunzhong_desktop.storage.store import Store
from tests.helpers.roster_builder import HEADER, QIAN_BAD, ROWS, WANG, build_messy_roster, make_id


def test_report_has_the_roster_header_and_a_reason_column(store: Store, tmp_path: Path) -> None:
    plan = import_roster(store.db, build_messy_roster(tmp_path / "花名册.xlsx"))
    path = write_error_report(plan, tmp_path / "out" / "错误报告.xlsx")
    ws = load_workbook(path).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == [*HEADER, "错误原因"]
    assert len(rows) == 3
    wang, qian = rows[1], rows[2]
    # household cells are filled in (the roster had them merged), IDs are text
    assert wang[1] == "002" and wang[2] == "王大山" and wang[3] == "王大山"
    assert wang[6] == "4.30121196001E+17" or str(wang[6]).endswith("E+17")
    assert qian[1] == "003" and qian[6] == QIAN_BAD
    assert str(wang[-1]).startswith(f"原第 {ROWS['王大山']} 行") and "15 位" in str(wang[-1])
    assert "校验位" in str(qian[-1])
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    assert ws.column_dimensions["G"].width >= 20  # the ID column is readable
    assert ws.column_dimensions["N"].width >= 40  # the reason column too
    assert ws["G2"].number_format == "@"


def test_corrected_report_imports_again(store: Store, tmp_path: Path) -> None:
    plan = import_roster(store.db, build_messy_roster(tmp_path / "花名册.xlsx"))
    path = write_error_report(plan, tmp_path / "错误报告.xlsx")
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None
    # still wrong: importing the uncorrected report rejects the same people
    again = import_roster(store.db, path)
    assert len(again.rejected) == 2 and again.summary()["persons"]["created"] == 0
    # the clerk types the IDs in full, as text
    ws["G2"] = WANG
    ws["G3"] = make_id("19950101", "053")
    wb.save(path)
    fixed = import_roster(store.db, path).summary()
    assert fixed["rejected"] == []
    assert fixed["persons"] == {"created": 2, "updated": 0}
    # household 002 now gets its head's phone (the head was the rejected row)
    assert fixed["households"] == {"created": 0, "updated": 1}
    assert store.register.count_households() == 3
    rows = store.register.household_rows(store.register.search_households("王大山"))
    assert rows[0].head_name == "王大山" and rows[0].members == 2


def test_report_of_a_report_keeps_one_reason_column(store: Store, tmp_path: Path) -> None:
    plan = import_roster(store.db, build_messy_roster(tmp_path / "花名册.xlsx"))
    first = write_error_report(plan, tmp_path / "1.xlsx")
    second = write_error_report(import_roster(store.db, first), tmp_path / "2.xlsx")
    ws = load_workbook(second).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    assert header.count("错误原因") == 1 and header[:-1] == HEADER
