from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.storage.store import open_store
from tests.helpers.ledger_data import build


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    home = tmp_path / "home"
    assert main(
        ["init", "station", "--home", str(home), "--code", "430121101201", "--name",
         "白沙村群众工作站", "--township-code", "430121101", "--township-name", "白沙镇"]
    ) == 0  # fmt: skip
    store = open_store(home)
    try:
        build(store)
    finally:
        store.close()
    capsys.readouterr()
    return home


def test_items_to_xlsx_with_period(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "items.xlsx"
    code = main(["ledger", "--home", str(home), "--kind", "items", "--out", str(out),
                 "--from", "2026-04-01", "--to", "2026-04-30"])  # fmt: skip
    assert code == 0
    assert "民情台账：2 行" in capsys.readouterr().out
    ws = load_workbook(out).active
    assert ws is not None and ws.max_row == 4
    assert "2026-04-01 至 2026-04-30" in str(ws["A1"].value)


def test_support_to_pdf(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "support.pdf"
    assert main(["ledger", "--home", str(home), "--kind", "support", "--out", str(out)]) == 0
    assert "困难群众帮扶台账" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--out", "x.csv"], "不支持的文件类型"),
        (["--out", "x.xlsx", "--from", "2026-13-01"], "日期"),
        (["--out", "x.xlsx", "--from", "2026-05-01", "--to", "2026-04-01"], "起始日期晚于"),
        (["--out", "/nonexistent-dir/x.xlsx"], "不存在"),
    ],
)
def test_errors_are_one_line(home: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
                             message: str) -> None:  # fmt: skip
    assert main(["ledger", "--home", str(home), "--kind", "items", *extra]) == 1
    assert message in capsys.readouterr().err
