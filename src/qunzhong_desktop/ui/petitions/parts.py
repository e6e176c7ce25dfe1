"""What the dialogs of this folder share: a field with its error line, OK/取消, a mark's text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from qunzhong_desktop.core.petitions import Mark

FIELD_HEIGHT = 32
HINT_STYLE = "color: #616161;"
SUGGEST_STYLE = (
    "QFrame#suggestion { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; }"
)


translate = QCoreApplication.translate  # translate("petitions", …): lupdate finds the calls


def ok_cancel(
    dialog: QDialog, label: str, submit: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named ``label``, default, also Ctrl+Enter) and 取消 (Esc)."""
    box = QDialogButtonBox(dialog)
    ok = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    ok.setMinimumHeight(FIELD_HEIGHT)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("FormFeedback", "取消"))
    cancel.setMinimumHeight(FIELD_HEIGHT)
    ok.clicked.connect(submit)
    cancel.clicked.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, submit)
    return box, ok


def mark_text(mark: Mark) -> str:
    """初信初访·来访·到县 ('' for no petition)."""
    return "·".join(p for p in (mark.level, mark.form, mark.reach) if p)
