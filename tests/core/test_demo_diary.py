import datetime as dt
from collections import Counter

from qunzhong_desktop.core.diary import DiaryEntry, DiaryVisit, check_entry, is_duty
from qunzhong_desktop.demo.diary import demo_months, generate_diaries
from qunzhong_desktop.demo.village import generate

TODAY = dt.date(2026, 11, 20)


def test_diaries_follow_the_rules_and_the_pairing() -> None:
    data = generate("430121101201", "白沙村", households=120, seed=3, today=TODAY)
    diaries = generate_diaries(data, seed=3, today=TODAY)
    assert diaries == generate_diaries(data, seed=3, today=TODAY)  # reproducible
    (first, last), (_this_month, _today) = demo_months(TODAY)
    assert (first, last) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert all(first <= d.day <= TODAY for d in diaries)
    october = [d for d in diaries if d.day <= last]
    per_cadre = Counter((d.cadre, is_duty(d.kind)) for d in october)
    for cadre in range(len(data.cadres)):
        assert 7 <= per_cadre[(cadre, False)] <= 14
        assert 1 <= per_cadre[(cadre, True)] <= 3
    assert len({(d.cadre, d.day) for d in diaries}) == len(diaries)  # one a day
    for d in diaries:
        for visit in d.visits:
            paired = data.households[visit.household].cadre
            assert paired == d.cadre
        check_entry(
            DiaryEntry(
                cadre_id="c", day=d.day, kind=d.kind, text=d.text,
                visits=[DiaryVisit(str(v.household), v.checks) for v in d.visits],
            ),
            today=TODAY,
        )  # fmt: skip
    assert any(d.findings for d in diaries)
    assert any(
        v.done_count() < 9 for d in diaries for v in [DiaryVisit("h", x.checks) for x in d.visits]
    )
