"""The declarative base every table shares, and the mixin of synced tables.

Both :mod:`.models` (the domain) and :mod:`.models_sync` (sync bookkeeping) build on it;
:mod:`.metadata` gathers their tables for alembic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, MetaData, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from qunzhong_desktop.core.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time in UTC, without tzinfo (SQLite stores naive values)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


_DEFAULTS: dict[str, list[tuple[str, Any]]] = {}


def column_defaults(cls: type) -> list[tuple[str, Any]]:
    """(attribute, column default) of a mapped class, looked up once per class."""
    found = _DEFAULTS.get(cls.__qualname__)
    if found is None:
        attrs: Any = inspect(cls).column_attrs
        found = [(a.key, a.columns[0].default) for a in attrs if a.columns[0].default is not None]
        _DEFAULTS[cls.__qualname__] = found
    return found


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable alembic diffs)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {list[str]: JSON, dict[str, Any]: JSON}

    def __init__(self, **values: Any) -> None:
        """Fill Python-side column defaults at construction, not at INSERT.

        The outbox records a new row's values before the INSERT runs; with the defaults in
        place from the start, the outbox and the table hold the same values.
        """
        cls = type(self)
        for key, default in column_defaults(cls):
            if key not in values:
                values[key] = default.arg(None) if default.is_callable else default.arg
        for key, value in values.items():
            if not hasattr(cls, key):
                raise TypeError(f"{key!r} is not an attribute of {cls.__name__}")
            setattr(self, key, value)


class Synced:
    """Mixin of tables whose writes go to the outbox (see :mod:`.changes`)."""

    __synced__: ClassVar[bool] = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
