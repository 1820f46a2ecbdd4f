"""Connecting to an sFTP server with a key: host-key trust, authentication, and failures explained.

Host-key policy (the console's own known_hosts file, see :mod:`.known_hosts`):

* unknown server → :class:`HostKeyUnknown` with the SHA256 fingerprint, unless ``accept_new``
  (the person saw the fingerprint and said yes), in which case the key is saved;
* changed key → :class:`HostKeyChanged`, always: someone may be intercepting the connection.
  Never auto-accepted; the old entry has to be removed on purpose.

Every network or SSH failure becomes a :class:`SftpError` whose message says what the client
can do about it (the broker's setup delay, firewalls on port 32, DNS, old algorithms).
"""

from __future__ import annotations

import base64
import errno
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.services.errors import Cancelled
from console.services.sftp import keys
from console.services.sftp import known_hosts as kh
from console.services.sftp.errors import AuthRefused, HostKeyChanged, HostKeyUnknown, SftpError

log = logging.getLogger(__name__)

DEFAULT_HOST = "xfer.interactivebrokers.com"
DEFAULT_PORT = 32
CONNECT_TIMEOUT = 20.0
#: Channel window: enough bytes in flight for a 25 MB/s link with ~100 ms round trips, and no more
#: (very large windows make paramiko's flow control collapse).
WINDOW_SIZE = 8 * 1024 * 1024
#: Largest SSH packet we accept from the server: fewer, bigger packets mean less Python work per byte.
MAX_PACKET_SIZE = 256 * 1024
#: AES-GCM first: one cipher call per packet instead of cipher + HMAC.
PREFERRED_CIPHERS = ("aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "aes128-ctr", "aes256-ctr",
                     "aes192-ctr")
SETUP_DELAY_HINT = ("If the public key was sent to the broker recently, wait: installing it on the xfer server "
                    "takes 1-2 business days.")


@dataclass(frozen=True)
class ConnectionParams:
    """Where and as whom to connect. The passphrase is never shown in reprs or logs."""

    host: str
    port: int
    username: str
    key_path: Path
    passphrase: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class HostKey:
    key_type: str
    key_base64: str
    sha256: str
    md5: str


@dataclass(frozen=True)
class ConnectionReport:
    """What "Test connection" found."""

    host: str
    port: int
    username: str
    host_key: HostKey
    newly_trusted: bool
    server_version: str
    cipher: str
    home: str
    entries: int
    seconds: float
    #: The folder that was listed (the profile's remote folder; the home folder when none is set).
    folder: str = ""


def check_params(params: ConnectionParams) -> None:
    """Refuse a connection that cannot work before touching the network (port range, empty host or user)."""
    from console.services.errors import InvalidInput

    try:
        port = int(params.port)
    except (TypeError, ValueError):
        raise InvalidInput(f"The port {params.port!r} is not a number (the broker's xfer server uses "
                           f"{DEFAULT_PORT}).") from None
    if not 1 <= port <= 65535 or isinstance(params.port, bool):
        raise InvalidInput(f"Port {params.port} is not valid: use 1-65535 (the broker's xfer server uses "
                           f"{DEFAULT_PORT}).")
    if not str(params.host).strip():
        raise InvalidInput("Enter the server name (the broker's is " + DEFAULT_HOST + ").")
    if not str(params.username).strip():
        raise InvalidInput("Enter the sFTP username the broker gave you.")


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Connection cancelled.")


