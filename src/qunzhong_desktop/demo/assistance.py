"""Demo assistance cases (帮扶需求 with their checks and the help given) for a demo village.

About 60% of the households with a support tag report one or two needs over the past year,
fitting their tags (a 低保户 needs its living costs met, a 残疾人 a rehabilitation aid …),
naming the member who carries the tag, or the household for a household's tag. Each need
has the steps its state needs (网长报告 → 村党组织初核 → 镇（县）复核, some sent back and
reported again, the met ones closed with the result); the first five needs take every state
(待初核, 待复核, 实施中, 已退回, 已销号), the others are mostly being helped or closed. Only a
need in 实施中 or closed after help has help given: by the household's paired cadre, often
with a second cadre, of several kinds with amounts (元) for money and goods. Old needs still
open are past their time limit. The first 特困 person gets a single small gift this year, so
the 特困 check has someone under the township's minimum.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from qunzhong_desktop.core.assistance_case import NeedState, Step, next_state
from qunzhong_desktop.core.assistance_figures import is_poor_tag
from qunzhong_desktop.core.ledger import support_tags
from qunzhong_desktop.demo.village import DemoData

SHARE = 0.6
_UNITS = ("镇民政办", "镇社保所", "驻村工作队", "村两委", "镇卫生院")
_CHECKERS = ("村党支部 赵书记", "镇民政办 王建军", "镇群众工作办 李春梅")
# a kind of help: (kind, content, amounts in 元 to choose from — () for none, outcome)
Help = tuple[str, str, tuple[int, ...], str]
# tag → (need, category, target, help choices)
_NEEDS: dict[str, tuple[tuple[str, str, str, tuple[Help, ...]], ...]] = {
    "低保户": (
        ("家庭收入低，日常开支困难", "生活", "保障基本生活", (
            ("资金", "发放临时救助金", (500, 800, 1000), "救助金已到账"),
            ("政策办理", "协助申报低保年审材料", (), "年审通过，按月发放"),
        )),
    ),
    "特困供养(五保)": (
        ("冬季缺衣少粮，住房需检查", "生活", "保障吃穿住医", (
            ("物品", "送米面油和冬衣", (300, 600, 900), "物资已送达"),
            ("资金", "发放节日慰问金", (500, 1000), "慰问金已送达"),
        )),
    ),
    "残疾人": (
        ("行动不便，需要康复辅具", "医疗", "提高生活自理能力", (
            ("物品", "配送轮椅和助行器", (800, 1200), "辅具已配送，使用正常"),
            ("政策办理", "协助申领残疾人两项补贴", (), "补贴已按月发放"),
        )),
    ),
    "孤寡老人": (
        ("独居，需要有人照看和代购", "生活", "老有所养", (
            ("其他", "每周上门探望，代购生活用品", (), "老人身体状况良好"),
            ("物品", "送取暖器和棉被", (200, 400), "物品已送达"),
        )),
    ),
    "留守儿童": (
        ("父母外出务工，学习缺人辅导", "教育", "安全健康成长", (
            ("物品", "送学习用品和书包", (150, 300), "孩子按时上学"),
            ("其他", "结对关爱，联系学校老师", (), "成绩有进步"),
        )),
    ),
    "失地农民": (
        ("土地征收后没有稳定收入", "就业", "稳定就业增收", (
            ("就业岗位", "推荐园区企业装配岗位", (), "已在园区企业就业"),
            ("致富信息", "提供技能培训报名信息", (), "已参加电工培训"),
        )),
    ),
    "无固定职业": (
        ("想找一份离家近的工作", "就业", "实现稳定就业", (
            ("就业岗位", "推荐保洁公益性岗位", (), "已上岗"),
            ("致富信息", "推送县人社局招聘信息", (), "已参加招聘会"),
        )),
    ),
    "重病患者": (
        ("大病治疗费用负担重", "医疗", "减轻医疗负担", (
            ("政策办理", "协助办理大病医疗救助和慢病卡", (), "报销比例提高，慢病卡已办"),
            ("资金", "发放医疗救助金", (1000, 2000, 3000), "救助金已到账"),
        )),
    ),
    "困难党员": (
        ("年老体弱，生活有困难", "生活", "帮助解决生活困难", (
            ("资金", "走访慰问，送慰问金", (300, 500), "慰问金已送达"),
        )),
    ),
    "帮教对象": (
        ("刑满释放后找工作难", "就业", "顺利回归社会", (
            ("就业岗位", "对接本村合作社务工", (), "思想稳定，已务工"),
        )),
    ),
    "防返贫监测户": (
        ("收入不稳定，有返贫风险", "产业", "防止返贫", (
            ("创业项目", "落实养鸡产业奖补，提供技术指导", (), "已出栏，增收明显"),
            ("物品", "发放鸡苗 50 只和饲料", (600, 900), "鸡苗成活率高"),
            ("致富信息", "介绍电商销售渠道", (), "网店已开张"),
        )),
    ),
}  # fmt: skip
_DEFAULT = (
    ("生活上有实际困难", "其他", "改善生活条件", (
        ("其他", "走访了解困难，协调解决实际问题", (), "问题已解决"),
        ("资金", "发放临时救助金", (500,), "救助金已到账"),
    )),
)  # fmt: skip
_BACK_REASONS = ("家庭收入情况需要补充说明", "需附村民代表评议意见", "与已有帮扶重复，请核实")
_EVERY_STATE = (
    NeedState.REPORTED,
    NeedState.VILLAGE_CHECKED,
    NeedState.VERIFIED,
    NeedState.RETURNED,
    NeedState.CLOSED,
)
_LATER_STATES = (
    (NeedState.VERIFIED,) * 4 + (NeedState.CLOSED,) * 4
    + (NeedState.REPORTED, NeedState.VILLAGE_CHECKED, NeedState.RETURNED)
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoHelp:
    """Help given against a case's need; ``helpers`` index ``DemoData.cadres``."""

    given_on: dt.date
    helping_unit: str
    helper: str  # the helpers' names, as printed
    helpers: tuple[int, ...]
    target: str
    content: str
    kind: str
    amount_fen: int | None
    time_limit: dt.date | None
    result: str
    result_on: dt.date | None = None  # when the outcome was written


