from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.intake.intake_form import IntakeForm
from tests.helpers.intake_data import FRIDAY
from tests.helpers.register_data import seed, type_text
from tests.helpers.ui_built import built_folder, open_copy


def make_form(qtbot: QtBot, store: Store, when: dt.datetime = FRIDAY) -> IntakeForm:
    form = IntakeForm(store, clock=lambda: when)
    qtbot.addWidget(form)
    form.resize(1000, 720)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    return form


def _six(store: Store) -> None:
    seed(store, 6)


@pytest.fixture
def form(
    qtbot: QtBot,
    _template_dirs: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
) -> Iterator[IntakeForm]:
    """The form on a copy of a village of 8 households written once per worker."""
    folder, _ = built_folder(_six, _template_dirs, tmp_path_factory)
    store = open_copy(folder, tmp_path / "seeded")
    yield make_form(qtbot, store)
    store.close()


def pick_zhang(qtbot: QtBot, form: IntakeForm) -> None:
    form.requester.search.setFocus()
    qtbot.keyClicks(form.requester.search, "zsf")
    qtbot.waitUntil(form.requester.popup.isVisible, timeout=2000)
    qtbot.keyClick(form.requester.search, Qt.Key.Key_Return)


def test_tab_goes_through_the_fields_in_order(qtbot: QtBot, form: IntakeForm) -> None:
    r = form.requester
    expected: list[QWidget] = [
        r.outsider, r.phone, form.channel, form.domain, form.grade, form.item_type,
        form.days, form.content, form.handler, form.petition.level, form.save_button,
        form.print_button,
    ]  # fmt: skip
    assert form.focusWidget() is r.search
    seen = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected  # the disabled name, result, 信访 form and reach are skipped


def test_zsf_then_enter_picks_zhang_sanfeng(qtbot: QtBot, form: IntakeForm) -> None:
    pick_zhang(qtbot, form)
    person = form.requester.person()
    assert person is not None and person.name == "张三丰"
    assert form.requester.search.text() == "张三丰"
    assert "户号 1-001" in form.requester.picked_label.text()
    assert "138****5678" in form.requester.picked_label.text()
    assert not form.requester.popup.isVisible()
    assert QApplication.focusWidget() is form.channel
    qtbot.keyClick(form.channel, Qt.Key.Key_Return)  # Enter goes on to the next field
    assert QApplication.focusWidget() is form.domain
    type_text(qtbot, form.requester.search, "x")  # typing again drops the pick
    assert form.requester.person() is None


def test_arrow_keys_choose_among_several(qtbot: QtBot, form: IntakeForm) -> None:
    qtbot.keyClicks(form.requester.search, "1-001")
    qtbot.waitUntil(form.requester.popup.isVisible, timeout=2000)
    assert form.requester.popup.count() == 2
    qtbot.keyClick(form.requester.search, Qt.Key.Key_Down)
    qtbot.keyClick(form.requester.search, Qt.Key.Key_Return)
    assert form.requester.person().name == "张小宝"  # type: ignore[union-attr]


def test_promised_date_is_shown_in_working_days(qtbot: QtBot, form: IntakeForm) -> None:
    form.domain.setCurrentText("社会保障")
    assert form.days.value() == 5
    assert form.promise.text() == "承诺办结日期：2026-11-27（5 个工作日）"
    form.days.setValue(6)
    assert form.promise.text() == "承诺办结日期：2026-11-30（6 个工作日）"  # over the weekend
    assert form.calendar_warning.isHidden()
    form.item_type.setCurrentText("即办件")
    assert form.promise.text() == "当场办结"
    assert form.result.isVisibleTo(form) and not form.days.isEnabled()
    form.item_type.setCurrentText("补办件")
    assert form.promise.text().startswith("待补件，收到材料后开始计时")
    form.item_type.setCurrentText("上报件")
    assert form.promise.text().startswith("上报乡镇")


