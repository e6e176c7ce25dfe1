import dataclasses

import pytest

from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person
from qunzhong_desktop.core.errors import DuplicateError, NotFoundError
from qunzhong_desktop.core.register import HouseholdInvalid
from qunzhong_desktop.storage.store import Store


def _household(number: str, *people: Person, **kw: object) -> Household:
    return Household(number=number, members=list(people), **kw)  # type: ignore[arg-type]


def test_save_and_read_back_with_derived_fields(store: Store) -> None:
    saved = store.register.save_household(
        _household(
            "1-001",
            Person(
                name="张三丰",
                id_number="１１０１０５１９４９１２３１００２ｘ",
                phone="138 1234 5678",
            ),
            Person(name="张小宝", relation="子女"),
            address="白沙村一组 12 号",
        )
    )
    back = store.register.household(saved.id or "")
    head = back.head
    assert head is not None
    assert head.id_number == "11010519491231002X"
    assert head.gender == "女" and head.birth_date is not None and head.birth_date.year == 1949
    assert head.phone == "13812345678"
    assert [p.name for p in back.members] == ["张三丰", "张小宝"]


def test_same_id_number_twice_names_the_existing_person(store: Store) -> None:
    store.register.save_household(
        _household("001", Person(name="张三丰", id_number="11010519491231002X"))
    )
    with pytest.raises(DuplicateError) as info:
        store.register.save_household(
            _household("002", Person(name="张三", id_number="11010519491231002x"))
        )
    assert "张三丰" in info.value.message and "001" in info.value.message
    assert store.register.search_households("张三") == store.register.search_households("张三丰")


def test_invalid_household_lists_every_field(store: Store) -> None:
    with pytest.raises(HouseholdInvalid) as info:
        store.register.save_household(
            _household(
                "",
                Person(name="甲", id_number="110105194912310021"),
                Person(name="乙", relation="子女", phone="12345"),
            )
        )
    fields = {e.field for e in info.value.errors}
    assert fields == {"number", "members.0.id_number", "members.1.phone"}


def test_search_by_name_pinyin_initials_id_suffix_phone_and_number(store: Store) -> None:
    grid = store.register.save_grid(
        Grid(name="一组", leader_name="王网长", leader_phone="13900000001")
    )
    a = store.register.save_household(
        _household(
            "A-01",
            Person(name="张三丰", id_number="11010519491231002X", phone="13812345678"),
            grid_id=grid.id,
        )
    )
    b = store.register.save_household(
        _household("B-02", Person(name="单志生", tags=["低保户"]), tags=["防返贫监测户"])
    )
    search = store.register.search_households
    assert search("zsf") == [a.id]
    assert search("ZhangSanFeng") == [a.id]
    assert search("张三") == [a.id]
    assert search("002x") == [a.id]
    assert search("5678") == [a.id]
    assert search("b-02") == [b.id]
    assert search("szs") == [b.id]
    assert search("") == [a.id, b.id]
    assert search(grid_id=grid.id) == [a.id]
    assert search(tag="低保户") == [b.id]
    assert search(tag="防返贫监测户") == [b.id]
    assert search("%") == []


def test_removing_a_member_tombstones_it_and_frees_the_id(store: Store) -> None:
    saved = store.register.save_household(
        _household(
            "001",
            Person(name="甲"),
            Person(name="乙", relation="子女", id_number="11010519491231002X"),
        )
    )
    saved.members.pop()
    store.register.save_household(saved)
    assert [p.name for p in store.register.household(saved.id or "").members] == ["甲"]
    store.register.save_household(
        _household("002", Person(name="乙", id_number="11010519491231002X"))
    )


def test_rows_and_pairing(store: Store) -> None:
    cadre = store.register.save_cadre(Cadre(name="刘书记", phone="13700000000", unit="镇党委"))
    saved = store.register.save_household(_household("001", Person(name="甲", phone="13812345678")))
    store.register.pair(cadre.id, [saved.id or ""])
    (row,) = store.register.household_rows([saved.id or ""])
    assert row.cadre_name == "刘书记" and row.head_name == "甲" and row.members == 1
    assert row.phone == "13812345678"


