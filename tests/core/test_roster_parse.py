import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from qunzhong_desktop.core.roster.parse import ParsedRoster, load_roster, parse_roster
from qunzhong_desktop.core.roster.reader import RosterUnreadable, SheetData, read_sheets
from tests.helpers.roster_builder import (
    LI,
    ROWS,
    WANG_FANG,
    ZHANG,
    ZHAO,
    build_messy_roster,
    build_simple_roster,
    make_id,
)

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def messy_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_messy_roster(tmp_path_factory.mktemp("roster") / "花名册.xlsx")


def _check_messy(roster: ParsedRoster) -> None:
    assert roster.sheet == "花名册" and roster.header.row_index == 2
    rows = {row.name: row for row in roster.rows}
    assert [r.name for r in roster.rows] == list(ROWS)  # 合计, footer, blank row skipped
    assert {name: rows[name].row for name in ROWS} == ROWS
    assert roster.skipped == 3
    zhang, li, ming = rows["张建国"], rows["李秀兰"], rows["张小明"]
    assert zhang.id_number == ZHANG and zhang.phone == "13812345678"
    assert zhang.household_tags == ["低保户"] and zhang.grid == "第一网格"
    assert li.id_number == LI and li.relation == "配偶" and li.phone == "13812345679"
    assert li.tags == ["残疾人"] and not li.flags
    # merged household cells reach every member (or are filled down in .ods)
    assert {r.household_number for r in (zhang, li, ming)} == {"001"}
    assert ming.address == "白沙村一组 12 号" and ming.relation == "子女"
    assert ming.ok and ming.birth_date == dt.date(2024, 1, 5)
    assert any("身份证号" in f for f in ming.flags)
    wang = rows["王大山"]
    assert not wang.ok and "15 位" in wang.errors[0]
    fang = rows["王芳"]
    assert fang.ok and fang.id_number == WANG_FANG and fang.birth_date == dt.date(1962, 5, 15)
    assert len(fang.flags) == 2 and "出生日期" in fang.flags[0] and "12345" in fang.flags[1]
    zhao = rows["赵六"]
    assert zhao.id_number == ZHAO and zhao.gender == "女" and "性别" in zhao.flags[0]
    assert zhao.household_tags == ["特困供养(五保)"] and zhao.address == "白沙村三组 8号"
    qian, sun = rows["钱七"], rows["孙八"]
    assert not qian.ok and "校验位" in qian.errors[0]
    assert sun.household_number == "003" and sun.relation == "孙子女" and sun.tags == ["留守儿童"]


def test_messy_xlsx(messy_xlsx: Path) -> None:
    roster = load_roster(messy_xlsx)
    assert read_sheets(messy_xlsx)[1].merges  # the xlsx really has merged cells
    _check_messy(roster)


@pytest.mark.parametrize("name", ["roster_messy.xls", "roster_messy.ods"])
def test_messy_xls_and_ods(name: str) -> None:
    _check_messy(load_roster(DATA / name))


def test_ods_has_no_merge_info_so_rows_are_filled_down() -> None:
    sheets = read_sheets(DATA / "roster_messy.ods")
    assert sheets[1].merges is None
    assert load_roster(DATA / "roster_messy.ods").rows[2].household_number == "001"


def test_format_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    misnamed = tmp_path / "花名册.xlsx"
    shutil.copy(DATA / "roster_messy.ods", misnamed)
    assert len(load_roster(misnamed).rows) == len(ROWS)


def test_other_roster_sheets_are_named_in_warnings() -> None:
    sheet = SheetData("一组", [["户号", "姓名", "身份证号"], ["1", "甲", make_id("19800101")]])
    other = SheetData("二组", [["户号", "姓名", "身份证号"], ["2", "乙", make_id("19800102")]])
    roster = parse_roster([SheetData("封面", [["花名册"]]), sheet, other], "x.xlsx")
    assert roster.sheet == "一组" and len(roster.rows) == 1
    assert roster.warnings and "二组" in roster.warnings[0]


def test_file_level_rules(tmp_path: Path) -> None:
    a, b = make_id("19800101"), make_id("19810101")
    path = build_simple_roster(
        tmp_path / "r.xlsx",
        [
            ["1", "甲", "户主", a],
            ["1", "乙", "户主", b],  # second head
            ["2", "丙", "户主", a],  # same ID again
            ["2", "丁", "", ""],  # no relation: after the head, 其他 (flagged)
            ["2", "丁", "子女", ""],  # same household and name, no ID
            ["3", "", "户主", ""],  # no name
            ["", "戊", "户主", make_id("19820101")],  # no household number
            ["4", "己", "", ""],  # no relation, first of its household: the head
            ["5", "庚", "邻居", ""],  # unknown relation
        ],
    )
    rows = load_roster(path).rows
    assert "已有户主" in rows[1].errors[0]
    assert "重复" in rows[2].errors[0]
    assert rows[3].ok and rows[3].relation == "其他" and rows[3].flags
    assert "重复" in rows[4].errors[0]
    assert rows[5].errors == ["缺少姓名。"]
    assert rows[6].errors == ["缺少户号。"]
    assert rows[7].relation == "户主"
    assert rows[8].relation == "其他" and "邻居" in rows[8].flags[0]


def test_repeated_header_rows_are_skipped(tmp_path: Path) -> None:
    path = build_simple_roster(
        tmp_path / "r.xlsx",
        [["1", "甲", "户主", make_id("19800101")], ["户号", "姓名", "与户主关系", "身份证号"]],
    )
    roster = load_roster(path)
    assert [r.name for r in roster.rows] == ["甲"] and roster.skipped == 1


def test_unreadable_files(tmp_path: Path) -> None:
    cases: dict[str, bytes] = {
        "text.xlsx": "户号,姓名\n1,张三\n".encode(),
        "empty.xlsx": b"",
    }
    good = build_simple_roster(tmp_path / "good.xlsx", [["1", "甲", "户主", make_id("19800101")]])
    cases["truncated.xlsx"] = good.read_bytes()[:1500]
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(RosterUnreadable) as info:
            load_roster(tmp_path / name)
        assert info.value.message and "\n" not in info.value.message
    with pytest.raises(RosterUnreadable) as missing:
        load_roster(tmp_path / "nope.xlsx")
    assert missing.value.code == "roster.missing"
    # a zip that is not a workbook
    with zipfile.ZipFile(tmp_path / "zip.xlsx", "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(RosterUnreadable):
        load_roster(tmp_path / "zip.xlsx")


def test_no_header_is_unreadable(tmp_path: Path) -> None:
    path = build_simple_roster(tmp_path / "r.xlsx", [["1", "2"]], header=["编号", "数量"])
    with pytest.raises(RosterUnreadable) as info:
        load_roster(path)
    assert info.value.code == "roster.no_header" and "表头" in info.value.message
