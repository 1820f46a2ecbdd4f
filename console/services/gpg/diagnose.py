"""Explain a failed gpg run from its ``[GNUPG:]`` status lines (never from its stderr prose).

gpg's human messages change with versions and languages, and a wrong passphrase can end in
a "No secret key" message. The status lines are gpg's documented machine interface
(doc/DETAILS in GnuPG): NO_SECKEY, BAD_PASSPHRASE, DECRYPTION_FAILED, NODATA, KEYEXPIRED,
KEYREVOKED, INV_RECP/INV_SGNR with their reason codes, and ERROR/FAILURE with gpg-error codes.
"""

from __future__ import annotations

from collections.abc import Sequence

from console.services.gpg.engine import (
    GPG_ERR_BAD_PASSPHRASE,
    GPG_ERR_CANCELED,
    GPG_ERR_NO_SECKEY,
    Status,
    error_code,
)
from console.services.gpg.errors import (
    BadPassphrase,
    CorruptInput,
    GpgError,
    KeyExpired,
    KeyNotFound,
    KeyRevoked,
    NoSecretKey,
    NotEncrypted,
    RecipientUnusable,
    UntrustedRecipient,
)
from console.services.gpg.keyring import KeyInfo

# INV_RECP / INV_SGNR reason codes (GnuPG doc/DETAILS).
INV_NOT_FOUND, INV_AMBIGUOUS, INV_WRONG_USAGE, INV_REVOKED, INV_EXPIRED = 1, 2, 3, 4, 5
INV_NOT_TRUSTED = 10
GPG_ERR_NO_PIN_ENTRY = 85
GPG_ERR_NO_PASSPHRASE = 177


def _keys(statuses: Sequence[Status]) -> set[str]:
    return {k for k, _ in statuses}


def _error_codes(statuses: Sequence[Status]) -> set[int]:
    return {error_code(v) for k, v in statuses if k in ("ERROR", "FAILURE")}


def _first_word(value: str) -> str:
    return value.split()[0] if value.split() else ""


def _describe(key: KeyInfo) -> str:
    return f"{key.primary_uid} (key {key.key_id})"


def _passphrase_problem(statuses: Sequence[Status]) -> str | None:
    """'bad' for a wrong passphrase, 'missing' when none reached gpg, else None."""
    keys = _keys(statuses)
    codes = _error_codes(statuses)
    if "BAD_PASSPHRASE" in keys or GPG_ERR_BAD_PASSPHRASE in codes:
        return "bad"
    if "MISSING_PASSPHRASE" in keys or codes & {GPG_ERR_NO_PASSPHRASE, GPG_ERR_NO_PIN_ENTRY, GPG_ERR_CANCELED}:
        return "missing"
    return None


def explain_decrypt(statuses: Sequence[Status], *, secret_keys: Sequence[KeyInfo] = (),
                    public_keys: Sequence[KeyInfo] = ()) -> GpgError:
    """The error to show for a decryption that did not end in DECRYPTION_OKAY."""
    keys = _keys(statuses)
    enc_to = [_first_word(v) for k, v in statuses if k == "ENC_TO"]
    problem = _passphrase_problem(statuses)
    if problem == "bad":
        return BadPassphrase("The passphrase is wrong: it does not unlock the secret key of this file.",
                             hint="Type it again (it is case-sensitive). The console never remembers a "
                                  "passphrase, so each attempt is checked afresh.")
    if problem == "missing":
        return BadPassphrase("No passphrase was given for the secret key of this file.",
                             hint="Enter the passphrase of the key pair.")
    no_seckey = [_first_word(v) for k, v in statuses if k == "NO_SECKEY"]
    if no_seckey or (GPG_ERR_NO_SECKEY in _error_codes(statuses) and "DECRYPTION_KEY" not in keys):
        return _no_secret_key(tuple(dict.fromkeys(no_seckey or enc_to)), secret_keys, public_keys)
    if "NEED_PASSPHRASE_SYM" in keys and not enc_to:
        return NotEncrypted("This file was encrypted with a password, not to a key pair.",
                            hint="Reports are encrypted to the client's public key; ask who made this file.")
    saw_encrypted = bool(enc_to) or "BEGIN_DECRYPTION" in keys or "DECRYPTION_INFO" in keys
    if saw_encrypted:
        return CorruptInput("The encrypted file is damaged or incomplete, so it cannot be decrypted.",
                            hint="Download or copy it again; a transfer that stopped early leaves a file "
                                 "that is cut short. Nothing was written.")
    if "NODATA" in keys or "UNEXPECTED" in keys:
        return NotEncrypted("This is not an encrypted file: it holds no OpenPGP encrypted data.",
                            hint="Choose the .gpg or .pgp file you received. A key file (.asc) is imported "
                                 "in the keyring, not decrypted.")
    return GpgError("GnuPG could not decrypt this file.",
                    hint="Status: " + (", ".join(sorted(keys)) or "no status from gpg"))


