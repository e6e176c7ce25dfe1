"""The register's search boxes stop early (storage/register_search.py): at most N persons or
households, taken from the index without sorting every match, and ``more`` when there were
more than N — on SQLite and on PostgreSQL. Which rows match stays the search's rule."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.entities import Grid, Household, Person
from qunzhong_desktop.core.sorting import Sort, natural_key
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.search_index import persons_matching
from qunzhong_desktop.storage.store import Store

#: 24 households: 张 in each, 秀英 in three, a grid for the even ones, tags on some
COUNT = 24


@pytest.fixture
def many(store: Store) -> Store:
    register = store.register
    grid = register.save_grid(Grid(name="一组"))
    for i in range(1, COUNT + 1):
        members = [Person(name=f"张{'秀英' if i % 8 == 0 else '伟'}{i}", phone=f"1391234{i:04d}")]
        if i % 3 == 0:
            members.append(Person(name=f"李{i}", relation="子女"))
        register.save_household(
            Household(
                number=f"{i}-001",
                grid_id=grid.id if i % 2 == 0 else None,
                tags=["低保户"] if i % 5 == 0 else [],
                members=members,
            )
        )
    # a live person in a household tombstoned on its own (as an import may leave it)
    gone = register.save_household(Household(number="99-001", members=[Person(name="张离")]))
    with write_paths.scope("test setup"), store.db.writing() as s:
        row = s.get(m.Household, gone.id)
        assert row is not None
        row.deleted_at = m.utcnow()
    return store


def _matching_persons(store: Store, query: str) -> set[str]:
    stmt = persons_matching(store.db.dialect, query)
    assert stmt is not None
    sub = stmt.subquery()
    with store.db.session() as s:
        return set(
            s.scalars(
                select(sub.c.id)
                .join(m.Household, m.Household.id == sub.c.household_id)
                .where(m.Household.deleted_at.is_(None))
            )
        )


NEEDLES = ("张", "z", "zw", "秀英", "xy", "1391234", "0016", "李", "l", "12-0", "无此人", "离", "%")


def test_all_found_below_the_limit_are_the_search_s_matches(many: Store) -> None:
    register = many.register
    for query in NEEDLES:
        expected = _matching_persons(many, query)
        found = register.find_persons(query, limit=1000)
        assert {h.id for h in found.hits} == expected and not found.more, query
        numbers = [natural_key(h.household_number) for h in found.hits]
        assert numbers == sorted(numbers), query  # 户号 in natural order
        households = register.find_households(query, limit=1000)
        assert households.ids == register.search_households(query), query  # same, same order
        assert not households.more
    assert register.find_persons("离").hits == []  # its household is gone


def test_more_than_the_limit_says_so_and_keeps_to_matches(many: Store) -> None:
    register = many.register
    expected = _matching_persons(many, "张")
    assert len(expected) == COUNT
    for limit in (0, 1, 5, COUNT - 1):
        found = register.find_persons("张", limit=limit)
        assert len(found.hits) == limit and found.more, limit
        assert {h.id for h in found.hits} <= expected
        numbers = [natural_key(h.household_number) for h in found.hits]
        assert numbers == sorted(numbers)
    exact = register.find_persons("张", limit=COUNT)
    assert len(exact.hits) == COUNT and not exact.more  # exactly N is not "more"
    assert register.search_persons("张", limit=3) == register.find_persons("张", limit=3).hits
    every = register.search_households("张")
    for limit in (1, 7, COUNT - 1):
        households = register.find_households("张", limit=limit)
        assert len(households.ids) == limit and households.more
        assert set(households.ids) <= set(every)
        assert households.ids == [i for i in every if i in set(households.ids)]  # in the sort
    assert register.find_households("张", limit=COUNT).more is False
    assert register.find_persons("  ").hits == [] and not register.find_persons("").more


def test_the_page_s_filters_and_sorts_hold_with_a_query(many: Store) -> None:
    register = many.register
    grid = register.grids()[0]
    cases = [
        {"grid_id": grid.id},
        {"tag": "低保户"},
        {"grid_id": grid.id, "tag": "低保户"},
        *[
            {"sort": Sort(key, descending=descending)}
            for key in ("number", "head", "members", "phone", "grid", "cadre", "address")
            for descending in (False, True)
        ],
    ]
    for kwargs in cases:
        for query in ("张", "李", "xy", "无此人"):
            full = register.search_households(query, **kwargs)  # type: ignore[arg-type]
            found = register.find_households(query, limit=1000, **kwargs)  # type: ignore[arg-type]
            assert found.ids == full and not found.more, (query, kwargs)
            few = register.find_households(query, limit=2, **kwargs)  # type: ignore[arg-type]
            assert few.more == (len(full) > 2) and set(few.ids) <= set(full)
    # without a query: every household, as search_households
    assert register.find_households("", grid_id=grid.id).ids == register.search_households(
        "", grid_id=grid.id
    )


def test_households_of_many_members_each_are_all_found(store: Store) -> None:
    # five members of each household hold the needle: the persons first taken from the
    # stream give too few households, and it is read again for as many as the rate asks
    register = store.register
    for i in range(1, 13):
        members = [
            Person(name=f"王{i}{j}", relation="户主" if j == 0 else "子女") for j in range(5)
        ]
        register.save_household(Household(number=f"{i}-001", members=members))
    every = register.search_households("王")
    assert len(every) == 12
    for limit in (1, 6, 10, 11):
        found = register.find_households("王", limit=limit)
        assert len(found.ids) == limit and found.more, limit
        assert found.ids == [i for i in every if i in set(found.ids)]  # in the sort
    for limit in (12, 100):
        found = register.find_households("王", limit=limit)
        assert found.ids == every and not found.more, limit
    hits = register.find_persons("王", limit=59)
    assert len(hits.hits) == 59 and hits.more
    assert not register.find_persons("王", limit=60).more


@pytest.mark.pg
@pytest.mark.parametrize("store", ["postgresql"], indirect=True)
def test_searches_are_planned_for_their_needle_on_a_server(many: Store) -> None:
    # psycopg prepares a statement on its fifth run, and the server then plans it once for
    # every needle (a generic plan): the search boxes' statements are never prepared
    register = many.register
    for query in ("张", "zw", "1391234", "秀英", "无此人", "张", "zw", "xy") * 2:
        register.find_persons(query)
        register.find_households(query)
    with many.db.engine.connect() as conn:
        prepared = conn.exec_driver_sql(
            "SELECT count(*) FROM pg_prepared_statements WHERE strpos(statement, 'search_text LIKE') > 0"
        ).scalar()
    assert prepared == 0
