import datetime as dt
from pathlib import Path

import pytest

from qunzhong_desktop.core.calendar_file import (
    Schedule,
    ScheduleDay,
    ScheduleError,
    parse_schedule,
    read_schedule,
)
from qunzhong_desktop.core.errors import ValidationError

D = dt.date
GOOD = """\
# 2027 年部分节假日安排（国务院办公厅通知）
年份 2027

2027-01-01 休 元旦
2027-02-06..2027-02-12 休 春节   # 初一是 2 月 6 日
2027-02-14 班 春节调休
"""


def test_parses_the_documented_example() -> None:
    schedule = parse_schedule(GOOD, source="2027.txt")
    assert schedule.years == (2027,)
    assert schedule.source == "2027.txt"
    assert [d.day for d in schedule.holidays()] == [D(2027, 1, 1)] + [
        D(2027, 2, n) for n in range(6, 13)
    ]
    assert schedule.makeup_days() == [ScheduleDay(D(2027, 2, 14), True, "春节调休")]
    assert schedule.holidays(2027)[0] == ScheduleDay(D(2027, 1, 1), False, "元旦")
    assert schedule.days[1].note == "春节" and schedule.days[1].line == 5
    assert schedule.holidays(2028) == []


def test_alternative_spellings() -> None:
    text = "\n".join(
        [
            "年份：２０２７",
            "２０２７－０１－０１　休　元旦",  # full-width digits, dash and space
            "2027/2/6 至 2027/2/8 off Spring Festival",
            "2027年2月9日~2027年2月10日 放假",
            "2027-02-11...2027-02-12 休息",
            "2027-02-14 work",
            "2027-02-20 上班",
            "2027-10-01 至2027-10-03 休 国庆节",
            "Year 2028",
            "2028-01-01 休",
        ]
    )
    schedule = parse_schedule(text)
    assert schedule.years == (2027, 2028)
    assert len(schedule.holidays(2027)) == 1 + 7 + 3
    assert [d.day for d in schedule.makeup_days()] == [D(2027, 2, 14), D(2027, 2, 20)]
    assert schedule.days[0].note == "元旦"
    assert schedule.holidays(2027)[1].note == "Spring Festival"


def test_several_years_on_one_line() -> None:
    schedule = parse_schedule("年份 2027、2028\n2027-01-01 休\n2028-01-01 休")
    assert schedule.years == (2027, 2028)


def test_kind_written_right_after_a_chinese_date() -> None:
    schedule = parse_schedule("年份 2027\n2027年1月1日休元旦")
    assert schedule.days == (ScheduleDay(D(2027, 1, 1), False, "元旦"),)


def test_holiday_on_a_weekend_is_accepted() -> None:
    schedule = parse_schedule("年份 2027\n2027-01-02 休 元旦（星期六）")
    assert schedule.days[0].day.weekday() == 5


def test_schedule_error_is_a_validation_error() -> None:
    assert issubclass(ScheduleError, ValidationError)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("2027-01-01 休", 0, "没有“年份”"),
        ("", 0, "没有“年份”"),
        ("# 只有注释\n\n", 0, "没有“年份”"),
        ("年份\n2027-01-01 休", 1, "没有写年份"),
        ("年份 27\n2027-01-01 休", 1, "“27”不是有效的年份"),
        ("年份 二〇二七\n2027-01-01 休", 1, "不是有效的年份"),
        ("年份 2027\n年份 2027\n2027-01-01 休", 2, "已在第 1 行写过"),
        ("年份 2027\n2027-01-01", 2, "缺少“休”或“班”"),
        ("年份 2027\n2027-01-01 放", 2, "“放”应为“休”"),
        ("年份 2027\n2027-02-30 休", 2, "“2027-02-30”不是有效的日期"),
        ("年份 2027\n2027-01-011 休", 2, "不是有效的日期"),
        ("年份 2027\n2027-13-01 休", 2, "不是有效的日期"),
        ("年份 2027\n元旦 2027-01-01 休", 2, "看不懂"),
        ("年份 2027\n2027-01-05..2027-01-01 休", 2, "早于开始日"),
        ("年份 2027\n2027-01-01..2027-03-01 休", 2, "超过 31 天"),
        ("年份 2027\n2027-01-04 班", 2, "星期一，本来就是工作日"),
        ("年份 2027\n2027-02-12..2027-02-14 班", 2, "星期五"),
        ("年份 2027\n2027-01-01 休\n2028-01-01 休 元旦", 3, "不在文件写明的年份（2027）内"),
        ("年份 2027\n2027-01-01 休\n2027-01-01 休", 3, "已在第 2 行写过"),
        ("年份 2027\n2027-02-06..2027-02-12 休\n2027-02-10 休", 3, "已在第 2 行写过"),
        ("年份 2027\n2027-02-14 班", 1, "2027 年没有写任何“休”"),
        ("年份 2027\n2027-01-01 休 " + "长" * 51, 2, "备注太长"),
    ],
)
def test_bad_input_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(text)
    error = caught.value
    assert error.code == "calendar.file"
    assert words in error.message
    assert error.data["problems"][0][0] == line
    if line:
        assert error.message.startswith(f"第 {line} 行：")
    assert "\n" not in error.message


def test_every_problem_is_listed_and_counted() -> None:
    text = "年份 2027\n2027-02-30 休\nhello\n2027-01-04 班\n2027-01-01 休"
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(text)
    problems = caught.value.data["problems"]
    assert [line for line, _ in problems] == [2, 3, 4]
    assert caught.value.message.endswith("（另有 2 处错误）")


def test_a_range_outside_the_year_is_reported_once() -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule("年份 2027\n2027-01-01 休\n2028-01-01..2028-01-03 休")
    assert len(caught.value.data["problems"]) == 1


def test_read_schedule_utf8_with_bom_and_gb18030(tmp_path: Path) -> None:
    utf8 = tmp_path / "2027.txt"
    utf8.write_bytes(GOOD.encode("utf-8-sig"))
    assert read_schedule(utf8).source == "2027.txt"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(GOOD.encode("gb18030"))
    assert isinstance(read_schedule(gbk), Schedule)
    assert read_schedule(gbk).makeup_days()[0].note == "春节调休"


def test_read_schedule_refuses_missing_binary_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(ScheduleError, match="无法读取"):
        read_schedule(tmp_path / "none.txt")
    binary = tmp_path / "x.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe")
    with pytest.raises(ScheduleError, match="不是文本文件"):
        read_schedule(binary)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"#" * 1_000_001)
    with pytest.raises(ScheduleError, match="太大"):
        read_schedule(huge)
