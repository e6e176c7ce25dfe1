"""结果: a round's verdicts — counts, rates with their fractions, rank and flags in colour.

Cadres first, then units, each in rank order (rows without votes last, not judged). A
不予提拔 row is red, a 诫勉谈话 row amber, the last unit (末位) red; the thresholds in force
are stated above the table, the 诫勉谈话 list below it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.evaluation import (
    ADMONISH,
    BOTTOM,
    CADRE,
    NO_PROMOTION,
    RoundResult,
    Verdict,
    period_text,
)
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.palette import DUE_SOON_TINT, OVERDUE_TINT
from qunzhong_desktop.ui.voice.parts import fill_table, read_only_table

translate = QCoreApplication.translate
WIDTHS = (44, 150, 110, 44, 64, 52, 140, 130, 44, 110)


def flag_tint(verdict: Verdict) -> str | None:
    """The row's colour: red for 不予提拔 and 末位, amber for 诫勉谈话 alone."""
    if NO_PROMOTION in verdict.flags or BOTTOM in verdict.flags:
        return OVERDUE_TINT
    if ADMONISH in verdict.flags:
        return DUE_SOON_TINT
    return None


def verdict_row(verdict: Verdict) -> list[object]:
    """The cells of a verdict's row."""
    t = verdict.tally
    kind = translate("ResultView", "个人") if t.rated == CADRE else translate("ResultView", "单位")
    return [
        kind, t.name, t.role or "—", t.satisfied, t.fair, t.unsatisfied,
        verdict.satisfied.text, verdict.unsatisfied.text,
        verdict.rank or "—", "、".join(verdict.flags) or "—",
    ]  # fmt: skip


class ResultView(QDialog):
    """The result of a round, read only, with 打印结果….

    Args:
        result: the round with its verdicts.
        village: the village(s) by name.
        parent: the Qt parent.
        print_result: prints the result sheet (the tab's 打印结果…).
    """

    def __init__(
        self,
        result: RoundResult,
        village: str,
        parent: QWidget | None = None,
        *,
        print_result: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.round_result = result
        stored = result.stored
        r = stored.round
        self.setWindowTitle(self.tr("测评结果 — {0}").format(stored.heading))
        layout = QVBoxLayout(self)
        head = QLabel(
            self.tr("{village}　{kind}　{period}　{day}　参会 {people} 人，发出选票 {issued} 张，"
                    "收回 {returned} 张").format(
                village=village, kind=r.kind, period=period_text(r.period),
                day=r.day.isoformat(), people=r.participants, issued=r.ballots_issued,
                returned=r.ballots_returned),
            self,
        )  # fmt: skip
        head.setWordWrap(True)
        layout.addWidget(head)
        rules = result.rules
        self.rules_label = QLabel(
            self.tr("不满意率达到 {0}% 的干部不予提拔；达到 {1}% 或排在干部末位的诫勉谈话；"
                    "单位排在最后的为末位。满意率 = （满意 + 基本满意）÷ 该行票数。").format(
                rules.no_promotion_percent, rules.admonish_percent),
            self,
        )  # fmt: skip
        self.rules_label.setWordWrap(True)
        self.rules_label.setStyleSheet("color: #555;")
        layout.addWidget(self.rules_label)
        headers = [
            self.tr("类别"), self.tr("名称"), self.tr("身份"), self.tr("满意"),
            self.tr("基本满意"), self.tr("不满意"), self.tr("满意率"), self.tr("不满意率"),
            self.tr("名次"), self.tr("标记"),
        ]  # fmt: skip
        self.table = read_only_table(self, headers, WIDTHS)
        verdicts = result.verdicts
        tints = {i: tint for i, v in enumerate(verdicts) if (tint := flag_tint(v)) is not None}
        fill_table(self.table, [verdict_row(v) for v in verdicts], tints=tints)
        layout.addWidget(self.table, 1)
        admonish = [v.tally.name for v in result.admonish]
        no_promotion = [v.tally.name for v in verdicts if NO_PROMOTION in v.flags]
        self.summary = QLabel(
            self.tr("不予提拔：{0}\n诫勉谈话名单：{1}").format(
                "、".join(no_promotion) or self.tr("无"), "、".join(admonish) or self.tr("无")),
            self,
        )  # fmt: skip
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("打印结果(&P)…"), self)
        if print_result is not None:
            self.print_button.clicked.connect(print_result)
            buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 520)
