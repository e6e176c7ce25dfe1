"""Load generated demo data (:mod:`core.demo`) into a store, fast and through change capture.

Grids, cadres and households go in through the ORM, so the outbox records every row as it
would for a clerk's typing; households are written in batches with one flush each
(:func:`.register_repo.add_households`) rather than one transaction per household. Intake
items and their events (:mod:`core.demo_items`) go in as ORM bulk inserts, which the change
capture records too; their numbers continue the store's counters in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.errors import SetupError
from qunzhong_desktop.core.ids import new_id
from qunzhong_desktop.core.intake.rules import item_number
from qunzhong_desktop.core.work import Progress
from qunzhong_desktop.demo.assistance import DemoCase
from qunzhong_desktop.demo.items import DemoItem
from qunzhong_desktop.demo.village import DemoData
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.register_write import add_households
from qunzhong_desktop.storage.write_paths import write_path


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What a load added (grids and cadres found by name are reused, not counted)."""

    households: int
    persons: int
    grids: int
    cadres: int
    paired: int


@write_path(needs=Permission.SETTINGS)
def load_demo(
    db: Database, data: DemoData, *, batch: int = 2000, progress: Progress | None = None
) -> DemoSummary:
    """Write demo data; ids are filled into ``data``'s records.

    A live grid with the same name, or a live cadre with the same name and unit, is reused,
    so loading twice gives more households in the same grids. Up to ``batch`` households
    go in one transaction (300 households: one transaction with grids and cadres).

    Args:
        db: the store.
        data: the generated village.
        batch: households per transaction.
        progress: called with (households written, total) after each transaction.

    Raises:
        DuplicateError: a household number or ID number is already taken (the transaction
            of that batch is rolled back; earlier batches stay).
    """
    total = len(data.households)
    new_grids = new_cadres = 0
    start = 0
    while True:
        chunk = data.households[start : start + batch]
        with db.writing() as s:
            if start == 0:
                new_grids, new_cadres = _grids_and_cadres(s, data)
            for item in chunk:
                item.household.grid_id = data.grids[item.grid].id
                if item.cadre is not None:
                    item.household.cadre_id = data.cadres[item.cadre].id
            add_households(s, [item.household for item in chunk])
        start += len(chunk)
        if progress is not None:
            progress(start, total)
        if start >= total:
            break
    return DemoSummary(
        households=total,
        persons=data.persons,
        grids=new_grids,
        cadres=new_cadres,
        paired=sum(1 for item in data.households if item.cadre is not None),
    )


def taken(db: Database) -> tuple[int, set[str]]:
    """What new demo households must not reuse: household numbers and ID numbers.

    Tombstoned rows count too: their numbers stay unique in the tables.

    Returns:
        (1 + the largest all-digit household number, or 1; the set of ID numbers).
    """
    with db.session() as s:
        numbers = s.scalars(select(m.Household.number))
        highest = max((int(n) for n in numbers if n.isascii() and n.isdigit()), default=0)
        ids = set(s.scalars(select(m.Person.id_number).where(m.Person.id_number.is_not(None))))
    return highest + 1, {i for i in ids if i}


def _grids_and_cadres(s: Session, data: DemoData) -> tuple[int, int]:
    grids = {g.name: g for g in s.scalars(select(m.Grid).where(m.Grid.deleted_at.is_(None)))}
    cadres = {
        (c.name, c.unit): c for c in s.scalars(select(m.Cadre).where(m.Cadre.deleted_at.is_(None)))
    }
    new_grids = new_cadres = 0
    for grid in data.grids:
        grid_row = grids.get(grid.name)
        if grid_row is None:
            grid_row = m.Grid(
                name=grid.name, leader_name=grid.leader_name, leader_phone=grid.leader_phone
            )
            s.add(grid_row)
            grids[grid.name] = grid_row
            new_grids += 1
        grid.id = grid_row.id
    for cadre in data.cadres:
        cadre_row = cadres.get((cadre.name, cadre.unit))
        if cadre_row is None:
            cadre_row = m.Cadre(
                name=cadre.name,
                phone=cadre.phone,
                unit=cadre.unit,
                role=cadre.role,
                category=cadre.category,
            )
            s.add(cadre_row)
            cadres[(cadre.name, cadre.unit)] = cadre_row
            new_cadres += 1
        cadre.id = cadre_row.id
    s.flush()
    return new_grids, new_cadres


