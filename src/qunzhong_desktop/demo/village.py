"""Demo data: a reproducible village of households, grids and cadres for a newcomer to explore.

Everything is drawn from one :class:`random.Random` seeded by the caller, so the same seed,
station and reference date give the same village. Citizen ID numbers are valid (area code of
the station's county, real birth date, sex digit and check digit) and unique; ages follow the
relations (a 子女 is 20–38 years younger than the head, a 孙子女 younger still …).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Collection
from dataclasses import dataclass, field

from qunzhong_desktop.core.cadre_rules import role_of
from qunzhong_desktop.core.citizen_id import check_digit
from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person

DEFAULT_SEED = 20240501
DEFAULT_HOUSEHOLDS = 300
HOUSEHOLDS_PER_GRID = 30

# Surnames with rough weights (common ones first); 单 曾 解 覃 查 翟 read differently as
# surnames, and a few double surnames, so the pinyin search has something to chew on.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 70), ("李", 70), ("张", 65), ("刘", 55), ("陈", 50), ("杨", 40), ("黄", 35),
    ("赵", 30), ("吴", 28), ("周", 28), ("徐", 22), ("孙", 20), ("马", 18), ("朱", 18),
    ("胡", 17), ("郭", 16), ("何", 16), ("高", 15), ("林", 15), ("罗", 15), ("郑", 14),
    ("梁", 13), ("谢", 12), ("宋", 11), ("唐", 11), ("许", 10), ("韩", 10), ("冯", 10),
    ("邓", 10), ("曹", 9), ("彭", 9), ("曾", 9), ("肖", 9), ("田", 8), ("董", 8), ("袁", 8),
    ("潘", 7), ("蒋", 7), ("蔡", 7), ("余", 7), ("杜", 6), ("叶", 6), ("程", 6), ("苏", 6),
    ("魏", 6), ("吕", 6), ("丁", 6), ("任", 6), ("沈", 5), ("姚", 5), ("卢", 5), ("钟", 5),
    ("谭", 5), ("廖", 5), ("贺", 5), ("龙", 4), ("易", 4), ("雷", 4), ("毛", 4), ("龚", 4),
    ("向", 4), ("汤", 4), ("文", 4), ("邹", 4), ("单", 3), ("解", 3), ("覃", 3), ("查", 2),
    ("翟", 2), ("欧阳", 3), ("司马", 1), ("诸葛", 1), ("上官", 1), ("尉迟", 1),
)  # fmt: skip

# Given-name characters by sex and generation (born before 1970, 1970–1999, from 2000).
_GIVEN: dict[tuple[str, int], str] = {
    ("男", 0): "福贵根生德明国华建军春保金山林水忠发财富有荣长秋海清平",
    ("男", 1): "伟强军勇杰涛明超辉斌鹏波刚峰文磊亮兵东飞鑫建志龙江华",
    ("男", 2): "子轩浩然宇博睿泽俊宸皓梓豪晨阳铭一诺嘉辰航奕天霖",
    ("女", 0): "秀英桂兰凤芝玉梅翠花珍菊莲春香金娥淑琴素芳荣彩云",
    ("女", 1): "芳娟敏静丽艳霞玲燕萍红琴云婷雪慧丹倩莉娜晶颖洁",
    ("女", 2): "欣怡梓涵诗雨佳悦琳萱可馨若汐思彤语桐一诺雅婷沫",
}

_MOBILE_PREFIXES: tuple[str, ...] = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "173", "176", "177", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip

# (unit, category of cadre: core/cadre_rules.py)
_CADRE_UNITS: tuple[tuple[str, str], ...] = (
    ("镇党委", "乡主要领导"), ("镇政府", "乡驻村干部"), ("镇人大", "乡副科级以上领导"),
    ("镇民政办", "乡驻村干部"), ("镇社保所", "县、镇机关干部"), ("驻村工作队", "工作队员"),
    ("驻村工作队", "工作队员"), ("村两委", "村两委主要负责人"), ("村两委", "村两委其他干部"),
    ("村两委", "党员"), ("村两委", "联户党员"), ("县农业农村局", "工作队员"),
)  # fmt: skip

_DIGITS = "零一二三四五六七八九"

# Tags that belong to a household rather than to one person.
_HOUSEHOLD_TAGS = ("低保户", "防返贫监测户", "失地农民")


@dataclass(slots=True)
class DemoHousehold:
    """A generated household and where it belongs: indexes into the grids and cadres."""

    household: Household
    grid: int
    cadre: int | None = None


@dataclass(slots=True)
class DemoData:
    """A generated village: grids, cadres and households referring to them by index."""

    grids: list[Grid] = field(default_factory=list)
    cadres: list[Cadre] = field(default_factory=list)
    households: list[DemoHousehold] = field(default_factory=list)

    @property
    def persons(self) -> int:
        """How many persons the households hold."""
        return sum(len(h.household.members) for h in self.households)


def chinese_number(n: int) -> str:
    """A positive number below 10 000 in Chinese numerals: 3 → 三, 12 → 十二, 105 → 一百零五."""
    if not 0 < n < 10000:
        raise ValueError(f"number out of range: {n}")
    if n < 20 and n >= 10:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    parts: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(_DIGITS[digit] + unit)
            zero = False
        else:
            zero = True
    return "".join(parts)


def village_of(station_name: str) -> str:
    """The village part of a station name: 白沙村群众工作站 → 白沙村."""
    for suffix in ("群众工作站", "工作站"):
        if station_name.endswith(suffix) and len(station_name) > len(suffix):
            return station_name[: -len(suffix)]
    return station_name


class _Village:
    """The drawing state of one generation run."""

    def __init__(
        self, rng: random.Random, area: str, today: dt.date, avoid_ids: Collection[str]
    ) -> None:
        self.rng = rng
        self.area = area
        self.today = today
        self.used_ids: set[str] = set(avoid_ids)
        self.used_phones: set[str] = set()
        names, weights = zip(*_SURNAMES, strict=True)
        self.surnames: tuple[str, ...] = names
        self.weights: tuple[int, ...] = weights

    # names and numbers -----------------------------------------------------------------
    def surname(self) -> str:
        return self.rng.choices(self.surnames, self.weights)[0]

    def given(self, gender: str, birth_year: int) -> str:
        era = 0 if birth_year < 1970 else 1 if birth_year < 2000 else 2
        pool = _GIVEN[(gender, era)]
        size = 1 if self.rng.random() < 0.3 else 2
        return "".join(self.rng.choice(pool) for _ in range(size))

    def phone(self) -> str:
        while True:
            number = self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.used_phones:
                self.used_phones.add(number)
                return number

    def birth_date(self, age: int) -> dt.date:
        """A birth date for someone who is ``age`` full years old today."""
        latest = _years_before(self.today, age) - dt.timedelta(days=1 if age == 0 else 0)
        earliest = _years_before(self.today, age + 1) + dt.timedelta(days=1)
        span = (latest - earliest).days
        return earliest + dt.timedelta(days=self.rng.randint(0, max(span, 0)))

    def id_number(self, birth: dt.date, gender: str) -> str:
        while True:
            order = self.rng.randrange(100) * 10 + self.rng.randrange(5) * 2
            order += 1 if gender == "男" else 0
            first17 = f"{self.area}{birth:%Y%m%d}{order:03d}"
            number = first17 + check_digit(first17)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    # people ----------------------------------------------------------------------------
    def person(
        self,
        relation: str,
        gender: str,
        age: int,
        *,
        surname: str | None = None,
        newborn_without_id: bool = False,
    ) -> Person:
        age = max(0, min(age, 99))
        birth = self.birth_date(age)
        name = (surname or self.surname()) + self.given(gender, birth.year)
        has_id = not (age == 0 and newborn_without_id)
        return Person(
            name=name,
            relation=relation,
            id_number=self.id_number(birth, gender) if has_id else "",
            gender=gender,
            birth_date=birth,
            phone=self.phone() if 18 <= age <= 72 and self.rng.random() < 0.75 else "",
        )

    def sex(self) -> str:
        return self.rng.choice(("男", "女"))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def _younger(rng: random.Random, parent_age: int) -> int:
    """The age of a child of a parent that age: born when the parent was 22–36."""
    age = parent_age - rng.randint(22, 36)
    return age if age >= 0 else rng.randint(0, max(0, parent_age - 22))


def _other(gender: str) -> str:
    return "女" if gender == "男" else "男"


def _members(v: _Village) -> tuple[list[Person], str]:
    """The members of one household and its shape (``single``, ``left_behind`` …)."""
    rng = v.rng
    head_gender = "男" if rng.random() < 0.8 else "女"
    surname = v.surname()
    roll = rng.random()

    def head(age: int) -> Person:
        return v.person("户主", head_gender, age, surname=surname)

    def spouse(head_age: int) -> Person:
        return v.person("配偶", _other(head_gender), head_age + rng.randint(-5, 3))

    def child(parent_age: int, relation: str = "子女", *, no_id: bool = False) -> Person:
        gender = v.sex()
        # the child takes the father's surname; when the head is the mother, still often hers
        own = surname if head_gender == "男" or rng.random() < 0.5 else None
        return v.person(
            relation, gender, _younger(rng, parent_age), surname=own, newborn_without_id=no_id
        )

    if roll < 0.12:  # one person, often old
        age = rng.randint(65, 92) if rng.random() < 0.6 else rng.randint(30, 64)
        return [head(age)], "single"
    if roll < 0.27:  # an old couple whose children live elsewhere
        age = rng.randint(55, 85)
        return [head(age), spouse(age)], "couple"
    if roll < 0.60:  # parents and children
        age = rng.randint(26, 55)
        members = [head(age), spouse(age)]
        for _ in range(rng.choice((1, 1, 2, 2, 2, 3))):
            members.append(child(age, no_id=rng.random() < 0.7))
        return members, "nuclear"
    if roll < 0.75:  # grandparents raising grandchildren while the parents work away
        age = rng.randint(56, 78)
        members = [head(age), spouse(age)]
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            members.append(v.person("孙子女", v.sex(), rng.randint(1, 15), surname=surname))
        return members, "left_behind"
    if roll < 0.90:  # three generations: head, spouse, married son, his wife, grandchildren
        age = rng.randint(50, 72)
        members = [head(age), spouse(age)]
        son_age = max(20, age - rng.randint(22, 32))
        members.append(v.person("子女", "男", son_age, surname=surname))
        members.append(v.person("儿媳", "女", son_age + rng.randint(-4, 2)))
        for _ in range(rng.choice((0, 1, 1, 2))):
            grandchild = v.person(
                "孙子女",
                v.sex(),
                _younger(rng, son_age),
                surname=surname,
                newborn_without_id=rng.random() < 0.7,
            )
            members.append(grandchild)
        return members, "three_generations"
    # a younger head living with old parents (and maybe a child)
    age = rng.randint(30, 55)
    members = [head(age)]
    if rng.random() < 0.7:
        members.append(spouse(age))
    parent_age = min(age + rng.randint(22, 34), 95)
    members.append(v.person("父母", "男", parent_age, surname=surname))
    mother_age = max(age + 20, parent_age + rng.randint(-5, 2))
    members.append(v.person("父母", "女", mother_age))
    if rng.random() < 0.5:
        members.append(child(age, no_id=rng.random() < 0.7))
    return members, "with_parents"


def _tag(v: _Village, household: Household, shape: str) -> None:
    """Support tags on about 15% of households (on the household or a member)."""
    rng = v.rng
    ages = [_age(p, v.today) for p in household.members]
    if shape == "single" and ages[0] >= 65 and rng.random() < 0.4:
        household.members[0].tags.append("孤寡老人")
        if rng.random() < 0.4:
            household.members[0].tags.append("特困供养(五保)")
        return
    if shape == "left_behind" and rng.random() < 0.3:
        for person, age in zip(household.members, ages, strict=True):
            if person.relation == "孙子女" and age < 16:
                person.tags.append("留守儿童")
        return
    if rng.random() >= 0.07:
        return
    choice = rng.random()
    if choice < 0.45:
        household.tags.append(rng.choice(_HOUSEHOLD_TAGS))
        return
    adults = [p for p, a in zip(household.members, ages, strict=True) if a >= 18]
    person = rng.choice(adults or household.members)
    age = _age(person, v.today)
    options = ["残疾人", "重病患者"]
    if 18 <= age < 60:
        options.append("无固定职业")
    if 18 <= age < 50 and person.gender == "男":
        options.append("帮教对象")
    if age >= 40:
        options.append("困难党员")
    person.tags.append(rng.choice(options))
    if rng.random() < 0.3:
        household.tags.append("低保户")


def _age(person: Person, today: dt.date) -> int:
    birth = person.birth_date
    if birth is None:
        return 0
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def generate(
    station_code: str,
    village: str,
    *,
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    first_number: int = 1,
    avoid_ids: Collection[str] = (),
) -> DemoData:
    """Generate a village.

    Args:
        station_code: the station's 12-digit code; its first six digits (the county) are
            the area code of every ID number.
        village: the village name used in addresses, e.g. ``白沙村``.
        households: how many households.
        seed: the seed of the generator; the same arguments give the same village.
        today: the reference date for ages (default: today).
        first_number: the number of the first household (numbers are zero-padded, ``0001``).
        avoid_ids: ID numbers already in use, never handed out.

    Returns:
        Grids of about 30 households, 8–12 cadres each paired with 3–5 households (those
        with support tags first), and the households.
    """
    if households < 0:
        raise ValueError("households must not be negative")
    rng = random.Random(seed)
    v = _Village(rng, station_code[:6], today or dt.date.today(), avoid_ids)
    data = DemoData()
    grid_count = max(1, -(-households // HOUSEHOLDS_PER_GRID))
    for index in range(grid_count):
        leader = v.person("户主", "男" if rng.random() < 0.7 else "女", rng.randint(35, 60))
        data.grids.append(
            Grid(
                name=chinese_number(index + 1) + "组",
                leader_name=leader.name,
                leader_phone=v.phone(),
            )
        )
    for unit, category in rng.sample(_CADRE_UNITS, rng.randint(8, 12)):
        cadre = v.person("户主", "男" if rng.random() < 0.6 else "女", rng.randint(25, 55))
        data.cadres.append(
            Cadre(
                name=cadre.name, phone=v.phone(), unit=unit, role=role_of(category),
                category=category,
            )
        )  # fmt: skip
    width = max(4, len(str(first_number + households - 1)))
    house_numbers = [0] * grid_count
    for index in range(households):
        grid = min(index * grid_count // max(households, 1), grid_count - 1)
        house_numbers[grid] += 1
        members, shape = _members(v)
        head = members[0]
        household = Household(
            number=f"{first_number + index:0{width}d}",
            address=f"{village}{data.grids[grid].name} {house_numbers[grid]} 号",
            phone=head.phone if rng.random() < 0.6 else "",
            members=members,
        )
        _tag(v, household, shape)
        data.households.append(DemoHousehold(household=household, grid=grid))
    _one_extremely_poor(data, v.today)
    _pair(rng, data)
    return data


POOR_TAG = "特困供养(五保)"


def _one_extremely_poor(data: DemoData, today: dt.date) -> None:
    """At least one 特困 person, so the 特困 figures have someone to show.

    The oldest 孤寡老人, else the oldest person of the village, gets the tag.
    """
    people = [p for h in data.households for p in h.household.members]
    if (
        not people
        or any(POOR_TAG in p.tags for p in people)
        or any(POOR_TAG in h.household.tags for h in data.households)
    ):
        return
    lonely = [p for p in people if "孤寡老人" in p.tags]
    chosen = max(lonely or people, key=lambda p: _age(p, today))
    chosen.tags.append(POOR_TAG)


def _pair(rng: random.Random, data: DemoData) -> None:
    """Pair each cadre with 3–5 households, households in difficulty first."""
    in_need: list[DemoHousehold] = []
    others: list[DemoHousehold] = []
    for h in data.households:
        needy = h.household.tags or any(p.tags for p in h.household.members)
        (in_need if needy else others).append(h)
    rng.shuffle(in_need)
    rng.shuffle(others)
    queue = iter(in_need + others)
    for index in range(len(data.cadres)):
        for _ in range(rng.randint(3, 5)):
            chosen = next(queue, None)
            if chosen is None:
                return
            chosen.cadre = index
