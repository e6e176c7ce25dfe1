"""工作台: the station at a glance (cheap counts only, so start-up stays fast)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.calendar_banner import CalendarBanner
from qunzhong_desktop.ui.common.list_parts import FlowLayout
from qunzhong_desktop.ui.common.session import limit
from qunzhong_desktop.ui.intake import ItemFigures


class _Tile(QFrame):
    """A large number with a caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption, self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class DashboardPage(QWidget):
    """Station name and address, how many households are registered, where to go next."""

    open_register = Signal()
    open_flagged = Signal()
    open_calendar_settings = Signal()
    open_intake = Signal(str)  # a work list (``overdue`` …) or ``new`` for the intake form

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.calendar_banner = CalendarBanner(store, self)
        self.calendar_banner.open_settings.connect(self.open_calendar_settings)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.households = _Tile(self.tr("已登记户数"), self)
        self.persons = _Tile(self.tr("居民人数"), self)
        self.flagged = _Tile(self.tr("需核对的居民"), self)
        self.cards = _Tile(self.tr("联系卡需打印（户）"), self)
        tiles = FlowLayout(spacing=16)
        for tile in (self.households, self.persons, self.flagged, self.cards):
            tiles.addWidget(tile)
        self.item_figures = ItemFigures(store, self)
        self.item_figures.open_view.connect(self.open_intake)
        self.register_button = QPushButton(self.tr("打开户籍登记"), self)
        self.register_button.clicked.connect(self.open_register)
        self.flagged_button = QPushButton(self.tr("查看需核对的户"), self)
        self.flagged_button.clicked.connect(self.open_flagged)
        self.cards_button = QPushButton(self.tr("打印联系卡…"), self)
        self.cards_button.clicked.connect(self._open_cards)
        limit(store, (self.cards_button, Permission.PRINT_CARDS))
        hint = QLabel(
            self.tr(
                "在“户籍”中登记农户和居民，并为每户打印便民服务联系卡；"
                "在“受理”中登记群众诉求并跟踪办理；在“日记”中记录入户走访；"
                "在“台账”中查看、导出台账和民情月报；在“同步”中用 U 盘与乡镇交换数据包。"
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = FlowLayout()
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.flagged_button)
        buttons.addWidget(self.cards_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.calendar_banner)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addSpacing(12)
        layout.addLayout(tiles)
        layout.addSpacing(12)
        layout.addWidget(self.item_figures)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Read the station, the counts and the calendar again."""
        self.calendar_banner.refresh()
        station = self.store.register.station()
        if station is not None:
            self.title.setText(station.name)
            lines = [
                self.tr("工作站代码：{code}　所属乡镇：{township}").format(
                    code=station.code, township=station.township_name
                )
            ]
            if station.address:
                lines.append(self.tr("地址：{address}").format(address=station.address))
            if station.phone or station.opening_hours:
                lines.append(
                    self.tr("电话：{phone}　办公时间：{hours}").format(
                        phone=station.phone or "—", hours=station.opening_hours or "—"
                    )
                )
            self.details.setText("\n".join(lines))
        self.households.value.setText(str(self.store.register.count_households()))
        self.persons.value.setText(str(self.store.register.count_persons()))
        flagged = self.store.register.count_flagged_persons()
        self.flagged.value.setText(str(flagged))
        self.flagged_button.setEnabled(flagged > 0)
        self.item_figures.refresh()
        # which cards are out of date needs every household's card content: counted just
        # after the page is shown, so start-up does not wait for it
        QTimer.singleShot(0, self._count_cards)

    def _count_cards(self) -> None:
        self.cards.value.setText(str(self.store.cards.counts().stale))

    def _open_cards(self) -> None:
        from qunzhong_desktop.ui.register import CardsDialog

        dialog = CardsDialog(self.store, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._count_cards)
        dialog.open()
