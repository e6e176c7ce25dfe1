"""``qunzhong evaluation``: 民意测评 rounds, ballots, tallies, results and promotion surveys.

``new`` sets a round up (``--candidates`` lists who may be rated, from the registers),
``ballots`` prints the secret ballots, ``tally`` enters the counts per rated row (or ``--file``
a CSV 姓名/满意/基本满意/不满意), ``ballot`` counts one ballot, ``result`` shows (or prints)
the verdicts, ``delete``/``restore`` remove and bring back a round, ``rules`` shows (at the
township: sets) the thresholds, and ``survey …`` is the township's survey of a cadre's served
households before a promotion. Rounds are listed with the last 8 signs of their id.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from qunzhong_desktop.cli.common import store_of
from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.core.evaluation import (
    CADRE,
    KINDS,
    UNIT,
    Candidate,
    EvaluationRules,
    RatedRow,
    Round,
    RoundResult,
    StoredRound,
    Survey,
    Tally,
    period_text,
)
from qunzhong_desktop.core.text import compact
from qunzhong_desktop.reports.evaluation_pdf import render_ballots, render_result, render_survey
from qunzhong_desktop.reports.fonts import store_font
from qunzhong_desktop.storage.setup import node_role, township_profile
from qunzhong_desktop.storage.store import Store

SHORT = 8


def short(ident: str) -> str:
    """The last 8 signs of an id (what a clerk types)."""
    return ident[-SHORT:]


def register(commands: Any, home: argparse.ArgumentParser) -> None:
    """Add ``evaluation`` and its sub-commands."""
    ev = commands.add_parser(
        "evaluation", help="民意测评：测评、选票、计票、结果、提拔前征求意见",
        description="民意测评会、民主测评、群众评议干部、作风民意测评：登记测评、打印选票、"
        "录入票数、查看和打印结果；乡镇：设置不满意率界限、提拔前征求服务户意见。",
        parents=[home],
    )  # fmt: skip
    actions = ev.add_subparsers(dest="action", required=True, metavar="ACTION")

    new = actions.add_parser("new", help="登记一次测评", parents=[home])
    new.add_argument("--kind", default=KINDS[0], help=f"类型：{'、'.join(KINDS)}")
    new.add_argument("--period", default="", help="测评期间：2026-H1、2026-H2 或 2026")
    new.add_argument("--village", action="append", default=[], metavar="CODE",
                     help="村（工作站）代码，可多次；默认本村")  # fmt: skip
    new.add_argument("--date", default=None, help="测评日期 YYYY-MM-DD（默认今天）")
    new.add_argument("--participants", type=int, default=0, help="参会人数")
    new.add_argument("--issued", type=int, default=0, help="发出选票张数")
    new.add_argument("--returned", type=int, default=0, help="收回选票张数")
    new.add_argument("--title", default="", help="标题（可不填）")
    new.add_argument("--note", default="", help="备注")
    new.add_argument("--rate", action="append", default=[], metavar="NAME:ROLE",
                     help="测评对象（个人）：姓名:身份，可多次")  # fmt: skip
    new.add_argument("--rate-cadre", action="append", default=[], metavar="ID|NAME",
                     help="从干部名册选择的测评对象，可多次")  # fmt: skip
    new.add_argument("--rate-unit", action="append", default=[], metavar="NAME",
                     help="测评对象（单位），可多次")  # fmt: skip
    new.add_argument("--all", action="store_true", help="把可测评对象（--candidates）全部列入")
    new.add_argument("--candidates", action="store_true", help="只列出可测评的对象，不登记")
    new.add_argument("--json", action="store_true", help="以 JSON 输出")
    new.set_defaults(handler=run_new)

    listing = actions.add_parser("list", help="列出测评", parents=[home])
    listing.add_argument("--period", default=None)
    listing.add_argument("--kind", default=None)
    listing.add_argument("--json", action="store_true", help="以 JSON 数组输出")
    listing.set_defaults(handler=run_list)

    for name, helptext, handler in (
        ("show", "查看一次测评", run_show),
        ("delete", "删除一次测评（可用 restore 恢复）", run_delete),
        ("restore", "恢复删除的测评", run_restore),
    ):
        sub = actions.add_parser(name, help=helptext, parents=[home])
        sub.add_argument("id", metavar="ID", help="测评编号（list 中的 8 位）")
        if name == "show":
            sub.add_argument("--json", action="store_true")
        sub.set_defaults(handler=handler)

    ballots = actions.add_parser("ballots", help="打印测评票（不记名）", parents=[home])
    ballots.add_argument("id", metavar="ID")
    ballots.add_argument("--out", required=True, metavar="F.pdf")
    ballots.add_argument("--copies", type=int, default=1, help="份数（每页一张）")
    ballots.set_defaults(handler=run_ballots)

    tally = actions.add_parser("tally", help="录入票数", parents=[home])
    tally.add_argument("id", metavar="ID")
    tally.add_argument("--row", action="append", default=[], metavar="NAME=满意,基本满意,不满意")
    tally.add_argument(
        "--file", default=None, metavar="F.csv", help="列：姓名,满意,基本满意,不满意"
    )
    tally.set_defaults(handler=run_tally)

    ballot = actions.add_parser("ballot", help="逐张录入一张选票", parents=[home])
    ballot.add_argument("id", metavar="ID")
    ballot.add_argument("--answer", action="append", default=[], metavar="NAME=满意")
    ballot.set_defaults(handler=run_ballot)

    result = actions.add_parser("result", help="测评结果", parents=[home])
    result.add_argument("id", metavar="ID")
    result.add_argument("--json", action="store_true")
    result.add_argument("--out", default=None, metavar="F.pdf", help="打印结果表")
    result.set_defaults(handler=run_result)

    rules = actions.add_parser("rules", help="不满意率界限（乡镇设置）", parents=[home])
    rules.add_argument("--no-promotion", type=int, default=None, metavar="P")
    rules.add_argument("--admonish", type=int, default=None, metavar="P")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler=run_rules)

    survey = actions.add_parser("survey", help="提拔前征求服务户意见（乡镇）", parents=[home])
    sa = survey.add_subparsers(dest="survey_action", required=True, metavar="ACTION")
    s_new = sa.add_parser("new", help="开始征求意见", parents=[home])
    s_new.add_argument("--cadre", required=True, metavar="ID|NAME")
    s_new.add_argument("--purpose", default="")
    s_new.add_argument("--date", default=None)
    s_new.set_defaults(handler=run_survey_new)
    s_list = sa.add_parser("list", help="列出征求意见", parents=[home])
    s_list.add_argument("--json", action="store_true")
    s_list.set_defaults(handler=run_survey_list)
    s_show = sa.add_parser("show", help="查看", parents=[home])
    s_show.add_argument("id", metavar="ID")
    s_show.add_argument("--json", action="store_true")
    s_show.set_defaults(handler=run_survey_show)
    s_answer = sa.add_parser("answer", help="记录一户的意见", parents=[home])
    s_answer.add_argument("id", metavar="ID")
    s_answer.add_argument("--household", required=True, metavar="户号")
    s_answer.add_argument("--answer", required=True, help="满意、基本满意、不满意 或 未答复")
    s_answer.add_argument("--note", default="")
    s_answer.add_argument("--date", default=None)
    s_answer.set_defaults(handler=run_survey_answer)
    s_pdf = sa.add_parser("pdf", help="打印征求意见表", parents=[home])
    s_pdf.add_argument("id", metavar="ID")
    s_pdf.add_argument("--out", required=True, metavar="F.pdf")
    s_pdf.set_defaults(handler=run_survey_pdf)


# helpers ---------------------------------------------------------------------------------------
def _date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(compact(text).replace("/", "-"))
    except ValueError:
        raise ValidationError(f"日期“{text}”应写成 2026-06-28。", code="cli.date") from None


def _count(text: str, name: str) -> int:
    try:
        return int(compact(text) or "0")
    except ValueError:
        raise ValidationError(
            f"“{name}”的票数“{text}”应为整数。", code="evaluation.count", field="count"
        ) from None


def _village(store: Store, stored: StoredRound) -> str:
    names = dict(store.items.stations())
    return "、".join(names.get(c, c).removesuffix("群众工作站") for c in stored.round.villages)


def _round_json(stored: StoredRound) -> dict[str, Any]:
    r = stored.round
    return {
        "id": stored.id, "short": short(stored.id), "kind": r.kind, "period": r.period,
        "held_on": r.day.isoformat(), "villages": list(r.villages), "title": stored.title,
        "participants": r.participants, "ballots_issued": r.ballots_issued,
        "ballots_returned": r.ballots_returned, "note": stored.note,
        "rows": [
            {"id": row.id, "name": row.tally.name, "rated": row.tally.rated, "role": row.tally.role,
             "cadre_id": row.cadre_id, "satisfied": row.tally.satisfied, "fair": row.tally.fair,
             "unsatisfied": row.tally.unsatisfied}
            for row in stored.rows
        ],
    }  # fmt: skip


def _line(stored: StoredRound) -> str:
    r = stored.round
    return (
        f"{short(stored.id)}  {r.day.isoformat()}  {r.kind}  {period_text(r.period) or '—'}  "
        f"对象 {len(stored.rows)} 个  收回选票 {r.ballots_returned}/{r.ballots_issued}"
        + (f"  {stored.title}" if stored.title else "")
    )


def _candidate_json(c: Candidate) -> dict[str, Any]:
    return {"name": c.name, "rated": c.rated, "role": c.role, "cadre_id": c.cadre_id}


# rounds ----------------------------------------------------------------------------------------
def run_new(args: argparse.Namespace) -> int:
    """Set a round up, or list who may be rated."""
    with store_of(args) as store:
        station = store.register.station()
        code = args.village[0] if args.village else (station.code if station else None)
        found = store.evaluations.candidates(code)
        if args.candidates:
            if args.json:
                print(json.dumps({"candidates": [_candidate_json(c) for c in found.rows],
                                  "notes": list(found.notes)}, ensure_ascii=False, indent=1))  # fmt: skip
            else:
                for c in found.rows:
                    who = "单位" if c.rated == UNIT else "个人"
                    ident = f"  [{short(c.cadre_id)}]" if c.cadre_id else ""
                    print(f"{who}  {c.name}  {c.role}{ident}")
                for note in found.notes:
                    print(f"提示：{note}")
            return 0
        rows: list[RatedRow] = []
        if args.all:
            rows += [RatedRow(Tally(c.name, c.rated, role=c.role), c.cadre_id) for c in found.rows]
        cadres = [c for c in found.rows if c.rated == CADRE]
        for typed in args.rate_cadre:
            want = compact(typed)
            hits = [c for c in cadres if c.name == want or (c.cadre_id or "").endswith(want)]
            if len(hits) != 1:
                raise NotFoundError(
                    f"干部名册中没有（或不止一个）“{want}”，请用 evaluation new --candidates 核对。",
                    code="evaluation.cadre",
                )
            rows.append(RatedRow(Tally(hits[0].name, CADRE, role=hits[0].role), hits[0].cadre_id))
        for typed in args.rate:
            name, _, role = typed.partition(":")
            rows.append(RatedRow(Tally(compact(name), CADRE, role=compact(role))))
        for name in args.rate_unit:
            known = next(
                (c for c in found.rows if c.rated == UNIT and c.name == compact(name)), None
            )
            rows.append(RatedRow(Tally(compact(name), UNIT, role=known.role if known else "")))
        if not rows:
            raise ValidationError(
                "请列出测评对象：--rate-cadre、--rate、--rate-unit，或 --all 列入全部可测评对象。",
                code="evaluation.no_rows",
            )
        villages = tuple(args.village) or ((station.code,) if station else ())
        made = store.evaluations.create(
            Round(args.kind, _date(args.date), villages, args.participants, args.issued,
                  args.returned, args.period),
            rows, title=args.title, note=args.note,
        )  # fmt: skip
    if args.json:
        print(json.dumps(_round_json(made), ensure_ascii=False, indent=1))
    else:
        print(f"已登记测评 {short(made.id)}：{made.heading}，测评对象 {len(made.rows)} 个。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    """The live rounds, newest first."""
    with store_of(args) as store:
        found = store.evaluations.rounds(kind=args.kind, period=args.period)
    if args.json:
        print(json.dumps([_round_json(r) for r in found], ensure_ascii=False, indent=1))
    else:
        for r in found:
            print(_line(r))
        if not found:
            print("还没有登记测评。")
    return 0


def run_show(args: argparse.Namespace) -> int:
    """One round with its rows and counts."""
    with store_of(args) as store:
        stored = store.evaluations.find(args.id)
    if args.json:
        print(json.dumps(_round_json(stored), ensure_ascii=False, indent=1))
        return 0
    print(_line(stored))
    for n, row in enumerate(stored.rows, start=1):
        t = row.tally
        print(f"{n:>3}. {t.name}（{t.role or ('单位' if t.rated == UNIT else '个人')}）  "
              f"满意 {t.satisfied}  基本满意 {t.fair}  不满意 {t.unsatisfied}")  # fmt: skip
    return 0


def run_delete(args: argparse.Namespace) -> int:
    """Delete a round (tombstones)."""
    with store_of(args) as store:
        stored = store.evaluations.find(args.id)
        store.evaluations.delete(stored.id)
    print(f"已删除测评 {short(stored.id)}（可用 evaluation restore {short(stored.id)} 恢复）。")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Bring a deleted round back."""
    with store_of(args) as store:
        gone = [r for r in store.evaluations.rounds(deleted=True) if r.id.endswith(args.id.strip())]
        if len(gone) != 1:
            raise NotFoundError(f"没有可以恢复的测评“{args.id}”。", code="evaluation.not_deleted")
        store.evaluations.restore(gone[0].id)
    print(f"已恢复测评 {short(gone[0].id)}。")
    return 0


