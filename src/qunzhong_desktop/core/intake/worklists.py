"""The station's work lists (受理 page) and the 工作台 figures that count them: one definition.

Each list is an :class:`~.records.ItemFilter`. The start page's figures are counts of
these very filters, so a figure always equals the length of the list its button opens
(and ``qunzhong items list --overdue``): 已超期 22 on 工作台 is 22 rows under 已超期.
"""

from __future__ import annotations

from qunzhong_desktop.core.intake.records import ItemFilter
from qunzhong_desktop.core.intake.states import CLOCK_RUNNING, DONE, FINAL, State


def view_filter(view: str, operator: str = "") -> ItemFilter:
    """The filter of a work list (``mine`` is the items of ``operator``)."""
    open_states = tuple(s for s in State if s not in FINAL)
    presets = {
        "mine": ItemFilter(states=open_states, handler=operator),
        "due_soon": ItemFilter(due_soon=True),
        "overdue": ItemFilter(overdue=True),
        "documents": ItemFilter(states=(State.AWAITING_DOCUMENTS,)),
        "escalated": ItemFilter(
            states=(
                State.ESCALATED,
                State.AWAITING_ASSIGNMENT,
                State.ASSIGNED,
                State.ESCALATED_COUNTY,
                State.COUNTY_ASSIGNED,
            )
        ),
        # 代办: told to collect, not collected yet (amber after some working days: agency)
        "collect": ItemFilter(states=(State.NOTIFIED,)),
        "follow_up": ItemFilter(states=(State.RESOLVED, State.COLLECTED, State.FOLLOWED_UP)),
        "done": ItemFilter(states=tuple(s for s in State if s in DONE | FINAL)),
    }
    return presets.get(view, ItemFilter())


#: The 工作台 figures: key → the work list whose rows it counts (None: a figure of its own).
FIGURE_VIEWS: dict[str, str | None] = {
    "received_today": None,
    "open": None,
    "due_soon": "due_soon",
    "overdue": "overdue",
    "awaiting_documents": "documents",
    "escalated": "escalated",
    "to_follow_up": "follow_up",
}


def figure_filter(key: str, today_filter: ItemFilter) -> ItemFilter:
    """The filter a 工作台 figure counts (``today_filter``: the items received today)."""
    view = FIGURE_VIEWS[key]
    if view is not None:
        return view_filter(view)
    if key == "received_today":
        return today_filter
    return ItemFilter(states=tuple(CLOCK_RUNNING | {State.AWAITING_DOCUMENTS}))
