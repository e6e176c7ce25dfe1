import datetime as dt
from collections import Counter

import pytest

from qunzhong_desktop.core import citizen_id, phone
from qunzhong_desktop.core.entities import CADRE_ROLES, RELATIONS, SUPPORT_TAGS, Person
from qunzhong_desktop.core.register import normalise_household
from qunzhong_desktop.demo.village import (
    DemoData,
    DemoHousehold,
    chinese_number,
    generate,
    village_of,
)

TODAY = dt.date(2025, 6, 1)
CODE = "430121101201"


@pytest.fixture(scope="module")
def village() -> DemoData:
    return generate(CODE, "白沙村", households=300, seed=7, today=TODAY)


def _age(p: Person) -> int:
    assert p.birth_date is not None
    b = p.birth_date
    return TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day))


def test_counts_grids_and_cadres(village: DemoData) -> None:
    assert len(village.households) == 300
    assert [g.name for g in village.grids] == [f"{chinese_number(i)}组" for i in range(1, 11)]
    assert 8 <= len(village.cadres) <= 12
    per_grid = Counter(h.grid for h in village.households)
    assert set(per_grid) == set(range(10)) and set(per_grid.values()) == {30}
    assert all(g.leader_name and phone.is_valid(g.leader_phone) for g in village.grids)
    assert all(c.role in CADRE_ROLES and c.unit and phone.is_valid(c.phone) for c in village.cadres)
    sizes = Counter(len(h.household.members) for h in village.households)
    assert min(sizes) >= 1 and max(sizes) <= 6 and len(sizes) >= 5
    assert 2.5 < village.persons / 300 < 4.5
    numbers = [h.household.number for h in village.households]
    assert numbers[0] == "0001" and numbers[-1] == "0300" and len(set(numbers)) == 300


def test_every_id_is_valid_unique_and_matches_birth_and_gender(village: DemoData) -> None:
    seen: set[str] = set()
    without_id = 0
    for item in village.households:
        for p in item.household.members:
            if not p.id_number:
                without_id += 1
                assert _age(p) == 0, "only newborns lack an ID number"
                continue
            parsed = citizen_id.parse(p.id_number, today=TODAY)
            assert parsed.area == CODE[:6]
            assert parsed.birth_date == p.birth_date
            assert parsed.gender == p.gender
            assert p.id_number not in seen
            seen.add(p.id_number)
            if p.phone:
                assert phone.is_valid(p.phone) and _age(p) >= 18
    assert 1 <= without_id <= 30


def test_households_pass_the_register_rules(village: DemoData) -> None:
    for item in village.households:
        normalise_household(item.household)  # raises on any field error


def test_relations_and_ages_are_plausible(village: DemoData) -> None:
    for item in village.households:
        members = item.household.members
        head = members[0]
        assert head.relation == "户主"
        assert [p.relation for p in members].count("户主") == 1
        assert all(p.relation in RELATIONS for p in members)
        assert _age(head) >= 18
        for p in members[1:]:
            gap = _age(head) - _age(p)
            if p.relation == "配偶":
                assert abs(gap) <= 10 and p.gender != head.gender
            elif p.relation == "子女":
                assert gap >= 18
            elif p.relation == "孙子女":
                assert gap >= 36
            elif p.relation == "父母":
                assert gap <= -18
            elif p.relation == "儿媳":
                assert p.gender == "女"
    relations = Counter(p.relation for h in village.households for p in h.household.members)
    for relation in ("户主", "配偶", "子女", "父母", "孙子女", "儿媳"):
        assert relations[relation] > 0


def test_support_tags_are_sensible(village: DemoData) -> None:
    tagged = 0
    for item in village.households:
        h = item.household
        assert set(h.tags) <= set(SUPPORT_TAGS)
        if h.tags or any(p.tags for p in h.members):
            tagged += 1
        for p in h.members:
            assert set(p.tags) <= set(SUPPORT_TAGS)
            if "留守儿童" in p.tags:
                assert _age(p) < 16
            if "孤寡老人" in p.tags:
                assert len(h.members) == 1 and _age(p) >= 65
    assert 0.08 * 300 <= tagged <= 0.25 * 300


def test_cadres_are_paired_with_three_to_five_households_in_need_first(
    village: DemoData,
) -> None:
    pairs = Counter(h.cadre for h in village.households if h.cadre is not None)
    assert set(pairs) == set(range(len(village.cadres)))
    assert all(3 <= n <= 5 for n in pairs.values())

    def needy(item: DemoHousehold) -> bool:
        h = item.household
        return bool(h.tags or any(p.tags for p in h.members))

    paired = [h for h in village.households if h.cadre is not None]
    if not all(needy(h) for h in paired):  # others only once every household in need is paired
        assert all(h.cadre is not None for h in village.households if needy(h))
    assert sum(needy(h) for h in paired) >= 20


def test_addresses_name_village_grid_and_house(village: DemoData) -> None:
    first = village.households[0].household
    assert first.address == "白沙村一组 1 号"
    last = village.households[-1].household
    assert last.address == "白沙村十组 30 号"


def test_surnames_include_polyphonic_and_double_ones() -> None:
    big = generate(CODE, "白沙村", households=2000, seed=3, today=TODAY)
    names = {p.name for h in big.households for p in h.household.members}
    for surname in ("单", "曾", "解", "欧阳"):
        assert any(n.startswith(surname) for n in names), surname


def test_same_seed_same_village_other_seed_other_village() -> None:
    def snapshot(seed: int) -> list[tuple[str, str, str, str]]:
        data = generate(CODE, "白沙村", households=40, seed=seed, today=TODAY)
        return [
            (h.household.number, p.name, p.id_number, p.phone)
            for h in data.households
            for p in h.household.members
        ]

    assert snapshot(1) == snapshot(1)
    assert snapshot(1) != snapshot(2)


def test_first_number_and_avoided_ids() -> None:
    first = generate(CODE, "白沙村", households=20, seed=1, today=TODAY)
    ids = {p.id_number for h in first.households for p in h.household.members if p.id_number}
    again = generate(
        CODE, "白沙村", households=20, seed=1, today=TODAY, first_number=21, avoid_ids=ids
    )
    assert again.households[0].household.number == "0021"
    assert not ids & {p.id_number for h in again.households for p in h.household.members}


def test_chinese_numbers_and_village_names() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23, 100, 101, 110, 1000, 1005)] == [
        "一", "十", "十一", "二十", "二十三", "一百", "一百零一", "一百一十", "一千", "一千零五",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        chinese_number(0)
    assert village_of("白沙村群众工作站") == "白沙村"
    assert village_of("东风社区群众工作站") == "东风社区"
    assert village_of("白沙村") == "白沙村"
