"""What the applier keeps of a row while it imports, and how values are shown and bucketed.

Split from :mod:`.apply`: the per-row version cache, the overview buckets of the import
report, the check of a change's timestamp, and small value helpers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from qunzhong_desktop.core.intake.states import STATE_NAMES, State
from qunzhong_desktop.sync import schema
from qunzhong_desktop.sync.bundle_container import refuse

_HLC = re.compile(r"\d{16}-\d{5}-[0-9a-f-]{36}\Z")
#: Times outside [2000, now + 10 years] are a broken clock, not a skewed one: refused.
_EARLIEST = 946_684_800_000

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


def hlc_millis(text: str, number: int, latest: int) -> int:
    """The milliseconds of a change's HLC timestamp, checked (``number``: the line).

    Raises:
        BundleRefused: ``change_malformed`` (not an HLC) or ``clock_window`` (before 2000
            or after ``latest``: the sender's clock is broken, not merely fast).
    """
    if not _HLC.match(text):
        raise refuse(
            "change_malformed",
            f"数据包第 {number} 条变更的时间戳格式错误，已拒绝导入。",
            line=number,
        )
    millis = int(text[:16])
    if not _EARLIEST <= millis <= latest:
        raise refuse(
            "clock_window",
            f"数据包第 {number} 条变更的时间（{text[:16]}）不在 2000 年到十年后之间，"
            "发送方电脑的时间严重错误。已拒绝导入，请校准对方电脑的日期后重新导出。",
            line=number,
        )
    return millis
