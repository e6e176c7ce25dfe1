"""The contact card (便民服务联系卡): what one household's card carries, and its fingerprint.

A card is reprinted when a field printed on it changes. The fingerprint is a SHA-256 of
every printed field except the issue date; storage keeps the fingerprint of the last card
issued to each household, so comparing fingerprints tells which cards are out of date.
ID numbers are never on a card; the phones printed are service numbers (station, township,
grid leader, paired cadre) and print in full.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, fields

from qunzhong_desktop.core.entities import Cadre, Grid, Household, StationProfile

#: Bumped when the card's printed content changes shape, so every card becomes out of date.
CARD_FORMAT = 1


def card_number(station_code: str, household_number: str) -> str:
    """The card number: stable per household, what the QR code carries.

    >>> card_number("430121101201", "1-001")
    '430121101201-1-001'
    """
    return f"{station_code}-{household_number}"


@dataclass(frozen=True, slots=True)
class CardContent:
    """Everything printed on one household's contact card."""

    household_id: str
    card_number: str
    station_name: str
    station_address: str
    station_phone: str
    opening_hours: str
    household_number: str
    head_name: str
    grid_name: str
    grid_leader_name: str
    grid_leader_phone: str
    cadre_name: str
    cadre_phone: str
    cadre_unit: str
    services: tuple[str, ...]
    township_name: str
    township_phone: str
    supervision_phone: str
    issued_on: dt.date

    @property
    def fingerprint(self) -> str:
        """SHA-256 (hex) of the printed fields, the issue date excluded."""
        return fingerprint(self)


# Not part of what a resident reads on the card, or changes on every print.
_NOT_FINGERPRINTED = frozenset({"household_id", "issued_on"})


def fingerprint(card: CardContent) -> str:
    """SHA-256 (hex) of a card's printed fields, the issue date excluded.

    The encoding is canonical JSON of the field values by name, so adding a field to
    :class:`CardContent` changes every fingerprint (and so every card is reprinted), while
    the order of declaration never matters.
    """
    printed: dict[str, object] = {"format": CARD_FORMAT}
    for f in fields(card):
        if f.name not in _NOT_FINGERPRINTED:
            value = getattr(card, f.name)
            printed[f.name] = list(value) if isinstance(value, tuple) else value
    blob = json.dumps(printed, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def build_card(
    station: StationProfile,
    *,
    household_id: str,
    household_number: str,
    head_name: str,
    grid: Grid | None,
    cadre: Cadre | None,
    issued_on: dt.date,
) -> CardContent:
    """Assemble one card from the station profile, a household, its grid and paired cadre."""
    return CardContent(
        household_id=household_id,
        card_number=card_number(station.code, household_number),
        station_name=station.name,
        station_address=station.address,
        station_phone=station.phone,
        opening_hours=station.opening_hours,
        household_number=household_number,
        head_name=head_name,
        grid_name=grid.name if grid else "",
        grid_leader_name=grid.leader_name if grid else "",
        grid_leader_phone=grid.leader_phone if grid else "",
        cadre_name=cadre.name if cadre else "",
        cadre_phone=cadre.phone if cadre else "",
        cadre_unit=cadre.unit if cadre else "",
        services=tuple(s for s in station.services if s),
        township_name=station.township_name,
        township_phone=station.township_phone,
        supervision_phone=station.supervision_phone,
        issued_on=issued_on,
    )


def card_for_household(
    station: StationProfile,
    household: Household,
    *,
    grid: Grid | None,
    cadre: Cadre | None,
    issued_on: dt.date,
) -> CardContent:
    """The card of a domain household (its head is the 户主, else the first member)."""
    head = household.head
    return build_card(
        station,
        household_id=household.id or "",
        household_number=household.number,
        head_name=head.name if head else "",
        grid=grid,
        cadre=cadre,
        issued_on=issued_on,
    )


def needs_card(card: CardContent, last_fingerprint: str | None) -> bool:
    """Whether a household needs a (new) card: never printed, or a printed field changed."""
    return last_fingerprint is None or last_fingerprint != card.fingerprint


@dataclass(frozen=True, slots=True)
class CardCounts:
    """How many cards a choice covers, and why some need printing."""

    total: int
    never_printed: int
    out_of_date: int

    @property
    def stale(self) -> int:
        """Cards that need printing: never printed or out of date."""
        return self.never_printed + self.out_of_date


#: How contact cards are laid out on paper: ten to an A4 sheet, or one card per page.
CARD_LAYOUTS: tuple[str, ...] = ("a4-10", "single")
