"""Redaction: no secret of the input survives, placeholders are stable, the output still loads everywhere."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from haralyzer import HarParser

from console.services.har import load_har, preview_sanitize, sanitize_har_file
from console.services.har.sanitize import is_credential_name
from tests.services.test_har_helpers import JWT, b64, entry, har, write
from tests.services.test_har_loader import FIXTURES

JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
SECRET_HINT = re.compile(r"token|session|sid|auth|passw|secret|key|sig", re.I)
MIN_LEN = 8


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)
    elif isinstance(obj, str):
        yield obj


def _all_text(log: dict[str, Any]) -> str:
    """Every string of the HAR, plus the decoded form of base64 bodies."""
    parts = list(_strings(log))
    for e in log["entries"]:
        content = e.get("response", {}).get("content", {})
        if content.get("encoding") == "base64" and content.get("text"):
            try:
                parts.append(base64.b64decode(content["text"]).decode("utf-8", "ignore"))
            except (binascii.Error, ValueError):
                pass
    return "\n".join(parts)


def input_secrets(raw_log: dict[str, Any]) -> set[str]:
    """Secrets found independently of the sanitizer: cookie values, Authorization values, credential-looking
    query/form parameters and every JWT."""
    found: set[str] = set()
    for e in raw_log["entries"]:
        req, resp = e.get("request", {}), e.get("response", {})
        for side in (req, resp):
            for c in side.get("cookies") or []:
                found.add(str(c.get("value", "")))
            for h in side.get("headers") or []:
                name, value = h["name"].lower(), str(h["value"])
                if name == "cookie":
                    found.update(p.split("=", 1)[1].strip() for p in value.split(";") if "=" in p)
                elif name == "set-cookie":
                    for line in value.split("\n"):
                        first = line.split(";", 1)[0]
                        if "=" in first:
                            found.add(first.split("=", 1)[1].strip())
                elif name in ("authorization", "proxy-authorization"):
                    found.add(value.split(" ", 1)[-1])
        for q in req.get("queryString") or []:
            if SECRET_HINT.search(q["name"]) and is_credential_name(q["name"]):
                found.add(str(q["value"]))
        for p in (req.get("postData") or {}).get("params") or []:
            if is_credential_name(p.get("name", "")):
                found.add(str(p.get("value", "")))
    found.update(JWT_RE.findall(_all_text(raw_log)))
    # short values and short numbers ("en", an 8-digit date) are not treated as secrets outside their field
    return {s for s in found if len(s) >= MIN_LEN and not (s.isdigit() and len(s) < 10)}


def _raw(path: Path) -> dict[str, Any]:
    return orjson.loads(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))["log"]


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_sanitized_has_no_secrets_and_loads(har_fixtures_dir: Path, tmp_path: Path, name: str) -> None:
    src = har_fixtures_dir / name
    raw = _raw(src)
    secrets = input_secrets(raw)
    out = tmp_path / "clean.har"
    report = sanitize_har_file(src, out)
    clean = orjson.loads(out.read_bytes())["log"]
    text = _all_text(clean)
    leaked = sorted(s for s in secrets if s in text)
    assert not leaked, f"{len(leaked)} secrets survived, e.g. {leaked[0][:6]}…"
    report_json = orjson.dumps(report.to_dict()).decode()
    assert not [s for s in secrets if s in report_json]
    assert report.entries == len(raw["entries"])
    if secrets:
        assert report.replacements
    for r in report.replacements:
        assert r.rule and r.location and (r.entry is None or 0 <= r.entry < len(raw["entries"]))
    # still a HAR: our loader and haralyzer see every entry
    assert len(load_har(out).entries) == len(raw["entries"])
    parser = HarParser.from_file(str(out))
    assert sum(len(p.entries) for p in parser.pages) == len(raw["entries"])


def test_corpus_has_secrets_to_redact(har_fixtures_dir: Path) -> None:
    total = sum(len(input_secrets(_raw(har_fixtures_dir / n))) for n in FIXTURES)
    assert total > 100


def _crafted() -> dict[str, Any]:
    body = orjson.dumps({"user": "alice", "credentials": {"password": "hunter2-very-secret"},
                         "items": [{"apiKey": "AKIA-abcdef-123456"}, {"note": f"see {JWT}"}],
                         "errorCode": "E1234567"}).decode()
    resp_json = orjson.dumps({"access_token": "at-9f8e7d6c5b4a", "expires_in": 3600, "profile": {"name": "A"}})
    e1 = entry(f"https://api.example.com/login?user=alice&token=tok-0123456789#access_token={JWT}x",
               method="POST", mime="application/json", text=None,
               req_headers=[("Authorization", "Bearer sk-live-abcdefghijkl"), ("Cookie", "sid=abc123456789; lang=en"),
                            ("X-Api-Key", "key-zyxwvutsrq"), ("Referer", "https://example.com/?session=sess-11112222")])
    e1["request"]["postData"] = {"mimeType": "application/json", "text": body}
    e1["request"]["queryString"] = [{"name": "user", "value": "alice"}, {"name": "token", "value": "tok-0123456789"}]
    e1["response"]["content"] = {"size": len(resp_json), "mimeType": "application/json", "encoding": "base64",
                                 "text": base64.b64encode(resp_json).decode()}
    e1["response"]["headers"] = [{"name": "Set-Cookie", "value": "sid=abc123456789; Path=/; HttpOnly"}]
    e1["response"]["cookies"] = [{"name": "sid", "value": "abc123456789"}]
    e2 = entry("https://example.com/form", method="POST", started="2024-01-02T03:04:06Z",
               text=f"<script>var csrfToken = 'csrf-55556666'; // tok-0123456789 {JWT}</script>")
    e2["request"]["postData"] = {"mimeType": "application/x-www-form-urlencoded",
                                 "text": "username=alice&passwd=pa%24%24word123&otp=123456",
                                 "params": [{"name": "username", "value": "alice"},
                                            {"name": "passwd", "value": "pa$$word123"},
                                            {"name": "otp", "value": "123456"}]}
    e2["request"]["cookies"] = [{"name": "sid", "value": "abc123456789"}]
    e3 = entry(f"https://cdn.example.com/{JWT}/app.js", started="2024-01-02T03:04:07Z", text=b64("x"))
    return har([e1, e2, e3])


SECRETS = ["hunter2-very-secret", "AKIA-abcdef-123456", JWT, "at-9f8e7d6c5b4a", "tok-0123456789",
           "sk-live-abcdefghijkl", "abc123456789", "key-zyxwvutsrq", "sess-11112222", "csrf-55556666",
           "pa$$word123", "pa%24%24word123"]


def test_crafted_har_every_location(tmp_path: Path) -> None:
    src = write(tmp_path / "in.har", _crafted())
    out = tmp_path / "out.har"
    key = b"k" * 32
    report = sanitize_har_file(src, out, key=key)
    clean = orjson.loads(out.read_bytes())["log"]
    text = _all_text(clean)
    for secret in SECRETS:
        assert secret not in text, secret
    e1, e2, _ = clean["entries"]
    # kept what is not a secret
    assert "alice" in e1["request"]["url"] and "E1234567" in text
    body = orjson.loads(e1["request"]["postData"]["text"])
    assert body["user"] == "alice" and body["credentials"]["password"].startswith("redacted-")
    headers = {h["name"]: h["value"] for h in e1["request"]["headers"]}
    assert headers["Authorization"].startswith("Bearer redacted-")
    resp = orjson.loads(base64.b64decode(e1["response"]["content"]["text"]))
    assert resp["access_token"].startswith("redacted-") and resp["expires_in"] == 3600
    # the same value always gets the same placeholder
    sid_ph = e1["response"]["cookies"][0]["value"]
    assert sid_ph == e2["request"]["cookies"][0]["value"] and sid_ph in headers["Cookie"]
    assert headers["Cookie"].startswith("sid=redacted-") and "; lang=redacted-" in headers["Cookie"]
    assert sid_ph.startswith("redacted-") and "abc123456789" not in sid_ph
    form = {p["name"]: p["value"] for p in e2["request"]["postData"]["params"]}
    assert form["username"] == "alice" and form["otp"].startswith("redacted-")
    rules = report.counts
    for rule in ("jwt", "cookie", "authorization-header", "credential-name", "credential-header"):
        assert rules.get(rule), rule
    assert {r.entry for r in report.replacements} >= {0, 1, 2}
    # same key, same placeholders; the preview reports what the export does
    preview = preview_sanitize(src, key=key)
    assert [(r.entry, r.location, r.rule) for r in preview.replacements] == \
        [(r.entry, r.location, r.rule) for r in report.replacements]
    assert not src.with_name("out.har.tmp").exists()


@pytest.mark.parametrize("name, expected", [
    ("password", True), ("X-Auth-Token", True), ("apiKey", True), ("api_key", True), ("JSESSIONID", True),
    ("X-Amz-Signature", True), ("otp", True), ("code", True), ("client_secret", True), ("authToken", True),
    ("author", False), ("keyword", False), ("monkey", False), ("errorCode", False), ("Content-Type", False),
    ("Accept", False), ("user", False),
])
def test_credential_names(name: str, expected: bool) -> None:
    assert is_credential_name(name) is expected


def test_bad_input_leaves_no_output(tmp_path: Path) -> None:
    from console.services.har import HarError

    src = write(tmp_path / "bad.har", b'{"log": {"entries": [')
    out = tmp_path / "out.har"
    with pytest.raises(HarError):
        sanitize_har_file(src, out)
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_write_report_has_no_values_and_explains_a_bad_target(tmp_path: Path) -> None:
    from console.services.errors import InvalidInput
    from console.services.har import preview_sanitize, write_report

    src = write(tmp_path / "s.har", har([entry("https://x.example.com/?password=pa55-word-x",
                                               req_headers=[("Authorization", "Bearer abc-token-xyz")])]))
    report = preview_sanitize(src)
    out = write_report(report, tmp_path / "r" / "report.json")
    raw = out.read_bytes()
    assert orjson.loads(raw)["replacement_count"] == len(report.replacements) >= 2
    assert b"pa55-word-x" not in raw and b"abc-token-xyz" not in raw
    (tmp_path / "taken").mkdir()
    with pytest.raises(InvalidInput, match="Cannot write the redaction report"):
        write_report(report, tmp_path / "taken")
