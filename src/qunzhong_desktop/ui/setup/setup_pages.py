"""The set-up wizard's other pages: role, township, station kit, passphrase, closing.

The role page asks what this PC is; the township page takes the township office's profile;
the kit page the station kit received from the township; the passphrase page the
passphrase sealing this PC's keys; the closing page shows the key fingerprint.

The pages only collect and check what is typed; :class:`SetupWizard` does the set-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.sync.node import MIN_PASSPHRASE, passphrase_from_env
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import KitInfo
from qunzhong_desktop.ui.common.form_feedback import FieldEdit
from qunzhong_desktop.ui.common.palette import ERROR_STYLE
from qunzhong_desktop.ui.common.profile_fields import TownshipFields

translate = QCoreApplication.translate

STATION, TOWNSHIP, COUNTY = "station", "township", "county"
FINGERPRINT_STYLE = (
    "font-family: 'DejaVu Sans Mono', 'Consolas', monospace; font-size: 18pt;"
    " font-weight: bold; letter-spacing: 1px;"
)
NOTE_STYLE = "background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; padding: 8px;"


def choose_kit_file(parent: QWidget) -> str:
    """Ask for a station kit file; "" when cancelled (a seam for the tests)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("SetupKitPage", "选择乡镇工作包"),
        "",
        translate("SetupKitPage", "乡镇工作包 (*.qzkit);;所有文件 (*)"),
    )
    return path


def choose_county_kit_file(parent: QWidget, suggested: str) -> str:
    """Ask where to write the county kit; "" when cancelled (a seam for the tests)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("SetupDonePage", "导出县级工作包"),
        str(Path.home() / suggested),
        translate("SetupDonePage", "县级工作包 (*.qzkit)"),
    )
    return path


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(10)
    return form


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class SetupRolePage(QWizardPage):
    """Three large choices: a village station, the township office or the county's department."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("第 1 步：这台电脑用来做什么"))
        layout = QVBoxLayout(self)
        layout.addWidget(_note(self.tr("请选择本机的用途。设置完成后不能再更改。"), self))
        layout.addSpacing(12)
        self.group = QButtonGroup(self)
        self.station = self._choice(
            layout,
            self.tr("村（社区）群众工作站(&S)"),
            self.tr("在村里受理群众诉求、登记住户、写民情日记，数据用 U 盘交给乡镇。"),
        )
        layout.addSpacing(16)
        self.township = self._choice(
            layout,
            self.tr("乡镇群众工作办(&T)"),
            self.tr("接收各工作站的数据包，把上报的事项交办给责任单位，再把结果发回工作站。"),
        )
        layout.addSpacing(16)
        self.county = self._choice(
            layout,
            self.tr("县（市）群众工作部(&C)"),
            self.tr("接收各乡镇的数据包，协调乡镇上报的重大疑难事项，交办县直部门；"
                    "数据可放在本机或数据库服务器。"),
        )  # fmt: skip
        self.station.setChecked(True)
        layout.addStretch(1)

    def _choice(self, layout: QVBoxLayout, text: str, explanation: str) -> QRadioButton:
        button = QRadioButton(text, self)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        button.setFont(font)
        button.setStyleSheet(
            "QRadioButton { padding: 6px; } QRadioButton::indicator { width: 20px; height: 20px; }"
        )
        self.group.addButton(button)
        layout.addWidget(button)
        note = _note(explanation, self)
        note.setStyleSheet("color: #555; margin-left: 36px;")
        layout.addWidget(note)
        return button

    def role(self) -> str:
        """``station``, ``township`` or ``county``."""
        if self.county.isChecked():
            return COUNTY
        return TOWNSHIP if self.township.isChecked() else STATION


