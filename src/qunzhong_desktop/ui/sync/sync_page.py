"""同步: exchange signed bundles with the township or the stations on a USB stick.

The page shows this PC (name, code, key fingerprint) and a status line; between them the
panel of its role: :class:`.StationPanel` (its township, the kit, the enrollment sheet) or
:class:`.TownshipPanel` (the stations board, enrollment). The page keeps what both share:
this PC's keys, asked for once per session, and the bundle export and import, which run
in the background with :func:`.tasks.run_task`. Everything goes through
:class:`.SyncService`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.setup import county_profile, township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import KeyStoreError, NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import ExportResult, ImportReport, PeerStatus
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.list_parts import FlowLayout
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task
from qunzhong_desktop.ui.sync.county_panel import CountyPanel
from qunzhong_desktop.ui.sync.import_report_dialog import (
    ExportResultDialog,
    ImportReportDialog,
    import_summary,
)
from qunzhong_desktop.ui.sync.key_dialogs import NewKeysDialog, ask_keys
from qunzhong_desktop.ui.sync.station_panel import StationPanel
from qunzhong_desktop.ui.sync.stations_model import StationsTableModel
from qunzhong_desktop.ui.sync.sync_host import BUNDLE_SUFFIX, FOLDER_SETTING, SyncFiles, mono_label
from qunzhong_desktop.ui.sync.township_panel import TownshipPanel

__all__ = ["FOLDER_SETTING", "SyncPage"]


class SyncPage(QWidget):
    """数据同步 for a station or the township, depending on the role of this PC.

    The widgets of the role's panel are attributes of the page too (``export_button``,
    ``import_button``, ``kit_button``; at a station ``township_form``, ``township_values``,
    ``no_kit``, ``enrollment_button``; at the township ``table``, ``model``,
    ``empty_label``, ``import_folder_button``, ``export_selected_button``,
    ``enroll_button``, ``refresh_button``).

    Args:
        store: this PC's store.
        sync: the sync service over the same database and data directory.
        parent: the Qt parent.

    Attributes:
        keys: this PC's keys once the passphrase was given (asked once per session).
        dialog: the last result or confirmation dialog opened (tests look at it).
        township: the township's row, at a station that imported its kit.
        files: the file and folder choosers (they remember the last folder).
    """

    def __init__(self, store: Store, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.sync = sync
        self.role = sync.role
        self.files = SyncFiles(self, store.settings)
        self.keys: NodeKeys | None = None
        self.dialog: QDialog | None = None
        self.model: StationsTableModel | None = None
        self.township: PeerStatus | None = None
        self.station_panel: StationPanel | None = None
        self.township_panel: TownshipPanel | None = None
        self.county_panel: CountyPanel | None = None
        layout = QVBoxLayout(self)
        titles = {"township": self.tr("站点与同步"), "county": self.tr("乡镇与同步")}
        title = QLabel(titles.get(self.role, self.tr("数据同步")), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self._identity_row())
        if self.role == "station":
            self.intro.setText(
                self.tr(
                    "用 U 盘与乡镇群众工作办交换数据：导出本站的数据包交给乡镇，"
                    "导入乡镇发回的交办包。数据包已签名加密，只有对方能打开。"
                )
            )
            layout.addWidget(self._station_panel(), 1)
        elif self.role == "township":
            self.intro.setText(
                self.tr(
                    "用 U 盘与各工作站交换数据：导入各站交来的数据包，生成交办包发回各站。\n"
                    "新站点：先导出乡镇工作包交给该站，再用该站交回的登记文件和登记表登记。"
                )
            )
            layout.addWidget(self._township_panel(), 1)
        elif self.role == "county":
            self.intro.setText(
                self.tr(
                    "用 U 盘与各乡镇群众工作办交换数据：导入各乡镇交来的数据包（含其工作站的数据），"
                    "生成交办包发回各乡镇。\n新乡镇：先导出县级工作包交给该乡镇，"
                    "再用该乡镇交回的登记文件和登记表登记。"
                )
            )
            panel = self.county_panel = CountyPanel(self, self)
            self.board, self.empty_label = panel.board, panel.empty_label
            self.import_button, self.export_button = panel.import_button, panel.export_button
            self.kit_button, self.enroll_button = panel.kit_button, panel.enroll_button
            layout.addWidget(panel, 1)
        else:
            self.intro.setText(self.tr("本机尚未完成设置，请先完成工作站设置。"))
            layout.addStretch(1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("syncStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.refresh()

    # layout ------------------------------------------------------------------------------
    def _identity_row(self) -> FlowLayout:
        row = FlowLayout()
        self.identity_label = QLabel(self)
        self.fingerprint_label = mono_label(self)
        self.keys_button = QPushButton(self.tr("生成本机密钥…"), self)
        self.keys_button.clicked.connect(self.create_keys)
        self.rekey_button = QPushButton(self.tr("更换密钥…"), self)
        self.rekey_button.setToolTip(self.tr("口令遗失或怀疑密钥泄露时使用；之后须重新登记本机"))
        self.rekey_button.clicked.connect(self.replace_keys)
        row.addWidget(self.identity_label)
        row.addWidget(QLabel(self.tr("本机密钥指纹："), self))
        row.addWidget(self.fingerprint_label)
        row.addWidget(self.keys_button)
        row.addWidget(self.rekey_button)
        return row

    def _station_panel(self) -> StationPanel:
        panel = self.station_panel = StationPanel(self, self)
        self.township_form, self.township_values = panel.township_form, panel.township_values
        self.no_kit, self.kit_button = panel.no_kit, panel.kit_button
        self.export_button, self.import_button = panel.export_button, panel.import_button
        self.enrollment_button = panel.enrollment_button
        return panel

    def _township_panel(self) -> TownshipPanel:
        panel = self.township_panel = TownshipPanel(self, self)
        self.table, self.model, self.empty_label = panel.table, panel.model, panel.empty_label
        self.import_button, self.import_folder_button = (
            panel.import_button,
            panel.import_folder_button,
        )
        self.export_button, self.export_selected_button = (
            panel.export_button,
            panel.export_selected_button,
        )
        self.kit_button, self.enroll_button = panel.kit_button, panel.enroll_button
        self.refresh_button = panel.refresh_button
        return panel

    # state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload this PC's fingerprint and the peers (the township or the stations board)."""
        self._show_identity()
        if self.county_panel is not None:
            try:
                boards = self.sync.county_board()
            except DomainError as exc:
                self.status_label.setText(exc.message)
                boards = []
            self.county_panel.set_boards(boards)
            self.county_panel.update_buttons()
            return
        if self.role not in ("station", "township"):
            return
        try:
            peers = self.sync.peers()
        except DomainError as exc:
            self.status_label.setText(exc.message)
            peers = []
        if self.station_panel is not None:
            self.township = next((p for p in peers if p.role == "township"), None)
            self.station_panel.show_township(self.township)
            self.station_panel.update_buttons()
        elif self.township_panel is not None:
            self.township_panel.set_peers(peers)
            self.township_panel.update_buttons()

    def _show_identity(self) -> None:
        if self.role in ("township", "county"):
            code, name = (
                township_profile(self.store.db)[:2]
                if self.role == "township"
                else county_profile(self.store.db)
            )
            self.identity_label.setText(self.tr("本机：{0}（{1}）").format(name, code))
        else:
            station = self.store.register.station()
            if station is not None:
                self.identity_label.setText(
                    self.tr("本机：{0}（{1}）").format(station.name, station.code)
                )
        has_keys = self.sync.has_keys()
        try:
            fingerprint = self.sync.fingerprint() if has_keys else ""
        except KeyStoreError as exc:
            fingerprint = exc.message
        self.fingerprint_label.setText(fingerprint or self.tr("尚未生成"))
        self.keys_button.setVisible(not has_keys and self.role in ("station", "township", "county"))
        self.rekey_button.setVisible(has_keys)

    def selected_code(self) -> str | None:
        """The code of the station selected on the board (township)."""
        return self.township_panel.selected_code() if self.township_panel is not None else None

    def select_station(self, code: str) -> None:
        """Select a station's row on the board."""
        if self.township_panel is not None:
            self.township_panel.select_station(code)

    def show_status(self, text: str) -> None:
        """Say what just happened on the status line at the bottom."""
        self.status_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what changed meanwhile."""
        super().showEvent(event)
        self.refresh()

    # keys --------------------------------------------------------------------------------
    def ensure_keys(self) -> NodeKeys | None:
        """This PC's keys: asked for once per session, then kept."""
        if self.keys is None:
            if not self.sync.has_keys():
                self.create_keys()
                return None
            self.keys = ask_keys(self, self.sync)
        return self.keys

    def create_keys(self) -> None:
        """Create this PC's keys with a new passphrase (when set-up did not)."""
        dialog = NewKeysDialog(self.sync, self)
        dialog.accepted.connect(self._keys_created)
        self.open_dialog(dialog)

    def replace_keys(self) -> None:
        """New keys and a new epoch (a lost passphrase); the peer must enroll this PC again."""
        dialog = NewKeysDialog(self.sync, self, replace=True)
        dialog.accepted.connect(self._keys_replaced)
        self.open_dialog(dialog)

    def _keys_replaced(self) -> None:
        self.keys = None  # the old keys are retired: ask for the new passphrase next time
        again = {
            "township": self.tr("请重新导出乡镇工作包发给各工作站。"),
            "county": self.tr("请重新导出县级工作包发给各乡镇。"),
        }.get(self.role, self.tr("请重新导出登记表交乡镇群众工作办登记。"))
        self.status_label.setText(
            self.tr("已更换本机密钥（密钥版本已加 1），以后的数据包用新密钥签名。") + again
        )
        self.refresh()

    def _keys_created(self) -> None:
        self.status_label.setText(self.tr("已生成本机密钥，请牢记密钥口令。"))
        self.refresh()

    # bundles -----------------------------------------------------------------------------
    def export_to_folder(self, title: str, station_code: str | None = None) -> None:
        """Choose a folder and write the bundles due there.

        Args:
            title: the folder dialog's title.
            station_code: at the township, only this station's dispatch bundle.
        """
        out_dir = self.files.choose_folder(title)
        keys = self.ensure_keys() if out_dir is not None else None
        if out_dir is None or keys is None:
            return
        run_task(
            self,
            lambda _p, _c: self.sync.export_bundles(out_dir, keys, station_code=station_code),
            label=self.tr("正在生成数据包……"),
            on_done=self._exported,
            cancellable=False,
        )

    def _exported(self, results: list[ExportResult]) -> None:
        self.refresh()
        if results:
            self.status_label.setText(
                self.tr("已生成 {0} 个数据包，保存在 {1}。").format(
                    len(results), results[0].path.parent
                )
            )
        else:
            self.status_label.setText(self.tr("没有需要生成的数据包。"))
        self.open_dialog(ExportResultDialog(results, self))

    def import_files(self, title: str) -> None:
        """Choose bundle files and import them."""
        paths = self.files.choose_files(title, self.tr("数据包 (*.qzb)"))
        if paths:
            self.import_paths(paths)

    def import_folder(self, title: str) -> None:
        """Import every ``*.qzb`` in a folder (a USB stick from many stations or townships)."""
        folder = self.files.choose_folder(title)
        if folder is None:
            return
        paths = sorted(
            p for p in folder.iterdir() if p.suffix.lower() == BUNDLE_SUFFIX and p.is_file()
        )
        if not paths:
            QMessageBox.information(
                self, title, self.tr("文件夹 {0} 中没有数据包（.qzb 文件）。").format(folder)
            )
            return
        self.import_paths(paths)

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Verify and import bundle files in the background, then show the report."""
        keys = self.ensure_keys()
        if keys is None:
            return
        files = list(paths)

        def work(progress: Progress, cancel: CancelToken) -> list[ImportReport]:
            return self.sync.import_bundles(files, keys, progress=progress, cancel=cancel)

        run_task(
            self,
            work,
            label=self.tr("正在核验并导入数据包……"),
            on_done=self._imported,
            on_error=self._import_failed,
            on_cancel=self._import_cancelled,
        )

    def _imported(self, reports: list[ImportReport]) -> None:
        self.refresh()
        self.status_label.setText(import_summary(reports))
        self.open_dialog(ImportReportDialog(reports, self))

    def _import_failed(self, exc: BaseException) -> None:
        self.refresh()
        show_error(self, exc, title=self.tr("导入数据包"))

    def _import_cancelled(self, _exc: BaseException) -> None:
        self.refresh()
        self.status_label.setText(
            self.tr("导入已取消：正在导入的数据包没有写入，之前已导入的保留。")
        )

    # dialogs -----------------------------------------------------------------------------
    def open_dialog(self, dialog: QDialog) -> None:
        """Show a dialog window-modally without blocking (tests find it in ``dialog``)."""
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
