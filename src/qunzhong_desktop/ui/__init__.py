"""The PySide6 face of the app; the only package that imports Qt.

Each feature folder (``ui/register`` …) lists the few names other features may use in
``PUBLIC`` and sets ``__getattr__ = lazy_names(__name__, PUBLIC)``: a page's modules load
when it is first shown, not when the window starts.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, public: Mapping[str, str], aliases: Mapping[str, str] | None = None
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``name`` from ``package.public[name]``.

    ``aliases`` maps a public name to the module's own name for it, where they differ.
    """
    renamed = dict(aliases or {})

    def __getattr__(name: str) -> Any:
        module = public.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), renamed.get(name, name))

    return __getattr__
