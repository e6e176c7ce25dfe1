"""The 民意 page (issue 18): a round tallied and judged, a 恳谈会's problems made items,
民情信息 grouped and answered once, the township's read-only view, the dialogs' size."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from qunzhong_desktop.core.entities import Cadre
from qunzhong_desktop.core.evaluation import NO_PROMOTION
from qunzhong_desktop.core.mass_info import Info
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.setup import init_township
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.voice import info_tab, meeting_form, meetings_tab, rounds_tab, tally_form
from qunzhong_desktop.ui.voice.info_forms import AnswerForm, GroupForm
from qunzhong_desktop.ui.voice.meeting_form import MeetingForm
from qunzhong_desktop.ui.voice.parts import ToItemForm
from qunzhong_desktop.ui.voice.round_form import RoundForm
from qunzhong_desktop.ui.voice.tally_form import TallyForm
from qunzhong_desktop.ui.voice.voice_page import VoicePage
from tests.helpers.printing import RecordingOutput

TODAY = dt.date(2026, 12, 10)
CADRES = ("王建国", "李秀英", "张明", "赵强", "陈红")
Fill = Callable[[QDialog], None]


@pytest.fixture
def forms(monkeypatch: pytest.MonkeyPatch) -> list[Fill]:
    """How each form opened is filled in, in turn; a form is left as it ends."""
    fills: list[Fill] = []

    def run(dialog: QDialog) -> int:
        if fills:
            fills.pop(0)(dialog)
        return dialog.result()

    for module in (rounds_tab, meetings_tab, meeting_form, info_tab):
        monkeypatch.setattr(module, "run_dialog", run)
    monkeypatch.setattr(rounds_tab, "ask_copies", lambda _parent, _n: (3, True))
    return fills


def page_of(qtbot: QtBot, store: Store) -> VoicePage:
    page = VoicePage(store, clock=lambda: TODAY)
    qtbot.addWidget(page)
    return page


def test_a_round_is_set_up_tallied_judged_and_printed(
    qtbot: QtBot,
    store: Store,
    forms: list[Fill],
    printed: RecordingOutput,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in CADRES:
        store.register.save_cadre(Cadre(name=name, category="乡驻村干部"))
    page = page_of(qtbot, store)
    tab = page.rounds_tab

    def new_round(form: QDialog) -> None:
        assert isinstance(form, RoundForm)
        assert form.period.currentData() == "2026-H2"  # this half-year by default
        form.issued.setValue(12)  # more than take part: refused in the form, nothing lost
        form.participants.setValue(10)
        form.returned.setValue(10)
        form.set_ticked({*CADRES, "白沙村群众工作站"})
        form.new_name.setText("镇农办")
        form.new_kind.setCurrentIndex(1)
        form.add_by_hand()
        form.submit()
        assert form.result() != QDialog.DialogCode.Accepted
        assert "多于参会人数" in form.messages.text()
        assert form.new_name.text() == "" and len(form.ticked()) == 7
        form.issued.setValue(10)
        form.submit()

    forms.append(new_round)
    tab.new_round()
    assert len(tab.rounds) == 1 and len(tab.rounds[0].rows) == 7

    def tally(form: QDialog) -> None:
        assert isinstance(form, TallyForm)
        names = [r.tally.name for r in form.stored.rows]
        counts = {"王建国": (3, 3, 4), "李秀英": (6, 2, 2), "张明": (8, 2, 0),
                  "赵强": (7, 3, 0), "陈红": (5, 4, 1), "白沙村群众工作站": (8, 2, 0),
                  "镇农办": (5, 2, 3)}  # fmt: skip
        for index, name in enumerate(names):
            for spin, value in zip(form.spins[index], counts[name], strict=True):
                spin.setValue(value)
        first = form.spins[0]
        first[0].setValue(9)  # 9 more: more votes than the 10 returned, red, 保存 disabled
        assert not form.ok.isEnabled()
        assert form.table.item(0, 0).background().color().name() == "#ffcdd2"
        assert "超过" in form.summary.text()
        first[0].setValue(counts[names[0]][0])
        assert form.ok.isEnabled()
        qtbot.keyClick(first[0], Qt.Key.Key_Return)  # Enter moves to the next count
        asked: list[str] = []
        monkeypatch.setattr(tally_form, "confirm", lambda _p, _t, text, _y: asked.append(text))
        rejected: list[int] = []
        form.rejected.connect(lambda: rejected.append(1))
        form.reject()  # Esc with counts typed: asked, and the form stays with them
        assert asked and "还没有保存" in asked[0] and not rejected
        assert form.spins[0][2].value() == counts[names[0]][2]
        form.submit()

    forms.append(tally)
    tab.tally()
    result = store.evaluations.results(tab.rounds[0].id)
    flagged = {v.tally.name for v in result.verdicts if NO_PROMOTION in v.flags}
    assert flagged == {"王建国"}  # 4 of 10 不满意: 40 % exactly
    tab.show_result()
    assert tab.form is not None and "不予提拔：王建国" in tab.form.summary.text()  # type: ignore[attr-defined]
    tab.print_ballots()
    ballots = PdfReader(io.BytesIO(printed.shown[-1].pdf))
    assert len(ballots.pages) == 3
    assert "王建国" in ballots.pages[0].extract_text()
    tab.print_result()
    assert "不予提拔" in PdfReader(io.BytesIO(printed.shown[-1].pdf)).pages[0].extract_text()


def test_a_talk_meeting_makes_two_items(qtbot: QtBot, store: Store, forms: list[Fill]) -> None:
    page = page_of(qtbot, store)
    tab = page.meetings_tab

    def to_item(form: QDialog) -> None:
        assert isinstance(form, ToItemForm)
        form.item_type.setCurrentText("即办件")  # settled on the spot without a result: refused
        form.submit()
        assert form.result() != QDialog.DialogCode.Accepted and form.messages.isVisibleTo(form)
        form.item_type.setCurrentText("承诺件")
        form.requester.setText("第三村民小组")
        form.submit()

    def meeting(form: QDialog) -> None:
        assert isinstance(form, MeetingForm)
        form.place.setText("村部会议室")
        form.host.setText("王建国")
        form.attendance.setValue(30)
        for text in ("村东头道路破损", "灌溉渠堵塞", "医保缴费不会操作"):
            form.add_problem(text, "李大爷", "张明")
        for row in (0, 1):
            form.table.selectRow(row)
            forms.insert(0, to_item if row == 0 else _accept_item)
            detail = form.to_item()
            assert detail is not None and detail.number in form.table.item(row, 3).text()
        form.submit()

    forms.append(meeting)
    tab.new_talk()
    [saved] = tab.meetings
    assert [bool(t.item_number) for t in saved.topics] == [True, True, False]
    with store.db.session() as s:
        channels = s.scalars(select(m.IntakeItem.channel)).all()
    assert channels == ["民情恳谈会", "民情恳谈会"]


def _accept_item(form: QDialog) -> None:
    assert isinstance(form, ToItemForm)
    form.submit()


def test_two_alike_pieces_are_grouped_and_answered_once(
    qtbot: QtBot, store: Store, forms: list[Fill]
) -> None:
    for text in ("孩子上学路远", "校车不够"):
        store.mass_info.add(Info(dt.date(2026, 12, 1), "网格员", "子女入学", "苗头性", text),
                            today=TODAY)  # fmt: skip
    page = page_of(qtbot, store)
    tab = page.info_tab
    tab.select_infos({i.id or "" for i in tab.infos})

    def group(form: QDialog) -> None:
        assert isinstance(form, GroupForm)
        form.title.setText("上学交通难")
        form.submit()

    def answer(form: QDialog) -> None:
        assert isinstance(form, AnswerForm)
        form.submit()  # no result: refused
        assert "请填写答复结果" in form.messages.text()
        form.text.setPlainText("协调增开校车一班")
        form.submit()

    forms += [group, answer]
    tab.group()
    tab.group_table.selectRow(0)
    tab.answer()
    [issue] = store.mass_info.groups()
    assert issue.result == "协调增开校车一班" and len(issue.members) == 2
    assert {i.result for i in store.mass_info.infos()} == {"协调增开校车一班"}
    assert tab.group_table.item(0, 3).text() == "2026-12-10"


def test_the_township_only_looks(qtbot: QtBot, empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    page = page_of(qtbot, empty_store)
    page.show()
    for button in (page.rounds_tab.new_button, page.rounds_tab.tally_button,
                   page.meetings_tab.talk_button, page.info_tab.new_button,
                   page.info_tab.answer_button):  # fmt: skip
        assert not button.isVisibleTo(page)
    assert page.rounds_tab.survey_button.isVisibleTo(page)
    for table in (page.meetings_tab.table, page.info_tab.table):  # whose rows they are
        assert table.horizontalHeaderItem(0).text() == "工作站"


def test_the_forms_fit_a_small_screen(qtbot: QtBot, store: Store) -> None:
    forms = [RoundForm(store, clock=lambda: TODAY), MeetingForm(store, clock=lambda: TODAY)]
    for form in forms:
        qtbot.addWidget(form)
        hint = form.minimumSizeHint().expandedTo(form.minimumSize())
        assert hint.width() <= 1024 and hint.height() <= 728, (type(form).__name__, hint)
