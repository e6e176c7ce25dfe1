from qunzhong_desktop.core.citizen_id import check_digit
from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.storage.store import Store

ZHANG_ID = "43012119491231002" + check_digit("43012119491231002")


def _seed(store: Store) -> None:
    store.register.save_household(
        Household(
            number="1-001",
            phone="0731-84561234",
            members=[
                Person(name="张三丰", id_number=ZHANG_ID, phone="13812345678"),
                Person(name="张小宝", relation="子女"),
            ],
        )
    )
    store.register.save_household(
        Household(number="2-001", members=[Person(name="单志生", phone="13912345678")])
    )


def test_finds_persons_by_initials_name_id_and_phone(store: Store) -> None:
    _seed(store)
    for query in ("zsf", "张三丰", ZHANG_ID[-6:], "13812345678", "zhangsanfeng"):
        hits = store.register.search_persons(query)
        assert [h.name for h in hits] == ["张三丰"], query
    hit = store.register.search_persons("zsf")[0]
    assert hit.id_masked == "4301**********" + ZHANG_ID[-4:]
    assert hit.phone == "13812345678"
    assert hit.household_number == "1-001"
    assert hit.id and hit.household_id


def test_household_phone_stands_in_and_limit_and_empty(store: Store) -> None:
    _seed(store)
    baby = store.register.search_persons("张小宝")[0]
    assert baby.phone == "0731-84561234"
    assert [h.name for h in store.register.search_persons("1-001")] == ["张三丰", "张小宝"]
    assert len(store.register.search_persons("1-001", limit=1)) == 1
    assert store.register.search_persons("  ") == []
    assert store.register.search_persons("%") == []


def test_deleted_households_are_not_found(store: Store) -> None:
    _seed(store)
    hid = store.register.search_persons("szs")[0].household_id
    store.register.delete_household(hid)
    assert store.register.search_persons("szs") == []
