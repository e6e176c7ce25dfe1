"""What happens to households, grids and cadres after they are made: 回收站 and 停用.

A mixin of :class:`.register_repo.SqlRegister` (it needs ``self.db``): the recycle bin of
deleted households and their restoring, retiring a grid or cadre (kept for history,
hidden from pickers) and deleting one nothing uses. Every write here syncs.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core import entities as e
from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import DomainError, DuplicateError, NotFoundError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.write_paths import write_path


class RegisterLifecycle:
    """The recycle bin and retiring (see the module docstring)."""

    db: Database

    def deleted_households(self) -> list[e.DeletedHousehold]:
        """The recycle bin (回收站): deleted households, the latest first."""
        with self.db.session() as s:
            rows = s.scalars(
                select(m.Household)
                .where(m.Household.deleted_at.is_not(None), m.Household.origin == "")
                .order_by(m.Household.deleted_at.desc(), func.natural_key(m.Household.number))
            )
            result = []
            for row in rows:
                members = [p for p in row.members if p.deleted_at == row.deleted_at]
                head = next((p for p in members if p.relation == "户主"), None) or (
                    members[0] if members else None
                )
                assert row.deleted_at is not None
                result.append(
                    e.DeletedHousehold(
                        id=row.id,
                        number=row.number,
                        head_name=head.name if head else "",
                        members=len(members),
                        deleted_at=row.deleted_at,
                    )
                )
            return result

    @write_path(needs=Permission.DELETE)
    def restore_household(self, household_id: str) -> None:
        """Bring a household back from the recycle bin with the members deleted with it.

        Raises:
            NotFoundError: it is not in the recycle bin.
            DuplicateError: its number, or a member's ID number, is used by a live household
                or person now (entered again after the delete): nothing is restored.
        """
        with self.db.writing() as s:
            row = s.get(m.Household, household_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError(
                    "回收站中没有这一户，可能已经恢复了。", code="household.not_deleted"
                )
            taken = s.scalar(
                select(m.Household.id).where(
                    m.Household.origin == row.origin,
                    m.Household.number == row.number,
                    m.Household.deleted_at.is_(None),
                )
            )
            if taken is not None:
                raise DuplicateError(
                    f"户号 {row.number} 现在已被另一户使用，不能恢复。"
                    "如确需恢复，请先把那一户改为别的户号。",
                    code="household.restore_number",
                )
            members = [p for p in row.members if p.deleted_at == row.deleted_at]
            for person in members:
                if not person.id_number:
                    continue
                other = s.scalar(
                    select(m.Person.name).where(
                        m.Person.origin == person.origin,
                        m.Person.id_number == person.id_number,
                        m.Person.deleted_at.is_(None),
                    )
                )
                if other is not None:
                    raise DuplicateError(
                        f"{person.name}的身份证号现在已登记在{other}名下（另一户），不能恢复。",
                        code="household.restore_person",
                    )
            row.deleted_at = None
            for person in members:
                person.deleted_at = None

    @write_path(needs=Permission.DELETE)
    def retire(self, kind: str, row_id: str, retired: bool = True) -> None:
        """停用 (or 启用 again) a grid or a cadre (``kind``: "grid" or "cadre").

        A retired one stays on the households, diaries and records that name it and in the
        list filters, but is not offered for new ones.
        """
        with self.db.writing() as s:
            row = _retirable(s, kind, row_id)
            if row.retired != retired:
                row.retired = retired

    def uses(self, kind: str, row_id: str) -> int:
        """How many live households (and, for a cadre, diary entries) name a grid or cadre."""
        with self.db.session() as s:
            column = m.Household.grid_id if kind == "grid" else m.Household.cadre_id
            count = int(
                s.scalar(
                    select(func.count())
                    .select_from(m.Household)
                    .where(column == row_id, m.Household.deleted_at.is_(None))
                )
                or 0
            )
            if kind == "cadre":
                count += int(
                    s.scalar(
                        select(func.count())
                        .select_from(m.DiaryEntry)
                        .where(m.DiaryEntry.cadre_id == row_id, m.DiaryEntry.deleted_at.is_(None))
                    )
                    or 0
                )
            return count

    @write_path(needs=Permission.DELETE)
    def delete_unused(self, kind: str, row_id: str) -> None:
        """Delete a grid or cadre nothing names (else say so: retire it instead).

        Raises:
            DomainError: code ``grid.in_use`` / ``cadre.in_use``; nothing is deleted.
        """
        used = self.uses(kind, row_id)
        with self.db.writing() as s:
            row = _retirable(s, kind, row_id)
            if used:
                what = "户" if kind == "grid" else "户或民情日记"
                label = "网格" if kind == "grid" else "干部"
                raise DomainError(
                    f"{label}“{row.name}”还有 {used} 条{what}记录用到，不能删除。"
                    "不再使用时请“停用”：它会保留在这些记录上，但不再出现在选择列表中。",
                    code=f"{kind}.in_use",
                )
            row.deleted_at = utcnow()


def _retirable(s: Session, kind: str, row_id: str) -> m.Grid | m.Cadre:
    row = s.get(m.Grid, row_id) if kind == "grid" else s.get(m.Cadre, row_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("找不到这一项，可能已被删除。", code=f"{kind}.missing")
    return row
