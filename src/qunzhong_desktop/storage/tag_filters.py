"""The support-tag filters (困难户, 低保户 …) in SQL, on SQLite and on PostgreSQL.

Tags are JSON arrays of text. SQLite reads an array's items with ``json_each``; PostgreSQL
with ``json_array_elements_text`` (its ``json_each`` takes objects only). One rule for the
register's list, the 帮扶台账 and the 代办 query: a household matches when it or one of its
live members carries the tag.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, text


def _items(expr: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"json_array_elements_text({expr}) AS items(value)"
    return f"json_each({expr}) AS items"


def household_or_member_tagged(dialect: str, tag: str) -> ColumnElement[bool]:
    """``household`` (in the query) or one of its live members carries ``tag``."""
    return text(  # type: ignore[return-value]
        f"(EXISTS (SELECT 1 FROM {_items('household.tags', dialect)} WHERE items.value = :tag)"
        f" OR EXISTS (SELECT 1 FROM person p, {_items('p.tags', dialect)}"
        " WHERE p.household_id = household.id AND p.deleted_at IS NULL"
        " AND items.value = :tag))"
    ).bindparams(tag=tag)


def person_or_household_tagged(dialect: str, tag: str) -> ColumnElement[bool]:
    """``person`` or its ``household`` (both in the query) carries ``tag``."""
    return text(  # type: ignore[return-value]
        f"(EXISTS (SELECT 1 FROM {_items('person.tags', dialect)} WHERE items.value = :tag)"
        f" OR EXISTS (SELECT 1 FROM {_items('household.tags', dialect)}"
        " WHERE items.value = :tag))"
    ).bindparams(tag=tag)
