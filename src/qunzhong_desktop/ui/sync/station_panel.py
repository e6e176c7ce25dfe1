"""The station's side of 同步: its township, the township's kit and the enrollment sheet.

Before the kit is imported the panel offers to import it; afterwards it shows the township
(name, code, key fingerprint, last export and import, changes not yet confirmed) and the
buttons to export this station's bundle, import the township's dispatch bundles and export
the enrollment file with the sheet to print.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.sync.views import EnrollmentInfo, KitInfo, PeerStatus
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.printing import show_pdf
from qunzhong_desktop.ui.common.session import local_time
from qunzhong_desktop.ui.sync.key_dialogs import FingerprintDialog
from qunzhong_desktop.ui.sync.sync_host import (
    ENROLL_SUFFIX,
    Sheet,
    SyncHost,
    button_bar,
    export_enrollment,
    mono_label,
    push_button,
)


class StationPanel(QWidget):
    """The township this station sends its bundles to, and what to do with it.

    Args:
        host: the page (keys, status line, dialogs, bundle import and export).
        parent: the Qt parent.

    Attributes:
        township: the township's row once its kit was imported, else None.
        township_form: the township's details (hidden before the kit is imported).
        township_values: the value labels of that form by key (name, code, fingerprint,
            sent, received, pending).
        no_kit: the hint and button shown before the kit is imported.
        steps: the first steps, shown until the township sent a bundle back.
    """

    def __init__(self, host: SyncHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.township: PeerStatus | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
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
            value = mono_label(box) if key == "fingerprint" else QLabel(box)
            value.setObjectName(f"township_{key}")
            self.township_values[key] = value
            form.addRow(caption, value)
        inner.addWidget(self.township_form)
        inner.addWidget(self._no_kit(box))
        layout.addWidget(box)

        self.export_button = push_button(self, self.tr("导出数据包…"), self.export_bundles)
        self.import_button = push_button(self, self.tr("导入交办包…"), self.import_bundles)
        self.enrollment_button = push_button(self, self.tr("导出登记表…"), self.export_enrollment)
        buttons = [self.export_button, self.import_button, self.enrollment_button]
        layout.addLayout(button_bar(buttons, []))
        self.steps = QLabel(
            self.tr(
                "首次使用：导入乡镇工作包 → 导出登记表，打印后连同登记文件交乡镇 → "
                "乡镇登记本站后，即可导出数据包。"
            ),
            self,
        )
        self.steps.setWordWrap(True)
        self.steps.setStyleSheet("color: #555;")
        layout.addWidget(self.steps)
        cumulative = QLabel(
            self.tr(
                "每次导出的数据包都包含乡镇尚未确认的全部变更：U 盘丢了或忘了带，重新导出即可，"
                "不会丢数据。导入乡镇发回的交办包后，这些变更才算确认。"
            ),
            self,
        )
        cumulative.setWordWrap(True)
        cumulative.setStyleSheet("color: #555;")
        layout.addWidget(cumulative)
        layout.addStretch(1)

    def _no_kit(self, box: QWidget) -> QWidget:
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
        return self.no_kit

    # state -------------------------------------------------------------------------------
    def show_township(self, peer: PeerStatus | None) -> None:
        """Show the township's row (None: the kit is not imported yet)."""
        self.township = peer
        # the first steps are done once the township has sent something back
        self.steps.setVisible(peer is None or peer.last_received_at is None)
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

    def update_buttons(self) -> None:
        """Bundles and enrollment need this PC's keys and the township's kit."""
        ready = self.host.sync.has_keys() and self.township is not None
        for button in (self.export_button, self.import_button, self.enrollment_button):
            button.setEnabled(ready)

    # bundles -----------------------------------------------------------------------------
    def export_bundles(self) -> None:
        """Write this station's bundle for the township (everything not acknowledged)."""
        self.host.export_to_folder(self.tr("导出数据包"))

    def import_bundles(self) -> None:
        """Choose the township's dispatch bundles and import them."""
        self.host.import_files(self.tr("导入交办包"))

    # the township's kit ------------------------------------------------------------------
    def import_kit(self) -> None:
        """Choose the township's kit, show what it holds, accept it once confirmed."""
        path = self.host.files.choose_file(
            self.tr("导入乡镇工作包"), self.tr("乡镇工作包 (*.qzkit)")
        )
        if path is None:
            return
        try:
            info = self.host.sync.read_station_kit(path)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("导入乡镇工作包"))
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("导入乡镇工作包"))
        box.setText(self.tr("导入{0}的工作包？").format(info.township_name))
        box.setInformativeText(self._kit_text(info))
        # wide enough for the fingerprint on one line (it is read out on the phone)
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 34em; }")
        yes = box.addButton(self.tr("导入"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        box.setDefaultButton(cancel)
        box.finished.connect(lambda _r: self._kit_answered(path, box.clickedButton() is yes))
        self.host.open_dialog(box)

    def _kit_text(self, info: KitInfo) -> str:
        years = "、".join(str(y) for y in info.calendar_years) or self.tr(
            "未附带（使用程序自带的节假日安排）"
        )
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
        sync = self.host.sync
        try:
            info = sync.accept_station_kit(path)
        except DomainError as exc:
            if exc.code != "sync.fingerprint_required":
                show_error(self, exc, title=self.tr("导入乡镇工作包"))
                return
            # the township's new key (its rekey): typed in from the phone, then taken
            dialog = FingerprintDialog(
                sync.read_station_kit(path),
                lambda typed: sync.accept_station_kit(path, typed),
                self,
            )
            dialog.accepted.connect(lambda: self._kit_taken(dialog.result_value))
            self.host.open_dialog(dialog)
            return
        self._kit_taken(info)

    def _kit_taken(self, info: KitInfo) -> None:
        self.host.show_status(
            self.tr("已导入{0}的工作包。下一步：导出登记表，打印后连同登记文件交乡镇。").format(
                info.township_name
            )
        )
        self.host.refresh()

    # enrollment --------------------------------------------------------------------------
    def export_enrollment(self) -> None:
        """Write the enrollment file, then the sheet to print (PDF preview)."""
        station = self.host.store.register.station()
        export_enrollment(
            self, self.host, title=self.tr("导出登记表"),
            file_name=f"{station.name if station else '工作站'}-登记表{ENROLL_SUFFIX}",
            file_filter=self.tr("站点登记文件 (*.qzenroll)"), above=None,
            label=self.tr("正在导出登记表……"), done=self._enrollment_written,
        )  # fmt: skip

    def _enrollment_written(self, out: Path, info: EnrollmentInfo, sheet: Sheet) -> None:
        if isinstance(sheet, DomainError):
            self.host.show_status(
                self.tr("已导出登记文件 {0}，但登记表没有生成。密钥指纹：{1}").format(
                    out, info.fingerprint
                )
            )
            show_error(self, sheet, title=self.tr("导出登记表"))
            return
        self.host.show_status(
            self.tr("已导出登记文件 {0} 和登记表 {1}。请打印登记表，连同登记文件交乡镇。").format(
                out, sheet
            )
        )
        show_pdf(sheet, self, title=self.tr("站点登记表"))
