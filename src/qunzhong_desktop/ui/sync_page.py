"""同步: exchange signed bundles with the township or the stations on a USB stick.

A station sees its township (or a button to import the township's kit), and buttons to
export its changes, import the township's dispatch bundles and export its enrollment file
with the printed sheet. The township sees the stations board and buttons to import bundles
(files or a whole folder), write dispatch bundles, export the station kit and enroll a
station by typing the fingerprint from its sheet. Everything goes through
:class:`.SyncService`; long work runs with :func:`.tasks.run_task`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.setup import township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.keys import KeyStoreError, NodeKeys
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import (
    EnrollmentInfo,
    ExportResult,
    ImportReport,
    KitInfo,
    PeerStatus,
)
from qunzhong_desktop.ui.errors import show_error
from qunzhong_desktop.ui.import_report_dialog import (
    ExportResultDialog,
    ImportReportDialog,
    import_summary,
)
from qunzhong_desktop.ui.passphrase_dialog import FingerprintDialog, NewKeysDialog, ask_keys
from qunzhong_desktop.ui.stations_model import StationsBoard, StationsTableModel, local_time
from qunzhong_desktop.ui.tasks import CancelToken, Progress, run_task

FOLDER_SETTING = "sync.last_folder"
BUNDLE_SUFFIX, KIT_SUFFIX, ENROLL_SUFFIX = ".qzb", ".qzkit", ".qzenroll"


class _CancelFlag:
    """The task's cancel token as the ``is_set()`` object the sync service takes."""

    def __init__(self, token: CancelToken) -> None:
        self.token = token

    def is_set(self) -> bool:
        return self.token.cancelled


