"""store.units: the township edits the units register; the plain names follow (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from qunzhong_desktop.core.access import Operator, PermissionDenied, Role
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.intake.rules import DEFAULT_UNITS
from qunzhong_desktop.core.units import Unit
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.store import Store
from tests.helpers import network
from tests.helpers.stations import copy_store
from tests.helpers.units_data import as_earlier_release, make_township

ONE, TWO = "430121101201", "430121101202"


@pytest.fixture
def township(_template_dirs: tuple[Path, Path], tmp_path: Path) -> Iterator[Store]:
    store = make_township(copy_store(_template_dirs[0], tmp_path / "township"))
    yield store
    store.close()


def test_an_earlier_townships_names_read_as_the_register_and_edits_keep_them(
    township: Store,
) -> None:
    assert [u.name for u in township.units.register()] == list(DEFAULT_UNITS)
    as_earlier_release(township, ["水利站", "民政办"])
    assert township.units.register() == (Unit("水利站"), Unit("民政办"))
    township.units.pair("民政办", [ONE])
    assert township.units.register() == (Unit("水利站"), Unit("民政办", villages=(ONE,)))
    assert township.items.units() == ["水利站", "民政办"]


def test_add_update_pair_remove_and_the_names_beside_them(township: Store) -> None:
    township.units.save([Unit("民政办", domains=("社会保障",))])
    added = township.units.add(
        Unit(" 县水利局 ", level="县直", kind="双联系单位", villages=(ONE,), contacts=("张局长",))
    )
    assert added.name == "县水利局"
    assert township.items.units() == ["民政办", "县水利局"]
    renamed = township.units.update("县水利局", Unit("县水务局", "县直", "双联系单位", (ONE,)))
    assert renamed.contacts == () and township.items.units() == ["民政办", "县水务局"]
    paired = township.units.pair("县水务局", [TWO, ONE])
    assert paired.villages == (ONE, TWO)
    assert township.units.pair("县水务局", [TWO], replace=True).villages == (TWO,)
    township.units.remove("民政办")
    assert [u.name for u in township.units.register()] == ["县水务局"]
    assert township.items.units() == ["县水务局"]
    assert township.units.unit("县水务局").level == "县直"


def test_bad_edits_are_refused_in_chinese_and_change_nothing(township: Store) -> None:
    township.units.save([Unit("民政办", domains=("社会保障",)), Unit("司法所")])
    before = township.units.register()
    with pytest.raises(ValidationError, match="不是本乡镇已登记的工作站") as unknown:
        township.units.pair("司法所", ["430121101299"])
    assert unknown.value.data["field"] == "villages"
    with pytest.raises(ValidationError, match="不是本乡镇已登记的工作站"):
        township.units.add(Unit("农办", villages=("430121101299",)))
    with pytest.raises(ValidationError, match="请指明联系村"):
        township.units.pair("司法所", [])
    with pytest.raises(NotFoundError, match="没有找到责任单位“农办”"):
        township.units.pair("农办", [ONE])
    with pytest.raises(NotFoundError):
        township.units.update("农办", Unit("农办"))
    with pytest.raises(ValidationError, match="重复"):
        township.units.add(Unit("民政办"))
    with pytest.raises(ValidationError, match="已由“民政办”主管"):
        township.units.update("司法所", Unit("司法所", domains=("社会保障",)))
    with pytest.raises(ValidationError, match="级别"):
        township.units.add(Unit("农办", level="省直"))
    township.units.remove("司法所")
    with pytest.raises(ValidationError, match="至少保留一个"):
        township.units.remove("民政办")
    assert township.units.register() == before[:1]


def test_a_station_reads_its_copy_and_may_not_edit_it(store: Store) -> None:
    assert [u.name for u in store.units.register()] == list(DEFAULT_UNITS)
    for edit in (
        lambda: store.units.add(Unit("农办")),
        lambda: store.units.save([Unit("农办")]),
        lambda: store.units.pair(DEFAULT_UNITS[0], [ONE]),
        lambda: store.units.remove(DEFAULT_UNITS[0]),
    ):
        with pytest.raises(ValidationError, match="由乡镇群众工作办设置"):
            edit()


def test_reading_staff_may_not_edit_the_register(township: Store) -> None:
    township.db.operator = Operator("op-1", "周查阅", Role.READER, place="township")
    with pytest.raises(PermissionDenied):
        township.units.add(Unit("农办"))


def test_set_units_keeps_the_details_of_the_names_it_keeps(township: Store) -> None:
    township.units.save(
        [Unit("民政办", villages=(ONE,), domains=("社会保障",)), Unit("司法所", "县直")]
    )
    township.items.set_units(["水利站", "民政办"])
    assert township.units.register() == (
        Unit("水利站"),
        Unit("民政办", villages=(ONE,), domains=("社会保障",)),
    )


def test_an_enrolled_station_may_be_paired_before_its_first_bundle(
    _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    township = network.make_township(_template_dirs[0], tmp_path / "township")
    station = network.make_station(_template_dirs[0], tmp_path / "station", township, 3)
    try:
        with township.store.db.session() as s:  # no bundle yet: the station's row is not here
            assert not s.scalars(select(m.Station).where(m.Station.code == station.code)).all()
        township.store.units.add(Unit("县农业农村局", "县直", "双联系单位", (station.code,)))
        assert township.store.units.unit("县农业农村局").villages == (station.code,)
        with pytest.raises(ValidationError, match="不是本乡镇已登记的工作站"):
            township.store.units.pair("县农业农村局", [network.station_code(4)])  # not enrolled
    finally:
        station.close()
        township.close()
