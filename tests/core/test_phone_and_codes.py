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
    ("raw", "code"),
    [
        ("84561234", "phone.no_area_code"),
        ("1381234567", "phone.invalid"),
        ("23812345678", "phone.invalid"),
        ("电话", "phone.invalid"),
    ],
)
def test_phone_refused(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        phone.normalise(raw)
    assert info.value.code == code


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