def _mono_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), label.font().pointSizeF()))
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SyncPage(QWidget):
    """数据同步 for a station or the township, depending on the role of this PC.

    Args:
        store: this PC's store.
        sync: the sync service over the same database and data directory.
        parent: the Qt parent.

    Attributes:
        keys: this PC's keys once the passphrase was given (asked once per session).
        dialog: the last result or confirmation dialog opened (tests look at it).
    """

    def __init__(self, store: Store, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.sync = sync
        self.role = sync.role
        self.keys: NodeKeys | None = None
        self.dialog: QDialog | None = None
        self.model: StationsTableModel | None = None
        self.township: PeerStatus | None = None  # the township's row, at a station
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("数据同步"), self)
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
            self._build_station(layout)
        elif self.role == "township":
            self.intro.setText(
                self.tr(
                    "用 U 盘与各工作站交换数据：导入各站交来的数据包，生成交办包发回各站。"
                    "新站点先导出站点工作包交给该站，再用该站的登记文件和登记表登记。"
                )
            )
            self._build_township(layout)
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
    def _identity_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.identity_label = QLabel(self)
        self.fingerprint_label = _mono_label(self)
        self.keys_button = QPushButton(self.tr("生成本机密钥…"), self)
        self.keys_button.clicked.connect(self.create_keys)
        row.addWidget(self.identity_label)
        row.addSpacing(16)
        row.addWidget(QLabel(self.tr("本机密钥指纹："), self))
        row.addWidget(self.fingerprint_label)
        row.addWidget(self.keys_button)
        row.addStretch(1)
        return row

    def _build_station(self, layout: QVBoxLayout) -> None:
        box = QGroupBox(self.tr("乡镇"), self)
        inner = QVBoxLayout(box)
        self.township_form = QWidget(box)
        form = QFormLayout(self.township_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.township_values: dict[str, QLabel] = {}
        for key, caption in (
            ("name", self.tr("名称：")),
            ("code", self.tr("代码：")),
            ("fingerprint", self.tr("密钥指纹：")),
            ("sent", self.tr("最近导出：")),
            ("received", self.tr("最近导入：")),
            ("pending", self.tr("待确认的变更：")),
        ):
            value = _mono_label(box) if key == "fingerprint" else QLabel(box)
            value.setObjectName(f"township_{key}")
            self.township_values[key] = value
            form.addRow(caption, value)
        inner.addWidget(self.township_form)
        self.no_kit = QWidget(box)
        no_kit = QVBoxLayout(self.no_kit)
        no_kit.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "本站还没有导入乡镇工作包。请向乡镇群众工作办索取工作包（.qzkit 文件），"
                "导入后才能与乡镇交换数据包。"
            ),
            self.no_kit,
        )
        hint.setWordWrap(True)
        self.kit_button = QPushButton(self.tr("导入乡镇工作包…"), self.no_kit)
        self.kit_button.clicked.connect(self.import_kit)
        no_kit.addWidget(hint)
        no_kit.addWidget(self.kit_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.no_kit)
        layout.addWidget(box)

        self.export_button = self._button(self.tr("导出数据包…"), self.export_bundles)
        self.import_button = self._button(self.tr("导入交办包…"), self.import_bundles)
        self.enrollment_button = self._button(self.tr("导出登记表…"), self.export_enrollment)
        layout.addLayout(
            self._bar([self.export_button, self.import_button, self.enrollment_button], [])
        )
        steps = QLabel(
            self.tr(
                "首次使用：导入乡镇工作包 → 导出登记表，打印后连同登记文件交乡镇 → "
                "乡镇登记本站后，即可导出数据包。"
            ),
            self,
        )
        steps.setWordWrap(True)
        steps.setStyleSheet("color: #555;")
        layout.addWidget(steps)
        layout.addStretch(1)

    def _build_township(self, layout: QVBoxLayout) -> None:
        self.import_button = self._button(self.tr("导入数据包…"), self.import_bundles)
        self.import_folder_button = self._button(self.tr("导入整个文件夹…"), self.import_folder)
        self.export_button = self._button(self.tr("生成交办包…"), self.export_bundles)
        self.export_selected_button = self._button(self.tr("仅为选中站点…"), self.export_selected)
        self.kit_button = self._button(self.tr("导出站点工作包…"), self.export_kit)
        self.enroll_button = self._button(self.tr("登记站点…"), self.enroll_station)
        self.refresh_button = self._button(self.tr("刷新"), self.refresh)
        bundles = [self.import_button, self.import_folder_button, self.export_button]
        stations = [self.kit_button, self.enroll_button, self.refresh_button]
        layout.addLayout(self._bar([*bundles, self.export_selected_button], stations))
        self.table = StationsBoard(self)
        self.model = self.table.stations
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(
            self.tr(
                "还没有登记的工作站。请先“导出站点工作包…”交给各站；各站导入后会交回登记文件"
                "和打印的登记表，再用“登记站点…”登记。"
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @staticmethod
    def _bar(left: list[QPushButton], right: list[QPushButton]) -> QHBoxLayout:
        bar = QHBoxLayout()
        for button in left:
            bar.addWidget(button)
        bar.addStretch(1)
        for button in right:
            bar.addWidget(button)
        return bar

    # state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload this PC's fingerprint and the peers (the township or the stations board)."""
        self._show_identity()
        if self.role not in ("station", "township"):
            return
        try:
            peers = self.sync.peers()
        except DomainError as exc:
            self.status_label.setText(exc.message)
            peers = []
        if self.role == "station":
            self.township = next((p for p in peers if p.role == "township"), None)
            self._show_township()
        elif self.model is not None:
            selected = self.selected_code()
            self.model.set_peers(peers)
            self.empty_label.setVisible(self.model.rowCount() == 0)
            if selected:
                self.select_station(selected)
        self._update_buttons()

    def _show_identity(self) -> None:
        if self.role == "township":
            code, name, _phone = township_profile(self.store.db)
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
        self.keys_button.setVisible(not has_keys and self.role in ("station", "township"))

    def _show_township(self) -> None:
        peer = self.township
        self.township_form.setVisible(peer is not None)
        self.no_kit.setVisible(peer is None)
        if peer is None:
            return
        values = self.township_values
        values["name"].setText(peer.name)
        values["code"].setText(peer.code)
        values["fingerprint"].setText(peer.fingerprint)
        values["sent"].setText(local_time(peer.last_sent_at) or self.tr("尚未导出"))
        values["received"].setText(local_time(peer.last_received_at) or self.tr("尚未导入"))
        values["pending"].setText(
            self.tr("{0} 条（乡镇导入并发回交办包后确认）").format(peer.pending_out)
            if peer.pending_out
            else self.tr("无")
        )

    def _update_buttons(self) -> None:
        ready = self.sync.has_keys()
        if self.role == "station":
            joined = self.township is not None
            for button in (self.export_button, self.import_button, self.enrollment_button):
                button.setEnabled(ready and joined)
        elif self.role == "township" and self.model is not None:
            any_station = self.model.rowCount() > 0
            for button in (self.import_button, self.import_folder_button, self.kit_button):
                button.setEnabled(ready)
            self.export_button.setEnabled(ready and any_station)
            self.export_selected_button.setEnabled(ready and self.selected_code() is not None)

    def selected_code(self) -> str | None:
        """The code of the station selected on the board (township)."""
        return self.table.selected_code() if self.model is not None else None

    def select_station(self, code: str) -> None:
        """Select a station's row on the board."""
        if self.model is not None:
            self.table.select_code(code)

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
        self._open(dialog)

    def _keys_created(self) -> None:
        self.status_label.setText(self.tr("已生成本机密钥，请牢记密钥口令。"))
        self.refresh()

    # station: the township's kit ---------------------------------------------------------
    def import_kit(self) -> None:
        """Station: choose the township's kit, show what it holds, accept it once confirmed."""
        path = self.choose_file(self.tr("导入乡镇工作包"), self.tr("乡镇工作包 (*.qzkit)"))
        if path is None:
            return
        try:
            info = self.sync.read_station_kit(path)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("导入乡镇工作包"))
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("导入乡镇工作包"))
        box.setText(self.tr("导入{0}的工作包？").format(info.township_name))
        box.setInformativeText(self._kit_text(info))
        yes = box.addButton(self.tr("导入"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        box.setDefaultButton(cancel)
        box.finished.connect(lambda _r: self._kit_answered(path, box.clickedButton() is yes))
        self._open(box)

    def _kit_text(self, info: KitInfo) -> str:
        years = "、".join(str(y) for y in info.calendar_years) or self.tr("无")
        return self.tr(
            "乡镇：{name}（{code}）\n电话：{phone}\n密钥指纹：{fingerprint}\n"
            "责任单位 {units} 个，诉求类别时限 {domains} 类，工作日历：{years}\n\n"
            "请打电话向乡镇核对密钥指纹。导入后，本站只与这个乡镇交换数据包，"
            "并使用乡镇统一的责任单位、办理时限和工作日历。"
        ).format(
            name=info.township_name,
            code=info.township_code,
            phone=info.township_phone or "—",
            fingerprint=info.fingerprint,
            units=len(info.units),
            domains=len(info.domains),
            years=years,
        )

    def _kit_answered(self, path: Path, accepted: bool) -> None:
        if not accepted:
            return
        try:
            info = self.sync.accept_station_kit(path)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("导入乡镇工作包"))
            return
        self.status_label.setText(
            self.tr("已导入{0}的工作包。下一步：导出登记表，打印后连同登记文件交乡镇。").format(
                info.township_name
            )
        )
        self.refresh()

    # station: enrollment -----------------------------------------------------------------
    def export_enrollment(self) -> None:
        """Station: write the enrollment file, then the sheet to print (PDF preview)."""
        station = self.store.register.station()
        out = self.choose_save(
            self.tr("导出登记表"),
            f"{station.name if station else '工作站'}-登记表{ENROLL_SUFFIX}",
            self.tr("站点登记文件 (*.qzenroll)"),
        )
        keys = self.ensure_keys() if out is not None else None
        if out is None or keys is None:
            return
        township = station.township_name if station else ""

        def work(_progress: Progress, _cancel: CancelToken) -> tuple[EnrollmentInfo, Any]:
            from qunzhong_desktop.reports.enrollment_pdf import render_enrollment_sheet
            from qunzhong_desktop.reports.fonts import FONT_SETTING, find_cjk_font

            self.sync.write_enrollment(out, keys)
            info = self.sync.read_enrollment(out)
            try:
                font = find_cjk_font(self.store.settings.get(FONT_SETTING))
                pdf = render_enrollment_sheet(
                    info,
                    out.with_suffix(".pdf"),
                    font=font,
                    township_name=township,
                    file_name=out.name,
                )
            except DomainError as exc:  # the file is written; only the sheet failed
                return info, exc
            return info, pdf

        run_task(
            self,
            work,
            label=self.tr("正在导出登记表……"),
            on_done=lambda result: self._enrollment_written(out, *result),
            cancellable=False,
        )

    def _enrollment_written(self, out: Path, info: EnrollmentInfo, sheet: Any) -> None:
        if isinstance(sheet, DomainError):
            self.status_label.setText(
                self.tr("已导出登记文件 {0}，但登记表没有生成。密钥指纹：{1}").format(
                    out, info.fingerprint
                )
            )
            show_error(self, sheet, title=self.tr("导出登记表"))
            return
        self.status_label.setText(
            self.tr("已导出登记文件 {0} 和登记表 {1}。请打印登记表，连同登记文件交乡镇。").format(
                out, sheet
            )
        )
        self.run_preview(sheet)

    def run_preview(self, path: Path) -> bool:
        """Show a PDF's print preview; True if printed (tests replace this)."""
        from qunzhong_desktop.ui.pdf_print import preview_pdf

        return preview_pdf(path, self)

    # township: kit and enrollment --------------------------------------------------------
    def export_kit(self) -> None:
        """Township: write the station kit for stations to import at set-up."""
        _code, name, _phone = township_profile(self.store.db)
        out = self.choose_save(
            self.tr("导出站点工作包"),
            f"{name or '乡镇'}-站点工作包{KIT_SUFFIX}",
            self.tr("站点工作包 (*.qzkit)"),
        )
        keys = self.ensure_keys() if out is not None else None
        if out is None or keys is None:
            return
        run_task(
            self,
            lambda _p, _c: self.sync.write_station_kit(out, keys),
            label=self.tr("正在导出站点工作包……"),
            on_done=lambda path: self.status_label.setText(
                self.tr("已导出站点工作包 {0}。请复制到 U 盘，交各工作站在“同步”中导入。").format(
                    path
                )
            ),
            cancellable=False,
        )

    def enroll_station(self) -> None:
        """Township: choose a station's enrollment file and confirm its fingerprint."""
        path = self.choose_file(self.tr("登记站点"), self.tr("站点登记文件 (*.qzenroll)"))
        if path is None:
            return
        try:
            info = self.sync.read_enrollment(path)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("登记站点"))
            return
        dialog = FingerprintDialog(info, lambda typed: self.sync.enroll(path, typed), self)
        dialog.accepted.connect(lambda: self._enrolled(info))
        self._open(dialog)

    def _enrolled(self, info: EnrollmentInfo) -> None:
        self.status_label.setText(
            self.tr("已登记 {0}（{1}），可以导入该站的数据包了。").format(
                info.station_name, info.station_code
            )
        )
        self.refresh()
        self.select_station(info.station_code)

    # bundles -----------------------------------------------------------------------------
    def export_bundles(self) -> None:
        """Write the bundles due: the station's to its township, or the township's to all."""
        self._export(None)

    def export_selected(self) -> None:
        """Township: write the dispatch bundle of the selected station only."""
        code = self.selected_code()
        if code is not None:
            self._export(code)

    def _export(self, station_code: str | None) -> None:
        title = self.tr("导出数据包") if self.role == "station" else self.tr("生成交办包")
        out_dir = self.choose_folder(title)
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
        self._open(ExportResultDialog(results, self))

    def import_bundles(self) -> None:
        """Choose bundle files and import them."""
        title = self.tr("导入交办包") if self.role == "station" else self.tr("导入数据包")
        names, _ = QFileDialog.getOpenFileNames(
            self, title, str(self.last_folder()), self.tr("数据包 (*.qzb)")
        )
        if names:
            paths = [Path(n) for n in names]
            self.remember_folder(paths[0].parent)
            self.import_paths(paths)

    def import_folder(self) -> None:
        """Township: import every ``*.qzb`` in a folder (a USB stick from many stations)."""
        folder = self.choose_folder(self.tr("导入整个文件夹"))
        if folder is None:
            return
        paths = sorted(
            p for p in folder.iterdir() if p.suffix.lower() == BUNDLE_SUFFIX and p.is_file()
        )
        if not paths:
            QMessageBox.information(
                self,
                self.tr("导入整个文件夹"),
                self.tr("文件夹 {0} 中没有数据包（.qzb 文件）。").format(folder),
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
            return self.sync.import_bundles(
                files,
                keys,
                progress=lambda done, total: progress(done, total, ""),
                cancel=_CancelFlag(cancel),
            )

        run_task(
            self,
            work,
            label=self.tr("正在核验并导入数据包……"),
            on_done=self._imported,
            on_error=self._import_failed,
        )

    def _imported(self, reports: list[ImportReport]) -> None:
        self.refresh()
        self.status_label.setText(import_summary(reports))
        self._open(ImportReportDialog(reports, self))

    def _import_failed(self, exc: BaseException) -> None:
        from qunzhong_desktop.sync.importer import ImportCancelled

        self.refresh()
        if isinstance(exc, ImportCancelled):
            self.status_label.setText(
                self.tr("导入已取消：正在导入的数据包没有写入，之前已导入的保留。")
            )
            return
        show_error(self, exc, title=self.tr("导入数据包"))

    # helpers -----------------------------------------------------------------------------
    def last_folder(self) -> Path:
        """The folder last used for sync files (a USB stick, usually); home otherwise."""
        stored = self.store.settings.get(FOLDER_SETTING)
        folder = Path(stored) if stored else Path.home()
        return folder if folder.is_dir() else Path.home()

    def remember_folder(self, folder: Path) -> None:
        """Offer ``folder`` first next time."""
        self.store.settings.set(FOLDER_SETTING, str(folder))

    def choose_file(self, title: str, file_filter: str) -> Path | None:
        """Ask for a file to read, starting in (and remembering) the last folder."""
        name, _ = QFileDialog.getOpenFileName(self, title, str(self.last_folder()), file_filter)
        if not name:
            return None
        self.remember_folder(Path(name).parent)
        return Path(name)

    def choose_save(self, title: str, default_name: str, file_filter: str) -> Path | None:
        """Ask for a file to write; the suffix of ``default_name`` is added if left out."""
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(self.last_folder() / default_name), file_filter
        )
        if not name:
            return None
        path, suffix = Path(name), Path(default_name).suffix
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        self.remember_folder(path.parent)
        return path

    def choose_folder(self, title: str) -> Path | None:
        """Ask for a folder (a USB stick, usually)."""
        folder = QFileDialog.getExistingDirectory(self, title, str(self.last_folder()))
        if not folder:
            return None
        self.remember_folder(Path(folder))
        return Path(folder)

    def _open(self, dialog: QDialog) -> None:
        """Show a dialog window-modally without blocking (tests find it in ``dialog``)."""
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
