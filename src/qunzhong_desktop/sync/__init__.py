"""Signed, encrypted bundles between stations and the township (SYNC.md, docs/sync.md).

Node keys (``keys``, sealed through ``sealing``), the bundle container (``bundle_*``),
enrollment and station kits (``enrollment``), export and import (``exporter``,
``importer``, ``apply``), and :class:`~.service.SyncService`, the one facade the CLI and the
window use.
"""
