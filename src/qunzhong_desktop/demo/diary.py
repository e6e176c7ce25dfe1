"""Demo resident diaries: each cadre's days of the last full month and of this month so far.

In a full month a cadre has 8–14 days in the village and 1–3 days on duty at the station,
so some fall short of the rules (10 and 2) and the monthly figures have something to flag.
Visits go to the cadre's paired households with the checklist partly filled; a few visits
find a problem that becomes an intake item (channel 走访). Drawn from one seeded generator.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from qunzhong_desktop.core.diary import DUTY_KIND, POINT_CODES, CheckMark, month_range
from qunzhong_desktop.core.workcalendar import WorkCalendar
from qunzhong_desktop.demo.village import DemoData

_VILLAGE_KINDS: tuple[tuple[str, int], ...] = (
    ("入户走访", 62), ("集中工作日", 14), ("民情恳谈会", 8), ("电话回访", 16),
)  # fmt: skip

_TEXTS: dict[str, tuple[str, ...]] = {
    "入户走访": (
        "上午入户走访结对户，了解冬季取暖和用电情况，宣传医保缴费政策。",
        "走访结对户，询问家中老人身体状况和子女务工收入，提醒注意用火安全。",
        "入户宣传防返贫监测政策，核实家庭收入变化，登记群众反映的问题。",
        "走访困难户，查看住房和饮水情况，讲解临时救助申请办法。",
    ),
    "集中工作日": (
        "参加村集中工作日，与村两委一起排查矛盾纠纷，梳理近期群众诉求。",
        "集中工作日：到组里召开户主会，收集对村道硬化和路灯安装的意见。",
        "集中工作日走村串户，核对低保和特困人员名单。",
    ),
    "民情恳谈会": (
        "组织召开民情恳谈会，二十余名群众代表参加，围绕灌溉水渠维修和垃圾清运提出建议。",
        "在村部召开民情恳谈会，听取老党员和群众代表对村务公开的意见。",
    ),
    "电话回访": (
        "电话回访上月反映问题的群众，了解办理结果和满意程度。",
        "电话联系外出务工人员家属，了解留守老人和儿童近况。",
    ),
    DUTY_KIND: (
        "在工作站坐班接待，接待来访群众，解答社保和医保政策咨询。",
        "坐班接待：帮助群众代办证明材料，登记群众诉求。",
        "在工作站值班，接听群众来电，整理民情台账。",
    ),
}

_NOTES: dict[str, tuple[str, ...]] = {
    "look_kitchen": ("米面油充足", "灶台较乱，提醒注意用火安全", "冰箱里有肉有菜"),
    "look_bedroom": ("被褥厚实", "房屋墙体有裂缝", "屋顶有漏雨痕迹"),
    "look_toilet": ("已完成改厕", "旱厕，建议纳入改厕计划", "干净整洁"),
    "ask_living": ("老人身体尚可", "老人患慢性病，需长期服药", "生活基本稳定"),
    "ask_income": ("儿子在外务工，月收入约四千元", "种植柑橘两亩", "主要靠低保和养老金"),
    "ask_advice": ("希望修通组级公路", "希望增设路灯", "希望组织技能培训"),
    "leave_care": ("天冷注意保暖",),
    "leave_promise": ("一周内反馈政策办理情况", "向村委反映并跟踪落实"),
    "leave_contact": ("留下联系卡和手机号",),
}

_FINDINGS: tuple[tuple[str, str, str, str], ...] = (
    ("房屋墙体开裂、屋顶漏雨，申请危房改造。", "基础设施", "A", "上报件"),
    ("老人患慢性病，咨询门诊慢特病待遇如何办理。", "医疗卫生", "C", "即办件"),
    ("组级公路雨天泥泞，群众出行困难，希望硬化。", "基础设施", "B", "承诺件"),
    ("家中旱厕，希望纳入今年改厕计划。", "环境卫生", "B", "承诺件"),
    ("儿子失业在家，希望推荐就业岗位或参加技能培训。", "劳动就业", "B", "承诺件"),
    ("低保年审材料不清楚，需要补交哪些证明。", "社会保障", "C", "即办件"),
)


@dataclass(slots=True)
class DemoVisit:
    """A household visited: ``household`` indexes ``DemoData.households``."""

    household: int
    checks: dict[str, CheckMark]
    note: str = ""


@dataclass(slots=True)
class DemoFinding:
    """A problem found on a visit that becomes an intake item (channel 走访)."""

    household: int
    content: str
    domain: str
    grade: str
    item_type: str
    result: str = ""


@dataclass(slots=True)
class DemoDiary:
    """A generated diary entry: ``cadre`` indexes ``DemoData.cadres``."""

    cadre: int
    day: dt.date
    kind: str
    text: str
    visits: list[DemoVisit] = field(default_factory=list)
    findings: list[DemoFinding] = field(default_factory=list)


def demo_months(today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The months the demo fills: the last full month, and this month up to today."""
    first_this = today.replace(day=1)
    last_month = first_this - dt.timedelta(days=1)
    return [month_range(last_month.year, last_month.month), (first_this, today)]


