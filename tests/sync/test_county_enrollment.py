"""Townships enrol with their county as stations enrol with a township (issue 19)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.models_sync import SyncPeer
from qunzhong_desktop.sync.bundle_format import BundleRefused
from qunzhong_desktop.sync.enrollment import EnrollmentError
from tests.helpers.dbhash import db_hash
from tests.helpers.network import (
    Node,
    join_county,
    make_county,
    make_other_township,
    make_station,
    make_township,
)


@pytest.fixture
def pair(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[tuple[Node, Node]]:
    county = make_county(_template_dirs[0], tmp_path / "county")
    township = make_township(_template_dirs[0], tmp_path / "township")
    yield county, township
    county.close()
    township.close()


def _peers(node: Node) -> list[tuple[str, str, bool]]:
    with node.store.db.session() as s:
        return [
            (p.role, p.code, p.enrolled_at is not None)
            for p in s.scalars(select(SyncPeer).order_by(SyncPeer.code))
        ]


def test_a_township_joins_its_county_by_fingerprints(pair: tuple[Node, Node]) -> None:
    county, township = pair
    join_county(county, township)
    assert _peers(township) == [("county", "430121", True)]
    assert _peers(county) == [("township", "430121101", True)]
    # the same kit and enrollment again change nothing
    join_county(county, township)
    assert _peers(county) == [("township", "430121101", True)]


def test_the_county_kit_needs_the_fingerprint(pair: tuple[Node, Node], tmp_path: Path) -> None:
    county, township = pair
    kit = county.sync.write_county_kit(tmp_path / "c.qzkit", county.keys)
    info = township.sync.read_county_kit(kit)
    assert (info.county_code, info.county_name) == ("430121", "长沙县群众工作部")
    before = db_hash(township.store.db.path)
    for typed, code in (("", "sync.fingerprint_empty"), ("ABCD" * 8, "sync.fingerprint_mismatch")):
        with pytest.raises(EnrollmentError) as caught:
            township.sync.accept_county_kit(kit, typed)
        assert caught.value.code == code
    assert db_hash(township.store.db.path) == before


def test_a_township_of_another_county_is_refused_both_ways(
    _template_dirs: tuple[Path, Path], pair: tuple[Node, Node], tmp_path: Path
) -> None:
    county, _ = pair
    stranger = make_township(_template_dirs[0], tmp_path / "t2")
    try:
        # a township of 430122 (望城区): its code does not begin with 430121
        with stranger.store.db.session() as s:
            setting = s.get(m.Setting, "township.code")
            assert setting is not None
            setting.value = "430122101"
            s.commit()
        enrollment = tmp_path / "t2.qzenroll"
        fingerprint = stranger.sync.write_enrollment(enrollment, stranger.keys)
        before = db_hash(county.store.db.path)
        with pytest.raises(EnrollmentError) as caught:
            county.sync.enroll(enrollment, fingerprint)
        assert caught.value.code == "sync.other_county" and "不属于本县" in caught.value.message
        kit = county.sync.write_county_kit(tmp_path / "c.qzkit", county.keys)
        with pytest.raises(EnrollmentError) as caught:
            stranger.sync.accept_county_kit(kit, county.keys.fingerprint)
        assert caught.value.code == "sync.other_county"
        assert db_hash(county.store.db.path) == before
    finally:
        stranger.close()


def test_a_station_enrollment_is_refused_at_the_county(
    _template_dirs: tuple[Path, Path], pair: tuple[Node, Node], tmp_path: Path
) -> None:
    county, township = pair
    station = make_station(_template_dirs[0], tmp_path / "s1", township, 1)
    try:
        enrollment = tmp_path / "s1.qzenroll"
        fingerprint = station.sync.write_enrollment(enrollment, station.keys)
        before = db_hash(county.store.db.path)
        with pytest.raises(EnrollmentError) as caught:
            county.sync.enroll(enrollment, fingerprint)
        assert caught.value.code == "sync.station_at_county"
        assert db_hash(county.store.db.path) == before
        # and a county kit means nothing to a station
        kit = county.sync.write_county_kit(tmp_path / "c.qzkit", county.keys)
        with pytest.raises(BundleRefused):
            station.sync.accept_station_kit(kit)
    finally:
        station.close()


def test_a_township_has_one_county_and_fingerprints_are_checked(
    _template_dirs: tuple[Path, Path], pair: tuple[Node, Node], tmp_path: Path
) -> None:
    county, township = pair
    join_county(county, township)
    other = make_county(_template_dirs[0], tmp_path / "county2")
    try:
        kit = other.sync.write_county_kit(tmp_path / "c2.qzkit", other.keys)
        with pytest.raises(EnrollmentError) as caught:
            township.sync.accept_county_kit(kit, other.keys.fingerprint)
        assert caught.value.code == "sync.other_county_node"
    finally:
        other.close()
    second = make_other_township(_template_dirs[0], tmp_path / "t2", 1)
    try:
        enrollment = tmp_path / "t2.qzenroll"
        second.sync.write_enrollment(enrollment, second.keys)
        with pytest.raises(EnrollmentError) as caught:
            county.sync.enroll(enrollment, township.keys.fingerprint)
        assert caught.value.code == "sync.fingerprint_mismatch"
        assert [p[1] for p in _peers(county)] == ["430121101"]
    finally:
        second.close()
