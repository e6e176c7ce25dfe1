"""The parts every list page is made of: the table, the filter bar, the count and the legend.

The register, the work list, the township's triage and the ledgers show the same kind of
list: read-only rows selected whole, columns the user can widen but never narrower than
their title, a bar of filter combos that keep their choice when refilled, a bold count and a
legend of the deadline colours. They are built here once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from qunzhong_desktop.ui.common.palette import (
    DUE_SOON_TINT,
    ON_TIME_TINT,
    OVERDUE_TINT,
    PAUSED_TINT,
)

translate = QCoreApplication.translate

ROW_HEIGHT = 30


def list_table(
    parent: QWidget,
    model: QAbstractItemModel,
    widths: Sequence[int],
    *,
    on_open: Callable[[int], None] | None = None,
    several: bool = False,
    row_height: int = ROW_HEIGHT,
    stretch_last: bool = True,
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
    for column, width in enumerate(widths):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
    if on_open is not None:
        table.activated.connect(lambda index: _open(index, on_open))
    return table


def _open(index: QModelIndex, on_open: Callable[[int], None]) -> None:
    on_open(index.row())


def filter_combo(
    parent: QWidget, bar: QBoxLayout, caption: str, *, chars: int = 5, spacing: int = 0
) -> QComboBox:
    """A filter combo with its caption, added to ``bar``.

    Its minimum width is ``chars`` characters, so a long choice never widens the window.
    """
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    label = QLabel(caption, parent)
    label.setBuddy(combo)
    bar.addWidget(label)
    bar.addWidget(combo)
    if spacing:
        bar.addSpacing(spacing)
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
