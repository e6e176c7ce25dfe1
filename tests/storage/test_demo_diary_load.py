import datetime as dt

from qunzhong_desktop.demo.diary import generate_diaries
from qunzhong_desktop.demo.diary_load import load_diaries
from qunzhong_desktop.demo.load import load_demo
from qunzhong_desktop.demo.village import generate
from qunzhong_desktop.storage.store import Store

TODAY = dt.date(2026, 11, 20)


def test_demo_diaries_load_with_linked_items(store: Store) -> None:
    data = generate("430121101201", "白沙村", households=90, seed=5, today=TODAY)
    load_demo(store.db, data)
    diaries = generate_diaries(data, seed=5, today=TODAY)
    summary = load_diaries(store.db, diaries, data)
    assert summary.entries == len(diaries) and summary.items >= 1
    rows = store.diary.entries(month="2026-10")
    assert rows and sum(r.items for r in store.diary.entries()) == summary.items
    days = store.diary.days_by_cadre("2026-10")
    assert len(days) == len(data.cadres)
    assert any(d["village"] < 10 or d["duty"] < 2 for d in days.values())  # some fall short
    linked = next(r for r in store.diary.entries() if r.items)
    item = store.diary.items_of_entry(linked.id)[0]
    assert store.items.item(item.number).channel == "走访"
    again = load_diaries(store.db, diaries, data)  # loaded twice: the days are taken
    assert again.entries == 0 and again.items == 0
