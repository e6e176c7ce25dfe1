"""Every synced table is listed: travelling up, travelling down, or the township's own."""

from __future__ import annotations

import pytest

from qunzhong_desktop.storage import changes
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.sync import schema

#: each PC's own calendar rows (the township's travel as configuration, never as rows)
CALENDAR = {m.CalendarYear.__tablename__, m.CalendarDay.__tablename__}


def _names(classes: tuple[type[m.Base], ...]) -> set[str]:
    return {str(cls.__table__.name) for cls in classes}  # type: ignore[attr-defined]


def test_every_synced_table_has_its_place() -> None:
    up, down, own = (
        _names(schema.STATION_TABLES),
        _names(schema.TOWNSHIP_TABLES),
        _names(schema.TOWNSHIP_OWN),
    )
    county_down, county_own = _names(schema.COUNTY_TABLES), _names(schema.COUNTY_OWN)
    assert not own & (up | down)
    assert not county_own & (up | down | own)
    assert county_down <= down  # the county's events are item events, like the township's
    assert changes.synced_tables() == up | down | own | county_own | CALENDAR


def test_issue_18_tables_are_placed_by_their_owner() -> None:
    assert {"evaluation_round", "evaluation_tally", "mass_meeting", "meeting_topic",
            "mass_info", "info_group"} <= _names(schema.STATION_TABLES)  # fmt: skip
    assert _names(schema.TOWNSHIP_OWN) == {
        "duty_day", "reception", "promotion_survey", "survey_answer"
    }  # fmt: skip
    # a station may not send the township's own records
    assert not _names(schema.TOWNSHIP_OWN) & schema.table_names("station")


def test_the_countys_own_tables_are_its_departments_and_meetings() -> None:
    assert _names(schema.COUNTY_OWN) == {"county_department", "county_meeting"}


def test_no_integer_a_bundle_brings_overflows_a_server_column() -> None:
    """INTEGER is 32 bits on PostgreSQL: a larger value is refused by the bundle check, not
    left to fail inside the import (every synced integer has a range, or the 32-bit one)."""
    from qunzhong_desktop.sync.bundle_format import BundleRefused

    with pytest.raises(BundleRefused):
        schema.convert("reception", {"visitors": 10_001}, number=1, full=False)
    with pytest.raises(BundleRefused):
        schema.convert("access_log", {"count": 2**31}, number=1, full=False)
    assert schema.convert("reception", {"visitors": 3}, number=1, full=False) == {"visitors": 3}


def test_every_integer_range_fits_32_bits() -> None:
    for (table, name), (low, high) in schema.INT_RANGES.items():
        assert -(2**31) <= low <= high < 2**31, (table, name)
