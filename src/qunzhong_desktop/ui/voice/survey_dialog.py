"""提拔前征求意见 (the township): a cadre's served households asked before a promotion.

Choose a cadre: the households served (paired with the cadre, or requesters of items the
cadre handled) are listed. 开始征求意见 keeps a survey of them; each household's answer is
recorded by choosing it in the list (满意 / 基本满意 / 不满意 / 未答复); 打印征求意见表 prints
the list (phones masked), answers already given ticked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.evaluation import ANSWERS, UNANSWERED, Survey
from qunzhong_desktop.core.phone import mask
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.access_log import record
from qunzhong_desktop.storage.setup import township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import fit_to_screen
from qunzhong_desktop.ui.common.printing import document_name, print_document
from qunzhong_desktop.ui.common.session import Today
from qunzhong_desktop.ui.voice.parts import fill_table, read_only_table, selected_rows

WIDTHS = (70, 80, 200, 110, 60, 60, 80)


def write_survey(store: Store, survey_id: str, out: Path) -> Path:
    """The survey list of ``survey_id`` as a PDF at ``out`` (phones masked)."""
    from qunzhong_desktop.reports.evaluation_pdf import render_survey

    require(store.db.operator, Permission.EXPORT)
    survey = store.surveys.survey(survey_id)
    render_survey(survey, out, font=store_font(store), township=township_profile(store.db)[1])
    record(store.db, "print_list", f"征求意见表 {survey.cadre_name}", len(survey.answers))
    return out


class SurveyDialog(QDialog):
    """提拔前征求意见: choose a cadre, start the survey, record the answers, print the list.

    Args:
        store: the township's store.
        parent: the Qt parent.
        clock: today's date.

    Attributes:
        survey: the survey shown (the cadre's latest), if any.
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, clock: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clock: Today = clock or dt.date.today
        self.survey: Survey | None = None
        self.setWindowTitle(self.tr("提拔前征求群众意见"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.cadre = QComboBox(self)
        self.cadre.setMinimumContentsLength(10)
        for cadre in store.register.cadres():
            if not cadre.retired:
                self.cadre.addItem(f"{cadre.name}（{cadre.category or cadre.role}）", cadre.id)
        caption = QLabel(self.tr("干部(&C)"), self)
        caption.setBuddy(self.cadre)
        self.purpose = QLineEdit(self)
        self.purpose.setPlaceholderText(self.tr("事由，如 拟提拔为副镇长"))
        purpose_caption = QLabel(self.tr("事由(&U)"), self)
        purpose_caption.setBuddy(self.purpose)
        self.start_button = QPushButton(self.tr("开始征求意见(&S)"), self)
        self.start_button.clicked.connect(self.start)
        for widget in (caption, self.cadre, purpose_caption, self.purpose, self.start_button):
            top.addWidget(widget, 1 if widget is self.purpose else 0)
        layout.addLayout(top)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = read_only_table(self, [
            self.tr("户号"), self.tr("户主"), self.tr("住址"), self.tr("电话"),
            self.tr("结对"), self.tr("经办事项"), self.tr("意见"), self.tr("备注"),
        ], WIDTHS)  # fmt: skip
        layout.addWidget(self.table, 1)
        answer_row = QHBoxLayout()
        self.answer = QComboBox(self)
        self.answer.addItems([*ANSWERS, UNANSWERED])
        answer_caption = QLabel(self.tr("所选户的意见(&A)"), self)
        answer_caption.setBuddy(self.answer)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("备注（可不填）"))
        self.record_button = QPushButton(self.tr("记录(&R)"), self)
        self.record_button.clicked.connect(self.record_answer)
        self.note.returnPressed.connect(self.record_answer)
        for widget in (answer_caption, self.answer, self.note, self.record_button):
            answer_row.addWidget(widget, 1 if widget is self.note else 0)
        layout.addLayout(answer_row)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("打印征求意见表(&P)…"), self)
        self.print_button.clicked.connect(self.print_survey)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.cadre.currentIndexChanged.connect(lambda _i: self.show_cadre())
        self.show_cadre()
        fit_to_screen(self, 900, 560)

    def cadre_id(self) -> str:
        """The cadre chosen."""
        return str(self.cadre.currentData() or "")

    def show_cadre(self) -> None:
        """The cadre's latest survey, else the households that would be asked."""
        cadre_id = self.cadre_id()
        self.survey = None
        rows: list[list[object]] = []
        try:
            found = self.store.surveys.surveys(cadre_id) if cadre_id else []
            self.survey = found[0] if found else None
            if self.survey is not None:
                for a in self.survey.answers:
                    h = a.household
                    rows.append([h.number, h.head, h.address, mask(h.phone) or "—",
                                 self.tr("是") if h.paired else "", h.items or "",
                                 a.answer or UNANSWERED, a.note])  # fmt: skip
            elif cadre_id:
                for h in self.store.surveys.served_households(cadre_id):
                    rows.append([h.number, h.head, h.address, mask(h.phone) or "—",
                                 self.tr("是") if h.paired else "", h.items or "", "", ""])  # fmt: skip
        except DomainError as exc:
            show_error(self, exc, title=self.windowTitle())
        fill_table(self.table, rows)
        survey = self.survey
        if survey is not None:
            counts = "，".join(f"{c} {survey.count(c)} 户" for c in (*ANSWERS, UNANSWERED))
            self.status.setText(
                self.tr("{day} 开始征求意见（{purpose}）：{counts}；不满意率 {rate}。").format(
                    day=survey.started_on.isoformat(),
                    purpose=survey.purpose or "—",
                    counts=counts,
                    rate=survey.unsatisfied.text,
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "该干部服务过的户 {0} 户（结对户和经办事项的诉求人）；"
                    "点“开始征求意见”后逐户记录意见。"
                ).format(len(rows))
            )
        for widget in (self.answer, self.note, self.record_button, self.print_button):
            widget.setEnabled(survey is not None)

    def start(self) -> None:
        """开始征求意见: a survey of every household served."""
        try:
            self.store.surveys.start(self.cadre_id(), self.purpose.text(), self.clock())
        except DomainError as exc:
            show_error(self, exc, title=self.windowTitle())
            return
        self.show_cadre()

    def record_answer(self) -> None:
        """记录: the answer chosen for the household selected."""
        rows = selected_rows(self.table)
        if self.survey is None or not rows:
            return
        household = self.survey.answers[rows[0]].household.household_id
        try:
            self.store.surveys.record(self.survey.id, household, self.answer.currentText(),
                                      note=self.note.text(), day=self.clock())  # fmt: skip
        except DomainError as exc:
            show_error(self, exc, title=self.windowTitle())
            return
        self.note.clear()
        self.show_cadre()
        if rows[0] + 1 < self.table.rowCount():
            self.table.selectRow(rows[0] + 1)

    def print_survey(self) -> None:
        """打印征求意见表: the list in the preview (phones masked)."""
        survey = self.survey
        if survey is None:
            return

        def write(path: Path, _progress: Progress, _cancel: CancelToken) -> Path:
            return write_survey(self.store, survey.id, path)

        print_document(
            self, self.store, write, file_name="survey.pdf",
            save_name=document_name(self.store, "征求意见表", survey.started_on.isoformat()),
            label=self.tr("正在生成征求意见表……"), title=self.tr("征求意见表"),
        )  # fmt: skip
