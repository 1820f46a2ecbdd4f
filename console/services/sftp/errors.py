"""The sFTP area's expected failures, each with the CLI exit code the issue gives it.

Unknown host key → 3, changed host key → 4, key refused by the server → 5, anything else → 2.
"""

from __future__ import annotations

from pathlib import Path

from console.services.errors import InvalidInput, UserFacingError


class SftpError(UserFacingError):
    """A connection or transfer problem the person can act on."""

    title = "sFTP problem"


class HostKeyUnknown(SftpError):
    """The server's host key is not in our known_hosts yet: the person must decide to trust it."""

    title = "Unknown server"
    exit_code = 3

    def __init__(self, message: str, *, host: str, port: int, key_type: str, key_base64: str,
                 sha256: str, md5: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.host = host
        self.port = port
        self.key_type = key_type
        self.key_base64 = key_base64
        self.sha256 = sha256
        self.md5 = md5


class HostKeyChanged(SftpError):
    """The server presents a different key than the one we trusted: refused, never auto-accepted."""

    title = "Server identity changed"
    exit_code = 4

    def __init__(self, message: str, *, sha256: str, expected_sha256: tuple[str, ...],
                 hint: str | None = None, host: str = "", port: int = 0, known_hosts: Path | None = None) -> None:
        super().__init__(message, hint=hint)
        self.sha256 = sha256
        self.expected_sha256 = expected_sha256
        self.host = host
        self.port = port
        #: The known_hosts file holding the old key (where it has to be removed from, on purpose).
        self.known_hosts = known_hosts


class AuthRefused(SftpError):
    """The server did not accept the key."""

    title = "Key refused"
    exit_code = 5


class KeyFileError(InvalidInput):
    """A key file cannot be read or is not a key we understand."""

    title = "Key file problem"


class PassphraseNeeded(KeyFileError):
    """The private key is encrypted and no passphrase was given."""

    title = "Passphrase needed"


class WrongPassphrase(KeyFileError):
    """The passphrase does not open the private key (or the .ppk file was altered)."""

    title = "Wrong passphrase"
