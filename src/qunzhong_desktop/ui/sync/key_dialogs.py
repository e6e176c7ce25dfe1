"""The two things sync asks a person to type: the key passphrase and a station's fingerprint.

:func:`ask_keys` opens this PC's private keys: with ``QUNZHONG_PASSPHRASE`` when scripts and
tests set it, otherwise by asking (a wrong passphrase is explained under the field and the
dialog stays open). :class:`FingerprintDialog` is how the township confirms a station's
enrollment: the clerk types the fingerprint printed on the station's sheet (or read out
over the phone) and only a match is stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.sync.keys import KeyStoreError, NodeKeys
from qunzhong_desktop.sync.node import passphrase_from_env
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import CountyKitInfo, EnrollmentInfo, KitInfo
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.tasks import wait_for

FINGERPRINT_DIGITS = 32
_SEPARATORS = re.compile(r"[\s\-_:：—–]+")


def normalise_fingerprint(text: str) -> str | None:
    """``"3f2a-9c01 …"`` → ``"3F2A 9C01 …"``; None unless it is 32 hex digits.

    Spaces, dashes and colons between the digits are ignored, and case does not matter.
    """
    digits = _SEPARATORS.sub("", text).upper()
    if len(digits) != FINGERPRINT_DIGITS or not re.fullmatch(r"[0-9A-F]+", digits):
        return None
    return " ".join(digits[i : i + 4] for i in range(0, FINGERPRINT_DIGITS, 4))


class PassphraseDialog(QDialog):
    """Ask for the key passphrase until it opens the keys or the user cancels.

    Args:
        sync: the sync service whose keys to open.
        parent: the Qt parent.
        error: a message to show at once (e.g. why the passphrase from the environment failed).

    Attributes:
        keys: the opened keys once the dialog was accepted.
    """

    def __init__(self, sync: SyncService, parent: QWidget | None = None, error: str = "") -> None:
        super().__init__(parent)
        self.sync = sync
        self.keys: NodeKeys | None = None
        self.setWindowTitle(self.tr("密钥口令"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr("导出和导入数据包要用到本机的密钥。请输入设置本机时设定的密钥口令："), self
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("passphraseError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(error))
        self.error_label.setText(error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        form.addRow(self.tr("密钥口令："), self.field)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.field.setFocus()

    def accept(self) -> None:
        """Open the keys; on a wrong passphrase say so under the field and stay open."""
        passphrase = self.field.text()
        if not passphrase:
            self._show_error(self.tr("请输入密钥口令。"))
            return
        try:
            self.keys = wait_for(
                self, lambda: self.sync.load_keys(passphrase), label=self.tr("正在打开密钥……")
            )
        except KeyStoreError as exc:
            self._show_error(exc.message)
            self.field.selectAll()
            self.field.setFocus()
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


def ask_keys(parent: QWidget | None, sync: SyncService) -> NodeKeys | None:
    """This PC's keys, or None when the user cancelled.

    ``QUNZHONG_PASSPHRASE`` is used when set; if it is wrong the dialog asks, saying why.
    """
    error = ""
    env = passphrase_from_env()
    if env:
        try:
            return wait_for(
                parent,
                lambda: sync.load_keys(env),
                label=QCoreApplication.translate("key_dialogs", "正在打开密钥……"),
            )
        except KeyStoreError as exc:
            error = exc.message
    dialog = PassphraseDialog(sync, parent, error)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.keys
        return None
    finally:
        dialog.deleteLater()


class FingerprintDialog(QDialog):
    """Confirm a station's enrollment by typing the fingerprint from its sheet.

    Args:
        info: what the enrollment file says (name, code, epoch; not its fingerprint, which
            the clerk must read from the sheet, not copy from the screen).
        submit: stores the enrollment for the fingerprint typed; raises
            :class:`DomainError` when it does not match (nothing is stored then).
        parent: the Qt parent.
    """

    def __init__(
        self,
        info: EnrollmentInfo | KitInfo | CountyKitInfo,
        submit: Callable[[str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = info
        self._submit = submit
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        facts = QFormLayout()
        if isinstance(info, EnrollmentInfo) and info.role == "township":
            self.setWindowTitle(self.tr("登记乡镇"))  # at the county (issue 19)
            facts.addRow(self.tr("乡镇："), QLabel(info.station_name, self))
            facts.addRow(self.tr("代码："), QLabel(info.station_code, self))
            facts.addRow(self.tr("密钥版本："), QLabel(self.tr("第 {0} 套").format(info.epoch)))
            hint_text = self.tr(
                "请输入该乡镇登记表上打印的密钥指纹（8 组，每组 4 位），或电话中由乡镇逐组"
                "念出的指纹。空格和短横线可输可不输，大小写均可。"
            )
            ok_text = self.tr("确认登记")
        elif isinstance(info, CountyKitInfo):
            self.setWindowTitle(self.tr("接受县级工作包"))
            facts.addRow(self.tr("县群众工作部："), QLabel(info.county_name, self))
            facts.addRow(self.tr("代码："), QLabel(info.county_code, self))
            hint_text = self.tr(
                "请输入县群众工作部提供的密钥指纹（8 组，每组 4 位；可以打电话请县里逐组念出），"
                "与工作包中的一致才接受。"
            )
            ok_text = self.tr("确认接受")
        elif isinstance(info, EnrollmentInfo):
            self.setWindowTitle(self.tr("登记站点"))
            facts.addRow(self.tr("工作站："), QLabel(info.station_name, self))
            facts.addRow(self.tr("代码："), QLabel(info.station_code, self))
            epoch = QLabel(
                self.tr("第 {0} 套（首次登记）").format(info.epoch)
                if info.epoch == 1
                else self.tr("第 {0} 套（该站更换过密钥）").format(info.epoch),
                self,
            )
            epoch.setToolTip(self.tr("工作站每更换一次密钥，密钥版本加 1，须重新登记。"))
            facts.addRow(self.tr("密钥版本："), epoch)
            hint_text = self.tr(
                "请输入该站登记表上打印的密钥指纹（8 组，每组 4 位，由数字 0–9 和字母 A–F 组成），"
                "或电话中由该站逐组念出的指纹。空格和短横线可输可不输，大小写均可。"
            )
            ok_text = self.tr("确认登记")
        else:  # the township's kit after its rekey: its new key, confirmed by phone
            self.setWindowTitle(self.tr("核对乡镇新密钥"))
            facts.addRow(self.tr("乡镇："), QLabel(info.township_name, self))
            facts.addRow(self.tr("代码："), QLabel(info.township_code, self))
            hint_text = self.tr(
                "乡镇群众工作办更换了密钥。请打电话请乡镇逐组念出新的密钥指纹"
                "（8 组，每组 4 位），在这里输入；与工作包中的一致才导入。"
            )
            ok_text = self.tr("确认导入")
        self.setMinimumWidth(520)
        layout.addLayout(facts)
        hint = QLabel(hint_text, self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.field = QLineEdit(self)
        self.field.setObjectName("fingerprintField")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 11.0) * 1.2)
        self.field.setFont(mono)
        self.field.setPlaceholderText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        self.field.setMinimumWidth(self.field.fontMetrics().horizontalAdvance("W" * 44))
        layout.addWidget(self.field)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fingerprintError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()

    def accept(self) -> None:
        """Check the form of what was typed, then enroll; a refusal is shown here."""
        fingerprint = normalise_fingerprint(self.field.text())
        if fingerprint is None:
            self._show_error(
                self.tr(
                    "指纹应为 32 位（8 组，每组 4 位），只含数字 0–9 和字母 A–F，请核对后重新输入。"
                )
            )
            return
        try:
            self.result_value = self._submit(fingerprint)
        except DomainError as exc:
            self._show_error(exc.message)
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.field.setFocus()


class NewKeysDialog(QDialog):
    """Create this PC's keys with a new passphrase typed twice.

    Set-up normally creates the keys; this is for a PC set up before sync existed.

    Args:
        sync: the sync service whose keys to create.
        parent: the Qt parent.
    """

    def __init__(
        self, sync: SyncService, parent: QWidget | None = None, *, replace: bool = False
    ) -> None:
        super().__init__(parent)
        self.sync = sync
        self.replace = replace
        self.fingerprint = ""
        self.setWindowTitle(self.tr("更换本机密钥") if replace else self.tr("生成本机密钥"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "口令遗失或怀疑密钥泄露时才需要更换密钥。更换后本机改用新的一套密钥（密钥版本加 1），"
                "旧密钥保留在数据目录中备查；对方必须重新登记本机（工作站重新导出登记表，乡镇重新导出"
                "乡镇工作包），在此之前对方不接受本机新的数据包。请设置新的密钥口令（至少 6 个字符）。"
            )
            if replace
            else self.tr(
                "与对方交换数据包前，本机需要一对密钥。请设置一个只有本机使用者知道的密钥口令"
                "（至少 6 个字符）；每次导出、导入数据包时要输入它。口令遗失后需要重新登记本机。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("更换密钥") if replace else self.tr("生成密钥"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("密钥口令："), self.field)
        form.addRow(self.tr("再输一次："), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Create the keys when both entries agree; explain what is wrong otherwise."""
        passphrase = self.field.text()
        if passphrase != self.again.text():
            self._show_error(self.tr("两次输入的口令不一致，请重新输入。"))
            return
        try:
            make = self.sync.rekey if self.replace else self.sync.create_keys
            self.fingerprint = wait_for(
                self, lambda: make(passphrase), label=self.tr("正在生成密钥……")
            )
        except KeyStoreError as exc:
            self._show_error(exc.message)
            return
        super().accept()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
