"""What the applier keeps of a row while it imports, and how values are shown and bucketed.

Split from :mod:`.apply`: the per-row version cache, the overview buckets of the import
report, and small value helpers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.sync import schema

_SUMMARY = {
    "household": "households",
    "person": "persons",
    "intake_item": "items",
    "item_event": "events",
    "diary_entry": "diary",
    "diary_visit": "diary",
}


def summary_key(table: str) -> str:
    """The overview bucket of a table (``households``, ``items`` … ``other``)."""
    if table == schema.CONFIG_TABLE:
        return "config"
    return _SUMMARY.get(table, "other")


class Version:
    """A row's owner and field versions, cached for the import and written per chunk."""

    __slots__ = ("base", "owner", "state", "versions")

    def __init__(
        self, owner: str, base: list[Any], versions: dict[str, Any] | None, state: str
    ) -> None:
        self.owner = owner
        self.base = base  # [hlc, epoch] of the insert
        self.versions = versions or {}  # fields written since: {field: [hlc, epoch]}
        self.state = state  # "new", "dirty" or "clean"

    def of(self, name: str) -> list[Any]:
        """The [hlc, epoch] of a field's current value."""
        return self.versions.get(name) or self.base


def is_date(value: object) -> bool:
    """Whether ``value`` is an ISO date."""
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def state_name(code: str | None) -> str:
    """An item state's Chinese name, for the conflict log."""
    try:
        return STATE_NAMES[State(code)] if code else "无"
    except ValueError:
        return str(code)


def plain(value: Any) -> Any:
    """A value as JSON holds it (dates as ISO text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
