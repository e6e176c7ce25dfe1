"""设置 › 重点帮扶对象类别: the support tags the register offers and the reports count.

The township sets the list (one per line) and it travels to its stations with the kit and
every dispatch; a station sees it read-only. Tags already on households stay on them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.entities import SUPPORT_TAGS
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.palette import ERROR_STYLE


class SupportTagsBox(QGroupBox):
    """The list of support tags: edited at the township, shown at a station."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重点帮扶对象类别"), parent)
        self.store = store
        self.editable = node_role(store.db) == "township"
        self.explain = QLabel(
            self.tr("户籍登记、帮扶台账和月报（结对困难户）使用这些类别，每行一项。")
            + (
                self.tr("保存后随乡镇工作包和下发的数据包传到各工作站；已登记的标签不受影响。")
                if self.editable
                else self.tr("本表由乡镇群众工作办设置，这里只能查看。")
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(not self.editable)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(120)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存类别"), self)
        self.save_button.clicked.connect(self.save)
        self.default_button = QPushButton(self.tr("恢复默认"), self)
        self.default_button.clicked.connect(lambda: self.show_tags(SUPPORT_TAGS))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.status, 1)
        self.save_button.setVisible(self.editable)
        self.default_button.setVisible(self.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.show_tags(store.settings.support_tags())

    def show_tags(self, tags: tuple[str, ...]) -> None:
        """Fill the list."""
        self.text.setPlainText("\n".join(tags))
        self.status.clear()

    def save(self) -> bool:
        """Save the list (the township); say what is wrong otherwise, keeping the text."""
        lines = self.text.toPlainText().splitlines()
        try:
            saved = self.store.settings.set_support_tags(lines)
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(exc.message)
            return False
        self.show_tags(saved)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("已保存 {0} 项。").format(len(saved)))
        return True
