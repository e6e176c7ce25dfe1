import datetime as dt

import pytest
from PySide6.QtCore import Qt

from qunzhong_desktop.core.entities import Grid, Household, Person
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.common import form_feedback
from qunzhong_desktop.ui.common.form_feedback import is_marked
from qunzhong_desktop.ui.register.household_dialog import HouseholdDialog
from tests.helpers.register_data import make_id, type_text

GOOD_ID = make_id("19491231", 2)  # male (odd 17th digit)
WRONG_CHECK = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every confirmation asked; answers yes unless the test appends "no".

    Autouse: closing a form with typed text at teardown must not block on a message box.
    """
    asked: list[str] = []

    def fake(_parent: object, _title: str, text: str, _yes: str) -> bool:
        asked.append(text)
        return "no" not in asked

    monkeypatch.setattr(form_feedback, "confirm", fake)
    return asked


def open_dialog(qtbot, store: Store, household_id: str | None = None) -> HouseholdDialog:
    dialog = HouseholdDialog(store, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_new(qtbot, dialog: HouseholdDialog, id_number: str) -> None:
    type_text(qtbot, dialog.number, "5-001")
    type_text(qtbot, dialog.address, "白沙村五组 1 号")
    type_text(qtbot, dialog.phone, "0731-84561111")
    dialog.tag_boxes[0].setChecked(True)
    type_text(qtbot, dialog.note, "独居")
    row = dialog.members.rows[0]
    type_text(qtbot, row.name, "赵大山")
    type_text(qtbot, row.id_number, id_number)
    type_text(qtbot, row.phone, "13812340000")


def test_add_a_household_with_derived_gender_and_birth_date(qtbot, store: Store) -> None:
    grid = store.register.save_grid(Grid(name="第五网格"))
    dialog = open_dialog(qtbot, store)
    assert dialog.windowTitle() == "新增户"
    dialog.grid.setCurrentIndex(dialog.grid.findData(grid.id))
    fill_new(qtbot, dialog, GOOD_ID[:10])
    row = dialog.members.rows[0]
    assert row.gender.text() == "—" and row.birth.text() == "还差 8 位"
    type_text(qtbot, row.id_number, GOOD_ID[10:])
    assert row.gender.text() == "男" and row.birth.text() == "1949-12-31"
    assert row.relation.currentText() == "户主"
    second = dialog.members.add_member()
    assert second.relation.currentText() == "子女"
    type_text(qtbot, second.name, "赵小川")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # Enter saves through the checks
    saved = store.register.household(dialog.saved_id or "")
    assert saved.number == "5-001" and saved.grid_id == grid.id and saved.tags == ["低保户"]
    assert [(p.name, p.relation) for p in saved.members] == [("赵大山", "户主"), ("赵小川", "子女")]
    assert saved.members[0].birth_date == dt.date(1949, 12, 31)


def test_wrong_check_digit_marks_the_field_and_keeps_everything(qtbot, store: Store) -> None:
    dialog = open_dialog(qtbot, store)
    fill_new(qtbot, dialog, WRONG_CHECK)
    row = dialog.members.rows[0]
    assert is_marked(row.id_number)  # live hint as soon as 18 characters are typed
    assert row.gender.text() == "—"

    assert dialog.save() is False
    assert dialog.isVisible() and dialog.saved_id is None
    assert is_marked(row.id_number) and "校验位" in row.id_number.toolTip()
    assert dialog.messages.isVisible() and "校验位" in dialog.messages.text()
    assert "第 1 名成员" in dialog.messages.text()
    assert dialog.number.text() == "5-001"
    assert dialog.address.text() == "白沙村五组 1 号"
    assert dialog.phone.text() == "0731-84561111"
    assert dialog.note.text() == "独居"
    assert dialog.tag_boxes[0].isChecked()
    assert (row.name.text(), row.id_number.text(), row.phone.text()) == (
        "赵大山",
        WRONG_CHECK,
        "13812340000",
    )
    assert store.register.search_households("") == []


def test_every_wrong_field_is_marked_at_once(qtbot, store: Store) -> None:
    dialog = open_dialog(qtbot, store)
    type_text(qtbot, dialog.phone, "84561234")
    row = dialog.members.rows[0]
    type_text(qtbot, row.id_number, "430121")
    assert dialog.save() is False
    assert is_marked(dialog.number) and is_marked(dialog.phone)
    assert is_marked(row.name) and is_marked(row.id_number)
    assert "缺少区号" in dialog.messages.text() and "请填写户号" in dialog.messages.text()
    assert dialog.messages.text().startswith("还不能保存，请改正标红的 4 处")
    # fixing the fields and saving again clears the marks
    type_text(qtbot, dialog.number, "9-9")
    dialog.phone.setText("0731-84561234")
    type_text(qtbot, row.name, "钱多多")
    row.id_number.clear()
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.save() is True
    assert not is_marked(dialog.phone)


def test_errors_never_move_a_field_and_a_corrected_field_clears_at_once(
    qtbot, store: Store
) -> None:
    """Issue 12: the banner pushed 户号 down under the pointer; the red stayed until saved."""
    dialog = open_dialog(qtbot, store)
    dialog.resize(1024, 700)
    before = {w: w.mapTo(dialog, w.rect().topLeft()) for w in (dialog.number, dialog.phone)}
    type_text(qtbot, dialog.phone, "84561234")
    assert dialog.save() is False
    assert dialog.messages.isVisible()
    after = {w: w.mapTo(dialog, w.rect().topLeft()) for w in (dialog.number, dialog.phone)}
    assert after == before
    assert is_marked(dialog.phone) and is_marked(dialog.number)
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Backspace)
    assert not is_marked(dialog.phone)  # at once, not at the next save
    assert is_marked(dialog.number)  # untouched: still wrong


def test_full_width_digits_and_lower_case_x_are_normalised(qtbot, store: Store) -> None:
    dialog = open_dialog(qtbot, store)
    type_text(qtbot, dialog.number, "６-００１")
    row = dialog.members.rows[0]
    type_text(qtbot, row.name, "孙 悟空")
    type_text(qtbot, row.id_number, "１１０１０５１９４９１２３１００２ｘ")
    assert row.gender.text() == "女" and row.birth.text() == "1949-12-31"
    assert dialog.save() is True
    saved = store.register.household(dialog.saved_id or "")
    assert saved.number == "6-001"
    assert saved.members[0].id_number == "11010519491231002X"
    assert saved.members[0].name == "孙悟空"


def test_duplicate_id_names_the_existing_person_and_keeps_the_form(qtbot, store: Store) -> None:
    store.register.save_household(
        Household(number="1-001", members=[Person(name="张三丰", id_number=GOOD_ID)])
    )
    dialog = open_dialog(qtbot, store)
    fill_new(qtbot, dialog, GOOD_ID.lower())
    assert dialog.save() is False
    row = dialog.members.rows[0]
    assert "张三丰" in dialog.messages.text() and "1-001" in dialog.messages.text()
    assert is_marked(row.id_number) and "张三丰" in row.id_number.toolTip()
    assert row.id_number.text() == GOOD_ID.lower() and dialog.number.text() == "5-001"
    assert dialog.isVisible()


def test_duplicate_household_number_marks_the_number(qtbot, store: Store) -> None:
    store.register.save_household(Household(number="5-001", members=[Person(name="甲")]))
    dialog = open_dialog(qtbot, store)
    fill_new(qtbot, dialog, GOOD_ID)
    assert dialog.save() is False
    assert is_marked(dialog.number) and "已被使用" in dialog.messages.text()


def test_edit_remove_a_member_after_confirming(qtbot, store: Store, answers: list[str]) -> None:
    saved = store.register.save_household(
        Household(
            number="7-001",
            members=[
                Person(name="周一", id_number=GOOD_ID),
                Person(name="周二", relation="子女"),
            ],
        )
    )
    dialog = open_dialog(qtbot, store, saved.id)
    assert dialog.windowTitle() == "编辑户 7-001"
    assert [r.name.text() for r in dialog.members.rows] == ["周一", "周二"]
    assert dialog.members.rows[0].gender.text() == "男"
    qtbot.mouseClick(dialog.members.rows[1].remove, Qt.MouseButton.LeftButton)
    assert "周二" in answers[0]
    assert [r.name.text() for r in dialog.members.rows] == ["周一"]
    blank = dialog.members.add_member()
    qtbot.mouseClick(blank.remove, Qt.MouseButton.LeftButton)  # nothing typed: no question
    assert len(answers) == 1
    assert dialog.save() is True
    assert [p.name for p in store.register.household(saved.id or "").members] == ["周一"]


def test_closing_with_unsaved_changes_asks_first(qtbot, store: Store, answers: list[str]) -> None:
    dialog = open_dialog(qtbot, store)
    dialog.reject()  # nothing typed: closes without asking
    assert answers == [] and not dialog.isVisible()

    dialog = open_dialog(qtbot, store)
    type_text(qtbot, dialog.members.rows[0].name, "吴用")
    answers.append("no")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.members.rows[0].name.text() == "吴用"
    answers.clear()
    dialog.reject()
    assert answers and not dialog.isVisible()


def test_import_flags_are_shown_and_cleared_only_when_confirmed(qtbot, store: Store) -> None:
    saved = store.register.save_household(
        Household(number="F-1", members=[Person(name="张小明", flags=["未填身份证号（新生儿）"])])
    )
    dialog = open_dialog(qtbot, store, saved.id)
    assert not dialog.flags_box.isHidden()
    assert "张小明" in dialog.flags_label.text() and "未填身份证号" in dialog.flags_label.text()
    assert dialog.save()  # saving without the tick keeps the flag
    assert store.register.household(saved.id or "").members[0].flags == ["未填身份证号（新生儿）"]

    dialog = open_dialog(qtbot, store, saved.id)
    dialog.clear_flags.setChecked(True)
    assert dialog.save()
    assert store.register.household(saved.id or "").members[0].flags == []
    assert open_dialog(qtbot, store, saved.id).flags_box.isHidden()