def run_ballots(args: argparse.Namespace) -> int:
    """Print the ballots."""
    if not 1 <= args.copies <= 500:
        raise ValidationError("份数应为 1–500。", code="evaluation.copies", field="copies")
    with store_of(args) as store:
        stored = store.evaluations.find(args.id)
        out = render_ballots(stored, Path(args.out), font=store_font(store),
                             village=_village(store, stored), copies=args.copies)  # fmt: skip
    print(f"已生成测评票 {args.copies} 份：{out}")
    return 0


def run_tally(args: argparse.Namespace) -> int:
    """Enter counts per row (all checked before anything is written)."""
    counts: dict[str, tuple[int, int, int]] = {}
    for typed in args.row:
        name, sep, values = typed.partition("=")
        parts = values.replace("，", ",").split(",")
        if not sep or len(parts) != 3:
            raise ValidationError(
                f"“{typed}”应写成 姓名=满意,基本满意,不满意，例如 王建国=6,0,4。",
                code="evaluation.row_format",
            )
        counts[compact(name)] = tuple(_count(p, name) for p in parts)  # type: ignore[assignment]
    if args.file:
        with open(args.file, encoding="utf-8-sig", newline="") as handle:
            for record in csv.DictReader(handle):
                name = compact(record.get("姓名") or record.get("名称") or "")
                counts[name] = tuple(_count(record.get(k) or "0", name)
                                     for k in ("满意", "基本满意", "不满意"))  # type: ignore[assignment]  # fmt: skip
    if not counts:
        raise ValidationError("请用 --row 或 --file 给出票数。", code="evaluation.no_counts")
    with store_of(args) as store:
        stored = store.evaluations.find(args.id)
        saved = store.evaluations.tally(stored.id, counts)
    print(f"已录入 {len(counts)} 行票数（测评 {short(saved.id)}）。")
    return 0


