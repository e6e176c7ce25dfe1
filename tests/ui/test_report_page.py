"""The 月报 tab: the month's key figures, the PDF preview and the Excel export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.reports.fonts import find_cjk_font
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.ledgers.report_page import ReportPage
from tests.helpers.printing import RecordingOutput


@pytest.fixture
def page(qtbot: QtBot, store: Store) -> ReportPage:
    immediate = NewItem("来电", "政策咨询", "C", "即办件", "咨询", "李四", result="当场答复")
    store.items.register_item(immediate, actor="李秀英", now=dt.datetime(2026, 11, 5, 9))
    store.items.register_item(
        NewItem("来访", "社会保障", "B", "承诺件", "咨询养老保险", "王大爷"),
        actor="李秀英",
        now=dt.datetime(2026, 11, 6, 9),
    )
    page = ReportPage(store, clock=lambda: dt.date(2026, 11, 20))
    qtbot.addWidget(page)
    return page


def test_shows_the_month_figures(page: ReportPage) -> None:
    assert str(page.month()) == "2026-11"
    assert page.values["received"].text() == "2 件"
    assert page.values["resolved"].text() == "1 件"
    assert page.values["in_progress"].text() == "1 件"
    assert page.values["first_time"].text() == "100.0%（1/1）"
    assert page.values["satisfaction"].text() == "—（0/0）"
    page.month_edit.setDate(QDate(2026, 10, 1))
    assert page.values["received"].text() == "0 件"
    assert "2026年10月" in page.status_label.text()


def test_excel_export_and_pdf_preview(
    page: ReportPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: RecordingOutput
) -> None:
    out = tmp_path / "m.xlsx"
    monkeypatch.setattr(page, "ask_save_path", lambda: out)
    page.export_excel()
    assert load_workbook(out).sheetnames[0] == "概况"
    assert str(out) in page.status_label.text()
    try:
        find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")
    page.print_pdf()
    [shown] = printed.shown
    assert shown.pdf.startswith(b"%PDF") and "民情月报" in shown.title


def test_shows_the_month_voice_figures(page: ReportPage, store: Store) -> None:
    assert page.values["voice_meetings"].text().startswith("恳谈会 0 次")
    assert page.values["voice_read"].text() == "—（0/0）"
    from qunzhong_desktop.storage import models as m
    from qunzhong_desktop.storage import write_paths

    with write_paths.scope("test setup"), store.db.session() as s:
        s.add(m.MassMeeting(kind="民情恳谈会", held_on=dt.date(2026, 11, 5), place="村委会",
                            host="王书记", attendance=30))  # fmt: skip
        s.add(m.MassInfo(received_on=dt.date(2026, 11, 6), source="走访", topic="其他",
                         info_type="苗头性", text="反映"))  # fmt: skip
        s.commit()
    page.refresh()
    assert (
        page.values["voice_meetings"].text() == "恳谈会 1 次（问题 0 个，转事项 0 个），分析会 0 次"
    )
    assert page.values["voice_info"].text() == "1 条：意见建议 0，苗头倾向 1，普遍性问题 0"