@dataclass(frozen=True, slots=True)
class DemoCase:
    """A generated need with its steps and help; ``household`` indexes ``DemoData.households``."""

    household: int
    person: int | None  # the member concerned, None for the household
    what: str
    category: str
    urgent: bool
    reported_by: str
    reported_on: dt.date
    time_limit: dt.date | None
    steps: tuple[tuple[Step, dt.date, str, str], ...]  # (step, day, actor, note)
    state: NeedState
    result: str
    help: tuple[DemoHelp, ...] = ()


class _Days:
    """Step days that only move forward and never pass today."""

    def __init__(self, rng: random.Random, start: dt.date, today: dt.date) -> None:
        self.rng, self.day, self.today = rng, start, today

    def next(self, low: int = 1, high: int = 6) -> dt.date:
        self.day = min(self.day + dt.timedelta(days=self.rng.randint(low, high)), self.today)
        return self.day


def generate_assistance(
    data: DemoData, *, seed: int, today: dt.date | None = None, share: float = SHARE
) -> list[DemoCase]:
    """Cases for about ``share`` of the village's households with a support tag."""
    today = today or dt.date.today()
    rng = random.Random(seed * 31 + 7)
    poor = _first_poor(data)
    cases: list[DemoCase] = []
    for index, item in enumerate(data.households):
        household = item.household
        tags = support_tags(household.tags, (p.tags for p in household.members))
        if index == poor:
            cases.append(_small_gift(data, index, today))
            continue
        if not tags or rng.random() >= share:
            continue
        used: set[str] = set()
        for _ in range(rng.choice((1, 1, 2))):
            n = len(cases) - (poor is not None and poor < index)  # the gift takes no state
            state = _EVERY_STATE[n] if n < len(_EVERY_STATE) else rng.choice(_LATER_STATES)
            fresh = [t for t in tags if t not in used]
            tag = rng.choice(fresh) if fresh else ""  # a second need: another tag, or in general
            used.add(tag)
            cases.append(_case(rng, data, index, tag, state, today=today))
    cases.sort(key=lambda c: (c.household, c.reported_on))
    return cases


def _case(
    rng: random.Random, data: DemoData, index: int, tag: str, state: NeedState, *, today: dt.date
) -> DemoCase:
    item = data.households[index]
    household = item.household
    what, category, target, helps = rng.choice(_NEEDS.get(tag, _DEFAULT))
    helped = [i for i, p in enumerate(household.members) if tag in p.tags]
    person = None if tag in household.tags or not helped else helped[0]
    # waiting needs are recent (some already past their limit), the others up to a year old
    age = rng.randint(5, 60) if state in _EVERY_STATE[:2] + _EVERY_STATE[3:4] else 0
    reported_on = today - dt.timedelta(days=age or rng.randint(40, 330))
    urgent = rng.random() < 0.15
    limit = reported_on + dt.timedelta(days=15 if urgent else rng.choice((30, 60, 90, 180)))
    reporter = data.grids[item.grid].leader_name
    days = _Days(rng, reported_on, today)
    steps: list[tuple[Step, dt.date, str, str]] = [(Step.REPORT, reported_on, reporter, "")]
    if state is NeedState.RETURNED or (state is not NeedState.REPORTED and rng.random() < 0.2):
        checker = _CHECKERS[0]  # the village sends back what it has not checked yet
        if rng.random() < 0.5:
            steps.append((Step.VILLAGE_CHECK, days.next(), checker, ""))
            checker = rng.choice(_CHECKERS[1:])
        steps.append((Step.SEND_BACK, days.next(), checker, rng.choice(_BACK_REASONS)))
        if state is not NeedState.RETURNED:
            steps.append((Step.RESUBMIT, days.next(), reporter, "已补充材料"))
    if state not in (NeedState.REPORTED, NeedState.RETURNED):
        steps.append((Step.VILLAGE_CHECK, days.next(), _CHECKERS[0], ""))
    help_given: list[DemoHelp] = []
    result = ""
    if state in (NeedState.VERIFIED, NeedState.CLOSED):
        steps.append((Step.TOWNSHIP_CHECK, days.next(), rng.choice(_CHECKERS[1:]), ""))
        for _ in range(rng.choice((1, 2, 2, 3))):
            given_on = days.next(2, 20)
            help_given.append(
                _help(
                    rng,
                    data,
                    index,
                    target,
                    rng.choice(helps),
                    given_on=given_on,
                    today=today,
                    closed=state is NeedState.CLOSED,
                    first=not help_given,
                )
            )
        if state is NeedState.CLOSED:
            result = "需求已解决：" + "，".join(dict.fromkeys(h.result for h in help_given))
            closed_on = days.next()
            steps.append((Step.CLOSE, closed_on, _CHECKERS[0], result))
            help_given = [  # outcomes written by the day it closed
                replace(h, result_on=min(h.result_on or closed_on, closed_on)) for h in help_given
            ]
    checked: NeedState | None = None
    for step, *_ in steps:  # the steps lead to the state (a generator bug fails here)
        checked = next_state(checked, step)
    if checked is not state:
        raise AssertionError(f"demo steps lead to {checked}, not {state}")
    return DemoCase(
        household=index, person=person, what=what, category=category, urgent=urgent,
        reported_by=reporter, reported_on=reported_on, time_limit=limit, steps=tuple(steps),
        state=state, result=result, help=tuple(help_given),
    )  # fmt: skip


