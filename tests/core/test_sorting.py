"""Natural order of numbers and grid names typed by hand (issue 12)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qunzhong_desktop.core.sorting import chinese_number, natural_key

NUMERALS = "一二三四五六七八九"


def chinese(n: int) -> str:
    """1..99 as a clerk writes it: 一, 十, 十一, 二十, 九十九."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NUMERALS[tens - 1] + "十")
    return head + (NUMERALS[ones - 1] if ones else "")


def test_household_numbers_in_natural_order() -> None:
    numbers = ["0020", "002", "0019", "1", "010", "3"]
    assert sorted(numbers, key=natural_key) == ["1", "002", "3", "010", "0019", "0020"]
    assert sorted(numbers) != sorted(numbers, key=natural_key)  # text order is wrong


def test_grids_in_natural_order() -> None:
    grids = ["十组", "二组", "一组", "九组", "十一组", "三组"]
    assert sorted(grids, key=natural_key) == ["一组", "二组", "三组", "九组", "十组", "十一组"]
    assert sorted(["第10网格", "第9网格", "第十一网格"], key=natural_key) == [
        "第9网格", "第10网格", "第十一网格",
    ]  # fmt: skip


def test_chinese_numerals() -> None:
    assert [chinese_number(t) for t in ("十", "十一", "二十", "一百零五", "两千")] == [
        10, 11, 20, 105, 2000,
    ]  # fmt: skip
    assert chinese_number("一二") is None
    assert natural_key(None) == natural_key("") == ""


@given(st.lists(st.integers(min_value=1, max_value=99), min_size=2, max_size=20))
def test_numbered_grids_sort_by_value(values: list[int]) -> None:
    names = [f"{chinese(v)}组" for v in values]
    assert [chinese_number(n[:-1]) for n in sorted(names, key=natural_key)] == sorted(values)


@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=10**9), st.integers(0, 4)),
        min_size=2,
        max_size=20,
    )
)
def test_zero_padded_numbers_sort_by_value(values: list[tuple[int, int]]) -> None:
    texts = [str(v).rjust(len(str(v)) + pad, "0") for v, pad in values]
    assert [int(t) for t in sorted(texts, key=natural_key)] == sorted(v for v, _ in values)
