"""Search keys for Chinese names: full pinyin and initials, surnames read as surnames.

``zsf`` and ``zhangsanfeng`` both find 张三丰. A surname whose character has several readings
(单 shan, 曾 zeng, 解 xie …) is keyed with its surname reading *and* its other readings, so a
clerk who types the everyday reading still finds the person.
"""

from __future__ import annotations

from functools import lru_cache

# pypinyin loads its dictionaries (~0.25 s) on import: it is imported where keys are first
# computed, not when the window starts.

# How a character or pair reads as a surname, where that differs from pypinyin's default.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou",
    "查": "zha", "盖": "ge", "覃": "qin", "翟": "zhai", "乐": "yue", "缪": "miao",
    "召": "shao", "繁": "po", "折": "she", "员": "yun", "尉": "yu", "种": "chong",
    "秘": "bi", "华": "hua", "任": "ren", "过": "guo", "宓": "fu", "冼": "xian",
    "逄": "pang", "句": "gou", "阚": "kan", "藏": "zang", "沈": "shen", "柏": "bai",
    "重": "chong", "长": "chang", "都": "du", "贾": "jia", "薄": "bo", "隗": "wei",
}  # fmt: skip

# Double surnames with a reading of their own, syllable by syllable.
DOUBLE_SURNAMES: dict[str, tuple[str, str]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"), "澹台": ("tan", "tai"),
}  # fmt: skip

_MAX_VARIANTS = 8


def _surname_options(name: str) -> tuple[list[list[str]], str]:
    """Syllable lists the surname may read as, and the given name after it."""
    if name[:2] in DOUBLE_SURNAMES:
        return [list(DOUBLE_SURNAMES[name[:2]])], name[2:]
    return [[r] for r in _surname_readings(name[:1])], name[1:]


@lru_cache(maxsize=4096)
def _surname_readings(surname: str) -> tuple[str, ...]:
    """The surname reading first, then the character's other readings.

    A few hundred surnames cover nearly everyone, so this runs once per surname.
    """
    from pypinyin import Style, pinyin

    readings: list[str] = []
    if surname in SURNAME_READINGS:
        readings.append(SURNAME_READINGS[surname])
    readings.extend(pinyin(surname, style=Style.NORMAL, heteronym=True)[0])
    return tuple(r for r in dict.fromkeys(readings) if r)[:_MAX_VARIANTS]


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """All pinyin keys of a name: full spellings then initials, lower case, no spaces.

    Args:
        name: a Chinese (or any) name; non-Chinese characters are kept as they are.
    """
    name = "".join(name.split())
    if not name:
        return ()
    surname_options, given = _surname_options(name)
    from pypinyin import lazy_pinyin

    given_syllables = lazy_pinyin(given) if given else []
    fulls: list[str] = []
    initials: list[str] = []
    for surname_syllables in surname_options:
        syllables = surname_syllables + given_syllables
        fulls.append("".join(syllables).lower())
        initials.append("".join(s[0] for s in syllables if s).lower())
    return tuple(dict.fromkeys(fulls + initials))


def search_text(*parts: str | None, names: tuple[str, ...] = ()) -> str:
    """One lower-case haystack for substring search: the parts, then each name's keys."""
    keys: list[str] = [p.lower() for p in parts if p]
    for name in names:
        keys.extend(name_keys(name))
    return " ".join(keys)