@write_path(needs=Permission.SETTINGS)
def load_items(
    db: Database,
    items: list[DemoItem],
    data: DemoData | None = None,
    *,
    batch: int = 5000,
    progress: Progress | None = None,
) -> int:
    """Write demo intake items with their histories, numbered after the store's counters.

    Items are numbered per year in the order they were received. Up to ``batch`` items go in
    one transaction together with the bump of their year's counter, so a failed batch
    leaves neither rows nor a gap in the numbers (earlier batches stay).

    Args:
        db: the store (its station gives the numbers' prefix).
        items: the generated items, as :func:`.demo_items.generate_items` returns them.
        data: the village the requesters come from, already loaded (its ids filled in);
            without it the items keep only the requesters' names and phones.
        batch: items per transaction.
        progress: called with (items written, total) after each transaction.

    Returns:
        How many items were written.

    Raises:
        SetupError: the station is not set up.
    """
    ordered = sorted(items, key=lambda item: item.received_at)
    total = len(ordered)
    for start in range(0, total, batch):
        chunk = ordered[start : start + batch]
        with db.writing() as s:
            station = load_station(s)
            if station is None:
                raise SetupError("本机尚未设置工作站，不能生成受理事项。", code="setup.station")
            item_rows: list[dict[str, Any]] = []
            event_rows: list[dict[str, Any]] = []
            agency_rows: list[dict[str, Any]] = []
            counters: dict[int, m.ItemCounter] = {}
            for item in chunk:
                year = item.received_at.year
                counter = counters.get(year) or _counter(s, year)
                counters[year] = counter
                counter.last += 1
                row = _item_row(item, data)
                row["number"] = item_number(station.code, year, counter.last)
                row["year"], row["sequence"] = year, counter.last
                item_rows.append(row)
                event_rows.extend(_event_rows(item, str(row["id"])))
                agency_rows.extend(_agency_rows(item, str(row["id"])))
            s.execute(insert(m.IntakeItem), item_rows)
            s.execute(insert(m.ItemEvent), event_rows)
            if agency_rows:
                s.execute(insert(m.AgencyEntry), agency_rows)
        if progress is not None:
            progress(min(start + batch, total), total)
    return total


def _counter(s: Session, year: int) -> m.ItemCounter:
    counter = s.get(m.ItemCounter, year)
    if counter is None:
        counter = m.ItemCounter(year=year, last=0)
        s.add(counter)
    return counter


def _item_row(item: DemoItem, data: DemoData | None) -> dict[str, Any]:
    person_id = household_id = None
    if data is not None and item.requester is not None:
        household = data.households[item.requester[0]].household
        household_id = household.id
        person_id = household.members[item.requester[1]].id
    return {
        "id": new_id(),
        "received_at": item.received_at,
        "channel": item.channel,
        "requester_person_id": person_id,
        "requester_household_id": household_id,
        "requester_name": item.requester_name,
        "requester_phone": item.requester_phone,
        "domain": item.domain,
        "grade": item.grade,
        "item_type": item.item_type,
        "content": item.content,
        "handler": item.handler,
        "promised_days": item.promised_days,
        "query_code": item.query_code,
        "state": item.state.value,
        "due_on": item.due_on,
        "agency_mode": item.agency.mode,
        "agency_auth_on": item.agency.auth_on,
        "agency_auth_kind": item.agency.auth_kind,
        "agency_agent": item.agency.agent,
        "agency_office": item.agency.office,
    }


def _agency_rows(item: DemoItem, item_id: str) -> list[dict[str, Any]]:
    return [
        {"id": new_id(), "item_id": item_id, "kind": entry.kind, "day": entry.day,
         "text": entry.text, "actor": entry.actor}
        for entry in item.agency_entries
    ]  # fmt: skip


def _event_rows(item: DemoItem, item_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": new_id(),
            "item_id": item_id,
            "position": position,
            "at": event.at,
            "actor": event.actor,
            "actor_role": role.value,
            "from_state": event.from_state.value if event.from_state else None,
            "to_state": event.to_state.value,
            "note": event.note,
            "data": dict(event.data),
        }
        for position, (event, role) in enumerate(zip(item.events, item.roles, strict=True))
    ]


@write_path(needs=Permission.SETTINGS)
def load_assistance(db: Database, cases: list[DemoCase], data: DemoData) -> int:
    """Write demo assistance cases for households of ``data`` (already loaded, ids filled).

    Each need goes in with its steps, its help given (helpers as cadre ids) and, for help
    with an outcome, the outcome's history row, in one transaction of bulk inserts.

    Returns:
        How many help records were written.
    """
    needs: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    given: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    for case in cases:
        household = data.households[case.household].household
        person_id = None if case.person is None else household.members[case.person].id
        need_id = new_id()
        needs.append(
            {
                "id": need_id, "household_id": household.id, "person_id": person_id,
                "what": case.what, "category": case.category, "urgent": case.urgent,
                "reported_by": case.reported_by, "reported_on": case.reported_on,
                "time_limit": case.time_limit, "state": case.state.value, "result": case.result,
            }
        )  # fmt: skip
        steps.extend(
            {"id": new_id(), "need_id": need_id, "step": step.value, "day": day,
             "actor": actor, "note": note}
            for step, day, actor, note in case.steps
        )  # fmt: skip
        for help_given in case.help:
            record_id = new_id()
            given.append(
                {
                    "id": record_id, "household_id": household.id, "person_id": person_id,
                    "need_id": need_id, "given_on": help_given.given_on,
                    "helping_unit": help_given.helping_unit, "helper": help_given.helper,
                    "helper_ids": [data.cadres[i].id for i in help_given.helpers],
                    "target": help_given.target, "content": help_given.content,
                    "kind": help_given.kind, "amount_fen": help_given.amount_fen,
                    "time_limit": help_given.time_limit, "result": help_given.result,
                }
            )  # fmt: skip
            if help_given.result:
                outcomes.append(
                    {"id": new_id(), "assistance_id": record_id,
                     "day": help_given.result_on or help_given.given_on,
                     "text": help_given.result, "actor": help_given.helper[:50]}
                )  # fmt: skip
    if needs:
        with db.writing() as s:
            s.execute(insert(m.AssistanceNeed), needs)
            s.execute(insert(m.AssistanceStep), steps)
            if given:
                s.execute(insert(m.Assistance), given)
            if outcomes:
                s.execute(insert(m.AssistanceOutcome), outcomes)
    return len(given)
