"""The sync conformance harness's actions on issue 18's evaluation records (tests/helpers/conformance.py).

:func:`steps` gives the actions in the order the harness's walk runs them; each writes
through the program's own write paths on the station (or the township's own records at the
township), and the harness then checks both sides hold the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.helpers.conformance import World


def steps(world: World) -> list[Callable[[], None]]:
    """The actions, in walk order (none yet: they come with the write paths)."""
    del world
    return []
