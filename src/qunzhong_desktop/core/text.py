"""Normalisation of typed and imported text: full-width characters, stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# characters that have no place in a register, a form or a printout: C0 controls (but tab
# and line breaks), DEL and C1 controls, zero-width and bidirectional overrides, BOM
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_CONTROL_OR_BREAK = re.compile(f"[{_CONTROLS}\t\n\r]")
# full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII; Chinese punctuation such as
# ，。；：（） stays as written, because it belongs to Chinese prose
_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code - 0xFEE0).isalnum()
}


def has_controls(text: str, *, lines: bool = False) -> bool:
    """Whether ``text`` holds a control character (tab and line breaks allowed if ``lines``)."""
    return (_CONTROL if lines else _CONTROL_OR_BREAK).search(text) is not None


def strip_controls(value: object) -> str:
    """``value`` as text without control characters (tab and line breaks kept)."""
    return _CONTROL.sub("", "" if value is None else str(value))


def clean(value: object) -> str:
    """Free text (content, addresses, notes) with spaces collapsed and full-width digits folded.

    Spreadsheet cells and pasted text carry full-width digits (``１２３``), ideographic and
    non-breaking spaces; digits and Latin letters become ASCII and runs of spaces a single
    space, trimmed at both ends. Chinese punctuation is kept.
    """
    if value is None:
        return ""
    text = _CONTROL.sub("", str(value)).translate(_FULLWIDTH_ALNUM)
    return _SPACES.sub(" ", text).strip()


def compact(value: object) -> str:
    """Numbers, codes and names: every full-width form folded (NFKC) and every space removed.

    ``１２３４－５６``, ``（0731）`` and ``1 3 8`` become ``1234-56``, ``(0731)`` and ``138``.
    """
    if value is None:
        return ""
    return _SPACES.sub("", _CONTROL.sub("", unicodedata.normalize("NFKC", str(value))))


def mask_name(name: str) -> str:
    """A person's name as printed for the public: the middle hidden (``王*明``).

    The first character and, from three on, the last stay: ``王明`` → ``王*``, ``王建明`` →
    ``王*明``, ``欧阳建明`` → ``欧**明``. A name of one character is left as it is.
    """
    name = name.strip()
    if len(name) < 2:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
