"""Local preferences in the ``setting`` table (not synced), and the cadre rule table.

The rule table (:mod:`qunzhong_desktop.core.cadre_rules`) is the township's: it edits it
here and it travels to its stations with its configuration (``sync/config.py``), which
replaces a station's copy. A station shows it, read-only.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission, require
from qunzhong_desktop.core.assistance_case import MAX_AMOUNT_YUAN, POOR_THRESHOLD_YUAN
from qunzhong_desktop.core.cadre_rules import (
    CATEGORIES,
    DEFAULT_RULES,
    Rule,
    parse_rules,
    rules_json,
)
from qunzhong_desktop.core.entities import SUPPORT_TAGS, check_support_tags
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database

CADRE_RULES_SETTING = "cadre.rules"
SUPPORT_TAGS_SETTING = "register.support_tags"
# 核定类别: the category the township judges a station's cadre by, {cadre id: category}
CADRE_CATEGORIES_SETTING = "cadre.categories"
MAX_CATEGORY_FIXES = 20_000


# the township's assistance options: amounts on the 五公开 notice, the 特困 yearly minimum
ASSISTANCE_SETTING = "assistance.options"


@dataclass(frozen=True, slots=True)
class AssistanceOptions:
    """How the township wants assistance shown and checked (it travels to its stations)."""

    notice_amounts: bool = False  # print amounts (元) on the 五公开 notice
    poor_threshold_yuan: int = POOR_THRESHOLD_YUAN  # 特困: the least a person should get a year


def check_assistance_options(value: object) -> AssistanceOptions:
    """Options as they travel (``{"notice_amounts": bool, "poor_threshold_yuan": int}``).

    Raises:
        ValueError: not such a mapping, or a threshold outside 0–1,000,000 元.
    """
    if not isinstance(value, dict):
        raise ValueError("assistance")
    amounts = value.get("notice_amounts", False)
    threshold = value.get("poor_threshold_yuan", POOR_THRESHOLD_YUAN)
    if not isinstance(amounts, bool) or isinstance(threshold, bool):
        raise ValueError("assistance")
    if not isinstance(threshold, int) or not 0 <= threshold <= MAX_AMOUNT_YUAN:
        raise ValueError("assistance")
    return AssistanceOptions(amounts, threshold)


def load_assistance_options(s: Session) -> AssistanceOptions:
    """The assistance options in force here (the defaults until the township sets them)."""
    row = s.get(m.Setting, ASSISTANCE_SETTING)
    if row is None or not row.value:
        return AssistanceOptions()
    return check_assistance_options(json.loads(row.value))


def store_assistance_options(s: Session, options: AssistanceOptions) -> None:
    """Keep the (checked) options in the caller's session."""
    put_json(s, ASSISTANCE_SETTING, dataclasses.asdict(options))


def load_category_fixes(s: Session) -> dict[str, str]:
    """The categories the township set (核定) for cadres its stations registered."""
    row = s.get(m.Setting, CADRE_CATEGORIES_SETTING)
    if row is None or not row.value:
        return {}
    return check_category_fixes(json.loads(row.value))


def check_category_fixes(value: object) -> dict[str, str]:
    """``{cadre id: category}`` as it travels, checked.

    Raises:
        ValueError: not such a mapping, an unknown category, or too many entries.
    """
    if not isinstance(value, dict) or len(value) > MAX_CATEGORY_FIXES:
        raise ValueError("cadre_categories")
    if not all(
        isinstance(k, str) and 0 < len(k) <= 36 and v in CATEGORIES for k, v in value.items()
    ):
        raise ValueError("cadre_categories")
    return {str(k): str(v) for k, v in value.items()}


def load_support_tags(s: Session) -> tuple[str, ...]:
    """The support tags in force here (the defaults until the township sets a list)."""
    row = s.get(m.Setting, SUPPORT_TAGS_SETTING)
    if row is None or not row.value:
        return SUPPORT_TAGS
    return tuple(str(t) for t in json.loads(row.value))


def store_support_tags(s: Session, tags: tuple[str, ...]) -> None:
    """Keep a (checked) support tag list in the caller's session."""
    put_json(s, SUPPORT_TAGS_SETTING, list(tags))


def load_rules(s: Session) -> tuple[Rule, ...]:
    """The rule table in force here (the defaults until the township sets one)."""
    row = s.get(m.Setting, CADRE_RULES_SETTING)
    if row is None or not row.value:
        return DEFAULT_RULES
    return parse_rules(json.loads(row.value))


def put_json(s: Session, key: str, value: object) -> None:
    """Keep a setting as JSON in the caller's session (added, or replaced)."""
    text = json.dumps(value, ensure_ascii=False)
    row = s.get(m.Setting, key)
    if row is None:
        s.add(m.Setting(key=key, value=text))
    else:
        row.value = text


def store_rules(s: Session, rules: tuple[Rule, ...]) -> None:
    """Keep a rule table (checked by the caller) in the caller's session."""
    put_json(s, CADRE_RULES_SETTING, rules_json(rules))


