"""Data layer: SQLAlchemy 2 engine and sessions, Alembic migrations, status.

Models live with their area (``console.services.<area>.models``) and derive from
:class:`Base`; :mod:`console.services.db.models` imports them all for Alembic.
"""

from console.services.db.base import Base
from console.services.db.database import Database, DbStatus, mask_url, normalise_url

__all__ = ["Base", "Database", "DbStatus", "mask_url", "normalise_url"]
