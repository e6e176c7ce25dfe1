"""Signing in (登录): at start, after the window locked, and to switch users.

The first start of a data folder without accounts asks for its head's account (the last
step of setting up, or the first start after the upgrade that brought accounts); every
other start asks who is working and their password. The window locks after an idle time
(设置: ``ui.lock_minutes``, 10 by default, 0 never) and on 文件 › 切换用户: the pages are
hidden until someone signs in again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Role
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage import encryption, keyring
from qunzhong_desktop.storage.setup import node_role, township_profile
from qunzhong_desktop.storage.sqlite_files import ERRORS
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.ui.common.form_feedback import clear_invalid, mark_invalid, message_area


def place_name(store: Store) -> str:
    """The station's (or township office's) name, for the dialogs' titles."""
    township = township_profile(store.db)[1]
    if township:
        return township
    station = store.register.station()
    return station.name if station is not None else ""


#: What can stop the switch-over (the plain store stays as it was).
ENCRYPTION_FAILURES: tuple[type[BaseException], ...] = (OSError, RuntimeError, *ERRORS)


class _NameAndPassword(QDialog):
    """A name chosen from a list and a password; what is wrong is said above the buttons."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        intro: str,
        names: list[str],
        last: str,
        cancel: str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.name = QComboBox(self)
        self.name.addItems(names)
        if last in names:
            self.name.setCurrentText(last)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("姓名(&N)"), self.name)
        form.addRow(self.tr("密码(&P)"), self.password)
        layout.addLayout(form)
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(buttons)
        self.password.setFocus()

    def submit(self) -> None:
        """Check the password (the subclass says how)."""
        raise NotImplementedError

    def refuse(self, message: str) -> None:
        """Say why, clear the password and let the person try again."""
        self.messages.setText(message)
        self.messages.show()
        mark_invalid(self.password, message)
        self.password.clear()
        self.password.setFocus()


class SignInDialog(_NameAndPassword):
    """Who is working: a name from the accounts and the password.

    Args:
        store: the store to sign in to.
        parent: the Qt parent.
        locked: the window locked (the title says so; the last operator is chosen).
    """

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, locked: bool = False
    ) -> None:
        self._store = store
        title = self.tr("已锁定") if locked else self.tr("登录")
        super().__init__(
            parent,
            title=f"{title} — {place_name(store)}",
            intro=self.tr("窗口已锁定，请重新登录；也可以换一个人登录。")
            if locked
            else self.tr("请选择您的姓名并输入密码。忘记密码请找站长重设。"),
            names=[account.name for account in store.accounts.accounts()],
            last=store.settings.get("ui.last_operator", ""),
            cancel=self.tr("退出程序") if locked else self.tr("取消"),
        )

    def submit(self) -> None:
        """Sign in; a wrong password is said here and the field cleared."""
        clear_invalid(self.password)
        try:
            operator = self._store.accounts.sign_in(self.name.currentText(), self.password.text())
        except DomainError as exc:
            self.refuse(exc.message)
            return
        self._store.settings.set("ui.last_operator", operator.name)
        self.accept()


class FirstHeadDialog(QDialog):
    """The head's account (站长 / 管理员), made at the first start of a data folder."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        township = node_role(store.db) == "township"
        head = self.tr("管理员") if township else self.tr("站长")
        self.setWindowTitle(self.tr("设置向导 — {head}账号").format(head=head))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "这台电脑保存着全村居民的身份证号、电话和困难情况，几个人共用时须各自登录。"
                "请先为{head}建账号：{head}可以查看完整号码、删除、修改设置，"
                "并为其他人建账号、重设忘记的密码。"
            ).format(head=head),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(self)
        station = store.register.station()
        if station is not None and station.operator and not township:
            self.name.setText(station.operator)
        self.password = QLineEdit(self)
        self.again = QLineEdit(self)
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 6 位"))
        form.addRow(self.tr("{head}姓名(&N)").format(head=head), self.name)
        form.addRow(self.tr("密码(&P)"), self.password)
        form.addRow(self.tr("再输一次(&A)"), self.again)
        self.encrypt = QCheckBox(self.tr("加密数据库（推荐）：电脑或文件被拿走也读不出数据"), self)
        self.encrypt.setChecked(True)
        form.addRow("", self.encrypt)
        layout.addLayout(form)
        self.recovery_code = ""
        self.messages = message_area(self)
        layout.addWidget(self.messages)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("建账号并登录"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(buttons)
        (self.password if self.name.text() else self.name).setFocus()

    def submit(self) -> None:
        """Make the head's account and sign in; what is wrong is said here."""
        for field in (self.name, self.password, self.again):
            clear_invalid(field)
        if self.password.text() != self.again.text():
            self._refuse(self.again, self.tr("两次输入的密码不一致。"))
            return
        try:
            account = self._store.accounts.create(self.name.text(), self.password.text(), Role.HEAD)
        except DomainError as exc:
            field = self.name if exc.data.get("field") == "name" else self.password
            self._refuse(field, exc.message)
            return
        if self.encrypt.isChecked():
            try:
                self.recovery_code = encryption.enable(
                    self._store, account.name, self.password.text()
                )
            except ENCRYPTION_FAILURES as exc:  # disk full, a damaged copy
                # the plain store is untouched and works; the head's account stands
                self.show_failure(str(exc))
            else:
                self.show_recovery(self.recovery_code)
        self._store.accounts.sign_in(account.name, self.password.text())
        self._store.settings.set("ui.last_operator", account.name)
        self.accept()

    def show_failure(self, reason: str) -> None:
        """Encryption could not be switched on; the data stays as it was, unencrypted."""
        QMessageBox.warning(
            self,
            self.tr("没有加密"),
            self.tr(
                "数据库加密没有完成（{reason}），数据保持原样、未加密，可以照常使用。"
                "请检查磁盘空间后，由站长用命令行 qunzhong --operator 姓名 accounts encrypt "
                "再加密，或联系技术支持。"
            ).format(reason=reason),
        )

    def show_recovery(self, code: str) -> None:
        """The recovery code, to be written down (the only way in if every password is lost)."""
        QMessageBox.information(
            self,
            self.tr("请抄下恢复码"),
            self.tr(
                "数据库已加密。所有人都忘记密码时，只有这个恢复码能打开数据：\n\n{code}\n\n"
                "请抄在纸上，和公章一样妥善保管，不要存在这台电脑里。"
                "（命令行：qunzhong accounts recover 姓名 --code 恢复码）"
            ).format(code=code),
        )

    def _refuse(self, field: QLineEdit, message: str) -> None:
        self.messages.setText(message)
        self.messages.show()
        mark_invalid(field, message)
        field.setFocus()


class UnlockDialog(_NameAndPassword):
    """Sign in to an encrypted store: the password opens the data first, then the account.

    Attributes:
        store: the store, open and signed in, once accepted.
    """

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        self._home = home
        self.store: Store | None = None
        super().__init__(
            parent,
            title=self.tr("登录"),
            intro=self.tr("数据已加密。请选择您的姓名并输入密码。忘记密码请找站长重设。"),
            names=keyring.names(home),
            last="",
            cancel=self.tr("取消"),
        )

    def submit(self) -> None:
        """Open the store with this password and sign in; a wrong one is said here."""
        name, password = self.name.currentText(), self.password.text()
        try:
            store = open_store(self._home, key=keyring.unwrap(self._home, name, password))
        except DomainError as exc:
            self.refuse(exc.message)
            return
        try:
            store.accounts.sign_in(name, password)
        except BaseException:
            store.close()
            raise
        store.settings.set("ui.last_operator", name)
        self.store = store
        self.accept()


def unlock_at_start(home: Path) -> Store | None:
    """The encrypted store of ``home``, opened by someone's password (None: cancelled)."""
    dialog = UnlockDialog(home)
    return dialog.store if dialog.exec() == QDialog.DialogCode.Accepted else None


def sign_in_at_start(store: Store, parent: QWidget | None = None) -> bool:
    """Ask who is working (or make the head's account); False when the user cancels."""
    dialog: QDialog = (
        FirstHeadDialog(store, parent)
        if store.accounts.count() == 0
        else SignInDialog(store, parent)
    )
    return dialog.exec() == QDialog.DialogCode.Accepted


class IdleWatch(QObject):
    """Calls ``on_idle`` after ``minutes`` without a key or mouse event in the application."""

    _INPUT = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
        }
    )

    def __init__(
        self, minutes: int, on_idle: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """Lock after this many idle minutes (0: never)."""
        self.minutes = max(0, minutes)
        self.timer.setInterval(self.minutes * 60_000)
        self.restart()

    def restart(self) -> None:
        """Count the idle time from now."""
        if self.minutes:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any key or mouse event restarts the count."""
        if event.type() in self._INPUT and self.timer.isActive():
            self.timer.start()
        return super().eventFilter(watched, event)
