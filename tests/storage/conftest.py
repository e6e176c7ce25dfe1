"""The storage suite runs on both engines: ``store`` and ``empty_store`` are parametrized
(tests/helpers/backends.py); ``sqlite_store`` is the SQLite file alone."""

from __future__ import annotations

from tests.helpers.backends import store_fixture

store = store_fixture("station")
empty_store = store_fixture("empty")
