"""The three-way merge of a household form with what is stored now (:mod:`.stale`).

A household is its own fields plus its members. Members are matched by id: a member the
other side added stays, one it removed stays removed unless the clerk edited it, one the
clerk removed goes unless the other side edited it — those two cases, like a field both
changed, are clashes the clerk decides.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from qunzhong_desktop.core.entities import Household, Person
from qunzhong_desktop.core.stale import MINE, THEIRS, Clash, Describe, merge_fields, plain_text

HOUSEHOLD_LABELS = {
    "number": "户号", "address": "地址", "grid_id": "网格", "phone": "户电话",
    "cadre_id": "结对干部", "tags": "户帮扶标签", "note": "户备注",
}  # fmt: skip
PERSON_LABELS = {
    "name": "姓名", "relation": "与户主关系", "id_number": "身份证号", "gender": "性别",
    "birth_date": "出生日期", "phone": "电话", "tags": "帮扶标签", "note": "备注",
    "flags": "需核对标记",
}  # fmt: skip
_PRESENT = "在本户"


def _fields(record: Any, names: Mapping[str, str]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


def merge_household(
    base: Household,
    mine: Household,
    theirs: Household,
    *,
    keep: Mapping[str, str] | None = None,
    describe: Describe = plain_text,
) -> tuple[Household, list[Clash]]:
    """Merge a household form (``mine``, opened as ``base``) with the stored ``theirs``.

    Returns:
        The household to store (members in the form's order, the other side's new members
        after them), and the clashes still undecided.
    """
    keep = keep or {}
    values, clashes = merge_fields(
        _fields(base, HOUSEHOLD_LABELS),
        _fields(mine, HOUSEHOLD_LABELS),
        _fields(theirs, HOUSEHOLD_LABELS),
        labels=HOUSEHOLD_LABELS,
        keep=keep,
        describe=describe,
    )
    old = {p.id: p for p in base.members if p.id}
    now = {p.id: p for p in theirs.members if p.id}
    members: list[Person] = []
    for person in mine.members:
        if person.id is None:
            members.append(person)  # new in the form
            continue
        before, stored = old.get(person.id), now.get(person.id)
        edited = before is None or _fields(person, PERSON_LABELS) != _fields(before, PERSON_LABELS)
        if stored is None:  # removed by the other side
            if edited and _decide(keep, clashes, person, "removed", describe) == MINE:
                members.append(dataclasses.replace(person, id=None))  # back, as a new row
            continue
        merged, more = merge_fields(
            _fields(before or stored, PERSON_LABELS),
            _fields(person, PERSON_LABELS),
            _fields(stored, PERSON_LABELS),
            labels=PERSON_LABELS,
            keep=keep,
            describe=describe,
            prefix=f"{person.id}.",
            label_prefix=f"{person.name}的",
        )
        clashes.extend(more)
        members.append(dataclasses.replace(person, **merged))
    kept = {p.id for p in mine.members if p.id}
    for pid, stored in now.items():
        if pid in kept:
            continue
        before = old.get(pid)
        if before is None:
            members.append(stored)  # added by the other side
        elif _fields(stored, PERSON_LABELS) != _fields(before, PERSON_LABELS) and (
            _decide(keep, clashes, stored, "kept", describe) == THEIRS
        ):
            members.append(stored)  # removed in the form, edited by the other side
    result = dataclasses.replace(mine, **values, members=members)
    return result, clashes


def _decide(
    keep: Mapping[str, str], clashes: list[Clash], person: Person, case: str, describe: Describe
) -> str | None:
    """The clerk's choice on a member one side removed and the other edited (None: ask)."""
    key = f"{person.id}.{_PRESENT}"
    choice = keep.get(key)
    if choice is None:
        summary = f"{person.name}（{describe('relation', person.relation)}）"
        removed = "已从本户移除"
        mine, theirs = (summary, removed) if case == "removed" else (removed, summary)
        clashes.append(Clash(key, f"{person.name}是否{_PRESENT}", mine, theirs))
    return choice
