"""the county import's gram cost on PostgreSQL: qz_grams without a query per call (issue 19)

``qz_grams`` (0020, cheaper in 0022) is computed for every resident written; in the county
import it was still about 80 µs a call on a ~55-character search text, near half of the
plain COPY of the residents (an aggregate with a sort, ``generate_series`` and a ``substr``
per position, run as a query each call). Here it is one expression of C functions:

* the single characters: ``string_to_array(t, NULL)`` without the spaces;
* the pairs at even offsets: ``regexp_replace(t, '(..)', E'\\1 ', 'g')`` puts a space after
  every second character, so splitting at the spaces gives each pair ``t[2k:2k+2]`` whole,
  and a pair holding a space falls apart into single characters (of the text: already in
  the set) and empty strings; the pairs at odd offsets the same from the second character;
* the empty strings removed.

So the result holds exactly the set of 0020's definition — every single character and every
pair of neighbouring characters, none with a space — though not distinct nor sorted. A GIN
index over a ``text[]`` (``array_ops``) keeps the set of an array's elements (duplicates and
order are dropped when the keys are extracted) and ``@>`` is set containment, so 0020's
index built with the old definition stays valid and is not rebuilt, and the search asks the
same question. ``E'…'`` so the replacement means the same whatever
``standard_conforming_strings`` says. STRICT, IMMUTABLE and PARALLEL SAFE as before (so it
is not inlined: the index's expression and the search's stay the same function call).
Measured on 18,140 residents of the county-import benchmark (min of three): 105 → ~20 µs a
call. Nothing on SQLite.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GRAMS = r"""
CREATE OR REPLACE FUNCTION qz_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_remove(
    array_remove(string_to_array(t, NULL), ' ')
    || string_to_array(regexp_replace(t, '(..)', E'\\1 ', 'g'), ' ')
    || string_to_array(regexp_replace(substr(t, 2), '(..)', E'\\1 ', 'g'), ' '),
    '')
$$
"""
# 0022's definition, to go back to
GRAMS_0022 = """
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


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(GRAMS_0022)
