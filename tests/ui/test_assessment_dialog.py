"""考评排名 at a township with two stations (tests/helpers/township_data.py; issue 17).

The second half of 2026 (see tests/cli/test_assessment.py for the figures by hand):
第1村 群众工作 13.0, 第2村 7.0; 民情恳谈会与台账 is entered by hand. Units: 民政办 14.0
(化解工作), the others answered for nothing and are listed after it, unranked.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QTableWidget
from pytestqt.qtbot import QtBot

from qunzhong_desktop.core.access import Operator, Role
from qunzhong_desktop.core.assessment_scheme import DEFAULT_SCHEME
from qunzhong_desktop.core.monthly.period import half
from qunzhong_desktop.storage.store import Store, open_store
from qunzhong_desktop.ui.ledgers import assessment_dialog
from qunzhong_desktop.ui.ledgers.assessment_dialog import AssessmentDialog
from qunzhong_desktop.ui.ledgers.assessment_forms import ManualScoreForm, SchemeView, VetoForm
from qunzhong_desktop.ui.ledgers.report_page import ReportPage
from tests.helpers.printing import RecordingOutput
from tests.helpers.township_data import build

ONE, TWO = "430121101201", "430121101202"
TODAY = dt.date(2026, 12, 1)
H2 = half(2026, 2)


@pytest.fixture(scope="module")
def built(_template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    tw = build(_template_dirs[0], tmp_path_factory.mktemp("assessment-ui") / "net")
    home = tw.township.home
    tw.close()
    return home


@pytest.fixture
def township(built: Path, tmp_path: Path) -> Iterator[Store]:
    store = open_store(Path(shutil.copytree(built, tmp_path / "township")))
    yield store
    store.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The answers to the questions asked, in turn (yes when none left)."""
    given: list[bool] = []
    monkeypatch.setattr(assessment_dialog, "confirm", lambda *_a: given.pop(0) if given else True)
    return given


Fill = Callable[[QDialog], None]


@pytest.fixture
def forms(monkeypatch: pytest.MonkeyPatch) -> list[Fill]:
    """How each form opened is filled in, in turn; the form is then submitted."""
    fills: list[Fill] = []

    def run(dialog: QDialog) -> int:
        fills.pop(0)(dialog)
        return dialog.result()

    monkeypatch.setattr(assessment_dialog, "run_dialog", run)
    return fills


def open_dialog(qtbot: QtBot, store: Store) -> AssessmentDialog:
    dialog = AssessmentDialog(store, clock=lambda: TODAY)
    qtbot.addWidget(dialog)
    return dialog


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def select(dialog: AssessmentDialog, name: str) -> None:
    (row,) = [r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == name]
    dialog.table.selectRow(row)


def score(points: float, *, check: Callable[[ManualScoreForm], None] | None = None) -> Fill:
    def fill(form: QDialog) -> None:
        assert isinstance(form, ManualScoreForm)
        if check is not None:
            check(form)
        form.points.setValue(points)
        form.submit()

    return fill


def reason(text: str, then: Callable[[VetoForm], None] | None = None) -> Fill:
    def fill(form: QDialog) -> None:
        assert isinstance(form, VetoForm)
        form.reason.setPlainText(text)
        form.submit()
        if then is not None:
            then(form)

    return fill


