"""The county node (issue 19): set-up, its code, and homes that are already something else."""

from __future__ import annotations

from pathlib import Path

import pytest

from qunzhong_desktop.core.entities import StationProfile
from qunzhong_desktop.core.errors import SetupError, ValidationError
from qunzhong_desktop.storage.setup import (
    county_profile,
    init_county,
    init_station,
    init_township,
    is_set_up,
    node_role,
)
from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.sync import schema
from tests.helpers.dbhash import db_hash


def test_a_county_is_set_up_with_its_six_digit_code(empty_store: Store) -> None:
    db = empty_store.db
    assert not is_set_up(db)
    assert init_county(db, " 430121 ", " 长沙县群众工作部 ") == ("430121", "长沙县群众工作部")
    assert node_role(db) == "county" and is_set_up(db)
    assert county_profile(db) == ("430121", "长沙县群众工作部")


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("43012", "county_code.format"),
        ("4301211", "county_code.format"),
        ("43O121", "county_code.format"),
        ("430100", "county_code.level"),  # a city, not a county
        ("430021", "county_code.level"),
        ("990121", "county_code.level"),  # no such province
    ],
)
def test_a_wrong_county_code_is_refused_in_chinese(
    empty_store: Store, code: str, error: str
) -> None:
    before = db_hash(empty_store.db.path)
    with pytest.raises(ValidationError) as caught:
        init_county(empty_store.db, code, "长沙县群众工作部")
    assert caught.value.code == error and caught.value.data["field"] == "code"
    assert "县" in caught.value.message
    assert db_hash(empty_store.db.path) == before and node_role(empty_store.db) == ""


def test_an_empty_name_is_refused(empty_store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        init_county(empty_store.db, "430121", "  ")
    assert caught.value.data["field"] == "name"


def test_a_county_cannot_become_a_township_or_a_station_and_back(
    empty_store: Store, tmp_path: Path
) -> None:
    db = empty_store.db
    init_county(db, "430121", "长沙县群众工作部")
    with pytest.raises(SetupError, match="县（市、区）群众工作部"):
        init_township(db, "430121101", "白沙镇群众工作办")
    profile = StationProfile(
        code="430121101201", name="白沙村", township_code="430121101", township_name="白沙镇"
    )
    with pytest.raises(SetupError, match="县（市、区）群众工作部"):
        init_station(db, profile)
    with pytest.raises(SetupError, match="不能再设置为县"):
        init_county(db, "430122", "望城区群众工作部")
    assert node_role(db) == "county" and county_profile(db)[0] == "430121"


def test_a_township_or_station_cannot_become_a_county(empty_store: Store) -> None:
    init_township(empty_store.db, "430121101", "白沙镇群众工作办")
    with pytest.raises(SetupError, match="乡镇群众工作办，不能再设置为县"):
        init_county(empty_store.db, "430121", "长沙县群众工作部")
    assert node_role(empty_store.db) == "township"


def test_the_county_tables_lists() -> None:
    assert schema.table_names("county") == {"item_event"}
    assert schema.table_names("township-up") == {"item_event"} | {
        str(t.__table__.name)  # type: ignore[attr-defined]
        for t in schema.TOWNSHIP_OWN
    }
    own = {str(t.__table__.name) for t in schema.COUNTY_OWN}  # type: ignore[attr-defined]
    for role in ("station", "township", "township-up", "county"):
        assert not own & schema.table_names(role)  # never sent, never taken