def run_ballot(args: argparse.Namespace) -> int:
    """Count one ballot."""
    answers = {}
    for typed in args.answer:
        name, _, answer = typed.partition("=")
        answers[compact(name)] = compact(answer)
    with store_of(args) as store:
        stored = store.evaluations.find(args.id)
        store.evaluations.add_ballot(stored.id, answers)
    print(f"已计入一张选票（测评 {short(stored.id)}）。")
    return 0


def _result_json(result: RoundResult) -> dict[str, Any]:
    return {
        **_round_json(result.stored),
        "rules": {"no_promotion_percent": result.rules.no_promotion_percent,
                  "admonish_percent": result.rules.admonish_percent},
        "verdicts": [
            {"name": v.tally.name, "rated": v.tally.rated, "role": v.tally.role,
             "cadre_id": result.cadre_of(v), "rank": v.rank, "flags": list(v.flags),
             "satisfied": v.tally.satisfied, "fair": v.tally.fair,
             "unsatisfied": v.tally.unsatisfied, "votes": v.tally.votes,
             "satisfied_rate": v.satisfied.text, "unsatisfied_rate": v.unsatisfied.text}
            for v in result.verdicts
        ],
    }  # fmt: skip


def run_result(args: argparse.Namespace) -> int:
    """The verdicts (and the printed result sheet with --out)."""
    with store_of(args) as store:
        result = store.evaluations.results(store.evaluations.find(args.id).id)
        out = None
        if args.out:
            out = render_result(result, Path(args.out), font=store_font(store),
                                village=_village(store, result.stored))  # fmt: skip
    if args.json:
        print(json.dumps(_result_json(result), ensure_ascii=False, indent=1))
    else:
        for v in result.verdicts:
            flags = "、".join(v.flags)
            print(f"{v.rank or '—':>3}  {v.tally.name}（{v.tally.role}）  满意率 {v.satisfied.text}"
                  f"  不满意率 {v.unsatisfied.text}" + (f"  【{flags}】" if flags else ""))  # fmt: skip
    if out is not None and not args.json:
        print(f"已生成测评结果表：{out}")
    return 0


