"""帮助 › 使用手册: the user guide, offline, in the window's language, at the page's section.

The guide is HTML under ``resources/help/`` (``manual_zh.html``, ``manual_en.html``); each
page's section has an anchor named after the page's key (``register``, ``intake`` …), so F1
opens the guide where it speaks of the page shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from qunzhong_desktop.ui.common.list_parts import fit_to_screen


def manual_path(english: bool) -> Path:
    """The guide's file in the window's language."""
    from qunzhong_desktop.ui.shell.application import resource_path

    return resource_path("help", "manual_en.html" if english else "manual_zh.html")


class HelpDialog(QDialog):
    """The user guide in a browser pane (links inside it work; no network is used)."""

    def __init__(self, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用手册"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(manual_path(english))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(560, 420)
        fit_to_screen(self, 860, 680)

    def show_section(self, key: str) -> None:
        """Scroll to the section of a page (its anchor), or the top if it has none."""
        if key and key in self.browser.toHtml():
            self.browser.scrollToAnchor(key)
        else:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
