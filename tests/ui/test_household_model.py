from collections.abc import Sequence

from PySide6.QtCore import Qt

from qunzhong_desktop.core.entities import HouseholdRow
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.register.household_model import (
    COL_HEAD,
    COL_ID,
    COL_NUMBER,
    COL_PHONE,
    HouseholdTableModel,
)
from tests.helpers.register_data import seed
from tests.helpers.ui_built import built_store, built_value


class Spy:
    """Wraps household_rows and records each call's ids."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.calls: list[list[str]] = []

    def __call__(self, ids: Sequence[str]) -> list[HouseholdRow]:
        self.calls.append(list(ids))
        return self.store.register.household_rows(ids)


def _many(store: Store) -> list[str]:
    seed(store, 300)
    return store.register.search_households("")


# the 302 households written once per worker (tests/helpers/ui_built.py), copied per test
store = built_store(_many)
many = built_value(_many)


def test_model_passes_qtmodeltester(qtmodeltester, store: Store, many: list[str]) -> None:
    model = HouseholdTableModel(store.register.household_rows)
    model.set_ids(many)
    qtmodeltester.check(model, force_py=True)
    model.set_show_full(True)
    model.set_ids(many[:50])
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_in_blocks_not_at_construction(store: Store, many: list[str]) -> None:
    spy = Spy(store)
    model = HouseholdTableModel(spy)
    model.set_ids(many)
    assert model.rowCount() == len(many) == 302
    assert spy.calls == []  # nothing fetched until a row is shown

    assert model.data(model.index(0, COL_NUMBER)) == "1-001"
    assert model.data(model.index(99, COL_HEAD))
    assert [len(c) for c in spy.calls] == [model.BLOCK_SIZE]

    model.data(model.index(250, COL_HEAD))
    assert len(spy.calls) == 2 and spy.calls[1] == many[200:300]
    model.data(model.index(5, COL_HEAD))  # cached
    assert len(spy.calls) == 2

    model.refresh()
    model.data(model.index(5, COL_HEAD))
    assert len(spy.calls) == 3


def test_masked_unless_show_full(qtbot, store: Store, many: list[str]) -> None:
    model = HouseholdTableModel(store.register.household_rows)
    model.set_ids(many[:1])
    assert model.data(model.index(0, COL_ID)).startswith("4301**********")
    assert model.data(model.index(0, COL_PHONE)) == "0731-****1234"
    with qtbot.waitSignal(model.dataChanged):
        model.set_show_full(True)
    assert (
        model.data(model.index(0, COL_ID)) == store.register.household(many[0]).members[0].id_number
    )
    assert model.data(model.index(0, COL_PHONE)) == "0731-84561234"
    assert model.household_id(0) == many[0] and model.row_of(many[0]) == 0
    assert model.headerData(COL_ID, Qt.Orientation.Horizontal) == "身份证号"


def test_an_id_the_register_no_longer_knows_shows_as_deleted(store: Store, many: list[str]) -> None:
    model = HouseholdTableModel(store.register.household_rows)
    model.set_ids([many[0], "gone", many[2]])
    assert model.data(model.index(1, COL_HEAD)) == "（已删除）"
    assert model.data(model.index(1, COL_NUMBER)) == ""
