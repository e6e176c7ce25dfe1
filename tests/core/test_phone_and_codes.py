from typing import Any

import pytest

from qunzhong_desktop.core import phone, regions
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean, compact


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0731-84561234", "0731-84561234"),
        ("073184561234", "0731-84561234"),
        ("010-12345678", "010-12345678"),
        ("(020)87654321", "020-87654321"),
        ("0731-8456123转201", "0731-8456123转201"),
    ],
)
def test_phone_normalise(raw: str, expected: str) -> None:
    assert phone.normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        ("84561234", "phone.no_area_code", "缺少区号"),
        ("1381234567", "phone.mobile_short", "只有 10 位"),  # cut off, not a landline
        ("13812345", "phone.mobile_short", "只有 8 位"),  # was "缺少区号"
        ("138123456789", "phone.mobile_long", "有 12 位"),
        ("0731-845612", "phone.landline_short", "现在只有 6 位"),  # was "缺少区号"
        ("0731-845612345", "phone.landline_long", "现在有 9 位"),
        ("845612", "phone.too_short", "只有 6 位"),
        ("12345", "phone.hotline", "服务热线"),  # not as a resident's phone
        ("23812345678", "phone.invalid", "11 位"),
        ("电话", "phone.invalid", "只能有数字"),
    ],
)
def test_phone_refused_saying_what_is_wrong(raw: str, code: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        phone.normalise(raw)
    assert info.value.code == code
    assert words in info.value.message and raw in info.value.message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12345", "12345"), ("12388", "12388"), ("0731-12345", "0731-12345"), ("96111", "96111")],
)
def test_hotlines_are_supervision_and_township_phones(raw: str, expected: str) -> None:
    assert phone.normalise(raw, hotline=True) == expected
    assert phone.normalise("0731-84561234", hotline=True) == "0731-84561234"


def test_a_station_profile_takes_a_hotline_for_supervision() -> None:
    from qunzhong_desktop.core.entities import StationProfile
    from qunzhong_desktop.storage.setup import check_profile

    profile = StationProfile(
        code="430121101201", name="新塘村群众工作站", township_code="430121101",
        township_name="白沙镇", supervision_phone="12388", township_phone="12345",
    )  # fmt: skip
    checked = check_profile(profile)
    assert (checked.supervision_phone, checked.township_phone) == ("12388", "12345")
    profile.phone = "12345"  # the station's own line is a real phone
    with pytest.raises(ValidationError) as info:
        check_profile(profile)
    assert info.value.data["field"] == "phone"


def test_phone_mask() -> None:
    assert phone.mask("13812345678") == "138****5678"
    assert phone.mask("0731-84561234") == "0731-****1234"


def test_station_code() -> None:
    assert regions.normalise_station_code("４３０１２１１０１２０１") == "430121101201"
    for bad, code in [
        ("43012110120", "station_code.format"),
        ("990121101201", "station_code.province"),
        ("430121000201", "station_code.level"),
        ("430121101000", "station_code.level"),
    ]:
        with pytest.raises(ValidationError) as info:
            regions.normalise_station_code(bad)
        assert info.value.code == code


@pytest.mark.parametrize(
    ("check", "raw", "words"),
    [
        (regions.normalise_station_code, "43012110120l", "第 12 位“l”不是数字"),
        (regions.normalise_station_code, "4301211O1201", "第 8 位“O”不是数字"),
        (regions.normalise_township_code, "43012ll01", "第 6 位“l”不是数字"),
    ],
)
def test_a_letter_in_a_code_is_pointed_at(check: Any, raw: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        check(raw)
    assert words in info.value.message, info.value.message


def test_township_code_and_consistency() -> None:
    assert regions.normalise_township_code("430121101") == "430121101"
    with pytest.raises(ValidationError):
        regions.normalise_township_code("430121000")
    with pytest.raises(ValidationError):
        regions.check_station_in_township("430121101201", "430121102")


def test_text_normalisation() -> None:
    assert clean("　张\u00a0三  丰 ") == "张 三 丰"
    assert compact(" 张 三丰\t") == "张三丰"
    assert clean(None) == ""


def test_free_text_keeps_chinese_punctuation() -> None:
    assert clean("咨询补缴政策，本人１９６５年出生（女）；　谢谢。") == (
        "咨询补缴政策，本人1965年出生（女）； 谢谢。"
    )
    assert compact("１２３４－５６（０７３１）") == "1234-56(0731)"
