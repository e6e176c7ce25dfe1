"""操作员与访问记录: the head's view of who may use this PC and what they saw or took out.

操作员: the accounts, a new one, a forgotten password reset, a role changed, an account
stopped (停用; kept, so the log and the history still name it). 访问记录: the access log,
the latest first, one kind or all. Everything goes through :class:`SqlAccounts` and
:mod:`storage.access_log`, which refuse anyone but a head.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import LOG_ACTIONS, ROLE_NAMES, Role
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.reports.access_log_xlsx import write_access_log
from qunzhong_desktop.storage import access_log
from qunzhong_desktop.storage.accounts import Account
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.form_feedback import message_area
from qunzhong_desktop.ui.common.printing import ask_save_file, document_name
from qunzhong_desktop.ui.common.session import TIME_FORMAT


class NewAccountDialog(QDialog):
    """A new account: name, role, password twice."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(self.tr("新建操作员账号"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.role = QComboBox(self)
        names = ROLE_NAMES[node_role(store.db) or "station"]
        for role in (Role.CLERK, Role.READER, Role.HEAD):
            self.role.addItem(names[role], role.value)
        self.cadre = QComboBox(self)
        self.cadre.addItem(self.tr("（不是联系干部）"), None)
        for cadre in store.register.cadres():
            self.cadre.addItem(cadre.name, cadre.id)
        self.cadre.setToolTip(self.tr("写民情日记时默认是这位干部"))
        self.password = QLineEdit(self)
        self.again = QLineEdit(self)
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("姓名(&N)"), self.name)
        form.addRow(self.tr("角色(&R)"), self.role)
        form.addRow(self.tr("本人是干部(&C)"), self.cadre)
        form.addRow(self.tr("密码(&P)"), self.password)
        form.addRow(self.tr("再输一次(&A)"), self.again)
        layout.addLayout(form)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("建账号"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(buttons)

    def submit(self) -> None:
        """Make the account; what is wrong is said here and nothing typed is lost."""
        if self.password.text() != self.again.text():
            self._say(self.tr("两次输入的密码不一致。"))
            return
        try:
            cadre = self.cadre.currentData()
            self._store.accounts.create(
                self.name.text(),
                self.password.text(),
                Role(str(self.role.currentData())),
                cadre_id=str(cadre) if cadre else None,
            )
        except DomainError as exc:
            self._say(exc.message)
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.messages.setText(text)
        self.messages.show()


class AccountsDialog(QDialog):
    """操作员与访问记录 (a head only)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._names = ROLE_NAMES[node_role(store.db) or "station"]
        self.accounts: list[Account] = []
        self.setWindowTitle(self.tr("操作员与访问记录"))
        self.setMinimumSize(760, 520)
        tabs = QTabWidget(self)
        tabs.addTab(self._accounts_tab(), self.tr("操作员"))
        tabs.addTab(self._log_tab(), self.tr("访问记录"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _accounts_tab(self) -> QWidget:
        page = QWidget(self)
        self.account_table = self._table([self.tr("姓名"), self.tr("角色"), self.tr("状态")])
        self.new_button = QPushButton(self.tr("新建账号…"), page)
        self.password_button = QPushButton(self.tr("重设密码…"), page)
        self.role_button = QPushButton(self.tr("修改角色…"), page)
        self.retire_button = QPushButton(self.tr("停用 / 启用"), page)
        self.new_button.clicked.connect(self.new_account)
        self.password_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.retire_button.clicked.connect(self.toggle_retired)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.password_button, self.role_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.account_table, 1)
        layout.addLayout(buttons)
        return page

    def _log_tab(self) -> QWidget:
        page = QWidget(self)
        self.action = QComboBox(page)
        self.action.addItem(self.tr("全部"), None)
        for code, name in LOG_ACTIONS.items():
            self.action.addItem(name, code)
        self.action.currentIndexChanged.connect(self.refresh_log)
        self.log_table = self._table(
            [self.tr("时间"), self.tr("操作员"), self.tr("角色"), self.tr("类别"),
             self.tr("内容"), self.tr("条数")]
        )  # fmt: skip
        self.log_count = QLabel(page)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("类别："), page))
        top.addWidget(self.action)
        top.addStretch(1)
        top.addWidget(self.log_count)
        self.export_button = QPushButton(self.tr("导出 Excel…"), page)
        self.export_button.clicked.connect(self.export_log)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.log_table, 1)
        return page

    # showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the accounts and the log again."""
        self.accounts = self._store.accounts.accounts(with_retired=True)
        self.account_table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            state = self.tr("已停用") if account.retired else self.tr("可登录")
            for column, text in enumerate((account.name, self._names[account.role], state)):
                self.account_table.setItem(row, column, QTableWidgetItem(text))
        self.refresh_log()

    def refresh_log(self) -> None:
        """The access log, of the kind chosen."""
        action = self.action.currentData()
        lines = access_log.entries(self._store.db, action=str(action) if action else None)
        self.log_table.setRowCount(len(lines))
        for row, e in enumerate(lines):
            values = [e.at.strftime(TIME_FORMAT), e.operator, e.role, e.action_name, e.what,
                      str(e.count) if e.count else ""]  # fmt: skip
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if column == 5:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.log_table.setItem(row, column, cell)
        self.log_count.setText(self.tr("共 {0} 条").format(len(lines)))

    def selected(self) -> Account | None:
        """The account of the selected row."""
        rows = self.account_table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    # acting -------------------------------------------------------------------------------
    def new_account(self) -> None:
        """新建账号… (modal)."""
        if NewAccountDialog(self._store, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def reset_password(self) -> None:
        """重设密码…: a forgotten password, set again by the head."""
        account = self.selected()
        if account is None:
            return
        password, ok = self._ask_password(account.name)
        if ok:
            self._run(lambda: self._store.accounts.reset_password(account.id, password))

    def change_role(self) -> None:
        """修改角色…."""
        account = self.selected()
        if account is None:
            return
        roles = [Role.HEAD, Role.CLERK, Role.READER]
        names = [self._names[r] for r in roles]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("修改角色"), self.tr("{0} 的角色：").format(account.name), names,
            roles.index(account.role), False,
        )  # fmt: skip
        if ok:
            role = roles[names.index(chosen)]
            self._run(
                lambda: self._store.accounts.update(
                    account.id, role=role, cadre_id=account.cadre_id, retired=account.retired
                )
            )

    def toggle_retired(self) -> None:
        """停用 / 启用: an account no one uses any more stays in the history."""
        account = self.selected()
        if account is not None:
            self._run(
                lambda: self._store.accounts.update(
                    account.id, role=account.role, cadre_id=account.cadre_id,
                    retired=not account.retired,
                )
            )  # fmt: skip

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except DomainError as exc:
            show_error(self, exc, title=self.tr("操作员账号"))
        self.refresh()

    def export_log(self) -> None:
        """导出 Excel…: the log as listed (the export itself is logged)."""
        path = ask_save_file(
            self, self._store.settings, kind="xlsx", title=self.tr("导出访问记录"),
            file_name=document_name(self._store, self.tr("访问记录"), suffix=".xlsx"),
            file_filter=self.tr("Excel 文件 (*.xlsx)"),
        )  # fmt: skip
        if path is not None:
            self.export_log_to(path)

    def export_log_to(self, path: Path) -> None:
        """Write the log of the kind chosen to ``path``."""
        action = self.action.currentData()
        lines = access_log.entries(self._store.db, action=str(action) if action else None)
        try:
            write_access_log(lines, path, title=self.windowTitle())
        except DomainError as exc:
            show_error(self, exc, title=self.tr("导出访问记录"))
            return
        access_log.record(self._store.db, "export", "访问记录", len(lines))
        self.refresh_log()

    # seams: dialogs the tests replace ----------------------------------------------------
    def _ask_password(self, name: str) -> tuple[str, bool]:
        return QInputDialog.getText(
            self, self.tr("重设密码"), self.tr("{0} 的新密码（至少 6 位）：").format(name),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
