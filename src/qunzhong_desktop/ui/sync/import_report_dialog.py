"""What an import or an export of bundles did, shown as a table the clerk can read.

:class:`ImportReportDialog` lists one :class:`ImportReport` per file (refusals in red with
their reason); :class:`ExportResultDialog` lists the bundles just written, where they are,
the sequence range they carry and what is in them (户、居民、事项 …).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.sync.views import (
    ALREADY,
    APPLIED,
    REFUSED,
    STATUS_NAMES,
    ExportResult,
    ImportReport,
)
from qunzhong_desktop.ui.common.palette import RED
from qunzhong_desktop.ui.common.session import seq_range

translate = QCoreApplication.translate

FILE_COLUMN_WIDTH = 230

# What an export's summary counts, in the order shown.
SUMMARY_KEYS = ("households", "persons", "items", "events", "diary", "config", "other", "stations")


def summary_names() -> dict[str, str]:
    """The Chinese names of the summary keys (translated)."""
    return {
        "households": translate("import_report", "户"),
        "persons": translate("import_report", "居民"),
        "items": translate("import_report", "事项"),
        "events": translate("import_report", "办理记录"),
        "diary": translate("import_report", "日记"),
        "config": translate("import_report", "配置"),
        "other": translate("import_report", "其他"),
        # a county bundle's signed list of the township's stations
        "stations": translate("import_report", "工作站名单"),
    }


def summary_text(summary: dict[str, int]) -> str:
    """``户 3，居民 12，事项 2`` (zeros left out), or 无新变更."""
    names = summary_names()
    keys = [*SUMMARY_KEYS, *sorted(k for k in summary if k not in SUMMARY_KEYS)]
    parts = [f"{names.get(k, k)} {summary[k]}" for k in keys if summary.get(k)]
    return translate("import_report", "，").join(parts) or translate("import_report", "无新变更")


def import_summary(reports: Sequence[ImportReport]) -> str:
    """``3 个数据包：2 个已导入，1 个被拒绝`` (the parts that are zero left out)."""
    counts = {s: sum(1 for r in reports if r.status == s) for s in (APPLIED, ALREADY, REFUSED)}
    parts = []
    if counts[APPLIED]:
        parts.append(translate("import_report", "{0} 个已导入").format(counts[APPLIED]))
    if counts[ALREADY]:
        parts.append(translate("import_report", "{0} 个此前已导入过").format(counts[ALREADY]))
    if counts[REFUSED]:
        parts.append(translate("import_report", "{0} 个被拒绝").format(counts[REFUSED]))
    head = translate("import_report", "{0} 个数据包").format(len(reports))
    return head + translate("import_report", "：") + translate("import_report", "，").join(parts)


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # long file names keep their end
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    # wrapped messages need their rows re-measured whenever a column changes width
    table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
    return table


def _cell(text: str, *, number: bool = False, colour: str = "", tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour:
        item.setForeground(QColor(colour))
    item.setToolTip(tip or text)
    return item


class _ResultDialog(QDialog):
    """A summary line, a table and a 关闭 button."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.resize(980, 400)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("reportSummary")
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary_label.setFont(font)
        self.table = _table(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("import_report", "关闭")
        )
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()  # not the table: no cell looks picked out
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.summary_label)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Measure the wrapped rows again once the columns have their final widths."""
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def _start(self, title: str, summary: str, headers: list[str], rows: int) -> None:
        self.setWindowTitle(title)
        self.summary_label.setText(summary)
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(rows)

    def _note(self, text: str) -> None:
        note = QLabel(text, self)
        note.setWordWrap(True)
        self.body.insertWidget(2, note)

    def _fit_columns(self, wide: int) -> None:
        table = self.table
        header = table.horizontalHeader()
        table.resizeColumnsToContents()
        for column in range(table.columnCount()):
            table.setColumnWidth(column, table.columnWidth(column) + 8)
        # a bundle's name is long and alike from file to file: its end (the date) shows
        table.setColumnWidth(0, min(table.columnWidth(0), FILE_COLUMN_WIDTH))
        table.setColumnWidth(wide, 100)  # the stretch takes the rest; long text wraps
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()

    def cell_text(self, row: int, column: int) -> str:
        """The text of a cell (tests and screen readers)."""
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


class ImportReportDialog(_ResultDialog):
    """One row per imported file: its outcome, who sent it and how many changes.

    Args:
        reports: what :meth:`.SyncService.import_bundles` returned.
        parent: the Qt parent.
    """

    def __init__(self, reports: Sequence[ImportReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports = list(reports)
        headers = [
            self.tr("文件"),
            self.tr("结果"),
            self.tr("来自"),
            self.tr("序号"),
            self.tr("导入"),
            self.tr("已有"),
            self.tr("待核对"),
            self.tr("说明"),
        ]
        self._start(self.tr("导入结果"), import_summary(reports), headers, len(self.reports))
        # STATUS_NAMES, translatable
        names = {
            APPLIED: self.tr("已导入"),
            ALREADY: self.tr("已导入过"),
            REFUSED: self.tr("已拒绝"),
        }
        table = self.table
        for row, report in enumerate(self.reports):
            refused = report.status == REFUSED
            colour = RED if refused else ""
            code = f"（{report.sender_code}）" if report.sender_code else ""
            seq = ""
            if report.seq_from:  # an empty bundle runs from N to N - 1
                seq = (
                    seq_range(report.seq_from, report.seq_to)
                    if report.seq_to >= report.seq_from
                    else self.tr("无新变更")
                )
            status = names.get(report.status) or STATUS_NAMES.get(report.status, report.status)

            def count(value: int, *, refused: bool = refused) -> str:
                return "" if refused else str(value)

            cells = [
                _cell(report.path.name, tip=str(report.path)),
                _cell(status, colour=colour),
                _cell(report.sender_name or report.sender_code, tip=report.sender_name + code),
                _cell(seq, number=True),
                _cell(count(report.applied), number=True),
                _cell(count(report.skipped), number=True),
                _cell(count(report.flagged), number=True, colour=RED if report.flagged else ""),
                _cell(report.message, colour=colour),
            ]
            for column, item in enumerate(cells):
                table.setItem(row, column, item)
        self._fit_columns(7)
        if any(r.flagged for r in self.reports):
            self._note(self.tr("“待核对”的变更已记入冲突记录，请逐条查看后决定保留哪个值。"))


class ExportResultDialog(_ResultDialog):
    """The bundles just written: file, recipient, sequence range and contents.

    Args:
        results: what :meth:`.SyncService.export_bundles` returned.
        parent: the Qt parent.
    """

    def __init__(self, results: Sequence[ExportResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = [
            self.tr("文件"),
            self.tr("发给"),
            self.tr("序号"),
            self.tr("变更条数"),
            self.tr("内容"),
        ]
        self.results = list(results)
        if self.results:
            folder = self.results[0].path.parent
            summary = self.tr("已生成 {0} 个数据包，保存在 {1}").format(len(self.results), folder)
        else:
            summary = self.tr("没有需要生成的数据包。")
        self._start(self.tr("导出结果"), summary, headers, len(self.results))
        table = self.table
        for row, result in enumerate(self.results):
            recipient = result.recipient_name
            if result.recipient_code:
                recipient = f"{recipient}（{result.recipient_code}）"
            seq = (
                seq_range(result.seq_from, result.seq_to)
                if result.seq_to >= result.seq_from
                else self.tr("无新变更")
            )
            cells = [
                _cell(result.path.name, tip=str(result.path)),
                _cell(recipient),
                _cell(seq, number=True),
                _cell(str(result.changes), number=True),
                _cell(summary_text(result.summary)),
            ]
            for column, item in enumerate(cells):
                table.setItem(row, column, item)
        self._fit_columns(4)
        if self.results:
            self._note(
                self.tr(
                    "请把数据包文件复制到 U 盘，交给对方导入。数据包已签名加密，只有对方能打开。"
                )
            )
