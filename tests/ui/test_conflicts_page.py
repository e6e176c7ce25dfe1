from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.errors import DomainError
from qunzhong_desktop.storage.models_sync import SyncConflict
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync.service import SyncService
from qunzhong_desktop.sync.views import ConflictView
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.sync import conflicts_page
from qunzhong_desktop.ui.sync.conflicts_page import ConflictsPage, display_value
from tests.helpers.register_data import seed

AT = dt.datetime(2026, 11, 20, 2, 30)  # UTC, as stored


def view(conflict_id: int, **changes: Any) -> ConflictView:
    base = ConflictView(
        id=conflict_id, at=AT, kind="overwrite", kind_name="覆盖", table_name="household",
        row_id="0190-0000", what="户 1-001 张三丰", field="phone", field_name="联系电话",
        kept_value="13812345678", lost_value="13900001111", kept_by="白沙镇群众工作办",
        lost_by="本机", kept_time=dt.datetime(2026, 11, 19, 16, 5),
        lost_time=dt.datetime(2026, 11, 19, 9, 40), note="乡镇的修改较新，保留了乡镇的值。",
        resolved_at=None, resolution="", can_undo=True,
    )  # fmt: skip
    return dataclasses.replace(base, **changes)


class FakeSync:
    """The conflict part of SyncService, in memory."""

    def __init__(self, views: list[ConflictView]) -> None:
        self.views = views
        self.calls: list[tuple[str, int]] = []

    def conflicts(self, *, open_only: bool = True) -> list[ConflictView]:
        return [v for v in self.views if not (open_only and v.resolution)]

    def _close(self, conflict_id: int, resolution: str) -> None:
        self.calls.append((resolution, conflict_id))
        self.views = [
            dataclasses.replace(v, resolution=resolution, resolved_at=AT)
            if v.id == conflict_id
            else v
            for v in self.views
        ]

    def undo_conflict(self, conflict_id: int) -> None:
        self._close(conflict_id, "undone")

    def dismiss_conflict(self, conflict_id: int) -> None:
        self._close(conflict_id, "dismissed")


def make_page(qtbot: QtBot, store: Store, sync: object) -> ConflictsPage:
    page = ConflictsPage(store, sync)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    return page


def cell(page: ConflictsPage, row: int, column: int) -> str:
    item = page.table.item(row, column)
    return item.text() if item is not None else ""


def test_values_are_shown_readably() -> None:
    assert display_value(None) == "（空）"
    assert display_value("") == "（空）"
    assert display_value([]) == "（空）"
    assert display_value(["低保户", "残疾人"]) == "低保户、残疾人"
    assert display_value(3) == "3"
    assert display_value({"kitchen": True}) == "kitchen：是"


def test_the_table_shows_both_values_and_who_wrote_them(qtbot: QtBot, store: Store) -> None:
    sync = FakeSync(
        [view(1), view(2, field="tags", field_name="帮扶标签", kept_value=["低保户", "残疾人"],
                       lost_value=None, can_undo=False, kind_name="删改冲突")]
    )  # fmt: skip
    page = make_page(qtbot, store, sync)
    assert page.table.rowCount() == 2 and not page.empty.isVisible()
    assert [page.table.horizontalHeaderItem(c).text() for c in range(8)] == [
        "时间", "类型", "对象", "字段", "保留的值", "被覆盖的值", "说明", "状态",
    ]  # fmt: skip
    assert cell(page, 0, 2) == "户 1-001 张三丰"
    assert cell(page, 0, 3) == "联系电话"
    assert cell(page, 0, 4) == "13812345678\n白沙镇群众工作办 · 2026-11-19 16:05"
    assert cell(page, 0, 5) == "13900001111\n本机 · 2026-11-19 09:40"
    assert cell(page, 0, 6) == "乡镇的修改较新，保留了乡镇的值。"
    assert cell(page, 0, 7) == "未处理"
    assert cell(page, 0, 0).startswith("2026-11-")
    assert cell(page, 1, 4).startswith("低保户、残疾人\n")
    assert cell(page, 1, 5).startswith("（空）\n")
    # undo only where it applies
    page.table.selectRow(0)
    assert page.undo_button.isEnabled() and page.dismiss_button.isEnabled()
    page.table.selectRow(1)
    assert not page.undo_button.isEnabled() and page.dismiss_button.isEnabled()


