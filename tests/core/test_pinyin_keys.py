from qunzhong_desktop.core.pinyin_keys import name_keys, search_text


def test_initials_and_full_pinyin() -> None:
    keys = name_keys("张三丰")
    assert "zsf" in keys
    assert "zhangsanfeng" in keys


def test_polyphonic_surnames_read_as_surnames_and_as_usual() -> None:
    assert {"shanzhisheng", "szs", "dzs"} <= set(name_keys("单志生"))
    assert {"zengguofan", "zgf"} <= set(name_keys("曾国藩"))
    assert {"xiejin", "xj"} <= set(name_keys("解缙"))
    assert name_keys("曾国藩")[0] == "zengguofan"  # the surname reading comes first


def test_double_surnames() -> None:
    assert "ycg" in name_keys("尉迟恭")
    assert "oyx" in name_keys("欧阳修")


def test_search_text_lowercases_parts() -> None:
    text = search_text("张三丰", "11010519491231002X", names=("张三丰",))
    assert "11010519491231002x" in text
    assert "zsf" in text
