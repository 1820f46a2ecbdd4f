"""Redaction of HAR files: credentials, cookies, tokens and JWTs become stable placeholders.

Placeholders are ``redacted-<12 hex>``: an HMAC-SHA256 of the value under a key drawn at random
per run, so the same secret maps to the same placeholder within one export (flows stay traceable)
and the placeholder reveals nothing about the secret. After the targeted rules, a final sweep
replaces every further occurrence of any redacted value (e.g. a session id echoed in a body or a
Referer) anywhere in the document: values of 8 characters or more wherever they appear, shorter
ones (an OAuth ``code``, a PIN) only when they came from a credential-named field and stand alone
(not inside a longer word or number); very short or common values ("en", "true") stay replaced in
their own field only. The report names entry, location and rule, never the value.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
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
_MIN_SWEEP = 8  # shorter values are swept only as whole words, and only when credential-named
_MIN_NAMED_SWEEP = 4  # "en", "1", "yes": replaced in their own field, never elsewhere
_COMMON_VALUES = frozenset({"true", "false", "null", "none", "undefined", "nan", "yes", "no", "on", "off",
                            "0000", "test", "default", "guest", "anonymous"})
_NAMED_RULES = frozenset({"credential-name", "credential-header", "authorization-header"})
#: Fields the sweep never rewrites: HAR structure that a short secret could collide with (a date, a method)
_SWEEP_SKIP_KEYS = frozenset({"startedDateTime", "httpVersion", "method", "mimeType", "encoding", "pageref",
                              "id", "serverIPAddress", "connection", "_resourceType", "statusText",
                              "expires", "type", "opcode"})
# scheme://user:password@host (or scheme://token@host)
_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]{1,20}://)(?P<user>[^\s/?#@:\"'<>\\]*)"
                       r"(?::(?P<password>[^\s/?#@\"'<>\\]*))?@")


_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.:$@-]{1,48}")


def _label(name: Any) -> str:
    """A header, parameter, cookie or field name as shown in the report: an odd one (a whole request line,
    a value used as a key) could carry a secret, so it is replaced by a description."""
    text = str(name).strip()
    if _PLAIN_NAME.fullmatch(text):
        return text
    return f"(unusual name, {len(text)} characters)" if text else "(no name)"


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


#: OAuth parameters that carry a secret but whose names are too common to redact in JSON bodies ("state")
_OAUTH_PARAMS = frozenset({"state", "relaystate", "codeverifier", "samlrequest"})


def is_credential_param(name: str) -> bool:
    """Like :func:`is_credential_name`, for URL query, fragment and form parameters: also OAuth's ``state``."""
    return is_credential_name(name) or _NON_ALNUM.sub("", name).lower() in _OAUTH_PARAMS


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
        self.named: set[str] = set()
        self.report: list[Replacement] = []
        self.entry: int | None = None

    def placeholder(self, value: str) -> str:
        digest = hmac.new(self.key, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return f"redacted-{digest[:12]}"

    def replace(self, value: Any, location: str, rule: str, *, named: bool | None = None) -> str:
        """The placeholder for ``value``; ``named``: it came from a credential-named field (default: by rule),
        so the sweep also replaces it elsewhere when it is short."""
        text = value if isinstance(value, str) else orjson.dumps(value).decode()
        if not text or text.startswith("redacted-"):
            return text
        ph = self.placeholder(text)
        self.secrets[text] = ph
        if named or (named is None and rule in _NAMED_RULES):
            self.named.add(text)
        self.report.append(Replacement(self.entry, location, rule))
        return ph

    # ------------------------------------------------------------------ text-level helpers
    def jwts(self, text: str, location: str) -> str:
        """JWTs and the credentials of ``scheme://user:password@host`` anywhere in ``text``."""
        if "://" in text and "@" in text:
            text = _USERINFO.sub(lambda m: self._userinfo(m, location), text)
        if "eyJ" not in text:
            return text
        return _JWT.sub(lambda m: self.replace(m.group(0), location, "jwt"), text)

    def _userinfo(self, match: re.Match[str], location: str) -> str:
        user, password = match.group("user"), match.group("password")
        if password is not None:  # keep the user name, replace the password
            if not password:
                return match.group(0)
            ph = self.replace(unquote_plus(password), location, "url-userinfo", named=True)
            return f"{match.group('scheme')}{user}:{ph}@"
        if not user:
            return match.group(0)
        # a lone user part is usually a token (https://<token>@host)
        return f"{match.group('scheme')}{self.replace(unquote_plus(user), location, 'url-userinfo', named=True)}@"

    def cookie_string(self, text: str, location: str, *, set_cookie: bool) -> str:
        parts = text.split(";") if not set_cookie else [text.split(";", 1)[0]]
        rest = text[len(parts[0]):] if set_cookie else ""
        out = []
        for part in parts:
            name, eq, value = part.partition("=")
            if eq and value.strip():
                stripped = value.strip()
                value = value.replace(stripped, self.replace(stripped, f"{location} cookie {_label(name)}",
                                                             "cookie", named=is_credential_name(name.strip())))
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
            if eq and value and is_credential_param(unquote_plus(name)):
                value = self.replace(unquote_plus(value), f"{location} parameter {_label(unquote_plus(name))}",
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
            return {k: self.json_value(v, f"{path}.{_label(k)}", location, sensitive or is_credential_name(str(k)))
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
        lmime = mime.lower()
        if "x-www-form-urlencoded" in lmime or _FORM_BODY.fullmatch(text[:4096]):
            text = self.query_string(text, location)
        if "multipart/" in lmime or "content-disposition" in text[:4096].lower():
            text = _MULTIPART_FIELD.sub(lambda m: self._multipart(m, location), text)
        if "<" in text and ("<input" in text or "<meta" in text or "<INPUT" in text or "<META" in text):
            text = _HTML_TAG.sub(lambda m: self._html_tag(m, location), text)
        text = _KEY_VALUE.sub(lambda m: self._kv(m, location), text)
        if not any(kind in lmime for kind in ("javascript", "ecmascript", "css", "html", "xml", "json")):
            # plain text, logs, unknown types: password=… or token: … at the start of a line or after ; & ,
            text = _BARE_KEY_VALUE.sub(lambda m: self._kv(m, location), text)
        return self.jwts(text, location)

    def _multipart(self, match: re.Match[str], location: str) -> str:
        name, value = match.group("name") or match.group("bare") or "", match.group("value")
        if not value or not is_credential_name(name) or value.startswith("redacted-"):
            return match.group(0)
        return match.group("head") + self.replace(value, f"{location} form field {_label(name)}", "credential-name")

    def _html_tag(self, match: re.Match[str], location: str) -> str:
        tag = match.group(0)
        attrs = {m.group("attr").lower(): m for m in _HTML_ATTR.finditer(tag)}
        field_name = next((_attr_value(attrs[a]) for a in ("name", "id", "property", "http-equiv") if a in attrs
                           and is_credential_name(_attr_value(attrs[a]))), None)
        target = attrs.get("value") or attrs.get("content")
        if field_name is None or target is None:
            return tag
        group = next(g for g in ("dq", "sq", "uq") if target.group(g) is not None)
        value = target.group(group)
        if not value or value.startswith("redacted-"):
            return tag
        start, end = target.span(group)
        ph = self.replace(value, f"{location} form field {_label(field_name)}", "credential-name")
        return tag[:start] + ph + tag[end:]

    def _kv(self, match: re.Match[str], location: str) -> str:
        name, value = match.group("name"), match.group("value")
        if not is_credential_name(name) or value.startswith("redacted-") or len(value) < 4:
            return match.group(0)
        start, end = match.span("value")
        whole = match.group(0)
        base = match.start()
        return whole[:start - base] + self.replace(value, f"{location} field {_label(name)}", "credential-name") + \
            whole[end - base:]


# "name": "value" / name=value / name="value" inside non-JSON text (HTML forms, JS, multipart)
_KEY_VALUE = re.compile(
    r"""["']?(?P<name>[A-Za-z_][A-Za-z0-9_.-]{1,40})["']?\s*(?::|=)\s*["'](?P<value>[^"'\s<>]{4,512})["']""")
# unquoted name=value / name: value in plain text (start of a line, or after & ; , or whitespace)
_BARE_KEY_VALUE = re.compile(
    r"""(?:^|(?<=[\s&;,?]))(?P<name>[A-Za-z_][A-Za-z0-9_.-]{1,40})[ \t]*(?::|=)[ \t]*"""
    r"""(?P<value>(?:(?:Bearer|Basic|Digest|Token)[ \t]+)?[^\s"'<>&;,]{4,512})""", re.M | re.I)
# a whole body that is one or more name=value pairs joined by & (with or without a form MIME type)
_FORM_BODY = re.compile(r"[A-Za-z0-9_.~%+\[\]-]+=[^\s&=]*(?:&[A-Za-z0-9_.~%+\[\]-]+=[^\s&]*)*\s*")
# one multipart/form-data field: its headers (with name="…") up to the blank line, then the value
_MULTIPART_FIELD = re.compile(
    r"""(?P<head>Content-Disposition:[^\r\n]*?\bname=(?:"(?P<name>[^"\r\n]*)"|(?P<bare>[^;\s]+))[^\r\n]*"""
    r"""(?:\r?\n[^\r\n]+)*\r?\n\r?\n)(?P<value>.*?)(?=\r?\n--|\Z)""", re.I | re.S)
# <input …> and <meta …> tags, and their attributes (quoted or not)
_HTML_TAG = re.compile(r"<(?:input|meta)\b[^<>]{0,2000}>", re.I)
_HTML_ATTR = re.compile(
    r"""(?P<attr>[A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<uq>[^\s"'=<>`]+))""")


def _attr_value(match: re.Match[str]) -> str:
    return next(v for v in (match.group("dq"), match.group("sq"), match.group("uq"), "") if v is not None)


def _walk_strings(obj: Any, fn: Callable[[str], str], keyed: Callable[[str], str] | None = None,
                  keys: frozenset[str] = frozenset()) -> Any:
    """Apply ``fn`` to every string in ``obj`` (in place); strings under a dict key in ``keys`` get ``keyed``
    instead (or are left alone when it is None)."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str):
                if k not in keys:
                    obj[k] = fn(v)
                elif keyed is not None:
                    obj[k] = keyed(v)
            elif isinstance(v, (dict, list)):
                _walk_strings(v, fn, keyed, keys)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            if isinstance(v, str):
                obj[i] = fn(v)
            elif isinstance(v, (dict, list)):
                _walk_strings(v, fn, keyed, keys)
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
                                            f"{side}.headers[{_label(h.get('name', ''))}]")
        for c in _pairs(owner.get("cookies")):
            if c.get("value") not in (None, ""):
                c["value"] = r.replace(c["value"], f"{side}.cookies[{_label(c.get('name', ''))}]", "cookie",
                                       named=is_credential_name(str(c.get("name", ""))))
    if isinstance(req.get("url"), str):
        req["url"] = r.url(req["url"], "request.url")
    for q in _pairs(req.get("queryString")):
        name, value = str(q.get("name", "")), q.get("value")
        if isinstance(value, str):
            if is_credential_param(name) and value:
                q["value"] = r.replace(value, f"request.queryString[{_label(name)}]", "credential-name")
            else:
                q["value"] = r.jwts(value, f"request.queryString[{_label(name)}]")
    post = req.get("postData")
    if isinstance(post, dict):
        mime = str(post.get("mimeType") or "")
        for p in _pairs(post.get("params")):
            name, value = str(p.get("name", "")), p.get("value")
            if isinstance(value, str) and value:
                where = f"request.postData.params[{_label(name)}]"
                p["value"] = (r.replace(value, where, "credential-name") if is_credential_param(name)
                              else r.jwts(value, where))
        if isinstance(post.get("text"), str) and post["text"]:
            post["text"] = r.body_text(post["text"], mime, "request.postData.text")
    if isinstance(resp.get("redirectURL"), str) and resp["redirectURL"]:
        resp["redirectURL"] = r.url(resp["redirectURL"], "response.redirectURL")
    content = resp.get("content")
    if isinstance(content, dict) and isinstance(content.get("text"), str) and content["text"]:
        _sanitize_content(r, content)
    for i, message in enumerate(_pairs(entry.get("_webSocketMessages"))):  # Chrome's WebSocket frames
        if isinstance(message.get("data"), str) and message["data"]:
            message["data"] = r.body_text(message["data"], "", f"_webSocketMessages[{i}].data")


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


def _sweep_value_kind(value: str, named: bool) -> str | None:
    """"long": replaced wherever it appears; "word": only where it stands alone (not inside a longer word or
    number, nor in the HAR's structural fields); None: never outside its own field."""
    if len(value) >= _MIN_SWEEP and not (value.isdigit() and len(value) < 10):
        return "long"
    if named and len(value) >= _MIN_NAMED_SWEEP and value.lower() not in _COMMON_VALUES and value.strip() == value:
        return "word"
    return None


def _sweep(r: _Redactor, log_dict: dict[str, Any]) -> None:
    """Replace remaining copies of redacted values anywhere (plain, URL-encoded or base64'd forms)."""
    long_forms: dict[str, str] = {}
    word_forms: dict[str, str] = {}
    for value, ph in r.secrets.items():
        kind = _sweep_value_kind(value, value in r.named)
        if kind is None:
            continue
        target = long_forms if kind == "long" else word_forms
        for form in (value, quote(value, safe=""), quote_plus(value), quote(value, safe="/:=")):
            target.setdefault(form, ph)
    if not long_forms and not word_forms:
        return
    variants = {**word_forms, **long_forms}

    def alternation(forms: dict[str, str]) -> str:
        return "|".join(re.escape(v) for v in sorted(forms, key=len, reverse=True))

    parts = []
    if long_forms:  # first, so that a long secret is replaced whole even when a short one starts it
        parts.append(f"(?:{alternation(long_forms)})")
    if word_forms:
        parts.append(f"(?<![A-Za-z0-9])(?:{alternation(word_forms)})(?![A-Za-z0-9])")
    pattern = re.compile("|".join(parts))
    long_pattern = re.compile(alternation(long_forms)) if long_forms else None
    first_chars = {v[0] for v in variants}
    long_first = {v[0] for v in long_forms}
    counts: Counter[tuple[int | None, str]] = Counter()

    def sweep_in(entry_index: int | None, where: str, *, long_only: bool = False) -> Callable[[str], str]:
        regex, chars = (long_pattern, long_first) if long_only else (pattern, first_chars)

        def fn(text: str) -> str:
            if regex is None or not any(c in text for c in chars):
                return text
            new, n = regex.subn(lambda m: variants[m.group(0)], text)
            if n:
                counts[(entry_index, where)] += n
            return new
        return fn

    for page in _pairs(log_dict.get("pages")):
        _walk_strings(page, sweep_in(None, "pages"), sweep_in(None, "pages", long_only=True), _SWEEP_SKIP_KEYS)
    where = "elsewhere in the request (another copy of a redacted value)"
    for i, entry in enumerate(_pairs(log_dict.get("entries"))):
        _walk_strings(entry, sweep_in(i, where), sweep_in(i, where, long_only=True), _SWEEP_SKIP_KEYS)
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
    for (entry_index, where_), n in counts.items():
        r.report.extend(Replacement(entry_index, where_, "known-secret") for _ in range(n))


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


def check_output_path(path: Path, *, what: str = "the redacted copy", source: Path | None = None) -> Path:
    """Refuse, before any work, an output path that cannot be written as a file: an existing folder, a
    folder that does not exist (it is never created silently), a "folder" that is a file, the input itself."""
    path = Path(path)
    if source is not None:
        try:
            same = path.resolve() == Path(source).resolve()
        except OSError:
            same = False
        if same:
            raise InvalidInput("The output must be a different file from the input.",
                               hint="Keep the original; write the redacted copy next to it.")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; {what} needs a file name.",
                           hint=f"For example {path / 'sanitized.har'}.")
    parent = path.parent
    if not parent.exists():
        blocker = next((a for a in parent.parents if a.exists() and not a.is_dir()), None)
        if blocker is not None:
            raise InvalidInput(f"Cannot write {what} to {path}: {blocker or parent} is a file, not a folder.",
                               hint="Choose a path inside an existing folder.")
        raise InvalidInput(f"Cannot write {what} to {path}: the folder {parent} does not exist.",
                           hint="Create the folder first, or choose an existing one.")
    if not parent.is_dir():
        raise InvalidInput(f"Cannot write {what} to {path}: {parent} is a file, not a folder.",
                           hint="Choose a path inside an existing folder.")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InvalidInput(f"Cannot write {what} to {path}: the folder {parent} is not writable.",
                           hint="Choose a folder you can write to.")
    return path


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
    check_output_path(dst, source=src)
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
    path = check_output_path(Path(path), what="the redaction report")
    try:
        with atomic_output(path) as fh:
            fh.write(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2) + b"\n")
    except OSError as exc:
        raise InvalidInput(f"Cannot write the redaction report to {path} ({exc.strerror or exc}).",
                           hint="Choose a folder you can write to.") from exc
    return path
