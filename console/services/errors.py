"""The expected-failure family.

A :class:`UserFacingError` carries a message a person can act on. The GUI shows it in a
dialog, the CLI prints it as one line on stderr and exits with :attr:`exit_code`. Anything
that is *not* a UserFacingError is a bug and goes to the crash path instead.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected failure with a message written for the person in front of the console."""

    exit_code: int = 2
    title: str = "Cannot continue"

    def __init__(self, message: str, *, hint: str | None = None, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if exit_code is not None:
            self.exit_code = exit_code

    def one_line(self) -> str:
        """The message and hint folded onto one line (for the CLI and the status bar)."""
        text = " ".join(self.message.split())
        if self.hint:
            text = f"{text} {' '.join(self.hint.split())}"
        return text

    def __str__(self) -> str:
        return self.one_line()


class InvalidInput(UserFacingError):
    """The input (a file, an argument, a form field) is not acceptable."""

    title = "Invalid input"


class NotFound(UserFacingError):
    """A user, account, bundle, key or file that was asked for does not exist."""

    title = "Not found"


class ConfigError(UserFacingError):
    """A setting is wrong or a directory cannot be used."""

    title = "Configuration problem"


class DatabaseUnavailable(UserFacingError):
    """The database cannot be reached or is at a revision this version does not know."""

    title = "Database unavailable"


class ExternalToolMissing(UserFacingError):
    """A program the console relies on (gpg, ssh) is not installed."""

    title = "Program not found"


class Cancelled(UserFacingError):
    """The user cancelled a long-running operation."""

    title = "Cancelled"
    exit_code = 130
