"""设置: station profile, working-day calendar, promised days per domain, card font.

The station and township codes identify the station to the township and cannot be changed
here. Saving checks every field first; a wrong value is explained under its field and
nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.storage import backups
from qunzhong_desktop.storage.setup import check_profile, node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import stale_dialog
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.printing import FOLDER_KEY, start_folder
from qunzhong_desktop.ui.common.profile_fields import FIELDS, StationFields
from qunzhong_desktop.ui.common.session import DEFAULT_LOCK_MINUTES, LOCK_SETTING, limit
from qunzhong_desktop.ui.common.tasks import CancelToken, Progress, run_task
from qunzhong_desktop.ui.settings.assistance_options_box import AssistanceOptionsBox
from qunzhong_desktop.ui.settings.cadre_rules_box import CadreRulesBox
from qunzhong_desktop.ui.settings.calendar_settings import CalendarBox, DomainDaysBox
from qunzhong_desktop.ui.settings.support_tags_box import SupportTagsBox

EDITABLE = tuple(f for f in FIELDS if f not in ("code", "township_code"))
#: What the township's kit sets at a station (sync/enrollment.py): shown, not edited.
KIT_FIELDS = ("township_name", "township_phone")


class SettingsPage(QWidget):
    """Edit the station profile; choose the card font."""

    station_saved = Signal()
    calendar_changed = Signal()
    restore_requested = Signal(Path)  # the main window restores (its pages are rebuilt)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.station_fields = StationFields()
        for key in ("code", "township_code"):
            edit = self.station_fields.fields[key].edit
            edit.setReadOnly(True)
            edit.setStyleSheet("QLineEdit { background: palette(window); }")
            edit.setClearButtonEnabled(False)
            edit.setToolTip(self.tr("代码是工作站在乡镇的身份，设置后不能修改。"))
        station_box = QGroupBox(self.tr("工作站信息（印在联系卡上）"))
        form = QFormLayout(station_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.station_fields.add_rows(form, FIELDS)
        self.save_button = QPushButton(self.tr("保存工作站信息"))
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(self.tr("保存（Ctrl+S）"))
        self.save_button.clicked.connect(self.save_station)
        self.saved_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        form.addRow(row)
        for key in EDITABLE:
            self.station_fields.fields[key].edit.textEdited.connect(self._edited)

        font_box = QGroupBox(self.tr("联系卡字体"))
        font_layout = QVBoxLayout(font_box)
        explain = QLabel(
            self.tr(
                "打印联系卡需要一种中文 TrueType 字体（.ttf 或 .ttc）。"
                "通常会自动找到；卡片上的字显示不正常时，可以在这里指定字体文件。"
            )
        )
        explain.setWordWrap(True)
        self.font_label = QLabel()
        self.font_label.setWordWrap(True)
        self.font_error = QLabel()
        self.font_error.setWordWrap(True)
        self.font_error.setStyleSheet(ERROR_STYLE)
        self.font_error.hide()
        self.browse_button = QPushButton(self.tr("浏览…"))
        self.browse_button.clicked.connect(self.browse_font)
        self.auto_button = QPushButton(self.tr("自动选择"))
        self.auto_button.setToolTip(self.tr("不指定字体文件，由程序在本机查找中文字体"))
        self.auto_button.clicked.connect(lambda: self.set_font_path(""))
        buttons = QHBoxLayout()
        buttons.addWidget(self.browse_button)
        buttons.addWidget(self.auto_button)
        buttons.addStretch(1)
        font_layout.addWidget(explain)
        font_layout.addWidget(self.font_label)
        font_layout.addWidget(self.font_error)
        font_layout.addLayout(buttons)

        self.calendar_box = CalendarBox(store)
        self.calendar_box.calendar_changed.connect(self.calendar_changed)
        self.domain_days_box = DomainDaysBox(store)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(16)
        layout.addWidget(station_box)
        # a township office has no station profile (imported stations' rows are theirs)
        station_box.setVisible(node_role(store.db) != "township")
        layout.addWidget(self.calendar_box)
        layout.addWidget(self.domain_days_box)
        self.cadre_rules_box = CadreRulesBox(store)
        layout.addWidget(self.cadre_rules_box)
        self.support_tags_box = SupportTagsBox(store)
        layout.addWidget(self.support_tags_box)
        self.assistance_options_box = AssistanceOptionsBox(store)
        layout.addWidget(self.assistance_options_box)
        voice_box = QGroupBox(self.tr("民意与信访"))
        voice_row = QHBoxLayout(voice_box)
        voice_note = QLabel(
            self.tr(
                "民意测评的不予提拔、诫勉谈话界限，信访阅办时限和分管领导（乡镇设置，下发各工作站）。"
            )
        )
        voice_note.setWordWrap(True)
        self.voice_button = QPushButton(self.tr("民意与信访设置…"))
        self.voice_button.clicked.connect(self.open_voice_settings)
        voice_row.addWidget(voice_note, 1)
        voice_row.addWidget(self.voice_button)
        layout.addWidget(voice_box)
        layout.addWidget(font_box)
        accounts_box = QGroupBox(self.tr("操作员与访问记录"))
        accounts_row = QHBoxLayout(accounts_box)
        accounts_note = QLabel(
            self.tr(
                "每个使用这台电脑的人各有账号和角色；访问记录列出谁查看、导出、打印了个人信息。"
            )
        )
        accounts_note.setWordWrap(True)
        self.accounts_button = QPushButton(self.tr("操作员与访问记录…"))
        self.accounts_button.clicked.connect(self.open_accounts)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" 分钟"))
        self.lock_minutes.setSpecialValueText(self.tr("从不"))
        self.lock_minutes.setValue(self._lock_minutes())
        self.lock_minutes.setToolTip(
            self.tr("离开电脑这么久没有操作，窗口自动锁定（下次登录起生效）")
        )
        self.lock_minutes.valueChanged.connect(
            lambda value: self.store.settings.set(LOCK_SETTING, str(value))
        )
        accounts_row.addWidget(accounts_note, 1)
        accounts_row.addWidget(QLabel(self.tr("自动锁定：")))
        accounts_row.addWidget(self.lock_minutes)
        accounts_row.addWidget(self.accounts_button)
        layout.addWidget(accounts_box)
        backup_box = QGroupBox(self.tr("备份"))
        backup_row = QHBoxLayout(backup_box)
        self.backup_label = QLabel()
        self.backup_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("备份到 U 盘或文件夹…"))
        self.backup_button.clicked.connect(self.backup_to_folder)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setToolTip(self.tr("先显示备份里有什么，确认后才替换本机数据"))
        self.restore_button.clicked.connect(self.choose_backup)
        backup_row.addWidget(self.backup_label, 1)
        backup_row.addWidget(self.backup_button)
        backup_row.addWidget(self.restore_button)
        layout.addWidget(backup_box)
        self._show_backups()
        limit(store, (accounts_box, Permission.ACCOUNTS))
        layout.addStretch(1)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        # what the form was filled with: saving merges with what was stored since
        self._opened = store.register.station()
        if self._opened is not None:
            self.station_fields.set_profile(self._opened)
        self.lock_kit_values()
        self.refresh_font()

    def lock_kit_values(self) -> None:
        """The township's name and phone come from its kit once one is imported: locked."""
        from qunzhong_desktop.sync.service import SyncService

        township = SyncService(self.store.db, self.store.home).township_name()
        for key in KIT_FIELDS:
            edit = self.station_fields.fields[key].edit
            edit.setReadOnly(township is not None)
            edit.setClearButtonEnabled(township is None)
            edit.setStyleSheet(
                "QLineEdit { background: palette(window); }" if township is not None else ""
            )
            edit.setToolTip(
                self.tr("来自{0}的工作包，由乡镇统一设置；乡镇更新后重新导入工作包即可。").format(
                    township
                )
                if township is not None
                else ""
            )

    def _edited(self) -> None:
        self.saved_label.clear()

    def show_calendar(self) -> None:
        """Scroll to 工作日历 (where the banner's button leads)."""
        self.calendar_box.refresh()
        self.calendar_box.import_button.setFocus()
        # after the pending layout, so the box's position is final
        QTimer.singleShot(0, self._scroll_to_calendar)

    def _scroll_to_calendar(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(self.calendar_box.y() - 8)

    # station ----------------------------------------------------------------------------
    def _show_backups(self) -> None:
        found = backups.backups(backups.folder_of(self.store.db))
        latest = (
            self.tr("最近一次：{0}").format(f"{found[0].made_at:%Y-%m-%d %H:%M}")
            if found
            else self.tr("还没有自动备份")
        )
        self.backup_label.setText(
            self.tr("每天第一次启动和每次导入前自动备份（保留 7 天、4 周、12 个月）。{0}。").format(
                latest
            )
        )

    def backup_to_folder(self) -> None:
        """备份到 U 盘或文件夹…: a checked copy where the clerk chooses."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("选择备份保存的文件夹"), str(start_folder(self.store.settings, "backup"))
        )
        if folder:
            self.backup_to(Path(folder))

    def backup_to(self, folder: Path) -> Path | None:
        """Make the copy in ``folder``; say where it went, or why not."""
        try:
            made = backups.make_backup(self.store.db, folder, "manual")
        except (OSError, RuntimeError) as exc:
            self.backup_label.setText(self.tr("备份没有完成：{0}").format(exc))
            self.backup_label.setStyleSheet(ERROR_STYLE)
            return None
        self.store.settings.set(f"{FOLDER_KEY}.backup", str(folder))
        self.backup_label.setStyleSheet("")
        self.backup_label.setText(self.tr("已备份到：{0}").format(made))
        return made

    def choose_backup(self) -> None:
        """从备份恢复…: pick a copy (the automatic ones first); the main window restores it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要恢复的备份"),
            str(backups.folder_of(self.store.db)),
            self.tr("备份文件 (*.sqlite3.gz *.sqlite3)"),
        )
        if path:
            self.restore_requested.emit(Path(path))

    def _lock_minutes(self) -> int:
        try:
            return int(self.store.settings.get(LOCK_SETTING, str(DEFAULT_LOCK_MINUTES)))
        except ValueError:
            return DEFAULT_LOCK_MINUTES

    def open_voice_settings(self) -> None:
        """民意与信访设置 (read-only at a station)."""
        from qunzhong_desktop.ui.petitions import VoiceSettingsDialog

        dialog = VoiceSettingsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.voice_dialog = dialog
        dialog.open()

    def open_accounts(self) -> None:
        """操作员与访问记录 (a head only)."""
        from qunzhong_desktop.ui.settings.accounts_dialog import AccountsDialog

        dialog = AccountsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.accounts_dialog = dialog
        dialog.open()

    def save_station(self) -> bool:
        """Check and save the profile; returns whether it was saved."""
        if not self.station_fields.check(EDITABLE):
            self.saved_label.setText(self.tr("有内容需要改正，请看红字提示。"))
            return False
        opened = self._opened or self.store.register.station()
        try:
            profile = check_profile(self.station_fields.profile(opened))
            saved = stale_dialog.save_merging(
                self,
                lambda keep: self.store.register.save_station(profile, base=opened, keep=keep),
            )
        except ValidationError as exc:
            if not self.station_fields.show_error(exc):
                show_error(self, exc)
            return False
        except DomainError as exc:
            show_error(self, exc)
            return False
        if saved is None:  # the clerk went back to the form
            self.saved_label.setText(self.tr("没有保存。"))
            return False
        self._opened = saved
        self.station_fields.set_profile(saved)
        self.saved_label.setText(self.tr("已保存。"))
        self.station_saved.emit()
        return True

    # font -------------------------------------------------------------------------------
    def font_setting(self) -> str:
        """The stored font file ("" for automatic)."""
        from qunzhong_desktop.reports.fonts import FONT_SETTING

        return self.store.settings.get(FONT_SETTING, "")

    def refresh_font(self) -> None:
        """Find the font the cards will use (looking through the font folders may take a moment)."""
        configured = self.font_setting()
        self.font_label.setText(self.tr("正在查找字体……"))

        def find(_progress: Progress, _cancel: CancelToken) -> tuple[str, str]:
            from qunzhong_desktop.reports.fonts import find_cjk_font

            font = find_cjk_font(configured)
            return font.family, str(font.path)

        run_task(
            self,
            find,
            label=self.tr("正在查找中文字体……"),
            on_done=self._font_found,
            on_error=self._font_missing,
            cancellable=False,
        )

    def _font_found(self, found: tuple[str, str]) -> None:
        family, path = found
        if self.font_setting():
            text = self.tr("联系卡使用您指定的字体：{family}（{path}）")
        else:
            text = self.tr("联系卡使用自动找到的字体：{family}（{path}）")
        self.font_label.setText(text.format(family=family, path=path))
        self.font_error.hide()

    def _font_missing(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        self.font_label.setText(self.tr("联系卡暂时没有可用的中文字体。"))
        self.font_error.setText(exc.message)
        self.font_error.show()

    def browse_font(self) -> None:
        """浏览…: choose a font file."""
        start = self.font_setting() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择中文字体文件"),
            start,
            self.tr("TrueType 字体 (*.ttf *.ttc);;所有文件 (*)"),
        )
        if path:
            self.set_font_path(path)

    def set_font_path(self, path: str) -> bool:
        """Use ``path`` for the cards ("" for automatic) if it is a usable CJK font."""
        if path:
            from qunzhong_desktop.reports.fonts import load_font_file, parse_setting

            try:
                load_font_file(*parse_setting(path))
            except DomainError as exc:
                self.font_error.setText(exc.message)
                self.font_error.show()
                return False
        from qunzhong_desktop.reports.fonts import FONT_SETTING

        self.store.settings.set(FONT_SETTING, path)
        self.refresh_font()
        return True