def test_grade_a_is_promised_the_a_days_of_its_domain(qtbot: QtBot, store: Store) -> None:
    seed(store, 2)
    store.items.set_deadlines(store.items.domain_days(), {"基础设施": 3})
    form = make_form(qtbot, store)
    form.domain.setCurrentText("矛盾纠纷")
    assert form.days.value() == 7
    assert form.promise.text() == "承诺办结日期：2026-12-01（7 个工作日）"
    form.grade.setCurrentIndex(form.grade.findData("A"))
    assert form.days.value() == form.default_days() == 4
    assert form.promise.text() == "承诺办结日期：2026-11-26（4 个工作日，急事急办）"
    form.domain.setCurrentText("基础设施")  # the township set its A days apart: 3
    assert form.days.value() == 3
    form.grade.setCurrentIndex(form.grade.findData("C"))
    assert form.days.value() == 15
    form.grade.setCurrentIndex(form.grade.findData("A"))
    form.requester.outsider.setChecked(True)
    type_text(qtbot, form.requester.name, "过路人")
    type_text(qtbot, form.requester.phone, "13912340000")
    type_text(qtbot, form.content, "村道塌方，车辆无法通行")
    number = form.save()
    assert number is not None
    assert store.items.item(number).promised_days == 3


def test_national_day_holidays_are_skipped(qtbot: QtBot, store: Store) -> None:
    form = make_form(qtbot, store, dt.datetime(2026, 9, 30, 10, 0))
    form.domain.setCurrentText("社会保障")
    # 1–7 October off, Saturday 10 October a make-up working day
    assert form.promise.text() == "承诺办结日期：2026-10-13（5 个工作日）"


def test_unknown_calendar_year_is_warned(qtbot: QtBot, store: Store) -> None:
    form = make_form(qtbot, store, dt.datetime(2027, 12, 27, 10, 0))
    assert form.calendar_warning.isVisibleTo(form)
    assert "2027 年的节假日安排尚未载入" in form.calendar_warning.text()
    form.domain.setCurrentText("基础设施")  # 15 working days: into 2028
    assert "2027、2028 年的节假日安排尚未载入" in form.calendar_warning.text()


def test_a_refused_save_keeps_everything_typed(qtbot: QtBot, form: IntakeForm) -> None:
    form.requester.outsider.setChecked(True)
    type_text(qtbot, form.requester.name, "过路人")
    type_text(qtbot, form.requester.phone, "12345")
    form.domain.setCurrentText("矛盾纠纷")
    form.grade.setCurrentIndex(0)
    type_text(qtbot, form.content, "邻里宅基地边界纠纷")
    assert form.save() is None
    assert form_feedback.is_marked(form.requester.phone)
    assert "号码“12345”是服务热线" in form.messages.text()
    assert form.requester.name.text() == "过路人"
    assert form.requester.phone.text() == "12345"
    assert form.domain.currentText() == "矛盾纠纷" and form.grade.currentData() == "A"
    assert form.content.toPlainText() == "邻里宅基地边界纠纷"
    assert form._store.items.search_ids(ItemFilter()) == []
    form.requester.phone.setText("13912340000")
    number = form.save()
    assert number == "430121101201-2026-00001"
    assert not form_feedback.is_marked(form.requester.phone)
    item = form._store.items.item(number)
    assert (item.requester_name, item.requester_phone, item.domain, item.grade) == (
        "过路人", "13912340000", "矛盾纠纷", "A",
    )  # fmt: skip
    # grade A: 急事急办, half of 矛盾纠纷's 7 working days, rounded up
    assert item.promised_days == 4 and item.due_on == dt.date(2026, 11, 26)


def test_nobody_picked_and_no_content_are_marked(qtbot: QtBot, form: IntakeForm) -> None:
    type_text(qtbot, form.requester.search, "nobody")
    assert form.save() is None
    assert form_feedback.is_marked(form.requester.search)
    assert form_feedback.is_marked(form.content)
    assert form.requester.search.text() == "nobody"


