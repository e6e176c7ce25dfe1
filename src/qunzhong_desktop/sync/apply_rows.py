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

    __slots__ = ("base", "fresh", "owner", "state", "versions")

    def __init__(
        self,
        owner: str,
        base: list[Any],
        versions: dict[str, Any] | None,
        state: str,
        *,
        fresh: bool = False,
    ) -> None:
        self.owner = owner
        self.base = base  # [hlc, epoch] of the insert
        self.versions = versions or {}  # fields written since: {field: [hlc, epoch]}
        self.state = state  # "new", "dirty" or "clean"
        # read from the database, its row neither inserted nor updated by this import yet
        self.fresh = fresh

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


def number_reused(number: str, line: int) -> Exception:
    """The refusal of an item number held here by another item.

    The station came back from a backup and numbered again from there: the township's
    next dispatch tells it how far the township holds its numbers, and it renumbers
    (storage/item_numbers.py).
    """
    return refuse(
        "item_number_reused",
        f"数据包第 {line} 条变更登记的事项编号 {number} 本机已收到过（是另一件事项），"
        "发送方可能是从备份恢复的。请导出发给该站的数据包，让该站先导入（会自动给这些事项"
        "换新编号），再重新导出数据包交来。本机数据没有改变。",
        line=line,
        number=number,
    )


def cloned(seq: int) -> Exception:
    """The refusal of a line whose sequence was applied here with other content."""
    return refuse(
        "cloned",
        "这个数据包与已导入的同一序号的数据内容不同：发送方可能是复制的电脑或从旧备份恢复的电脑。"
        "已拒绝导入，请与该站联系并重新登记（对方更换密钥后的新版本）。",
        seq=seq,
    )


def dangling(table: str, parent: str, line: int) -> Exception:
    """The refusal of a reference to a row neither here nor in the bundle."""
    child, target = schema.LABELS.get(table, table), schema.LABELS.get(parent, parent)
    return refuse(
        "reference",
        f"数据包第 {line} 条变更中的{child}引用了本机和数据包中都没有的{target}，"
        "已拒绝导入，本机数据没有改变。请让对方重新导出数据包；仍然如此时请联系技术支持。",
        line=line,
        table=table,
        parent=parent,
    )


def not_owned(table: str, why: str, line: int) -> Exception:
    """The refusal of a write to a row the sender does not own."""
    return refuse(
        "not_owned",
        f"数据包第 {line} 条变更写入了发送方无权修改的数据（{table}：{why}），已拒绝导入。",
        line=line,
        table=table,
    )


def merge_refs(
    origins: dict[str, tuple[str, dict[str, dict[str, int]]]],
) -> tuple[dict[str, dict[str, int]], dict[str, list[tuple[str, str]]]]:
    """The rows to check of every origin: table → row id → first line, and the station rows.

    Args:
        origins: origin → (its role, table → row id → line).

    Returns:
        (table → row id → line, table → (row id, owner) of the rows a station wrote): a
        station's rows may refer only to rows it owns; the township's steps point at this
        PC's own items.
    """
    tables: dict[str, dict[str, int]] = {}
    owned: dict[str, list[tuple[str, str]]] = {}
    for origin, (role, refs) in origins.items():
        for table, rows in refs.items():
            lines = tables.setdefault(table, {})
            for row_id, number in rows.items():
                lines[row_id] = min(number, lines.get(row_id, number))
            if role == "station":
                owned.setdefault(table, []).extend((row_id, origin) for row_id in rows)
    return tables, owned