class SetupTownshipPage(QWizardPage):
    """The township office's code, name and phone."""

    def __init__(self, fields: TownshipFields) -> None:
        super().__init__()
        self.township_fields = fields
        self.setTitle(self.tr("第 2 步：乡镇群众工作办"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                self.tr(
                    "乡镇代码是本乡镇的 9 位统计用区划代码，各村工作站代码的前 9 位就是它。"
                    "名称和电话会发给各工作站，印在便民服务联系卡上。"
                ),
                self,
            )
        )
        form = _form()
        fields.add_rows(form)
        layout.addLayout(form)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Start in the code box."""
        self.township_fields.fields["code"].edit.setFocus()

    def validatePage(self) -> bool:
        """Check every field before leaving the page."""
        return self.township_fields.check()


class SetupKitPage(QWizardPage):
    """The station kit received from the township (optional), checked and shown.

    Args:
        sync: reads the kit.
        township_code: the station's township code as typed on the station page.
    """

    def __init__(self, sync: SyncService, township_code: Callable[[], str]) -> None:
        super().__init__()
        self.sync = sync
        self.township_code = township_code
        self.kit: KitInfo | None = None
        self._checked: tuple[str, str] | None = None
        self._ok = True
        self.setTitle(self.tr("第 4 步：乡镇工作包"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                self.tr(
                    "乡镇群众工作办会给每个工作站一个工作包文件（.qzkit），里面有乡镇的密钥、"
                    "责任单位等设置。收到了就在这里选择它；还没有收到也可以直接按“下一步”，"
                    "以后在“同步”页导入。"
                ),
                self,
            )
        )
        row = QHBoxLayout()
        label = QLabel(self.tr("工作包文件(&K)"), self)
        label.setMinimumHeight(32)  # level with the box
        self.file = FieldEdit(self.tr("可以不选"), self)
        label.setBuddy(self.file.edit)
        self.browse = QPushButton(self.tr("浏览…"), self)
        self.browse.setMinimumHeight(32)
        self.browse.clicked.connect(self.choose)
        self.file.edit.editingFinished.connect(self.read)
        row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.file, 1)
        row.addWidget(self.browse, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self._info_box())
        layout.addStretch(1)

    def _info_box(self) -> QGroupBox:
        self.info = QGroupBox(self.tr("工作包内容"), self)
        form = _form()
        self.info_name = QLabel(self.info)
        self.info_code = QLabel(self.info)
        self.info_units = QLabel(self.info)
        self.info_units.setWordWrap(True)
        self.info_fingerprint = QLabel(self.info)
        self.info_fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.info_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("乡镇群众工作办"), self.info_name)
        form.addRow(self.tr("乡镇代码"), self.info_code)
        form.addRow(self.tr("责任单位"), self.info_units)
        # the fingerprint on a row of its own: it is wide and must never squeeze its label
        form.addRow(QLabel(self.tr("乡镇密钥指纹"), self.info))
        form.addRow(self.info_fingerprint)
        hint = _note(
            self.tr("请与乡镇群众工作办给的指纹核对（可以打电话确认），完全一致才继续。"),
            self.info,
        )
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)
        self.info.setLayout(form)
        self.info.hide()
        return self.info

    def path(self) -> Path | None:
        """The kit file chosen, or None."""
        text = self.file.text().strip()
        return Path(text) if text else None

    def choose(self) -> None:
        """浏览…: pick a file and read it."""
        chosen = choose_kit_file(self)
        if chosen:
            self.file.set_text(chosen)
            self.read()

    def read(self) -> bool:
        """Read and check the kit named (again only if it or the township changed); show it.

        Returns:
            Whether the page may be left: no file, or a readable kit of this township.
        """
        text = self.file.text().strip()
        key = (text, self.township_code())
        if key == self._checked:
            return self._ok
        self._checked = key
        self._ok = self._read(text)
        return self._ok

    def _read(self, text: str) -> bool:
        self.kit = None
        self.info.hide()
        self.file.clear_error()
        if not text:
            return True
        path = Path(text)
        if not path.is_file():
            self.file.set_error(
                self.tr("找不到文件“{path}”。请检查路径，或按“浏览…”选择。").format(path=text)
            )
            return False
        try:
            kit = self.sync.read_station_kit(path)
        except DomainError as exc:
            self.file.set_error(exc.message)
            return False
        except OSError as exc:
            self.file.set_error(
                self.tr("无法读取这个文件：{reason}").format(reason=exc.strerror or exc)
            )
            return False
        self.kit = kit
        self.info_name.setText(kit.township_name)
        self.info_code.setText(kit.township_code)
        self.info_units.setText(
            self.tr("{n} 个（{names}）").format(n=len(kit.units), names="、".join(kit.units))
            if kit.units
            else self.tr("无")
        )
        self.info_fingerprint.setText(kit.fingerprint)
        self.info.show()
        expected = self.township_code()
        if kit.township_code != expected:
            self.file.set_error(
                self.tr(
                    "这个工作包是{name}（{code}）的，不是本站所属乡镇（{expected}）的。"
                    "请向本乡镇群众工作办索取工作包，或清空这一栏以后再导入。"
                ).format(name=kit.township_name, code=kit.township_code, expected=expected)
            )
            return False
        return True

    def validatePage(self) -> bool:
        """No file, or a readable kit of the station's township."""
        if self.read():
            return True
        self.file.edit.setFocus()
        self.file.edit.selectAll()
        return False


