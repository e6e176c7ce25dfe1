"""Settings: what the township's kit sets at a station is shown locked (issue 12, item 10)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from qunzhong_desktop.storage.store import Store
from qunzhong_desktop.ui.settings.settings_page import KIT_FIELDS, SettingsPage
from tests.helpers.network import make_station, make_township


def test_kit_values_are_taken_and_locked(
    qtbot: QtBot, store: Store, _template_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    page = SettingsPage(store)  # no kit yet: the clerk types them
    qtbot.addWidget(page)
    assert not any(page.station_fields.fields[k].edit.isReadOnly() for k in KIT_FIELDS)
    township = make_township(_template_dirs[0], tmp_path / "township")
    station = make_station(_template_dirs[0], tmp_path / "station", township, 1)
    try:
        profile = station.store.register.station()
        assert profile is not None
        assert (profile.township_name, profile.township_phone) == ("白沙镇", "0731-84560000")
        kit_page = SettingsPage(station.store)
        qtbot.addWidget(kit_page)
        for key in KIT_FIELDS:
            edit = kit_page.station_fields.fields[key].edit
            assert edit.isReadOnly() and "白沙镇群众工作办的工作包" in edit.toolTip()
        assert kit_page.station_fields.fields["township_phone"].text() == "0731-84560000"
        assert not kit_page.station_fields.fields["phone"].edit.isReadOnly()
    finally:
        station.close()
        township.close()
