"""The township's surveys of a cadre's served households before a promotion (issue 18).

Before a cadre is promoted the township asks the households the cadre served — those paired
with the cadre (household.cadre_id) and the requesters of the items the cadre handled (经办人
by name; the requester's household, or the household of the requester person) — each once.
A survey keeps one answer row per household (blank until it answers: 未答复); the answers
are counted with the 不满意率 of those who answered.

These are the township's own records (``promotion_survey``, ``survey_answer``): captured in its
outbox for the county tier, never sent to a station; a station refuses to write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.evaluation import (
    PURPOSE_MAX,
    Served,
    Survey,
    SurveyAnswer,
    checked_answer,
)
from qunzhong_desktop.core.sorting import natural_key
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.write_paths import write_path

STATION_REFUSED = "提拔前征求群众意见由乡镇群众工作办组织和登记，工作站不能在这里登记。"


def _head(household: m.Household) -> str:
    members = [p for p in household.members if p.deleted_at is None]
    head = next((p for p in members if p.relation == "户主"), None) or (
        members[0] if members else None
    )
    return head.name if head is not None else ""


def _cadre(s: Session, cadre_id: str) -> m.Cadre:
    cadre = s.get(m.Cadre, cadre_id)
    if cadre is None or cadre.deleted_at is not None:
        raise NotFoundError("所选干部已不存在，请重新选择。", code="survey.cadre")
    return cadre


def served_in(s: Session, cadre_id: str) -> list[Served]:
    """The households a cadre served, each once, by household number."""
    cadre = _cadre(s, cadre_id)
    paired = set(
        s.scalars(
            select(m.Household.id).where(
                m.Household.cadre_id == cadre_id, m.Household.deleted_at.is_(None)
            )
        )
    )
    items: dict[str, int] = {}
    name = compact(cadre.name)
    rows = s.execute(
        select(m.IntakeItem.requester_household_id, m.Person.household_id)
        .outerjoin(m.Person, m.Person.id == m.IntakeItem.requester_person_id)
        .where(
            m.IntakeItem.handler == name,
            m.IntakeItem.deleted_at.is_(None),
            or_(
                m.IntakeItem.requester_household_id.is_not(None),
                m.IntakeItem.requester_person_id.is_not(None),
            ),
        )
    )
    for household_id, person_household in rows:
        found = household_id or person_household
        if found:
            items[found] = items.get(found, 0) + 1
    out = []
    for household_id in paired | set(items):
        household = s.get(m.Household, household_id)
        if household is None or household.deleted_at is not None:
            continue
        out.append(
            Served(
                household_id=household.id,
                number=household.number,
                head=_head(household),
                address=household.address,
                phone=household.phone,
                paired=household.id in paired,
                items=items.get(household.id, 0),
            )
        )
    out.sort(key=lambda h: natural_key(h.number))
    return out


class SqlSurveys:
    """The township's surveys of a cadre's served households before a promotion."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db

    # reading -----------------------------------------------------------------------------
    def served_households(self, cadre_id: str) -> list[Served]:
        """Households paired with the cadre and requesters of items it handled, each once.

        Raises:
            NotFoundError: no such cadre.
        """
        with self.db.session() as s:
            return served_in(s, cadre_id)

    def survey(self, survey_id: str) -> Survey:
        """One live survey with its answers, by household number.

        Raises:
            NotFoundError: no live survey has that id.
        """
        with self.db.session() as s:
            return self._read(s, self._live(s, survey_id))

    def find(self, tail: str) -> Survey:
        """The live survey whose id ends with ``tail`` (the CLI lists the last 8 signs).

        Raises:
            NotFoundError: none, or more than one, matches.
        """
        wanted = tail.strip().lower()
        found = [s for s in self.surveys() if wanted and s.id.lower().endswith(wanted)]
        if len(found) != 1:
            raise NotFoundError(
                f"没有找到编号为“{tail.strip()}”的征求意见，请用 survey list 核对编号。"
                if not found
                else f"编号“{tail.strip()}”对应多次征求意见，请多写几位。",
                code="survey.not_found",
            )
        return found[0]

    def surveys(self, cadre_id: str | None = None) -> list[Survey]:
        """Live surveys (of one cadre), newest first."""
        with self.db.session() as s:
            stmt = select(m.PromotionSurvey).where(m.PromotionSurvey.deleted_at.is_(None))
            if cadre_id:
                stmt = stmt.where(m.PromotionSurvey.cadre_id == cadre_id)
            rows = s.scalars(
                stmt.order_by(m.PromotionSurvey.started_on.desc(), m.PromotionSurvey.created_at)
            ).all()
            return [self._read(s, row) for row in rows]

    # writing -----------------------------------------------------------------------------
    @write_path
    def start(self, cadre_id: str, purpose: str, day: dt.date) -> Survey:
        """A survey of every household the cadre served (answers blank until recorded).

        Raises:
            NotFoundError: no such cadre.
            ValidationError: at a station; a purpose too long; no household served.
        """
        purpose = compact(purpose)
        if len(purpose) > PURPOSE_MAX:
            raise ValidationError(
                f"征求意见的事由最多 {PURPOSE_MAX} 字。", code="survey.purpose", field="purpose"
            )
        with self.db.writing() as s:
            _township_only(s)
            served = served_in(s, cadre_id)
            if not served:
                raise ValidationError(
                    f"干部“{_cadre(s, cadre_id).name}”没有结对户，也没有经办过登记到户的事项，"
                    "无户可征求意见。",
                    code="survey.no_households",
                    field="cadre_id",
                )
            row = m.PromotionSurvey(cadre_id=cadre_id, started_on=day, purpose=purpose)
            s.add(row)
            for household in served:
                s.add(m.SurveyAnswer(survey_id=row.id, household_id=household.household_id))
            s.flush()
            return self._read(s, row)

    @write_path
    def record(
        self,
        survey_id: str,
        household: str,
        answer: str,
        *,
        note: str = "",
        day: dt.date | None = None,
    ) -> Survey:
        """Record a household's answer; a blank answer (未答复) clears it.

        ``household``: the answer row's id, the household's id or its number.

        Raises:
            NotFoundError: no live survey, or the household is not in it.
            ValidationError: an answer not among 满意 / 基本满意 / 不满意 / 未答复.
        """
        answer, note = checked_answer(answer, note)
        with self.db.writing() as s:
            _township_only(s)
            row = self._live(s, survey_id)
            wanted = compact(household)
            target = None
            for a in self._answers(s, row.id):
                h = s.get(m.Household, a.household_id)
                if wanted in (a.id, a.household_id) or (h is not None and h.number == wanted):
                    target = a
                    break
            if target is None:
                raise NotFoundError(
                    f"本次征求意见中没有户“{wanted}”。", code="survey.household", field="household"
                )
            asked_on = (day or dt.date.today()) if answer else None
            for name, value in (("answer", answer), ("note", note), ("asked_on", asked_on)):
                if getattr(target, name) != value:
                    setattr(target, name, value)
            s.flush()
            return self._read(s, row)

    @write_path(needs=Permission.DELETE)
    def delete(self, survey_id: str) -> None:
        """Remove a survey with its answers (tombstones).

        Raises:
            NotFoundError: no live survey has that id.
        """
        with self.db.writing() as s:
            _township_only(s)
            row = self._live(s, survey_id)
            now = utcnow()
            row.deleted_at = now
            for a in self._answers(s, row.id):
                a.deleted_at = now

    # helpers -----------------------------------------------------------------------------
    @staticmethod
    def _live(s: Session, survey_id: str) -> m.PromotionSurvey:
        row = s.get(m.PromotionSurvey, survey_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("这次征求意见不存在或已删除。", code="survey.not_found")
        return row

    @staticmethod
    def _answers(s: Session, survey_id: str) -> Sequence[m.SurveyAnswer]:
        return s.scalars(
            select(m.SurveyAnswer).where(
                m.SurveyAnswer.survey_id == survey_id, m.SurveyAnswer.deleted_at.is_(None)
            )
        ).all()

    def _read(self, s: Session, row: m.PromotionSurvey) -> Survey:
        cadre = s.get(m.Cadre, row.cadre_id)
        served = {h.household_id: h for h in _served_or_empty(s, row.cadre_id)}
        answers = []
        for a in self._answers(s, row.id):
            household = served.get(a.household_id) or _household(s, a.household_id)
            answers.append(SurveyAnswer(a.id, household, a.answer, a.note, a.asked_on))
        answers.sort(key=lambda a: natural_key(a.household.number))
        return Survey(
            id=row.id,
            cadre_id=row.cadre_id,
            cadre_name=cadre.name if cadre is not None else "",
            started_on=row.started_on,
            purpose=row.purpose,
            answers=tuple(answers),
        )


def _served_or_empty(s: Session, cadre_id: str) -> list[Served]:
    try:
        return served_in(s, cadre_id)
    except NotFoundError:
        return []


def _household(s: Session, household_id: str) -> Served:
    """A household no longer served (or deleted since), as the register last had it."""
    h = s.get(m.Household, household_id)
    if h is None:
        return Served(household_id, "", "", "", "", False, 0)
    return Served(h.id, h.number, _head(h), h.address, h.phone, False, 0)


def _township_only(s: Session) -> None:
    node = s.scalars(select(m.LocalNode)).first()
    if node is None or node.role != "township":
        raise ValidationError(STATION_REFUSED, code="survey.station")
