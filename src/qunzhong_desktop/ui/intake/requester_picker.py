"""Who is asking (诉求人): a person picked from the register, or an outsider (外来人员).

The search runs as the clerk types (``zsf`` finds 张三丰); the persons found are listed under
the box, ↓/↑ choose and Enter picks. The list is a child widget laid over the form rather
than a popup window, so it never takes the keyboard from the search box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from qunzhong_desktop.core import phone
from qunzhong_desktop.storage.register_search import PersonHit
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import ENTER_KEYS, clear_invalid

SEARCH_DELAY_MS = 150
POPUP_ROWS = 8


class RequesterPicker(QGroupBox):
    """The 诉求人 box of the intake form.

    Args:
        store: the station's store.
        overlay: the widget the list of persons is laid over (the form).

    Signals:
        picked: a person was picked (the form moves on to the next field).
    """

    picked = Signal()

    def __init__(self, store: Store, overlay: QWidget) -> None:
        super().__init__(overlay)
        self.setTitle(self.tr("诉求人"))
        self._store = store
        self._overlay = overlay
        self._person: PersonHit | None = None
        self.hits: list[PersonHit] = []
        grid = QGridLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("姓名 / 拼音首字母 / 身份证号 / 电话，↓ 选择，回车确认")
        )
        self.search.setToolTip(self.tr("例如输入 zsf 可找到 张三丰"))
        self.outsider = QCheckBox(self.tr("外来人员(&W)"), self)
        self.outsider.setToolTip(self.tr("不在本村户籍中的人：填写姓名和联系电话"))
        self.picked_label = QLabel(self)
        self.picked_label.setStyleSheet("color: #1b5e20;")
        self.name = QLineEdit(self)
        self.phone = QLineEdit(self)
        labels = []
        for text, buddy in (
            (self.tr("查找(&R)"), self.search),
            (self.tr("姓名(&M)"), self.name),
            (self.tr("联系电话(&P)"), self.phone),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            labels.append(label)
        grid.addWidget(labels[0], 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 3)
        grid.addWidget(self.outsider, 0, 4)
        grid.addWidget(self.picked_label, 1, 1, 1, 4)
        grid.addWidget(labels[1], 2, 0)
        grid.addWidget(self.name, 2, 1)
        grid.addWidget(labels[2], 2, 2)
        grid.addWidget(self.phone, 2, 3, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        self.popup = QListWidget(overlay)
        self.popup.setObjectName("requesterPopup")
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.itemClicked.connect(lambda item: self.pick(self.popup.row(item)))
        self.popup.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(self._edited)
        self.search.installEventFilter(self)
        self.outsider.toggled.connect(self._outsider_toggled)
        self.setTabOrder(self.search, self.outsider)
        self.setTabOrder(self.outsider, self.name)
        self.setTabOrder(self.name, self.phone)

    # searching ----------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        if self._person is not None:
            self._set_person(None)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """A search still waiting for its pause does not run once the form is gone."""
        self._timer.stop()
        super().hideEvent(event)

    def run_search(self) -> None:
        """Look the search box up in the register now and list the persons found."""
        self._timer.stop()
        found = self._store.register.find_persons(self.search.text())
        self.hits = found.hits
        self.popup.clear()
        for hit in self.hits:
            text = f"{hit.name}　{hit.household_number}　{hit.id_masked}　{phone.mask(hit.phone)}"
            QListWidgetItem(text.rstrip("　"), self.popup)
        if found.more:  # a row that cannot be picked: the list is not everyone
            more = QListWidgetItem(
                self.tr("超过 {0} 人，请输入更多字缩小范围").format(len(self.hits)), self.popup
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        if not self.hits:
            self.popup.hide()
            return
        self.popup.setCurrentRow(0)
        top_left = self.search.mapTo(self._overlay, QPoint(0, self.search.height()))
        rows = min(self.popup.count(), POPUP_ROWS)
        height = rows * max(self.popup.sizeHintForRow(0), 20) + 6
        self.popup.setGeometry(top_left.x(), top_left.y(), max(self.search.width(), 420), height)
        self.popup.show()
        self.popup.raise_()

    def pick(self, row: int) -> None:
        """Take the person in a row of the list as the requester."""
        if not 0 <= row < len(self.hits):
            return
        self._set_person(self.hits[row])
        self.popup.hide()
        self.picked.emit()

    def person(self) -> PersonHit | None:
        """The requester chosen from the register, if any."""
        return self._person

    def is_outsider(self) -> bool:
        """Whether the requester is typed in as an outsider."""
        return self.outsider.isChecked()

    def _set_person(self, hit: PersonHit | None) -> None:
        self._person = hit
        clear_invalid(self.search)
        if hit is None:
            self.picked_label.clear()
            self.name.clear()
            return
        self.search.setText(hit.name)
        self.name.setText(hit.name)
        self.picked_label.setText(
            self.tr("已选：{name}　户号 {household}　身份证 {id}　电话 {phone}").format(
                name=hit.name,
                household=hit.household_number,
                id=hit.id_masked or "—",
                phone=phone.mask(hit.phone) or "—",
            )
        )

    def _outsider_toggled(self, outsider: bool) -> None:
        if outsider:
            self.search.clear()
            self._set_person(None)
            self.popup.hide()
        self.search.setEnabled(not outsider)
        self.name.setEnabled(outsider)
        self.phone.setPlaceholderText(
            self.tr("外来人员请留电话，便于回访") if outsider else self.tr("留空则用户籍中的电话")
        )
        if outsider:
            self.name.setFocus()

    def clear(self) -> None:
        """No requester: the search box empty and ready."""
        self.outsider.setChecked(False)
        self._outsider_toggled(False)
        self.search.clear()
        self._set_person(None)
        self.popup.hide()
        self.phone.clear()

    def show_requester(self, hit: PersonHit | None, name: str, number: str) -> None:
        """Fill the box with a saved requester: a person of the register, or an outsider."""
        self.clear()
        if hit is None:
            self.outsider.setChecked(True)
            self.name.setText(name)
        else:
            self._set_person(hit)
        self.phone.setText(number)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓/↑ move in the person list, Enter picks, Esc closes it."""
        if watched is not self.search or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if self.popup.isVisible():
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.popup.currentRow() + step
                self.popup.setCurrentRow(max(0, min(row, len(self.hits) - 1)))
                return True
            if key in ENTER_KEYS:
                self.pick(self.popup.currentRow())
                return True
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
        elif key in ENTER_KEYS and self._timer.isActive():
            self.run_search()  # Enter before the pause: search now; one hit is picked at once
            if len(self.hits) == 1:
                self.pick(0)
            return True
        return super().eventFilter(watched, event)
