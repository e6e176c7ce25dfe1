"""Find a CJK TrueType font on this computer and register it with reportlab.

The PDF embeds (a subset of) the font, so a card prints the same on any printer. reportlab's
``TTFont`` embeds TrueType outlines only: CFF-flavoured OpenType (``.otf``, the Noto/Source
Han CJK fonts) is skipped. A ``.ttc`` collection is opened at a sub-font index.

The setting :data:`FONT_SETTING` (a file path, optionally ``path#index`` for a collection)
overrides discovery.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from qunzhong_desktop.core.errors import DomainError

if TYPE_CHECKING:
    from qunzhong_desktop.storage.store import Store

FONT_SETTING = "cards.font_path"

#: Characters a font must have to print a card (a few common ones stand for the rest).
PROBE_TEXT = "便民服务联系卡群众工作站户主网格监督电话"

# Known good fonts, best first: (file name, sub-font index in a collection).
KNOWN_FONTS: tuple[tuple[str, int], ...] = (
    ("simhei.ttf", 0),  # Windows 黑体
    ("msyh.ttc", 0),  # Windows 微软雅黑 (TrueType outlines)
    ("msyh.ttf", 0),
    ("simsun.ttc", 0),  # Windows 宋体
    ("wqy-microhei.ttc", 0),  # Linux 文泉驿微米黑
    ("wqy-zenhei.ttc", 0),  # Linux 文泉驿正黑
    ("DroidSansFallbackFull.ttf", 0),
    ("DroidSansFallback.ttf", 0),
    ("Arial Unicode.ttf", 0),  # macOS
    ("STHeiti Light.ttc", 0),
    ("STHeiti Medium.ttc", 0),
    ("Hiragino Sans GB.ttc", 0),
)

# Other fonts are tried only if big enough to hold CJK glyphs (a Latin font is < 1 MB).
_MIN_CJK_BYTES = 2_000_000
_TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")


class FontNotFound(DomainError):
    """No CJK TrueType font usable for the PDF was found, or the chosen one is unusable."""

    code = "cards.font_missing"


@dataclass(frozen=True, slots=True)
class CjkFont:
    """A CJK TrueType font file (and sub-font of a collection) registered with reportlab."""

    path: Path
    subfont_index: int
    name: str

    @property
    def family(self) -> str:
        """The font's own family name, e.g. ``WenQuanYi Micro Hei``."""
        face = pdfmetrics.getFont(self.name).face
        raw = getattr(face, "familyName", b"") or getattr(face, "name", b"")
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        return text or self.path.stem


_lock = threading.Lock()
_registered: dict[tuple[str, int], CjkFont] = {}


def font_dirs() -> list[Path]:
    """The directories where this platform keeps fonts, system first, then per user."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data_home / "fonts",
        home / ".fonts",
    ]


def _font_files(dirs: Iterable[Path]) -> Iterator[Path]:
    for root in dirs:
        if not root.is_dir():
            continue
        try:
            files = sorted(root.rglob("*"))
        except OSError:
            continue
        for path in files:
            if path.suffix.lower() in (".ttf", ".ttc") and path.is_file():
                yield path


def _is_truetype(path: Path, index: int) -> bool:
    """Whether the (sub-)font has TrueType outlines; reads the header only."""
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if index >= count:
                    return False
                fh.seek(12 + 4 * index)
                (offset,) = struct.unpack(">I", fh.read(4))
                fh.seek(offset)
                head = fh.read(4)
    except (OSError, struct.error):
        return False
    return head[:4] in _TRUETYPE_TAGS


def _load(path: Path, index: int) -> CjkFont | None:
    """Register the font with reportlab if it has TrueType outlines and CJK glyphs."""
    key = (str(path), index)
    with _lock:
        if key in _registered:
            return _registered[key]
        if not _is_truetype(path, index):
            return None
        name = "QzCJK-" + hashlib.sha1(f"{path}#{index}".encode()).hexdigest()[:10]
        try:
            ttf = TTFont(name, str(path), subfontIndex=index)
        except (TTFError, OSError, ValueError, KeyError, IndexError, struct.error):
            # a broken or exotic file: discovery moves on to the next one
            return None
        cmap = ttf.face.charToGlyph
        if not all(ord(ch) in cmap for ch in PROBE_TEXT):
            return None
        pdfmetrics.registerFont(ttf)
        font = CjkFont(path=path, subfont_index=index, name=name)
        _registered[key] = font
        return font


def parse_setting(value: str) -> tuple[Path, int]:
    """Split ``path`` or ``path#index`` as stored in :data:`FONT_SETTING`."""
    text = value.strip()
    base, sep, tail = text.rpartition("#")
    if sep and tail.isdigit():
        return Path(base).expanduser(), int(tail)
    return Path(text).expanduser(), 0