def _open_socket(params: ConnectionParams, timeout: float) -> socket.socket:
    where = f"{params.host}:{params.port}"
    try:
        sock = socket.create_connection((params.host, params.port), timeout=timeout)
    except socket.gaierror:
        raise SftpError(f"The server name {params.host} cannot be found (DNS lookup failed).",
                        hint="Check the spelling of the host name and that this computer is online; "
                             "a VPN or company proxy can also block name lookups.") from None
    except ConnectionRefusedError:
        raise SftpError(f"{where} refused the connection: nothing accepts sFTP connections on that port.",
                        hint=f"The broker's xfer server uses port {DEFAULT_PORT}, not 22; check the port, "
                             "and whether a firewall rejects outgoing connections to it.") from None
    except TimeoutError:
        raise SftpError(f"No answer from {where} within {timeout:.0f} seconds.",
                        hint=f"A firewall is probably dropping connections to port {params.port} (office "
                             "networks often block everything but web ports); ask the network team to allow "
                             "it.") from None
    except OSError as exc:
        if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN):
            raise SftpError(f"{params.host} cannot be reached from this computer ({exc.strerror}).",
                            hint="Check the network connection, VPN and firewall.") from None
        raise SftpError(f"Cannot connect to {where}: {exc.strerror or exc}.") from None
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


