import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from qunzhong_desktop.cli import main
from qunzhong_desktop.core.card import CardContent
from qunzhong_desktop.reports import cards_pdf
from qunzhong_desktop.reports.cards_pdf import (
    CardsOutputError,
    NoCardsError,
    pages_needed,
    qr_modules,
    render_cards,
)
from qunzhong_desktop.reports.fonts import FONT_SETTING, CjkFont, find_cjk_font
from qunzhong_desktop.storage.cards_repo import SqlCards
from qunzhong_desktop.storage.store import Store
from tests.helpers.cards_data import populate
from tests.helpers.stations import copy_store


@pytest.fixture(scope="module")
def font() -> CjkFont:
    try:
        return find_cjk_font()
    except Exception as exc:  # pragma: no cover - a machine without CJK fonts
        pytest.skip(f"no CJK font: {exc}")


def _fonts_embedded(reader: PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for desc in font.get("/DescendantFonts", [font]):
                descriptor = desc.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    found.add(str(font["/BaseFont"]))
    return found


@pytest.fixture(scope="module")
def cards23(
    _template_dirs: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> list[CardContent]:
    """The cards of 23 households, read once for both layouts (the tests only render them)."""
    store = copy_store(_template_dirs[1], tmp_path_factory.mktemp("cards23"))
    try:
        populate(store, 23)
        return SqlCards(store.db).cards()
    finally:
        store.close()


@pytest.mark.parametrize(("layout", "pages"), [("a4-10", 3), ("single", 23)])
def test_pdf_of_23_households(
    cards23: list[CardContent], font: CjkFont, tmp_path: Path, layout: str, pages: int
) -> None:
    cards = cards23
    out = tmp_path / f"{layout}.pdf"
    result = render_cards(cards, out, font=font, layout=layout)
    assert (result.cards, result.pages) == (23, pages) == (23, pages_needed(23, layout))
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    text = "".join(page.extract_text() for page in reader.pages)
    assert "白沙村群众工作站" in text and "便民服务联系卡" in text
    for card in cards:
        assert card.household_number in text and card.head_name in text
        assert card.card_number in text
    assert "监督电话" in text and "0731-12345678" in text
    assert _fonts_embedded(reader), "the CJK font is not embedded (no FontFile2)"
    assert not list(tmp_path.glob("*.part"))


def test_failed_render_leaves_the_old_file_and_no_temp_file(
    store: Store, font: CjkFont, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(store, 2)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cards.pdf"
    out.write_bytes(b"old")

    def boom(*args: object, **kw: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cards_pdf, "_draw", boom)
    with pytest.raises(CardsOutputError) as info:
        render_cards(SqlCards(store.db).cards(), out, font=font)
    assert "无法写入" in info.value.message
    assert out.read_bytes() == b"old"
    assert list(folder.iterdir()) == [out]


def test_unwritable_path_is_a_clear_error(store: Store, font: CjkFont, tmp_path: Path) -> None:
    populate(store, 1)
    cards = SqlCards(store.db).cards()
    with pytest.raises(CardsOutputError) as info:
        render_cards(cards, tmp_path / "missing" / "cards.pdf", font=font)
    assert "不存在" in info.value.message
    with pytest.raises(CardsOutputError):
        render_cards(cards, tmp_path, font=font)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root writes anyway
            return
        with pytest.raises(CardsOutputError) as info:
            render_cards(cards, locked / "cards.pdf", font=font)
        assert "权限" in info.value.message
    finally:
        locked.chmod(0o700)


def test_no_cards_and_unknown_layout(font: CjkFont, tmp_path: Path) -> None:
    with pytest.raises(NoCardsError):
        render_cards([], tmp_path / "x.pdf", font=font)
    card = CardContent(
        household_id="h", card_number="1-1", station_name="站", station_address="", station_phone="",
        opening_hours="", household_number="1", head_name="", grid_name="", grid_leader_name="",
        grid_leader_phone="", cadre_name="", cadre_phone="", cadre_unit="", services=(),
        township_name="", township_phone="", supervision_phone="", issued_on=dt.date(2025, 1, 1),
    )  # fmt: skip
    with pytest.raises(ValueError):
        render_cards([card], tmp_path / "x.pdf", font=font, layout="a5")
    render_cards([card], tmp_path / "x.pdf", font=font)  # a card with blanks still prints


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_qr_code_is_drawn_as_encoded(store: Store, font: CjkFont, tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    populate(store, 1)
    card = SqlCards(store.db).cards()[0]
    render_cards([card], tmp_path / "one.pdf", font=font, layout="single")
    dpi = 300
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(tmp_path / "one.pdf"), str(tmp_path / "one")], check=True)  # fmt: skip
    image = Image.open(tmp_path / "one.png").convert("L")
    left = (A4[0] - cards_pdf.CARD_W) / 2 + cards_pdf.CARD_W - cards_pdf.PAD - cards_pdf.QR_SIZE
    top = (A4[1] + cards_pdf.CARD_H) / 2 - cards_pdf.BAND_INSET - cards_pdf.BAND_H - 1.4 * mm
    modules = qr_modules(card.card_number)
    border = cards_pdf.QR_BORDER
    box = cards_pdf.QR_SIZE / (len(modules) + 2 * border)
    wrong = 0
    for r in range(-border, len(modules) + border):
        for c in range(-border, len(modules) + border):
            dark = 0 <= r < len(modules) and 0 <= c < len(modules) and modules[r][c]
            x = (left + (c + border + 0.5) * box) / 72 * dpi
            y = (A4[1] - top + (r + border + 0.5) * box) / 72 * dpi
            wrong += (image.getpixel((int(x), int(y))) < 128) != dark
    assert wrong == 0


def test_qr_modules_are_a_valid_size() -> None:
    assert len(qr_modules("430121101201-1-001")) == 21
    assert len(qr_modules("430121101201-03-0123-4567")) == 25


# the command line ----------------------------------------------------------------------
def test_cli_cards(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(store, 12)
    out = tmp_path / "cards.pdf"
    home = str(store.home)
    assert main(["cards", "--home", home, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "12 张" in printed and "2 页" in printed and str(out) in printed
    assert len(PdfReader(out).pages) == 2

    assert main(["cards", "--home", home, "--out", str(out), "--stale"]) == 0
    assert "没有" in capsys.readouterr().out

    grid = store.register.grids()[0]
    grid.leader_phone = "13700000000"
    store.register.save_grid(grid)
    single = tmp_path / "single.pdf"
    assert (
        main(["cards", "--home", home, "--out", str(single), "--stale", "--layout", "single"]) == 0
    )
    assert "4 张" in capsys.readouterr().out
    assert len(PdfReader(single).pages) == 4


def test_cli_errors(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    populate(store, 1)
    home = str(store.home)
    assert main(["cards", "--home", home, "--out", str(tmp_path / "no" / "x.pdf")]) == 1
    assert "不存在" in capsys.readouterr().err
    store.settings.set(FONT_SETTING, str(tmp_path / "gone.ttf"))
    assert main(["cards", "--home", home, "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "字体" in err and "设置" in err
    assert not (tmp_path / "x.pdf").exists()
    assert SqlCards(store.db).counts().never_printed == 1  # nothing recorded on failure
    assert main(["cards", "--home", str(tmp_path / "fresh"), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "设置" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["cards", "--home", home, "--out", "x.pdf", "--layout", "a5"])
    assert info.value.code == 2


def test_the_card_says_wang_zhang_for_the_grid_leader(font: CjkFont, tmp_path: Path) -> None:
    card = CardContent(
        household_id="h", card_number="1-1", station_name="白沙村群众工作站", station_address="",
        station_phone="", opening_hours="", household_number="1-001", head_name="张三丰",
        grid_name="第一网格", grid_leader_name="王建国", grid_leader_phone="13812345678",
        cadre_name="", cadre_phone="", cadre_unit="", services=(), township_name="",
        township_phone="", supervision_phone="", issued_on=dt.date(2025, 1, 1),
    )  # fmt: skip
    out = tmp_path / "one.pdf"
    render_cards([card], out, font=font, layout="single")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "网长" in text and "王建国" in text
    assert "网格长" not in text
