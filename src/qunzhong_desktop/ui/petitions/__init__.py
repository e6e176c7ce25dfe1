"""信访 (petitions) and the township's 信访值班 (duty roster and reception log), issue 18.

Other features use only the names below (``ui/__init__.py``); the modules of this folder are
its own. :class:`PetitionsTab` (the petitions of a span, 阅办率, counts by level) and
:class:`DutyTab` (the township's roster as a week grid and the reception log of a day) are
tabs for the 民意 page; :class:`PetitionMarkDialog` marks an item (the item page's
:func:`petition_button` opens it); :class:`PetitionFields` is the 信访 row of the new-item form; :class:`VoiceSettingsDialog` edits the township's
thresholds, 阅办 days and deputies' areas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qunzhong_desktop.ui import lazy_names

PUBLIC = {
    "DutyTab": "duty_tab",
    "PetitionFields": "intake_fields",
    "PetitionMarkDialog": "mark_dialog",
    "PetitionsTab": "petitions_tab",
    "VoiceSettingsDialog": "settings_dialog",
    "petition_button": "mark_dialog",
}
__all__ = [
    "DutyTab",
    "PetitionFields",
    "PetitionMarkDialog",
    "PetitionsTab",
    "VoiceSettingsDialog",
    "petition_button",
]
__getattr__ = lazy_names(__name__, PUBLIC)


if TYPE_CHECKING:
    from qunzhong_desktop.ui.petitions.duty_tab import DutyTab
    from qunzhong_desktop.ui.petitions.intake_fields import PetitionFields
    from qunzhong_desktop.ui.petitions.mark_dialog import PetitionMarkDialog, petition_button
    from qunzhong_desktop.ui.petitions.petitions_tab import PetitionsTab
    from qunzhong_desktop.ui.petitions.settings_dialog import VoiceSettingsDialog
