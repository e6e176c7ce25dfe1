"""Evaluation rounds (民意测评) and their tallies, at the station that holds them (issue 18).

A round and its rated rows are the station's rows: written here, they travel to the township
in the next bundle, which reads them (its half-year and year figures: :meth:`verdicts`).
Every write checks the round (:func:`.checked_round`) and the counts against the ballots
returned (:func:`.checked_tallies`) before anything is written, so a refusal leaves the
stored round as it was. Deleting a round makes tombstones of it and its rows; restoring
brings back the rows deleted with it.

Who may be rated (:meth:`SqlEvaluations.candidates`) comes from the registers: the township
office, the station, the unit(s) paired with the village, and the village's cadres (with
their category: stationed cadres, work-team members, 联户党员 …).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from qunzhong_desktop.core.access import Permission
from qunzhong_desktop.core.cadre_rules import LINKED_MEMBER, category_or_default
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.evaluation import (
    CADRE,
    NAME_MAX,
    ROLE_MAX,
    TITLE_MAX,
    UNIT,
    Candidate,
    Candidates,
    RatedRow,
    Round,
    RoundResult,
    StoredRound,
    Tally,
    checked_period,
    checked_round,
    checked_tallies,
    results,
    with_ballot,
)
from qunzhong_desktop.core.text import clean, compact
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage.database import Database
from qunzhong_desktop.storage.models import utcnow
from qunzhong_desktop.storage.register_rows import load_station
from qunzhong_desktop.storage.report_repo import cadre_owners
from qunzhong_desktop.storage.settings_repo import load_category_fixes
from qunzhong_desktop.storage.setup import ABOVE_STATIONS, TOWNSHIP_NAME_SETTING
from qunzhong_desktop.storage.units_repo import load_register
from qunzhong_desktop.storage.voice_settings import load_voice
from qunzhong_desktop.storage.write_paths import write_path

TOWNSHIP_REFUSED = "民意测评由村工作站登记，随数据包报到乡镇；乡镇和县里在这里只能查看。"
OFFICE = "群众工作办"


def _checked_rows(rows: Sequence[RatedRow], returned: int) -> tuple[RatedRow, ...]:
    """The rows' names compacted and their counts checked (see :func:`.checked_tallies`)."""
    for index, row in enumerate(rows):
        if len(compact(row.tally.name)) > NAME_MAX:
            raise ValidationError(
                f"第 {index + 1} 行的名称过长（最多 {NAME_MAX} 字）。",
                code="evaluation.name",
                index=index,
                field="name",
            )
        if row.tally.rated not in (CADRE, UNIT):
            raise ValidationError(
                f"第 {index + 1} 行应为个人或单位。", code="evaluation.rated", index=index,
                field="rated",
            )  # fmt: skip
        if len(compact(row.tally.role)) > ROLE_MAX:
            raise ValidationError(
                f"第 {index + 1} 行的身份过长（最多 {ROLE_MAX} 字）。",
                code="evaluation.role",
                index=index,
                field="role",
            )
    tallies = checked_tallies([r.tally for r in rows], returned)
    return tuple(
        RatedRow(
            Tally(t.name, t.rated, t.satisfied, t.fair, t.unsatisfied, compact(t.role)),
            r.cadre_id if r.tally.rated == CADRE else None,
            r.id,
        )
        for t, r in zip(tallies, rows, strict=True)
    )


def _tally(row: m.EvaluationTally) -> Tally:
    return Tally(row.name, row.rated, row.satisfied, row.fair, row.unsatisfied, row.role)


def _stored(row: m.EvaluationRound, tallies: Sequence[m.EvaluationTally]) -> StoredRound:
    return StoredRound(
        id=row.id,
        round=Round(
            kind=row.kind,
            day=row.held_on,
            villages=tuple(row.villages),
            participants=row.participants,
            ballots_issued=row.ballots_issued,
            ballots_returned=row.ballots_returned,
            period=row.period,
        ),
        title=row.title,
        note=row.note,
        rows=tuple(RatedRow(_tally(t), t.cadre_id, t.id) for t in tallies),
        deleted=row.deleted_at is not None,
    )


def _role(s: Session) -> str:
    """``station``, ``township``, or ``""`` before set-up (in the caller's session)."""
    node = s.scalars(select(m.LocalNode)).first()
    return node.role if node is not None else ""


