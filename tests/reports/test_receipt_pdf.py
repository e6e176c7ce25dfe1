import datetime as dt
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.core.intake.records import NewItem
from qunzhong_desktop.core.intake.states import State
from qunzhong_desktop.reports.fonts import CjkFont, find_cjk_font
from qunzhong_desktop.reports.receipt_pdf import (
    ReceiptOutputError,
    promised_text,
    render_receipt,
)
from qunzhong_desktop.storage.store import Store

MONDAY = dt.datetime(2026, 11, 16, 9, 30)


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _new(**kw: object) -> NewItem:
    values: dict[str, object] = dict(
        channel="来访", domain="社会保障", grade="B", item_type="承诺件",
        content="咨询城乡居民养老保险补缴", requester_name="王大爷", requester_phone="13812345678",
    )  # fmt: skip
    values.update(kw)
    return NewItem(**values)  # type: ignore[arg-type]


def _text(path: Path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return "".join(reader.pages[0].extract_text().split())


def test_receipt_shows_number_code_date_and_phone(
    store: Store, font: CjkFont, tmp_path: Path
) -> None:
    detail = store.items.register_item(_new(), actor="李秀英", now=MONDAY)
    station = store.register.station()
    assert station is not None
    out = render_receipt(detail, station, tmp_path / "回执.pdf", font=font)
    assert out == tmp_path / "回执.pdf"
    text = _text(out)
    assert detail.number in text
    assert detail.query_code in text and "查询码" in text
    assert "2026年11月23日" in text  # the promised date: 5 working days
    assert "0731-84561234" in text  # the station's phone
    assert "138****5678" in text and "13812345678" not in text  # the requester's is masked
    assert "受理回执" in text and "白沙村群众工作站" in text
    reader = PdfReader(out)
    fonts = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    embedded = [
        desc.get_object()["/FontDescriptor"].get_object()
        for ref in fonts.values()
        for desc in ref.get_object().get("/DescendantFonts", [ref])
        if "/FontDescriptor" in desc.get_object()
    ]
    assert embedded and all("/FontFile2" in d for d in embedded)
    assert reader.metadata is not None and detail.number in str(reader.metadata.title)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_item_types_promise_differently(store: Store, font: CjkFont, tmp_path: Path) -> None:
    station = store.register.station()
    assert station is not None
    immediate = store.items.register_item(
        _new(item_type="即办件", result="当场开具证明"), actor="x", now=MONDAY
    )
    docs = store.items.register_item(_new(item_type="补办件"), actor="x", now=MONDAY)
    assert promised_text(immediate) == "当场办结"
    assert promised_text(docs).startswith("暂停计时（待补件）")
    assert "当场办结" in _text(render_receipt(immediate, station, tmp_path / "a.pdf", font=font))
    assert "暂停计时" in _text(render_receipt(docs, station, tmp_path / "b.pdf", font=font))
    resumed = store.items.move(docs.number, State.IN_PROGRESS, actor="x", now=MONDAY)
    assert "2026年11月23日" in promised_text(resumed)


def test_very_long_content_is_cut_with_an_ellipsis(
    store: Store, font: CjkFont, tmp_path: Path
) -> None:
    long = "村东头组级道路年久失修，雨天泥泞无法通行，希望协调资金硬化。" * 30
    detail = store.items.register_item(_new(content=long), actor="x", now=MONDAY)
    station = store.register.station()
    assert station is not None
    text = _text(render_receipt(detail, station, tmp_path / "long.pdf", font=font))
    assert "…" in text and detail.query_code in text
    assert text.count("年久失修") < 30


def test_output_errors_are_explained(store: Store, font: CjkFont, tmp_path: Path) -> None:
    detail = store.items.register_item(_new(), actor="x", now=MONDAY)
    station = store.register.station()
    assert station is not None
    with pytest.raises(ReceiptOutputError) as info:
        render_receipt(detail, station, tmp_path / "missing" / "r.pdf", font=font)
    assert "不存在" in info.value.message
    with pytest.raises(ReceiptOutputError):
        render_receipt(detail, station, tmp_path, font=font)
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ReceiptOutputError) as info:
                render_receipt(detail, station, locked / "r.pdf", font=font)
            assert "权限" in info.value.message
        finally:
            locked.chmod(0o700)
