"""The township's side of 同步: the stations board, bundles in, dispatches out, enrollment.

Buttons import bundles (files or a whole folder, a USB stick from many stations) and write
dispatch bundles (for all stations or the selected one); on the right, the kit for new
stations and the enrollment of a station by typing the fingerprint from its sheet; above
the county (issue 19): 接受县级工作包… (its fingerprint typed in) and 县级登记文件… for the
county to enrol this township, with its printed sheet (乡镇登记表). Below them the stations
board (:class:`.StationsBoard`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.setup import township_profile
from qunzhong_desktop.sync.views import CountyKitInfo, EnrollmentInfo, PeerStatus
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.printing import show_pdf
from qunzhong_desktop.ui.sync.key_dialogs import FingerprintDialog
from qunzhong_desktop.ui.sync.stations_model import StationsBoard
from qunzhong_desktop.ui.sync.sync_host import (
    ENROLL_SUFFIX,
    KIT_SUFFIX,
    Sheet,
    SyncHost,
    button_bar,
    enroll_from_file,
    export_enrollment,
    export_kit,
    push_button,
)


class TownshipPanel(QWidget):
    """The stations of this township and the bundles exchanged with them.

    Args:
        host: the page (keys, status line, dialogs, bundle import and export).
        parent: the Qt parent.

    Attributes:
        table: the stations board; ``model`` is its model.
        empty_label: the first steps, shown while no station is enrolled.
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
        self.export_selected_button = push_button(
            self, self.tr("仅为选中站点…"), self.export_selected
        )
        self.kit_button = push_button(self, self.tr("导出乡镇工作包…"), self.export_kit)
        self.enroll_button = push_button(self, self.tr("登记站点…"), self.enroll_station)
        self.refresh_button = push_button(self, self.tr("刷新"), host.refresh)
        self.county_kit_button = push_button(self, self.tr("接受县级工作包…"), self.accept_county)
        self.county_enroll_button = push_button(
            self, self.tr("县级登记文件…"), self.export_county_enrollment
        )
        bundles = [self.import_button, self.import_folder_button, self.export_button]
        stations = [self.kit_button, self.enroll_button, self.refresh_button]
        layout.addLayout(button_bar([*bundles, self.export_selected_button], stations))
        self.county: PeerStatus | None = None
        self.county_label = QLabel(self)
        self.county_label.setWordWrap(True)
        county_row = button_bar([], [self.county_kit_button, self.county_enroll_button])
        county_row.insertWidget(0, self.county_label, 3)
        layout.addLayout(county_row)
        self.table = StationsBoard(self)
        self.model = self.table.stations
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(
            self.tr(
                "还没有登记的工作站。请先“导出乡镇工作包…”交给各站；各站导入后会交回登记文件"
                "和打印的登记表，再用“登记站点…”登记。"
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

    # state -------------------------------------------------------------------------------
    def set_peers(self, peers: Sequence[PeerStatus]) -> None:
        """Show the stations, keeping the selected one selected."""
        selected = self.selected_code()
        self.county = next((p for p in peers if p.role == "county"), None)
        self.county_label.setText(
            self.tr("所属县：{0}（{1}）").format(self.county.name, self.county.code)
            if self.county is not None
            else self.tr("所属县：尚未接受县级工作包（有重大疑难事项需上报县时再办理）")
        )
        self.model.set_peers(peers)
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if selected:
            self.select_station(selected)

    def update_buttons(self) -> None:
        """Everything needs this PC's keys; dispatches need a station (a selected one)."""
        ready = self.host.sync.has_keys()
        for button in (self.import_button, self.import_folder_button, self.kit_button):
            button.setEnabled(ready)
        self.export_button.setEnabled(ready and self.model.rowCount() > 0)
        self.export_selected_button.setEnabled(ready and self.selected_code() is not None)
        self.county_kit_button.setEnabled(ready)
        self.county_enroll_button.setEnabled(ready and self.county is not None)

    def selected_code(self) -> str | None:
        """The code of the station selected on the board."""
        return self.table.selected_code()

    def select_station(self, code: str) -> None:
        """Select a station's row on the board."""
        self.table.select_code(code)

    # bundles -----------------------------------------------------------------------------
    def import_bundles(self) -> None:
        """Choose the stations' bundle files and import them."""
        self.host.import_files(self.tr("导入数据包"))

    def import_folder(self) -> None:
        """Import every ``*.qzb`` in a folder (a USB stick from many stations)."""
        self.host.import_folder(self.tr("导入整个文件夹"))

    def export_bundles(self) -> None:
        """Write the dispatch bundles due, one per station."""
        self.host.export_to_folder(self.tr("生成交办包"))

    def export_selected(self) -> None:
        """Write the dispatch bundle of the selected station only."""
        code = self.selected_code()
        if code is not None:
            self.host.export_to_folder(self.tr("生成交办包"), code)

    # kit and enrollment ------------------------------------------------------------------
    def export_kit(self) -> None:
        """Write the station kit for stations to import at set-up."""
        _code, name, _phone = township_profile(self.host.store.db)
        export_kit(
            self, self.host, title=self.tr("导出乡镇工作包"),
            file_name=f"{name or '乡镇'}-工作包{KIT_SUFFIX}",
            file_filter=self.tr("乡镇工作包 (*.qzkit)"), write=self.host.sync.write_station_kit,
            label=self.tr("正在导出乡镇工作包……"),
            said=self.tr("已导出乡镇工作包 {0}。请复制到 U 盘，交各工作站在“同步”中导入。"),
        )  # fmt: skip

    def enroll_station(self) -> None:
        """Choose a station's enrollment file and confirm its fingerprint."""
        enroll_from_file(
            self, self.host, title=self.tr("登记站点"),
            file_filter=self.tr("站点登记文件 (*.qzenroll)"), done=self._enrolled,
        )  # fmt: skip

    def _enrolled(self, info: EnrollmentInfo) -> None:
        self.host.show_status(
            self.tr("已登记 {0}（{1}），可以导入该站的数据包了。").format(
                info.station_name, info.station_code
            )
        )
        self.host.refresh()
        self.select_station(info.station_code)

    # the county (issue 19) -----------------------------------------------------------------
    def accept_county(self) -> None:
        """Take the county's kit once its fingerprint, read out by the county, is typed in."""
        path = self.host.files.choose_file(
            self.tr("接受县级工作包"), self.tr("县级工作包 (*.qzkit)")
        )
        if path is None:
            return
        sync = self.host.sync
        try:
            info = sync.read_county_kit(path)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("接受县级工作包"))
            return
        dialog = FingerprintDialog(info, lambda typed: sync.accept_county_kit(path, typed), self)
        dialog.accepted.connect(lambda: self._county_accepted(info))
        self.host.open_dialog(dialog)

    def _county_accepted(self, info: CountyKitInfo) -> None:
        self.host.show_status(
            self.tr("已接受{0}（{1}）的县级工作包。请再导出“县级登记文件…”交县里登记。").format(
                info.county_name, info.county_code
            )
        )
        self.host.refresh()

    def export_county_enrollment(self) -> None:
        """Write this township's enrollment file for the county, then its sheet to print.

        The sheet (乡镇登记表, PDF preview) carries the fingerprint the county types.
        """
        _code, name, _phone = township_profile(self.host.store.db)
        export_enrollment(
            self, self.host, title=self.tr("县级登记文件"),
            file_name=f"{name or '乡镇'}-县级登记{ENROLL_SUFFIX}",
            file_filter=self.tr("乡镇登记文件 (*.qzenroll)"),
            above=self.county.name if self.county is not None else "",
            label=self.tr("正在导出县级登记文件……"), done=self._county_enrollment_written,
        )  # fmt: skip

    def _county_enrollment_written(self, out: Path, info: EnrollmentInfo, sheet: Sheet) -> None:
        if isinstance(sheet, DomainError):
            self.host.show_status(
                self.tr("已导出县级登记文件 {0}，但登记表没有生成。本机密钥指纹：{1}").format(
                    out, info.fingerprint
                )
            )
            show_error(self, sheet, title=self.tr("县级登记文件"))
            return
        self.host.show_status(
            self.tr(
                "已导出县级登记文件 {0} 和登记表 {1}。请打印登记表，连同登记文件交县群众工作部"
                "登记；本机密钥指纹：{2}"
            ).format(out, sheet, info.fingerprint)
        )
        show_pdf(sheet, self, title=self.tr("乡镇登记表"))
