"""What a clerk calls the tables and fields of the store (conflicts, refusals, messages)."""

from __future__ import annotations

#: The rows of each table.
TABLES = {
    "station": "工作站", "grid": "网格", "cadre": "干部", "household": "户", "person": "居民",
    "card_issue": "联系卡", "diary_entry": "民情日记", "diary_visit": "走访记录",
    "intake_item": "事项", "item_event": "办理记录", "assistance": "帮扶记录",
    "item_correction": "事项更正", "access_log": "访问记录", "assistance_need": "帮扶需求",
    "assistance_step": "帮扶核查记录", "assistance_outcome": "帮扶成效记录",
    "agency_entry": "代办记录", "evaluation_round": "民意测评", "evaluation_tally": "测评计票",
    "mass_meeting": "民情会议", "meeting_topic": "会议议题", "mass_info": "民情信息",
    "info_group": "共性问题", "duty_day": "信访值班", "reception": "接访登记",
    "promotion_survey": "提拔前群众意见征求", "survey_answer": "群众意见",
}  # fmt: skip
#: The fields, by column name.
FIELDS = {
    "name": "姓名", "phone": "电话", "address": "地址", "note": "备注", "tags": "帮扶标签",
    "number": "编号", "relation": "与户主关系", "id_number": "身份证号", "gender": "性别",
    "birth_date": "出生日期", "grid_id": "网格", "cadre_id": "结对干部", "deleted_at": "作废",
    "state": "办理状态", "content": "诉求内容", "handler": "经办人", "domain": "诉求类别",
    "grade": "等级", "text": "日记内容", "leader_name": "网长", "leader_phone": "网长电话",
    "requester_name": "诉求人", "requester_phone": "诉求人电话", "result": "帮扶成效",
    "petition": "信访类别", "petition_form": "信访形式", "petition_reach": "信访层级",
    "satisfied": "满意票", "fair": "基本满意票", "unsatisfied": "不满意票",
    "attendance": "参会人数", "decisions": "会议决定", "topic": "主题", "info_type": "信息类型",
    "member": "值班人员", "matter": "反映事项", "answer": "群众意见",
}  # fmt: skip
