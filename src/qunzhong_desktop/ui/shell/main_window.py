"""The main window: navigation on the left, one page at a time on the right.

Pages are built the first time they are shown, so the window is up quickly and a page's
modules (the register, reportlab …) are imported only when the user goes there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from qunzhong_desktop.core.access import ACTIONS, Permission
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.migrate import HEAD_REVISION
from qunzhong_desktop.storage.setup import county_profile, township_profile
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.ui.common.calendar_banner import missing_years, warning_text
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.session import (
    DEFAULT_LOCK_MINUTES,
    LOCK_SETTING,
    UndoStack,
    permitted,
)
from qunzhong_desktop.ui.shell.dashboard_page import DashboardPage
from qunzhong_desktop.ui.shell.sign_in import IdleWatch, SignInDialog

if TYPE_CHECKING:
    from qunzhong_desktop.ui.shell.help_dialog import HelpDialog


@dataclass(frozen=True)
class PageSpec:
    """One entry of the navigation."""

    key: str
    title: str
    icon: QStyle.StandardPixmap
    build: Callable[[], QWidget]


class MainWindow(QMainWindow):
    """Navigation (工作台 … 设置), the pages, menus, shortcuts Ctrl+1…9 and the status bar.

    A township office gets its own pages: stations and sync, triage, ledgers, conflicts;
    the county's department (issue 19) its 协调, its townships and sync, ledgers, conflicts.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = UndoStack(self)  # pages find it through ui.common.session.undo_stack
        self.store = store
        self.sync = SyncService(store.db, store.home)
        self.role = self.sync.role
        specs = {"township": self._township_specs, "county": self._county_specs}
        self.specs = specs.get(self.role, self._page_specs)()
        self.pages: dict[str, QWidget] = {}
        self.help_dialog: HelpDialog | None = None
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.nav.setFont(nav_font)
        self.nav.setIconSize(QSize(28, 28))
        self.nav.setSpacing(2)
        self.nav.setUniformItemSizes(True)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 10px 8px; }")
        style = self.style()
        for index, spec in enumerate(self.specs, start=1):
            item = QListWidgetItem(QIcon(style.standardIcon(spec.icon)), spec.title, self.nav)
            item.setToolTip(self.tr("{title}（Ctrl+{n}）").format(title=spec.title, n=index))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 48)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.central = central  # hidden while the window is locked
        self.station_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.station_label)
        self.calendar_label = QLabel(self)
        self.calendar_label.setStyleSheet("color: #7a5b00;")
        self.statusBar().addWidget(self.calendar_label)
        self._build_menus()
        self._build_shortcuts()
        self.nav.currentRowChanged.connect(self._show_row)
        self.refresh_station()
        self.refresh_calendar()
        self.resize(1180, 760)
        self.nav.setCurrentRow(0)
        self.sign_in_dialog: SignInDialog | None = None
        self.idle = IdleWatch(self._lock_minutes(), self.lock, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    # pages ------------------------------------------------------------------------------
    def _page_specs(self) -> list[PageSpec]:
        sp = QStyle.StandardPixmap
        return [
            PageSpec("dashboard", self.tr("工作台"), sp.SP_ComputerIcon, self._build_dashboard),
            PageSpec("register", self.tr("户籍"), sp.SP_DirHomeIcon, self._build_register),
            PageSpec("intake", self.tr("受理"), sp.SP_FileDialogNewFolder, self._build_intake),
            PageSpec("diary", self.tr("日记"), sp.SP_FileDialogDetailedView, self._build_diary),
            PageSpec("voice", self.tr("民意"), sp.SP_MessageBoxQuestion, self._build_voice),
            PageSpec("ledger", self.tr("台账"), sp.SP_FileDialogListView, self._build_ledger),
            PageSpec("sync", self.tr("同步"), sp.SP_BrowserReload, self._build_sync),
            PageSpec("conflicts", self.tr("冲突"), sp.SP_MessageBoxWarning, self._build_conflicts),
            PageSpec("settings", self.tr("设置"), sp.SP_FileDialogInfoView, self._build_settings),
        ]

    def _township_specs(self) -> list[PageSpec]:
        """The township office: its stations, the triage queue, ledgers and reports."""
        sp = QStyle.StandardPixmap
        return [
            PageSpec("sync", self.tr("站点与同步"), sp.SP_BrowserReload, self._build_sync),
            PageSpec("triage", self.tr("分流交办"), sp.SP_FileDialogNewFolder, self._build_triage),
            PageSpec("ledger", self.tr("台账"), sp.SP_FileDialogListView, self._build_ledger),
            PageSpec("voice", self.tr("民意"), sp.SP_MessageBoxQuestion, self._build_voice),
            PageSpec("cadres", self.tr("干部"), sp.SP_FileDialogContentsView, self._build_cadres),
            PageSpec("conflicts", self.tr("冲突"), sp.SP_MessageBoxWarning, self._build_conflicts),
            PageSpec("settings", self.tr("设置"), sp.SP_FileDialogInfoView, self._build_settings),
        ]

    def _county_specs(self) -> list[PageSpec]:
        """The county's 群众工作部: escalated matters, its townships, ledgers and reports."""
        sp = QStyle.StandardPixmap
        return [
            PageSpec("county", self.tr("协调"), sp.SP_FileDialogNewFolder, self._build_county),
            PageSpec("sync", self.tr("乡镇与同步"), sp.SP_BrowserReload, self._build_sync),
            PageSpec("ledger", self.tr("台账"), sp.SP_FileDialogListView, self._build_ledger),
            PageSpec("conflicts", self.tr("冲突"), sp.SP_MessageBoxWarning, self._build_conflicts),
            PageSpec("settings", self.tr("设置"), sp.SP_FileDialogInfoView, self._build_settings),
        ]

    def _build_county(self) -> QWidget:
        from qunzhong_desktop.ui.county import CountyMattersPage

        return CountyMattersPage(self.store)

    def _build_cadres(self) -> QWidget:
        from qunzhong_desktop.ui.diary import CadresPage

        return CadresPage(self.store)

    def _build_sync(self) -> QWidget:
        from qunzhong_desktop.ui.sync import SyncPage

        if not permitted(self.store, Permission.SYNC):
            return self._not_for_role(Permission.SYNC)
        return SyncPage(self.store, self.sync)

    def _not_for_role(self, permission: Permission) -> QWidget:
        """What a page says to a role that may not use it."""
        operator = self.store.db.operator
        role = operator.role_name if operator is not None else ""
        label = QLabel(
            self.tr(
                "您的角色（{role}）不能使用这一页：没有权限{action}。如需要，请找站长调整角色。"
            ).format(role=role, action=ACTIONS[permission]),
            self,
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName("notForRole")
        return label

    def _build_triage(self) -> QWidget:
        from qunzhong_desktop.ui.triage import TriagePage

        return TriagePage(self.store)

    def _build_conflicts(self) -> QWidget:
        from qunzhong_desktop.ui.sync import ConflictsPage

        return ConflictsPage(self.store, self.sync)

    def _build_dashboard(self) -> QWidget:
        page = DashboardPage(self.store)
        page.open_register.connect(lambda: self.show_page("register"))
        page.open_flagged.connect(self._show_flagged)
        page.open_intake.connect(self.show_intake)
        page.open_calendar_settings.connect(self.show_calendar_settings)
        return page

    def _build_register(self) -> QWidget:
        from qunzhong_desktop.ui.register import RegisterPage

        return RegisterPage(self.store)

    def _build_intake(self) -> QWidget:
        from qunzhong_desktop.ui.intake import IntakePage

        return IntakePage(self.store)

    def _build_ledger(self) -> QWidget:
        from qunzhong_desktop.ui.ledgers import LedgerPage, ReportPage

        page = LedgerPage(self.store)
        page.add_tab(ReportPage(self.store, page), self.tr("月报"))
        return page

    def _build_voice(self) -> QWidget:
        """民意: evaluations, meetings, 民情信息; 信访 (and the township's 信访值班)."""
        from qunzhong_desktop.ui.voice import VoicePage

        page = VoicePage(self.store)
        try:
            from qunzhong_desktop.ui.petitions import DutyTab, PetitionsTab
        except ImportError:  # the petitions feature not installed yet
            return page
        page.add_tab(PetitionsTab(self.store, page), self.tr("信访"))
        if self.role == "township":
            page.add_tab(DutyTab(self.store, page), self.tr("信访值班"))
        return page

    def _build_diary(self) -> QWidget:
        from qunzhong_desktop.ui.diary import DiaryPage

        return DiaryPage(self.store)

    def show_intake(self, view: str) -> None:
        """Open the 受理 page on a work list (``overdue`` …) or the form (``new``)."""
        from qunzhong_desktop.ui.intake import IntakePage

        self.show_page("intake")
        page = self.page("intake")
        if isinstance(page, IntakePage):
            page.show_view(view)

    def _build_settings(self) -> QWidget:
        from qunzhong_desktop.ui.settings import SettingsPage

        if not permitted(self.store, Permission.SETTINGS):
            return self._not_for_role(Permission.SETTINGS)
        page = SettingsPage(self.store)
        page.station_saved.connect(self.refresh_station)
        page.calendar_changed.connect(self.refresh_calendar)
        page.restore_requested.connect(self.restore_backup)
        return page

    def restore_backup(self, path: Path) -> bool:
        """Put a backup back (设置 › 备份 › 从备份恢复…), then show the restored data."""
        from qunzhong_desktop.ui.settings import RestoreFlow

        for widget in self.pages.values():
            may_close = getattr(widget, "may_close", None)
            if callable(may_close) and not may_close():
                return False  # unsaved input: the clerk chose to stay
        restored = RestoreFlow(self, self.store).run(path)  # a child of the window
        if restored is None:
            return False
        self.reset_pages()
        self.show_page("settings")
        self.statusBar().showMessage(self.tr("已从备份恢复：{0}").format(path.name), 15000)
        return True

    def page(self, key: str) -> QWidget:
        """The page with ``key`` (built on first use)."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.build()
            widget.setObjectName(f"page_{key}")
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> None:
        """Select ``key`` in the navigation and show its page."""
        self.nav.setCurrentRow(self.page_keys().index(key))

    def _show_flagged(self) -> None:
        """Open the register filtered to households with a 需核对 member."""
        from qunzhong_desktop.ui.register import RegisterPage

        self.show_page("register")
        page = self.page("register")
        if isinstance(page, RegisterPage):
            page.show_flagged()

    def show_calendar_settings(self) -> None:
        """Open 设置 at 工作日历 (from the dashboard's calendar warning)."""
        from qunzhong_desktop.ui.settings import SettingsPage

        self.show_page("settings")
        page = self.page("settings")
        if isinstance(page, SettingsPage):
            page.show_calendar()

    def refresh_calendar(self) -> None:
        """Warn in the status bar (and the dashboard) while a needed year's holidays are unknown."""
        warning = warning_text(missing_years(self.store))
        self.calendar_label.setText(f"⚠ {warning}" if warning else "")
        self.calendar_label.setVisible(bool(warning))
        dashboard = self.pages.get("dashboard")
        if isinstance(dashboard, DashboardPage):
            dashboard.calendar_banner.refresh()

    def page_keys(self) -> list[str]:
        """The page keys in navigation order."""
        return [s.key for s in self.specs]

    def current_key(self) -> str:
        """The key of the page shown."""
        return self.specs[self.nav.currentRow()].key

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.specs[row].key
        already = key in self.pages
        widget = self.page(key)
        if already and isinstance(widget, DashboardPage):
            widget.refresh()
        self.stack.setCurrentWidget(widget)

    # chrome -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.switch_action = QAction(self.tr("切换用户(&U)…"), self)
        self.switch_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.switch_action.triggered.connect(self.lock)
        file_menu.addAction(self.switch_action)
        self.switch_action.setVisible(self.store.accounts.count() > 0)
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = QAction(self.tr("撤销(&U)"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        edit_menu.addAction(self.undo_action)
        self.undo_stack.changed.connect(self._undo_changed)
        self._undo_changed()
        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        self.page_actions: list[QAction] = []
        for index, spec in enumerate(self.specs, start=1):
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index}"))
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)
            self.page_actions.append(action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.manual_action = QAction(self.tr("使用手册(&M)"), self)
        self.manual_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.manual_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.manual_action.triggered.connect(self.show_manual)
        help_menu.addAction(self.manual_action)
        self.addAction(self.manual_action)  # F1 also when the menu bar is native
        about = QAction(self.tr("关于(&A)"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _undo_changed(self) -> None:
        label = self.undo_stack.label()
        self.undo_action.setEnabled(label is not None)
        self.undo_action.setText(
            self.tr("撤销{0}(&U)").format(label) if label else self.tr("撤销(&U)")
        )

    def undo(self) -> None:
        """编辑 › 撤销 (Ctrl+Z): take back the latest step that can be (see ui/common/session)."""
        try:
            step = self.undo_stack.undo()
        except DomainError as exc:
            show_error(self, exc, title=self.tr("不能撤销"))
            return
        if step is not None:
            self.statusBar().showMessage(self.tr("已撤销：{0}").format(step.label), 8000)

    def _build_shortcuts(self) -> None:
        # the page actions live in the 转到 menu; adding them to the window too keeps
        # Ctrl+1…9 working when the menu bar is hidden or native
        for action in self.page_actions:
            self.addAction(action)

    def about_text(self) -> str:
        """What 帮助 › 关于 says."""
        from qunzhong_desktop import __version__

        return self.tr(
            "<h3>群众工作站桌面版 {version}</h3>"
            "<p>供村（社区）群众工作站使用的离线桌面软件：户籍登记、便民服务联系卡、"
            "受理登记与限时办结、民情日记、民情台账和民情月报；"
            "用U盘传递签名加密的数据包与乡镇群众工作办同步。</p>"
            "<p>数据保存在本机：{home}<br>数据库版本：{revision}{encrypted}<br>"
            "日志文件：{log}</p>"
        ).format(
            version=__version__,
            home=self.store.home,
            revision=HEAD_REVISION,
            encrypted=self.tr("（已加密）") if self.store.db.key is not None else "",
            log=self.store.home / "qunzhong.log",
        )

    def show_manual(self) -> None:
        """帮助 › 使用手册 (F1): the guide, at the section of the page shown."""
        from qunzhong_desktop.ui.shell.application import wants_english
        from qunzhong_desktop.ui.shell.help_dialog import HelpDialog as Dialog

        if self.help_dialog is None:
            self.help_dialog = Dialog(wants_english(), self)
        self.help_dialog.show_section(self.current_key())
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def show_about(self) -> None:
        """帮助 › 关于."""
        QMessageBox.about(self, self.tr("关于群众工作站"), self.about_text())

    # signing in and locking (ui/shell/sign_in.py) ------------------------------------------
    def _lock_minutes(self) -> int:
        if self.store.accounts.count() == 0:
            return 0  # no accounts yet: nobody to sign in again
        try:
            return int(self.store.settings.get(LOCK_SETTING, str(DEFAULT_LOCK_MINUTES)))
        except ValueError:
            return DEFAULT_LOCK_MINUTES

    def lock(self) -> None:
        """Lock (idle, or 切换用户): hide the pages until someone signs in again."""
        if self.store.accounts.count() == 0 or self.sign_in_dialog is not None:
            return
        for widget in self.pages.values():
            may_close = getattr(widget, "may_close", None)
            if callable(may_close) and not may_close():
                self.idle.restart()  # unsaved input: the clerk chose to stay
                return
        self.idle.timer.stop()
        self.store.accounts.sign_out()
        self.central.hide()
        self.menuBar().setEnabled(False)
        dialog = SignInDialog(self.store, self, locked=True)
        self.sign_in_dialog = dialog
        dialog.finished.connect(self._signed_in_again)
        dialog.open()

    def _signed_in_again(self, result: int) -> None:
        self.sign_in_dialog = None
        if result != QDialog.DialogCode.Accepted:
            self.close()
            return
        self.reset_pages()
        self.central.show()
        self.menuBar().setEnabled(True)
        self.idle.set_minutes(self._lock_minutes())

    def reset_pages(self) -> None:
        """Build the pages anew for the operator signed in now (their role, their name)."""
        for widget in self.pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages.clear()
        self.undo_stack.clear()  # the steps were another person's
        self.refresh_station()
        self._show_row(self.nav.currentRow())

    def refresh_station(self) -> None:
        """Show the station (or the township) and operator in the title and status bar."""
        operator = self.store.db.operator
        signed = (
            self.tr("　{name}（{role}）").format(name=operator.name, role=operator.role_name)
            if operator is not None
            else ""
        )
        if self.role == "county":
            code, name = county_profile(self.store.db)
            self.setWindowTitle(self.tr("县（市）群众工作部 — {name}").format(name=name))
            self.station_label.setText(
                self.tr("{name}（{code}）").format(name=name, code=code) + signed
            )
            return
        if self.role == "township":
            code, name, _ = township_profile(self.store.db)
            self.setWindowTitle(self.tr("乡镇群众工作办 — {name}").format(name=name))
            self.station_label.setText(
                self.tr("{name}（{code}）").format(name=name, code=code) + signed
            )
            return
        station = self.store.register.station()
        if station is None:
            return
        self.setWindowTitle(self.tr("群众工作站 — {name}").format(name=station.name))
        text = self.tr("{name}（{code}）").format(name=station.name, code=station.code)
        if signed:
            text += signed
        elif station.operator:
            text += self.tr("　操作员：{operator}").format(operator=station.operator)
        self.station_label.setText(text)
        dashboard = self.pages.get("dashboard")
        if isinstance(dashboard, DashboardPage):
            dashboard.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let pages with unsaved input refuse to close (they implement ``may_close``)."""
        for widget in self.pages.values():
            may_close = getattr(widget, "may_close", None)
            if callable(may_close) and not may_close():
                event.ignore()
                return
        event.accept()
