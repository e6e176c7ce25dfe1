"""Issue 18's core rules at their boundaries: meetings, 民情信息, petitions, the duty roster."""

from __future__ import annotations

import datetime as dt

import pytest

from qunzhong_desktop.core import duty, mass_info, meetings, petitions
from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.workcalendar import WorkCalendar

CAL = WorkCalendar()
TODAY = dt.date(2026, 11, 20)  # a Friday


# meetings ------------------------------------------------------------------------------------
def _meeting(**kw: object) -> meetings.Meeting:
    values: dict[str, object] = {
        "kind": meetings.TALK, "held_on": TODAY, "place": " 村委会 ", "host": "刘书记",
        "attendance": 30, "topics": (meetings.Topic("村道路灯坏了", "三组"),),
    }  # fmt: skip
    values.update(kw)
    return meetings.Meeting(**values)  # type: ignore[arg-type]


def test_a_meeting_is_checked_and_tidied() -> None:
    checked = meetings.checked_meeting(_meeting(), today=TODAY)
    assert checked.place == "村委会" and checked.topics[0].raised_by == "三组"
    assert meetings.open_problems(checked.topics) == checked.topics


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"kind": "座谈会"}, "meeting.kind"),
        ({"held_on": TODAY + dt.timedelta(days=1)}, "meeting.day"),
        ({"place": "  "}, "meeting.place"),
        ({"host": ""}, "meeting.host"),
        ({"attendance": 0}, "meeting.attendance"),
        ({"attendance": meetings.MAX_ATTENDANCE + 1}, "meeting.attendance"),
        ({"attendance": True}, "meeting.attendance"),
        ({"topics": (meetings.Topic("  "),)}, "meeting.topic"),
        ({"topics": (meetings.Topic("x", info_id="i1"),)}, "meeting.topic_info"),
        ({"topics": (meetings.Topic("x"),) * (meetings.MAX_TOPICS + 1)}, "meeting.topics"),
    ],
)
def test_a_wrong_meeting_is_refused_in_chinese(change: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        meetings.checked_meeting(_meeting(**change), today=TODAY)
    assert caught.value.code == code and any(
        "\u4e00" <= c <= "\u9fff" for c in caught.value.message
    )


def test_the_boundaries_of_a_meeting_pass() -> None:
    edge = _meeting(attendance=meetings.MAX_ATTENDANCE, held_on=TODAY, topics=())
    assert meetings.checked_meeting(edge, today=TODAY).attendance == meetings.MAX_ATTENDANCE
    analysed = _meeting(kind=meetings.ANALYSIS, topics=(meetings.Topic("", item_id="it"),))
    assert meetings.checked_meeting(analysed, today=TODAY).topics[0].item_id == "it"
    linked = (meetings.Topic("a", item_id="x"), meetings.Topic("b"))
    assert [t.text for t in meetings.open_problems(linked)] == ["b"]


# 民情信息 ----------------------------------------------------------------------------------
def _info(**kw: object) -> mass_info.Info:
    values: dict[str, object] = {
        "received_on": TODAY, "source": "网格员", "topic": "子女入学",
        "info_type": mass_info.SUGGESTION, "text": "希望开通校车",
    }  # fmt: skip
    values.update(kw)
    return mass_info.Info(**values)  # type: ignore[arg-type]


def test_households_named_are_counted_at_least() -> None:
    checked = mass_info.checked_info(
        _info(household_ids=("a", "b", "a"), households=1), today=TODAY
    )
    assert checked.household_ids == ("a", "b") and checked.households == 2
    assert mass_info.checked_info(_info(households=9), today=TODAY).households == 9


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"source": "微信"}, "info.source"),
        ({"topic": "交通"}, "info.topic"),
        ({"info_type": "紧急"}, "info.info_type"),
        ({"text": " "}, "info.text"),
        ({"received_on": TODAY + dt.timedelta(days=1)}, "info.day"),
        ({"households": -1}, "info.households"),
        ({"households": mass_info.MAX_HOUSEHOLDS + 1}, "info.households"),
    ],
)
def test_wrong_information_is_refused(change: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        mass_info.checked_info(_info(**change), today=TODAY)
    assert caught.value.code == code


def test_grouping_needs_two_ungrouped_of_one_topic() -> None:
    one, two = _info(id="1"), _info(id="2", text="校车太少")
    assert mass_info.checked_grouping([one, two]) == "子女入学"
    for members, code in (
        ([one], "info.group_size"),
        ([one, _info(id="3", group_id="g")], "info.grouped"),
        ([one, _info(id="4", topic="医疗保障")], "info.group_topic"),
    ):
        with pytest.raises(ValidationError) as caught:
            mass_info.checked_grouping(members)
        assert caught.value.code == code


def test_an_answer_lies_between_the_information_and_today() -> None:
    day = TODAY - dt.timedelta(days=3)
    assert mass_info.checked_answer(" 已协调 ", TODAY, today=TODAY, grouped_on=day) == "已协调"
    assert mass_info.checked_answer("好", day, today=TODAY, grouped_on=day) == "好"
    for result, when, code in (
        ("", TODAY, "info.result"),
        ("好", TODAY + dt.timedelta(days=1), "info.answer_day"),
        ("好", day - dt.timedelta(days=1), "info.answer_day"),
    ):
        with pytest.raises(ValidationError) as caught:
            mass_info.checked_answer(result, when, today=TODAY, grouped_on=day)
        assert caught.value.code == code


def test_figures_count_a_span_both_ends_included() -> None:
    first, last = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
    infos = [
        _info(received_on=first, info_type=mass_info.SIGN, item_id="x"),
        _info(received_on=last, info_type=mass_info.TREND),
        _info(received_on=last, info_type=mass_info.COMMON, topic="医疗保障"),
        _info(received_on=first - dt.timedelta(days=1)),
        _info(received_on=dt.date(2026, 11, 15)),
    ]
    f = mass_info.figures(infos, first, last)
    assert (f.total, f.suggestions, f.signals, f.common, f.to_items) == (4, 1, 2, 1, 1)
    assert (
        f.by_topic["子女入学"] == 3
        and f.by_topic["医疗保障"] == 1
        and sum(f.by_topic.values()) == 4
    )


# petitions ---------------------------------------------------------------------------------
def test_a_mark_needs_its_level_form_and_reach() -> None:
    mark = petitions.Mark(petitions.REPEAT, "来访", "到县")
    assert petitions.checked_mark(mark) is mark and mark.is_petition
    assert petitions.checked_mark(petitions.Mark()) == petitions.Mark()
    for wrong, code in (
        (petitions.Mark("", "来信", ""), "petition.level"),
        (petitions.Mark("越级", "来信", "到乡"), "petition.level"),
        (petitions.Mark(petitions.FIRST, "", "到乡"), "petition.form"),
        (petitions.Mark(petitions.FIRST, "来信", "到省"), "petition.reach"),
    ):
        with pytest.raises(ValidationError) as caught:
            petitions.checked_mark(wrong)
        assert caught.value.code == code


@pytest.mark.parametrize("days", [0, 61, True, "5"])
def test_read_days_out_of_range(days: object) -> None:
    with pytest.raises(ValidationError):
        petitions.checked_read_days(days)


def test_read_days_at_the_edges() -> None:
    assert petitions.checked_read_days(1) == 1 and petitions.checked_read_days(60) == 60


def _earlier(number: str, days_before: int, **kw: object) -> petitions.Earlier:
    values: dict[str, object] = {
        "number": number, "received_on": TODAY - dt.timedelta(days=days_before),
        "person_id": "p1", "name": "张三", "phone": "13800000000", "domain": "土地山林宅基地",
        "content": "宅基地边界与邻居有争议，请求村里调解",
    }  # fmt: skip
    values.update(kw)
    return petitions.Earlier(**values)  # type: ignore[arg-type]


def test_a_repeat_is_the_same_requester_on_a_similar_matter_within_a_year() -> None:
    new = _earlier("new", 0, content="宅基地边界争议仍未解决，再次请求调解")
    found = petitions.repeat_of(
        new,
        [
            _earlier("a", 365),  # exactly a year before: inside
            _earlier("b", 366),  # a day more: outside
            _earlier("c", 30, person_id="p2"),  # another resident
            _earlier("d", 20, content="孩子上学需要办理证明"),  # another matter
            _earlier("e", 10),
            _earlier("new", 0),  # itself
            _earlier("f", -1),  # after it
        ],
    )
    assert [e.number for e in found] == ["e", "a"]


def test_without_a_register_person_the_name_and_phone_decide() -> None:
    new = _earlier("new", 0, person_id=None)
    same = _earlier("x", 5, person_id=None)
    other_phone = _earlier("y", 5, person_id=None, phone="13900000000")
    no_phone = _earlier("z", 5, person_id=None, phone="")
    other_name = _earlier("w", 5, person_id=None, name="李四")
    found = petitions.repeat_of(new, [same, other_phone, no_phone, other_name])
    assert {e.number for e in found} == {"x", "z"}


def test_similarity_is_stricter_across_domains() -> None:
    assert petitions.similarity("", "abc") == 0.0
    assert petitions.similarity("同一句话", "同一句话") == 1.0
    new = _earlier("new", 0, content="宅基地边界争议请求调解", domain="矛盾纠纷")
    alike = _earlier("a", 5, content="宅基地边界争议，请求村里调解")  # another domain, close text
    loose = _earlier("b", 5, content="宅基地的事情")  # another domain, loosely alike
    assert [e.number for e in petitions.repeat_of(new, [alike, loose])] == ["a"]


def test_the_read_rate_counts_in_time_late_and_waiting() -> None:
    monday = dt.date(2026, 11, 16)
    limit = CAL.add_workdays(monday, 3)  # Thursday
    handlings = [
        petitions.Handling(monday, limit),  # on the last day: in time
        petitions.Handling(monday, limit + dt.timedelta(days=1)),  # a day late
        petitions.Handling(monday, None),  # days run out by today (Friday): late
        petitions.Handling(TODAY, None),  # days not run out: waiting, left out
    ]
    figures = petitions.read_rate(handlings, CAL, days=3, today=TODAY)
    assert (figures.rate.numerator, figures.rate.denominator) == (1, 3)
    assert (figures.late, figures.waiting) == (2, 1)
    empty = petitions.read_rate([], CAL, days=3, today=TODAY)
    assert empty.rate.value is None and empty.rate.text == "—（0/0）"


def test_level_counts_and_areas() -> None:
    marks = [petitions.Mark(petitions.FIRST, "来信", "到乡"),
             petitions.Mark(petitions.REPEAT, "来访", "赴京"), petitions.Mark()]  # fmt: skip
    counts = petitions.level_counts(marks)
    assert counts["合计"] == 2 and counts[petitions.FIRST] == 1 and counts["赴京"] == 1
    assert counts["到市"] == 0
    areas = petitions.checked_areas({"矛盾纠纷": " 张副书记 "}, ["矛盾纠纷", "教育"])
    assert petitions.proposed_handler(areas, "矛盾纠纷") == "张副书记"
    assert petitions.proposed_handler(areas, "教育") == ""
    with pytest.raises(ValidationError):
        petitions.checked_areas({"外星": "某"}, ["矛盾纠纷"])
    with pytest.raises(ValidationError):
        petitions.checked_areas({"矛盾纠纷": " "}, ["矛盾纠纷"])


# the duty roster ---------------------------------------------------------------------------
def test_a_duty_on_a_day_off_is_refused() -> None:
    assert duty.checked_duty(duty.Duty(TODAY, " 王委员 "), CAL).member == "王委员"
    for wrong, code in (
        (duty.Duty(dt.date(2026, 11, 22), "王委员"), "duty.day_off"),  # a Sunday
        (duty.Duty(dt.date(2026, 10, 1), "王委员"), "duty.day_off"),  # 国庆
        (duty.Duty(TODAY, " "), "duty.member"),
    ):
        with pytest.raises(ValidationError) as caught:
            duty.checked_duty(wrong, CAL)
        assert caught.value.code == code


def test_the_roster_shows_uncovered_working_days() -> None:
    monday, sunday = dt.date(2026, 11, 16), dt.date(2026, 11, 22)
    duties = [duty.Duty(monday + dt.timedelta(days=n), "王委员") for n in (0, 1, 3, 4)]
    roster = duty.roster(duties, CAL, monday, sunday, {monday: 2})
    assert roster.uncovered == (dt.date(2026, 11, 18),)
    (week,) = roster.weeks
    assert week.monday == monday and len(week.days) == 7
    assert week.days[0].receptions == 2 and not week.days[5].working and not week.days[5].uncovered


def test_a_roster_starts_on_a_monday_and_ends_on_a_sunday() -> None:
    roster = duty.roster([], CAL, dt.date(2026, 11, 19), dt.date(2026, 11, 24))
    assert [w.monday for w in roster.weeks] == [dt.date(2026, 11, 16), dt.date(2026, 11, 23)]
    outside = roster.weeks[0].days[0]  # Monday the 16th, before the span: not to be covered
    assert not outside.working and not outside.uncovered
    assert roster.uncovered == (dt.date(2026, 11, 19), dt.date(2026, 11, 20),
                                dt.date(2026, 11, 23), dt.date(2026, 11, 24))  # fmt: skip


def test_rotation_by_day_and_by_week() -> None:
    monday = dt.date(2026, 11, 16)
    by_day = duty.rotation(["甲", "乙"], CAL, monday, monday + dt.timedelta(days=13), by="day")
    assert [d.member for d in by_day[:3]] == ["甲", "乙", "甲"] and len(by_day) == 10
    by_week = duty.rotation(["甲", "乙"], CAL, monday, monday + dt.timedelta(days=13), by="week")
    assert {d.member for d in by_week[:5]} == {"甲"} and {d.member for d in by_week[5:]} == {"乙"}
    for members, code in (([], "duty.members"), (["甲", " 甲"], "duty.members")):
        with pytest.raises(ValidationError) as caught:
            duty.rotation(members, CAL, monday, monday, by="day")
        assert caught.value.code == code
    with pytest.raises(ValidationError):
        duty.working_days(CAL, monday, monday - dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        duty.working_days(CAL, monday, monday + dt.timedelta(days=duty.MAX_ROSTER_DAYS))


def test_a_reception_is_checked() -> None:
    got = duty.checked_reception(
        duty.Reception(TODAY, "", " 反映低保 ", 3, ("民政办", " 民政办", "司法所")),
        on_duty="王委员", today=TODAY,
    )  # fmt: skip
    assert (got.member, got.matter, got.units, got.joint) == (
        "王委员", "反映低保", ("民政办", "司法所"), True,
    )  # fmt: skip
    for wrong, on_duty, code in (
        (duty.Reception(TODAY, "", " "), "王委员", "reception.matter"),
        (duty.Reception(TODAY + dt.timedelta(days=1), "", "x"), "王委员", "reception.day"),
        (duty.Reception(TODAY, "", "x"), "", "reception.member"),
        (duty.Reception(TODAY, "", "x", 0), "王委员", "reception.visitors"),
    ):
        with pytest.raises(ValidationError) as caught:
            duty.checked_reception(wrong, on_duty=on_duty, today=TODAY)
        assert caught.value.code == code
