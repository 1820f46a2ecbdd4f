"""Every model module, imported for Alembic's metadata. Add an area's models module here."""

from __future__ import annotations

import importlib

from console.services.db import meta  # noqa: F401  (registers AppMeta)
from console.services.db.base import Base

AREA_MODEL_MODULES = (
    "console.services.sls.models",
    "console.services.bundles.models",
    "console.services.sftp.models",
)

for _name in AREA_MODEL_MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # an area that has not landed yet
        if exc.name is None or not _name.startswith(exc.name):
            raise

metadata = Base.metadata
