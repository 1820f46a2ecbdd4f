"""Encrypted reports: the console's own GnuPG keyring, client key pairs, backups, encrypt, decrypt.

Everything runs the real gpg program (:class:`GpgHome`: the ``gnupg_home`` and ``gpg_binary``
settings) on the console's own GnuPG home; the agent's personal keyring is never touched.
Key listing and import go through python-gnupg (imported lazily) or short gpg runs
(:mod:`.engine`); encrypting and decrypting files run gpg directly, which reads and writes
the files itself (:mod:`.process`), so reports never pass through Python. Failures are
:class:`GpgError` subclasses explained from gpg's status lines (see :mod:`.diagnose`).
"""

from __future__ import annotations

from console.services.gpg.backup import BackupResult, backup_key_pair, restore_backup
from console.services.gpg.crypt import (
    DecryptResult,
    EncryptedFile,
    EncryptResult,
    already_compressed,
    decrypt_file,
    default_decrypted_name,
    encrypt_files,
    file_kind,
    plan_outputs,
)
from console.services.gpg.deliver import DeliveredFile, upload_reports
from console.services.gpg.engine import GpgHome, ensure_home, stop_agent
from console.services.gpg.errors import (
    BadKeyFile,
    BadPassphrase,
    CorruptInput,
    GpgError,
    GpgNotInstalled,
    KeyExpired,
    KeyNotFound,
    KeyRevoked,
    NoSecretKey,
    NotEncrypted,
    OutputExists,
    RecipientUnusable,
    UntrustedRecipient,
)
from console.services.gpg.keygen import (
    ALGORITHM_LABELS,
    ALGORITHMS,
    BACKUP_WARNING,
    DEFAULT_ALGORITHM,
    DEFAULT_EXPIRE,
    REVOCATION_EXPLANATION,
    GeneratedKey,
    generate_key_pair,
    identity_problem,
    save_revocation_certificate,
    supported_algorithms,
    validate_expire,
)
from console.services.gpg.keyring import (
    EXPIRY_WARNING_DAYS,
    ImportSummary,
    KeyInfo,
    export_public,
    find_key,
    group_fingerprint,
    import_key_file,
    import_keys,
    list_keys,
    preview_keys,
    read_key_file,
    remove_key,
    secret_keys,
    trust_key,
)
from console.services.gpg.paths import check_output_file, check_output_files, check_output_folder
from console.services.passphrase import PassphraseStrength, passphrase_strength

__all__ = [
    "ALGORITHMS",
    "ALGORITHM_LABELS",
    "BACKUP_WARNING",
    "DEFAULT_ALGORITHM",
    "DEFAULT_EXPIRE",
    "EXPIRY_WARNING_DAYS",
    "REVOCATION_EXPLANATION",
    "BackupResult",
    "BadKeyFile",
    "BadPassphrase",
    "CorruptInput",
    "DecryptResult",
    "DeliveredFile",
    "EncryptResult",
    "EncryptedFile",
    "GeneratedKey",
    "GpgError",
    "GpgHome",
    "GpgNotInstalled",
    "ImportSummary",
    "KeyExpired",
    "KeyInfo",
    "KeyNotFound",
    "KeyRevoked",
    "NoSecretKey",
    "NotEncrypted",
    "OutputExists",
    "PassphraseStrength",
    "RecipientUnusable",
    "UntrustedRecipient",
    "already_compressed",
    "backup_key_pair",
    "check_output_file",
    "check_output_files",
    "check_output_folder",
    "decrypt_file",
    "default_decrypted_name",
    "encrypt_files",
    "ensure_home",
    "export_public",
    "file_kind",
    "find_key",
    "generate_key_pair",
    "group_fingerprint",
    "identity_problem",
    "import_key_file",
    "import_keys",
    "list_keys",
    "passphrase_strength",
    "plan_outputs",
    "preview_keys",
    "read_key_file",
    "remove_key",
    "restore_backup",
    "save_revocation_certificate",
    "secret_keys",
    "stop_agent",
    "supported_algorithms",
    "trust_key",
    "upload_reports",
    "validate_expire",
]
