"""Logging pipeline: secrets never reach a handler."""

from __future__ import annotations

import logging

import pytest

from console import logs


@pytest.mark.parametrize("secret_text", [
    "passphrase=hunter2hunter2",
    "Authorization: Bearer abcdefghijklmnop",
    "cookie: SESSIONID=abcdef123456",
    "token='xyzzy-secret'",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
    "postgresql://agent:pw123456@db.example/console",
    "Cookie: a=1; sessionid=abcdef123456",
    "Authorization: Custom abcdef123456",
    "sid=abcdef123456&x=1",
    "--passphrase hunter2hunter2",
    "private_key=xyzzy-secret",
    "Signature=abcdef123456",
])
def test_scrub_removes_secrets(secret_text: str) -> None:
    cleaned = logs.scrub(f"before {secret_text} after")
    for fragment in ("hunter2", "abcdefghijklmnop", "abcdef123456", "xyzzy", "dozjgNry", "b3BlbnNzaC1", "pw123456"):
        assert fragment not in cleaned
    assert cleaned.startswith("before")


def test_ring_buffer_gets_scrubbed_records() -> None:
    logs.setup_logging(None)
    seen: list[str] = []
    ring = logs.ring_buffer()

    def collect(record: logging.LogRecord) -> None:
        seen.append(record.getMessage())

    ring.subscribe(collect)
    try:
        logging.getLogger("console.test").warning("login with password=%s", "topsecret99")
    finally:
        ring.unsubscribe(collect)
    assert seen and "topsecret99" not in seen[-1]
    assert "topsecret99" not in ring.records[-1].getMessage()