class _BufferedSocket:
    """The TCP socket as paramiko sees it: one large recv serves many of its small ones.

    paramiko reads each SSH packet with two or three exact-size recv calls (each a poll and a
    recv system call, each a GIL hand-over); reading up to 1 MiB at a time and slicing from it
    costs a quarter less CPU on a bulk download. Never returns more than asked, like recv.
    """

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buf = b""
        self._pos = 0

    def recv(self, n: int) -> bytes:
        buf, pos = self._buf, self._pos
        if pos < len(buf):
            out = buf[pos:pos + n]
            self._pos = pos + len(out)
            return out
        data = self._sock.recv(max(n, 1 << 20))
        if len(data) <= n:
            return data
        self._buf, self._pos = data, n
        return data[:n]

    def send(self, data: bytes) -> int:
        return self._sock.send(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _Dial:
    """:func:`_open_socket` in a helper thread."""

    def __init__(self, params: ConnectionParams, timeout: float) -> None:
        self.sock: socket.socket | None = None
        self.error: BaseException | None = None
        self.lock = threading.Lock()
        self.discarded = False
        self.thread = threading.Thread(target=self._run, args=(params, timeout), name="sftp-dial", daemon=True)
        self.thread.start()

    def _run(self, params: ConnectionParams, timeout: float) -> None:
        try:
            sock = _open_socket(params, timeout)
        except BaseException as exc:  # noqa: BLE001 - re-raised by result()
            self.error = exc
            return
        with self.lock:
            if self.discarded:
                sock.close()
            else:
                self.sock = sock

    def result(self) -> socket.socket:
        self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.sock is not None
        return self.sock

    def discard(self) -> None:
        """Not needed after all: closed now or, if still connecting, when that ends (no waiting)."""
        with self.lock:
            self.discarded = True
            if self.sock is not None:
                self.sock.close()


def _host_key(key: Any) -> HostKey:
    blob = key.asbytes()
    return HostKey(key.get_name(), base64.b64encode(blob).decode("ascii"), keys.sha256_fingerprint(blob),
                   keys.md5_fingerprint(blob))


def _unsupported(where: str, exc: Exception) -> SftpError:
    return SftpError(f"{where} and this console share no usable encryption or key algorithm ({exc}).",
                     hint="This console (paramiko 5) no longer speaks the old ssh-rsa signature with SHA-1; "
                          "the server must offer rsa-sha2-256/512, ECDSA or Ed25519. Ask the server's "
                          "administrators to enable them.")


class SftpSession:
    """An authenticated SSH transport with one SFTP channel. Use as a context manager.

    Transfers use :attr:`pipe` (our pipelined requests); listings and the like use :attr:`sftp`
    (paramiko's SFTPClient, created on first use on the same channel).
    """

    def __init__(self, transport: Any, channel: Any, host_key: HostKey, newly_trusted: bool) -> None:
        from console.services.sftp import wire

        self.transport = transport
        self.channel = channel
        self.host_key = host_key
        self.newly_trusted = newly_trusted
        self._pipe = wire.Pipe(channel, timeout=channel.gettimeout() or 60.0)
        self._sftp: Any = None

    @property
    def pipe(self) -> Any:
        """The request pipeline (a :class:`.wire.Pipe`), attached to the channel."""
        self._pipe.attach()
        return self._pipe

    @property
    def sftp(self) -> Any:
        """paramiko's SFTPClient on the session's channel."""
        self._pipe.settle()
        if self._sftp is None:
            from console.services.sftp import paramiko_ext

            self._sftp = paramiko_ext.sftp_client(self.channel)
        return self._sftp

    def close(self) -> None:
        try:
            self.channel.close()
        finally:
            self.transport.close()

    def __enter__(self) -> SftpSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def verify_host_key(presented: HostKey, known_path: Path, host: str, port: int, *, accept_new: bool) -> bool:
    """Apply the trust policy; returns True when the key was newly saved."""
    known = kh.lookup(known_path, host, port)
    if any(k.key_base64 == presented.key_base64 for k in known):
        return False
    where = kh.host_pattern(host, port)
    if known:
        expected = tuple(keys.sha256_fingerprint(k.blob) for k in known)
        raise HostKeyChanged(
            f"WARNING: the server {where} now presents a different host key ({presented.sha256}) from the one "
            f"trusted before ({', '.join(expected)}). Someone may be intercepting the connection. "
            "Nothing was sent.",
            sha256=presented.sha256, expected_sha256=expected, host=host, port=port, known_hosts=Path(known_path),
            hint="Do not continue. Ask the broker whether the server key really changed and compare the new "
                 "fingerprint through another channel; only then remove the old entry for "
                 f"{where} from {known_path}.")
    if not accept_new:
        raise HostKeyUnknown(
            f"The server {where} is not known yet. Its host key fingerprint is {presented.sha256}.",
            host=host, port=port, key_type=presented.key_type, key_base64=presented.key_base64,
            sha256=presented.sha256, md5=presented.md5,
            hint="Compare it with the fingerprint the broker publishes, and trust it only if they match.")
    kh.add(known_path, host, port, presented.key_type, presented.key_base64)
    log.info("trusted host key %s for %s", presented.sha256, where)
    return True


def connect(params: ConnectionParams, *, known_hosts: Path, accept_new: bool = False,
            timeout: float = CONNECT_TIMEOUT, cancel: threading.Event | None = None,
            message: Callable[[str], None] | None = None) -> SftpSession:
    """Open an authenticated SFTP session, or raise a :class:`SftpError` that explains why not."""
    from console.services.sftp import paramiko_ext

    check_params(params)
    say = message or (lambda _text: None)
    where = f"{params.host}:{params.port}"
    _check_cancel(cancel)
    say(f"Connecting to {where}…")
    # The TCP handshake (and the server's greeting) happen while paramiko loads and the key is
    # read; when both fail, the key's problem is the one reported.
    dial = _Dial(params, timeout)
    try:
        paramiko = paramiko_ext.load()
        pkey = keys.paramiko_key(Path(params.key_path), params.passphrase)
        _check_cancel(cancel)
    except BaseException:
        dial.discard()
        raise
    sock = dial.result()
    transport = paramiko.Transport(_BufferedSocket(sock), default_window_size=WINDOW_SIZE,
                                   default_max_packet_size=MAX_PACKET_SIZE)
    try:
        options = transport.get_security_options()
        options.ciphers = tuple(c for c in PREFERRED_CIPHERS if c in options.ciphers) + tuple(
            c for c in options.ciphers if c not in PREFERRED_CIPHERS)
        known_types = [k.key_type for k in kh.lookup(known_hosts, params.host, params.port)]
        if known_types:
            # Ask for the key type we already trust, so a server with several keys shows the known one.
            ordered = [t for t in known_types if t in options.key_types]
            options.key_types = tuple(dict.fromkeys(ordered + list(options.key_types)))
        try:
            transport.start_client(timeout=timeout)
        except paramiko.ssh_exception.IncompatiblePeer as exc:
            raise _unsupported(where, exc) from None
        except paramiko.SSHException as exc:
            text = str(exc)
            if "banner" in text.lower():
                raise SftpError(f"{where} did not answer like an SSH/sFTP server.",
                                hint="Check the host and port (the broker's xfer server uses port 32).") from None
            if "incompatible" in text.lower() or "no acceptable" in text.lower():
                raise _unsupported(where, exc) from None
            raise SftpError(f"The secure connection to {where} failed: {text}.") from None
        except (EOFError, OSError) as exc:
            raise SftpError(f"{where} closed the connection during the handshake ({exc or 'end of stream'}).",
                            hint="The server may limit connections, or a firewall interferes.") from None
        _check_cancel(cancel)
        presented = _host_key(transport.get_remote_server_key())
        newly = verify_host_key(presented, known_hosts, params.host, params.port, accept_new=accept_new)
        say("Authenticating with the key…")
        try:
            paramiko_ext.auth_publickey(transport, params.username, pkey)
        except paramiko.BadAuthenticationType as exc:
            raise AuthRefused(f"{where} does not accept key authentication for {params.username} "
                              f"(it allows: {', '.join(exc.allowed_types) or 'nothing'}).") from None
        except paramiko.AuthenticationException:
            raise AuthRefused(
                f"The server refused the key for user {params.username}.",
                hint=f"{SETUP_DELAY_HINT} Otherwise check the username, and that this private key matches the "
                     f"public key that was sent (its fingerprint is {keys.sha256_fingerprint(pkey.asbytes())}). "
                     "Servers that only accept the old ssh-rsa SHA-1 signatures cannot be used.") from None
        except (paramiko.SSHException, EOFError, OSError) as exc:
            raise SftpError(f"Authentication with {where} failed: {exc}.") from None
        _check_cancel(cancel)
        try:
            channel = paramiko_ext.open_sftp_channel(transport, window_size=WINDOW_SIZE,
                                                     max_packet_size=MAX_PACKET_SIZE, timeout=timeout)
        except (paramiko.SSHException, EOFError, OSError) as exc:
            raise SftpError(f"{where} accepted the login but did not open a session ({exc}).",
                            hint="The account may not have sFTP access yet; contact the broker.") from None
        channel.settimeout(max(timeout, 60.0))
        session = SftpSession(transport, channel, presented, newly)
        try:
            session.pipe.start()
            if not paramiko_ext.can_pipeline(transport):
                session.pipe.handshake()  # other servers may want nothing before their VERSION
        except (EOFError, OSError) as exc:
            raise SftpError(f"{where} accepted the login but did not start sFTP ({exc or 'channel closed'}).",
                            hint="The account may not have sFTP access yet; contact the broker.") from None
        return session
    except BaseException:
        transport.close()
        raise


def test_connection(params: ConnectionParams, *, known_hosts: Path, accept_new: bool = False,
                    timeout: float = CONNECT_TIMEOUT, cancel: threading.Event | None = None,
                    message: Callable[[str], None] | None = None, remote_dir: str = ".") -> ConnectionReport:
    """Connect, authenticate, list ``remote_dir`` (the home folder by default); report what happened."""
    started = time.monotonic()
    remote_dir = remote_dir.strip() or "."
    with connect(params, known_hosts=known_hosts, accept_new=accept_new, timeout=timeout,
                 cancel=cancel, message=message) as session:
        try:
            home = session.sftp.normalize(".")
        except OSError as exc:
            raise SftpError(f"Logged in, but the home folder cannot be read ({exc}).") from None
        try:
            folder = session.sftp.normalize(remote_dir)
            entries = len(session.sftp.listdir(remote_dir))
        except OSError as exc:
            what = "the home folder" if remote_dir == "." else f"the folder {remote_dir}"
            raise SftpError(f"Logged in, but {what} cannot be listed ({exc.strerror or exc}).",
                            hint=None if remote_dir == "." else
                            f"Check the remote folder's spelling; the home folder is {home}.") from None
        return ConnectionReport(
            host=params.host, port=params.port, username=params.username, host_key=session.host_key,
            newly_trusted=session.newly_trusted, server_version=str(session.transport.remote_version),
            cipher=str(session.transport.remote_cipher), home=str(home), entries=entries,
            seconds=round(time.monotonic() - started, 3), folder=str(folder))
