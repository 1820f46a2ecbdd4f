"""What the GUI and the CLI share for one run: resolved settings and the database (opened lazily)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from console.config import Settings

if TYPE_CHECKING:  # SQLAlchemy costs 0.2-0.3 s to import: commands that need no database never pay it
    from console.services.db import Database

log = logging.getLogger(__name__)


class AppContext:
    """Settings plus a lazily opened, migrated database. Qt-free, so the CLI uses it too."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else Settings.load()
        self._database: Database | None = None
        self._ready = False

    @property
    def data_dir(self) -> Path:
        return Path(self.settings.data_dir)

    @property
    def database(self) -> Database:
        """The database, without checking its schema (see :meth:`ready_database`)."""
        from console.services.db import Database

        if self._database is None:
            self._database = Database(self.settings.db_url)
        return self._database

    def ready_database(self) -> Database:
        """The database, migrated to the latest revision (applied on first use)."""
        if not self._ready:
            if self.database.is_sqlite:
                self.settings.ensure_data_dir()
            self.database.ensure_ready()
            self._ready = True
        return self.database

    def reload_settings(self) -> bool:
        """Read the settings again; returns True when the database URL changed (the old one is closed)."""
        old_url = self.settings.db_url
        self.settings = Settings.load()
        if self.settings.db_url == old_url:
            return False
        self.close()
        self._database = None
        self._ready = False
        return True

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