class SqlSettings:
    """Key/value preferences of this PC."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        """A preference, or ``default`` when unset."""
        with self.db.session() as s:
            row = s.get(m.Setting, key)
            return row.value if row is not None else default

    def set(self, key: str, value: str) -> None:
        """Store a preference."""
        with self.db.session() as s:
            row = s.get(m.Setting, key)
            if row is None:
                s.add(m.Setting(key=key, value=value))
            else:
                row.value = value

    def all(self) -> dict[str, str]:
        """Every stored preference."""
        with self.db.session() as s:
            return {r.key: r.value for r in s.scalars(select(m.Setting))}

    def cadre_rules(self) -> tuple[Rule, ...]:
        """The cadre rule table in force on this PC."""
        with self.db.session() as s:
            return load_rules(s)

    def set_cadre_rules(self, rules: tuple[Rule, ...]) -> None:
        """Replace the rule table (the township only; its stations take it from the kit).

        Raises:
            PermissionDenied: the operator may not change settings.
            ValidationError: at a station, or a table that does not hold together.
        """
        require(self.db.operator, Permission.SETTINGS)
        checked = parse_rules(rules_json(rules))
        with self.db.writing() as s:
            node = s.scalars(select(m.LocalNode)).first()
            if node is None or node.role != "township":
                raise ValidationError(
                    "干部考核规则由乡镇群众工作办设置，随乡镇工作包和下发的数据包传到工作站。",
                    code="cadres.rules_station",
                )
            store_rules(s, checked)

    def category_fixes(self) -> dict[str, str]:
        """The categories the township set for its stations' cadres (核定类别)."""
        with self.db.session() as s:
            return load_category_fixes(s)

    def fix_category(self, cadre_id: str, category: str | None) -> None:
        """核定类别: the category a station's cadre is judged by (None: the station's own).

        The station registered the cadre and keeps its row; the township's decision travels
        to its stations with its configuration and every report judges by it.

        Raises:
            PermissionDenied: the operator may not enter data.
            ValidationError: at a station, an unknown category or no such cadre.
        """
        require(self.db.operator, Permission.WRITE)
        if category is not None and category not in CATEGORIES:
            raise ValidationError(
                f"干部类别“{category}”不在列表中，可用：{'、'.join(CATEGORIES)}。",
                code="cadre.category",
            )
        with self.db.writing() as s:
            node = s.scalars(select(m.LocalNode)).first()
            if node is None or node.role != "township":
                raise ValidationError(
                    "干部类别由登记它的工作站修改；乡镇核定的类别随乡镇下发的数据包传来。",
                    code="cadre.category_station",
                )
            cadre = s.get(m.Cadre, cadre_id)
            if cadre is None or cadre.deleted_at is not None:
                raise ValidationError("没有找到这名干部，可能已被删除。", code="cadre.missing")
            fixes = load_category_fixes(s)
            if category is None:
                fixes.pop(cadre_id, None)
            else:
                fixes[cadre_id] = category
            put_json(s, CADRE_CATEGORIES_SETTING, fixes)

    def assistance_options(self) -> AssistanceOptions:
        """Amounts on the 五公开 notice, and the 特困 yearly minimum, in force on this PC."""
        with self.db.session() as s:
            return load_assistance_options(s)

    def set_assistance_options(self, options: AssistanceOptions) -> None:
        """Set the assistance options (the township; they travel to its stations).

        Raises:
            PermissionDenied: the operator may not change settings.
            ValidationError: at a station, or a threshold out of range.
        """
        require(self.db.operator, Permission.SETTINGS)
        try:
            checked = check_assistance_options(dataclasses.asdict(options))
        except ValueError as exc:
            raise ValidationError(
                f"特困人员年度帮扶金额应在 0–{MAX_AMOUNT_YUAN:,} 元之间。",
                code="assistance.threshold",
            ) from exc
        with self.db.writing() as s:
            node = s.scalars(select(m.LocalNode)).first()
            if node is None or node.role != "township":
                raise ValidationError(
                    "帮扶公示和特困标准由乡镇群众工作办设置，随下发的数据包传到工作站。",
                    code="assistance.options_station",
                )
            store_assistance_options(s, checked)

    def support_tags(self) -> tuple[str, ...]:
        """The support tags (重点帮扶对象) offered and counted on this PC."""
        with self.db.session() as s:
            return load_support_tags(s)

    def set_support_tags(self, tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        """Replace the support tag list (the township; it travels to its stations).

        Tags already on households stay on them; a tag taken off the list is no longer
        offered nor counted as a household in difficulty.

        Raises:
            PermissionDenied: the operator may not change settings.
            ValidationError: at a station, or a list that is empty, too long or too wide.
        """
        require(self.db.operator, Permission.SETTINGS)
        checked = check_support_tags(tags)
        with self.db.writing() as s:
            node = s.scalars(select(m.LocalNode)).first()
            if node is None or node.role != "township":
                raise ValidationError(
                    "重点帮扶对象类别由乡镇群众工作办设置，随乡镇工作包和下发的数据包传到工作站。",
                    code="register.support_tags_station",
                )
            store_support_tags(s, checked)
        return checked
