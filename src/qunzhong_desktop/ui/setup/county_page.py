"""The set-up wizard's county page (issue 19): 县（市）群众工作部's code, name and database.

The county's code is its 6-digit division code; the database is this PC's file (SQLite, the
default) or a PostgreSQL server (数据库服务器): a URL such as
``postgresql+psycopg://qunzhong@192.168.1.10:5432/qunzhong``. 测试连接 checks the URL and
reaches the server in the background (storage/server.py: checked_url, probe); its answer
is said in Chinese under the box, never with the password. The page only collects and
checks; :class:`.SetupWizard` points the data folder at the server and sets the county up.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from qunzhong_desktop.core.errors import DomainError, ValidationError
from qunzhong_desktop.core.text import clean
from qunzhong_desktop.storage.server import checked_url, probe, shown
from qunzhong_desktop.storage.setup import normalise_county_code
from qunzhong_desktop.ui.common.form_feedback import FieldEdit
from qunzhong_desktop.ui.common.tasks import run_task

EXAMPLE_URL = "postgresql+psycopg://qunzhong@192.168.1.10:5432/qunzhong"
OK_STYLE = "color: #1b5e20;"


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class SetupCountyPage(QWizardPage):
    """The county's code and name, and where its database is.

    Attributes:
        tested: the URL last reached by 测试连接 ("" when none).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("第 2 步：县（市）群众工作部"))
        self.tested = ""
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                self.tr(
                    "县（市、区）代码是 6 位统计用区划代码，各乡镇代码的前 6 位就是它。"
                    "名称如“长沙县群众工作部”。"
                ),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.code = FieldEdit(self.tr("6 位数字，如 430121"), self)
        self.name = FieldEdit(self.tr("如 长沙县群众工作部"), self)
        for text, field in ((self.tr("代码(&C)"), self.code), (self.tr("名称(&M)"), self.name)):
            label = QLabel(text, self)
            label.setBuddy(field.edit)
            form.addRow(label, field)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("数据库放在哪里："), self))
        self.group = QButtonGroup(self)
        self.local = QRadioButton(self.tr("本机文件（一台电脑使用，默认）(&L)"), self)
        self.server = QRadioButton(self.tr("数据库服务器 PostgreSQL（全县数据量大时）(&S)"), self)
        for button in (self.local, self.server):
            self.group.addButton(button)
            layout.addWidget(button)
        self.local.setChecked(True)
        row = QHBoxLayout()
        self.url = FieldEdit(EXAMPLE_URL, self)
        self.test_button = QPushButton(self.tr("测试连接(&T)"), self)
        self.test_button.setMinimumHeight(32)
        self.test_button.clicked.connect(self.test_connection)
        row.addWidget(self.url, 1)
        row.addWidget(self.test_button)
        layout.addLayout(row)
        self.answer = _note("", self)
        layout.addWidget(self.answer)
        layout.addWidget(
            _note(
                self.tr(
                    "口令最好不写在地址里，而是写在 PostgreSQL 的口令文件（pgpass）中；"
                    "地址保存在本机数据目录，不会出现在日志和提示里。"
                ),
                self,
            )
        )
        layout.addStretch(1)
        self.server.toggled.connect(self._server_toggled)
        self.url.edit.textChanged.connect(lambda _t: self._forget_test())
        self._server_toggled(False)

    def _server_toggled(self, on: bool) -> None:
        self.url.setEnabled(on)
        self.test_button.setEnabled(on)
        if not on:
            self.url.clear_error()
            self.answer.clear()

    def _forget_test(self) -> None:
        self.tested = ""
        self.answer.clear()
        self.url.clear_error()

    def initializePage(self) -> None:
        """Start in the code box."""
        self.code.edit.setFocus()

    def on_server(self) -> bool:
        """Whether the database is on a server."""
        return self.server.isChecked()

    def server_url(self) -> str:
        """The server's URL as checked ("" for this PC's file).

        Raises:
            ValidationError: a malformed URL or not PostgreSQL (``field`` db).
        """
        return checked_url(self.url.text()) if self.on_server() else ""

    def values(self) -> tuple[str, str]:
        """(code, name) as typed."""
        return self.code.text(), self.name.text()

    def test_connection(self) -> None:
        """测试连接: check the URL, reach the server in the background, say the answer."""
        self._forget_test()
        try:
            url = self.server_url()
        except ValidationError as exc:
            self.url.set_error(exc.message)
            return
        self.answer.setText(self.tr("正在连接 {0} ……").format(shown(url)))
        self.answer.setStyleSheet("")

        def done(has_tables: object) -> None:
            self.tested = url
            self.answer.setStyleSheet(OK_STYLE)
            self.answer.setText(
                self.tr("连接成功：{0}。{1}").format(
                    shown(url),
                    self.tr("数据库里已有本程序的数据表。")
                    if has_tables
                    else self.tr("数据库是空的，完成设置时建立数据表。"),
                )
            )

        def failed(exc: BaseException) -> None:
            self.answer.clear()
            message = exc.message if isinstance(exc, DomainError) else str(exc)
            self.url.set_error(message.replace(url, shown(url)))

        run_task(
            self,
            lambda _p, _c: probe(url),
            label=self.tr("正在连接数据库服务器……"),
            on_done=done,
            on_error=failed,
            cancellable=False,
        )

    def show_error(self, exc: ValidationError) -> bool:
        """Show a set-up refusal under its field; whether it belonged to this page."""
        field = exc.data.get("field")
        target = {"code": self.code, "name": self.name, "db": self.url}.get(str(field))
        if target is None:
            return False
        target.set_error(exc.message)
        target.edit.setFocus()
        return True

    def validatePage(self) -> bool:
        """The code, the name and (for a server) the URL's form, each said under its box."""
        for field in (self.code, self.name, self.url):
            field.clear_error()
        ok = True
        try:
            normalise_county_code(self.code.text())
        except ValidationError as exc:
            self.code.set_error(exc.message)
            ok = False
        if not clean(self.name.text()):
            self.name.set_error(self.tr("请填写县（市、区）群众工作部名称。"))
            ok = False
        try:
            self.server_url()
        except ValidationError as exc:
            self.url.set_error(exc.message)
            ok = False
        return ok
