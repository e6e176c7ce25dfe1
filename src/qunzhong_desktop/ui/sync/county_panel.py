"""The county's side of 同步 (issue 19): the townships board, bundles in, dispatches out.

Like the township's panel one tier up: buttons import the townships' county bundles
(files or a whole folder) and write the county's dispatch bundles (one per township);
on the right, the county kit for the townships and the enrollment of a township by typing
its fingerprint. Below them the board from :meth:`.SyncService.county_board`: each township
(its last bundle, the sequences received and acknowledged, the last dispatch, open and
overdue items), expandable to the stations of its signed list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.storage.setup import county_profile
from qunzhong_desktop.sync.views import EnrollmentInfo, PeerStatus, TownshipBoard
from qunzhong_desktop.ui.common.palette import RED
from qunzhong_desktop.ui.common.session import local_time, seq_range
from qunzhong_desktop.ui.sync.sync_host import (
    KIT_SUFFIX,
    SyncHost,
    button_bar,
    enroll_from_file,
    export_kit,
    push_button,
)

(
    COL_NAME,
    COL_CODE,
    COL_LAST_BUNDLE,
    COL_RECEIVED,
    COL_ACKED,
    COL_LAST_SENT,
    COL_STATIONS,
    COL_OPEN,
    COL_OVERDUE,
) = range(9)
WIDTHS = (180, 96, 124, 84, 110, 124, 44, 56, 44)
CODE_ROLE = Qt.ItemDataRole.UserRole


def _when(peer: PeerStatus, sent: bool = False) -> str:
    at = peer.last_sent_at if sent else peer.last_received_at
    return local_time(at) if at is not None else "—"


class CountyBoard(QTreeWidget):
    """The townships (top level) and their stations (children)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([
            self.tr("乡镇 / 工作站"), self.tr("代码"), self.tr("最近数据包"),
            self.tr("已收至序号"), self.tr("对方已确认"), self.tr("最近交办包"),
            self.tr("站点"), self.tr("未办结"), self.tr("超期"),
        ])  # fmt: skip
        for column, width in enumerate(WIDTHS):
            self.setColumnWidth(column, max(width, self.header().sectionSizeHint(column)))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.boards: list[TownshipBoard] = []

    def set_boards(self, boards: Sequence[TownshipBoard]) -> None:
        """Show the townships, keeping the expanded ones expanded."""
        tops = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        expanded = {str(t.data(0, CODE_ROLE)) for t in tops if t is not None and t.isExpanded()}
        selected = self.selected_code()
        self.clear()
        self.boards = list(boards)
        for board in self.boards:
            top = self._township_item(board)
            self.addTopLevelItem(top)
            for station in board.stations:
                top.addChild(self._station_item(station))
            top.setExpanded(board.township.code in expanded)
        if selected:
            self.select_code(selected)

    def _township_item(self, board: TownshipBoard) -> QTreeWidgetItem:
        peer = board.township
        received = self.tr("{0}（缺 {1}）").format(
            peer.received_through, seq_range(*peer.missing)
        ) if peer.missing else str(peer.received_through)  # fmt: skip
        acked = (
            self.tr("{0}（待确认 {1}）").format(peer.acked_through, peer.pending_out)
            if peer.pending_out
            else str(peer.acked_through)
        )
        item = QTreeWidgetItem([
            peer.name, peer.code, _when(peer), received, acked, _when(peer, sent=True),
            str(len(board.stations)), str(board.open_items), str(board.overdue_items),
        ])  # fmt: skip
        item.setData(0, CODE_ROLE, peer.code)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        if not peer.enrolled:
            item.setToolTip(0, self.tr("尚未核对指纹登记"))
        if peer.missing:
            item.setForeground(COL_RECEIVED, QBrush(QColor(RED)))
        if board.overdue_items:
            item.setForeground(COL_OVERDUE, QBrush(QColor(RED)))
        for column in (COL_STATIONS, COL_OPEN, COL_OVERDUE):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        return item

    def _station_item(self, peer: PeerStatus) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [peer.name, peer.code, "", "", "", "", "", str(peer.open_items),
             str(peer.overdue_items)]
        )  # fmt: skip
        item.setData(0, CODE_ROLE, peer.code)
        if peer.overdue_items:
            item.setForeground(COL_OVERDUE, QBrush(QColor(RED)))
        for column in (COL_OPEN, COL_OVERDUE):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
        return item

    def selected_code(self) -> str | None:
        """The code of the selected township (or station)."""
        item = self.currentItem()
        return str(item.data(0, CODE_ROLE)) if item is not None else None

    def select_code(self, code: str) -> None:
        """Select the row of a township's (or a station's) code."""
        found = self.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 1)
        if found:
            self.setCurrentItem(found[0])


