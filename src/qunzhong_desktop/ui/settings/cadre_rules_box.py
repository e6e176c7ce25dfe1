"""设置 › 干部考核规则: what each category of cadre must do (the township edits, stations see).

The table is :mod:`qunzhong_desktop.core.cadre_rules`; the township saves it here and it
travels to its stations with the kit and every dispatch. At a station the boxes are shown
read-only with a note saying where the rules come from. A box at 0 (shown “—”) means the
rule does not ask for it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.cadre_rules import (
    CATEGORIES,
    DEFAULT_RULES,
    MAX_DAYS,
    MAX_HOUSEHOLDS,
    Rule,
    rule_for,
)
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.palette import ERROR_STYLE

SHARES: tuple[tuple[int, int] | None, ...] = (None, (1, 4), (1, 3), (1, 2))


class _Row:
    """The boxes of one category."""

    def __init__(self, parent: QWidget, category: str) -> None:
        self.category = category
        self.village = _days(parent, f"{category} 每月在村")
        self.duty = _days(parent, f"{category} 坐班")
        self.low = _count(parent, f"{category} 结对困难户下限")
        self.high = _count(parent, f"{category} 结对困难户上限")
        self.first_week = QCheckBox(parent)
        self.first_week.setAccessibleName(f"{category} 第一周集中工作日")
        self.share = QComboBox(parent)
        for share in SHARES:
            self.share.addItem("—" if share is None else f"{share[0]}/{share[1]}", share)
        self.note = QLineEdit(parent)
        self.note.setMaxLength(50)

    def widgets(self) -> tuple[QWidget, ...]:
        return (
            self.village, self.duty, self.low, self.high, self.first_week, self.share, self.note,
        )  # fmt: skip

    def show(self, rule: Rule) -> None:
        self.village.setValue(rule.village_days or 0)
        self.duty.setValue(rule.duty_days or 0)
        low, high = rule.paired or (0, 0)
        self.low.setValue(low)
        self.high.setValue(high)
        self.first_week.setChecked(rule.first_week)
        index = self.share.findData(rule.year_share)
        if index < 0:  # a share set elsewhere (the CLI): listed too
            self.share.addItem(f"{rule.year_share[0]}/{rule.year_share[1]}", rule.year_share)  # type: ignore[index]
            index = self.share.count() - 1
        self.share.setCurrentIndex(index)
        self.note.setText(rule.note)

    def rule(self) -> Rule:
        paired = (self.low.value(), self.high.value())
        return Rule(
            self.category,
            village_days=self.village.value() or None,
            duty_days=self.duty.value() or None,
            paired=paired if any(paired) else None,
            first_week=self.first_week.isChecked(),
            year_share=self.share.currentData(),
            note=self.note.text().strip(),
        )


def _days(parent: QWidget, name: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, MAX_DAYS)
    spin.setSpecialValueText("—")
    spin.setSuffix(" 天")
    spin.setAccessibleName(name)
    return spin


def _count(parent: QWidget, name: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(0, MAX_HOUSEHOLDS)
    spin.setSpecialValueText("—")
    spin.setAccessibleName(name)
    return spin


class CadreRulesBox(QGroupBox):
    """The rule table: editable at the township, shown at a station."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("干部考核规则"), parent)
        self.store = store
        self.editable = node_role(store.db) == "township"
        self.explain = explain = QLabel(
            self.tr(
                "每类干部每月须在村的天数、坐班天数、结对困难户数等，月报、民情日记和全年情况"
                "按此判定。“—”表示不作要求。"
            )
            + (
                self.tr("保存后随乡镇工作包和下发的数据包传到各工作站。")
                if self.editable
                else self.tr(
                    "本表由乡镇群众工作办设置，随乡镇工作包和下发的数据包传来，这里只能查看。"
                )
            ),
            self,
        )
        explain.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        heads = (
            self.tr("类别"), self.tr("每月在村 ≥"), self.tr("坐班 ≥"), self.tr("结对困难户"),
            "", self.tr("第一周"), self.tr("全年在村"), self.tr("说明"),
        )  # fmt: skip
        for column, text in enumerate(heads):
            head = QLabel(text, self)
            head.setStyleSheet("font-weight: bold;")
            grid.addWidget(head, 0, column)
        self.rows: dict[str, _Row] = {}
        for r, category in enumerate(CATEGORIES, start=1):
            row = _Row(self, category)
            grid.addWidget(QLabel(category, self), r, 0)
            for column, widget in enumerate(row.widgets(), start=1):
                grid.addWidget(widget, r, column)
                widget.setEnabled(self.editable)
            self.rows[category] = row
        grid.setColumnStretch(7, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存考核规则"), self)
        self.save_button.clicked.connect(self.save)
        self.default_button = QPushButton(self.tr("恢复默认"), self)
        self.default_button.setToolTip(self.tr("恢复公开规定的默认规则（保存后生效）"))
        self.default_button.clicked.connect(lambda: self.show_rules(DEFAULT_RULES))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.default_button)
        buttons.addWidget(self.status, 1)
        self.save_button.setVisible(self.editable)
        self.default_button.setVisible(self.editable)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self.show_rules(store.settings.cadre_rules())

    def show_rules(self, rules: tuple[Rule, ...]) -> None:
        """Fill the boxes."""
        for category, row in self.rows.items():
            row.show(rule_for(rules, category))
        self.status.clear()

    def rules(self) -> tuple[Rule, ...]:
        """The table as the boxes show it."""
        return tuple(self.rows[c].rule() for c in CATEGORIES)

    def save(self) -> bool:
        """Save the table (the township); say what is wrong otherwise, keeping the boxes."""
        try:
            self.store.settings.set_cadre_rules(self.rules())
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(exc.message)
            return False
        self.status.setStyleSheet("")
        self.status.setText(self.tr("已保存。下次导出的工作包和数据包会带上新规则。"))
        return True