def test_the_stations_ranked_then_changed_by_manual_points_and_a_veto(
    qtbot: QtBot, township: Store, answers: list[bool], forms: list[Fill]
) -> None:
    dialog = open_dialog(qtbot, township)
    assert dialog.period_combo.currentText() == "2026年下半年" and dialog.of() == "stations"
    assert dialog.title_label.text().startswith("白沙镇群众工作办 2026年下半年 考评排名")
    assert rows(dialog.table) == [
        ["1", "第1村群众工作站", "13.0", "0.0", "13.0", "民情恳谈会与台账：未录入"],
        ["2", "第2村群众工作站", "7.0", "0.0", "7.0",
         "群众工作：满意率无数据；民情恳谈会与台账：未录入"],
    ]  # fmt: skip
    header = dialog.table.horizontalHeaderItem(2)
    assert header is not None and header.text() == "群众工作\n（20 分）"
    assert not dialog.manual_button.isEnabled() and not dialog.unveto_button.isEnabled()

    def offered(form: ManualScoreForm) -> None:
        assert form.item_combo.currentText() == "民情恳谈会与台账（10 分）"
        assert form.points.maximum() == 10 and form.points.value() == 0

    select(dialog, "第2村群众工作站")
    assert dialog.manual_button.isEnabled() and not dialog.unveto_button.isEnabled()
    forms.append(score(9.5, check=offered))
    dialog.manual_button.click()
    assert rows(dialog.table)[0] == ["1", "第2村群众工作站", "7.0", "9.5", "16.5",
                                     "群众工作：满意率无数据"]  # fmt: skip
    assert dialog.selected() is not None and dialog.selected().key == TWO  # kept selected
    assert township.assessment.records(H2)[TWO].manual == {"民情恳谈会与台账": 9.5}

    # the points entered before are offered again
    forms.append(score(9, check=lambda form: assert_value(form, 9.5)))
    dialog.manual_button.click()
    assert rows(dialog.table)[0][4] == "16.0"

    # a veto: the reason is required (said in the form, which stays), then a question
    def refused_then_given(form: VetoForm) -> None:
        assert form.result() != QDialog.DialogCode.Accepted
        assert "一票否决必须写明理由" in form.messages.text() and not form.messages.isHidden()
        form.reason.setPlainText("发生重大安全生产事故")
        form.submit()

    forms.append(reason("   ", then=refused_then_given))
    dialog.veto_button.click()
    assert rows(dialog.table) == [
        ["1", "第1村群众工作站", "13.0", "0.0", "13.0", "民情恳谈会与台账：未录入"],
        ["2（否决）", "第2村群众工作站", "7.0", "9.0", "16.0",
         "一票否决：发生重大安全生产事故；群众工作：满意率无数据"],
    ]  # fmt: skip
    shade = dialog.table.item(1, 3).background().color().name()
    assert shade == assessment_dialog.VETO_BG.name()
    assert dialog.table.item(0, 3).background().color().name() != shade
    assert "一票否决 1 个" in dialog.status_label.text()

    # 取消否决 asks first: no keeps the veto, yes lifts it
    assert dialog.unveto_button.isEnabled()
    answers.append(False)
    dialog.unveto_button.click()
    assert township.assessment.records(H2)[TWO].veto == "发生重大安全生产事故"
    dialog.unveto_button.click()
    assert township.assessment.records(H2)[TWO].veto == ""
    assert rows(dialog.table)[0][:2] == ["1", "第2村群众工作站"]


def assert_value(form: ManualScoreForm, value: float) -> None:
    assert form.points.value() == value


def test_a_veto_not_confirmed_keeps_the_form_and_its_reason(
    qtbot: QtBot, township: Store, answers: list[bool], forms: list[Fill]
) -> None:
    dialog = open_dialog(qtbot, township)
    select(dialog, "第1村群众工作站")

    def declined(form: VetoForm) -> None:
        assert form.result() != QDialog.DialogCode.Accepted
        assert form.reason.toPlainText() == "迟报瞒报"

    answers.append(False)
    forms.append(reason("迟报瞒报", then=declined))
    dialog.veto_button.click()
    assert township.assessment.records(H2) == {}
    assert rows(dialog.table)[0][0] == "1"


def test_a_refused_score_is_said_in_the_form_and_nothing_typed_is_lost(
    qtbot: QtBot, township: Store, forms: list[Fill]
) -> None:
    dialog = open_dialog(qtbot, township)
    select(dialog, "第1村群众工作站")

    def changed_meanwhile(form: ManualScoreForm) -> None:
        # the scheme is changed behind the dialog: the item is no longer a manual one
        scheme = DEFAULT_SCHEME.as_json()
        scheme["stations"] = scheme["stations"][:1]
        township.assessment.set_scheme(scheme)

    def refused(form: QDialog) -> None:
        score(7.5, check=changed_meanwhile)(form)
        assert isinstance(form, ManualScoreForm)
        assert form.result() != QDialog.DialogCode.Accepted
        assert "没有“民情恳谈会与台账”这一项" in form.messages.text()
        assert form.points.value() == 7.5 and form.points.toolTip()

    forms.append(refused)
    dialog.manual_button.click()
    assert township.assessment.records(H2) == {}


def test_a_reader_sees_the_ranking_but_cannot_change_or_print_it(
    qtbot: QtBot, township: Store
) -> None:
    township.db.operator = Operator("op-9", "周查阅", Role.READER, place="township")
    dialog = open_dialog(qtbot, township)
    assert [r[1] for r in rows(dialog.table)] == ["第1村群众工作站", "第2村群众工作站"]
    for button in (
        dialog.manual_button,
        dialog.veto_button,
        dialog.unveto_button,
        dialog.print_button,
    ):
        assert button.isHidden()
    assert "查阅角色只能查看" in dialog.hint_label.text()
    select(dialog, "第1村群众工作站")
    dialog.enter_points()  # a double click does nothing either
    dialog.veto()
    assert dialog.form is None and not dialog.scheme_button.isHidden()


