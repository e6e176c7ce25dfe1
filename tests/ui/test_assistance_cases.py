"""帮扶需求 at a station: a need reported, checked, helped by two cadres, its outcome written
later, closed and reopened — through the forms, as the clerk would (issue 16, part 1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.assistance import AssistanceRecord
from qunzhong_desktop.core.assistance_case import NeedState
from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common.form_feedback import is_marked
from qunzhong_desktop.ui.common.session import operator_name, undo_stack
from qunzhong_desktop.ui.ledgers import needs_tab as needs_module
from qunzhong_desktop.ui.ledgers.assistance_dialog import AssistanceDialog
from qunzhong_desktop.ui.ledgers.case_dialog import CaseDialog, OutcomeDialog
from qunzhong_desktop.ui.ledgers.ledger_page import LedgerPage
from qunzhong_desktop.ui.ledgers.need_dialog import NeedDialog, StepDialog
from qunzhong_desktop.ui.ledgers.needs_tab import NeedsTab
from tests.helpers.ledger_data import TODAY, Village, build
from tests.helpers.printing import RecordingOutput
from tests.helpers.ui_built import built_store, built_value

# the ledger village written once per worker (tests/helpers/ui_built.py), copied per test
store = built_store(build)
village = built_value(build)


@pytest.fixture
def days() -> list[dt.date]:
    return [TODAY]


@pytest.fixture
def page(qtbot: QtBot, store: Store, village: Village, days: list[dt.date]) -> LedgerPage:
    page = LedgerPage(store, clock=lambda: days[0])
    qtbot.addWidget(page)
    return page


@pytest.fixture
def tab(page: LedgerPage) -> NeedsTab:
    assert page.needs_tab is not None
    page.setCurrentWidget(page.needs_tab)
    return page.needs_tab


def _cell(tab: NeedsTab, row: int, header: str) -> str:
    headers = [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(10)]
    return str(tab.model.data(tab.model.index(row, headers.index(header))))


def _row_of(tab: NeedsTab, what: str) -> int:
    return next(r for r, c in enumerate(tab.shown) if c.need.what == what)


def _report(tab: NeedsTab, household: str, what: str, *, urgent: bool = False) -> str:
    tab.add_need()
    dialog = tab.dialog
    assert isinstance(dialog, NeedDialog)
    dialog.household.setCurrentIndex(dialog.household.findData(household))
    dialog.what.setPlainText(what)
    dialog.category.setCurrentText("住房")
    dialog.urgent.setChecked(urgent)
    assert dialog.save(), dialog.error_label.text()
    tab.select(tab.shown[_row_of(tab, what)].need.id or "")
    return tab.shown[_row_of(tab, what)].need.id or ""


def _step(tab: NeedsTab, name: str, note: str = "") -> StepDialog:
    tab.take_step()
    dialog = tab.dialog
    assert isinstance(dialog, StepDialog)
    dialog.step.setCurrentText(name)
    assert dialog.step.currentText() == name
    dialog.note.setPlainText(note)
    return dialog


def _offered(dialog: StepDialog) -> list[str]:
    return [dialog.step.itemText(i) for i in range(dialog.step.count())]


def test_the_tab_lists_cases_at_a_station(tab: NeedsTab, page: LedgerPage) -> None:
    assert page.tabText(page.indexOf(tab)) == "帮扶需求"
    assert tab.model.rowCount() == 1 and tab.count_label.text() == "共 1 项"
    assert _cell(tab, 0, "户号") == "0001" and _cell(tab, 0, "状态") == "实施中"
    assert _cell(tab, 0, "帮扶次数") == "2" and _cell(tab, 0, "帮扶对象") == "王大爷"


def test_the_need_form_refuses_and_keeps_what_was_typed(
    tab: NeedsTab, store: Store, village: Village
) -> None:
    tab.add_need()
    dialog = tab.dialog
    assert isinstance(dialog, NeedDialog) and dialog.windowTitle() == "登记帮扶需求"
    households = [dialog.household.itemData(i) for i in range(dialog.household.count())]
    assert households == [village.tagged, village.member_tagged]  # those in difficulty
    dialog.household.setCurrentIndex(0)
    assert dialog.reported_by.text() == "赵一"  # the 网长 of 东片网格
    assert dialog.person.currentText() == "王大爷（户主·残疾人）"
    assert dialog.person.itemText(dialog.person.count() - 1) == "全户"
    dialog.urgent.setChecked(True)
    dialog.category.setCurrentText("医疗")
    assert not dialog.save()  # nothing typed as the need
    assert "请填写需要什么帮扶" in dialog.error_label.text() and is_marked(dialog.what)
    assert dialog.urgent.isChecked() and dialog.category.currentText() == "医疗"
    dialog.what.setPlainText("王大爷需要轮椅")
    dialog.has_limit.setChecked(True)
    dialog.time_limit.setDate(dialog.reported_on.date().addDays(-1))
    assert not dialog.save()
    assert "帮扶时限不能早于报告日期" in dialog.error_label.text()
    assert dialog.what.toPlainText() == "王大爷需要轮椅" and is_marked(dialog.time_limit)
    assert len(store.needs.cases()) == 1  # nothing stored
    dialog.time_limit.setDate(dialog.reported_on.date().addDays(20))
    assert dialog.save()
    [case] = [c for c in store.needs.cases() if c.need.what == "王大爷需要轮椅"]
    assert (case.state, case.need.urgent, case.need.reported_by) == (
        NeedState.REPORTED, True, "赵一",
    )  # fmt: skip
    assert case.steps[0].actor == "赵一" and case.need.time_limit == TODAY + dt.timedelta(20)
    row = _row_of(tab, "王大爷需要轮椅")
    assert _cell(tab, row, "急") == "急" and _cell(tab, row, "状态") == "待初核"
    # another household: its own 网长 (none for 西片网格) unless one was typed
    tab.add_need()
    other = tab.dialog
    assert isinstance(other, NeedDialog)
    other.household.setCurrentIndex(other.household.findData(village.member_tagged))
    assert other.reported_by.text() == ""


def test_checking_steps_offer_only_what_is_allowed(tab: NeedsTab, store: Store) -> None:
    _report(tab, store.needs.cases()[0].need.household_id, "房屋漏雨需修缮")
    dialog = _step(tab, "退回")
    assert _offered(dialog) == ["村党组织初核", "退回"]
    assert dialog.note_label.text() == "退回原因"
    dialog.actor.setText("李书记")
    assert not dialog.save()  # a send-back without its reason
    assert "退回的原因" in dialog.error_label.text() and is_marked(dialog.note)
    assert dialog.actor.text() == "李书记"
    dialog.note.setPlainText("请补充房屋照片")
    assert dialog.save()
    row = _row_of(tab, "房屋漏雨需修缮")
    assert _cell(tab, row, "状态") == "已退回"
    dialog = _step(tab, "重新报告")
    assert _offered(dialog) == ["重新报告"]
    assert dialog.actor.text() == operator_name(store) == "李秀英"  # who works, at first
    assert dialog.save()
    dialog = _step(tab, "村党组织初核")
    dialog.actor.setText("")
    assert not dialog.save() and "经办人" in dialog.error_label.text()
    dialog.actor.setText("李书记")
    assert dialog.save()
    dialog = _step(tab, "镇（县）复核")
    assert _offered(dialog) == ["镇（县）复核", "退回"]
    dialog.actor.setText("张镇长")
    assert dialog.save()
    case = tab.shown[_row_of(tab, "房屋漏雨需修缮")]
    assert case.state is NeedState.VERIFIED
    assert [(s.step.value, s.actor, s.note) for s in case.steps] == [
        ("report", "赵一", ""), ("send_back", "李书记", "请补充房屋照片"), ("resubmit", "李秀英", ""),
        ("village_check", "李书记", ""), ("township_check", "张镇长", ""),
    ]  # fmt: skip
    dialog = _step(tab, "销号")
    assert _offered(dialog) == ["销号"]


def test_help_on_an_unchecked_need_is_refused(tab: NeedsTab, store: Store) -> None:
    need_id = _report(tab, store.needs.cases()[0].need.household_id, "需要就业岗位")
    tab.give_help()
    dialog = tab.dialog
    assert isinstance(dialog, AssistanceDialog)
    assert "不在“实施中”" in dialog.error_label.text() and not dialog.need.isEnabled()
    dialog.content.setPlainText("介绍到镇上工厂")
    assert not dialog.save()
    assert dialog.content.toPlainText() == "介绍到镇上工厂"
    assert store.needs.get(need_id).help == ()


def _two_cadres(store: Store) -> tuple[str, str]:
    paired = next(c for c in store.register.cadres() if c.name == "孙超峰")
    other = store.register.save_cadre(Cadre(name="刘秀兰", unit="镇民政办"))
    retired = store.register.save_cadre(Cadre(name="周退休"))
    store.register.retire("cadre", retired.id or "")
    return paired.id or "", other.id or ""


def _verified(tab: NeedsTab, store: Store, what: str) -> str:
    need_id = _report(tab, store.needs.cases()[0].need.household_id, what)
    for name, actor in (("村党组织初核", "李书记"), ("镇（县）复核", "张镇长")):
        dialog = _step(tab, name)
        dialog.actor.setText(actor)
        assert dialog.save()
    return need_id


def test_two_cadres_give_money_and_goods(tab: NeedsTab, store: Store, village: Village) -> None:
    paired, other = _two_cadres(store)
    need_id = _verified(tab, store, "房屋漏雨需修缮")
    tab.give_help()
    dialog = tab.dialog
    assert isinstance(dialog, AssistanceDialog)
    assert dialog.need.currentData() == need_id and not dialog.need.isEnabled()
    assert not dialog.household.isEnabled()
    helpers = [dialog.helpers.item(i) for i in range(dialog.helpers.count())]
    # the paired cadre first and checked; a retired one not offered
    assert [h.text() for h in helpers] == ["孙超峰（驻村工作队）　结对干部", "刘秀兰（镇民政办）"]
    assert [h.checkState() == Qt.CheckState.Checked for h in helpers] == [True, False]
    assert dialog.helper.text() == "孙超峰"
    dialog.check_helpers(["孙超峰", "刘秀兰"])
    assert dialog.helper.text() == "孙超峰、刘秀兰"
    assert not dialog.amount.isEnabled()
    dialog.kind.setCurrentText("资金")
    assert dialog.amount.isEnabled()
    dialog.helping_unit.setCurrentText("镇民政办")
    dialog.content.setPlainText("发放危房修缮补助")
    for bad, said in (
        ("-500", "应是以元为单位的数字"),
        ("2000000", "请核对"),
        ("12.345", "最多两位小数"),
    ):
        dialog.amount.setText(bad)
        assert not dialog.save()
        assert said in dialog.error_label.text() and is_marked(dialog.amount)
        assert dialog.content.toPlainText() == "发放危房修缮补助"
        assert dialog.helper.text() == "孙超峰、刘秀兰"
    dialog.amount.setText("")
    assert not dialog.save() and "请填写金额" in dialog.error_label.text()
    dialog.amount.setText("1,200.50")
    assert dialog.save(), dialog.error_label.text()
    tab.give_help()
    goods = tab.dialog
    assert isinstance(goods, AssistanceDialog)
    goods.check_helpers(["刘秀兰"])
    assert goods.helper.text() == "刘秀兰"
    goods.kind.setCurrentText("物品")
    goods.amount.setText("800元")
    goods.content.setPlainText("送防水油毡 20 卷")
    assert goods.save(), goods.error_label.text()
    case = store.needs.get(need_id)
    assert [(h.kind, h.amount_fen, h.helper_ids, h.helper) for h in case.help] == [
        ("资金", 120050, (paired, other), "孙超峰、刘秀兰"),
        ("物品", 80000, (other,), "刘秀兰"),
    ]
    row = _row_of(tab, "房屋漏雨需修缮")
    assert _cell(tab, row, "帮扶次数") == "2" and _cell(tab, row, "金额（元）") == "2,000.50"
    # the support ledger shows the new records too
    page_support = tab.parent()
    assert page_support is not None
    assert any("发放危房修缮补助" in str(r) for r in _support_rows(tab))


def _support_rows(tab: NeedsTab) -> list[tuple[object, ...]]:
    page = tab.window()
    assert isinstance(page, LedgerPage)
    model = page.support_tab.model
    return [model.row_values(r) or () for r in range(model.rowCount())]


def test_outcome_written_later_keeps_its_history_then_closed_and_reopened(
    tab: NeedsTab, store: Store, days: list[dt.date], qtbot: QtBot
) -> None:
    _two_cadres(store)
    need_id = _verified(tab, store, "房屋漏雨需修缮")
    tab.give_help()
    dialog = tab.dialog
    assert isinstance(dialog, AssistanceDialog)
    dialog.kind.setCurrentText("资金")
    dialog.amount.setText("1500")
    dialog.content.setPlainText("发放危房修缮补助")
    dialog.result_edit.setPlainText("已开工")
    assert dialog.save()
    days[0] = TODAY + dt.timedelta(days=7)  # a week later
    tab.open_case(_row_of(tab, "房屋漏雨需修缮"))
    case_view = tab.dialog
    assert isinstance(case_view, CaseDialog)
    steps = [case_view.steps.item(i).text() for i in range(case_view.steps.count())]
    assert steps[0] == "2026-04-30　网长报告　赵一" and "镇（县）复核　张镇长" in steps[-1]
    assert case_view.help.item(0, 6).text() == "已开工"
    assert case_view.help.item(0, 2).text() == "1,500"
    outcome = case_view.write_outcome()
    assert isinstance(outcome, OutcomeDialog)
    history = outcome.findChild(QListWidget)
    assert history is not None and history.item(0).text().endswith("：已开工")
    outcome.text.setPlainText("   ")
    assert not outcome.save() and "请填写帮扶成效" in outcome.error_label.text()
    outcome.text.setPlainText("房屋已修好，老人已入住")
    assert outcome.save()
    assert case_view.help.item(0, 6).text() == "房屋已修好，老人已入住"
    record_id = case_view.record_ids[0]
    assert [(o.day, o.text) for o in store.assistance.outcomes(record_id)] == [
        (TODAY, "已开工"), (TODAY + dt.timedelta(days=7), "房屋已修好，老人已入住"),
    ]  # fmt: skip
    later = case_view.write_outcome()
    assert isinstance(later, OutcomeDialog) and later.history.count() == 2
    later.reject()
    # 编辑… opens the help form on the record
    case_view.edit_help()
    edit = case_view.dialog
    assert isinstance(edit, AssistanceDialog) and edit.windowTitle() == "编辑帮扶记录"
    assert edit.amount.text() == "1500" and edit.kind.currentText() == "资金"
    edit.reject()
    # 销号 needs its result; then the case leaves the 未结 list
    case_view.step_button.click()
    close = case_view.dialog
    assert isinstance(close, StepDialog) and [close.step.itemText(0)] == ["销号"]
    assert close.note_label.text() == "帮扶结果"
    assert not close.save() and "帮扶结果" in close.error_label.text()
    close.note.setPlainText("房屋修缮完成")
    assert close.save()
    assert "销号结果：房屋修缮完成" in case_view.summary.text()
    assert not case_view.help_button.isEnabled()
    assert all(c.need.id != need_id for c in tab.shown)
    tab.scope.setCurrentIndex(tab.scope.findData(False))  # 全部
    row = _row_of(tab, "房屋漏雨需修缮")
    assert _cell(tab, row, "状态") == "已销号"
    tab.table.selectRow(row)
    reopen = _step(tab, "重新打开")
    assert _offered(reopen) == ["重新打开"] and not reopen.save()
    assert "重新打开的原因" in reopen.error_label.text()
    reopen.note.setPlainText("屋顶又漏雨")
    assert reopen.save()
    assert store.needs.get(need_id).state is NeedState.VERIFIED


def test_overdue_time_limit_is_red(tab: NeedsTab, store: Store, days: list[dt.date]) -> None:
    from qunzhong_desktop.ui.common.palette import DUE_SOON_TINT, OVERDUE_TINT

    tab.add_need()
    dialog = tab.dialog
    assert isinstance(dialog, NeedDialog)
    dialog.what.setPlainText("需要助学金")
    dialog.has_limit.setChecked(True)
    dialog.time_limit.setDate(dialog.reported_on.date().addDays(5))
    assert dialog.save()
    row = _row_of(tab, "需要助学金")
    tint = tab.model.index(row, 9).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.name() == DUE_SOON_TINT
    days[0] = TODAY + dt.timedelta(days=6)
    tab.search()
    tint = tab.model.index(_row_of(tab, "需要助学金"), 9).data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.name() == OVERDUE_TINT


def test_filters_and_search(tab: NeedsTab, store: Store, village: Village) -> None:
    _report(tab, village.member_tagged, "李奶奶需要护工")
    assert tab.model.rowCount() == 2
    tab.query.setText("lnn")  # 李奶奶's initials
    assert [c.need.what for c in tab.shown] == ["李奶奶需要护工"]
    tab.query.setText("0001")
    assert [c.household_number for c in tab.shown] == ["0001"]
    tab.query.clear()
    tab.state.setCurrentIndex(tab.state.findData(NeedState.REPORTED.value))
    assert [c.need.what for c in tab.shown] == ["李奶奶需要护工"]
    tab.state.setCurrentIndex(0)
    tab.category.setCurrentIndex(tab.category.findData("生活"))
    assert [c.household_number for c in tab.shown] == ["0001"]
    tab.category.setCurrentIndex(0)
    tab.grid.setCurrentIndex(tab.grid.findData(village.grid_west))
    assert [c.household_number for c in tab.shown] == ["0002"]


def test_delete_only_without_help_and_undo(
    tab: NeedsTab, store: Store, village: Village, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        needs_module, "confirm", lambda _p, _t, text, _y: asked.append(text) or True
    )
    monkeypatch.setattr(needs_module, "inform", lambda _p, _t, text: told.append(text))
    tab.table.selectRow(0)  # the checked need with help
    tab.delete_need()
    assert "已登记帮扶，不能删除" in told[0] and not asked
    need_id = _report(tab, village.member_tagged, "误报的需求")
    dialog = _step(tab, "退回", "重复登记")
    assert dialog.save()
    tab.delete_need()
    assert asked and "误报的需求" in asked[0]
    assert all(c.need.what != "误报的需求" for c in store.needs.cases())
    stack = undo_stack(tab)
    assert stack.label() is not None and "删除帮扶需求" in (stack.label() or "")
    stack.undo()
    [back] = [c for c in store.needs.cases() if c.need.what == "误报的需求"]
    assert back.need.id != need_id and back.state is NeedState.RETURNED
    assert [(s.step.value, s.note) for s in back.steps] == [
        ("report", ""),
        ("send_back", "重复登记"),
    ]
    assert any(c.need.what == "误报的需求" for c in tab.shown)


def test_the_notice_button(tab: NeedsTab, printed: RecordingOutput, tmp_path: Path) -> None:
    """打印五公开公示… goes through the preview once reports.documents has the notice."""
    from qunzhong_desktop.reports import documents

    notice = getattr(documents, "assistance_notice", None)
    assert tab.notice_button.isHidden() == (notice is None)
    if notice is None:
        return
    tab.print_notice()
    [shown] = printed.shown
    assert shown.pdf.startswith(b"%PDF") and shown.title == "帮扶五公开公示"
    import io

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(shown.pdf)).pages)
    assert "王*爷" in text and "王大爷" not in text  # the person helped, masked
    assert "13812345678" not in text and "孙超峰" in text  # no phone; the helper named
    (tmp_path / "notice.pdf").write_bytes(shown.pdf)  # looked at as PNG (pdftoppm)


def test_rendered_at_1024_by_768(
    qtbot: QtBot, page: LedgerPage, tab: NeedsTab, store: Store, tmp_path: Path
) -> None:
    """Looked at: tmp_path / needs.png, need.png, case.png (no clipped labels, no boxes)."""
    paired, other = _two_cadres(store)
    need_id = _verified(tab, store, "房屋漏雨需修缮，屋顶瓦片破损，需要尽快修缮以免雨季漏水")
    case = store.needs.get(need_id)
    store.assistance.save(
        AssistanceRecord(
            household_id=case.need.household_id, given_on=TODAY, helping_unit="镇民政办",
            helper="", content="发放危房修缮补助，购买瓦片和防水材料", need_id=need_id,
            kind="资金", amount_fen=150000, helper_ids=(paired, other), result="已开工",
            time_limit=TODAY + dt.timedelta(days=30),
        ),
        today=TODAY,
    )  # fmt: skip
    tab.search()
    page.resize(1024, 768)
    page.show()
    qtbot.waitExposed(page)
    header = tab.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(tab.model.columnCount()):
        title = str(tab.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
    for button in (tab.add_button, tab.step_button, tab.help_button, tab.delete_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    assert page.grab().save(str(tmp_path / "needs.png"))
    tab.add_need()
    assert tab.dialog is not None and tab.dialog.grab().save(str(tmp_path / "need.png"))
    tab.dialog.reject()
    tab.open_case(0)
    assert tab.dialog is not None and tab.dialog.grab().save(str(tmp_path / "case.png"))
    tab.dialog.reject()
    tab.give_help()
    assert tab.dialog is not None and tab.dialog.grab().save(str(tmp_path / "help.png"))
