"""Assistance records (帮扶记录): help given to a household in difficulty, and its checks.

Each record carries the "five publics" (五公开) printed on the support ledger: whom it helps
(帮扶对象: ``person_id``, a member of the household, or None for the household as a whole),
the helping unit (帮扶单位), the helper (帮扶责任人), the content (帮扶内容) and the time limit
(帮扶时限); besides them the goal (帮扶目标, ``target``), the day it was given and its result
(帮扶成效). Since 0011 a record answers a checked need (:mod:`.assistance_case`), has a kind
and, for money and goods, an amount, and names the cadres helping (several per household,
several households per cadre).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from qunzhong_desktop.core.assistance_case import (
    HELP_KINDS,
    MAX_AMOUNT_YUAN,
    NEED_STATE_NAMES,
    OPEN_NEED_STATES,
    WITH_AMOUNT,
    Need,
    NeedState,
    NeedStep,
)
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.text import clean, compact

HELPING_UNITS: tuple[str, ...] = (
    "镇党委", "镇政府", "镇民政办", "镇社保所", "镇卫生院", "驻村工作队", "村两委",
    "县农业农村局", "县人社局", "县残联",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AssistanceRecord:
    """Help given to a household, with the five publics (五公开)."""

    household_id: str  # the household in difficulty (帮扶户)
    given_on: dt.date
    helping_unit: str  # 帮扶单位
    helper: str  # 帮扶责任人
    content: str  # 帮扶内容
    target: str = ""  # 帮扶目标
    time_limit: dt.date | None = None  # 帮扶时限
    result: str = ""  # 帮扶成效
    person_id: str | None = None  # 帮扶对象: the member helped (None: the whole household)
    id: str | None = None
    need_id: str | None = None  # the checked need it answers (core.assistance_case)
    kind: str = "其他"  # HELP_KINDS
    amount_fen: int | None = None  # 元 × 100, for money and goods
    helper_ids: tuple[str, ...] = ()  # the cadres helping (多对一、多对多); ``helper`` names them


def checked_assistance(record: AssistanceRecord, today: dt.date) -> AssistanceRecord:
    """The record with its text tidied, if it may be saved.

    Raises:
        ValidationError: the first field that is wrong (``field`` in its data).
    """
    record = replace(
        record,
        helping_unit=compact(record.helping_unit),
        helper=compact(record.helper),
        target=clean(record.target),
        content=clean(record.content),
        result=clean(record.result),
    )
    checks: list[tuple[bool, str, str]] = [
        (bool(record.household_id), "household", "请选择帮扶的户。"),
        (bool(record.helping_unit), "helping_unit", "请填写帮扶单位。"),
        (bool(record.helper), "helper", "请填写帮扶责任人。"),
        (bool(record.content), "content", "请填写帮扶内容。"),
        (
            record.given_on <= today,
            "given_on",
            f"帮扶日期 {record.given_on.isoformat()} 晚于今天，请改正。",
        ),
        (
            record.time_limit is None or record.time_limit >= record.given_on,
            "time_limit",
            "帮扶时限不能早于帮扶日期。",
        ),
        (len(record.helping_unit) <= 100, "helping_unit", "帮扶单位不能超过 100 个字。"),
        (len(record.helper) <= 50, "helper", "帮扶责任人不能超过 50 个字。"),
        (len(record.target) <= 200, "target", "帮扶目标不能超过 200 个字。"),
        (record.kind in HELP_KINDS, "kind", f"帮扶方式应为：{'、'.join(HELP_KINDS)}。"),
        (
            record.amount_fen is None or record.kind in WITH_AMOUNT,
            "amount",
            f"“{record.kind}”不填金额；资金和物品才填金额（元）。",
        ),
        (
            record.kind != "资金" or record.amount_fen is not None,
            "amount",
            "资金帮扶请填写金额（元）。",
        ),
        (
            record.amount_fen is None or 0 < record.amount_fen <= MAX_AMOUNT_YUAN * 100,
            "amount",
            f"金额应大于 0、不超过 {MAX_AMOUNT_YUAN:,} 元。",
        ),
        (len(set(record.helper_ids)) == len(record.helper_ids), "helpers", "帮扶人重复了。"),
    ]
    for ok, name, message in checks:
        if not ok:
            raise ValidationError(message, code=f"assistance.{name}", field=name)
    return record


@dataclass(frozen=True, slots=True)
class Case:
    """A need with its checking steps and the help given against it (a case, 帮扶个案)."""

    need: Need
    state: NeedState
    steps: tuple[NeedStep, ...]
    help: tuple[AssistanceRecord, ...]
    household_number: str = ""
    household_head: str = ""  # the head's name (the household's, when no member is named)
    person_name: str = ""  # the member concerned, if any
    result: str = ""  # what it was closed with

    @property
    def beneficiary(self) -> str:
        """帮扶对象: the member concerned, else the head of the household."""
        return self.person_name or self.household_head

    @property
    def state_name(self) -> str:
        """待初核, 待复核, 实施中, 已退回 or 已销号."""
        return NEED_STATE_NAMES[self.state]

    @property
    def amount_fen(self) -> int:
        """The money and goods given against it, in 分."""
        return sum(h.amount_fen or 0 for h in self.help)

    def overdue(self, today: dt.date) -> bool:
        """Open past its time limit (帮扶时限)."""
        limit = self.need.time_limit
        return limit is not None and limit < today and self.state in OPEN_NEED_STATES
