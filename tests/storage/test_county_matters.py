"""Matters escalated to the county (重大疑难事项, issue 19), on both engines.

上报县, the county's departments, its assignment with a working-day deadline, 退回乡镇, the
result, coordination meetings and its lists (``store``: tests/storage/conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.states import Role, State
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from tests.helpers.county_data import at_township, set_role, station_item

EVE = dt.datetime(2026, 9, 30, 10)  # a Wednesday before the National Day week (10-01…10-07)


def test_the_township_escalates_only_what_it_holds_and_with_a_reason(store: Store) -> None:
    number = station_item(store, "宅基地边界纠纷", now=EVE)
    with pytest.raises(ValidationError) as refused:  # a station does not escalate to the county
        store.items.escalate_to_county(number, "理由", actor="站务员", now=EVE)
    assert refused.value.code == "county.escalate_role" and "乡镇" in refused.value.message
    open_at_station = station_item(store, "承诺件", now=EVE, escalate=False)
    set_role(store, "township")
    with pytest.raises(ValidationError) as refused:
        store.items.escalate_to_county(open_at_station, "理由", actor="乡镇干部", now=EVE)
    assert refused.value.code == "county.not_at_township" and "已受理" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        store.items.escalate_to_county(number, "  ", actor="乡镇干部", now=EVE)
    assert refused.value.data["field"] == "reason"
    with pytest.raises(NotFoundError):
        store.items.escalate_to_county("430121101201-2026-99999", "理由", actor="x", now=EVE)
    assert store.items.item(number).state is State.ESCALATED  # nothing written by a refusal
    # from 已上报 straight away, and from 已交办 (the township's unit could not settle it)
    detail = store.items.escalate_to_county(number, "跨乡镇权属", actor="乡镇干部", now=EVE)
    assert detail.state is State.ESCALATED_COUNTY
    last = detail.events[-1]
    assert (last.note, last.from_state) == ("跨乡镇权属", State.ESCALATED)
    other = station_item(store, "河道采砂", now=EVE)
    at_township(store, other, now=EVE)
    store.items.move(other, State.ASSIGNED, actor="乡镇干部", role=Role.TOWNSHIP,
                     data={"unit": "水利站", "deadline": "2026-10-09"}, now=EVE)  # fmt: skip
    assert store.items.escalate_to_county(other, "需县水利局", actor="乡镇干部").state is (
        State.ESCALATED_COUNTY
    )
    with store.db.session() as s:
        roles = s.scalars(
            select(m.ItemEvent.actor_role).where(m.ItemEvent.to_state == "escalated_county")
        )
        assert set(roles) == {"township"}
