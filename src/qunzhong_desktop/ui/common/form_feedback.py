"""How forms show what is wrong and ask before destroying anything.

Shared by the register dialogs: a wrong field gets a red border and its message as a
tooltip, the messages are listed in a message area at the top of the form, and every
destructive action goes through :func:`confirm` (tests replace it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

INVALID_STYLE = "border: 2px solid #c62828; border-radius: 3px; background: #fff5f5;"


def mark_invalid(widget: QWidget, message: str) -> None:
    """Give a field a red border and its message as tooltip."""
    widget.setProperty("invalid", True)
    widget.setStyleSheet(INVALID_STYLE)
    widget.setToolTip(message)


def clear_invalid(widget: QWidget) -> None:
    """Undo :func:`mark_invalid`."""
    if widget.property("invalid"):
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
        widget.setToolTip("")


def is_marked(widget: QWidget) -> bool:
    """Whether a field is marked wrong."""
    return bool(widget.property("invalid"))


def message_area(parent: QWidget) -> QLabel:
    """A hidden, word-wrapping red box for a form's error messages."""
    label = QLabel(parent)
    label.setObjectName("formMessages")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(
        "QLabel#formMessages { color: #8e0000; background: #ffebee; border: 1px solid #ef9a9a;"
        " border-radius: 4px; padding: 8px; }"
    )
    label.hide()
    return label


def show_messages(label: QLabel, title: str, messages: list[str]) -> None:
    """Fill a message area with a title line and one message per line."""
    lines = [title, *("• " + m for m in messages)]
    label.setText("\n".join(lines))
    label.show()


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before a destructive action; "No" is the default answer."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    no.setText(QCoreApplication.translate("FormFeedback", "取消"))
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something that needs no answer (e.g. nothing selected)."""
    QMessageBox.information(parent, title, text)
