"""the county import's costs on PostgreSQL: statement-level item-fact triggers, cheaper grams (issue 19)

0013 keeps ``item_fact`` / ``item_flow`` honest with triggers: writing an item or one of its
events drops that item's rows. On a server they were PL/pgSQL row triggers: a COPY of
12,000 events ran the function 12,000 times with two DELETEs each (about a fifth of a plain
COPY's time in the county import). Here the four item triggers become statement-level
triggers with transition tables (``REFERENCING NEW TABLE``): once per statement, the items
of every written row are dropped in one DELETE per table. The same rows are gone when the
statement ends, as before (AFTER row triggers also ran at the end of the statement). The
DELETE is dynamic SQL so that it is planned for the rows at hand (one row: an index probe;
a COPY's thousands: a join), never a cached plan made for another size. The calendar's
triggers (drop every fact) stay row triggers: rare writes.

``qz_grams`` (0020, the gram index of live residents) is computed for every resident
written: it was about two thirds of a plain COPY's time in the county import. Its single
characters now come from ``string_to_array(t, NULL)`` (one C call) instead of a
``substr`` per position: about 40 % less time a call, and exactly the same array (the same
grams, distinct, in the same order), so the index built with the old definition stays
valid and is not rebuilt. Nothing on SQLite.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CLEARED = ("item_fact", "item_flow")
# (trigger, table, event, transition tables, the item ids of the written rows)
STATEMENT_TRIGGERS: tuple[tuple[str, str, str, str, str], ...] = (
    ("item_fact_item_update", "intake_item", "UPDATE", "OLD TABLE AS old_rows",
     "SELECT id FROM old_rows"),
    ("item_fact_event_insert", "item_event", "INSERT", "NEW TABLE AS new_rows",
     "SELECT item_id FROM new_rows"),
    ("item_fact_event_update", "item_event", "UPDATE",
     "OLD TABLE AS old_rows NEW TABLE AS new_rows",
     "SELECT item_id FROM old_rows UNION SELECT item_id FROM new_rows"),
    ("item_fact_event_delete", "item_event", "DELETE", "OLD TABLE AS old_rows",
     "SELECT item_id FROM old_rows"),
)  # fmt: skip
# 0013's row triggers, to go back to: (trigger, table, event, the rows to drop)
_ROW_TRIGGERS = (
    ("item_fact_item_update", "intake_item", "UPDATE", "item_id = OLD.id"),
    ("item_fact_event_insert", "item_event", "INSERT", "item_id = NEW.item_id"),
    ("item_fact_event_update", "item_event", "UPDATE", "item_id IN (OLD.item_id, NEW.item_id)"),
    ("item_fact_event_delete", "item_event", "DELETE", "item_id = OLD.item_id"),
)


# 0020's definition, to go back to
GRAMS_0020 = """
CREATE OR REPLACE FUNCTION qz_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), ARRAY[]::text[]) FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams WHERE strpos(g, ' ') = 0
$$
"""
GRAMS = """
CREATE OR REPLACE FUNCTION qz_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), ARRAY[]::text[]) FROM (
    SELECT unnest(string_to_array(t, NULL)) AS g
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams WHERE strpos(g, ' ') = 0
$$
"""


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(GRAMS)
    for name, table, event, transition, items in STATEMENT_TRIGGERS:
        body = " ".join(
            f"EXECUTE 'DELETE FROM {target} WHERE item_id IN ({items})';" for target in _CLEARED
        )
        conn.exec_driver_sql(f"DROP TRIGGER {name} ON {table}")
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body} RETURN NULL; END $$"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {transition} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(GRAMS_0020)
    for name, table, event, rows in _ROW_TRIGGERS:
        body = " ".join(f"DELETE FROM {target} WHERE {rows};" for target in _CLEARED)
        conn.exec_driver_sql(f"DROP TRIGGER {name} ON {table}")
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body} RETURN NULL; END $$"
        )
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
        )