def test_household_counts_by_grid_and_cadre_skip_deleted(store: Store) -> None:
    grid = store.register.save_grid(Grid(name="一组"))
    cadre = store.register.save_cadre(Cadre(name="刘书记"))
    ids = [
        store.register.save_household(
            _household(f"00{i}", Person(name=f"甲{i}"), grid_id=grid.id)
        ).id
        or ""
        for i in range(3)
    ]
    store.register.save_household(_household("009", Person(name="乙")))
    store.register.pair(cadre.id, ids[:2])
    store.register.delete_household(ids[0])
    assert store.register.household_counts_by_grid() == {grid.id: 2}
    assert store.register.household_counts_by_cadre() == {cadre.id: 1}


def test_a_deleted_household_frees_its_number_and_id_numbers(store: Store) -> None:
    first = store.register.save_household(
        _household("001", Person(name="张三丰", id_number="11010519491231002X"))
    )
    store.register.delete_household(first.id or "")
    again = store.register.save_household(
        _household("001", Person(name="张三丰", id_number="11010519491231002X"))
    )
    assert again.id != first.id
    assert store.register.search_households("zsf") == [again.id]
    with pytest.raises(DuplicateError):
        store.register.save_household(
            _household("002", Person(name="张", id_number="11010519491231002X"))
        )


def test_counts_and_the_flagged_filter(store: Store) -> None:
    store.register.save_household(
        _household(
            "001", Person(name="甲"), Person(name="乙", relation="子女", flags=["未填身份证号"])
        )
    )
    clean = store.register.save_household(_household("002", Person(name="丙")))
    assert store.register.count_persons() == 3
    assert store.register.count_flagged_persons() == 1
    flagged = store.register.search_households(flagged=True)
    assert len(flagged) == 1 and flagged[0] != clean.id
    assert store.register.search_households("丙", flagged=True) == []


def test_a_deleted_household_comes_back_from_the_recycle_bin(store: Store) -> None:
    saved = store.register.save_household(
        _household("0007", Person(name="王大爷", relation="户主", id_number="430121195001010017"),
                   Person(name="王小二", relation="子女"))
    )  # fmt: skip
    hid = saved.id or ""
    gone = saved.members[1]
    store.register.save_household(dataclasses.replace(saved, members=[saved.members[0]]))
    store.register.delete_household(hid)
    assert store.register.search_households() == []
    (binned,) = store.register.deleted_households()
    assert (binned.number, binned.head_name, binned.members) == ("0007", "王大爷", 1)
    store.register.restore_household(hid)
    assert store.register.search_households() == [hid]
    back = store.register.household(hid)
    assert [p.name for p in back.members] == ["王大爷"]  # removed before the delete: stays out
    assert gone.id not in [p.id for p in back.members]
    assert store.register.deleted_households() == []
    with pytest.raises(NotFoundError):
        store.register.restore_household(hid)


def test_restore_refuses_a_number_or_id_taken_meanwhile(store: Store) -> None:
    first = store.register.save_household(
        _household("0008", Person(name="李四", relation="户主", id_number="430121195001010017"))
    )
    store.register.delete_household(first.id or "")
    store.register.save_household(_household("0008", Person(name="李四新", relation="户主")))
    with pytest.raises(DuplicateError) as info:
        store.register.restore_household(first.id or "")
    assert "户号 0008" in info.value.message
    other = store.register.save_household(
        _household("0009", Person(name="赵五", relation="户主", id_number="430121195001010017"))
    )
    assert other.id
    store.register.delete_household(store.register.search_households("李四新")[0])
    with pytest.raises(DuplicateError) as info:
        store.register.restore_household(first.id or "")
    assert "赵五" in info.value.message
    assert [d.number for d in store.register.deleted_households()] == ["0008", "0008"]
