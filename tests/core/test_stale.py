from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.register_merge import merge_household
from qunzhong_desktop.core.stale import MINE, THEIRS, merge_fields

LABELS = {"phone": "电话", "address": "地址", "note": "备注"}


def test_fields_changed_on_one_side_merge_and_both_sides_clash() -> None:
    base = {"phone": "1", "address": "a", "note": "n"}
    mine = {"phone": "1", "address": "b", "note": "x"}  # the form changed address and note
    theirs = {"phone": "2", "address": "a", "note": "y"}  # someone changed phone and note
    merged, clashes = merge_fields(base, mine, theirs, labels=LABELS)
    assert merged["phone"] == "2" and merged["address"] == "b"  # neither lost
    assert [(c.key, c.label, c.mine, c.theirs) for c in clashes] == [("note", "备注", "x", "y")]
    assert merge_fields(base, mine, theirs, labels=LABELS, keep={"note": MINE})[0]["note"] == "x"
    assert merge_fields(base, mine, theirs, labels=LABELS, keep={"note": THEIRS})[0]["note"] == "y"
    # the same change on both sides is no clash
    assert merge_fields(base, theirs, theirs, labels=LABELS) == (theirs, [])


def _family() -> Household:
    return Household(
        id="h", number="001", phone="0731-1",
        members=[Person(id="p1", name="张三", phone="13800000001"),
                 Person(id="p2", name="李四", relation="配偶")],
    )  # fmt: skip


def test_members_added_removed_and_edited_on_both_sides() -> None:
    base = _family()
    mine = _family()
    mine.members[0].phone = "13900000009"  # the clerk edits 张三
    mine.members.append(Person(name="张小", relation="子女"))  # and adds a child
    theirs = _family()
    theirs.phone = "0731-2"  # someone changed the household phone
    del theirs.members[1]  # removed 李四
    theirs.members.append(Person(id="p3", name="王五", relation="父母"))  # added 王五
    merged, clashes = merge_household(base, mine, theirs)
    assert not clashes
    assert merged.phone == "0731-2"
    assert [p.name for p in merged.members] == ["张三", "张小", "王五"]
    assert merged.members[0].phone == "13900000009"


def test_a_member_edited_here_and_removed_there_is_the_clerks_choice() -> None:
    base, mine, theirs = _family(), _family(), _family()
    mine.members[1].phone = "13700000000"
    del theirs.members[1]
    _, clashes = merge_household(base, mine, theirs)
    assert [c.key for c in clashes] == ["p2.在本户"] and clashes[0].theirs == "已从本户移除"
    back, _ = merge_household(base, mine, theirs, keep={"p2.在本户": MINE})
    assert [(p.name, p.id) for p in back.members] == [("张三", "p1"), ("李四", None)]
    gone, _ = merge_household(base, mine, theirs, keep={"p2.在本户": THEIRS})
    assert [p.name for p in gone.members] == ["张三"]


def test_a_member_removed_here_and_edited_there_is_the_clerks_choice() -> None:
    base, mine, theirs = _family(), _family(), _family()
    del mine.members[1]
    theirs.members[1].phone = "13600000000"
    _, clashes = merge_household(base, mine, theirs)
    assert [(c.key, c.mine) for c in clashes] == [("p2.在本户", "已从本户移除")]
    kept, _ = merge_household(base, mine, theirs, keep={"p2.在本户": THEIRS})
    assert [p.phone for p in kept.members if p.name == "李四"] == ["13600000000"]
    # removed here, untouched there: simply removed
    untouched = _family()
    assert [p.name for p in merge_household(base, mine, untouched)[0].members] == ["张三"]
