"""Normalisation of typed and imported text: full-width characters, stray spaces."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def clean(value: object) -> str:
    """Return a value as text with full-width forms folded (NFKC) and spaces collapsed.

    Spreadsheet cells and pasted text carry full-width digits (``１２３``), ideographic spaces
    and non-breaking spaces; all become plain ASCII and a single space, trimmed at both ends.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub(" ", text).strip()


def compact(value: object) -> str:
    """Like :func:`clean` but with every space removed (for numbers, codes and names)."""
    return _SPACES.sub("", clean(value))
