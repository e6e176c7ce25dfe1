"""The roster import dialog (花名册导入): choose a file, read the preview, import, save errors.

The file is read and checked off the GUI thread; nothing is written until the clerk presses
导入, and then every valid row goes in one transaction. Rejected rows can be saved as an
Excel file with the roster's own header and a 错误原因 column, corrected and imported again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.roster.plan import Action, ImportPlan
from qunzhong_desktop.reports.roster_errors import write_error_report
from qunzhong_desktop.storage.roster_import import apply_roster, preview_roster
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task


class RosterImportDialog(QDialog):
    """Import a village roster (.xlsx, .xls, .ods) with a preview first."""

    # Emitted with the plan carried out once the rows are in the register.
    imported = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: ImportPlan | None = None
        self.done_plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("导入花名册"))
        self.setMinimumSize(760, 520)
        self._build()
        self._update_buttons()

    # layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "支持 Excel/WPS 表格（.xlsx、.xls、.ods）。表头可在标题行下方，"
                "列名如“户号、姓名、与户主关系、身份证号、联系电话、家庭住址、网格”。"
                "导入前先预览，不会写入任何数据。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("尚未选择文件"))
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.summary_label = QLabel(self.tr("请选择花名册文件。"))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("行号"), self.tr("姓名"), self.tr("情况"), self.tr("原因")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_rows)
        self.report_button = QPushButton(self.tr("保存错误报告…"))
        self.report_button.clicked.connect(self.choose_report)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.import_button, self.report_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _update_buttons(self) -> None:
        plan = self.plan
        writes = plan is not None and any(
            plan.count(kind, action) > 0
            for kind in ("households", "persons")
            for action in (Action.CREATE, Action.UPDATE)
        )
        self.import_button.setEnabled(writes and self.done_plan is None)
        self.report_button.setEnabled(plan is not None and bool(plan.rejected))

    # preview ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        """Ask for a roster file and preview it."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择花名册"),
            str(Path.home()),
            self.tr("表格文件 (*.xlsx *.xls *.ods);;所有文件 (*)"),
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read and check a roster file (off the GUI thread), then show the preview."""
        self.path_edit.setText(str(path))
        self.plan = self.done_plan = None
        self.cancel_button.setText(self.tr("取消"))
        self.table.setRowCount(0)
        self.summary_label.setText(self.tr("正在读取……"))
        self._update_buttons()

        def work(progress: Progress, cancel: CancelToken) -> ImportPlan:
            del progress, cancel
            return preview_roster(self.store.db, path)

        run_task(
            self,
            work,
            label=self.tr("正在读取花名册……"),
            on_done=self._show_plan,
            on_error=self._show_failure,
            cancellable=False,
        )

    def _show_plan(self, plan: Any) -> None:
        assert isinstance(plan, ImportPlan)
        self.plan = plan
        self.summary_label.setText(self._summary(plan, done=False))
        self._fill_table(plan)
        self._update_buttons()

    def _show_failure(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            self.summary_label.setText(self.tr("未能完成，数据没有改动。"))
            return
        self.summary_label.setText(
            self.tr("<span style='color:#c00000'>{0}</span>").format(exc.message)
        )
        self._update_buttons()

    def _summary(self, plan: ImportPlan, *, done: bool) -> str:
        created_h = plan.count("households", Action.CREATE)
        updated_h = plan.count("households", Action.UPDATE)
        created_p = plan.count("persons", Action.CREATE)
        updated_p = plan.count("persons", Action.UPDATE)
        verb = self.tr("已") if done else self.tr("将")
        lines = [
            self.tr("工作表“{0}”，表头在第 {1} 行。").format(
                plan.roster.sheet, plan.roster.header.row_index + 1
            ),
            self.tr("{0}新建 {1} 户、{2} 人；{0}更新 {3} 户、{4} 人。").format(
                verb, created_h, created_p, updated_h, updated_p
            ),
            self.tr("需核对（导入并标记）{0} 行；不能导入 {1} 行。").format(
                len(plan.flagged), len(plan.rejected)
            ),
        ]
        lines.extend(self.tr("注意：{0}").format(w) for w in plan.roster.warnings)
        return "<br>".join(lines)

    def _fill_table(self, plan: ImportPlan) -> None:
        issues = [(i, self.tr("不能导入")) for i in plan.rejected]
        issues += [(i, self.tr("需核对")) for i in plan.flagged]
        issues.sort(key=lambda pair: pair[0].row)
        self.table.setRowCount(len(issues))
        for index, (issue, kind) in enumerate(issues):
            values = (str(issue.row), issue.name, kind, issue.reason)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if col == 2 and issue in plan.rejected:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(index, col, item)
        self.table.resizeRowsToContents()

    # import and report -------------------------------------------------------------------
    def import_rows(self) -> None:
        """Import the valid rows of the previewed roster in one transaction."""
        plan = self.plan
        if plan is None:
            return
        self.import_button.setEnabled(False)

        def work(progress: Progress, cancel: CancelToken) -> ImportPlan:
            del progress, cancel
            return apply_roster(self.store.db, plan.roster)

        run_task(
            self,
            work,
            label=self.tr("正在导入花名册……"),
            on_done=self._imported,
            on_error=self._show_failure,
            cancellable=False,
        )

    def _imported(self, done: Any) -> None:
        assert isinstance(done, ImportPlan)
        self.plan = self.done_plan = done
        self.summary_label.setText(self._summary(done, done=True))
        self._fill_table(done)
        self.cancel_button.setText(self.tr("关闭"))
        self._update_buttons()
        self.imported.emit(done)

    def choose_report(self) -> None:
        """Ask where to save the error report, then save it."""
        plan = self.plan
        if plan is None:
            return
        source = Path(self.path_edit.text())
        suggested = source.with_name(f"{source.stem}-错误报告.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存错误报告"), str(suggested), self.tr("Excel 文件 (*.xlsx)")
        )
        if name:
            self.save_report(Path(name))

    def save_report(self, path: Path) -> Path | None:
        """Write the rejected rows to ``path`` and say so; None if it could not be written."""
        plan = self.plan
        if plan is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            written = write_error_report(plan, path)
        except OSError as exc:
            self.summary_label.setText(
                self.tr("<span style='color:#c00000'>错误报告未能保存：{0}</span>").format(
                    exc.strerror or exc
                )
            )
            return None
        self.summary_label.setText(
            self._summary(plan, done=self.done_plan is not None)
            + "<br>"
            + self.tr("错误报告已保存：{0}（改正后可直接再次导入）").format(written)
        )
        return written
