"""What the window shares with every page: the time, who is working, what can be undone.

Pages take a clock (``Clock``: now; ``Today``: the date) so tests can set the time.

**Undo** (编辑 › 撤销, Ctrl+Z) covers the steps that are cheap to take back: deleting
households, a diary entry, an assistance record. A page that takes such a step pushes how to
take it back onto its window's :class:`UndoStack` (:func:`undo_stack`); the steps undone are
ordinary writes, so they sync like any other. In a text field Ctrl+Z still undoes typing
(the field takes the key first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from qunzhong_desktop.core.access import Permission, allowed

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store

#: Idle minutes before the window locks (设置; 0 never) — ui/shell/sign_in.py.
LOCK_SETTING = "ui.lock_minutes"
DEFAULT_LOCK_MINUTES = 10

Clock = Callable[[], dt.datetime]
Today = Callable[[], dt.date]
TIME_FORMAT = "%Y-%m-%d %H:%M"


def local_time(value: dt.datetime | None) -> str:
    """A stored time (naive values are UTC) as local ``YYYY-MM-DD HH:MM``; "" when unset."""
    if value is None:
        return ""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime(TIME_FORMAT)


def operator_name(store: Store) -> str:
    """Who is working: the operator signed in.

    Without accounts: the station's operator, else the user the store was opened as.
    """
    if store.db.operator is not None:
        return store.db.operator.name
    station = store.register.station()
    return (station.operator if station else "") or store.db.user or "工作站"


def permitted(store: Store, permission: Permission) -> bool:
    """Whether the operator signed in may do this (the window hides what they may not)."""
    return allowed(store.db.operator, permission)


def limit(store: Store, *pairs: tuple[QWidget, Permission]) -> None:
    """Hide each widget whose permission the operator signed in lacks.

    The storage refuses the action anyway; hiding keeps the window from offering it.
    """
    for widget, permission in pairs:
        if not permitted(store, permission):
            widget.hide()


def seq_range(first: int, last: int) -> str:
    """``N–M`` (or ``N`` when both are the same)."""
    return str(first) if first == last else f"{first}–{last}"


@dataclass(frozen=True)
class UndoStep:
    """A step that can be taken back: what to call it, how to undo it, what to show after."""

    label: str  # 删除户 001 — shown as 撤销删除户 001
    undo: Callable[[], None]  # raises DomainError when it can no longer be undone
    done: Callable[[], None] | None = None  # e.g. refresh the page that took the step


class UndoStack(QObject):
    """The steps of this session that can be undone, the latest last (at most ``depth``).

    Signals:
        changed: a step was pushed or undone (the menu's text follows).
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, depth: int = 20) -> None:
        super().__init__(parent)
        self._steps: list[UndoStep] = []
        self._depth = depth

    def push(self, step: UndoStep) -> None:
        """Remember a step just taken."""
        self._steps = [*self._steps, step][-self._depth :]
        self.changed.emit()

    def clear(self) -> None:
        """Forget every step (another person signed in)."""
        self._steps = []
        self.changed.emit()

    def label(self) -> str | None:
        """The step Ctrl+Z would take back now, if any."""
        return self._steps[-1].label if self._steps else None

    def undo(self) -> UndoStep | None:
        """Take back the latest step and return it (None when there is none).

        Raises:
            DomainError: it can no longer be undone (the step is dropped all the same).
        """
        if not self._steps:
            return None
        step = self._steps.pop()
        self.changed.emit()
        step.undo()
        if step.done is not None:
            step.done()
        return step


def undo_stack(widget: QWidget) -> UndoStack:
    """The undo stack of ``widget``'s window (a page shown alone gets one of its own)."""
    window = widget.window()
    stack = getattr(window, "undo_stack", None)
    if isinstance(stack, UndoStack):
        return stack
    own = window.findChild(UndoStack, "windowUndo")
    if own is None:
        own = UndoStack(window)
        own.setObjectName("windowUndo")
    return own
