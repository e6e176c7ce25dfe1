import datetime as dt

import pytest

from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.core.ledger import ITEM_COLUMNS, LedgerFilter
from qunzhong_desktop.storage.ledger_repo import SqlLedger
from qunzhong_desktop.storage.store import Store
from tests.helpers.backends import Built, built_store, prebuilt
from tests.helpers.ledger_data import TODAY, Village, build

H = [c.header for c in ITEM_COLUMNS]


built = prebuilt(build)  # once per engine; each test on its own copy
store = built_store


@pytest.fixture
def village(built: Built[Village]) -> Village:
    return built.value


def rows(store: Store, f: LedgerFilter, chunk: int = 2000) -> list[dict[str, object]]:
    ledger = SqlLedger(store.db)
    return [dict(zip(H, r, strict=True)) for r in ledger.stream(f, today=TODAY, chunk=chunk)]


def test_stream_lists_every_item_in_order_with_its_events(store: Store, village: Village) -> None:
    found = rows(store, LedgerFilter())
    assert [r["序号"] for r in found] == [1, 2, 3, 4]
    first, second, third, fourth = found
    assert first["所属网格"] == "东片网格" and first["诉求人"] == "王大爷"
    assert first["办理情况"] == "已协助补缴 3 年"
    assert first["回访/满意度"] == "电话 / 满意"
    assert first["销号日期"] == "2026-03-06"
    assert second["责任人/单位"] == "李秀英 / 城建办" and second["所属网格"] == "西片网格"
    assert third["联系电话"] == "139****2222" and third["备注"] == "已超期"
    assert fourth["办理情况"] == "不予受理：不属于受理范围"


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_keyset_chunks_give_the_same_rows(store: Store, village: Village, chunk: int) -> None:
    assert rows(store, LedgerFilter(), chunk=chunk) == rows(store, LedgerFilter())


def test_filters(store: Store, village: Village) -> None:
    def numbers(f: LedgerFilter) -> int:
        assert SqlLedger(store.db).count(f) == len(SqlLedger(store.db).ids(f))
        return len(rows(store, f))

    assert numbers(LedgerFilter(date_from=dt.date(2026, 4, 1))) == 2
    assert numbers(LedgerFilter(date_to=dt.date(2026, 3, 31))) == 2
    assert numbers(LedgerFilter(date_from=dt.date(2026, 4, 1), date_to=dt.date(2026, 4, 1))) == 1
    assert numbers(LedgerFilter(states=(State.CLOSED, State.REJECTED))) == 2
    assert numbers(LedgerFilter(grid_id=village.grid_east)) == 1
    assert numbers(LedgerFilter(domain="基础设施")) == 1


def test_rows_for_ids_keep_order_and_numbering(store: Store, village: Village) -> None:
    ledger = SqlLedger(store.db)
    ids = ledger.ids(LedgerFilter())
    got = ledger.rows_for(list(reversed(ids[1:3])), first_seq=5, today=TODAY)
    assert [r[0] for r in got] == [5, 6]
    assert got[0][1] > got[1][1]  # the later item first, as asked
