"""the short and the Chinese register searches on PostgreSQL: a gram index (issue 19)

pg_trgm (0016) makes no trigram of a needle of 1 or 2 characters, and in a database whose
character type is ``C`` (``initdb --no-locale``, the test cluster, many servers) it takes
Chinese characters for separators: ``张``, ``zs`` or ``张三丰`` read every live person. This
adds ``qz_grams(text)`` — the set of the text's single characters and pairs of neighbouring
characters, none with a space (a needle has none) — and a GIN index over
``qz_grams(person.search_text)`` of the live persons; storage/search_index.persons_matching
asks it for such needles (``@>`` the needle's grams) and checks each candidate with the
same ``LIKE``. Nothing on SQLite (its FTS5 trigram index answers 2 characters and Chinese).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = """
CREATE OR REPLACE FUNCTION qz_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), ARRAY[]::text[]) FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
  ) AS grams WHERE strpos(g, ' ') = 0
$$
"""
INDEX = "ix_person_search_grams"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(FUNCTION)
    conn.exec_driver_sql(
        f"CREATE INDEX {INDEX} ON person USING gin (qz_grams(search_text)) WHERE deleted_at IS NULL"
    )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS qz_grams(text)")
