"""sFTP for clients who receive statements by sFTP: RSA key pairs, host-key trust, transfers.

Pure Python over paramiko (imported only when a connection is made) and cryptography.

Keys (:mod:`.keys`, :mod:`.ppk`, :mod:`.openssh`): :func:`save_key_pair` writes ``id_rsa``
(OpenSSH format, 0600, encrypted when a passphrase is given), ``public.key`` (one line
``ssh-rsa AAAA... <username>``) and optionally ``id_rsa.ppk`` (PuTTY v3 or v2, our own writer);
:func:`key_info` describes any OpenSSH/PEM/.ppk/public key file (public line, SHA256 and MD5).

Connections (:mod:`.client`): :func:`connect` / :func:`test_connection` apply the host-key
policy against the console's own known_hosts (unknown → :class:`HostKeyUnknown` unless
``accept_new``; changed → :class:`HostKeyChanged`, never accepted) and explain failures.

Transfers (:mod:`.transfer`): :func:`list_dir`, :func:`download_file`, :func:`upload_file`,
:func:`download_newest`; progress callbacks, cancel events, ``.part`` files and resume.

Interface for other areas (the GPG area delivers encrypted reports to a client's outbox)::

    from console.services.sftp import ConnectionParams, upload_file
    result = upload_file(
        ConnectionParams(host, port, username, key_path, passphrase=None),
        Path("report.pdf.gpg"), "outgoing/report.pdf.gpg",
        known_hosts=Path(...),          # e.g. known_hosts_path(ctx.data_dir)
        progress=None,                   # progress(done_bytes, total_bytes)
        cancel=None,                     # threading.Event; set it to stop (raises Cancelled)
        resume=False,                    # continue an earlier REMOTE.part
    )                                    # -> TransferResult(size, sha256, seconds, ...)

``upload_file`` also takes ``overwrite=False`` (keyword): an existing remote file is never
replaced unless asked (:class:`TargetExists`). The data goes to ``REMOTE.part`` and is renamed
to ``REMOTE`` only when the server holds every byte. Failures raise :class:`SftpError`
subclasses (exit codes: unknown host key 3, changed host key 4, key refused 5, others 2).
"""

from __future__ import annotations

from pathlib import Path

from console.services.sftp.client import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    ConnectionParams,
    ConnectionReport,
    HostKey,
    SftpSession,
    connect,
    test_connection,
)
from console.services.sftp.errors import (
    AuthRefused,
    HostKeyChanged,
    HostKeyUnknown,
    KeyFileError,
    PassphraseNeeded,
    SftpError,
    WrongPassphrase,
)
from console.services.sftp.keys import (
    DEFAULT_BITS,
    KEY_SIZES,
    KeyInfo,
    KeyPairResult,
    key_info,
    needs_passphrase,
    save_key_pair,
    save_public_line,
    write_ppk_from,
)
from console.services.sftp.known_hosts import add as trust_host_key
from console.services.sftp.known_hosts import remove as forget_host
from console.services.sftp.transfer import (
    Listing,
    RemoteEntry,
    TargetExists,
    TransferResult,
    download_file,
    download_newest,
    list_dir,
    upload_file,
)


def known_hosts_path(data_dir: Path) -> Path:
    """The console's own known_hosts file inside its data folder."""
    from console.services.sftp.known_hosts import default_path

    return default_path(data_dir)


__all__ = [
    "DEFAULT_BITS", "DEFAULT_HOST", "DEFAULT_PORT", "KEY_SIZES", "AuthRefused", "ConnectionParams",
    "ConnectionReport", "HostKey", "HostKeyChanged", "HostKeyUnknown", "KeyFileError", "KeyInfo", "KeyPairResult",
    "Listing", "PassphraseNeeded", "RemoteEntry", "SftpError", "SftpSession", "TargetExists", "TransferResult",
    "WrongPassphrase", "connect", "download_file", "download_newest", "forget_host", "key_info", "known_hosts_path",
    "list_dir", "needs_passphrase", "save_key_pair", "save_public_line", "test_connection", "trust_host_key",
    "upload_file", "write_ppk_from",
]
