import datetime as dt

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.roster.columns import Field, field_of, find_header, header_key
from qunzhong_desktop.core.roster.values import (
    date_of,
    gender_of,
    id_text,
    relation_of,
    tags_of,
    text_of,
)
from tests.helpers.roster_builder import ZHANG, to_fullwidth


@pytest.mark.parametrize(
    "value",
    [1.10105194912310e17, float(ZHANG), 110105194912310000, "1.10105194912310E+17", 4.3e17],
)
def test_id_that_lost_digits_is_refused_never_guessed(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        id_text(value)
    assert info.value.code == "id.precision"
    assert "文本" in info.value.message


def test_id_as_text_or_exact_integer_is_kept() -> None:
    assert id_text(int(ZHANG)) == ZHANG
    assert id_text(to_fullwidth(ZHANG[:-1]) + " x ") == ZHANG[:-1] + "X"
    assert id_text(430121650302123.0) == "430121650302123"  # 15 digits: exact as a float
    assert id_text(None) == ""


@pytest.mark.parametrize(
    "value",
    [
        "1965.03.02",
        "1965年3月2日",
        "1965-3-2",
        "1965/03/02",
        "19650302",
        "１９６５．０３．０２",
        dt.date(1965, 3, 2),
        dt.datetime(1965, 3, 2, 0, 0),
    ],
)
def test_dates_as_cells_or_text(value: object) -> None:
    assert date_of(value) == dt.date(1965, 3, 2)


def test_bad_and_empty_dates() -> None:
    assert date_of("") is None and date_of(None) is None
    assert date_of("1965年3月") == dt.date(1965, 3, 1)
    with pytest.raises(ValidationError):
        date_of("1965-02-30")
    with pytest.raises(ValidationError):
        date_of("不详")


def test_gender_relation_and_tags_variants() -> None:
    assert gender_of(" 男性 ") == "男" and gender_of("F") == "女" and gender_of("") == ""
    with pytest.raises(ValidationError):
        gender_of("未知")
    assert relation_of("妻") == "配偶" and relation_of("长子") == "子女"
    assert relation_of("本人") == "户主" and relation_of("孙女") == "孙子女"
    assert relation_of("邻居") is None
    assert tags_of("低保、残疾，五保户; 留守儿童 无") == [
        "低保户",
        "残疾人",
        "特困供养(五保)",
        "留守儿童",
    ]
    assert tags_of("特困供养（五保）") == ["特困供养(五保)"]


def test_text_of_numbers_and_dates() -> None:
    assert text_of(13812345678.0) == "13812345678"
    assert text_of(1.5) == "1.5"
    assert text_of(dt.date(2024, 1, 5)) == "2024-01-05"
    assert text_of("\u3000张\u00a0三 ") == "张 三"


def test_header_variants_in_any_order_after_title_rows() -> None:
    rows: list[list[object]] = [
        ["某村花名册", "", ""],
        ["填报单位：某村", "", ""],
        ["备注", "联系方式", "身份证号码（18位）*", "户主", "家庭成员姓名", "户编号", "所属网格"],
    ]
    header = find_header(rows)
    assert header is not None and header.row_index == 2
    assert header.columns[Field.ID_NUMBER] == 2
    assert header.columns[Field.NAME] == 4
    assert header.columns[Field.HEAD_NAME] == 3
    assert header.columns[Field.HOUSEHOLD_NUMBER] == 5
    assert header.columns[Field.PHONE] == 1 and header.columns[Field.GRID] == 6
    assert header_key(" 身份证号码(必填)： ") == "身份证号码"
    assert field_of("公民身份号码") is Field.ID_NUMBER and field_of("错误原因") is None


def test_head_name_is_the_name_when_there_is_no_name_column() -> None:
    header = find_header([["户号", "户主姓名", "身份证号", "住址"]])
    assert header is not None and header.columns[Field.NAME] == 1


def test_a_title_alone_is_not_a_header() -> None:
    assert find_header([["姓名花名册"], ["姓名", "性别"], ["合计"]]) is None
