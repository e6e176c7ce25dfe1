"""Keys sealed with a passphrase once per test run.

Sealing (and every unsealing) runs age's scrypt, about a second of full CPU each; the key
tests and the sync pages need key files on disk, but not freshly made ones. The session
fixture ``sealed_keys`` (tests/conftest.py) seals a township's and a station's keys once;
a test copies the folder it needs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from qunzhong_desktop.sync.keys import NodeKeys

PASSPHRASE = "白沙 sealed-2026"


@dataclass(frozen=True)
class SealedKeys:
    """A folder of sealed key files, the passphrase that opens it and the keys inside."""

    folder: Path
    passphrase: str
    keys: NodeKeys

    def copy_to(self, folder: Path) -> Path:
        """Copy the key files into ``folder`` (made if missing); returns ``folder``."""
        shutil.copytree(self.folder, folder, dirs_exist_ok=True)
        return folder


def seal(folder: Path) -> SealedKeys:
    """New keys sealed into ``folder`` with :data:`PASSPHRASE`."""
    keys = NodeKeys.generate()
    folder.mkdir(parents=True, exist_ok=True)
    keys.save(folder, PASSPHRASE)
    return SealedKeys(folder, PASSPHRASE, keys)
