"""The parts every list page is made of: the table, the filter bar, the count and the legend.

The register, the work list, the township's triage and the ledgers show the same kind of
list: read-only rows selected whole, columns the user can widen but never narrower than
their title, a bar of filter combos that keep their choice when refilled, a bold count and a
legend of the deadline colours. They are built here once, with :class:`FlowLayout`, which
wraps a row of filters, buttons or tiles onto the next line when the window is narrow (a
1024×768 screen) instead of widening the window past the screen. The queue pages (the
township's 分流交办, the county's 协调) also share their title row (:func:`page_title`), their
action buttons (:func:`action_button`) and how they open a dialog (:func:`open_dialog`),
and are each a :class:`QueuePage`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.core.sorting import Sort
from qunzhong_desktop.ui.common.errors import show_error
from qunzhong_desktop.ui.common.palette import (
    DUE_SOON_TINT,
    ON_TIME_TINT,
    OVERDUE_TINT,
    PAUSED_TINT,
)

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store
    from qunzhong_desktop.ui.common.session import Clock

translate = QCoreApplication.translate

ROW_HEIGHT = 30
#: The widest item number, to size 编号 columns (a station code, the year, five digits).
ITEM_NUMBER_SAMPLE = "430121101201-2026-00000"


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line where the width ends (Qt's flow layout).

    Args:
        parent: the widget to lay out, if any.
        spacing: pixels between items and between lines.
        align_right: push each line to the right edge (a row of buttons under a list).
    """

    def __init__(
        self, parent: QWidget | None = None, *, spacing: int = 6, align_right: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self._right = align_right
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        """Append an item (``addWidget`` comes here)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Never wider than needed."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """The height depends on the width: narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the items need at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items within ``rect``."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        shown = [i.sizeHint() for i in self._items if not i.isEmpty()]
        width = sum(size.width() for size in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((size.height() for size in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height)

    def minimumSize(self) -> QSize:
        """As wide as the widest item: everything else can wrap."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint().expandedTo(item.minimumSize())
            size.setWidth(min(size.width(), max(area.width(), 1)))
            needed = size.width() + (self._gap if lines[-1] else 0)
            if lines[-1] and used + needed > area.width():
                lines.append([])
                used, needed = 0, size.width()
            lines[-1].append((item, size))
            used += needed
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(size.height() for _, size in line)
            width = sum(size.width() for _, size in line) + self._gap * (len(line) - 1)
            x = area.x() + (max(area.width() - width, 0) if self._right else 0)
            for item, size in line:
                if move:
                    top = y + (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += size.width() + self._gap
            y += height + self._gap
        return y - self._gap - rect.y() + margins.bottom() if y > area.y() else 0


def list_table(
    parent: QWidget,
    model: QAbstractItemModel,
    widths: Sequence[int],
    *,
    on_open: Callable[[int], None] | None = None,
    several: bool = False,
    row_height: int = ROW_HEIGHT,
    stretch_last: bool = True,
    never_elide: Mapping[int, str] | None = None,
) -> QTableView:
    """A read-only table of whole-row selections over ``model``.

    Args:
        parent: the Qt parent.
        model: the rows.
        widths: each column's width in pixels; a column is never narrower than its title
            (English titles are longer than Chinese ones).
        on_open: called with the row on a double-click or Enter.
        several: rows can be selected together (Ctrl / Shift).
        row_height: the height of a row in pixels.
        stretch_last: the last column takes the room left.
        never_elide: column → its widest value (an item number): the column is made wide
            enough for it in the table's font, so a key column is never cut to "…".
    """
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    metrics = table.fontMetrics()
    for column, width in enumerate(widths):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        sample = (never_elide or {}).get(column)
        text_width = metrics.horizontalAdvance(sample) + 16 if sample else 0
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column), text_width))
    if on_open is not None:
        table.activated.connect(lambda index: _open(index, on_open))
    return table


def sort_by_headers(
    table: QTableView, keys: Mapping[int, str], on_sort: Callable[[Sort | None], None]
) -> None:
    """Clicking a column title sorts the list in the database by that column.

    Args:
        table: the list.
        keys: column → the repository's key for it (e.g. ``{0: "number"}``); other columns
            do not sort, and clicking them keeps the order shown.
        on_sort: called with the new order; the page searches again with it.
    """
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    clear_sort(table)  # the list's own order first

    def changed(column: int, order: Qt.SortOrder) -> None:
        key = keys.get(column)
        if key is None:  # not a sortable column: keep the order shown
            before = header.property("qzSort") or [-1, 0]
            header.blockSignals(True)
            header.setSortIndicator(int(before[0]), Qt.SortOrder(int(before[1])))
            header.blockSignals(False)
            return
        header.setProperty("qzSort", [column, int(order.value)])
        on_sort(Sort(key, order == Qt.SortOrder.DescendingOrder))

    header.sortIndicatorChanged.connect(changed)


RowAction = tuple[str, Callable[[], None]]


class _RowMenu(QObject):
    """What a table's right-click offers; a child of the table (see :func:`row_menus`)."""

    def __init__(self, table: QTableView, actions: Callable[[int], list[RowAction]]) -> None:
        super().__init__(table)
        self.table = table
        self.actions = actions
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self.requested)

    def requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = menu_for(self.table, index.row())
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()


def row_menus(table: QTableView, actions: Callable[[int], list[RowAction]]) -> None:
    """A right-click on a row selects it and offers ``actions(row)`` (text, what to do).

    An empty text is a separator. :func:`menu_for` builds the same menu without showing it
    (tests, and the menu key's handler).
    """
    _RowMenu(table, actions)


def menu_for(table: QTableView, row: int) -> QMenu:
    """The right-click menu of ``row`` (see :func:`row_menus`)."""
    menu = QMenu(table)
    owner = table.findChild(_RowMenu)
    for text, slot in owner.actions(row) if owner is not None else []:
        if not text:
            menu.addSeparator()
            continue
        action = menu.addAction(text)
        action.triggered.connect(slot)
    return menu


def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard (复制编号 …)."""
    QGuiApplication.clipboard().setText(text)


def clear_sort(table: QTableView) -> None:
    """Back to the list's own order (no column title marked)."""
    header = table.horizontalHeader()
    header.blockSignals(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setProperty("qzSort", [-1, 0])
    header.blockSignals(False)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a dialog ``width``×``height``, or the screen's free area if that is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
    window.resize(width, height)


def _open(index: QModelIndex, on_open: Callable[[int], None]) -> None:
    on_open(index.row())


def filter_combo(parent: QWidget, bar: QLayout, caption: str, *, chars: int = 5) -> QComboBox:
    """A filter combo with its caption, added to ``bar`` as one piece (they wrap together).

    Its minimum width is ``chars`` characters, so a long choice never widens the window.
    """
    piece = QWidget(parent)
    row = QHBoxLayout(piece)
    row.setContentsMargins(0, 0, 4, 0)
    combo = QComboBox(piece)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    label = QLabel(caption, piece)
    label.setBuddy(combo)
    row.addWidget(label)
    row.addWidget(combo)
    bar.addWidget(piece)
    return combo


def caption_of(combo: QComboBox) -> QLabel | None:
    """The caption :func:`filter_combo` put before ``combo``."""
    parent = combo.parentWidget()
    for label in parent.findChildren(QLabel) if parent is not None else ():
        if label.buddy() is combo:
            return label
    return None


def show_filter(combo: QComboBox, visible: bool) -> None:
    """Show or hide a :func:`filter_combo` together with its caption."""
    combo.setVisible(visible)
    caption = caption_of(combo)
    if caption is not None:
        caption.setVisible(visible)
    piece = combo.parentWidget()
    if piece is not None and caption is not None and caption.parentWidget() is piece:
        piece.setVisible(visible)


def refill(
    combo: QComboBox,
    everything: str,
    choices: Iterable[tuple[str, object]],
    *,
    tooltips: bool = False,
) -> None:
    """Replace a filter's choices, keeping the one chosen if it is still there.

    Args:
        combo: the filter.
        everything: the first choice, meaning no filter (its data is None).
        choices: (text, data) of the others.
        tooltips: show each choice's data as its tooltip (e.g. a station's code).
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, data in choices:
        combo.addItem(text, data)
        if tooltips:
            combo.setItemData(combo.count() - 1, data, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    combo.blockSignals(False)


def count_label(parent: QWidget) -> QLabel:
    """The bold "共 N 户" under a list."""
    label = QLabel(parent)
    label.setObjectName("countLabel")
    label.setStyleSheet("font-weight: bold;")
    return label


def deadline_legend(parent: QWidget, hint: str, *, paused: bool = False) -> QLabel:
    """The legend of the deadline tints, then ``hint`` (how to open a row).

    ``paused``: the list can hold items whose clock is stopped (待补件).
    """
    parts = [
        (OVERDUE_TINT, translate("ListParts", "红色"), translate("ListParts", "已超期")),
        (
            DUE_SOON_TINT,
            translate("ListParts", "黄色"),
            translate("ListParts", "今明两个工作日到期"),
        ),
        (ON_TIME_TINT, translate("ListParts", "绿色"), translate("ListParts", "正常")),
    ]
    if paused:
        parts.append(
            (PAUSED_TINT, translate("ListParts", "灰色"), translate("ListParts", "待补件暂停计时"))
        )
    html = "&nbsp;&nbsp; ".join(
        f"<span style='background:{tint}'>&nbsp;{colour}&nbsp;</span> {meaning}"
        for tint, colour, meaning in parts
    )
    label = QLabel(f"{html}&nbsp;&nbsp; {hint}", parent)
    label.setObjectName("legend")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


def count_and_legend(count: QLabel, legend: QLabel) -> QHBoxLayout:
    """The row under a list: the count on the left, the legend filling the rest."""
    row = QHBoxLayout()
    row.addWidget(count)
    row.addWidget(legend, 1)
    return row


# the queue pages ----------------------------------------------------------------------------
def page_title(parent: QWidget, title: str, explain: str) -> QHBoxLayout:
    """A page's large bold title and, beside it, a grey line saying what the page is for."""
    label = QLabel(title, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    note = QLabel(explain, parent)
    note.setStyleSheet("color: #616161;")
    note.setWordWrap(True)
    row = QHBoxLayout()
    row.addWidget(label)
    row.addSpacing(16)
    row.addWidget(note, 1)
    return row


def action_button(
    parent: QWidget, row: QHBoxLayout, text: str, slot: Callable[[], object]
) -> QPushButton:
    """A button of a page's action row that calls ``slot()``."""
    button = QPushButton(text, parent)
    button.setMinimumHeight(34)
    button.clicked.connect(lambda _checked=False: slot())
    row.addWidget(button)
    return button


def open_dialog(
    dialog: QDialog, *, accepted: Callable[[], object], closed: Callable[[], object]
) -> QDialog:
    """Open a dialog window-modally without blocking; deleted once closed.

    ``accepted()`` runs when it was accepted (the page reloads), ``closed()`` after either
    way (the list takes the focus back).
    """
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            accepted()
        closed()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog


class QueuePage(QWidget):
    """A page of things to act on: the township's 分流交办, the county's 协调.

    It holds the store and the clock, opens its dialogs window-modally (:attr:`dialog`, the
    last one: tests drive it; the list reloads when one is accepted), reloads when shown
    again, and gives Ctrl+F (the search box) and F5 (reload) once :meth:`add_shortcuts` is
    called. A subclass builds :attr:`table` and :attr:`text` and defines :meth:`refresh` and
    :meth:`open_item`.

    Args:
        store: the store.
        parent: the Qt parent.
        clock: the current time (tests fix it); ``datetime.now`` by default.
    """

    table: QTableView
    text: QLineEdit

    def __init__(self, store: Store, parent: QWidget | None, clock: Clock | None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock: Clock = clock or dt.datetime.now
        self.dialog: QDialog | None = None

    def add_shortcuts(self) -> None:
        """Ctrl+F: the search box; F5: reload."""
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_text)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)

    def refresh(self) -> None:
        """Reload what the page shows."""
        raise NotImplementedError

    def open_item(self, row: int) -> None:
        """Show the item of a row and its history."""
        raise NotImplementedError

    def _today(self) -> dt.date:
        return self._clock().date()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what changed meanwhile (e.g. a bundle imported)."""
        if not event.spontaneous():
            self.refresh()
        super().showEvent(event)

    def _focus_text(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = open_dialog(dialog, accepted=self.refresh, closed=self.table.setFocus)

    def _show_item(self, make: Callable[[], QDialog]) -> None:
        """Open an item page made by ``make`` (a refusal, e.g. an item gone, is said)."""
        try:
            dialog = make()
        except DomainError as exc:
            show_error(self, exc)
            return
        self._open(dialog)

    def open_selected(self) -> None:
        """Show the selected item and its history."""
        index = self.table.currentIndex()
        if index.isValid():
            self.open_item(index.row())