def test_undo_asks_with_both_values_then_restores(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = [False]

    def confirm(_parent: QWidget | None, _title: str, text: str, _yes: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(form_feedback, "confirm", confirm)
    sync = FakeSync([view(1)])
    page = make_page(qtbot, store, sync)
    page.undo_button.click()
    assert "现在的值：13812345678" in asked[0] and "恢复为：13900001111" in asked[0]
    assert "联系电话" in asked[0] and "户 1-001 张三丰" in asked[0]
    assert sync.calls == []  # said no
    answer[0] = True
    page.undo_button.click()
    assert sync.calls == [("undone", 1)]
    assert page.table.isHidden() and page.empty.isVisible()
    assert page.empty.text() == "没有待处理的冲突。"
    # 全部 shows the handled entry, with its status, and no buttons for it
    page.filter.setCurrentIndex(1)
    assert page.table.rowCount() == 1
    assert cell(page, 0, 7).startswith("已撤销")
    assert not page.undo_button.isEnabled() and not page.dismiss_button.isEnabled()


def test_dismiss_closes_the_entry(qtbot: QtBot, store: Store) -> None:
    sync = FakeSync([view(1), view(2, what="事项 430121101201-2026-00012")])
    page = make_page(qtbot, store, sync)
    page.table.selectRow(1)
    page.dismiss_button.click()
    assert sync.calls == [("dismissed", 2)]
    assert page.table.rowCount() == 1 and cell(page, 0, 2) == "户 1-001 张三丰"


def test_a_refused_undo_is_explained(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(form_feedback, "confirm", lambda *_args: True)
    monkeypatch.setattr(conflicts_page, "show_error", lambda _p, exc: shown.append(str(exc)))
    sync = FakeSync([view(1)])

    def refuse(_conflict_id: int) -> None:
        raise DomainError("这条记录已被删除，不能恢复。", code="sync.test")

    sync.undo_conflict = refuse  # type: ignore[method-assign]
    page = make_page(qtbot, store, sync)
    page.undo_button.click()
    assert shown == ["这条记录已被删除，不能恢复。"]
    assert cell(page, 0, 7) == "未处理"


def test_no_conflicts(qtbot: QtBot, store: Store) -> None:
    page = make_page(qtbot, store, FakeSync([]))
    assert page.empty.isVisible() and page.empty.text() == "没有待处理的冲突。"
    assert not page.undo_button.isEnabled() and not page.dismiss_button.isEnabled()


# through SyncService (sync/conflicts.py) --------------------------------------------------
def log_conflict(store: Store, **values: Any) -> int:
    with store.db.session() as s:
        row = SyncConflict(**values)
        s.add(row)
        s.flush()
        return row.id


def test_the_page_lists_the_conflict_log(qtbot: QtBot, store: Store) -> None:
    household_id = seed(store, 1)[0]
    conflict_id = log_conflict(
        store, kind="overwrite", table_name="household", row_id=household_id, field="phone",
        kept_value="13800000000", lost_value="13912345678", note="测试冲突",
    )  # fmt: skip
    log_conflict(
        store, kind="overwrite", table_name="household", row_id=household_id,
        field="tags", kept_value=["低保户"], lost_value=[], resolved_at=AT,
        resolution="dismissed",
    )  # fmt: skip
    sync = SyncService(store.db, store.home)
    page = make_page(qtbot, store, sync)
    assert [v.id for v in page.rows] == [conflict_id]
    assert cell(page, 0, 4).startswith("13800000000")
    assert cell(page, 0, 5).startswith("13912345678")
    assert "3-100" in cell(page, 0, 2)  # the household's number
    page.filter.setCurrentIndex(1)
    assert len(page.rows) == 2
    page.filter.setCurrentIndex(0)
    page.table.selectRow(0)
    page.dismiss_button.click()
    assert page.rows == [] and page.empty.isVisible()
    assert {v.id: v.resolution for v in sync.conflicts(open_only=False)}[conflict_id] == (
        "dismissed"
    )


def test_undo_through_the_service_restores_the_overwritten_value(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(form_feedback, "confirm", lambda *_args: True)
    household_id = seed(store, 1)[0]
    kept = store.register.household(household_id).phone
    log_conflict(
        store, kind="overwrite", table_name="household", row_id=household_id, field="phone",
        kept_value=kept, lost_value="13912345678",
    )  # fmt: skip
    sync = SyncService(store.db, store.home)
    page = make_page(qtbot, store, sync)
    assert page.undo_button.isEnabled()
    page.undo_button.click()
    assert store.register.household(household_id).phone == "13912345678"
    assert page.rows == [] and page.empty.text() == "没有待处理的冲突。"
    page.filter.setCurrentIndex(1)
    assert cell(page, 0, 7).startswith("已撤销")