def test_save_creates_the_item_and_clears_for_the_next(qtbot: QtBot, form: IntakeForm) -> None:
    saved: list[str] = []
    form.saved.connect(saved.append)
    pick_zhang(qtbot, form)
    form.domain.setCurrentText("社会保障")
    form.content.setFocus()
    type_text(qtbot, form.content, "申请残疾人两项补贴")
    qtbot.keyClick(form.content, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved == ["430121101201-2026-00001"]
    item = form._store.items.item(saved[0])
    assert item.requester_name == "张三丰" and item.requester_person_id
    assert item.requester_phone == "13812345678"
    assert item.handler == "李秀英" and item.channel == "来访" and item.grade == "B"
    assert item.state is State.REGISTERED and item.due_on == dt.date(2026, 11, 27)
    assert "430121101201-2026-00001" in form.saved_banner.text()
    assert form.saved_banner.isVisibleTo(form)
    assert form.requester.search.text() == "" and form.content.toPlainText() == ""
    assert form.handler.text() == "李秀英"
    assert QApplication.focusWidget() is form.requester.search


def test_a_petition_is_registered_with_its_mark_and_the_repeat_taken(
    qtbot: QtBot, form: IntakeForm
) -> None:
    saved: list[str] = []
    form.saved.connect(saved.append)
    for kind in ("初信初访", "初信初访"):
        pick_zhang(qtbot, form)
        form.domain.setCurrentText("基础设施")
        form.channel.setCurrentText("来信")
        form.petition.level.setCurrentIndex(form.petition.level.findData(kind))
        form.content.setFocus()
        type_text(qtbot, form.content, "村道路灯坏了，晚上出行不便，请求修复")
        if saved:  # the second time: the same requester, a similar matter
            qtbot.waitUntil(form.petition.take_button.isVisible, timeout=2000)
            assert saved[0] in form.petition.hint.text()
            qtbot.mouseClick(form.petition.take_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(form.content, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first, second = (form._store.petitions.mark_of(n) for n in saved)
    assert (first.level, first.form, first.reach) == ("初信初访", "来信", "到乡")
    assert second.level == "重复信访"
    assert form.petition.level.currentData() == "" and not form.petition.hint.isVisible()


def test_immediate_item_needs_its_result(qtbot: QtBot, form: IntakeForm) -> None:
    pick_zhang(qtbot, form)
    form.item_type.setCurrentText("即办件")
    type_text(qtbot, form.content, "咨询医保缴费标准")
    assert form.save() is None
    assert form_feedback.is_marked(form.result)
    type_text(qtbot, form.result, "当场告知 2026 年缴费标准")
    number = form.save()
    assert number is not None
    assert form._store.items.item(number).state is State.RESOLVED


def test_save_and_print_opens_the_receipt(
    qtbot: QtBot, form: IntakeForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qunzhong_desktop.ui.intake import receipt_preview

    shown: list[str] = []
    monkeypatch.setattr(
        receipt_preview, "show_receipt", lambda _store, number, _parent=None: shown.append(number)
    )
    pick_zhang(qtbot, form)
    type_text(qtbot, form.content, "路灯不亮")
    form.print_button.click()
    assert shown == ["430121101201-2026-00001"]
    form.reprint_button.click()
    assert shown == ["430121101201-2026-00001"] * 2


def test_more_than_thirty_found_says_so_and_cannot_be_picked(qtbot: QtBot, store: Store) -> None:
    from qunzhong_desktop.core.entities import Household, Person

    for i in range(31):
        store.register.save_household(
            Household(number=f"9-{i:03d}", members=[Person(name=f"赵{i}")])
        )
    form = make_form(qtbot, store)
    qtbot.keyClicks(form.requester.search, "zhao")
    qtbot.waitUntil(form.requester.popup.isVisible, timeout=2000)
    popup = form.requester.popup
    assert len(form.requester.hits) == 30 and popup.count() == 31
    last = popup.item(30)
    assert last.text() == "超过 30 人，请输入更多字缩小范围"
    assert last.flags() == Qt.ItemFlag.NoItemFlags
    for _ in range(40):  # the arrows stop at the last person, never on the note
        qtbot.keyClick(form.requester.search, Qt.Key.Key_Down)
    assert popup.currentRow() == 29
    qtbot.keyClick(form.requester.search, Qt.Key.Key_Return)
    assert form.requester.person() is not None


def test_a_search_waiting_for_its_pause_does_not_run_once_the_form_is_hidden(
    qtbot: QtBot, form: IntakeForm
) -> None:
    """Typed, then the form closed within the pause: no search on a store that may be gone."""
    from qunzhong_desktop.ui.intake.requester_picker import SEARCH_DELAY_MS

    form.requester.search.setFocus()
    qtbot.keyClicks(form.requester.search, "zsf")
    form.hide()
    qtbot.wait(SEARCH_DELAY_MS * 2)
    assert form.requester.hits == [] and not form.requester.popup.isVisible()
    form.show()  # shown again, the next keystroke searches as before
    qtbot.keyClicks(form.requester.search, " ")
    qtbot.keyClick(form.requester.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: bool(form.requester.hits), timeout=2000)
