"""Load demo diaries (:mod:`core.demo_diary`) into a store, through the change capture.

Entries and visits go in through the ORM in one transaction; each finding becomes an item
through :meth:`.SqlItems.register_item`, received at the end of its day and linked to the
entry. A day a cadre already has an entry for (demo loaded twice) is skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.diary import checklist_json
from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.demo.diary import DemoDiary
from qunzhong_desktop.demo.village import DemoData
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.items_repo import SqlItems
from qunzhong_desktop.storage.write_paths import write_path


@dataclass(frozen=True, slots=True)
class DiarySummary:
    """What a load added."""

    entries: int
    visits: int
    items: int


@write_path(needs=Permission.SETTINGS)
def load_diaries(
    db: Database, diaries: list[DemoDiary], data: DemoData, *, actor: str = ""
) -> DiarySummary:
    """Write demo diaries; ``data`` must be loaded already (its ids filled in).

    Args:
        db: the store.
        diaries: the generated entries.
        data: the village the cadres and households come from.
        actor: who registers the findings' items (default: each entry's cadre).
    """
    findings: list[tuple[str, DemoDiary]] = []
    entries = visits = 0
    with db.writing() as s:
        live = select(m.DiaryEntry.cadre_id, m.DiaryEntry.day).where(
            m.DiaryEntry.deleted_at.is_(None)
        )
        taken = {(cadre_id, day) for cadre_id, day in s.execute(live)}
        for diary in diaries:
            cadre_id = data.cadres[diary.cadre].id or ""
            if (cadre_id, diary.day) in taken:
                continue
            taken.add((cadre_id, diary.day))
            entries += 1
            entry = m.DiaryEntry(cadre_id=cadre_id, day=diary.day, kind=diary.kind, text=diary.text)
            s.add(entry)
            for position, visit in enumerate(diary.visits):
                s.add(
                    m.DiaryVisit(
                        entry_id=entry.id,
                        household_id=data.households[visit.household].household.id or "",
                        position=position,
                        checklist=checklist_json(visit.checks),
                        note=visit.note,
                    )
                )
                visits += 1
            if diary.findings:
                findings.append((entry.id, diary))
    items = SqlItems(db)
    count = 0
    for entry_id, diary in findings:
        cadre = data.cadres[diary.cadre].name
        for finding in diary.findings:
            household = data.households[finding.household].household
            head = household.head
            new = NewItem(
                channel="走访",
                domain=finding.domain,
                grade=finding.grade,
                item_type=finding.item_type,
                content=finding.content,
                requester_name="" if head and head.id else f"{household.number} 户",
                requester_person_id=head.id if head else None,
                handler=cadre,
                result=finding.result,
                diary_entry_id=entry_id,
            )
            at = dt.datetime.combine(diary.day, dt.time(17, 0))
            items.register_item(new, actor=actor or cadre, now=at)
            count += 1
    return DiarySummary(entries=entries, visits=visits, items=count)
