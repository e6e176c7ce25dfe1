import dataclasses
import datetime as dt

import pytest

from qunzhong_desktop.core.card import (
    CardContent,
    CardCounts,
    build_card,
    card_for_household,
    card_number,
    fingerprint,
    needs_card,
)
from qunzhong_desktop.core.entities import Cadre, Grid, Household, Person, StationProfile

STATION = StationProfile(
    code="430121101201",
    name="白沙村群众工作站",
    township_code="430121101",
    township_name="白沙镇",
    address="白沙村村部",
    phone="0731-84561234",
    supervision_phone="0731-12345678",
    township_phone="0731-84560000",
)
GRID = Grid(name="第一网格", leader_name="王建国", leader_phone="13812345678")
CADRE = Cadre(name="李四", phone="13912345678", unit="白沙镇民政办")


def _card(**changes: object) -> CardContent:
    card = build_card(
        STATION,
        household_id="h1",
        household_number="1-001",
        head_name="张三丰",
        grid=GRID,
        cadre=CADRE,
        issued_on=dt.date(2025, 6, 1),
    )
    return dataclasses.replace(card, **changes)  # type: ignore[arg-type]


def test_card_number_is_station_code_and_household_number() -> None:
    assert card_number("430121101201", "1-001") == "430121101201-1-001"
    assert _card().card_number == "430121101201-1-001"


def test_card_carries_station_grid_and_cadre() -> None:
    card = _card()
    assert card.station_name == "白沙村群众工作站"
    assert (card.grid_leader_name, card.grid_leader_phone) == ("王建国", "13812345678")
    assert (card.cadre_name, card.cadre_phone, card.cadre_unit) == (
        "李四",
        "13912345678",
        "白沙镇民政办",
    )
    assert card.services[:4] == ("政策咨询", "代办证照", "纠纷调解", "困难帮扶")
    assert (card.township_phone, card.supervision_phone) == ("0731-84560000", "0731-12345678")


def test_no_grid_or_cadre_leaves_blanks() -> None:
    card = build_card(
        STATION,
        household_id="h",
        household_number="9",
        head_name="",
        grid=None,
        cadre=None,
        issued_on=dt.date(2025, 1, 1),
    )
    assert card.grid_name == card.grid_leader_phone == card.cadre_name == ""


def test_fingerprint_ignores_issue_date() -> None:
    assert _card().fingerprint == _card(issued_on=dt.date(2030, 1, 1)).fingerprint
    assert len(fingerprint(_card())) == 64


@pytest.mark.parametrize(
    "field",
    [
        f.name
        for f in dataclasses.fields(CardContent)
        if f.name not in ("household_id", "issued_on")
    ],
)
def test_fingerprint_changes_with_every_printed_field(field: str) -> None:
    value = getattr(_card(), field)
    changed = (*value, "法律援助") if isinstance(value, tuple) else value + "X"
    assert _card(**{field: changed}).fingerprint != _card().fingerprint


def test_head_is_the_householder_and_no_id_number_is_carried() -> None:
    household = Household(
        number="1-002",
        id="h2",
        members=[
            Person(name="张小宝", relation="子女", id_number="430121201001010011"),
            Person(name="张大山", relation="户主", id_number="11010519491231002X"),
        ],
    )
    card = card_for_household(STATION, household, grid=GRID, cadre=None, issued_on=dt.date.today())
    assert card.head_name == "张大山"
    values = [str(getattr(card, f.name)) for f in dataclasses.fields(card)]
    assert not any("11010519491231002X" in v or "430121201001010011" in v for v in values)


def test_needs_card_when_never_printed_or_changed() -> None:
    card = _card()
    assert needs_card(card, None)
    assert not needs_card(card, card.fingerprint)
    assert needs_card(_card(grid_leader_phone="13800000000"), card.fingerprint)


def test_counts_stale_sums_never_printed_and_out_of_date() -> None:
    assert CardCounts(total=10, never_printed=3, out_of_date=2).stale == 5


def test_the_wording_of_the_card_is_not_in_its_fingerprint() -> None:
    # issue 15: the card says 网长 (not 网格长) like the rest of the app. The labels are not
    # fingerprinted, only the values printed beside them, so the new wording does not mark
    # every card ever printed as out of date; this hash is the one cards printed before carry.
    assert _card().fingerprint == "093b945c5078f984078501c28499de6a3a9c877ad5fa0b3ecd77a4ddfe54eadb"