class CountyPanel(QWidget):
    """The townships of this county and the bundles exchanged with them.

    Args:
        host: the page (keys, status line, dialogs, bundle import and export).
        parent: the Qt parent.

    Attributes:
        board: the townships board.
        empty_label: the first steps, shown while no township is enrolled.
    """

    def __init__(self, host: SyncHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.import_button = push_button(self, self.tr("导入数据包…"), self.import_bundles)
        self.import_folder_button = push_button(
            self, self.tr("导入整个文件夹…"), self.import_folder
        )
        self.export_button = push_button(self, self.tr("生成交办包…"), self.export_bundles)
        self.kit_button = push_button(self, self.tr("导出县级工作包…"), self.export_kit)
        self.enroll_button = push_button(self, self.tr("登记乡镇…"), self.enroll_township)
        self.refresh_button = push_button(self, self.tr("刷新"), host.refresh)
        layout.addLayout(
            button_bar(
                [self.import_button, self.import_folder_button, self.export_button],
                [self.kit_button, self.enroll_button, self.refresh_button],
            )
        )
        self.board = CountyBoard(self)
        layout.addWidget(self.board, 1)
        self.empty_label = QLabel(
            self.tr(
                "还没有登记的乡镇。请先“导出县级工作包…”交给各乡镇群众工作办；乡镇接受后会交回"
                "登记文件和打印的登记表，再用“登记乡镇…”登记。"
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

    def set_boards(self, boards: Sequence[TownshipBoard]) -> None:
        """Show the townships and their stations."""
        self.board.set_boards(boards)
        self.empty_label.setVisible(not boards)

    def update_buttons(self) -> None:
        """Everything needs this PC's keys; dispatches need a township."""
        ready = self.host.sync.has_keys()
        for button in (self.import_button, self.import_folder_button, self.kit_button):
            button.setEnabled(ready)
        self.export_button.setEnabled(ready and bool(self.board.boards))

    # bundles -----------------------------------------------------------------------------
    def import_bundles(self) -> None:
        """Choose the townships' bundle files and import them."""
        self.host.import_files(self.tr("导入数据包"))

    def import_folder(self) -> None:
        """Import every ``*.qzb`` in a folder (a USB stick from many townships)."""
        self.host.import_folder(self.tr("导入整个文件夹"))

    def export_bundles(self) -> None:
        """Write the county's dispatch bundles, one per township."""
        self.host.export_to_folder(self.tr("生成交办包"))

    # kit and enrollment ------------------------------------------------------------------
    def export_kit(self) -> None:
        """Write the county kit for the townships to accept."""
        _code, name = county_profile(self.host.store.db)
        export_kit(
            self, self.host, title=self.tr("导出县级工作包"),
            file_name=f"{name or '县'}-县级工作包{KIT_SUFFIX}",
            file_filter=self.tr("县级工作包 (*.qzkit)"), write=self.host.sync.write_county_kit,
            label=self.tr("正在导出县级工作包……"),
            said=self.tr(
                "已导出县级工作包 {0}。请复制到 U 盘交各乡镇群众工作办，在“站点与同步”中"
                "接受，并把本机密钥指纹告诉他们核对。"
            ),
        )  # fmt: skip

    def enroll_township(self) -> None:
        """Choose a township's enrollment file and confirm its fingerprint."""
        enroll_from_file(
            self, self.host, title=self.tr("登记乡镇"),
            file_filter=self.tr("乡镇登记文件 (*.qzenroll)"), done=self._enrolled,
        )  # fmt: skip

    def _enrolled(self, info: EnrollmentInfo) -> None:
        self.host.show_status(
            self.tr("已登记 {0}（{1}），可以导入该乡镇的数据包了。").format(
                info.station_name, info.station_code
            )
        )
        self.host.refresh()
        self.board.select_code(info.station_code)
