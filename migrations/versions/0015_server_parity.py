"""the same schema on a PostgreSQL server (issue 19): partial indexes and natural_key

Nothing changes on SQLite. On PostgreSQL:

- the clock's milliseconds (``local_node.hlc_millis``) need 64 bits: BIGINT;
- the three "live" unique indexes (a household number, an ID number, a cadre's diary day per
  origin) were created without their ``WHERE deleted_at IS NULL`` (0001 and 0003 named only
  SQLite's clause), so a tombstone blocked a new row with the same number: they are made
  partial, as on SQLite;
- ``natural_key(text)``, the natural order of hand-typed numbers ("002" before "0019",
  九组 before 十组), becomes an SQL function (PL/pgSQL, immutable); SQLite registers the
  Python function on each connection (core/sorting.py is the rule; tests compare the two).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PARTIAL = (
    ("uq_household_origin_number_live", "household", ["origin", "number"], "deleted_at IS NULL"),
    (
        "uq_person_origin_id_number_live",
        "person",
        ["origin", "id_number"],
        "deleted_at IS NULL AND id_number IS NOT NULL",
    ),
    ("uq_diary_entry_cadre_day_live", "diary_entry", ["cadre_id", "day"], "deleted_at IS NULL"),
)

_NUMERALS = "〇零一二两三四五六七八九十百千"

# core/sorting.py's natural_key, step by step: trim and lower; every run of Chinese numerals
# that is a number (chinese_number) becomes its digits; every run of digits loses its
# leading zeros and is padded to 12 (a longer run stays as it is).
NATURAL_KEY = f"""
CREATE OR REPLACE FUNCTION natural_key(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    rest text;
    result text := '';
    parts text[];
    run text;
    total integer;
    digit integer;
    bad boolean;
    ch text;
BEGIN
    IF t IS NULL OR t = '' THEN
        RETURN '';
    END IF;
    rest := lower(regexp_replace(t, '^\\s+|\\s+$', '', 'g'));
    LOOP
        parts := regexp_match(rest, '^([^{_NUMERALS}]*)([{_NUMERALS}]+)');
        EXIT WHEN parts IS NULL;
        result := result || parts[1];
        run := parts[2];
        rest := substr(rest, char_length(parts[1]) + char_length(run) + 1);
        total := 0;
        digit := NULL;
        bad := false;
        FOREACH ch IN ARRAY regexp_split_to_array(run, '') LOOP
            IF ch IN ('十', '百', '千') THEN
                total := total + coalesce(digit, 1)
                    * CASE ch WHEN '十' THEN 10 WHEN '百' THEN 100 ELSE 1000 END;
                digit := NULL;
            ELSE
                IF digit IS NOT NULL AND digit <> 0 THEN
                    bad := true;
                    EXIT;
                END IF;
                digit := CASE ch WHEN '〇' THEN 0 WHEN '零' THEN 0 WHEN '一' THEN 1
                    WHEN '二' THEN 2 WHEN '两' THEN 2 WHEN '三' THEN 3 WHEN '四' THEN 4
                    WHEN '五' THEN 5 WHEN '六' THEN 6 WHEN '七' THEN 7 WHEN '八' THEN 8
                    ELSE 9 END;
            END IF;
        END LOOP;
        IF bad THEN
            result := result || run;
        ELSE
            result := result || (total + coalesce(digit, 0))::text;
        END IF;
    END LOOP;
    rest := result || rest;
    result := '';
    LOOP
        parts := regexp_match(rest, '^([^0-9]*)([0-9]+)');
        EXIT WHEN parts IS NULL;
        result := result || parts[1];
        run := parts[2];
        rest := substr(rest, char_length(parts[1]) + char_length(run) + 1);
        run := ltrim(run, '0');
        IF char_length(run) < 12 THEN
            run := lpad(run, 12, '0');
        END IF;
        result := result || run;
    END LOOP;
    RETURN result || rest;
END;
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column("local_node", "hlc_millis", type_=sa.BigInteger(), existing_nullable=False)
    for name, table, columns, where in _PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=True, postgresql_where=sa.text(where))
    op.execute(NATURAL_KEY)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS natural_key(text)")
    for name, table, columns, _where in _PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=True)
    # hlc_millis stays BIGINT: a clock that has run past 32 bits cannot go back into them
