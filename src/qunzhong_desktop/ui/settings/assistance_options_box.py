"""设置 › 帮扶公示与特困标准: amounts on the 五公开 notice, and the 特困 yearly minimum.

The township sets them and they travel to its stations with the kit and every dispatch; a
station sees them read-only (``store.settings.assistance_options``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.assistance_case import MAX_AMOUNT_YUAN
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.settings_repo import AssistanceOptions
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.palette import ERROR_STYLE


class AssistanceOptionsBox(QGroupBox):
    """The assistance options: edited at the township, shown at a station."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("帮扶公示与特困标准"), parent)
        self.store = store
        self.editable = node_role(store.db) == "township"
        self.explain = QLabel(
            self.tr("五公开公示默认不印金额；特困人员一年所得资金、物品低于标准的，月报中列出。")
            + (
                self.tr("保存后随乡镇工作包和下发的数据包传到各工作站。")
                if self.editable
                else self.tr("本项由乡镇群众工作办设置，这里只能查看。")
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.amounts = QCheckBox(self.tr("在五公开公示上印出帮扶金额（元）"), self)
        self.amounts.setEnabled(self.editable)
        self.threshold = QSpinBox(self)
        self.threshold.setRange(0, MAX_AMOUNT_YUAN)
        self.threshold.setGroupSeparatorShown(True)
        self.threshold.setSuffix(self.tr(" 元/人·年"))
        self.threshold.setMinimumWidth(200)
        self.threshold.setReadOnly(not self.editable)
        self.threshold.setEnabled(self.editable)
        self.threshold.setToolTip(
            self.tr("特困人员本年所得资金、物品（户的帮扶按在册人数平均分摊）低于此数的列出")
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.amounts)
        form.addRow(self.tr("特困人员年度帮扶标准："), self.threshold)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存设置"), self)
        self.save_button.clicked.connect(self.save)
        self.default_button = QPushButton(self.tr("恢复默认"), self)
        self.default_button.clicked.connect(lambda: self.show_options(AssistanceOptions()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.status, 1)
        self.save_button.setVisible(self.editable)
        self.default_button.setVisible(self.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.show_options(store.settings.assistance_options())

    def show_options(self, options: AssistanceOptions) -> None:
        """Fill the boxes."""
        self.amounts.setChecked(options.notice_amounts)
        self.threshold.setValue(options.poor_threshold_yuan)
        self.status.clear()

    def options(self) -> AssistanceOptions:
        """What the boxes say."""
        return AssistanceOptions(self.amounts.isChecked(), self.threshold.value())

    def save(self) -> bool:
        """Save the options (the township); say what is wrong otherwise, keeping the boxes."""
        options = self.options()
        try:
            self.store.settings.set_assistance_options(options)
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(exc.message)
            return False
        self.show_options(self.store.settings.assistance_options())
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("已保存：公示{0}金额，特困标准 {1} 元/人·年。").format(
                self.tr("印出") if options.notice_amounts else self.tr("不印"),
                f"{options.poor_threshold_yuan:,}",
            )
        )
        return True
