import datetime as dt

import pytest

from qunzhong_desktop.core.errors import ValidationError
from qunzhong_desktop.core.intake.corrections import (
    Correction,
    ItemFix,
    changes_between,
    describe,
    prepare,
)

CURRENT = {
    "requester_name": "王大爷", "requester_phone": "", "requester_person_id": None,
    "domain": "教育", "grade": "B", "content": "入学",
}  # fmt: skip


def fix(**values: object) -> ItemFix:
    fields = dict(CURRENT, **values)
    return ItemFix(**fields)  # type: ignore[arg-type]


def test_blank_and_missing_are_the_same_and_only_changes_are_kept() -> None:
    with pytest.raises(ValidationError) as nothing:
        changes_between(CURRENT, fix(requester_person_id="", requester_phone=None))
    assert nothing.value.code == "correction.nothing"
    assert changes_between(CURRENT, fix(content="入学申请")) == {"content": ("入学", "入学申请")}
    # a new link alone is not a correction a clerk can see
    with pytest.raises(ValidationError):
        changes_between(CURRENT, fix(requester_person_id="p1"))


def test_prepare_cleans_like_the_intake_form() -> None:
    cleaned = prepare(
        fix(requester_name=" 王 大爷 ", requester_phone="0731 8456 1234", content=" 入学\n"),
        channel="来访", item_type="承诺件", domains=["教育"],
    )  # fmt: skip
    assert (cleaned.requester_name, cleaned.requester_phone, cleaned.content) == (
        "王大爷", "0731-84561234", "入学"
    )  # fmt: skip
    with pytest.raises(ValidationError) as mobile:
        prepare(fix(requester_phone="1381234567"), channel="来访", item_type="承诺件",
                domains=["教育"])  # fmt: skip
    assert mobile.value.data["field"] == "phone" and "手机" in mobile.value.message


def test_describe_lists_fields_in_order_and_names_empty_values() -> None:
    entry = Correction(
        at=dt.datetime(2026, 12, 1, 9), actor="甲", reason="",
        changes={"content": ("a", "b"), "requester_phone": ("", "13812345678"),
                 "requester_person_id": (None, "p1")},
    )  # fmt: skip
    assert describe(entry) == "联系电话：（空） → 138****5678；诉求内容：a → b"
