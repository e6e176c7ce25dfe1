"""Demo assistance records (帮扶记录) for the households in difficulty of a demo village.

About 60% of the households with a support tag get one to three records over the past year,
given by their paired cadre's unit when they have one, with content that fits their tags
(a 低保户 gets a subsistence review, a 残疾人 a rehabilitation aid …), naming the member who
carries the tag as the person helped (帮扶对象), or the household for a household's tag.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from qunzhong_desktop.core.ledger import support_tags
from qunzhong_desktop.demo.village import DemoData

SHARE = 0.6
_UNITS = ("镇民政办", "镇社保所", "驻村工作队", "村两委", "镇卫生院")
_HELPERS = ("王建军", "李春梅", "张国华", "刘秀兰", "陈志强", "周丽娟")
# tag → (target, content, result) choices
_HELP: dict[str, tuple[tuple[str, str, str], ...]] = {
    "低保户": (
        ("保障基本生活", "复核低保待遇，发放临时救助金 800 元", "救助金已到账"),
        ("稳定家庭收入", "协助申报低保年审材料", "年审通过，按月发放"),
    ),
    "特困供养(五保)": (("保障吃穿住医", "送米面油和冬衣，检查住房安全", "物资已送达，住房安全"),),
    "残疾人": (
        ("提高生活自理能力", "协助申领残疾人两项补贴，联系康复辅具", "补贴已发放，轮椅已配送"),
    ),
    "孤寡老人": (("老有所养", "每周上门探望，代购生活用品，联系家庭医生", "老人身体状况良好"),),
    "留守儿童": (("安全健康成长", "开展结对关爱，送学习用品，联系学校老师", "孩子按时上学"),),
    "失地农民": (("稳定就业增收", "推荐参加技能培训，对接务工岗位", "已在园区企业就业"),),
    "无固定职业": (("实现稳定就业", "登记求职意向，推荐公益性岗位", "已安排保洁公益岗"),),
    "重病患者": (("减轻医疗负担", "协助办理大病医疗救助和慢病卡", "报销比例提高，慢病卡已办"),),
    "困难党员": (("帮助解决生活困难", "走访慰问，送慰问金 500 元", "慰问金已送达"),),
    "帮教对象": (("顺利回归社会", "每月谈心谈话，协助落实就业", "思想稳定，已务工"),),
    "防返贫监测户": (
        ("防止返贫", "落实产业奖补，发放鸡苗 50 只和饲料", "已出栏，增收 3000 元"),
        ("稳定脱贫成果", "排查两不愁三保障，申请小额信贷", "信贷 3 万元已发放"),
    ),
}
_DEFAULT = (("改善生活条件", "走访了解困难，协调解决实际问题", "问题已解决"),)


@dataclass(frozen=True, slots=True)
class DemoAssistance:
    """A generated record; ``household`` indexes ``DemoData.households``."""

    household: int
    person: int | None  # 帮扶对象: the member with the tag helped, None for the household
    given_on: dt.date
    helping_unit: str
    helper: str
    target: str
    content: str
    time_limit: dt.date | None
    result: str


def generate_assistance(
    data: DemoData, *, seed: int, today: dt.date | None = None, share: float = SHARE
) -> list[DemoAssistance]:
    """Records for about ``share`` of the village's households with a support tag."""
    today = today or dt.date.today()
    rng = random.Random(seed * 31 + 7)
    records: list[DemoAssistance] = []
    for index, item in enumerate(data.households):
        household = item.household
        tags = support_tags(household.tags, (p.tags for p in household.members))
        if not tags or rng.random() >= share:
            continue
        cadre = data.cadres[item.cadre] if item.cadre is not None else None
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            tag = rng.choice(tags)
            target, content, result = rng.choice(_HELP.get(tag, _DEFAULT))
            helped = [i for i, p in enumerate(household.members) if tag in p.tags]
            person = None if tag in household.tags or not helped else helped[0]
            given_on = today - dt.timedelta(days=rng.randint(1, 360))
            limit = given_on + dt.timedelta(days=rng.choice((30, 90, 180)))
            records.append(
                DemoAssistance(
                    household=index,
                    person=person,
                    given_on=given_on,
                    helping_unit=(cadre.unit if cadre and cadre.unit else rng.choice(_UNITS)),
                    helper=cadre.name if cadre else rng.choice(_HELPERS),
                    target=target,
                    content=content,
                    time_limit=limit,
                    result=result if limit <= today else "",
                )
            )
    records.sort(key=lambda r: (r.household, r.given_on))
    return records
