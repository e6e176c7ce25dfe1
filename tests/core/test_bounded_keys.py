"""core.bounded.loads refuses a repeated key anywhere and names the first one repeated."""

from __future__ import annotations

import pytest

from qunzhong_desktop.core import bounded


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ('{"a": 1, "a": 2}', "a"),
        ('{"a": 1, "b": 2, "b": 3, "a": 4}', "b"),  # the first key seen again
        ('{"x": {"k": [], "k": []}}', "k"),
        ('[{"ok": 1}, {"y": 1, "z": 2, "y": 1}]', "y"),
        ('{"": 1, "": 1}', ""),
    ],
)
def test_a_repeated_key_is_refused_and_named(data: str, key: str) -> None:
    with pytest.raises(ValueError) as caught:
        bounded.loads(data)
    assert bounded.duplicate_key(caught.value) == key


def test_distinct_keys_keep_their_order_and_values() -> None:
    got = bounded.loads('{"b": 1, "a": {"d": [1, {"e": null}], "c": "张"}, "z": true}')
    assert got == {"b": 1, "a": {"d": [1, {"e": None}], "c": "张"}, "z": True}
    assert list(got) == ["b", "a", "z"] and list(got["a"]) == ["d", "c"]
    assert bounded.loads("{}") == {}
    with pytest.raises(ValueError) as caught:
        bounded.loads('{"a": NaN}')
    assert bounded.duplicate_key(caught.value) is None