def _help(
    rng: random.Random,
    data: DemoData,
    index: int,
    target: str,
    choice: Help,
    *,
    given_on: dt.date,
    today: dt.date,
    closed: bool = False,
    first: bool = False,
) -> DemoHelp:
    kind, content, amounts, outcome = choice
    paired = data.households[index].cadre
    helpers = [paired] if paired is not None else [rng.randrange(len(data.cadres))]
    # 多对一: a second cadre joins (always on the first help of a need met since)
    if len(data.cadres) > 1 and (rng.random() < 0.4 or (closed and first)):
        helpers.append(rng.choice([i for i in range(len(data.cadres)) if i != helpers[0]]))
    cadres = [data.cadres[i] for i in helpers] if data.cadres else []
    amount = rng.choice(amounts) if amounts else None
    limit = given_on + dt.timedelta(days=rng.choice((30, 60, 90)))
    # the outcome is written about a week later: every help of a closed need has one
    result_on = min(given_on + dt.timedelta(days=rng.randint(3, 10)), today)
    result = outcome if closed or limit <= today or rng.random() < 0.5 else ""
    return DemoHelp(
        given_on=given_on,
        helping_unit=(cadres[0].unit if cadres and cadres[0].unit else rng.choice(_UNITS)),
        helper="、".join(c.name for c in cadres),
        helpers=tuple(helpers) if cadres else (),
        target=target,
        content=f"{content} {amount} 元" if amount else content,
        kind=kind,
        amount_fen=amount * 100 if amount else None,
        time_limit=limit,
        result=result,
        result_on=result_on if result else None,
    )


def _first_poor(data: DemoData) -> int | None:
    """The first household with a 特困 person (on the household or a member)."""
    for index, item in enumerate(data.households):
        household = item.household
        if any(is_poor_tag(t) for t in household.tags) or any(
            is_poor_tag(t) for p in household.members for t in p.tags
        ):
            return index
    return None


def _small_gift(data: DemoData, index: int, today: dt.date) -> DemoCase:
    """The first 特困 person: one gift of goods this year, under the yearly minimum."""
    item = data.households[index]
    members = item.household.members
    poor = [i for i, p in enumerate(members) if any(is_poor_tag(t) for t in p.tags)]
    person = poor[0] if poor else 0
    start = max(dt.date(today.year, 1, 1), today - dt.timedelta(days=45))
    reporter = data.grids[item.grid].leader_name
    steps = (
        (Step.REPORT, start, reporter, ""),
        (Step.VILLAGE_CHECK, min(start + dt.timedelta(days=2), today), _CHECKERS[0], ""),
        (Step.TOWNSHIP_CHECK, min(start + dt.timedelta(days=5), today), _CHECKERS[1], ""),
    )
    helpers = (item.cadre,) if item.cadre is not None else ((0,) if data.cadres else ())
    names = "、".join(data.cadres[i].name for i in helpers)
    gift = DemoHelp(
        given_on=min(start + dt.timedelta(days=8), today),
        helping_unit=data.cadres[helpers[0]].unit or _UNITS[0] if helpers else _UNITS[0],
        helper=names or "王建军",
        helpers=helpers,
        target="保障吃穿住医",
        content="送米面油和冬衣 600 元",
        kind="物品",
        amount_fen=60_000,
        time_limit=start + dt.timedelta(days=90),
        result="",
    )
    return DemoCase(
        household=index, person=person, what="冬季缺衣少粮，住房需检查", category="生活",
        urgent=False, reported_by=reporter, reported_on=start,
        time_limit=start + dt.timedelta(days=90), steps=steps, state=NeedState.VERIFIED,
        result="", help=(gift,),
    )  # fmt: skip
