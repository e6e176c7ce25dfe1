"""The township's settings for issue 18, as kept and as they travel to its stations.

One setting (``township.voice``, JSON) holds the evaluation thresholds (不予提拔 at 40 %,
诫勉谈话 at 30 % by default), the working days of the 阅办率 and the deputies' areas (分管:
domain → leader). The township sets them; they travel in the configuration line of the kit
and of every dispatch (key ``voice``; a township older than this sends none and a station
keeps the defaults). A value that does not check refuses the whole configuration.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.evaluation import EvaluationRules, checked_rules
from qunzhong_desktop.core.intake.rules import DOMAIN_DAYS
from qunzhong_desktop.core.petitions import DEFAULT_READ_DAYS, checked_areas, checked_read_days
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.settings_repo import put_json

VOICE_SETTING = "township.voice"


@dataclass(frozen=True, slots=True)
class VoiceSettings:
    """Evaluation thresholds, 阅办 days and deputies' areas."""

    rules: EvaluationRules = field(default_factory=EvaluationRules)
    read_days: int = DEFAULT_READ_DAYS
    areas: dict[str, str] = field(default_factory=dict)


def voice_json(settings: VoiceSettings) -> dict[str, Any]:
    """The settings as they travel."""
    return {
        "evaluation": dataclasses.asdict(settings.rules),
        "read_days": settings.read_days,
        "areas": dict(settings.areas),
    }


def check_voice(value: object, domains: Any = None) -> VoiceSettings:
    """Settings as they travel, checked (a part left out keeps its default).

    Raises:
        ValueError: not such a mapping, or a value out of range.
    """
    if not isinstance(value, dict):
        raise ValueError("voice")
    try:
        rules_value = value.get("evaluation", {})
        if not isinstance(rules_value, dict) or set(rules_value) - {
            "no_promotion_percent",
            "admonish_percent",
        }:
            raise ValueError("voice.evaluation")
        rules = checked_rules(EvaluationRules(**rules_value))
        days = checked_read_days(value.get("read_days", DEFAULT_READ_DAYS))
        areas_value = value.get("areas", {})
        if not isinstance(areas_value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in areas_value.items()
        ):
            raise ValueError("voice.areas")
        areas = checked_areas(areas_value, domains if domains is not None else _all_domains())
    except ValidationError as exc:
        raise ValueError(exc.message) from exc
    return VoiceSettings(rules, days, areas)


def _all_domains() -> tuple[str, ...]:
    return tuple(DOMAIN_DAYS)


def load_voice(s: Session) -> VoiceSettings:
    """The settings in force here (the defaults until the township sets them)."""
    row = s.get(m.Setting, VOICE_SETTING)
    if row is None or not row.value:
        return VoiceSettings()
    return check_voice(json.loads(row.value), domains=_known_domains(s))


def _known_domains(s: Session) -> tuple[str, ...]:
    from qunzhong_desktop.storage.item_settings import DOMAIN_DAYS_SETTING

    row = s.get(m.Setting, DOMAIN_DAYS_SETTING)
    extra = tuple(json.loads(row.value)) if row is not None and row.value else ()
    return (*DOMAIN_DAYS, *extra)


def store_voice(s: Session, settings: VoiceSettings) -> None:
    """Keep the (checked) settings in the caller's session."""
    put_json(s, VOICE_SETTING, voice_json(settings))


class SqlVoiceSettings:
    """Read and (at the township) change the settings; the next dispatch carries them."""

    def __init__(self, db: Database) -> None:
        """Settings of ``db``."""
        self.db = db

    def get(self) -> VoiceSettings:
        """The settings in force on this PC."""
        with self.db.session() as s:
            return load_voice(s)

    def set(self, settings: VoiceSettings) -> VoiceSettings:
        """Check and keep new settings (a station's copy: replaced by the next dispatch).

        Raises:
            ValidationError: a threshold, the days or an area out of range (in Chinese).
        """
        checked_rules(settings.rules)
        checked_read_days(settings.read_days)
        with self.db.session() as s:
            areas = checked_areas(settings.areas, _known_domains(s))
            kept = VoiceSettings(settings.rules, settings.read_days, areas)
            store_voice(s, kept)
            s.commit()
        return kept
