import datetime as dt

from sqlalchemy import event, select

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.store import Store
from tests.helpers.cards_data import populate


def test_cards_of_all_households_sorted_with_head_grid_and_cadre(store: Store) -> None:
    populate(store, 5)
    cards = SqlCards(store.db).cards(issued_on=dt.date(2025, 6, 1))
    assert [c.household_number for c in cards] == ["1-001", "1-004", "2-002", "2-005", "3-003"]
    first = cards[0]
    assert first.head_name == "张00"  # the 户主, not the first member
    assert first.card_number == "430121101201-1-001"
    assert (first.grid_name, first.grid_leader_phone) == ("第1网格", "13812345671")
    assert (first.cadre_name, first.cadre_unit) == ("李四", "民政办")
    assert cards[2].cadre_name == ""  # household 2 is not paired
    assert first.station_name == "白沙村群众工作站" and first.issued_on == dt.date(2025, 6, 1)


def test_given_ids_unknown_and_deleted_left_out(store: Store) -> None:
    ids = populate(store, 4)
    store.register.delete_household(ids[1])
    cards = SqlCards(store.db).cards([ids[3], ids[1], "nope", ids[0], ids[0]])
    assert [c.household_id for c in cards] == [ids[0], ids[3]]


def test_stale_after_grid_leader_phone_changes(store: Store) -> None:
    ids = populate(store, 6)
    repo = SqlCards(store.db)
    assert repo.counts().never_printed == 6
    assert len(repo.cards(stale_only=True)) == 6
    assert repo.record_issues(repo.cards()) == 6
    counts = repo.counts()
    assert (counts.total, counts.stale) == (6, 0)
    assert repo.cards(stale_only=True) == []

    grid = next(g for g in store.register.grids() if g.name == "第2网格")
    grid.leader_phone = "13700000000"
    store.register.save_grid(grid)
    stale = repo.cards(stale_only=True)
    assert [c.household_id for c in stale] == [ids[1], ids[4]]  # the two in 第2网格
    assert stale[0].grid_leader_phone == "13700000000"
    counts = repo.counts()
    assert (counts.never_printed, counts.out_of_date) == (0, 2)
    assert repo.counts([ids[0], ids[1]]).stale == 1

    repo.record_issues(stale)
    assert repo.counts().stale == 0


def test_changes_that_are_not_printed_do_not_make_a_card_stale(store: Store) -> None:
    ids = populate(store, 2)
    repo = SqlCards(store.db)
    repo.record_issues(repo.cards())
    household = store.register.household(ids[0])
    household.note = "门前有狗"
    household.members[0].phone = "13655556666"  # not the head, not printed
    store.register.save_household(household)
    assert repo.counts().stale == 0
    household.members[1].name = "张新名"  # the head's name is printed
    store.register.save_household(household)
    assert [c.household_id for c in repo.cards(stale_only=True)] == [ids[0]]


def test_station_change_makes_every_card_stale(store: Store) -> None:
    populate(store, 3)
    repo = SqlCards(store.db)
    repo.record_issues(repo.cards())
    profile = store.register.station()
    assert profile is not None
    profile.supervision_phone = "0731-99999999"
    store.register.save_station(profile)
    assert repo.counts().out_of_date == 3


def test_issues_are_recorded_in_the_outbox(store: Store) -> None:
    populate(store, 2)
    repo = SqlCards(store.db)
    cards = repo.cards(issued_on=dt.date(2025, 6, 1))
    repo.record_issues(cards)
    with store.db.session() as s:
        issues = s.scalars(select(m.CardIssue)).all()
        assert {i.card_number for i in issues} == {c.card_number for c in cards}
        assert {i.fingerprint for i in issues} == {c.fingerprint for c in cards}
        outbox = s.scalars(select(m.SyncChange).where(m.SyncChange.table_name == "card_issue"))
        changes = outbox.all()
    assert len(changes) == 2 and all(c.op == "insert" for c in changes)
    assert changes[0].fields["issued_on"] == "2025-06-01"


def test_last_issue_wins(store: Store) -> None:
    ids = populate(store, 1)
    repo = SqlCards(store.db)
    old = repo.cards(issued_on=dt.date(2024, 1, 1))[0]
    grid = store.register.grids()[0]
    grid.leader_name = "新网长"
    store.register.save_grid(grid)
    repo.record_issues(repo.cards(issued_on=dt.date(2025, 1, 1)))
    repo.record_issues([old])  # an older card recorded later does not count as the last
    status = repo.statuses([ids[0]])[0]
    assert status.last_issued_on == dt.date(2025, 1, 1) and not status.stale


def test_query_count_does_not_grow_with_households(store: Store) -> None:
    def statements(ids: list[str] | None) -> int:
        seen: list[str] = []

        def count(*args: object) -> None:
            seen.append(str(args[2]))

        event.listen(store.db.engine, "before_cursor_execute", count)
        try:
            SqlCards(store.db).cards(ids)
        finally:
            event.remove(store.db.engine, "before_cursor_execute", count)
        return len(seen)

    ids = populate(store, 12)
    assert statements(None) == statements(ids[:2]) == statements(ids) <= 5
