"""0022: the item-fact triggers on PostgreSQL fire per statement and drop the same rows; the
cheaper qz_grams gives the same arrays (issue 19)."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import Connection, create_engine, text

from qunzhong_desktop.storage import migrate

pytestmark = pytest.mark.pg

NOW = dt.datetime(2026, 11, 20, 9)
ITEMS = ["i0", "i1", "i2", "i3"]
ITEM_ROW = text(
    "INSERT INTO intake_item (id, number, year, sequence, received_at, channel,"
    " requester_name, requester_phone, domain, grade, item_type, content, handler,"
    " promised_days, query_code, state, agency_mode, agency_auth_kind, agency_agent,"
    " agency_office, at_home, competent_unit, paired_unit, petition, petition_form,"
    " petition_reach, created_at, updated_at) VALUES (:id, :number, 2026, :seq, :now, '来访',"
    " '张三', '', '社会保障', 'B', '承诺件', '申请低保', '', 5, :code, 'registered', '', '', '',"
    " '', false, '', '', '', '', '', :now, :now)"
)
EVENT = (
    "INSERT INTO item_event (id, item_id, position, at, actor, actor_role, from_state,"
    " to_state, note, data, created_at, updated_at) VALUES"
)
LEVEL = text(
    "SELECT t.tgname, (t.tgtype & 1) = 1 FROM pg_trigger t"
    " WHERE t.tgname LIKE 'item_fact_%' AND NOT t.tgisinternal ORDER BY t.tgname"
)


def _facts(conn: Connection) -> None:
    """A fact and a flow row for every item (as a report leaves them)."""
    conn.execute(text("DELETE FROM item_fact"))
    conn.execute(text("DELETE FROM item_flow"))
    for item in ITEMS:
        conn.execute(
            text(
                "INSERT INTO item_fact (item_id, number, station, received_at, channel,"
                " domain, grade, state, first_time, on_time, resolved_unit, assigned_unit,"
                " competent_now, paired) VALUES (:i, 'n', '430121101201', :now, '来访',"
                " '社会保障', 'B', 'registered', false, false, '', '', '', '')"
            ),
            {"i": item, "now": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO item_flow (item_id, position, at, kind, answer)"
                " VALUES (:i, 1, :now, 'escalated', '')"
            ),
            {"i": item, "now": NOW},
        )


def _left(conn: Connection) -> tuple[list[str], list[str]]:
    facts = conn.execute(text("SELECT item_id FROM item_fact ORDER BY 1")).scalars()
    flows = conn.execute(text("SELECT item_id FROM item_flow ORDER BY 1")).scalars()
    return list(facts), list(flows)


def _writes_drop_the_written_items_facts(conn: Connection) -> None:
    """Each kind of write drops the facts and flows of exactly the items it wrote."""
    _facts(conn)
    # a statement of several events (as the import's COPY): i0 and i1, not i2, i3
    conn.execute(
        text(
            f"{EVENT} ('e0', 'i0', 1, :now, '', 'station', NULL, 'registered', '', '{{}}',"
            " :now, :now), ('e1', 'i1', 1, :now, '', 'station', NULL, 'registered', '', '{}',"
            " :now, :now), ('e2', 'i1', 2, :now, '', 'station', 'registered', 'assigned', '',"
            " '{}', :now, :now)"
        ),
        {"now": NOW},
    )
    assert _left(conn) == (["i2", "i3"], ["i2", "i3"])
    _facts(conn)
    conn.execute(text("UPDATE intake_item SET petition = '初信初访' WHERE id IN ('i2', 'i3')"))
    assert _left(conn) == (["i0", "i1"], ["i0", "i1"])
    _facts(conn)
    conn.execute(text("UPDATE intake_item SET petition = '' WHERE false"))  # no row: nothing
    assert _left(conn) == (ITEMS, ITEMS)
    # an event moved from one item to another: both items' facts go
    conn.execute(text("UPDATE item_event SET item_id = 'i3' WHERE id = 'e0'"))
    assert _left(conn) == (["i1", "i2"], ["i1", "i2"])
    _facts(conn)
    conn.execute(text("DELETE FROM item_event WHERE id = 'e2'"))
    assert _left(conn) == (["i0", "i2", "i3"], ["i0", "i2", "i3"])


def test_0022_makes_the_item_fact_triggers_statement_triggers_from_0021(pg_url: str) -> None:
    config = migrate.server_config(pg_url)
    command.upgrade(config, "0021")
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            for seq, item in enumerate(ITEMS, start=1):
                conn.execute(
                    ITEM_ROW,
                    {"id": item, "number": f"430121101201-2026-{seq:05d}", "seq": seq,
                     "now": NOW, "code": f"CODE{seq:04d}"},
                )  # fmt: skip
            before = dict(conn.execute(LEVEL).all())
            assert before and all(before.values())  # 0013: every one a row trigger
            _writes_drop_the_written_items_facts(conn)
        command.upgrade(config, "0022")
        with engine.begin() as conn:
            after = dict(conn.execute(LEVEL).all())
            assert set(after) == set(before)
            statement = {name for name, per_row in after.items() if not per_row}
            assert statement == {
                "item_fact_item_update",
                "item_fact_event_insert",
                "item_fact_event_update",
                "item_fact_event_delete",
            }  # fmt: skip  (the calendar's stay row triggers: they drop every fact)
            conn.execute(text("DELETE FROM item_event"))
            _writes_drop_the_written_items_facts(conn)  # the same rows dropped
            # the calendar still drops every fact
            _facts(conn)
            conn.execute(
                text(
                    "INSERT INTO calendar_year (id, year, source, created_at, updated_at)"
                    " VALUES ('y1', 2027, 'test', :now, :now)"
                ),
                {"now": NOW},
            )
            assert _left(conn) == ([], ITEMS)
        command.downgrade(config, "0021")
        with engine.begin() as conn:
            assert dict(conn.execute(LEVEL).all()) == before
            conn.execute(text("DELETE FROM item_event"))
            _writes_drop_the_written_items_facts(conn)
    finally:
        engine.dispose()


GRAM_TEXTS = [
    "",
    " ",
    "a",
    "ab",
    "ab  c",
    "  张三丰 zsf 1-001 ",
    "%_\\",
    "程玉 430101195708214405 18779377614 0001 chengyu cy",
    "𠀀𠀁 x",
    "a\tb\nc",
    "张",
    "重 重重",
]


def test_0022_qz_grams_gives_the_same_arrays_as_0020s(pg_url: str) -> None:
    """The same grams, distinct, in the same order, so 0020's index stays valid."""
    config = migrate.server_config(pg_url)
    command.upgrade(config, "0021")
    engine = create_engine(pg_url)
    grams = text(
        "SELECT qz_grams(t) FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS x(t, n) ORDER BY n"
    )
    definition = text("SELECT prosrc FROM pg_proc WHERE proname = 'qz_grams'")
    try:
        with engine.connect() as conn:
            before = list(conn.execute(grams, {"texts": GRAM_TEXTS}).scalars())
            old = conn.execute(definition).scalar()
        assert before[5] == sorted(set(before[5])) and "张三" in before[5]
        command.upgrade(config, "0022")
        with engine.connect() as conn:
            assert conn.execute(definition).scalar() != old  # the new definition
            assert list(conn.execute(grams, {"texts": GRAM_TEXTS}).scalars()) == before
            assert conn.execute(text("SELECT qz_grams(NULL)")).scalar() is None
        command.downgrade(config, "0021")
        with engine.connect() as conn:
            assert conn.execute(definition).scalar() == old
    finally:
        engine.dispose()
