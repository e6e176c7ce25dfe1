"""The township's promotion surveys (storage/survey_repo.py): served households, answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from qunzhong_desktop.core.errors import NotFoundError, ValidationError
from qunzhong_desktop.storage import models as m
from qunzhong_desktop.storage import write_paths
from qunzhong_desktop.storage.store import Store
from tests.helpers.network import Node, make_township

DAY = dt.date(2026, 6, 1)


def _item(n: int, handler: str, **requester: str) -> m.IntakeItem:
    return m.IntakeItem(
        number=f"X2026{n:04d}", year=2026, sequence=n, received_at=dt.datetime(2026, 3, n),
        channel="来访", requester_name="某", domain="民政", grade="B", item_type="承诺件",
        content="申请低保", handler=handler, query_code=f"Q{n:05d}", state="已受理", **requester,
    )  # fmt: skip


@pytest.fixture(scope="module")
def town(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Node, dict[str, str]]]:
    node = make_township(_template_dirs[0], tmp_path_factory.mktemp("survey") / "township")
    ids: dict[str, str] = {}
    with write_paths.scope("test setup"), node.store.db.session() as s:
        wang, li = m.Cadre(name="王建国"), m.Cadre(name="李无户")
        s.add_all([wang, li])
        homes = []
        for number, paired in (("10", True), ("2", True), ("3", False), ("4", False)):
            h = m.Household(number=number, address=f"白沙村{number}号", phone="13812345678",
                            cadre_id=wang.id if paired else None)  # fmt: skip
            s.add(h)
            s.add(m.Person(household_id=h.id, name=f"户主{number}", relation="户主"))
            homes.append(h)
        s.flush()
        head3 = s.query(m.Person).filter_by(household_id=homes[2].id).one()
        s.add_all([
            _item(1, "王建国", requester_household_id=homes[0].id),  # paired as well: once
            _item(2, "王建国", requester_person_id=head3.id),  # the person's household
            _item(3, "别人", requester_household_id=homes[3].id),  # not the cadre's
        ])  # fmt: skip
        ids.update(wang=wang.id, li=li.id, h10=homes[0].id)
    yield node, ids
    node.close()


def test_served_households_each_once(town: tuple[Node, dict[str, str]]) -> None:
    node, ids = town
    served = node.store.surveys.served_households(ids["wang"])
    assert [(h.number, h.head, h.paired, h.items) for h in served] == [
        ("2", "户主2", True, 0), ("3", "户主3", False, 1), ("10", "户主10", True, 1),
    ]  # fmt: skip
    with pytest.raises(NotFoundError):
        node.store.surveys.served_households("nobody")


def test_start_record_summary_delete(town: tuple[Node, dict[str, str]]) -> None:
    node, ids = town
    surveys = node.store.surveys
    made = surveys.start(ids["wang"], "拟提拔为副科级", DAY)
    assert made.cadre_name == "王建国" and [a.answer for a in made.answers] == ["", "", ""]
    surveys.record(made.id, "2", "满意", day=DAY)
    surveys.record(made.id, ids["h10"], "不满意", note="办事拖拉", day=DAY)
    after = surveys.record(made.id, made.answers[1].id, "未答复")
    assert (after.count("满意"), after.count("不满意"), after.count("未答复")) == (1, 1, 1)
    assert after.unsatisfied.text == "50.0%（1/2）"
    assert after.answers[2].note == "办事拖拉" and after.answers[2].asked_on == DAY
    with pytest.raises(ValidationError, match="意见应为"):
        surveys.record(made.id, "2", "还行")
    with pytest.raises(NotFoundError, match="没有户“99”"):
        surveys.record(made.id, "99", "满意")
    assert surveys.survey(made.id).count("满意") == 1  # nothing changed by the refusals
    assert surveys.find(made.id[-8:]).id == made.id
    with pytest.raises(ValidationError, match="无户可征求意见"):
        surveys.start(ids["li"], "", DAY)
    surveys.delete(made.id)
    assert surveys.surveys() == []
    with pytest.raises(NotFoundError):
        surveys.survey(made.id)


def test_a_station_may_not_survey(store: Store) -> None:
    with pytest.raises(ValidationError) as caught:
        store.surveys.start("nobody", "", DAY)
    assert caught.value.code == "survey.station"