def load_font_file(path: Path, index: int = 0) -> CjkFont:
    """Register a font the user chose; explain in Chinese why it cannot be used.

    Raises:
        FontNotFound: missing file, CFF (.otf) outlines, or no Chinese glyphs.
    """
    if not path.is_file():
        raise FontNotFound(
            f"设置中选择的字体文件不存在：{path}。请在“设置”中重新选择中文字体。",
            path=str(path),
        )
    if not _is_truetype(path, index):
        raise FontNotFound(
            f"字体 {path.name} 不是 TrueType 字体（.otf 等 CFF 字体无法嵌入 PDF）。"
            "请在“设置”中选择 .ttf 或 .ttc 中文字体，例如黑体、宋体或文泉驿微米黑。",
            path=str(path),
        )
    font = _load(path, index)
    if font is None:
        raise FontNotFound(
            f"字体 {path.name} 不含中文字形，无法打印联系卡。"
            "请在“设置”中选择中文字体，例如黑体、宋体或文泉驿微米黑。",
            path=str(path),
        )
    return font


def find_cjk_font(configured: str = "", search_dirs: Sequence[Path] | None = None) -> CjkFont:
    """The CJK font for PDFs: the configured one, else the best found on this computer.

    Args:
        configured: the value of the :data:`FONT_SETTING` setting ("" to discover).
        search_dirs: where to look instead of the platform's font directories.

    Raises:
        FontNotFound: the configured font is unusable, or no CJK TrueType font is installed.
    """
    if configured.strip():
        return load_font_file(*parse_setting(configured))
    dirs = list(search_dirs) if search_dirs is not None else font_dirs()
    files = list(_font_files(dirs))
    by_name: dict[str, list[Path]] = {}
    for path in files:
        by_name.setdefault(path.name.lower(), []).append(path)
    tried: set[Path] = set()
    for filename, index in KNOWN_FONTS:
        for path in by_name.get(filename.lower(), []):
            tried.add(path)
            font = _load(path, index)
            if font is not None:
                return font
    for path in files:
        if path in tried:
            continue
        try:
            big = path.stat().st_size >= _MIN_CJK_BYTES
        except OSError:
            continue
        if big:
            font = _load(path, 0)
            if font is not None:
                return font
    raise FontNotFound(
        "没有找到可嵌入 PDF 的中文 TrueType 字体，无法生成联系卡。"
        + _install_hint()
        + "也可以在“设置”中指定字体文件（.ttf 或 .ttc）。",
        searched=[str(d) for d in dirs],
    )


def store_font(store: Store) -> CjkFont:
    """The font for a store's printouts: the one chosen in 设置, else the best found.

    Every printout (CLI and window alike) looks its font up here.

    Raises:
        FontNotFound: the chosen font is unusable, or no CJK TrueType font is installed.
    """
    return find_cjk_font(store.settings.get(FONT_SETTING))


def _install_hint() -> str:
    if sys.platform.startswith("win"):
        return "请确认 C:\\Windows\\Fonts 中有黑体（simhei.ttf）或宋体（simsun.ttc）。"
    if sys.platform == "darwin":
        return "请安装一种 TrueType 中文字体（如 Arial Unicode 或华文黑体）。"
    return (
        "请安装文泉驿微米黑（麒麟/统信/Debian/Ubuntu：sudo apt install fonts-wqy-microhei）"
        "或 Droid 中文字体（fonts-droid-fallback）。"
    )