def generate_diaries(
    data: DemoData,
    *,
    seed: int = 1,
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> list[DemoDiary]:
    """Generate the cadres' diaries, by day.

    Args:
        data: the generated village (cadres, households and their pairing).
        seed: the seed of the generator.
        today: the reference date; no entry lies after it (default: today).
        calendar: the working-day calendar (default: bundled schedules only).
    """
    rng = random.Random(seed * 7919 + 3)
    today = today or dt.date.today()
    cal = calendar or WorkCalendar()
    paired: dict[int, list[int]] = {}
    for index, household in enumerate(data.households):
        if household.cadre is not None:
            paired.setdefault(household.cadre, []).append(index)
    diaries: list[DemoDiary] = []
    for first, last in demo_months(today):
        workdays = [
            first + dt.timedelta(days=n)
            for n in range((last - first).days + 1)
            if cal.is_workday(first + dt.timedelta(days=n))
        ]
        _, month_end = month_range(first.year, first.month)
        full = sum(
            1
            for n in range((month_end - first).days + 1)
            if cal.is_workday(first + dt.timedelta(days=n))
        )
        share = len(workdays) / max(full, 1)
        for cadre in range(len(data.cadres)):
            village = round(rng.randint(8, 14) * share)
            duty = round(rng.randint(1, 3) * share)
            days = sorted(rng.sample(workdays, min(len(workdays), village + duty)))
            on_duty = set(rng.sample(days, min(duty, len(days))))
            for day in days:
                kind = DUTY_KIND if day in on_duty else _kind(rng)
                diaries.append(
                    _entry(rng, data, cadre, day, kind=kind, paired=paired.get(cadre, []))
                )
    diaries.sort(key=lambda d: (d.day, d.cadre))
    return diaries


def _kind(rng: random.Random) -> str:
    kinds = [k for k, _ in _VILLAGE_KINDS]
    return rng.choices(kinds, [w for _, w in _VILLAGE_KINDS])[0]


def _entry(
    rng: random.Random, data: DemoData, cadre: int, day: dt.date, *, kind: str, paired: list[int]
) -> DemoDiary:
    diary = DemoDiary(cadre=cadre, day=day, kind=kind, text=rng.choice(_TEXTS[kind]))
    if kind not in ("入户走访", "集中工作日") or not data.households:
        return diary
    pool = paired or list(range(len(data.households)))
    low = 1 if kind == "入户走访" else 0
    count = min(len(pool), rng.randint(low, 3))
    for household in rng.sample(pool, count):
        diary.visits.append(_visit(rng, household))
        if rng.random() < 0.06:
            content, domain, grade, item_type = rng.choice(_FINDINGS)
            result = "当场解答政策，告知办理材料和地点。" if item_type == "即办件" else ""
            diary.findings.append(DemoFinding(household, content, domain, grade, item_type, result))
    return diary


def _visit(rng: random.Random, household: int) -> DemoVisit:
    thorough = rng.random()
    checks: dict[str, CheckMark] = {}
    for code in POINT_CODES:
        done = rng.random() < (0.95 if thorough > 0.3 else 0.55)
        note = rng.choice(_NOTES[code]) if done and rng.random() < 0.35 else ""
        if done or note:
            checks[code] = CheckMark(done, note)
    return DemoVisit(household, checks)
