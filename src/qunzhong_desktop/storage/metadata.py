"""Every table of the store in one metadata: the domain's and sync's (alembic's target)."""

from __future__ import annotations

from qunzhong_desktop.storage import models, models_county, models_sync, models_voice
from qunzhong_desktop.storage.base import Base

metadata = Base.metadata
#: the modules whose tables make up :data:`metadata`
MODULES = (models, models_sync, models_voice, models_county)
