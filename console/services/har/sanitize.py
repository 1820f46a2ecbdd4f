"""Redaction of HAR files: credentials, cookies, tokens and JWTs become stable placeholders.

Placeholders are ``redacted-<12 hex>``: an HMAC-SHA256 of the value under a key drawn at random
per run, so the same secret maps to the same placeholder within one export (flows stay traceable)
and the placeholder reveals nothing about the secret. After the targeted rules, a final sweep
replaces every further occurrence of any redacted value (e.g. a session id echoed in a body or a
Referer) anywhere in the document. The report names entry, location and rule, never the value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus, unquote_plus

import orjson

from console.services.errors import Cancelled, InvalidInput
from console.services.fsutil import atomic_output
from console.services.har.loader import Progress, load_har

_JWT = re.compile(r"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_ALWAYS_HEADERS = {"cookie", "set-cookie", "authorization", "proxy-authorization"}
_STEMS = ("password", "passwd", "passphrase", "secret", "token", "session", "sessid", "credential",
          "signature", "apikey", "authorization", "cookie", "jwt", "csrf", "xsrf", "privatekey", "accesskey")
_WORDS = {"auth", "key", "otp", "totp", "pwd", "pass", "pin", "sid", "sig", "mfa", "bearer", "ssn", "hash",
          "nonce", "assertion", "saml", "samlresponse", "ticket"}
_SAFE_HEADER_PREFIXES = ("access-control-", "sec-", "content-")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_MIN_SWEEP = 8  # shorter values (an OTP, "en") would hit unrelated text


def is_credential_name(name: str) -> bool:
    """Does a header, parameter, cookie or JSON field name look like it holds a credential?"""
    if not name:
        return False
    words = [w.lower() for w in _NON_ALNUM.split(_CAMEL.sub(" ", name)) if w]
    joined = "".join(words)
    if joined == "code":  # OAuth authorization codes; longer names like errorCode are kept
        return True
    if any(stem in joined for stem in _STEMS):
        return True
    for word in words:
        if word in _WORDS:
            return True
        if word.startswith("auth") and not word.startswith(("author", "authent")):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Replacement:
    """One redacted value: where (``entry`` index, or None for log/page level) and by which rule."""

    entry: int | None
    location: str
    rule: str


@dataclass(frozen=True)
class SanitizeReport:
    source: str
    output: str | None
    entries: int
    replacements: list[Replacement] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return dict(Counter(r.rule for r in self.replacements).most_common())

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "output": self.output, "entries": self.entries,
            "replacement_count": len(self.replacements), "counts_by_rule": self.counts,
            "replacements": [{"entry": r.entry, "location": r.location, "rule": r.rule}
                             for r in self.replacements],
        }


class _Redactor:
    def __init__(self, key: bytes | None) -> None:
        self.key = key or secrets.token_bytes(32)
        self.secrets: dict[str, str] = {}
        self.report: list[Replacement] = []
        self.entry: int | None = None

    def placeholder(self, value: str) -> str:
        digest = hmac.new(self.key, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return f"redacted-{digest[:12]}"

    def replace(self, value: Any, location: str, rule: str) -> str:
        text = value if isinstance(value, str) else orjson.dumps(value).decode()
        if not text or text.startswith("redacted-"):
            return text
        ph = self.placeholder(text)
        self.secrets[text] = ph
        self.report.append(Replacement(self.entry, location, rule))
        return ph

    # ------------------------------------------------------------------ text-level helpers
    def jwts(self, text: str, location: str) -> str:
        if "eyJ" not in text:
            return text
        return _JWT.sub(lambda m: self.replace(m.group(0), location, "jwt"), text)

    def cookie_string(self, text: str, location: str, *, set_cookie: bool) -> str:
        parts = text.split(";") if not set_cookie else [text.split(";", 1)[0]]
        rest = text[len(parts[0]):] if set_cookie else ""
        out = []
        for part in parts:
            name, eq, value = part.partition("=")
            if eq and value.strip():
                stripped = value.strip()
                value = value.replace(stripped, self.replace(stripped, f"{location} cookie {name.strip()}",
                                                             "cookie"))
            elif not eq and part.strip():
                part = self.replace(part.strip(), location, "cookie")
                out.append(part)
                continue
            out.append(f"{name}{eq}{value}")
        return ";".join(out) + rest

    def query_string(self, query: str, location: str) -> str:
        out = []
        for part in query.split("&"):
            name, eq, value = part.partition("=")
            if eq and value and is_credential_name(unquote_plus(name)):
                value = self.replace(unquote_plus(value), f"{location} parameter {unquote_plus(name)}",
                                     "credential-name")
            out.append(f"{name}{eq}{value}")
        return "&".join(out)

    def url(self, url: str, location: str) -> str:
        head, sep, fragment = url.partition("#")
        base, qsep, query = head.partition("?")
        if qsep:
            query = self.query_string(query, f"{location} query")
        if sep and "=" in fragment:
            fragment = self.query_string(fragment, f"{location} fragment")
        return self.jwts(base + qsep + query + sep + fragment, location)

    def header_value(self, name: str, value: str, location: str) -> str:
        lname = name.lower().lstrip(":")
        if lname == "cookie":
            return self.cookie_string(value, location, set_cookie=False)
        if lname == "set-cookie":
            return "\n".join(self.cookie_string(v, location, set_cookie=True) for v in value.split("\n"))
        if lname in ("authorization", "proxy-authorization"):
            scheme, space, credential = value.strip().partition(" ")
            if space and credential:
                return f"{scheme} {self.replace(credential.strip(), location, 'authorization-header')}"
            return self.replace(value, location, "authorization-header")
        if not lname.startswith(_SAFE_HEADER_PREFIXES) and is_credential_name(lname):
            return self.replace(value, location, "credential-header")
        if lname in ("referer", "location", "origin", "path", "content-location", "refresh"):
            return self.url(value, location)
        return self.jwts(value, location)

    # ------------------------------------------------------------------ structured bodies
    def json_value(self, value: Any, path: str, location: str, sensitive: bool = False) -> Any:
        if isinstance(value, dict):
            return {k: self.json_value(v, f"{path}.{k}", location, sensitive or is_credential_name(str(k)))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [self.json_value(v, f"{path}[{i}]", location, sensitive) for i, v in enumerate(value)]
        if sensitive and value is not None and not isinstance(value, bool) and value != "":
            return self.replace(value, f"{location} {path}", "credential-name")
        if isinstance(value, str):
            if value.startswith(("http://", "https://", "/")) and "?" in value:
                return self.url(value, f"{location} {path}")
            return self.jwts(value, f"{location} {path}")
        return value

    def body_text(self, text: str, mime: str, location: str) -> str:
        stripped = text.lstrip()
        if stripped[:1] in ("{", "[") or "json" in mime.lower():
            try:
                parsed = orjson.loads(text)
            except orjson.JSONDecodeError:
                parsed = None
            else:
                if isinstance(parsed, (dict, list)):
                    before = len(self.report)
                    cleaned = self.json_value(parsed, "$", location)
                    # Keep the original formatting unless something was actually replaced.
                    return orjson.dumps(cleaned).decode() if len(self.report) > before else text
        if "x-www-form-urlencoded" in mime.lower() or (
                "=" in text and "&" in text and " " not in text[:2000] and "\n" not in text[:2000]):
            text = self.query_string(text, location)
        text = _KEY_VALUE.sub(lambda m: self._kv(m, location), text)
        return self.jwts(text, location)

    def _kv(self, match: re.Match[str], location: str) -> str:
        name, value = match.group("name"), match.group("value")
        if not is_credential_name(name) or value.startswith("redacted-") or len(value) < 4:
            return match.group(0)
        start, end = match.span("value")
        whole = match.group(0)
        base = match.start()
        return whole[:start - base] + self.replace(value, f"{location} field {name}", "credential-name") + \
            whole[end - base:]


# "name": "value" / name=value / name="value" inside non-JSON text (HTML forms, JS, multipart)
_KEY_VALUE = re.compile(
    r"""["']?(?P<name>[A-Za-z_][A-Za-z0-9_.-]{1,40})["']?\s*(?::|=)\s*["'](?P<value>[^"'\s<>]{4,512})["']""")


def _walk_strings(obj: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str):
                obj[k] = fn(v)
            elif isinstance(v, (dict, list)):
                _walk_strings(v, fn)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            if isinstance(v, str):
                obj[i] = fn(v)
            elif isinstance(v, (dict, list)):
                _walk_strings(v, fn)
    return obj


def _pairs(items: Any) -> Iterator[dict[str, Any]]:
    if isinstance(items, list):
        for item in items:
            if isinstance(item, dict):
                yield item


def _sanitize_entry(r: _Redactor, entry: dict[str, Any]) -> None:
    req_raw, resp_raw = entry.get("request"), entry.get("response")
    req: dict[str, Any] = req_raw if isinstance(req_raw, dict) else {}
    resp: dict[str, Any] = resp_raw if isinstance(resp_raw, dict) else {}
    for side, owner in (("request", req), ("response", resp)):
        for h in _pairs(owner.get("headers")):
            if isinstance(h.get("value"), str):
                h["value"] = r.header_value(str(h.get("name", "")), h["value"],
                                            f"{side}.headers[{h.get('name', '')}]")
        for c in _pairs(owner.get("cookies")):
            if c.get("value") not in (None, ""):
                c["value"] = r.replace(c["value"], f"{side}.cookies[{c.get('name', '')}]", "cookie")
    if isinstance(req.get("url"), str):
        req["url"] = r.url(req["url"], "request.url")
    for q in _pairs(req.get("queryString")):
        name, value = str(q.get("name", "")), q.get("value")
        if isinstance(value, str):
            if is_credential_name(name) and value:
                q["value"] = r.replace(value, f"request.queryString[{name}]", "credential-name")
            else:
                q["value"] = r.jwts(value, f"request.queryString[{name}]")
    post = req.get("postData")
    if isinstance(post, dict):
        mime = str(post.get("mimeType") or "")
        for p in _pairs(post.get("params")):
            name, value = str(p.get("name", "")), p.get("value")
            if isinstance(value, str) and value:
                p["value"] = (r.replace(value, f"request.postData.params[{name}]", "credential-name")
                              if is_credential_name(name) else r.jwts(value, f"request.postData.params[{name}]"))
        if isinstance(post.get("text"), str) and post["text"]:
            post["text"] = r.body_text(post["text"], mime, "request.postData.text")
    if isinstance(resp.get("redirectURL"), str) and resp["redirectURL"]:
        resp["redirectURL"] = r.url(resp["redirectURL"], "response.redirectURL")
    content = resp.get("content")
    if isinstance(content, dict) and isinstance(content.get("text"), str) and content["text"]:
        _sanitize_content(r, content)


def _sanitize_content(r: _Redactor, content: dict[str, Any]) -> None:
    mime = str(content.get("mimeType") or "")
    text: str = content["text"]
    if str(content.get("encoding") or "").lower() == "base64":
        from console.services.har.model import is_textual

        try:
            data = base64.b64decode(text, validate=False)
        except (binascii.Error, ValueError):
            return
        if not is_textual(mime, data):
            return
        try:
            decoded = data.decode("utf-8")
        except UnicodeDecodeError:
            return
        cleaned = r.body_text(decoded, mime, "response.content.text (base64)")
        if cleaned != decoded:
            content["text"] = base64.b64encode(cleaned.encode("utf-8")).decode("ascii")
            content["size"] = len(cleaned.encode("utf-8"))
        return
    content["text"] = r.body_text(text, mime, "response.content.text")


def _sweep(r: _Redactor, log_dict: dict[str, Any]) -> None:
    """Replace remaining copies of redacted values anywhere (plain, URL-encoded or base64'd forms)."""
    variants: dict[str, str] = {}
    for value, ph in r.secrets.items():
        if len(value) < _MIN_SWEEP or (value.isdigit() and len(value) < 10):
            continue
        for form in (value, quote(value, safe=""), quote_plus(value), quote(value, safe="/:=")):
            variants.setdefault(form, ph)
    if not variants:
        return
    pattern = re.compile("|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True)))
    first_chars = {v[0] for v in variants}
    counts: Counter[tuple[int | None, str]] = Counter()

    def sweep_in(entry_index: int | None, where: str) -> Callable[[str], str]:
        def fn(text: str) -> str:
            if not any(c in text for c in first_chars):
                return text
            new, n = pattern.subn(lambda m: variants[m.group(0)], text)
            if n:
                counts[(entry_index, where)] += n
            return new
        return fn

    for page in _pairs(log_dict.get("pages")):
        _walk_strings(page, sweep_in(None, "pages"))
    for i, entry in enumerate(_pairs(log_dict.get("entries"))):
        _walk_strings(entry, sweep_in(i, "entry (other copy of a redacted value)"))
        content = entry.get("response", {}).get("content") if isinstance(entry.get("response"), dict) else None
        if isinstance(content, dict) and str(content.get("encoding") or "").lower() == "base64" and \
                isinstance(content.get("text"), str):
            try:
                decoded = base64.b64decode(content["text"]).decode("utf-8")
            except (binascii.Error, ValueError, UnicodeDecodeError):
                continue
            new = sweep_in(i, "response.content.text (base64)")(decoded)
            if new != decoded:
                content["text"] = base64.b64encode(new.encode("utf-8")).decode("ascii")
    for (entry_index, where), n in counts.items():
        r.report.extend(Replacement(entry_index, where, "known-secret") for _ in range(n))


def sanitize_document(log_dict: dict[str, Any], *, key: bytes | None = None,
                      progress: Progress | None = None, cancel: threading.Event | None = None,
                      source: str = "", output: str | None = None) -> SanitizeReport:
    """Redact a (normalised) HAR ``log`` dict in place and return the report."""
    r = _Redactor(key)
    entries = list(_pairs(log_dict.get("entries")))
    for i, entry in enumerate(entries):
        if i % 200 == 0:
            if cancel is not None and cancel.is_set():
                raise Cancelled("Redaction was cancelled.")
            if progress:
                progress(i, len(entries))
        r.entry = i
        _sanitize_entry(r, entry)
    r.entry = None
    for page in _pairs(log_dict.get("pages")):
        if isinstance(page.get("title"), str):
            page["title"] = r.url(page["title"], "pages.title")
    _sweep(r, log_dict)
    if progress:
        progress(len(entries), len(entries))
    r.report.sort(key=lambda x: (-1 if x.entry is None else x.entry))
    return SanitizeReport(source=source, output=output, entries=len(entries), replacements=r.report)


def _load_log(src: Path, progress: Progress | None, cancel: threading.Event | None) -> dict[str, Any]:
    return load_har(Path(src), cancel=cancel).raw  # repaired in place, so the output is a valid HAR


def preview_sanitize(src: Path, *, key: bytes | None = None, progress: Progress | None = None,
                     cancel: threading.Event | None = None) -> SanitizeReport:
    """What :func:`sanitize_har_file` would replace, without writing anything."""
    log_dict = _load_log(Path(src), progress, cancel)
    return sanitize_document(log_dict, key=key, progress=progress, cancel=cancel, source=str(src))


def sanitize_har_file(src: Path, dst: Path, *, key: bytes | None = None, progress: Progress | None = None,
                      cancel: threading.Event | None = None) -> SanitizeReport:
    """Write a redacted copy of ``src`` to ``dst`` (atomically) and return what was replaced."""
    src, dst = Path(src), Path(dst)
    log_dict = _load_log(src, progress, cancel)
    report = sanitize_document(log_dict, key=key, progress=progress, cancel=cancel, source=str(src),
                               output=str(dst))
    if cancel is not None and cancel.is_set():
        raise Cancelled("Redaction was cancelled.")
    payload = orjson.dumps({"log": log_dict}, option=orjson.OPT_INDENT_2)
    with atomic_output(dst) as fh:
        fh.write(payload)
    return report


def write_report(report: SanitizeReport, path: Path) -> Path:
    """Write ``report`` as JSON (entry, location and rule of each replacement; never a value) to ``path``."""
    path = Path(path)
    try:
        with atomic_output(path) as fh:
            fh.write(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    except OSError as exc:
        raise InvalidInput(f"Cannot write the redaction report to {path} ({exc.strerror or exc}).",
                           hint="Choose a folder you can write to.") from exc
    return path
