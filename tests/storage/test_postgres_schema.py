"""The same models and migrations on a PostgreSQL server (issue 19): the schema, the triggers."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from qunzhong_desktop.storage import migrate
from qunzhong_desktop.storage.metadata import metadata
from qunzhong_desktop.storage.search_index import include_name
from tests.helpers.postgres import without_deferrable

pytestmark = pytest.mark.pg


def test_every_migration_runs_on_postgresql_and_the_models_match(pg_url: str) -> None:
    command.upgrade(migrate.server_config(pg_url), "head")
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                migrate.HEAD_REVISION
            )
            # the search's own indexes are made by its migration, not by the models
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            drift = compare_metadata(context, metadata)
        drift = without_deferrable(drift)
        assert drift == [], drift
    finally:
        engine.dispose()
    command.downgrade(migrate.server_config(pg_url), "base")  # and back, every step


def test_the_item_fact_triggers_work_on_postgresql(pg_url: str) -> None:
    """0013's PostgreSQL trigger functions: writing an item or its events drops its facts."""
    command.upgrade(migrate.server_config(pg_url), "head")
    engine = create_engine(pg_url)
    now = dt.datetime(2026, 11, 20, 9)
    fact = text(
        "INSERT INTO item_fact (item_id, number, station, received_at, channel, domain, grade,"
        " state, first_time, on_time, resolved_unit, assigned_unit, competent_now, paired)"
        " VALUES ('i1', 'n', '430121101201', :now, '来访', '社会保障', 'B', 'registered',"
        " false, false, '', '', '', '')"
    )
    facts = text("SELECT count(*) FROM item_fact")
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO intake_item (id, number, year, sequence, received_at, channel,"
                    " requester_name, requester_phone, domain, grade, item_type, content,"
                    " handler, promised_days, query_code, state, agency_mode, agency_auth_kind,"
                    " agency_agent, agency_office, at_home, competent_unit, paired_unit,"
                    " petition, petition_form, petition_reach, created_at, updated_at)"
                    " VALUES ('i1', '430121101201-2026-00001', 2026, 1, :now, '来访', '张三',"
                    " '', '社会保障', 'B', '承诺件', '申请低保', '', 5, 'ABCD1234',"
                    " 'registered', '', '', '', '', false, '', '', '', '', '', :now, :now)"
                ),
                {"now": now},
            )
            conn.execute(fact, {"now": now})
            assert conn.execute(facts).scalar() == 1
            conn.execute(text("UPDATE intake_item SET petition = '初信初访' WHERE id = 'i1'"))
            assert conn.execute(facts).scalar() == 0  # the item written: its facts dropped
            conn.execute(fact, {"now": now})
            conn.execute(
                text(
                    "INSERT INTO calendar_year (id, year, source, created_at, updated_at)"
                    " VALUES ('y1', 2027, 'test', :now, :now)"
                ),
                {"now": now},
            )
            assert conn.execute(facts).scalar() == 0  # the calendar changed: every fact
    finally:
        engine.dispose()
