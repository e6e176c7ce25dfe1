"""Turn errors into a message a village clerk can act on.

A :class:`DomainError` already carries a Chinese sentence saying what is wrong; the box adds
what to do next. Anything else is a bug: it is logged with its traceback and the user is
told, without jargon, that nothing was lost and where the details are.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from qunzhong_desktop.core.errors import (
    DomainError,
    DuplicateError,
    NotFoundError,
    SetupError,
    ValidationError,
)

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def advice(exc: DomainError) -> str:
    """What the user should do about a domain error."""
    if isinstance(exc, ValidationError):
        return translate("errors", "请按提示改正后再试。已经填写的内容都还在，不会丢失。")
    if isinstance(exc, DuplicateError):
        return translate(
            "errors", "请先查一下是否已经登记过；如果确实是另一条记录，请改用不同的内容。"
        )
    if isinstance(exc, NotFoundError):
        return translate("errors", "这条记录可能已被删除或尚未建立。请刷新后再试。")
    if isinstance(exc, SetupError):
        return translate("errors", "请先完成工作站设置，或联系乡镇群众工作办。")
    return translate("errors", "请检查后再试。")


def error_box(parent: QWidget | None, exc: BaseException, *, title: str = "") -> QMessageBox:
    """Build (but do not show) the message box for ``exc``; logs unexpected errors."""
    box = QMessageBox(parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(translate("errors", "知道了"))
    if isinstance(exc, DomainError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title or translate("errors", "操作未完成"))
        box.setText(exc.message)
        box.setInformativeText(advice(exc))
    else:
        log.error(
            "unexpected error: %s",
            "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        )
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title or translate("errors", "程序出错"))
        box.setText(translate("errors", "程序遇到了意外问题，这一步没有完成。"))
        box.setInformativeText(
            translate(
                "errors",
                "已保存的数据不会受影响。请再试一次；如果反复出现，"
                "请把数据目录中的日志文件 qunzhong.log 发给技术支持。",
            )
        )
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
    return box


def show_error(parent: QWidget | None, exc: BaseException, *, title: str = "") -> None:
    """Show ``exc`` in a modal message box (see :func:`error_box`)."""
    error_box(parent, exc, title=title).exec()