def run_rules(args: argparse.Namespace) -> int:
    """Show, or (township) set, the thresholds."""
    with store_of(args) as store:
        settings = store.voice.get()
        if args.no_promotion is not None or args.admonish is not None:
            if node_role(store.db) != "township":
                raise ValidationError(
                    "不满意率界限由乡镇群众工作办设置，随下发的数据包传到工作站。",
                    code="evaluation.rules_station",
                )
            rules = EvaluationRules(
                args.no_promotion if args.no_promotion is not None else settings.rules.no_promotion_percent,
                args.admonish if args.admonish is not None else settings.rules.admonish_percent,
            )  # fmt: skip
            settings = store.voice.set(replace(settings, rules=rules))
    r = settings.rules
    if args.json:
        print(json.dumps({"no_promotion_percent": r.no_promotion_percent,
                          "admonish_percent": r.admonish_percent}, ensure_ascii=False))  # fmt: skip
    else:
        print(
            f"不满意率达到 {r.no_promotion_percent}%：不予提拔；达到 {r.admonish_percent}%：诫勉谈话。"
        )
    return 0


# surveys ---------------------------------------------------------------------------------------
def _survey_json(survey: Survey) -> dict[str, Any]:
    return {
        "id": survey.id, "short": short(survey.id), "cadre": survey.cadre_name,
        "cadre_id": survey.cadre_id, "started_on": survey.started_on.isoformat(),
        "purpose": survey.purpose, "unsatisfied_rate": survey.unsatisfied.text,
        "answers": [
            {"household": a.household.number, "head": a.household.head, "answer": a.answer,
             "note": a.note, "asked_on": a.asked_on.isoformat() if a.asked_on else None}
            for a in survey.answers
        ],
    }  # fmt: skip


