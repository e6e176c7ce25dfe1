"""Rosters as villages keep them, built with openpyxl for the roster import tests.

``python -m tests.helpers.roster_builder`` rewrites ``tests/data/roster_messy.xlsx`` and, with
LibreOffice, the ``.xls`` and ``.ods`` copies the tests read (CI has no LibreOffice).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

from qunzhong_desktop.core.citizen_id import check_digit

DATA = Path(__file__).parents[1] / "data"


def make_id(birth: str, seq: str = "123", area: str = "430121") -> str:
    """A valid 18-character ID number for a birth date ``YYYYMMDD`` and a sequence."""
    first17 = area + birth + seq
    return first17 + check_digit(first17)


ZHANG = make_id("19580301", "011")  # 男 (odd 17th digit)
LI = make_id("19650302", "022")  # 女
WANG = make_id("19600101", "031")
WANG_FANG = make_id("19620515", "042")  # 女
ZHAO = make_id("19700707", "052")  # 女, the roster says 男
QIAN_BAD = ZHAO[:17] + ("0" if ZHAO[17] != "0" else "1")  # wrong check digit


def to_fullwidth(text: str) -> str:
    """ASCII digits and letters as full-width forms (what some input methods type)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


HEADER = [
    "序号", "户号", "户主姓名", "姓名", "与户主关系", "性别", "公民身份号码",
    "出生年月", "手机号码", "住址", "所属网格", "重点人群", "备注",
]  # fmt: skip

# Excel rows (1-based) of the people in the messy roster.
ROWS = {
    "张建国": 4, "李秀兰": 5, "张小明": 6, "王大山": 7, "王芳": 8,
    "赵六": 10, "钱七": 11, "孙八": 12,
}  # fmt: skip


def build_messy_roster(path: Path) -> Path:
    """Every mess at once: a notes sheet first, title and 填报单位 rows, variant headers
    in odd order, merged household cells, numeric IDs (one that lost digits), date cells and
    date text, full-width characters and stray spaces, an empty row, fill-down without
    merges, a 合计 row, a footer and an extra sheet at the end.
    """
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["身份证号请设为文本格式"])
    ws = wb.create_sheet("花名册")
    ws.append(["白沙村 2024 年群众花名册"])
    ws.merge_cells("A1:M1")
    ws.append(
        [
            "填报单位：白沙村村民委员会（盖章）",
            None,
            None,
            None,
            None,
            None,
            "填报日期：2024年3月1日",
        ]
    )
    ws.append([f" {h} " if h == "姓名" else h for h in HEADER])
    # household 001: household cells merged over three members
    ws.append(
        [
            1,
            "001",
            "张建国",
            "张 建国",
            "户主",
            "男",
            to_fullwidth(ZHANG),
            dt.date(1958, 3, 1),
            13812345678,
            "白沙村一组 12 号",
            "第一网格",
            "低保",
            "",
        ]
    )
    ws.append(
        [
            2,
            None,
            None,
            "李秀兰",
            "妻",
            "女",
            LI.lower()[:-1] + LI[-1].lower(),
            "1965.03.02",
            "138 1234 5679",
            None,
            None,
            "残疾",
            "",
        ]
    )
    ws.append(
        [3, None, None, "张小明", "长子", "男", "", "2024年1月5日", "", None, None, "", "新生儿"]
    )
    for col in "BCJK":
        ws.merge_cells(f"{col}4:{col}6")
    # household 002: ID stored as a number that lost its last digits; doubtful values
    ws.append(
        [
            4,
            "002",
            "王大山",
            "王大山",
            "户主",
            "男",
            float(WANG),
            dt.date(1960, 1, 1),
            "13900001111",
            "白沙村二组 3 号",
            "第二网格",
            "",
            "",
        ]
    )
    ws.append(
        [5, None, None, "王芳", "配偶", "女", WANG_FANG, "1970-3-2", "12345", None, None, "", ""]
    )
    for col in "BCJK":
        ws.merge_cells(f"{col}7:{col}8")
    ws.append([None] * 13)
    # household 003: no merges, household cells only on the head's row (fill-down)
    ws.append(
        [
            6,
            "003",
            "赵六",
            "赵六",
            "户主",
            "男",
            ZHAO,
            None,
            "0731-84561234",
            "白沙村三组\u3000８号",
            "第二网格",
            "五保户",
            "",
        ]
    )
    ws.append([7, None, None, "钱七", "儿子", "男", QIAN_BAD, None, "", None, None, "", ""])
    ws.append(
        [8, None, None, "孙八", "孙女", "女", "", "2015-06-01", "", None, None, "留守儿童", ""]
    )
    ws.append(["合计", None, None, "共 8 人"])
    ws.append(["制表人：李秀英"])
    summary = wb.create_sheet("统计")
    summary.append(["组别", "户数", "人数"])
    summary.append(["一组", 1, 3])
    wb.save(path)
    return path


def build_simple_roster(
    path: Path, rows: list[list[object]], header: list[str] | None = None
) -> Path:
    """A plain roster: one header row then the given rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(header or ["户号", "姓名", "与户主关系", "身份证号", "联系电话", "家庭住址", "网格"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _convert(source: Path, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["libreoffice", "--headless", "--convert-to", fmt, "--outdir", out, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.copy(Path(out) / f"{source.stem}.{fmt}", DATA / f"{source.stem}.{fmt}")


if __name__ == "__main__":
    messy = build_messy_roster(DATA / "roster_messy.xlsx")
    for fmt in ("xls", "ods"):
        _convert(messy, fmt)
    sys.stdout.write("rewrote roster_messy.xlsx/.xls/.ods\n")
