"""Residents judge the cadres (issue 18): an evaluation round, its tallies and its results.

The practice (seed 000): every half-year each village holds a 民意测评会 on the township
office, the station, the paired unit, the stationed cadres, the work-team members and the
party members linked to households; in a cadre's promotion check "凡…群众不满意率达到40%的
干部，不予提拔任用，对群众不满意率较高的干部进行诫勉谈话" — and (seed 003) the units and
cadres ranked last are named and admonished.

Here: a round's ballots are counted per rated person or unit (满意 / 基本满意 / 不满意; a
ballot may leave a row blank), no row may count more votes than ballots came back, and the
results rank cadres and units by their share of 满意 and 基本满意. A cadre whose 不满意 share
of the votes on the row reaches the threshold (40 % by default, a township setting) is marked
不予提拔; one at or above the admonition threshold (30 % by default), or ranked last among
the cadres, joins the 诫勉谈话 list; the last unit is marked 末位. A row with no votes is not
judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.monthly.items import Rate
from qunzhong_desktop.core.text import compact

KINDS: tuple[str, ...] = ("民意测评会", "民主测评", "群众评议干部", "作风民意测评")
ANSWERS: tuple[str, ...] = ("满意", "基本满意", "不满意")
CADRE, UNIT = "cadre", "unit"  # who is rated: a person (cadre, member, party member) or a body
NO_PROMOTION = "不予提拔"
ADMONISH = "诫勉谈话"
BOTTOM = "末位"
MAX_BALLOTS = 100_000


@dataclass(frozen=True, slots=True)
class EvaluationRules:
    """The township's thresholds, in whole percent of the votes on a row."""

    no_promotion_percent: int = 40
    admonish_percent: int = 30


