"""The JSON size bound of list and dict fields: exactly json.dumps's, with or without encoding."""

from __future__ import annotations

import json
from typing import Any

import pytest

from qunzhong_desktop.sync import schema


def _column(kind: str) -> Any:
    for table in sorted(schema.table_names("station")):
        for column in schema.columns(table).values():
            if column.kind == kind:
                return column
    raise AssertionError(kind)


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False))


@pytest.mark.parametrize("text", ["户", "a", "\x01", '"'])
def test_a_list_is_refused_one_character_over_the_cap(text: str) -> None:
    column = _column("list")
    # grow a list of texts until its JSON is just over the cap, whatever each text costs
    value = [text * 50] * (schema.JSON_CAP // (_size([text * 50]) + 2) + 2)
    while _size(value) > schema.JSON_CAP:
        value = value[:-1]
    assert schema._within(column, value)
    over = [*value, text * (schema.JSON_CAP - _size(value))]
    assert _size(over) > schema.JSON_CAP
    assert not schema._within(column, over)


def test_a_dict_at_and_over_the_cap() -> None:
    column = _column("dict")
    value = {"k": "\x02" * ((schema.JSON_CAP - 10) // 6)}  # six characters each
    assert schema.JSON_CAP - 10 <= _size(value) <= schema.JSON_CAP
    assert schema._within(column, value)
    value["k2"] = "x"
    assert not schema._within(column, value)
    # values other than texts are measured by encoding
    assert schema._within(column, {"n": 1, "b": True, "l": ["x"]})
    assert not schema._within(column, {"n": list(range(5000))})


def test_small_lists_and_dicts_pass_and_non_texts_in_a_list_do_not() -> None:
    assert schema._within(_column("list"), [])
    assert schema._within(_column("list"), ["甲", "乙"])
    assert not schema._within(_column("list"), ["甲", 1])
    assert schema._within(_column("dict"), {})