def run_survey_new(args: argparse.Namespace) -> int:
    """Start a survey of a cadre's served households."""
    with store_of(args) as store:
        want = compact(args.cadre)
        hits = [c for c in store.register.cadres() if c.name == want or (c.id or "").endswith(want)]
        if len(hits) != 1:
            raise NotFoundError(f"没有（或不止一个）干部“{want}”。", code="survey.cadre")
        made = store.surveys.start(hits[0].id or "", args.purpose, _date(args.date))
    print(f"已开始征求意见 {short(made.id)}：{made.cadre_name}，服务户 {len(made.answers)} 户。")
    return 0


def run_survey_list(args: argparse.Namespace) -> int:
    """The surveys, newest first."""
    with store_of(args) as store:
        found = store.surveys.surveys()
    if args.json:
        print(json.dumps([_survey_json(s) for s in found], ensure_ascii=False, indent=1))
    else:
        for s in found:
            print(f"{short(s.id)}  {s.started_on.isoformat()}  {s.cadre_name}  {len(s.answers)} 户"
                  f"  不满意率 {s.unsatisfied.text}")  # fmt: skip
    return 0


def run_survey_show(args: argparse.Namespace) -> int:
    """One survey with its answers."""
    with store_of(args) as store:
        survey = store.surveys.find(args.id)
    if args.json:
        print(json.dumps(_survey_json(survey), ensure_ascii=False, indent=1))
        return 0
    print(f"{survey.cadre_name}  {survey.purpose}  不满意率 {survey.unsatisfied.text}")
    for a in survey.answers:
        print(f"  {a.household.number}  {a.household.head}  {a.answer or '未答复'}  {a.note}")
    return 0


def run_survey_answer(args: argparse.Namespace) -> int:
    """Record a household's answer."""
    with store_of(args) as store:
        survey = store.surveys.find(args.id)
        saved = store.surveys.record(survey.id, args.household, args.answer, note=args.note,
                                     day=_date(args.date))  # fmt: skip
    print(f"已记录户 {compact(args.household)} 的意见；不满意率 {saved.unsatisfied.text}。")
    return 0


def run_survey_pdf(args: argparse.Namespace) -> int:
    """Print the survey list (phones masked)."""
    with store_of(args) as store:
        survey = store.surveys.find(args.id)
        out = render_survey(survey, Path(args.out), font=store_font(store),
                            township=township_profile(store.db)[1])  # fmt: skip
    print(f"已生成征求意见表：{out}")
    return 0