class SetupPassphrasePage(QWizardPage):
    """The passphrase that seals this PC's keys, typed twice."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        note = _note(
            self.tr("口令保护本机密钥，导出和导入数据包时需要输入；请牢记，丢失后需重新登记。"),
            self,
        )
        note.setStyleSheet(NOTE_STYLE)
        layout.addWidget(note)
        layout.addSpacing(8)
        form = _form()
        self.first = FieldEdit(
            self.tr("至少 {n} 个字符，只让本机的工作人员知道").format(n=MIN_PASSPHRASE), self
        )
        self.second = FieldEdit(self.tr("再输入一遍，防止输错"), self)
        for text, field in (
            (self.tr("口令(&P)"), self.first),
            (self.tr("确认口令(&C)"), self.second),
        ):
            field.edit.setEchoMode(QLineEdit.EchoMode.Password)
            label = QLabel(text, self)
            label.setBuddy(field.edit)
            form.addRow(label, field)
        self.show_box = QCheckBox(self.tr("显示口令"), self)
        self.show_box.toggled.connect(self._show)
        form.addRow("", self.show_box)
        layout.addLayout(form)
        layout.addStretch(1)
        preset = passphrase_from_env()
        if preset:
            self.first.set_text(preset)
            self.second.set_text(preset)

    def _show(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        for field in (self.first, self.second):
            field.edit.setEchoMode(mode)

    def initializePage(self) -> None:
        """Start in the first box."""
        self.first.edit.setFocus()

    def passphrase(self) -> str:
        """The passphrase typed."""
        return self.first.text()

    def show_error(self, message: str) -> None:
        """Explain under the first box why the passphrase was refused."""
        self.first.set_error(message)
        self.first.edit.setFocus()
        self.first.edit.selectAll()

    def validatePage(self) -> bool:
        """Long enough, and typed the same twice."""
        self.first.clear_error()
        self.second.clear_error()
        if len(self.first.text()) < MIN_PASSPHRASE:
            self.show_error(self.tr("口令至少要 {n} 个字符。").format(n=MIN_PASSPHRASE))
            return False
        if self.second.text() != self.first.text():
            self.second.set_error(self.tr("两次输入的口令不一样，请重新输入确认口令。"))
            self.second.edit.setFocus()
            self.second.edit.selectAll()
            return False
        return True


class SetupDonePage(QWizardPage):
    """What was set up, this PC's key fingerprint, and the next step."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("设置完成"))
        layout = QVBoxLayout(self)
        self.summary = _note("", self)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("本机密钥指纹："), self))
        self.fingerprint = QLabel(self)
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(4)
        self.kit_note = _note("", self)
        layout.addWidget(self.kit_note)
        # the county's kit for its townships, written from here (issue 19)
        self.kit_button = QPushButton(self.tr("导出县级工作包(&K)…"), self)
        self.kit_button.setMinimumHeight(32)
        self.kit_button.hide()
        kit_row = QHBoxLayout()
        kit_row.addWidget(self.kit_button)
        kit_row.addStretch(1)
        layout.addLayout(kit_row)
        self.kit_written = _note("", self)
        self.kit_written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kit_written.hide()
        layout.addWidget(self.kit_written)
        layout.addSpacing(8)
        self.next_step = _note("", self)
        self.next_step.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.next_step)
        layout.addStretch(1)

    def show_station(
        self, name: str, fingerprint: str, kit: KitInfo | None, kit_error: str
    ) -> None:
        """Fill the page after a station was set up."""
        self.summary.setText(self.tr("本机已设置为“{name}”。").format(name=name))
        self.fingerprint.setText(fingerprint)
        if kit is not None:
            self.kit_note.setText(
                self.tr("已导入{name}（{code}）的工作包。").format(
                    name=kit.township_name, code=kit.township_code
                )
            )
            self.kit_note.setStyleSheet("color: #1b5e20;")
        elif kit_error:
            self.kit_note.setText(
                self.tr("乡镇工作包没有导入：{reason}　请以后在“同步”页导入。").format(
                    reason=kit_error
                )
            )
            self.kit_note.setStyleSheet(ERROR_STYLE)
        else:
            self.kit_note.setText(self.tr("还没有导入乡镇工作包，收到后在“同步”页导入。"))
            self.kit_note.setStyleSheet("color: #555;")
        self.next_step.setText(
            self.tr(
                "下一步：进入程序后打开“同步”→“导出登记表”，把登记表交给乡镇群众工作办，"
                "并打印指纹单，让乡镇核对上面的指纹。"
            )
        )

    def show_township(self, name: str, fingerprint: str) -> None:
        """Fill the page after a township office was set up."""
        self.summary.setText(self.tr("本机已设置为“{name}”。").format(name=name))
        self.fingerprint.setText(fingerprint)
        self.kit_note.hide()
        self.next_step.setText(
            self.tr(
                "下一步：进入程序后在“站点与同步”页导出乡镇工作包，交给各村（社区）群众工作站，"
                "并把上面的指纹告诉他们核对。"
            )
        )

    def show_county(self, name: str, fingerprint: str, where: str) -> None:
        """Fill the page after a county's department was set up (``where``: its database)."""
        self.summary.setText(self.tr("本机已设置为“{name}”。").format(name=name))
        self.fingerprint.setText(fingerprint)
        self.kit_note.setText(self.tr("数据库：{where}").format(where=where))
        self.kit_note.setStyleSheet("color: #555;")
        self.kit_button.show()
        self.next_step.setText(
            self.tr(
                "下一步：按“导出县级工作包…”（以后也可在“乡镇与同步”页导出），交给各乡镇"
                "群众工作办，并把上面的指纹告诉他们核对；再用各乡镇交回的登记文件和登记表"
                "“登记乡镇…”。"
            )
        )

    def show_county_kit(self, path: Path | None, error: str = "") -> None:
        """Say where the county kit was written, or why it was not."""
        if path is None:
            self.kit_written.setText(
                self.tr("县级工作包没有导出：{reason}　可以换个位置再导出。").format(reason=error)
            )
            self.kit_written.setStyleSheet(ERROR_STYLE)
        else:
            self.kit_written.setText(
                self.tr(
                    "已导出县级工作包 {0}。请复制到 U 盘交各乡镇群众工作办，在“站点与同步”中"
                    "接受，并把本机密钥指纹告诉他们核对。"
                ).format(path)
            )
            self.kit_written.setStyleSheet("color: #1b5e20;")
        self.kit_written.show()
