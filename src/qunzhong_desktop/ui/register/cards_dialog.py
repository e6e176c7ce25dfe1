"""The contact-card dialog: which cards, which layout; preview, print or save as PDF.

Every way out (print from the preview, print, save) goes through the same PDF the CLI
writes (:func:`qunzhong_desktop.reports.documents.cards`, in the background, with 取消),
and records the cards as issued only once they were printed or saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.card import CardContent
from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.work import CancelToken, Progress
from qunzhong_desktop.reports import documents
from qunzhong_desktop.reports.documents import CardsWritten
from qunzhong_desktop.reports.fonts import (
    FONT_SETTING,
    CjkFont,
    load_font_file,
    store_font,
)
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.ledger_repo import station_names
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.printing import ask_save_file, document_name, print_document
from qunzhong_desktop.ui.common.tasks import run_task

LAYOUT_SETTING = "cards.layout"

SCOPE_SELECTED = "selected"
SCOPE_ALL = "all"
SCOPE_STALE = "stale"


class CardsDialog(QDialog):
    """Print contact cards (便民服务联系卡) for selected, all, or out-of-date households."""

    # emitted with the number of cards recorded as issued
    cardsIssued = Signal(int)

    def __init__(
        self,
        store: Store,
        household_ids: list[str] | None = None,
        parent: QWidget | None = None,
        *,
        station: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.cards_repo = SqlCards(store.db, station)
        self.household_ids = list(household_ids) if household_ids else None
        self.township = not self.cards_repo.records_issues()
        self.setWindowTitle(self.tr("打印便民服务联系卡"))
        self.setMinimumWidth(460)
        self.station_combo = QComboBox(self)
        self.station_combo.addItem(self.tr("全部工作站"), None)
        for code, name in station_names(store.db).items() if self.township else ():
            self.station_combo.addItem(f"{name}（{code}）", code)
        self.station_combo.setCurrentIndex(max(0, self.station_combo.findData(station)))
        self.station_combo.currentIndexChanged.connect(self._station_changed)

        self.selected_radio = QRadioButton(self)
        self.all_radio = QRadioButton(self)
        self.stale_radio = QRadioButton(self)
        self.scope_group = QButtonGroup(self)
        for radio in (self.selected_radio, self.all_radio, self.stale_radio):
            self.scope_group.addButton(radio)
        which = QGroupBox(self.tr("打印哪些户的联系卡"), self)
        which_box = QVBoxLayout(which)
        for radio in (self.selected_radio, self.all_radio, self.stale_radio):
            which_box.addWidget(radio)
        self.stale_hint = QLabel(
            self.tr("“需更新”指从未打印过，或卡上信息（网长、联系干部、电话等）已有变动的户。"),
            self,
        )
        self.stale_hint.setWordWrap(True)
        self.stale_hint.setStyleSheet("color: palette(mid);")
        which_box.addWidget(self.stale_hint)

        self.layout_combo = QComboBox(self)
        self.layout_combo.addItem(self.tr("每页 10 张（A4 纸，带裁切线）"), "a4-10")
        self.layout_combo.addItem(self.tr("每页 1 张（A4 纸居中）"), "single")
        saved = store.settings.get(LAYOUT_SETTING, "a4-10")
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(saved)))
        self.font_label = QLabel(self)
        self.font_label.setWordWrap(True)
        self.font_button = QPushButton(self.tr("选择字体…"), self)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_label, 1)
        font_row.addWidget(self.font_button)
        form = QFormLayout()
        if self.township:
            form.addRow(self.tr("工作站："), self.station_combo)
        else:
            self.station_combo.hide()
        form.addRow(self.tr("版式："), self.layout_combo)
        form.addRow(self.tr("字体："), font_row)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview_button = QPushButton(self.tr("预览"), self)
        self.print_button = QPushButton(self.tr("打印"), self)
        self.save_button = QPushButton(self.tr("保存 PDF"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        root = QVBoxLayout(self)
        if self.township:
            self.selected_radio.hide()
            note = QLabel(
                self.tr(
                    "乡镇打印的联系卡不计入工作站的发卡记录；“需更新”以各站已导入的发卡记录为准。"
                ),
                self,
            )
            note.setWordWrap(True)
            root.addWidget(note)
            root.addLayout(form)
            root.addWidget(which)
        else:
            root.addWidget(which)
            root.addLayout(form)
        root.addWidget(self.status_label)
        root.addLayout(buttons)

        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_cards)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.font_button.clicked.connect(self.choose_font)
        self.scope_group.buttonToggled.connect(self._update_buttons)
        self.layout_combo.currentIndexChanged.connect(self._remember_layout)

        self.refresh()
        if self.household_ids:
            self.selected_radio.setChecked(True)
        elif self.stale_radio.isEnabled():
            self.stale_radio.setChecked(True)
        else:
            self.all_radio.setChecked(True)
        self._update_buttons()

    # state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recount the cards of each choice and show the font in use."""
        every = self.cards_repo.counts()
        self.all_radio.setText(self.tr("全部（{0} 户）").format(every.total))
        self.all_radio.setEnabled(every.total > 0)
        self.stale_radio.setText(
            self.tr("仅需更新的（{0} 户：从未打印 {1} 户，信息有变 {2} 户）").format(
                every.stale, every.never_printed, every.out_of_date
            )
        )
        self.stale_radio.setEnabled(every.stale > 0)
        if self.household_ids:
            chosen = self.cards_repo.counts(self.household_ids)
            self.selected_radio.setText(
                self.tr("选中的户（{0} 户，其中需更新 {1} 户）").format(chosen.total, chosen.stale)
            )
            self.selected_radio.setEnabled(chosen.total > 0)
        else:
            self.selected_radio.setText(self.tr("选中的户（未选择）"))
            self.selected_radio.setEnabled(False)
        checked = self.scope_group.checkedButton()
        if checked is not None and not checked.isEnabled():
            self.all_radio.setChecked(True)
        self._show_font()
        self._update_buttons()

    def station(self) -> str | None:
        """At a township, the station whose cards (None: every station's)."""
        data = self.station_combo.currentData()
        return str(data) if data else None

    def _station_changed(self, *_: object) -> None:
        self.cards_repo = SqlCards(self.store.db, self.station())
        self.refresh()

    def _document_name(self) -> str:
        """``新塘村群众工作站-便民服务联系卡-2026年12月02日.pdf`` (at a township: the station's)."""
        day = f"{dt.date.today():%Y年%m月%d日}"
        if not self.township:
            return document_name(self.store, self.tr("便民服务联系卡"), day)
        code = self.station()
        whose = station_names(self.store.db).get(code, "") if code else self.tr("各工作站")
        return document_name(self.store, whose, self.tr("便民服务联系卡"), day)

    def scope(self) -> str:
        """Which households: ``selected``, ``all`` or ``stale``."""
        if self.selected_radio.isChecked():
            return SCOPE_SELECTED
        if self.stale_radio.isChecked():
            return SCOPE_STALE
        return SCOPE_ALL

    def set_scope(self, scope: str) -> None:
        """Choose which households (as :meth:`scope` names them)."""
        radio = {
            SCOPE_SELECTED: self.selected_radio,
            SCOPE_ALL: self.all_radio,
            SCOPE_STALE: self.stale_radio,
        }[scope]
        radio.setChecked(True)

    def layout_name(self) -> str:
        """The PDF layout chosen: ``a4-10`` or ``single``."""
        return str(self.layout_combo.currentData())

    def set_layout_name(self, layout: str) -> None:
        """Choose the layout (``a4-10`` or ``single``)."""
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(layout))

    def chosen_cards(self) -> list[CardContent]:
        """The cards the current choice prints, by household number."""
        scope = self.scope()
        if scope == SCOPE_SELECTED:
            return self.cards_repo.cards(self.household_ids or [])
        return self.cards_repo.cards(stale_only=scope == SCOPE_STALE)

    def _update_buttons(self, *_: object) -> None:
        checked = self.scope_group.checkedButton()
        enabled = checked is not None and checked.isEnabled()
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(enabled)

    def _remember_layout(self, *_: object) -> None:
        self.store.settings.set(LAYOUT_SETTING, self.layout_name())

    def _font(self) -> CjkFont:
        return store_font(self.store)

    def _show_font(self) -> None:
        try:
            font = self._font()
        except DomainError as exc:
            self.font_label.setText(exc.message)
            self.font_label.setStyleSheet("color: #b00020;")
            return
        self.font_label.setStyleSheet("")
        self.font_label.setText(f"{font.family}（{font.path.name}）")

    # actions -----------------------------------------------------------------------------
    def writer(self) -> Callable[[Path, Progress, CancelToken], CardsWritten]:
        """A writer of the cards chosen now (the choice may change while it runs)."""
        store, layout, scope = self.store, self.layout_name(), self.scope()
        ids = (self.household_ids or []) if scope == SCOPE_SELECTED else None
        station = self.station()

        def write(path: Path, progress: Progress, cancel: CancelToken) -> CardsWritten:
            return documents.cards(
                store, path, household_ids=ids, stale_only=scope == SCOPE_STALE,
                layout=layout, station=station, progress=progress, cancel=cancel,
            )  # fmt: skip

        return write

    def record(self, written: CardsWritten) -> None:
        """Record the cards as issued, recount, and tell whoever listens."""
        count = documents.record_cards(self.store, written)
        self.refresh()
        self.cardsIssued.emit(count)

    def save_pdf_to(self, path: Path) -> None:
        """Save the chosen cards as a PDF (in the background), then record them."""
        write = self.writer()

        def saved(written: CardsWritten) -> None:
            self.record(written)
            result = written.result
            self._status(
                self.tr("已保存 {0} 张联系卡（{1} 页）：{2}").format(
                    result.cards, result.pages, result.path
                )
            )

        run_task(
            self,
            lambda progress, cancel: write(path, progress, cancel),
            label=self.tr("正在生成联系卡……"),
            on_done=saved,
            on_error=self._failed,
        )

    def save_pdf(self) -> None:
        """Ask where, then save."""
        path = self._ask_save_path()
        if path is not None:
            self.save_pdf_to(path)

    def preview(self) -> None:
        """Show the print preview; cards printed from it are recorded."""
        self._print(direct=False)

    def print_cards(self) -> None:
        """Print through the system print dialog; the printed cards are recorded."""
        self._print(direct=True)

    def _print(self, *, direct: bool) -> None:
        def printed(written: CardsWritten) -> None:
            self.record(written)
            result = written.result
            self._status(
                self.tr("已打印 {0} 张联系卡（{1} 页）。").format(result.cards, result.pages)
            )

        print_document(
            self,
            self.store,
            self.writer(),
            file_name="cards.pdf",
            save_name=self._document_name(),
            label=self.tr("正在生成联系卡……"),
            title=self.tr("便民服务联系卡"),
            direct=direct,
            on_printed=printed,
            on_failed=lambda exc: self._status(str(exc)),
        )

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            show_error(self, exc, title=self.tr("联系卡"))
            return
        self._warn(exc.message)

    def choose_font(self) -> None:
        """Let the user pick a CJK TrueType font file; it is kept in the settings."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择中文字体"),
            "",
            self.tr("TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)"),
        )
        if name:
            self.use_font_file(Path(name))

    def use_font_file(self, path: Path) -> bool:
        """Check a font file and keep it in the settings; False (after a message) if unusable."""
        try:
            load_font_file(path)
        except DomainError as exc:
            self._warn(exc.message)
            return False
        self.store.settings.set(FONT_SETTING, str(path))
        self._show_font()
        return True

    # seams: dialogs the tests replace --------------------------------------------------
    def _ask_save_path(self) -> Path | None:
        return ask_save_file(
            self,
            self.store.settings,
            kind="pdf",
            title=self.tr("保存联系卡 PDF"),
            file_name=self._document_name(),
            file_filter=self.tr("PDF 文件 (*.pdf)"),
        )

    def _warn(self, message: str) -> None:
        self._status(message)
        QMessageBox.warning(self, self.tr("联系卡"), message)

    def _status(self, message: str) -> None:
        self.status_label.setText(message)
