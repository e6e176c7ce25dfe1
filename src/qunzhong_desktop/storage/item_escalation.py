"""The township's escalation of an item to the county (上报县, 重大疑难事项, issue 19).

A mixin of :class:`.items_repo.SqlItems` (it needs ``self.db``, ``self.item`` and
``self.move``): the township moves an item it holds (已上报, 待交办, 已交办) to 已上报县 with
its reason, an event of the township's like its 交办. The county's own moves are in
:mod:`.county_repo`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.county import ESCALATE_FROM_TEXT, checked_text
from qunzhong_desktop.core.intake.states import AT_TOWNSHIP, STATE_NAMES, Role, State
from qunzhong_desktop.storage.setup import node_role
from qunzhong_desktop.storage.write_paths import write_path

if TYPE_CHECKING:
    from qunzhong_desktop.core.intake.records import ItemDetail
    from qunzhong_desktop.storage.database import Database

TOWNSHIP_ONLY = "上报县由乡镇群众工作办办理：工作站请先上报乡镇。"


class ItemEscalation:
    """``escalate_to_county`` of the township's items."""

    db: Database

    if TYPE_CHECKING:

        def item(self, number: str, *, today: dt.date | None = None) -> ItemDetail:
            """One item with its history (:meth:`.items_repo.SqlItems.item`)."""

        def move(
            self,
            number: str,
            target: State,
            *,
            actor: str,
            role: Role = Role.STATION,
            note: str = "",
            data: dict[str, Any] | None = None,
            now: dt.datetime | None = None,
        ) -> ItemDetail:
            """One move of the five steps (:meth:`.items_repo.SqlItems.move`)."""

    @write_path
    def escalate_to_county(
        self, number: str, reason: str, *, actor: str, now: dt.datetime | None = None
    ) -> ItemDetail:
        """Escalate an item the township holds to the county (上报县) with ``reason``.

        Raises:
            NotFoundError: no item has that number.
            ValidationError: not the township's PC, no reason, or the item is not at the
                township (``field`` state).
        """
        if node_role(self.db) != "township":
            raise ValidationError(TOWNSHIP_ONLY, code="county.escalate_role")
        reason = checked_text(reason, "上报县的理由", "reason")
        state = self.item(number).state
        if state not in AT_TOWNSHIP:
            raise ValidationError(
                f"事项 {number} 当前为“{STATE_NAMES[state]}”：只有{ESCALATE_FROM_TEXT}的事项"
                "才能上报县。",
                code="county.not_at_township",
                field="state",
            )
        return self.move(
            number, State.ESCALATED_COUNTY, actor=actor, role=Role.TOWNSHIP, note=reason, now=now
        )
