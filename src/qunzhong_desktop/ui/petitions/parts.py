"""What the dialogs of this folder share: a field with its error line, OK/取消, a mark's text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from qunzhong_desktop.core.petitions import Mark
from qunzhong_desktop.ui.common import form_feedback

FIELD_HEIGHT = 32
HINT_STYLE = "color: #616161;"
SUGGEST_STYLE = (
    "QFrame#suggestion { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; }"
)


translate = QCoreApplication.translate  # translate("petitions", …): lupdate finds the calls


def ok_cancel(
    dialog: QDialog, label: str, submit: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named ``label``, default, also Ctrl+Enter) and 取消 (Esc), this folder's height."""
    return form_feedback.ok_cancel(dialog, label, submit, height=FIELD_HEIGHT)


def mark_text(mark: Mark) -> str:
    """初信初访·来访·到县 ('' for no petition)."""
    return "·".join(p for p in (mark.level, mark.form, mark.reach) if p)
