"""Interfaces the domain needs from storage; ``storage`` implements them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from qunzhong_desktop.core.entities import (
    Cadre,
    Grid,
    Household,
    HouseholdRow,
    StationProfile,
)


class Register(Protocol):
    """The household register of one station."""

    def station(self) -> StationProfile | None:
        """The station profile, or None before set-up."""
        ...

    def save_station(self, profile: StationProfile) -> None:
        """Create or update the station profile."""
        ...

    def grids(self) -> list[Grid]:
        """All grids by name."""
        ...

    def save_grid(self, grid: Grid) -> Grid:
        """Create or update a grid."""
        ...

    def cadres(self) -> list[Cadre]:
        """All cadres by name."""
        ...

    def save_cadre(self, cadre: Cadre) -> Cadre:
        """Create or update a cadre."""
        ...

    def pair(self, cadre_id: str | None, household_ids: Sequence[str]) -> None:
        """Pair households with a cadre (None unpairs)."""
        ...

    def household(self, household_id: str) -> Household:
        """One household with its members."""
        ...

    def save_household(self, household: Household) -> Household:
        """Check and store a household with its members; returns it with ids."""
        ...

    def delete_household(self, household_id: str) -> None:
        """Remove a household (a tombstone, so sync carries the removal)."""
        ...

    def search_households(
        self, query: str = "", *, grid_id: str | None = None, tag: str | None = None
    ) -> list[str]:
        """Ids of matching households in register order."""
        ...

    def household_rows(self, ids: Sequence[str]) -> list[HouseholdRow]:
        """List rows for the given ids, in that order."""
        ...
