"""The gpg area's expected failures.

Exit codes for the CLI: 2 bad input or a key that is not there, 3 gpg is not installed,
4 the file cannot be decrypted with the keys and passphrase at hand (no secret key, wrong
passphrase), 5 the recipient key cannot be used (not trusted yet, expired, revoked),
6 the input is damaged or is not an encrypted file.
"""

from __future__ import annotations

from console.services.errors import ExternalToolMissing, InvalidInput, NotFound, UserFacingError


class GpgError(UserFacingError):
    """Any failure of the gpg area that a person can act on."""

    title = "Encryption problem"


class GpgNotInstalled(ExternalToolMissing):
    """The gpg program cannot be started."""

    exit_code = 3
    title = "GnuPG is not installed"


class KeyNotFound(NotFound):
    """No key in the console's keyring matches what was asked for."""

    title = "Key not found"


class NoSecretKey(GpgError):
    """The file is encrypted to a key whose secret part is not in this keyring."""

    exit_code = 4
    title = "No secret key for this file"

    def __init__(self, message: str, *, hint: str | None = None, key_ids: tuple[str, ...] = (),
                 secret_keys: tuple[str, ...] = ()) -> None:
        super().__init__(message, hint=hint)
        self.key_ids = key_ids
        self.secret_keys = secret_keys


class BadPassphrase(GpgError):
    """The passphrase does not unlock the secret key."""

    exit_code = 4
    title = "Wrong passphrase"


class RecipientUnusable(GpgError):
    """The recipient's key cannot be used for encryption (base of the three reasons below)."""

    exit_code = 5
    title = "Key cannot be used"


class UntrustedRecipient(RecipientUnusable):
    """Imported but its fingerprint was never confirmed."""

    title = "Key not confirmed yet"


class KeyExpired(RecipientUnusable):
    title = "Key expired"


class KeyRevoked(RecipientUnusable):
    title = "Key revoked"


class CorruptInput(GpgError):
    """The file looks like OpenPGP data but is damaged or cut short."""

    exit_code = 6
    title = "Damaged file"


class NotEncrypted(GpgError):
    """The file is not OpenPGP-encrypted data at all."""

    exit_code = 6
    title = "Not an encrypted file"


class OutputExists(InvalidInput):
    """An output file is already there and replacing was not asked for.

    The hint names no switch: the CLI (``--overwrite``) and each dialog (its "Replace" box)
    put their own way of allowing it in :attr:`hint`.
    """

    title = "File already exists"

    def __init__(self, message: str, *, paths: tuple[str, ...] = (), hint: str | None = None) -> None:
        super().__init__(message, hint=hint or "Choose another name or folder, or allow replacing the file.")
        self.paths = paths


class BadKeyFile(InvalidInput):
    """A file offered as a key (or a backup) holds no usable key."""

    title = "Not a key file"


__all__ = [
    "BadKeyFile", "BadPassphrase", "CorruptInput", "GpgError", "GpgNotInstalled", "KeyExpired",
    "KeyNotFound", "KeyRevoked", "NoSecretKey", "NotEncrypted", "OutputExists", "RecipientUnusable",
    "UntrustedRecipient",
]
