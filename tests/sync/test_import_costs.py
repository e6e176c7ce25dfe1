"""The county import's cheaper bookkeeping (issue 19, docs/county-import.md): the ids of a
membership test travel as one array text, and the cycle collector rests during an import."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.sync import apply_sql, importer
from qunzhong_desktop.sync.views import APPLIED
from tests.helpers.forge import change, forge
from tests.helpers.network import Node
from tests.helpers.refusals import HOUSEHOLD, refused

ODD_IDS = [
    "plain",
    'a"quote',
    "back\\slash",
    '\\"',
    "comma,inside",
    "{braces}",
    " spaces around ",
    "NULL",
    "null",
    "",
    "张三丰",
    "𠀀",
    "tab\tnew\nline",
    "'single'",
]

ROUND_TRIP = text("SELECT x FROM unnest(CAST(:a AS text[])) WITH ORDINALITY AS t(x, n) ORDER BY n")


@pytest.mark.pg
def test_text_array_carries_any_text_exactly_to_the_server(pg_url: str) -> None:
    engine = create_engine(pg_url)
    try:
        with Session(engine) as s:
            unquoted = [v for v in ODD_IDS if '"' not in v and "\\" not in v]  # the fast path
            for values in (ODD_IDS, unquoted, ["NULL"], [""], ["a,b"], ['"'], ["\\"]):
                back = s.execute(ROUND_TRIP, {"a": apply_sql.text_array(values)}).scalars()
                assert list(back) == values
            assert apply_sql.text_array([]) == "{}"
            # a membership test as the import asks it: exactly the ids that are rows here
            s.execute(text("CREATE TABLE probe (id varchar(100) PRIMARY KEY)"))
            here = ODD_IDS[::2]
            s.execute(text("INSERT INTO probe VALUES (:i)"), [{"i": i} for i in here])
            assert apply_sql.present_ids(s, "probe", [*ODD_IDS, "absent"]) == set(here)
            assert apply_sql.present_ids(s, "probe", []) == set()
    finally:
        engine.dispose()


def test_an_import_rests_the_collector_and_leaves_it_as_it_found_it(
    net: tuple[Node, Node, Node], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    township, one, _ = net
    during: list[bool] = []
    apply = importer._apply

    def watched(*args: Any) -> Any:
        during.append(gc.isenabled())
        return apply(*args)

    monkeypatch.setattr(importer, "_apply", watched)
    lines = [change(one, 1, "household", new_id(), "insert", HOUSEHOLD)]
    bundle = forge(one, township, tmp_path / "a.qzb", lines)
    assert gc.isenabled()
    assert township.sync.import_bundle(bundle, township.keys).status == APPLIED
    assert during == [False] and gc.isenabled()
    # refused (the same sequence with other content: a cloned PC): back on as well
    other = [change(one, 1, "household", new_id(), "insert", {**HOUSEHOLD, "number": "002"})]
    refused(township, forge(one, township, tmp_path / "b.qzb", other), "cloned")
    assert during == [False, False] and gc.isenabled()
    # whoever turned it off keeps it off
    gc.disable()
    try:
        refused(township, forge(one, township, tmp_path / "c.qzb", other), "cloned")
        assert not gc.isenabled()
    finally:
        gc.enable()
