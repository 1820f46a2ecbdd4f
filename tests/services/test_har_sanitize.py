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
    # short values and short numbers ("en", an 8-digit date) are not treated as secrets outside their field...
    kept = {s for s in found if len(s) >= MIN_LEN and not (s.isdigit() and len(s) < 10)}
    # ...except OAuth codes and states, however short: they must not survive anywhere
    for e in raw_log["entries"]:
        for q in e.get("request", {}).get("queryString") or []:
            if q["name"] in ("code", "state") and len(str(q["value"])) >= 4:
                kept.add(str(q["value"]))
    return kept


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
    out = write_report(report, tmp_path / "report.json")
    raw = out.read_bytes()
    assert orjson.loads(raw)["replacement_count"] == len(report.replacements) >= 2
    assert b"pa55-word-x" not in raw and b"abc-token-xyz" not in raw
    (tmp_path / "taken").mkdir()
    with pytest.raises(InvalidInput, match="is a folder"):
        write_report(report, tmp_path / "taken")


# ---------------------------------------------------------------------------- audit: places secrets hide
AUDIT_SECRETS = ["UrlPassw0rdSecret", "LoneParamSecret2", "MultipartPass77", "MultipartTok88x",
                 "WsTokenSecret99", "CsrfUnquoted42", "CsrfQuoted4242", "4567890", "st8x9Q"]


def _audit_har() -> dict[str, Any]:
    e1 = entry("https://alice:UrlPassw0rdSecret@internal.example.com/report?x=1", mime="text/plain",
               text="see https://alice:UrlPassw0rdSecret@internal.example.com/ for the report")
    e2 = entry("https://example.com/plain", method="POST")
    e2["request"]["postData"] = {"mimeType": "text/plain", "text": "password=LoneParamSecret2"}
    boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
    multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"user\"\r\n\r\nalice\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nMultipartPass77\r\n"
                 f"--{boundary}\r\nContent-Disposition: form-data; name=access_token\r\n"
                 f"Content-Type: text/plain\r\n\r\nMultipartTok88x\r\n--{boundary}--\r\n")
    e3 = entry("https://example.com/upload", method="POST", started="2024-01-02T03:04:06Z")
    e3["request"]["postData"] = {"mimeType": f"multipart/form-data; boundary={boundary}", "text": multipart}
    e4 = entry("wss://example.com/socket", status=101, started="2024-01-02T03:04:07Z", text=None)
    e4["_resourceType"] = "websocket"
    e4["_webSocketMessages"] = [
        {"type": "send", "time": 1700000000.1, "opcode": 1, "data": '{"op":"auth","token":"WsTokenSecret99"}'},
        {"type": "receive", "time": 1700000000.2, "opcode": 1, "data": '{"op":"ok","user":"alice"}'}]
    e5 = entry("https://example.com/form", started="2024-01-02T03:04:08Z",
               text='<form><input type=hidden name=csrf_token value=CsrfUnquoted42>'
                    '<input name="authenticity_token" value="CsrfQuoted4242" type="hidden">'
                    '<input name=lang value=en></form>')
    # an OAuth code and state shorter than 10 digits, echoed in a later Referer and a body
    e6 = entry("https://app.example.com/callback?code=4567890&state=st8x9Q", started="2024-01-02T03:04:09Z")
    e6["request"]["queryString"] = [{"name": "code", "value": "4567890"}, {"name": "state", "value": "st8x9Q"}]
    e7 = entry("https://app.example.com/home", started="2024-01-02T03:04:10Z", mime="application/json",
               text='{"last_login_code": "x", "note": "exchanged 4567890 for a session; state st8x9Q"}',
               req_headers=[("Referer", "https://app.example.com/callback?code=4567890&state=st8x9Q"),
                            ("Accept-Language", "en")])
    return har([e1, e2, e3, e4, e5, e6, e7])


def test_audit_hiding_places_leave_no_secret(tmp_path: Path) -> None:
    src = write(tmp_path / "audit.har", _audit_har())
    out = tmp_path / "clean.har"
    report = sanitize_har_file(src, out)
    raw_out = out.read_bytes()
    for secret in AUDIT_SECRETS:
        assert secret.encode() not in raw_out, secret
        assert secret not in orjson.dumps(report.to_dict()).decode()
    clean = orjson.loads(raw_out)["log"]
    # what is not a secret is kept: user names, short common values in other places, the HAR's structure
    assert clean["entries"][0]["request"]["url"].startswith("https://alice:redacted-")
    assert "name=\"user\"\r\n\r\nalice\r\n" in clean["entries"][2]["request"]["postData"]["text"]
    assert '"user":"alice"' in clean["entries"][3]["_webSocketMessages"][1]["data"]
    headers = {h["name"]: h["value"] for h in clean["entries"][6]["request"]["headers"]}
    assert headers["Accept-Language"] == "en" and "value=en" in clean["entries"][4]["response"]["content"]["text"]
    started = [e["startedDateTime"] for e in _audit_har()["log"]["entries"]]
    assert [e["startedDateTime"] for e in clean["entries"]] == started
    assert {"url-userinfo", "credential-name", "known-secret"} <= set(report.counts)
    # still a HAR for us and for haralyzer, with every entry
    assert len(load_har(out).entries) == 7
    parser = HarParser.from_file(str(out))
    assert sum(len(p.entries) for p in parser.pages) == 7


@pytest.mark.parametrize("text", ["password=LoneParamSecret2\n", "user=alice\npassword: LoneParamSecret2\n",
                                  "token=LoneParamSecret2&x=1",
                                  "GET /x HTTP/1.1\nAuthorization: Bearer LoneParamSecret2\nAccept: */*\n"])
def test_plain_text_pairs(tmp_path: Path, text: str) -> None:
    e = entry("https://example.com/p", method="POST")
    e["request"]["postData"] = {"mimeType": "text/plain;charset=UTF-8", "text": text}
    out = tmp_path / "o.har"
    sanitize_har_file(write(tmp_path / "i.har", har([e])), out)
    assert b"LoneParamSecret2" not in out.read_bytes()


def test_output_paths_refused_before_work(tmp_path: Path) -> None:
    from console.services.errors import InvalidInput
    from console.services.har import write_report

    src = write(tmp_path / "s.har", har([entry("https://x.example.com/?password=pa55-word-x")]))
    (tmp_path / "adir").mkdir()
    (tmp_path / "report.csv").write_text("a,b\n")
    cases = {tmp_path / "adir": "is a folder", tmp_path / "report.csv" / "out.har": "report.csv is a file",
             tmp_path / "report.csv" / "sub" / "out.har": "report.csv is a file",
             tmp_path / "new" / "dir" / "x.har": r"folder .*new.*dir does not exist", src: "different file"}
    for target, message in cases.items():
        with pytest.raises(InvalidInput, match=message):
            sanitize_har_file(src, target)
    assert not (tmp_path / "new").exists()
    report = preview_sanitize(src)
    with pytest.raises(InvalidInput, match=r"folder .*missing does not exist"):
        write_report(report, tmp_path / "missing" / "r.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "report.csv", "s.har"]
