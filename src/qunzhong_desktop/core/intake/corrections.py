"""Correcting a saved item (更正): what may be corrected, what a correction records.

A clerk who finds a typo in a saved item — its content, its requester, its category (诉求类别)
or its grade — corrects it in place; the item's number, channel, type and steps never change
(a wrong type is withdrawn and registered again). Every correction keeps an entry in the
item's history: who, when, why, and each field's old and new value. The entry syncs with the
item, so the township sees what changed and when.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from qunzhong_desktop.core import limits, phone
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.rules import GRADES, check_new_item
from qunzhong_desktop.core.text import clean, compact

#: The fields a correction may change, in the order a history entry lists them.
FIELDS: dict[str, str] = {
    "requester_name": "诉求人",
    "requester_phone": "联系电话",
    "domain": "诉求类别",
    "grade": "等级",
    "content": "诉求内容",
}
#: The link to the register follows the requester; recorded, never shown.
LINK_FIELD = "requester_person_id"
#: The longest reason (更正原因) kept.
REASON_LIMIT = 200


@dataclass(slots=True)
class ItemFix:
    """What an item should say after the correction (every field, changed or not)."""

    requester_name: str
    requester_phone: str
    requester_person_id: str | None
    domain: str
    grade: str
    content: str


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction in an item's history.

    Attributes:
        changes: field → (old, new), the fields of :data:`FIELDS` and :data:`LINK_FIELD`.
    """

    at: dt.datetime
    actor: str
    reason: str
    changes: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


def prepare(fix: ItemFix, *, channel: str, item_type: str, domains: Sequence[str]) -> ItemFix:
    """The fix cleaned and checked as the intake form checks a new item.

    Raises:
        ValidationError: a field is wrong (``field`` in its data: requester, phone, domain,
            grade, content).
    """
    cleaned = ItemFix(
        requester_name=compact(fix.requester_name),
        requester_phone=compact(fix.requester_phone),
        requester_person_id=fix.requester_person_id or None,
        domain=fix.domain,
        grade=fix.grade,
        content=clean(fix.content),
    )
    check_new_item(
        channel=channel,
        domain=cleaned.domain,
        grade=cleaned.grade,
        item_type=item_type,
        content=cleaned.content,
        requester_name=cleaned.requester_name,
        domains=domains,
    )
    if cleaned.requester_phone:
        try:
            cleaned.requester_phone = phone.normalise(cleaned.requester_phone)
        except ValidationError as exc:
            raise ValidationError(exc.message, code=exc.code, field="phone") from exc
    return cleaned


def changes_between(
    current: Mapping[str, str | None], fix: ItemFix
) -> dict[str, tuple[str | None, str | None]]:
    """Field → (old, new) of what ``fix`` changes in ``current``.

    Raises:
        ValidationError: ``correction.nothing``: the fix changes nothing.
    """
    proposed = asdict(fix)
    changes = {
        name: (current.get(name), proposed[name])
        for name in (*FIELDS, LINK_FIELD)
        if (current.get(name) or None) != (proposed[name] or None)
    }
    if not set(changes) & set(FIELDS):
        raise ValidationError(
            "没有改动任何内容。请修改要更正的项目后再保存。", code="correction.nothing"
        )
    return changes


def check_reason(reason: str) -> str:
    """The reason cleaned; it may be empty.

    Raises:
        ValidationError: the reason is longer than :data:`REASON_LIMIT`.
    """
    text = clean(reason)
    if limits.too_long(text, REASON_LIMIT):
        raise ValidationError(
            limits.message("更正原因", REASON_LIMIT, text), code="correction.reason", field="reason"
        )
    return text


def describe(
    correction: Correction,
    *,
    reveal: bool = False,
    captions: Mapping[str, str] | None = None,
    reason: str = "（原因：{reason}）",
    empty: str = "（空）",
) -> str:
    """The history line of a correction: ``等级：B 一般 → A 重大紧急；…（原因：…）``.

    Phone numbers are masked unless ``reveal``; the content, often long, is shown whole.
    The window passes its translated ``captions`` (by field), ``reason`` and ``empty``.
    """
    names = {**FIELDS, **(captions or {})}
    parts = []
    for name in FIELDS:
        if name not in correction.changes:
            continue
        old, new = (_shown(name, value, reveal) or empty for value in correction.changes[name])
        parts.append(f"{names[name]}：{old} → {new}")
    text = "；".join(parts)
    return text + reason.format(reason=correction.reason) if correction.reason else text


def _shown(name: str, value: str | None, reveal: bool) -> str:
    if not value:
        return ""
    if name == "grade":
        return GRADES.get(value, value)
    if name == "requester_phone" and not reveal:
        return phone.mask(value)
    return value
