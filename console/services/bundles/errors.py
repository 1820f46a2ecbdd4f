"""Expected failures of the diagnostics area, each with a dialog title that says what went wrong."""

from __future__ import annotations

from console.services.errors import InvalidInput


class NotAnArchive(InvalidInput):
    """A file named like an archive (.zip, .tar.gz, …) whose content is not one."""

    title = "Not an archive"


class EncryptedLog(InvalidInput):
    """A log the platform keeps encrypted: only the platform can turn it back into text."""

    title = "Encrypted log"


class InvalidFilter(InvalidInput):
    """A log-viewer filter that cannot be used (e.g. a broken regular expression)."""

    title = "Invalid filter"


class InvalidSearch(InvalidInput):
    """A full-text query or limit that cannot be searched for."""

    title = "Invalid search"