def _set(row: object, name: str, value: object) -> None:
    """Assign only a changed value: the outbox records real changes only."""
    if getattr(row, name) != value:
        setattr(row, name, value)


class SqlEvaluations:
    """Evaluation rounds (民意测评) and their tallies, at the station that holds them."""

    def __init__(self, db: Database) -> None:
        """Records of ``db``."""
        self.db = db

    # writing -----------------------------------------------------------------------------
    @write_path
    def create(
        self,
        round_: Round,
        rows: Sequence[RatedRow],
        *,
        title: str = "",
        note: str = "",
    ) -> StoredRound:
        """A new round with its rated rows (in ballot order; counts may be 0 until tallied).

        Raises:
            ValidationError: at the township; a round or a row that does not check (in
                Chinese, ``field`` and ``index`` naming it); a cadre not in the register.
        """
        checked, title, note = self._checked(round_, title, note)
        rows = _checked_rows(rows, checked.ballots_returned)
        with self.db.writing() as s:
            self._station_only(s)
            self._villages_known(s, checked.villages)
            row = m.EvaluationRound(
                kind=checked.kind,
                period=checked.period,
                held_on=checked.day,
                villages=list(checked.villages),
                title=title,
                participants=checked.participants,
                ballots_issued=checked.ballots_issued,
                ballots_returned=checked.ballots_returned,
                note=note,
            )
            s.add(row)
            self._write_rows(s, row.id, [], rows)
            s.flush()
            return self._read(s, row.id)

    @write_path
    def update(
        self, round_id: str, round_: Round, *, title: str = "", note: str = ""
    ) -> StoredRound:
        """Change a round's details; its counts must still fit the ballots returned.

        Raises:
            NotFoundError: no live round has that id.
            ValidationError: as :meth:`create`, or a row counting more votes than the new
                number of ballots returned.
        """
        checked, title, note = self._checked(round_, title, note)
        with self.db.writing() as s:
            self._station_only(s)
            row = self._live(s, round_id)
            self._villages_known(s, checked.villages)
            checked_tallies([_tally(t) for t in self._rows(s, round_id)], checked.ballots_returned)
            _set(row, "kind", checked.kind)
            _set(row, "period", checked.period)
            _set(row, "held_on", checked.day)
            _set(row, "villages", list(checked.villages))
            _set(row, "title", title)
            _set(row, "participants", checked.participants)
            _set(row, "ballots_issued", checked.ballots_issued)
            _set(row, "ballots_returned", checked.ballots_returned)
            _set(row, "note", note)
            s.flush()
            return self._read(s, round_id)

    @write_path
    def set_rows(self, round_id: str, rows: Sequence[RatedRow]) -> StoredRound:
        """Replace the rated rows and their counts (the ballot's list, edited).

        A row keeps its stored record when its ``id`` (or else its name and kind) matches;
        rows no longer listed become tombstones.

        Raises:
            NotFoundError: no live round has that id.
            ValidationError: a row that does not check (nothing is written).
        """
        with self.db.writing() as s:
            self._station_only(s)
            row = self._live(s, round_id)
            checked = _checked_rows(rows, row.ballots_returned)
            self._write_rows(s, round_id, self._rows(s, round_id), checked)
            s.flush()
            return self._read(s, round_id)

    @write_path
    def tally(self, round_id: str, counts: Mapping[str, tuple[int, int, int]]) -> StoredRound:
        """Enter the counts (满意, 基本满意, 不满意) of named rows; rows not named keep theirs.

        Raises:
            NotFoundError: no live round has that id.
            ValidationError: a name not on the round's ballot, or a count that does not
                check — e.g. more votes on a row than ballots returned (nothing is written).
        """
        with self.db.writing() as s:
            self._station_only(s)
            row = self._live(s, round_id)
            stored = self._rows(s, round_id)
            by_name = {compact(t.name): t for t in stored}
            for name in counts:
                if compact(name) not in by_name:
                    raise ValidationError(
                        f"本次测评的选票上没有“{compact(name)}”，请先把他（它）加入测评对象。",
                        code="evaluation.unknown_row",
                        field="name",
                    )
            wanted = {compact(n): c for n, c in counts.items()}
            tallies = []
            for t in stored:
                got = wanted.get(compact(t.name))
                satisfied, fair, unsatisfied = (
                    got if got is not None else (t.satisfied, t.fair, t.unsatisfied)
                )
                tallies.append(Tally(t.name, t.rated, satisfied, fair, unsatisfied, t.role))
            checked = checked_tallies(tallies, row.ballots_returned)
            self._counts(stored, checked)
            s.flush()
            return self._read(s, round_id)

    @write_path
    def add_ballot(self, round_id: str, answers: Mapping[str, str]) -> StoredRound:
        """Count one ballot: row name → 满意 / 基本满意 / 不满意 (a row not named: blank).

        Raises:
            NotFoundError: no live round has that id.
            ValidationError: an empty ballot, an unknown row or box, or one ballot more than
                came back (nothing is counted).
        """
        with self.db.writing() as s:
            self._station_only(s)
            row = self._live(s, round_id)
            stored = self._rows(s, round_id)
            checked = with_ballot([_tally(t) for t in stored], dict(answers), row.ballots_returned)
            self._counts(stored, checked)
            s.flush()
            return self._read(s, round_id)

    @write_path(needs=Permission.DELETE)
    def delete(self, round_id: str) -> None:
        """Remove a round with its rows (tombstones; :meth:`restore` brings them back).

        Raises:
            NotFoundError: no live round has that id.
        """
        with self.db.writing() as s:
            self._station_only(s)
            row = self._live(s, round_id)
            now = utcnow()
            row.deleted_at = now
            for tally in self._rows(s, round_id):
                tally.deleted_at = now

    @write_path(needs=Permission.DELETE)
    def restore(self, round_id: str) -> StoredRound:
        """Bring back a deleted round with the rows deleted with it (撤销删除).

        Raises:
            NotFoundError: no deleted round has that id.
        """
        with self.db.writing() as s:
            self._station_only(s)
            row = s.get(m.EvaluationRound, round_id)
            if row is None or row.deleted_at is None:
                raise NotFoundError("没有可以恢复的这次测评。", code="evaluation.not_deleted")
            deleted_at, row.deleted_at = row.deleted_at, None
            for tally in s.scalars(
                select(m.EvaluationTally).where(m.EvaluationTally.round_id == round_id)
            ):
                if tally.deleted_at == deleted_at:
                    tally.deleted_at = None
            s.flush()
            return self._read(s, round_id)

    # reading -----------------------------------------------------------------------------
    def round(self, round_id: str) -> StoredRound:
        """One live round with its rows, in ballot order.

        Raises:
            NotFoundError: no live round has that id.
        """
        with self.db.session() as s:
            self._live(s, round_id)
            return self._read(s, round_id)

    def find(self, tail: str) -> StoredRound:
        """The live round whose id ends with ``tail`` (the CLI lists the last 8 signs).

        Raises:
            NotFoundError: none, or more than one, matches.
        """
        wanted = tail.strip().lower()
        with self.db.session() as s:
            ids = (
                list(
                    s.scalars(
                        select(m.EvaluationRound.id).where(
                            m.EvaluationRound.deleted_at.is_(None),
                            m.EvaluationRound.id.endswith(wanted, autoescape=True),
                        )
                    )
                )
                if wanted
                else []
            )
            if len(ids) != 1:
                raise NotFoundError(
                    f"没有找到编号为“{tail.strip()}”的测评，请用 list 核对编号。"
                    if not ids
                    else f"编号“{tail.strip()}”对应多次测评，请多写几位。",
                    code="evaluation.not_found",
                )
            return self._read(s, ids[0])

    def rounds(
        self,
        *,
        kind: str | None = None,
        period: str | None = None,
        village: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        deleted: bool = False,
    ) -> list[StoredRound]:
        """Live rounds (``deleted``: the deleted ones instead), newest first, with their rows."""
        with self.db.session() as s:
            stmt = select(m.EvaluationRound).where(
                m.EvaluationRound.deleted_at.is_not(None)
                if deleted
                else m.EvaluationRound.deleted_at.is_(None)
            )
            if kind:
                stmt = stmt.where(m.EvaluationRound.kind == kind)
            if period:
                stmt = stmt.where(m.EvaluationRound.period == period.strip().upper())
            if start is not None:
                stmt = stmt.where(m.EvaluationRound.held_on >= start)
            if end is not None:
                stmt = stmt.where(m.EvaluationRound.held_on <= end)
            rows = s.scalars(
                stmt.order_by(m.EvaluationRound.held_on.desc(), m.EvaluationRound.created_at)
            ).all()
            out = []
            for row in rows:
                if village and village.strip() not in row.villages:
                    continue
                tallies = self._rows(s, row.id, live=not deleted)
                out.append(_stored(row, tallies))
            return out

    def results(self, round_id: str) -> RoundResult:
        """A live round's verdicts under the township's thresholds in force here.

        Raises:
            NotFoundError: no live round has that id.
        """
        with self.db.session() as s:
            self._live(s, round_id)
            stored = self._read(s, round_id)
            rules = load_voice(s).rules
        return RoundResult(stored, rules, results([r.tally for r in stored.rows], rules))

    def verdicts(
        self, first: dt.date, last: dt.date, station_codes: Sequence[str] | None = None
    ) -> list[RoundResult]:
        """Every live round held from ``first`` to ``last`` with its results, oldest first.

        ``station_codes``: only rounds of these villages (None: all). For the township's
        half-year and year figures, and a cadre's record.
        """
        with self.db.session() as s:
            rules = load_voice(s).rules
        wanted = None if station_codes is None else set(station_codes)
        found = self.rounds(start=first, end=last)
        found.reverse()
        return [
            RoundResult(r, rules, results([row.tally for row in r.rows], rules))
            for r in found
            if wanted is None or wanted & set(r.round.villages)
        ]

    def candidates(self, station_code: str | None = None) -> Candidates:
        """Who may be rated in a village (the station's own by default), from the registers.

        The township office, the station, the units paired with the village (双联系单位
        first), then the village's live cadres not retired, by category and name — at the
        township, the cadres the station's bundles brought and the township's own cadres
        包村 in that village.

        Raises:
            NotFoundError: no such station here.
        """
        with self.db.session() as s:
            station = load_station(s, station_code)
            if station is None:
                raise NotFoundError(
                    f"没有找到工作站“{station_code or ''}”。", code="evaluation.station"
                )
            township = _role(s) == "township"
            setting = s.get(m.Setting, TOWNSHIP_NAME_SETTING) if township else None
            township_name = setting.value if setting is not None else station.township_name
            rows: list[Candidate] = []
            if township_name:
                office = township_name if township_name.endswith(OFFICE) else township_name + OFFICE
                rows.append(Candidate(office, UNIT, "乡镇"))
            name = station.name if "工作站" in station.name else station.name + "群众工作站"
            rows.append(Candidate(name, UNIT, "工作站"))
            paired = [u for u in load_register(s) if station.code in u.villages]
            paired.sort(key=lambda u: u.kind != "双联系单位")
            rows += [Candidate(u.name, UNIT, u.kind) for u in paired]
            notes = []
            if not paired:
                notes.append("责任单位名册中还没有与本村结对的单位（由乡镇设置联系村）。")
            fixes = load_category_fixes(s)
            owners = cadre_owners(s) if township else {}
            cadres = []
            for cadre in s.scalars(
                select(m.Cadre).where(m.Cadre.deleted_at.is_(None), m.Cadre.retired.is_(False))
            ):
                if township:
                    owner = owners.get(cadre.id)
                    mine = owner[0] == station.code if owner else cadre.village_code == station.code
                    if not mine:
                        continue
                category = fixes.get(cadre.id) or category_or_default(cadre.category, cadre.role)
                cadres.append(Candidate(compact(cadre.name), CADRE, category, cadre.id))
            order = {c: i for i, c in enumerate(_CATEGORY_ORDER)}
            cadres.sort(key=lambda c: (order.get(c.role, len(order)), c.name))
            rows += cadres
            if not any(c.role == LINKED_MEMBER for c in cadres):
                notes.append("户籍登记中没有联户党员（干部类别“联户党员”），如需测评请先登记。")
            if not cadres:
                notes.append("户籍登记中还没有在册的干部。")
            return Candidates(tuple(rows), tuple(notes))

    # helpers -----------------------------------------------------------------------------
    @staticmethod
    def _checked(round_: Round, title: str, note: str) -> tuple[Round, str, str]:
        villages = tuple(dict.fromkeys(v.strip() for v in round_.villages if v.strip()))
        for code in villages:
            if not (len(code) == 12 and code.isdigit()):
                raise ValidationError(
                    f"村（工作站）代码“{code}”应为 12 位数字。",
                    code="evaluation.villages",
                    field="villages",
                )
        checked = checked_round(
            Round(
                round_.kind,
                round_.day,
                villages,
                round_.participants,
                round_.ballots_issued,
                round_.ballots_returned,
                checked_period(round_.period),
            )
        )
        title = compact(title)
        if len(title) > TITLE_MAX:
            raise ValidationError(
                f"标题最多 {TITLE_MAX} 字。", code="evaluation.title", field="title"
            )
        return checked, title, clean(note)

    @staticmethod
    def _station_only(s: Session) -> None:
        if _role(s) in ABOVE_STATIONS:
            raise ValidationError(TOWNSHIP_REFUSED, code="evaluation.township")

    @staticmethod
    def _villages_known(s: Session, villages: Sequence[str]) -> None:
        own = load_station(s)
        if own is not None and own.code not in villages:
            raise ValidationError(
                f"测评的村中应包括本村（{own.name}，{own.code}）。",
                code="evaluation.own_village",
                field="villages",
            )

    @staticmethod
    def _live(s: Session, round_id: str) -> m.EvaluationRound:
        row = s.get(m.EvaluationRound, round_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("这次测评不存在或已删除。", code="evaluation.not_found")
        return row

    @staticmethod
    def _rows(s: Session, round_id: str, *, live: bool = True) -> list[m.EvaluationTally]:
        stmt = select(m.EvaluationTally).where(m.EvaluationTally.round_id == round_id)
        if live:
            stmt = stmt.where(m.EvaluationTally.deleted_at.is_(None))
        return list(
            s.scalars(stmt.order_by(m.EvaluationTally.position, m.EvaluationTally.created_at))
        )

    def _read(self, s: Session, round_id: str) -> StoredRound:
        row = s.get(m.EvaluationRound, round_id)
        assert row is not None
        return _stored(row, self._rows(s, round_id, live=row.deleted_at is None))

    @staticmethod
    def _write_rows(
        s: Session, round_id: str, stored: Sequence[m.EvaluationTally], rows: Sequence[RatedRow]
    ) -> None:
        by_id = {t.id: t for t in stored}
        by_name = {(t.name, t.rated): t for t in stored}
        for cadre_id in {r.cadre_id for r in rows if r.cadre_id}:
            cadre = s.get(m.Cadre, cadre_id)
            if cadre is None or cadre.deleted_at is not None:
                raise NotFoundError(
                    "所选干部已不在户籍登记中，请重新选择。", code="evaluation.cadre_missing"
                )
        kept: set[str] = set()
        for position, row in enumerate(rows):
            t = row.tally
            existing = by_id.get(row.id or "") or by_name.get((t.name, t.rated))
            if existing is None or existing.id in kept:
                s.add(
                    m.EvaluationTally(
                        round_id=round_id,
                        position=position,
                        name=t.name,
                        rated=t.rated,
                        role=t.role,
                        cadre_id=row.cadre_id,
                        satisfied=t.satisfied,
                        fair=t.fair,
                        unsatisfied=t.unsatisfied,
                    )
                )
                continue
            kept.add(existing.id)
            for name, value in (
                ("position", position), ("name", t.name), ("rated", t.rated),
                ("role", t.role), ("cadre_id", row.cadre_id), ("satisfied", t.satisfied),
                ("fair", t.fair), ("unsatisfied", t.unsatisfied),
            ):  # fmt: skip
                _set(existing, name, value)
        now = utcnow()
        for gone in stored:
            if gone.id not in kept:
                gone.deleted_at = now

    @staticmethod
    def _counts(stored: Sequence[m.EvaluationTally], tallies: Sequence[Tally]) -> None:
        for row, t in zip(stored, tallies, strict=True):
            _set(row, "satisfied", t.satisfied)
            _set(row, "fair", t.fair)
            _set(row, "unsatisfied", t.unsatisfied)


_CATEGORY_ORDER = (
    "乡主要领导", "乡副科级以上领导", "乡驻村干部", "工作队员", "村两委主要负责人",
    "村两委其他干部", "县、镇机关干部", "联户党员", "党员",
)  # fmt: skip
