import datetime as dt

import pytest

from qunzhong_desktop.core import citizen_id
from qunzhong_desktop.core.errors import ValidationError


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        # the two examples printed in GB 11643-1999 itself
        ("11010519491231002X", dt.date(1949, 12, 31), "女"),
        ("440524188001010014", dt.date(1880, 1, 1), "男"),
    ],
)
def test_standard_examples(number: str, birth: dt.date, gender: str) -> None:
    parsed = citizen_id.parse(number)
    assert parsed.number == number
    assert parsed.birth_date == birth
    assert parsed.gender == gender


def test_check_digit_of_standard_examples() -> None:
    assert citizen_id.check_digit("11010519491231002") == "X"
    assert citizen_id.check_digit("44052418800101001") == "4"


def test_fullwidth_digits_spaces_and_lower_x_are_normalised() -> None:
    assert citizen_id.parse("１１０１０５ １９４９１２３１００２ｘ").number == "11010519491231002X"
    assert citizen_id.parse(" 11010519491231002x ").number == "11010519491231002X"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("11010519491231002", "id.length"),
        ("1101051949123100211", "id.length"),
        ("11010519491231A02X", "id.format"),
        ("99010519491231002X", "id.area"),
        ("110000194912310025", "id.area"),
        ("110105194902300021", "id.date"),  # 30 February
        ("110105294912310021", "id.date"),  # born in the future
        ("110105194912310021", "id.checksum"),
    ],
)
def test_bad_numbers_are_refused_with_a_code(number: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        citizen_id.parse(number)
    assert info.value.code == code
    assert "身份证号" in info.value.message


def test_every_wrong_check_digit_is_caught() -> None:
    good = "11010519491231002X"
    for char in "0123456789":
        assert not citizen_id.is_valid(good[:17] + char)


def test_mask() -> None:
    assert citizen_id.mask("43052419650302123X") == "4305**********123X"
    assert citizen_id.mask("") == ""