def test_the_units_list_the_idle_ones_unranked_and_print_as_a_pdf(
    qtbot: QtBot, township: Store, printed: RecordingOutput
) -> None:
    township.assessment.set_manual(H2, of="units", entry="民政办", item="双联系工作", points=7)
    dialog = open_dialog(qtbot, township)
    dialog.of_combo.setCurrentIndex(dialog.of_combo.findData("units"))
    table = rows(dialog.table)
    assert table[0] == ["1", "民政办", "14.0", "7.0", "21.0", "化解工作：满意率无数据"]
    assert len(table) > 1 and all(r[0] == "—" and r[2:] == ["—", "—", "—", "无负责事项"]
                                  for r in table[1:])  # fmt: skip
    assert f"无负责事项不排名 {len(table) - 1} 个" in dialog.status_label.text()

    dialog.print_button.click()
    [shown] = printed.shown
    assert shown.title == "考评排名 2026年下半年 责任单位"
    text = "".join(
        "".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(shown.pdf)).pages
    )
    assert "白沙镇群众工作办2026年下半年考评排名" in text
    assert "1民政办14.07.021.0" in text and "无负责事项" in text


def test_another_period_typed_and_a_bad_one_refused_in_chinese(
    qtbot: QtBot, township: Store
) -> None:
    dialog = open_dialog(qtbot, township)
    combo = dialog.period_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "2026年下半年", "2026年上半年", "2026年", "2025年"]  # fmt: skip
    combo.setEditText("2026-H3")
    dialog.refresh()
    assert "统计期间“2026-H3”看不懂" in dialog.status_label.text()
    assert "8e0000" in dialog.status_label.styleSheet()
    combo.setEditText("2026-11")
    dialog.refresh()
    assert dialog.title_label.text().startswith("白沙镇群众工作办 2026年11月 考评排名")
    assert [r[4] for r in rows(dialog.table)] == ["13.0", "4.0"]  # November alone: not B0
    assert dialog.status_label.styleSheet() == ""


def test_the_scheme_is_shown_read_only_with_how_to_change_it(
    qtbot: QtBot, township: Store, forms: list[Fill]
) -> None:
    dialog = open_dialog(qtbot, township)
    seen: list[SchemeView] = []
    forms.append(seen.append)  # type: ignore[arg-type]
    dialog.scheme_button.click()
    [view] = seen
    assert view.text.isReadOnly()
    text = view.text.toPlainText()
    assert "【工作站】共 30 分" in text and "【责任单位】共 30 分" in text
    assert "群众工作（20 分）：共 20 分：按期办结率 6 分（越高越好）" in text
    assert "qunzhong assessment scheme --file" in view.hint.text()


def test_a_station_store_is_refused_in_the_status_line(
    qtbot: QtBot, built: Path, tmp_path: Path
) -> None:
    station = open_store(Path(shutil.copytree(built.parent / "station1", tmp_path / "s")))
    try:
        dialog = open_dialog(qtbot, station)
        assert "考评由乡镇群众工作办进行" in dialog.status_label.text()
        assert dialog.table.rowCount() == 0 and not dialog.print_button.isEnabled()
    finally:
        station.close()


def test_the_township_s_report_tab_opens_it_and_a_station_s_does_not_offer_it(
    qtbot: QtBot, township: Store, store: Store
) -> None:
    page = ReportPage(township, clock=lambda: TODAY)
    qtbot.addWidget(page)
    assert not page.assessment_button.isHidden()
    assert page.assessment_button.text() == "考评排名(&K)…"
    page.assessment_button.click()
    dialog = page.assessment_dialog
    assert isinstance(dialog, AssessmentDialog) and dialog.isVisible()
    assert [r[1] for r in rows(dialog.table)] == ["第1村群众工作站", "第2村群众工作站"]
    dialog.reject()
    assert page.assessment_dialog is None

    station_page = ReportPage(store, clock=lambda: TODAY)
    qtbot.addWidget(station_page)
    assert station_page.assessment_button.isHidden()


def test_what_is_typed_after_the_ranking_does_not_move_the_records_elsewhere(
    qtbot: QtBot, township: Store, forms: list[Fill]
) -> None:
    dialog = open_dialog(qtbot, township)
    select(dialog, "第1村群众工作站")
    dialog.period_combo.setEditText("20")  # typed, not yet applied (nor readable)
    forms.append(score(6))
    dialog.manual_button.click()
    assert township.assessment.records(H2)[ONE].manual == {"民情恳谈会与台账": 6}
