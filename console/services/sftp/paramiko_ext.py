"""What this area adds to paramiko: a cheaper import and fewer round trips when connecting.

Everything here is built on first use, so importing the sFTP services does not import paramiko.

* :func:`load` imports paramiko without ``invoke`` (paramiko.config only needs it for the
  ``Match exec`` lines of ssh_config files, which we never read; importing it costs ~50 ms).
* :func:`auth_publickey` sends the ``ssh-userauth`` service request and the signed key
  request back to back instead of waiting for the service to be accepted (one round trip
  less; an OpenSSH server handles them in order). Done only for OpenSSH servers that have
  told us their signature algorithms; otherwise paramiko's own exchange is used.
* :func:`open_sftp_channel` opens the session channel, asks for the ``sftp`` subsystem and
  sends SFTP INIT without waiting for either reply (what OpenSSH's own client does).
* :func:`sftp_client` puts paramiko's SFTPClient on such an already initialised channel.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

_lock = threading.Lock()
_classes: dict[str, Any] = {}


def load() -> Any:
    """The paramiko module."""
    if "paramiko" in sys.modules:
        return sys.modules["paramiko"]
    with _lock:
        blocked = "invoke" not in sys.modules
        if blocked:
            sys.modules["invoke"] = None  # type: ignore[assignment]  # makes "import invoke" fail fast
        try:
            import paramiko
        finally:
            if blocked and sys.modules.get("invoke", 0) is None:
                del sys.modules["invoke"]
    return paramiko


def _eager_auth_class() -> Any:
    if "auth" not in _classes:
        base: Any = load().AuthHandler
        from paramiko.message import Message

        class EagerAuthHandler(base):  # type: ignore[misc]
            """Sends the user-auth request right behind the service request."""

            def _request_auth(self) -> None:
                super()._request_auth()
                accepted = Message()
                accepted.add_string("ssh-userauth")
                accepted.rewind()
                super()._parse_service_accept(accepted)

            def _parse_service_accept(self, m: Any) -> None:
                pass  # the request went out already

        _classes["auth"] = EagerAuthHandler
    return _classes["auth"]


def can_pipeline(transport: Any) -> bool:
    """Servers we know handle requests sent before the previous answer (OpenSSH)."""
    return "OpenSSH" in str(transport.remote_version)


def auth_publickey(transport: Any, username: str, key: Any) -> None:
    """Like ``transport.auth_publickey``, one round trip shorter where that is safe."""
    if can_pipeline(transport):
        # The server's signature algorithms (EXT_INFO) arrive right behind its NEWKEYS; the RSA
        # signature must use one of them, so wait the few milliseconds it takes to process them.
        deadline = time.monotonic() + 0.05
        while "server-sig-algs" not in transport.server_extensions and time.monotonic() < deadline:
            time.sleep(0.001)
        if "server-sig-algs" in transport.server_extensions:
            if not transport.active or not transport.initial_kex_done:
                raise load().SSHException("No existing session")
            event = threading.Event()
            transport.auth_handler = _eager_auth_class()(transport)
            transport.auth_handler.auth_publickey(username, key, event)
            transport.auth_handler.wait_for_response(event)
            return
    transport.auth_publickey(username, key)


def open_sftp_channel(transport: Any, *, window_size: int, max_packet_size: int, timeout: float) -> Any:
    """A session channel with the sftp subsystem requested (its reply is not awaited)."""
    from paramiko.common import cMSG_CHANNEL_REQUEST
    from paramiko.message import Message

    channel = transport.open_session(window_size=window_size, max_packet_size=max_packet_size, timeout=timeout)
    m = Message()
    m.add_byte(cMSG_CHANNEL_REQUEST)
    m.add_int(channel.remote_chanid)
    m.add_string("subsystem")
    m.add_boolean(True)  # a refusal closes the channel, which the first read reports
    m.add_string("sftp")
    channel._event_pending()
    transport._send_user_message(m)
    return channel


def sftp_client(channel: Any) -> Any:
    """paramiko's SFTPClient on a channel whose INIT/VERSION exchange is done (we ask for version 3)."""
    if "sftp" not in _classes:
        base: Any = load().SFTPClient

        class PreparedSFTPClient(base):  # type: ignore[misc]
            def _send_version(self) -> int:
                return 3

        _classes["sftp"] = PreparedSFTPClient
    return _classes["sftp"](channel)
