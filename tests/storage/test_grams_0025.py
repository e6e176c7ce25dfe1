"""0025: qz_grams on PostgreSQL gives the same SET of grams as before, so 0020's gram index,
built with the old definition, answers exactly as one built with the new (issue 19)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, text

from qunzhong_desktop.core.pinyin_keys import search_text
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.storage import migrate

pytestmark = pytest.mark.pg

EDGE_TEXTS = [
    "",
    " ",
    "  ",
    "   ",
    "a",
    " a",
    "a ",
    " a ",
    "ab",
    "abc",
    "ab  c",
    "a b c d",
    "  张三丰 zsf 1-001 ",
    "%_\\",
    "\\1 \\\\",
    "程玉 430101195708214405 18779377614 0001 chengyu cy",
    "𠀀",
    "𠀀𠀁 x",
    "x𠀀𠀁𠀂",
    "\t",
    "a\tb\nc",
    "\t \t",
    "张",
    "重 重重",
    "aaaa",
    "a\u3000b",  # an ideographic space is a character like any other
    "(..) $1 &",
]
# needles as the search sends them: a character, or its pairs (storage/search_index)
NEEDLES = [["张"], ["三"], ["zs"], ["张三"], ["三丰"], ["9"], ["43"], ["01"], ["z"], ["cy"],
           ["𠀀𠀁"], ["\tb"], ["a"], ["ab"], ["重重"], ["13", "38"], [" "], ["a "]]  # fmt: skip
SET_OF = text(
    "SELECT qz_grams(t) FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS x(t, n) ORDER BY n"
)
DEFINITION = text("SELECT prosrc FROM pg_proc WHERE proname = 'qz_grams'")


def _texts() -> list[str]:
    """The edge texts and the search texts of a generated village's residents."""
    village = generate("430121101201", "白沙村", households=150)
    residents = [
        search_text(
            p.name, p.id_number, p.phone, h.household.number, h.household.phone, names=(p.name,)
        )
        for h in village.households
        for p in h.household.members
    ]
    assert len(residents) > 300
    return EDGE_TEXTS + residents


def _python_rule(haystack: str) -> set[str]:
    return {c for c in haystack if c != " "} | {
        haystack[i : i + 2] for i in range(len(haystack) - 1) if " " not in haystack[i : i + 2]
    }


def _found(conn: Connection, needle: list[str], *, index: bool) -> list[int]:
    conn.execute(text(f"SET LOCAL enable_seqscan = {'off' if index else 'on'}"))
    conn.execute(text(f"SET LOCAL enable_bitmapscan = {'on' if index else 'off'}"))
    query = "SELECT n FROM grams_probe WHERE qz_grams(t) @> CAST(:g AS text[]) ORDER BY n"
    if index:
        plan = "\n".join(conn.execute(text(f"EXPLAIN {query}"), {"g": needle}).scalars())
        assert "grams_probe_index" in plan, plan
    return list(conn.execute(text(query), {"g": needle}).scalars())


def test_0025_qz_grams_gives_the_same_sets_and_the_old_index_stays_valid(pg_url: str) -> None:
    texts = _texts()
    config = migrate.server_config(pg_url)
    command.upgrade(config, "0024")
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            old_definition = conn.execute(DEFINITION).scalar()
            before = list(conn.execute(SET_OF, {"texts": texts}).scalars())
            # an index built with the old definition, as 0020's on a county's residents
            conn.execute(text("CREATE TABLE grams_probe (n int, t text)"))
            conn.execute(
                text("INSERT INTO grams_probe SELECT n, t FROM unnest(CAST(:texts AS text[]))"
                     " WITH ORDINALITY AS x(t, n)"),
                {"texts": texts},
            )  # fmt: skip
            conn.execute(
                text("CREATE INDEX grams_probe_index ON grams_probe USING gin (qz_grams(t))")
            )
        for haystack, grams in zip(texts, before, strict=True):
            assert set(grams) == _python_rule(haystack), haystack  # the rule, as 0020 said
        command.upgrade(config, "0025")
        with engine.begin() as conn:
            assert conn.execute(DEFINITION).scalar() != old_definition  # the new one
            after = list(conn.execute(SET_OF, {"texts": texts}).scalars())
            assert conn.execute(text("SELECT qz_grams(NULL)")).scalar() is None
            assert conn.execute(text("SELECT qz_grams('')")).scalar() == []
        for haystack, old, new in zip(texts, before, after, strict=True):
            assert set(new) == set(old), haystack  # the same set (not distinct, not sorted)
        with engine.begin() as conn:
            # rows written now enter the old index with the new definition: the same answers
            # from the index as from reading every row with the new definition
            conn.execute(text("INSERT INTO grams_probe SELECT n + 100000, t FROM grams_probe"))
            for needle in NEEDLES:
                found = _found(conn, needle, index=True)
                assert found == _found(conn, needle, index=False), needle
                expected = [
                    n for n, t in enumerate(texts, start=1) if set(needle) <= _python_rule(t)
                ]
                assert found == expected + [n + 100000 for n in expected], needle
            assert _found(conn, ["张三"], index=True)  # not a vacuous comparison
        command.downgrade(config, "0024")
        with engine.connect() as conn:
            assert conn.execute(DEFINITION).scalar() == old_definition
    finally:
        engine.dispose()
