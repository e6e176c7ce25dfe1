"""How forms show what is wrong, ask before destroying anything, and move on with Enter.

In the dialogs a wrong field gets a red border and its message as a tooltip, and the
messages are listed in a message area at the top of the form. In the profile forms each
field is a :class:`FieldEdit` that explains a wrong value on its own line under it, in a
:class:`FieldSet` that checks them. Every destructive action goes through :func:`confirm`
(tests replace it). :func:`enter_moves_on` is the keyboard rule of every data-entry form:
Enter goes to the next field, or presses the focused button, and never closes the form.
Date fields are :func:`date_edit` (yyyy-MM-dd with a calendar); :func:`qdate` and
:func:`pydate` convert. The dialogs that act on one item or matter (the township's 交办, 办结,
不予受理, 上报县; the county's 交办, 退回乡镇, 办结) share :func:`summary_label`,
:func:`text_box` and :func:`ok_cancel`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.ui.common.palette import ERROR_STYLE

SUMMARY_CHARS = 120
BUTTON_HEIGHT = 34
INVALID_STYLE = "border: 2px solid #c62828; border-radius: 3px; background: #fff5f5;"


def mark_invalid(widget: QWidget, message: str) -> None:
    """Give a field a red border and its message as tooltip.

    The border goes as soon as the user changes the field (typing, choosing, picking a
    date): a corrected field should not still look wrong until the next save.
    """
    widget.setProperty("invalid", True)
    widget.setStyleSheet(INVALID_STYLE)
    widget.setToolTip(message)
    if not widget.property("clearsWhenEdited"):
        widget.setProperty("clearsWhenEdited", True)
        for name in ("textEdited", "currentIndexChanged", "dateChanged", "textChanged"):
            signal = getattr(widget, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(lambda *_args, w=widget: clear_invalid(w))
                break


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
    """Fill a message area with a title line and one message per line.

    A dialog grows to show the whole text rather than clip it (within the screen).
    """
    lines = [title, *("• " + m for m in messages)]
    label.setText("\n".join(lines))
    label.show()
    window = label.window()
    if window is not label and window.isWindow():
        layout = window.layout()
        if layout is not None:
            layout.activate()
        needed = window.sizeHint().height()
        screen = window.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height())
        if window.height() < needed:
            window.resize(window.width(), needed)


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


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def enter_moves_on(form: QWidget, event: QKeyEvent) -> bool:
    """Handle a plain Enter in ``form``: next field, or click the focused button.

    Returns:
        Whether the key was handled (the caller's ``keyPressEvent`` returns then).
    """
    if event.key() not in ENTER_KEYS or event.modifiers() != Qt.KeyboardModifier.NoModifier:
        return False
    focus = form.focusWidget()
    if isinstance(focus, QPushButton):
        focus.click()
    else:
        form.focusNextChild()
    return True


class FieldEdit(QWidget):
    """A line edit with an error line under it (hidden while there is no error)."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumHeight(32)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self.clear_error)

    def text(self) -> str:
        """What is typed."""
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Replace what is shown (never called on an error)."""
        self.edit.setText(text)

    def set_error(self, message: str) -> None:
        """Explain what is wrong under the field."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def clear_error(self) -> None:
        """Remove the explanation (the user is correcting the value)."""
        self.set_error("")

    def error_text(self) -> str:
        """The explanation shown, or ``""``."""
        return self.error.text() if self.error.isVisibleTo(self) else ""


class FieldSet:
    """Named :class:`FieldEdit` fields with their labels and checks; pages lay out a subset.

    Args:
        names: the fields, in form order (the names storage uses in a ValidationError's
            ``field``).
        labels: each field's label, translated.
        placeholders: each field's hint, translated.

    Subclasses implement :meth:`check_field`.
    """

    def __init__(
        self, names: Iterable[str], labels: dict[str, str], placeholders: dict[str, str]
    ) -> None:
        self.names = tuple(names)
        self.labels = labels
        self.fields: dict[str, FieldEdit] = {k: FieldEdit(placeholders[k]) for k in self.names}

    def add_rows(self, layout: QFormLayout, names: Iterable[str] | None = None) -> None:
        """Put the named fields (default: all) into a form layout; that is the tab order."""
        for name in self.names if names is None else names:
            label = QLabel(self.labels[name])
            label.setBuddy(self.fields[name].edit)
            layout.addRow(label, self.fields[name])

    def check_field(self, name: str) -> None:
        """Raise :class:`ValidationError` if the field ``name`` holds a wrong value."""
        raise NotImplementedError

    def check(self, names: Iterable[str] | None = None) -> bool:
        """Check the named fields (default: all); show each error under its field.

        The first wrong field gets the focus.

        Returns:
            Whether all of them are right.
        """
        first: FieldEdit | None = None
        for name in self.names if names is None else names:
            field = self.fields[name]
            try:
                self.check_field(name)
            except ValidationError as exc:
                field.set_error(exc.message)
                first = first or field
            else:
                field.clear_error()
        if first is not None:
            first.edit.setFocus()
            first.edit.selectAll()
        return first is None

    def show_error(self, exc: ValidationError) -> bool:
        """Show an error raised by storage under its field; False if it names none."""
        field = self.fields.get(str(exc.data.get("field", "")))
        if field is None:
            return False
        field.set_error(exc.message)
        field.edit.setFocus()
        return True


def qdate(day: dt.date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    """A QDate as a Python date."""
    return dt.date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, day: dt.date, *, latest: dt.date | None = None) -> QDateEdit:
    """A yyyy-MM-dd date field with a calendar (no later than ``latest``)."""
    edit = QDateEdit(qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(qdate(latest))
    return edit


class FieldError:
    """A field with a red error line under it (hidden while there is no error).

    Put :attr:`box` in the layout where the field would go.
    """

    def __init__(self, field: QWidget, parent: QWidget) -> None:
        self.field = field
        self.box = QWidget(parent)
        self.label = QLabel(self.box)
        self.label.setStyleSheet(ERROR_STYLE)
        self.label.setWordWrap(True)
        self.label.hide()
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.label)

    def show(self, message: str) -> None:
        """Mark the field and say what is wrong under it; focus the field."""
        mark_invalid(self.field, message)
        self.label.setText(message)
        self.label.show()
        self.field.setFocus()

    def clear(self) -> None:
        """Undo :meth:`show`."""
        clear_invalid(self.field)
        self.label.clear()
        self.label.hide()

    def text(self) -> str:
        """The error shown, or ``""``."""
        return self.label.text() if self.label.isVisibleTo(self.box) else ""


# the dialogs acting on one item or matter ---------------------------------------------------
def summary_label(
    parent: QWidget, number: str, where: str, requester: str, content: str, *, note: str = ""
) -> QLabel:
    """Number, where it comes from, requester and content (cut), and a note under them."""
    content = " ".join(content.split())
    if len(content) > SUMMARY_CHARS:
        content = content[: SUMMARY_CHARS - 1] + "…"
    label = QLabel(
        f"<b>{number}</b>　{where}　{requester}<br>{content}"
        + (f"<br><span style='color:#7a5b00'>{note}</span>" if note else ""),
        parent,
    )
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setStyleSheet("background: palette(base); padding: 8px; border-radius: 4px;")
    return label


def text_box(parent: QWidget, placeholder: str = "", *, height: int = 96) -> QPlainTextEdit:
    """A multi-line box where Tab moves on."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setPlaceholderText(placeholder)
    return edit


def ok_cancel(
    dialog: QDialog, label: str, submit: Callable[[], None], *, height: int = BUTTON_HEIGHT
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (named ``label``, default, also Ctrl+Enter) calling ``submit``, and 取消 (Esc)."""
    box = QDialogButtonBox(dialog)
    ok = box.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    ok.setMinimumHeight(height)
    cancel = box.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("FormFeedback", "取消"))
    cancel.setMinimumHeight(height)
    ok.clicked.connect(lambda _checked=False: submit())
    cancel.clicked.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, submit)
    return box, ok
