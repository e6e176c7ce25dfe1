"""A form saved over a record that changed since it was opened (no lost update).

Another window, the command line or an imported bundle may change a household while a
clerk has it open. Saving the form must not put back, unseen, the values the form was
opened with. The rule is a three-way merge, field by field, of what the form showed
(*base*), what the clerk typed (*mine*) and what is stored now (*theirs*):

- a field only the clerk changed takes the clerk's value;
- a field only the other side changed keeps the stored value (it is not overwritten);
- a field both changed to different values is a :class:`Clash`: nothing is written, the
  clerk sees both values and chooses (``keep``), and saves again.

The repositories run the merge inside the write transaction (``Database.writing``), so the
stored values it compares with cannot change before the write lands.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from qunzhong_desktop.core.errors import DomainError

MINE = "mine"
THEIRS = "theirs"

#: Turns a field's value into the text the clerk sees (names for ids, masked numbers …).
Describe = Callable[[str, Any], str]


@dataclass(frozen=True, slots=True)
class Clash:
    """A field both the clerk and someone else changed, to different values."""

    key: str
    label: str
    mine: str
    theirs: str


class StaleEdit(DomainError):
    """The record changed since the form was opened, in fields the form changed too.

    Attributes:
        clashes: the fields to choose for; save again with ``keep={key: MINE or THEIRS}``.
    """

    code = "edit.stale"

    def __init__(self, what: str, clashes: list[Clash]) -> None:
        super().__init__(
            f"{what}在您打开之后已被修改（可能在另一个窗口、命令行或导入的数据包中），"
            f"有 {len(clashes)} 处与您的修改不同。请逐项选择保留哪一个值后再保存。",
            code=self.code,
            what=what,
        )
        self.clashes = clashes


def plain_text(_key: str, value: Any) -> str:
    """The default description: lists joined with 、, nothing as （空）."""
    if value is None or value in ("", []):
        return "（空）"
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value)


def merge_fields(
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    *,
    labels: Mapping[str, str],
    keep: Mapping[str, str] | None = None,
    describe: Describe = plain_text,
    prefix: str = "",
    label_prefix: str = "",
) -> tuple[dict[str, Any], list[Clash]]:
    """Merge flat records field by field (see the module docstring).

    Args:
        base: the values the form was opened with.
        mine: the values the clerk saves.
        theirs: the values stored now.
        labels: the Chinese name of each field.
        keep: the clerk's choice for fields that clashed before (``MINE`` or ``THEIRS``),
            by key (``prefix`` + field).
        describe: the text of a value for the clerk.
        prefix: put before each field's key (a member's id, for instance).
        label_prefix: put before each field's label (a member's name).

    Returns:
        The values to store, and the clashes still undecided (write nothing if any).
    """
    keep = keep or {}
    merged: dict[str, Any] = {}
    clashes: list[Clash] = []
    for name, value in mine.items():
        old, now = base.get(name), theirs.get(name, value)
        if value in (old, now):
            merged[name] = now  # unchanged here, or both sides agree
        elif now == old:
            merged[name] = value  # changed only here
        else:
            key = prefix + name
            choice = keep.get(key)
            if choice == MINE:
                merged[name] = value
            elif choice == THEIRS:
                merged[name] = now
            else:
                merged[name] = now
                clashes.append(
                    Clash(
                        key,
                        label_prefix + labels.get(name, name),
                        describe(name, value),
                        describe(name, now),
                    )
                )
    return merged, clashes