def checked_rules(rules: EvaluationRules) -> EvaluationRules:
    """Thresholds between 1 and 100, the admonition one not above the other.

    Raises:
        ValidationError: a threshold out of range (``field`` names it).
    """
    for field, value in (
        ("no_promotion_percent", rules.no_promotion_percent),
        ("admonish_percent", rules.admonish_percent),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100:
            raise ValidationError(
                "不满意率的界限应为 1–100 之间的整数（百分比）。",
                code="evaluation.rules",
                field=field,
            )
    if rules.admonish_percent > rules.no_promotion_percent:
        raise ValidationError(
            f"诫勉谈话的界限（{rules.admonish_percent}%）不能高于不予提拔的界限"
            f"（{rules.no_promotion_percent}%）。",
            code="evaluation.rules",
            field="admonish_percent",
        )
    return rules


@dataclass(frozen=True, slots=True)
class Tally:
    """The votes on one rated person or unit."""

    name: str
    rated: str = CADRE  # CADRE or UNIT
    satisfied: int = 0
    fair: int = 0  # 基本满意
    unsatisfied: int = 0
    role: str = ""  # what the person is (驻村干部, 工作队员 …) or the unit's kind

    @property
    def votes(self) -> int:
        """The votes on the row (ballots that left it blank not counted)."""
        return self.satisfied + self.fair + self.unsatisfied


def checked_tallies(tallies: Sequence[Tally], ballots_returned: int) -> tuple[Tally, ...]:
    """Every row named once, with counts from 0 and no more votes than ballots came back.

    Raises:
        ValidationError: a blank or doubled name, a negative count, or a row with more
            votes than ballots returned (``index``: the row, from 0; ``field``: the part).
    """
    if isinstance(ballots_returned, bool) or not 0 <= ballots_returned <= MAX_BALLOTS:
        raise ValidationError(
            f"收回的选票应为 0–{MAX_BALLOTS} 张。", code="evaluation.ballots", field="returned"
        )
    seen: set[tuple[str, str]] = set()
    out: list[Tally] = []
    for index, tally in enumerate(tallies):
        name = compact(tally.name)
        if not name:
            raise ValidationError(
                f"第 {index + 1} 行没有被测评人或单位的名称。",
                code="evaluation.name",
                index=index,
                field="name",
            )
        if (name, tally.rated) in seen:
            raise ValidationError(
                f"“{name}”列了两次。", code="evaluation.twice", index=index, field="name"
            )
        seen.add((name, tally.rated))
        for field, label, value in (
            ("satisfied", "满意", tally.satisfied),
            ("fair", "基本满意", tally.fair),
            ("unsatisfied", "不满意", tally.unsatisfied),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(
                    f"“{name}”的{label}票数应为 0 或正整数。",
                    code="evaluation.count",
                    index=index,
                    field=field,
                )
        if tally.votes > ballots_returned:
            raise ValidationError(
                f"“{name}”的票数合计 {tally.votes} 张，超过了收回的选票 {ballots_returned} 张，"
                "请核对。",
                code="evaluation.too_many",
                index=index,
                field="unsatisfied",
            )
        out.append(
            Tally(name, tally.rated, tally.satisfied, tally.fair, tally.unsatisfied, tally.role)
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Round:
    """An evaluation round: what kind, when, where, and the ballots."""

    kind: str
    day: dt.date
    villages: tuple[str, ...]  # station codes
    participants: int
    ballots_issued: int
    ballots_returned: int
    period: str = ""  # the half-year or year it judges (``2026-H2``)


def checked_round(round_: Round) -> Round:
    """A known kind, at least one village, and returned ≤ issued ≤ participants.

    Raises:
        ValidationError: said in Chinese (``field`` names the part).
    """
    if round_.kind not in KINDS:
        raise ValidationError(
            f"测评类型应为{'、'.join(KINDS)}之一。", code="evaluation.kind", field="kind"
        )
    if not round_.villages:
        raise ValidationError(
            "请选择测评的村（工作站）。", code="evaluation.villages", field="villages"
        )
    for field, label, value in (
        ("participants", "参会人数", round_.participants),
        ("ballots_issued", "发出选票", round_.ballots_issued),
        ("ballots_returned", "收回选票", round_.ballots_returned),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_BALLOTS:
            raise ValidationError(
                f"{label}应为 0–{MAX_BALLOTS} 之间的整数。", code="evaluation.number", field=field
            )
    if round_.ballots_issued > round_.participants:
        raise ValidationError(
            f"发出选票 {round_.ballots_issued} 张，多于参会人数 {round_.participants} 人。",
            code="evaluation.issued",
            field="ballots_issued",
        )
    if round_.ballots_returned > round_.ballots_issued:
        raise ValidationError(
            f"收回选票 {round_.ballots_returned} 张，多于发出的 {round_.ballots_issued} 张。",
            code="evaluation.returned",
            field="ballots_returned",
        )
    return round_


@dataclass(frozen=True, slots=True)
class Verdict:
    """One rated person's or unit's result."""

    tally: Tally
    rank: int  # among its kind (cadres, units); 0: no votes, not judged
    flags: tuple[str, ...]  # 不予提拔, 诫勉谈话, 末位

    @property
    def satisfied(self) -> Rate:
        """满意 and 基本满意 of the votes on the row."""
        t = self.tally
        return Rate(t.satisfied + t.fair, t.votes)

    @property
    def unsatisfied(self) -> Rate:
        """不满意 of the votes on the row."""
        return Rate(self.tally.unsatisfied, self.tally.votes)


def _reaches(rate: Rate, percent: int) -> bool:
    """Whether a share reaches a whole percent, exactly (40 of 100 reaches 40 %)."""
    return rate.denominator > 0 and 100 * rate.numerator >= percent * rate.denominator


def results(
    tallies: Sequence[Tally], rules: EvaluationRules = EvaluationRules()
) -> tuple[Verdict, ...]:
    """The rows ranked within their kind, cadres first, with their flags.

    Ranked by the share of 满意 and 基本满意 (ties share a rank), then by fewer 不满意; rows
    with no votes follow, unranked and unflagged.
    """
    out: list[Verdict] = []
    for rated in (CADRE, UNIT):
        rows = [t for t in tallies if t.rated == rated]
        voted = sorted(
            (t for t in rows if t.votes),
            key=lambda t: (
                -(t.satisfied + t.fair) / t.votes,
                t.unsatisfied / t.votes,
                t.name,
            ),
        )
        ranks: list[int] = []
        for index, t in enumerate(voted):
            previous = voted[index - 1] if index else None
            same = (
                previous is not None
                and (t.satisfied + t.fair) * previous.votes
                == (previous.satisfied + previous.fair) * t.votes
            )
            ranks.append(ranks[-1] if same else index + 1)
        last = ranks[-1] if ranks and len(set(ranks)) > 1 else None
        for t, rank in zip(voted, ranks, strict=True):
            flags: list[str] = []
            against = Rate(t.unsatisfied, t.votes)
            if rated == CADRE:
                if _reaches(against, rules.no_promotion_percent):
                    flags.append(NO_PROMOTION)
                if _reaches(against, rules.admonish_percent) or rank == last:
                    flags.append(ADMONISH)
            elif rank == last:
                flags.append(BOTTOM)
            out.append(Verdict(t, rank, tuple(flags)))
        out += [Verdict(t, 0, ()) for t in rows if not t.votes]
    return tuple(out)


# issue 18, engineer A: the records a store hands out, and the arithmetic of a ballot ---------
ROLES_OF_UNITS: tuple[str, ...] = ("乡镇", "工作站", "双联系单位", "职能部门", "服务窗口")
ROLE_MAX = 16  # evaluation_tally.role
NAME_MAX = 100  # evaluation_tally.name
TITLE_MAX = 100  # evaluation_round.title
BLANK = ""  # a row a ballot left blank


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone (or a body) who may be rated, chosen from the registers."""

    name: str
    rated: str  # CADRE or UNIT
    role: str  # 乡驻村干部, 工作队员 … ; 乡镇, 工作站, 双联系单位 …
    cadre_id: str | None = None


@dataclass(frozen=True, slots=True)
class Candidates:
    """Who may be rated in a village, and what the registers lack (said in Chinese)."""

    rows: tuple[Candidate, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RatedRow:
    """A row of a stored round: the tally, and the cadre of the register it names."""

    tally: Tally
    cadre_id: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class StoredRound:
    """A round as kept, with its rows in ballot order."""

    id: str
    round: Round
    title: str
    note: str
    rows: tuple[RatedRow, ...]
    deleted: bool = False

    @property
    def heading(self) -> str:
        """The title, else ``2026-H2 民意测评会``."""
        return self.title or " ".join(
            p for p in (period_text(self.round.period), self.round.kind) if p
        )


@dataclass(frozen=True, slots=True)
class RoundResult:
    """A round with its verdicts under the thresholds in force."""

    stored: StoredRound
    rules: EvaluationRules
    verdicts: tuple[Verdict, ...]

    def of_kind(self, rated: str) -> tuple[Verdict, ...]:
        """The verdicts of cadres or of units, in rank order."""
        return tuple(v for v in self.verdicts if v.tally.rated == rated)

    @property
    def admonish(self) -> tuple[Verdict, ...]:
        """The 诫勉谈话 list (cadres)."""
        return tuple(v for v in self.verdicts if ADMONISH in v.flags)

    def cadre_of(self, verdict: Verdict) -> str | None:
        """The register's cadre a verdict names, if the row was chosen from it."""
        for row in self.stored.rows:
            if row.tally.name == verdict.tally.name and row.tally.rated == verdict.tally.rated:
                return row.cadre_id
        return None


def period_text(period: str) -> str:
    """``2026-H2`` → ``2026年下半年``; ``2026-H1`` → 上半年; ``2026`` → ``2026年度``."""
    p = period.strip()
    if len(p) == 7 and p[:4].isdigit() and p[4:] in ("-H1", "-H2"):
        return f"{p[:4]}年{'上' if p.endswith('1') else '下'}半年"
    if len(p) == 4 and p.isdigit():
        return f"{p}年度"
    return p


def checked_period(period: str) -> str:
    """A period as ``2026-H1``, ``2026-H2``, ``2026`` or blank.

    Raises:
        ValidationError: anything else.
    """
    p = period.strip().upper()
    if not p or period_text(p) != p:
        return p
    raise ValidationError(
        f"测评期间“{period.strip()}”应写成 2026-H1（上半年）、2026-H2（下半年）或 2026（全年）。",
        code="evaluation.period",
        field="period",
    )


def with_ballot(
    tallies: Sequence[Tally], answers: dict[str, str], ballots_returned: int
) -> tuple[Tally, ...]:
    """The tallies with one more ballot counted: ``answers`` maps a row's name to its box.

    A row not named is left blank on this ballot.

    Raises:
        ValidationError: an empty ballot, a name not on the ballot, an unknown box, or a
            row that would count more votes than ballots came back (nothing is counted).
    """
    if not any(answers.values()):
        raise ValidationError(
            "这张选票没有勾选任何一栏，不计入。", code="evaluation.blank_ballot", field="answers"
        )
    names = {compact(t.name) for t in tallies}
    for name, answer in answers.items():
        if compact(name) not in names:
            raise ValidationError(
                f"选票上没有“{compact(name)}”这一栏。", code="evaluation.unknown_row", field="name"
            )
        if answer not in (*ANSWERS, BLANK):
            raise ValidationError(
                f"“{compact(name)}”的选项应为{'、'.join(ANSWERS)}之一（或留空）。",
                code="evaluation.answer",
                field="answer",
            )
    wanted = {compact(n): a for n, a in answers.items()}
    out = []
    for t in tallies:
        answer = wanted.get(compact(t.name), BLANK)
        out.append(
            Tally(
                t.name,
                t.rated,
                t.satisfied + (answer == ANSWERS[0]),
                t.fair + (answer == ANSWERS[1]),
                t.unsatisfied + (answer == ANSWERS[2]),
                t.role,
            )
        )
    try:
        return checked_tallies(out, ballots_returned)
    except ValidationError as exc:
        if exc.code != "evaluation.too_many":
            raise
        raise ValidationError(
            f"已录入的选票超过了收回的 {ballots_returned} 张，这张不能再计入；请核对收回张数。",
            code="evaluation.too_many_ballots",
            field="ballots_returned",
        ) from exc


# the survey of a cadre's served households before a promotion (提拔前征求群众意见) ----------
UNANSWERED = "未答复"
PURPOSE_MAX = 200
NOTE_MAX = 200


@dataclass(frozen=True, slots=True)
class Served:
    """A household the cadre served: paired with it, or a requester of an item it handled."""

    household_id: str
    number: str
    head: str
    address: str
    phone: str  # as registered; printouts mask it
    paired: bool
    items: int  # items the cadre handled for it


@dataclass(frozen=True, slots=True)
class SurveyAnswer:
    """One household's answer ("" until it answered)."""

    id: str
    household: Served
    answer: str
    note: str
    asked_on: dt.date | None


@dataclass(frozen=True, slots=True)
class Survey:
    """A survey with its households, and the counts of their answers."""

    id: str
    cadre_id: str
    cadre_name: str
    started_on: dt.date
    purpose: str
    answers: tuple[SurveyAnswer, ...]

    def count(self, answer: str) -> int:
        """Households that answered ``answer`` (``""`` or 未答复: not yet)."""
        wanted = "" if answer == UNANSWERED else answer
        return sum(1 for a in self.answers if a.answer == wanted)

    @property
    def unsatisfied(self) -> Rate:
        """不满意 of the households that answered."""
        answered = sum(1 for a in self.answers if a.answer)
        return Rate(self.count(ANSWERS[2]), answered)


def checked_answer(answer: str, note: str) -> tuple[str, str]:
    """An answer among 满意 / 基本满意 / 不满意, or blank (未答复); a short note.

    Raises:
        ValidationError: another answer, or a note too long.
    """
    answer = compact(answer)
    if answer == UNANSWERED:
        answer = ""
    if answer not in (*ANSWERS, ""):
        raise ValidationError(
            f"意见应为{'、'.join(ANSWERS)}之一，或留空（未答复）。",
            code="survey.answer",
            field="answer",
        )
    note = compact(note)
    if len(note) > NOTE_MAX:
        raise ValidationError(f"备注最多 {NOTE_MAX} 字。", code="survey.note", field="note")
    return answer, note