def _no_secret_key(key_ids: tuple[str, ...], secret_keys: Sequence[KeyInfo],
                   public_keys: Sequence[KeyInfo]) -> NoSecretKey:
    ids = ", ".join(key_ids) or "an unknown key"
    owners = [k for k in public_keys if any(k.fingerprint.endswith(i) or i in k.subkey_ids for i in key_ids)]
    owner = ""
    if owners:
        owner = f" That key belongs to {_describe(owners[0])}; only its public part is in this keyring."
    if secret_keys:
        present = "; ".join(_describe(k) for k in secret_keys)
        have = f"Secret keys in this keyring: {present}."
    else:
        have = "This keyring holds no secret keys at all."
    msg = f"This file is encrypted to key ID {ids}, but the matching secret key is not here.{owner} {have}"
    hint = ("If the key pair was made on another computer, back it up there (both parts, not only the "
            "public key) and restore that backup here, then decrypt again. If the key pair is lost, "
            "create a new one and send the new public key; files already encrypted to the lost key "
            "cannot be opened and must be sent again.")
    return NoSecretKey(msg, hint=hint, key_ids=key_ids,
                       secret_keys=tuple(k.fingerprint for k in secret_keys))


def explain_encrypt(statuses: Sequence[Status], *, recipient: KeyInfo | None = None,
                    signer: KeyInfo | None = None) -> GpgError | KeyNotFound:
    """The error to show for an encryption (optionally signed) that did not end in END_ENCRYPTION."""
    keys = _keys(statuses)
    who = _describe(recipient) if recipient else "the recipient"
    if signer is not None:
        problem = _passphrase_problem(statuses)
        if problem is not None:
            return BadPassphrase(f"The passphrase of the signing key {_describe(signer)} is "
                                 f"{'wrong' if problem == 'bad' else 'missing'}.",
                                 hint="Enter the passphrase of the team key, or encrypt without signing.")
        for value in [v for k, v in statuses if k == "INV_SGNR"]:
            return _unusable(value, signer, signing=True, statuses=statuses)
    inv = [v for k, v in statuses if k == "INV_RECP"]
    if inv:
        return _unusable(inv[0], recipient, signing=False, statuses=statuses)
    if "KEYREVOKED" in keys:
        return KeyRevoked(f"The key of {who} has been revoked.", hint=_NEW_KEY_HINT)
    if "KEYEXPIRED" in keys:
        return KeyExpired(f"The key of {who} has expired.", hint=_NEW_KEY_HINT)
    return GpgError("GnuPG could not encrypt this file.",
                    hint="Status: " + (", ".join(sorted(keys)) or "no status from gpg"))


_NEW_KEY_HINT = ("Ask the client for a new public key (or an extended one), import it and confirm its "
                 "fingerprint, then encrypt again.")


def _unusable(value: str, key: KeyInfo | None, *, signing: bool,
              statuses: Sequence[Status]) -> GpgError | KeyNotFound:
    try:
        reason = int(_first_word(value))
    except ValueError:
        reason = 0
    who = _describe(key) if key else (value.split()[1] if len(value.split()) > 1 else "this key")
    role = "signing key" if signing else "key"
    considered_flags = 0
    for v in (v for k, v in statuses if k == "KEY_CONSIDERED"):
        parts = v.split()
        if len(parts) > 1 and parts[1].isdigit():
            considered_flags |= int(parts[1])
    revoked = reason == INV_REVOKED or "KEYREVOKED" in _keys(statuses) or (
        bool(considered_flags & 2) and key is not None and key.revoked)
    expired = reason == INV_EXPIRED or "KEYEXPIRED" in _keys(statuses) or (
        bool(considered_flags & 2) and key is not None and key.expired)
    if revoked:
        return KeyRevoked(f"The {role} of {who} has been revoked and can no longer be used.",
                          hint=_NEW_KEY_HINT)
    if expired:
        when = f" on {key.expires:%Y-%m-%d}" if key is not None and key.expires else ""
        return KeyExpired(f"The {role} of {who} expired{when}.", hint=_NEW_KEY_HINT)
    if reason == INV_NOT_TRUSTED:
        return UntrustedRecipient(
            f"The key of {who} was imported but its fingerprint has not been confirmed yet, so the "
            "console will not encrypt to it.",
            hint="Compare the fingerprint with the client (by phone or another channel), then confirm it: "
                 "the Confirm button in the keys view, or 'gpg trust FINGERPRINT' in the CLI.")
    if reason == INV_NOT_FOUND:
        return KeyNotFound(f"No usable {role} for {who} is in the console's keyring.")
    if reason == INV_WRONG_USAGE or considered_flags & 2:
        return RecipientUnusable(f"The {role} of {who} cannot be used for "
                                 f"{'signing' if signing else 'encryption'}.", hint=_NEW_KEY_HINT)
    return RecipientUnusable(f"GnuPG refused the {role} of {who} (reason {reason}).", hint=_NEW_KEY_HINT)
